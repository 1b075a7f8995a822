/**
 * What people did, as they read it: the names of report events (the report's 历史) and of audit
 * actions (管理 → 审计日志 and its exports), and status changes as 草稿 → 待审核. One mapping, so the
 * history, the log, its Excel and CSV files say the same thing for the same act.
 */
import { STATUS_LABELS, type ReportStatus } from './format';
import { ACTION_LABELS } from './lifecycle';

/** Report events (`report_events.action`): the workflow acts plus what is on record besides them. */
export const REPORT_EVENT_LABELS: Record<string, string> = {
  create: '新建年报',
  save: '保存草稿',
  ...ACTION_LABELS,
  imported: '历史导入',
  import: '历史导入',
};

/** A status by its name (草稿, 待审核 …); an unknown code as it is. */
export const statusName = (s: string | null | undefined): string => (s ? (STATUS_LABELS[s as ReportStatus] ?? s) : '—');

/** 草稿 → 待审核 (only the new status when there was none before). */
export const statusChangeLabel = (from: string | null | undefined, to: string | null | undefined): string =>
  from ? `${statusName(from)} → ${statusName(to)}` : statusName(to);

export const reportEventLabel = (action: string): string => REPORT_EVENT_LABELS[action] ?? `其他操作（${action}）`;

/** Audit actions (`audit_log.action`). Report acts use the report history's names. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.signin': '登录',
  'auth.signout': '退出登录',
  'auth.signout_all': '退出所有设备',
  'auth.force_signout': '强制下线',
  'auth.lock': '登录失败锁定',
  'user.unlock': '解锁账号',
  'user.create': '创建账号',
  'user.reset_password': '重置密码',
  'user.change_password': '修改密码',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'department.move': '调整部门顺序',
  'department.disable': '停用部门',
  'department.enable': '启用部门',
  'department.delete': '删除部门',
  'directory.import': '导入部门和账号',
  'year.open': '开放年度',
  'year.update': '修改截止日期',
  'year.close': '关闭年度',
  'year.reopen': '重新开放年度',
  'word.create': '新增错敏词',
  'word.update': '修改错敏词',
  'word.delete': '删除错敏词',
  'reminder.send': '发送催报提醒',
  'deadline.extend': '准予延期报送',
  'export.progress': '导出进度表',
  'export.audit': '导出审计日志',
  'settings.requiredSignoffs': '修改审核级数',
  'settings.explainRequired': '修改需说明的提示规则',
  'year.scanRequired': '修改报送稿扫描件要求',
  'report.scan': '上传报送稿扫描件',
  'access.unauthorized': '未登录访问被拒绝',
  'access.forbidden': '越权访问被拒绝',
  'access.not_found': '访问不存在或无权查看的数据',
  ...Object.fromEntries(Object.entries(REPORT_EVENT_LABELS).map(([k, v]) => [`report.${k}`, v])),
};

/** The name of a failed attempt where the act's own name would read as if it had happened. */
const FAILURE_LABELS: Record<string, string> = {
  'auth.signin': '登录失败',
  'user.change_password': '修改密码失败',
};

/** What an action code's first part is about, for a code this list does not know yet. */
const DOMAIN_LABELS: Record<string, string> = {
  auth: '登录',
  user: '账号',
  department: '部门',
  directory: '部门和账号',
  year: '年度',
  word: '错敏词',
  reminder: '催报',
  deadline: '截止日期',
  export: '导出',
  settings: '设置',
  access: '访问',
  report: '报告',
};

/** The audit log's name for an action: 登录失败, 提交审核, 新建年报 …; an unknown code stays readable. */
export function auditActionLabel(action: string, outcome?: 'success' | 'failure' | string | null): string {
  if (outcome === 'failure' && FAILURE_LABELS[action]) return FAILURE_LABELS[action]!;
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const domain = DOMAIN_LABELS[action.split('.')[0]!];
  return domain ? `${domain}·其他操作（${action}）` : `其他操作（${action}）`;
}

const STATUS_CHANGE = /^([a-z_]+) → ([a-z_]+)$/;

/** An audit line's 说明 as people read it: the stored `draft → submitted` becomes 草稿 → 待审核. */
export function auditDetailText(detail: string | null | undefined): string {
  if (!detail) return '';
  const m = STATUS_CHANGE.exec(detail);
  return m && m[1]! in STATUS_LABELS && m[2]! in STATUS_LABELS ? statusChangeLabel(m[1], m[2]) : detail;
}
