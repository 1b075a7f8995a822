/**
 * The report workflow as a pure state machine: which role may move a report from which status to
 * which, and what the move records. No I/O; the server loads the report, asks `decide`, then writes
 * the new status, the event and (for 审核通过) the sign-off in one transaction.
 *
 * Sign-offs belong to one version of the report: the caller passes only those recorded on the
 * version under review, so a returned and resubmitted report starts its sign-offs afresh.
 */
import { ROLE_LABELS, STATUS_LABELS, type ReportStatus, type Role } from './format';

export type ReportAction = 'submit' | 'recall' | 'signoff' | 'return' | 'publish' | 'reopen' | 'unpublish' | 'republish';

export const ACTION_LABELS: Record<ReportAction, string> = {
  submit: '提交审核',
  recall: '撤回',
  signoff: '审核通过',
  return: '退回修改',
  publish: '发布',
  reopen: '更正',
  unpublish: '撤销发布',
  republish: '重新发布',
};

type Transition = {
  roles: readonly Role[];
  from: readonly ReportStatus[];
  /** For signoff the target depends on how many sign-offs are reached; see decide(). */
  to: ReportStatus;
  /** What the comment is called when the act needs one (shown to the user). */
  comment?: string;
};

/** The whole workflow at a glance. admin appears nowhere: account management only. */
export const TRANSITIONS: Record<ReportAction, Transition> = {
  submit: { roles: ['department'], from: ['draft', 'returned'], to: 'submitted' },
  recall: { roles: ['department'], from: ['submitted'], to: 'draft' },
  signoff: { roles: ['reviewer', 'publisher'], from: ['submitted', 'in_review'], to: 'in_review' },
  return: { roles: ['reviewer', 'publisher'], from: ['submitted', 'in_review', 'approved'], to: 'returned', comment: '退回意见' },
  publish: { roles: ['publisher'], from: ['approved'], to: 'published' },
  // The public keeps seeing the old publication until the corrected report is published again.
  reopen: { roles: ['reviewer', 'publisher'], from: ['published'], to: 'returned', comment: '更正原因' },
  unpublish: { roles: ['publisher'], from: ['published'], to: 'withdrawn', comment: '撤销原因' },
  republish: { roles: ['publisher'], from: ['withdrawn'], to: 'published' },
};

export const REPORT_ACTIONS = Object.keys(TRANSITIONS) as ReportAction[];

export const DEFAULT_REQUIRED_SIGNOFFS = 2;
export const MAX_REQUIRED_SIGNOFFS = 3;

/** User ids are compared as strings so a numeric id from the database matches one from a session. */
export type UserId = number | string;
export type Signoff = { userId: UserId; step: number };

export type DecideInput = {
  action: ReportAction;
  status: ReportStatus;
  actorRole: Role;
  actorUserId: UserId;
  /** Sign-offs already recorded on the version under review. */
  signoffs: readonly Signoff[];
  /** 1–3 levels of review; default 2 (初审 + 终审). */
  requiredSignoffs?: number;
  comment?: string | null;
};

export type Decision =
  | { ok: true; to: ReportStatus; signoffStep?: number; signoffLabel?: string }
  | { ok: false; message: string };

/** 初审 / 复审 / 终审; with a single level the one sign-off is simply 审核. */
export function signoffStepLabel(step: number, requiredSignoffs: number = DEFAULT_REQUIRED_SIGNOFFS): string {
  if (requiredSignoffs === 1) return '审核';
  if (step === requiredSignoffs) return '终审';
  return step === 1 ? '初审' : '复审';
}

const refuse = (message: string): Decision => ({ ok: false, message });

export function decide(input: DecideInput): Decision {
  const { action, status, actorRole, actorUserId, signoffs } = input;
  const required = input.requiredSignoffs ?? DEFAULT_REQUIRED_SIGNOFFS;
  const t = TRANSITIONS[action];
  const label = ACTION_LABELS[action];

  if (!t) return refuse('未知的操作');
  if (!Number.isInteger(required) || required < 1 || required > MAX_REQUIRED_SIGNOFFS) {
    return refuse(`审核级数设置无效（应为1至${MAX_REQUIRED_SIGNOFFS}级），请联系管理员`);
  }
  if (actorRole === 'admin') return refuse(`${ROLE_LABELS.admin}只管理账号和设置，不能${label}报告`);
  if (!t.roles.includes(actorRole)) return refuse(`${ROLE_LABELS[actorRole]}不能${label}`);

  // Checked before the status so the department is told why, not just "wrong status".
  if (action === 'recall' && (status === 'in_review' || signoffs.length > 0)) {
    return refuse('审核人已开始审核，不能撤回；如需修改，请联系审核人退回');
  }
  if (!t.from.includes(status)) return refuse(`报告当前为“${STATUS_LABELS[status]}”，不能${label}`);
  if (t.comment && !input.comment?.trim()) return refuse(`请填写${t.comment}`);

  if (action !== 'signoff') return { ok: true, to: t.to };

  const step = signoffs.length + 1;
  if (step > required) return refuse('本版本的审核已全部完成，无需再次审核');
  if (signoffs.some((s) => String(s.userId) === String(actorUserId))) {
    return refuse('您已审核过本版本，同一人不能重复审核，请由另一位审核人完成');
  }
  // Two or more levels: the last one (终审) is the publisher's, so publication is never decided
  // by a reviewer alone.
  if (required >= 2 && step === required && actorRole !== 'publisher') {
    return refuse(`终审须由${ROLE_LABELS.publisher}完成`);
  }
  return {
    ok: true,
    to: step === required ? 'approved' : 'in_review',
    signoffStep: step,
    signoffLabel: signoffStepLabel(step, required),
  };
}

/** Actions this user could take now, for showing buttons. The server still calls decide(). */
export function availableActions(input: Omit<DecideInput, 'action' | 'comment'>): ReportAction[] {
  // A placeholder comment: the UI asks for the real one after the button is pressed.
  return REPORT_ACTIONS.filter((action) => decide({ ...input, action, comment: '—' }).ok);
}

/** Whether the department may change the content (only before submission or after a return). */
export function isEditableByDepartment(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Whether the act needs a comment, and what to call it in the dialog ('退回意见', …). */
export function actionCommentLabel(action: ReportAction): string | undefined {
  return TRANSITIONS[action].comment;
}

/** The name the API layer uses for the same thing. */
export type WorkflowAction = ReportAction;
