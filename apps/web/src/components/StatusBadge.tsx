import { NOT_STARTED_LABEL, STATUS_LABELS, type ReportStatus } from '@ccgov/report';

export function StatusBadge({ status }: { status: ReportStatus | 'not_started' }) {
  const label = status === 'not_started' ? NOT_STARTED_LABEL : STATUS_LABELS[status];
  return <span className={`status status-${status}`}>{label}</span>;
}
