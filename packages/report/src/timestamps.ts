/**
 * How the portal's screens write a moment: China time (Asia/Shanghai) whatever the server's or the
 * browser's zone, so a server-rendered page and the browser agree. `2026-01-20 14:05`, `2026-01-20`.
 */
type Moment = Date | string | number | null | undefined;

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(d: Moment): Record<string, string> | null {
  if (d == null || d === '') return null;
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

/** 2026-01-20 14:05 (China time); — when there is none. */
export function formatTimestamp(d: Moment): string {
  const p = parts(d);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}

/** 2026-01-20 (the China calendar day); — when there is none. */
export function formatDate(d: Moment): string {
  const p = parts(d);
  return p ? `${p.year}-${p.month}-${p.day}` : '—';
}

/** 14:05 (China time), for a moment of today such as the last save; — when there is none. */
export function formatClock(d: Moment): string {
  const p = parts(d);
  return p ? `${p.hour}:${p.minute}` : '—';
}
