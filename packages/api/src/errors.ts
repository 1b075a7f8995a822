import { TRPCError } from '@trpc/server';

/**
 * One error type for every use case: a string code and a message a clerk can read.
 * Mapped to tRPC codes in one place (toTRPCError), so procedures stay thin.
 */
export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST' | 'UNAUTHORIZED';

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    /** Chinese, shown to the user. */
    public readonly userMessage: string,
    /** Extra structured data for the UI (e.g. the checker's errors on a refused submission). */
    public readonly data?: unknown,
  ) {
    super(userMessage);
  }
}

export const notFound = (what = '报告') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);

export function toTRPCError(err: unknown): unknown {
  if (err instanceof AppError) {
    return new TRPCError({ code: err.code, message: err.userMessage, cause: err });
  }
  return err;
}

// ---------------------------------------------------------------------------------------------
// Validation messages: what a refused input says, in the form's own words. Never an internal
// field key (`code`, `departmentId` …): a schema's own Chinese message is shown as it is, and
// zod's generic English ones are replaced by a sentence naming the field by its label here.
// ---------------------------------------------------------------------------------------------

/** The labels the forms show, by input key (the last part of a zod issue's path). */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  code: '代码',
  kind: '类型',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  departmentId: '所属部门',
  id: '编号',
  active: '状态',
  direction: '顺序',
  year: '年度',
  legalDeadline: '法定截止日期',
  internalDeadline: '区内报送截止日期',
  open: '是否开放',
  word: '错敏词',
  suggestion: '建议用词',
  note: '说明',
  message: '提醒内容',
  comment: '审核意见',
  comments: '意见',
  summary: '退回说明',
  reason: '原因',
  body: '内容',
  target: '位置',
  version: '版本',
  from: '起始日期',
  to: '截止日期',
  outcome: '结果',
  page: '页码',
  format: '文件格式',
  requiredSignoffs: '审核级数',
  rules: '规则',
  currentPassword: '当前密码',
  newPassword: '新密码',
  password: '密码',
  content: '报告内容',
  file: '文件',
  fileName: '文件名',
  data: '文件内容',
  until: '延期至',
  date: '日期',
  q: '搜索词',
  search: '搜索词',
};

type Issue = { code: string; path: readonly PropertyKey[]; message: string; minimum?: unknown; maximum?: unknown; origin?: string };

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** The label of the field an issue is about: its last named path segment, or 输入内容. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  return (key && FIELD_LABELS[key]) || '输入内容';
}

function issueText(i: Issue): string {
  if (HAS_CHINESE.test(i.message)) return i.message;
  const label = fieldLabel(i.path);
  switch (i.code) {
    case 'invalid_type':
      return /received (undefined|null)/.test(i.message) ? `请填写${label}` : `${label}格式不正确`;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? `请填写${label}` : `${label}至少${String(i.minimum)}个字`;
      if (i.origin === 'array' || i.origin === 'set') return `${label}至少${String(i.minimum)}项`;
      return `${label}不能小于${String(i.minimum)}`;
    case 'too_big':
      if (i.origin === 'string') return `${label}不能超过${String(i.maximum)}个字`;
      if (i.origin === 'array' || i.origin === 'set') return `${label}最多${String(i.maximum)}项`;
      return `${label}不能大于${String(i.maximum)}`;
    case 'invalid_value':
      return `${label}的取值无效`;
    case 'unrecognized_keys':
      return '提交的内容含有无法识别的项目，请刷新页面后重试';
    default:
      return `${label}格式不正确`;
  }
}

/** 输入有误：代码应为2至20位小写字母… — every distinct problem once, by field label, never by key. */
export function validationMessage(issues: readonly Issue[]): string {
  const texts = [...new Set(issues.map(issueText))];
  return `输入有误：${texts.join('；') || '请检查后重试'}`;
}
