import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import type { Role } from '@ccgov/report';
import { appRouter } from './root';
import { harness } from './test-utils';

/**
 * Who may call each procedure. Every procedure of the router must be listed here: a new
 * procedure without a policy fails the first test, so none slips through unguarded.
 */
const POLICY: Record<string, 'public' | readonly Role[]> = {
  'session.me': 'public',
  'public.list': 'public',
  'public.years': 'public',
  'public.get': 'public',
  'public.search': 'public',
  'public.summary': 'public',
  'public.trend': 'public',
  'public.rules': 'public',
  'public.check': 'public',
  'department.list': ['department'],
  'department.get': ['department'],
  'department.create': ['department'],
  'department.save': ['department'],
  'department.submit': ['department'],
  'department.recall': ['department'],
  'review.queue': ['reviewer', 'publisher'],
  'review.get': ['reviewer', 'publisher'],
  'review.crossBody': ['reviewer', 'publisher'],
  'review.signoff': ['reviewer', 'publisher'],
  'review.return': ['reviewer', 'publisher'],
  'review.reopen': ['reviewer', 'publisher'],
  'review.publish': ['publisher'],
  'review.publishAll': ['publisher'],
  'review.unpublish': ['publisher'],
  'review.republish': ['publisher'],
  'admin.departments': ['admin'],
  'admin.users': ['admin'],
  'admin.createDepartment': ['admin'],
  'admin.updateDepartment': ['admin'],
  'admin.moveDepartment': ['admin'],
  'admin.setDepartmentActive': ['admin'],
  'admin.deleteDepartment': ['admin'],
  'admin.createUser': ['admin'],
  'admin.resetPassword': ['admin'],
  'admin.setUserActive': ['admin'],
  'admin.importDirectory': ['admin'],
  'account.changePassword': ['department', 'reviewer', 'publisher', 'admin'],
  'years.list': ['admin'],
  'years.open': ['admin'],
  'years.update': ['admin'],
  'years.setOpen': ['admin'],
  'years.setScanRequired': ['admin'],
  'words.list': ['admin'],
  'words.create': ['admin'],
  'words.update': ['admin'],
  'words.delete': ['admin'],
  'progress.table': ['reviewer', 'publisher', 'admin'],
  'progress.export': ['reviewer', 'publisher', 'admin'],
  'progress.remind': ['admin'],
  'progress.extend': ['admin'],
  'progress.mine': ['department'],
  'audit.list': ['admin'],
  'audit.export': ['admin'],
  'excel.importDraft': ['department'],
  'excel.published': ['reviewer', 'publisher', 'admin'],
  'settings.review': ['reviewer', 'publisher', 'admin'],
  'settings.setRequiredSignoffs': ['admin'],
  'settings.setExplainRequired': ['admin'],
  'security.mySessions': ['department', 'reviewer', 'publisher', 'admin'],
  'security.signOutEverywhere': ['department', 'reviewer', 'publisher', 'admin'],
  'security.sessions': ['admin'],
  'security.locks': ['admin'],
  'security.endSession': ['admin'],
  'security.unlockAccount': ['admin'],
  'history.parse': ['reviewer', 'publisher', 'admin'],
  'history.targets': ['reviewer', 'publisher', 'admin'],
  'history.previous': ['reviewer', 'publisher', 'admin'],
  'history.commit': ['reviewer', 'publisher', 'admin'],
  'history.readWord': ['department'],
  'submission.get': ['department', 'reviewer', 'publisher'],
  'figures.history': ['department', 'reviewer', 'publisher', 'admin'],
  'receipts.forReport': ['department', 'reviewer', 'publisher'],
  'receipts.get': ['department', 'reviewer', 'publisher'],
  'notifications.list': ['department', 'reviewer', 'publisher', 'admin'],
  'notifications.unreadCount': ['department', 'reviewer', 'publisher', 'admin'],
  'notifications.markRead': ['department', 'reviewer', 'publisher', 'admin'],
  'notifications.markAllRead': ['department', 'reviewer', 'publisher', 'admin'],
};

const ACCOUNTS: Record<Role, string> = { department: 'fgj', reviewer: 'reviewer', publisher: 'publisher', admin: 'admin' };
const procedures = Object.keys(appRouter._def.procedures).sort();

const h = harness();
afterAll(() => h.cleanup());

async function codeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

function invoke(username: string | null, path: string, input: unknown) {
  const caller = h.as(username) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split('.') as [string, string];
  return () => caller[ns]![name]!(input);
}

describe('procedure tiers', () => {
  it('every procedure has a declared access policy', () => {
    expect(procedures).toEqual(Object.keys(POLICY).sort());
  });

  for (const path of procedures) {
    const policy = POLICY[path]!;
    it(`${path}: signed-out visitors are ${policy === 'public' ? 'allowed' : 'refused with UNAUTHORIZED'}`, async () => {
      const code = await codeOf(invoke(null, path, { id: 1, version: 1, year: 2024 }));
      if (policy === 'public') expect(['OK', 'NOT_FOUND', 'BAD_REQUEST']).toContain(code);
      else expect(code).toBe('UNAUTHORIZED');
    });
    for (const role of Object.keys(ACCOUNTS) as Role[]) {
      const allowed = policy === 'public' || policy.includes(role);
      it(`${path}: ${role} is ${allowed ? 'let through the tier' : 'refused with FORBIDDEN'}`, async () => {
        const code = await codeOf(invoke(ACCOUNTS[role], path, { id: 999999, version: 1, year: 1999 }));
        if (allowed) expect(['OK', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT']).toContain(code);
        else expect(code).toBe('FORBIDDEN');
      });
    }
  }
});

describe('query scope: a department sees only its own reports', () => {
  const otherId = h.reportId('gaj', h.openYear - 1);
  const ownId = h.reportId('fgj', h.openYear - 1);
  const content = h.report(otherId).content;

  it('department.get answers NOT_FOUND for another department’s report and its own report is readable', async () => {
    const fgj = h.as('fgj');
    await expect(fgj.department.get({ id: otherId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const own = await fgj.department.get({ id: ownId });
    expect(own.department.name).toBe('陈仓区发展和改革局');
  });

  it('the NOT_FOUND message does not reveal the other department or its figures', async () => {
    const err = await h.as('fgj').department.get({ id: otherId }).catch((e: unknown) => e as TRPCError);
    expect(String((err as TRPCError).message)).not.toContain('公安');
  });

  it.each([
    ['department.save', { id: otherId, version: 1, content }],
    ['department.submit', { id: otherId, version: 1 }],
    ['department.recall', { id: otherId, version: 1 }],
  ])('%s on another department’s report answers NOT_FOUND and changes nothing', async (path, input) => {
    const before = h.report(otherId);
    expect(await codeOf(invoke('fgj', path, input))).toBe('NOT_FOUND');
    expect(h.report(otherId)).toEqual(before);
  });

  it('department.list lists only the department’s own reports', async () => {
    const list = await h.as('fgj').department.list();
    const ids = list.reports.map((r) => r.id);
    expect(ids).toContain(ownId);
    expect(ids).not.toContain(otherId);
  });

  it('the bureau does not see a department’s unsubmitted draft', async () => {
    const draft = h.reportId('zfb', h.openYear);
    expect(h.report(draft).status).toBe('draft');
    await expect(h.as('reviewer').review.get({ id: draft })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
