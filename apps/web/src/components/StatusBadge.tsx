import { NOT_STARTED_LABEL, STATUS_LABELS, type ReportStatus } from '@ccgov/report';

export function StatusBadge({ status }: { status: ReportStatus | 'not_started' }) {
  const label = status === 'not_started' ? NOT_STARTED_LABEL : STATUS_LABELS[status];
  return <span className={`status status-${status}`}>{label}</span>;
}

export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return '—';
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function formatDate(d: Date | null | undefined): string {
  if (!d) return '—';
  return d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}
