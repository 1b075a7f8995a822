/**
 * Small charts drawn as inline SVG (no chart library, no client JavaScript). Each is an image
 * with a text title; the page puts the same numbers in a table beside it for screen readers,
 * printing and copying.
 */
export type Datum = {
  label: string;
  value: number;
  display: string;
  /** A year not every body has published yet: drawn hatched with a dashed outline, this note under its label. */
  incomplete?: string;
};

const WIDTH = 420;
const FONT = 13;

export function ColumnChart({ id, title, data }: { id: string; title: string; data: readonly Datum[] }) {
  const height = 240;
  const top = 24;
  // Room for a second line under a label (未完成 1/47) when a bar carries one.
  const bottom = data.some((d) => d.incomplete) ? 46 : 30;
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = (WIDTH - 16) / Math.max(1, data.length);
  const barWidth = Math.min(72, slot * 0.6);
  const plot = height - top - bottom;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`}>
      <title id={`${id}-title`}>{title}</title>
      {data.some((d) => d.incomplete) && (
        <defs>
          <pattern id={`${id}-hatch`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} fill="#fff" />
            <line x1={0} y1={0} x2={0} y2={6} className="hatch-line" />
          </pattern>
        </defs>
      )}
      <line x1={8} x2={WIDTH - 8} y1={height - bottom} y2={height - bottom} className="axis" />
      {data.map((d, i) => {
        const h = (d.value / max) * plot;
        const x = 8 + slot * i + (slot - barWidth) / 2;
        const y = height - bottom - h;
        return (
          <g key={d.label}>
            {d.incomplete ? (
              <rect x={x} y={y} width={barWidth} height={h} className="bar-incomplete" fill={`url(#${id}-hatch)`} data-incomplete="true" />
            ) : (
              <rect x={x} y={y} width={barWidth} height={h} className="bar" />
            )}
            <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" fontSize={FONT}>
              {d.display}
            </text>
            <text x={x + barWidth / 2} y={height - bottom + 20} textAnchor="middle" fontSize={FONT}>
              {d.label}
            </text>
            {d.incomplete && (
              <text x={x + barWidth / 2} y={height - bottom + 36} textAnchor="middle" fontSize={FONT - 2} className="chart-note">
                {d.incomplete}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function BarChart({ id, title, data }: { id: string; title: string; data: readonly Datum[] }) {
  // Narrower than the column chart, so names stay legible when a phone scales it down.
  const WIDTH = 360;
  const row = 40;
  const height = Math.max(row, data.length * row) + 4;
  const valueRoom = 56;
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`}>
      <title id={`${id}-title`}>{title}</title>
      {data.map((d, i) => {
        const y = i * row;
        const w = Math.max(2, (d.value / max) * (WIDTH - valueRoom));
        return (
          <g key={`${d.label}-${i}`}>
            <text x={0} y={y + FONT + 1} fontSize={FONT}>
              {d.label}
            </text>
            <rect x={0} y={y + FONT + 6} width={w} height={14} className="bar" />
            <text x={w + 6} y={y + FONT + 18} fontSize={FONT}>
              {d.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
