import 'server-only';
import { formatTimestamp } from '@ccgov/report';

/**
 * The 审计日志 export's filters and columns, one description for the Excel and the CSV file: the
 * same filters as the page (its query string), the same wording as the page (登录失败, 草稿 → 待审核).
 */
export function auditFilters(url: string) {
  const sp = new URL(url).searchParams;
  const get = (k: string) => sp.get(k)?.trim().slice(0, 64) || undefined;
  const date = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(get(k) ?? '') ? get(k) : undefined);
  const outcome = get('outcome');
  return {
    from: date('from'),
    to: date('to'),
    username: get('username'),
    action: get('action'),
    outcome: outcome === 'success' || outcome === 'failure' ? outcome : undefined,
  } as const;
}

export const AUDIT_COLUMNS = [
  { header: '时间', width: 20 },
  { header: '用户', width: 14 },
  { header: '角色', width: 14 },
  { header: '操作', width: 16 },
  { header: '对象', width: 30 },
  { header: '结果', width: 8 },
  { header: '来源IP', width: 16 },
  { header: '说明', width: 50 },
] as const;

type Row = {
  createdAt: Date;
  username: string | null;
  roleLabel: string;
  actionLabel: string;
  target: string;
  outcome: string;
  ip: string | null;
  detailText: string;
};

export const auditCells = (r: Row): string[] => [
  formatTimestamp(r.createdAt),
  r.username ?? '',
  r.roleLabel,
  r.actionLabel,
  r.target,
  r.outcome === 'success' ? '成功' : '失败',
  r.ip ?? '',
  r.detailText,
];
