/**
 * Small charts drawn as inline SVG (no chart library, no client JavaScript). Each is an image
 * with a text title; the page puts the same numbers in a table beside it for screen readers,
 * printing and copying.
 */
export type Datum = { label: string; value: number; display: string };

const WIDTH = 420;
const FONT = 13;

export function ColumnChart({ id, title, data }: { id: string; title: string; data: readonly Datum[] }) {
  const height = 240;
  const top = 24;
  const bottom = 30;
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = (WIDTH - 16) / Math.max(1, data.length);
  const barWidth = Math.min(72, slot * 0.6);
  const plot = height - top - bottom;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`}>
      <title id={`${id}-title`}>{title}</title>
      <line x1={8} x2={WIDTH - 8} y1={height - bottom} y2={height - bottom} className="axis" />
      {data.map((d, i) => {
        const h = (d.value / max) * plot;
        const x = 8 + slot * i + (slot - barWidth) / 2;
        const y = height - bottom - h;
        return (
          <g key={d.label}>
            <rect x={x} y={y} width={barWidth} height={h} className="bar" />
            <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" fontSize={FONT}>
              {d.display}
            </text>
            <text x={x + barWidth / 2} y={height - bottom + 20} textAnchor="middle" fontSize={FONT}>
              {d.label}
            </text>
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
