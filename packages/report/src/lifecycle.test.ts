import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  availableActions,
  decide,
  isEditableByDepartment,
  type DecideInput,
  type ReportAction,
} from './lifecycle';
import { STATUS_LABELS, type ReportStatus, type Role } from './format';

const CLERK = 1;
const REVIEWER = 2;
const PUBLISHER = 3;
const PUBLISHER_2 = 4;

const base: Omit<DecideInput, 'action' | 'status'> = { actorRole: 'department', actorUserId: CLERK, signoffs: [], requiredSignoffs: 2 };
const act = (action: ReportAction, status: ReportStatus, more: Partial<DecideInput> = {}) => decide({ ...base, action, status, ...more });
const asReviewer = { actorRole: 'reviewer', actorUserId: REVIEWER } as const;
const asPublisher = { actorRole: 'publisher', actorUserId: PUBLISHER } as const;

describe('department', () => {
  it('submits a draft or a returned report for review', () => {
    expect(act('submit', 'draft')).toEqual({ ok: true, to: 'submitted' });
    expect(act('submit', 'returned')).toEqual({ ok: true, to: 'submitted' });
  });

  it('cannot submit a report that is already under review', () => {
    const d = act('submit', 'in_review');
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.message).toBe('报告当前为“审核中”，不能提交审核');
  });

  it('recalls a submitted report while nobody has signed it', () => {
    expect(act('recall', 'submitted')).toEqual({ ok: true, to: 'draft' });
  });

  it('cannot recall once a sign-off is recorded', () => {
    const d = act('recall', 'in_review', { signoffs: [{ userId: REVIEWER, step: 1 }] });
    expect(d).toEqual({ ok: false, message: '审核人已开始审核，不能撤回；如需修改，请联系审核人退回' });
  });

  it('cannot approve its own report', () => {
    expect(act('signoff', 'submitted')).toEqual({ ok: false, message: '部门填报人不能审核通过' });
  });

  it('cannot publish', () => {
    expect(act('publish', 'approved').ok).toBe(false);
  });

  it('may edit only a draft or a returned report', () => {
    const editable = (Object.keys(STATUS_LABELS) as ReportStatus[]).filter(isEditableByDepartment);
    expect(editable).toEqual(['draft', 'returned']);
  });
});

describe('sign-off (审核通过)', () => {
  it('takes a submitted report into review at 初审', () => {
    expect(act('signoff', 'submitted', asReviewer)).toEqual({ ok: true, to: 'in_review', signoffStep: 1, signoffLabel: '初审' });
  });

  it('approves at 终审 by a publisher when two sign-offs are required', () => {
    const d = act('signoff', 'in_review', { ...asPublisher, signoffs: [{ userId: REVIEWER, step: 1 }] });
    expect(d).toEqual({ ok: true, to: 'approved', signoffStep: 2, signoffLabel: '终审' });
  });

  it('requires two sign-offs when the setting is left out', () => {
    const d = decide({ action: 'signoff', status: 'submitted', ...asReviewer, signoffs: [] });
    expect(d).toMatchObject({ ok: true, to: 'in_review' });
  });

  it('refuses 终审 by a reviewer', () => {
    const d = act('signoff', 'in_review', { actorRole: 'reviewer', actorUserId: 9, signoffs: [{ userId: REVIEWER, step: 1 }] });
    expect(d).toEqual({ ok: false, message: '终审须由数据局发布人完成' });
  });

  it('lets a publisher do 初审 too', () => {
    expect(act('signoff', 'submitted', asPublisher)).toMatchObject({ ok: true, to: 'in_review', signoffStep: 1 });
  });

  it('refuses a second sign-off by the same person on the same version', () => {
    const d = act('signoff', 'in_review', { ...asPublisher, signoffs: [{ userId: PUBLISHER, step: 1 }] });
    expect(d).toEqual({ ok: false, message: '您已审核过本版本，同一人不能重复审核，请由另一位审核人完成' });
  });

  it('recognises the same person whether the id comes as a number or a string', () => {
    const d = act('signoff', 'in_review', { ...asPublisher, signoffs: [{ userId: String(PUBLISHER), step: 1 }] });
    expect(d.ok).toBe(false);
  });

  it('approves at once when one sign-off is required, by a reviewer', () => {
    expect(act('signoff', 'submitted', { ...asReviewer, requiredSignoffs: 1 })).toEqual({
      ok: true,
      to: 'approved',
      signoffStep: 1,
      signoffLabel: '审核',
    });
  });

  it('goes 初审, 复审, 终审 when three sign-offs are required', () => {
    const three = { requiredSignoffs: 3 };
    expect(act('signoff', 'submitted', { ...asReviewer, ...three })).toMatchObject({ to: 'in_review', signoffLabel: '初审' });
    const second = act('signoff', 'in_review', { actorRole: 'reviewer', actorUserId: 9, signoffs: [{ userId: REVIEWER, step: 1 }], ...three });
    expect(second).toMatchObject({ to: 'in_review', signoffStep: 2, signoffLabel: '复审' });
    const third = act('signoff', 'in_review', {
      ...asPublisher,
      signoffs: [
        { userId: REVIEWER, step: 1 },
        { userId: 9, step: 2 },
      ],
      ...three,
    });
    expect(third).toMatchObject({ to: 'approved', signoffStep: 3, signoffLabel: '终审' });
  });

  it('refuses a setting outside one to three sign-offs', () => {
    expect(act('signoff', 'submitted', { ...asReviewer, requiredSignoffs: 0 }).ok).toBe(false);
    expect(act('signoff', 'submitted', { ...asReviewer, requiredSignoffs: 4 }).ok).toBe(false);
  });

  it('cannot sign an approved report again', () => {
    expect(act('signoff', 'approved', { ...asPublisher, actorUserId: PUBLISHER_2 }).ok).toBe(false);
  });
});

