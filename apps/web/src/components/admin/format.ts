/** "还有 12 天" / "今天截止" / "已逾期 3 天" */
export function daysText(days: number): string {
  if (days > 0) return `还有 ${days} 天`;
  if (days === 0) return '今天截止';
  return `已逾期 ${-days} 天`;
}

export function formatWhen(d: Date | string | number | null | undefined): string {
  if (d == null) return '—';
  return new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export function formatDay(d: Date | string | number | null | undefined): string {
  if (d == null) return '—';
  return new Date(d).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
}
