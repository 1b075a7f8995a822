import { ROLE_LABELS, STATUS_LABELS, reportEventLabel, type ReportStatus, type Role } from '@ccgov/report';

export function statusLabel(s: string | null | undefined): string {
  return s && s in STATUS_LABELS ? STATUS_LABELS[s as ReportStatus] : '—';
}

export function roleLabel(r: string | null | undefined): string {
  return r && r in ROLE_LABELS ? ROLE_LABELS[r as Role] : (r ?? '');
}

/** Event names as the history shows them: the same names as the audit log (@ccgov/report activity). */
export const eventLabel = reportEventLabel;

/** A number as the report prints it; fee amounts keep up to 4 decimals. */
export function formatNumber(v: number | null | undefined): string {
  if (v == null) return '–';
  return String(Number(v.toFixed(4)));
}

export function formatChange(v: number | null): string {
  if (v == null) return '—';
  if (v === 0) return '0';
  return v > 0 ? `+${formatNumber(v)}` : `−${formatNumber(-v)}`;
}