describe('return (退回修改)', () => {
  it('sends a report under review back to the department with a comment', () => {
    for (const status of ['submitted', 'in_review', 'approved'] as const) {
      expect(act('return', status, { ...asReviewer, comment: '第三部分第2列不平衡' })).toEqual({ ok: true, to: 'returned' });
    }
  });

  it('requires a comment', () => {
    expect(act('return', 'submitted', { ...asReviewer, comment: '  ' })).toEqual({ ok: false, message: '请填写退回意见' });
  });

  it('cannot return a draft', () => {
    expect(act('return', 'draft', { ...asReviewer, comment: '请修改' }).ok).toBe(false);
  });
});

describe('publication', () => {
  it('publishes an approved report', () => {
    expect(act('publish', 'approved', asPublisher)).toEqual({ ok: true, to: 'published' });
  });

  it('refuses to publish a draft', () => {
    expect(act('publish', 'draft', asPublisher)).toEqual({ ok: false, message: '报告当前为“草稿”，不能发布' });
  });

  it('leaves publishing to the publisher', () => {
    expect(act('publish', 'approved', asReviewer)).toEqual({ ok: false, message: '数据局审核人不能发布' });
  });

  it('reopens a published report for correction (更正) with a reason', () => {
    expect(act('reopen', 'published', { ...asReviewer, comment: '第二部分数据有误' })).toEqual({ ok: true, to: 'returned' });
    expect(act('reopen', 'published', asReviewer)).toEqual({ ok: false, message: '请填写更正原因' });
  });

  it('withdraws a publication with a reason and can publish it again', () => {
    expect(act('unpublish', 'published', { ...asPublisher, comment: '误发' })).toEqual({ ok: true, to: 'withdrawn' });
    expect(act('unpublish', 'published', asPublisher).ok).toBe(false);
    expect(act('unpublish', 'published', { ...asReviewer, comment: '误发' }).ok).toBe(false);
    expect(act('republish', 'withdrawn', asPublisher)).toEqual({ ok: true, to: 'published' });
  });
});

describe('available actions', () => {
  const who: Record<Role, { actorRole: Role; actorUserId: number }> = {
    department: { actorRole: 'department', actorUserId: CLERK },
    reviewer: { actorRole: 'reviewer', actorUserId: REVIEWER },
    publisher: { actorRole: 'publisher', actorUserId: PUBLISHER },
    admin: { actorRole: 'admin', actorUserId: 5 },
  };
  const available = (role: Role, status: ReportStatus, signoffs: DecideInput['signoffs'] = []) =>
    availableActions({ ...who[role], status, signoffs, requiredSignoffs: 2 });

  // The whole workflow in one table: status → role → the buttons that role sees.
  const expected: Record<ReportStatus, Record<Role, ReportAction[]>> = {
    draft: { department: ['submit'], reviewer: [], publisher: [], admin: [] },
    submitted: { department: ['recall'], reviewer: ['signoff', 'return'], publisher: ['signoff', 'return'], admin: [] },
    in_review: { department: [], reviewer: ['return'], publisher: ['signoff', 'return'], admin: [] },
    returned: { department: ['submit'], reviewer: [], publisher: [], admin: [] },
    approved: { department: [], reviewer: ['return'], publisher: ['return', 'publish'], admin: [] },
    published: { department: [], reviewer: ['reopen'], publisher: ['reopen', 'unpublish'], admin: [] },
    withdrawn: { department: [], reviewer: [], publisher: ['republish'], admin: [] },
  };

  for (const [status, byRole] of Object.entries(expected) as [ReportStatus, Record<Role, ReportAction[]>][]) {
    for (const [role, actions] of Object.entries(byRole) as [Role, ReportAction[]][]) {
      it(`offers ${role} on a ${status} report: ${actions.join(', ') || 'nothing'}`, () => {
        // In review, the sign-off on file is another reviewer's 初审.
        const signoffs = status === 'in_review' ? [{ userId: 99, step: 1 }] : [];
        expect(available(role, status, signoffs)).toEqual(actions);
      });
    }
  }

  it('hides 审核通过 from the person who already signed this version', () => {
    expect(available('publisher', 'in_review', [{ userId: PUBLISHER, step: 1 }])).toEqual(['return']);
  });

  it('labels every action in Chinese', () => {
    expect(Object.values(ACTION_LABELS)).toEqual(['提交审核', '撤回', '审核通过', '退回修改', '发布', '更正', '撤销发布', '重新发布']);
  });
});
