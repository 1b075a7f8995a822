import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, notifications, users } from '@ccgov/db';
import { realisticReport } from '@ccgov/report';
import { departmentUsers, notifyUsers, reviewersAndPublishers } from './services/notifications';
import { harness, userId } from './test-utils';

/**
 * 通知. Departments used here: cgj (submit → return → resubmit → two sign-offs → publish),
 * sthjj (its second clerk; the dedupe key), spj (a body that hears nothing of cgj's acts).
 * A second reviewer account is added, so "every reviewer" means more than one.
 */
const h = harness();
afterAll(() => h.cleanup());
const Y = h.openYear;

h.db.insert(users).values({ username: 'reviewer2', displayName: '第二审核人', passwordHash: 'x', role: 'reviewer' }).run();
// An inactive reviewer hears nothing.
h.db.insert(users).values({ username: 'reviewer-off', displayName: '停用审核人', passwordHash: 'x', role: 'reviewer', active: false }).run();

const rowsOf = (username: string) =>
  h.db.select().from(notifications).where(eq(notifications.userId, userId(h.db, username))).orderBy(notifications.id).all();
const kindsOf = (username: string) => rowsOf(username).map((n) => n.kind);

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describe('who learns of which act', () => {
  const id = h.reportId('cgj', Y);

  it('a submission reaches every active reviewer and publisher, not the departments', async () => {
    await h.as('cgj').department.save({ id, version: h.report(id).version, content: realisticReport({ year: Y, body: '陈仓区城市管理执法局' }) });
    await h.as('cgj').department.submit({ id, version: h.report(id).version });
    for (const u of ['reviewer', 'reviewer2', 'publisher']) {
      expect(rowsOf(u)).toEqual([
        expect.objectContaining({ kind: 'submitted', title: `陈仓区城市管理执法局提交了${Y}年度报告，待审核`, link: `/review/${id}`, reportId: id, readAt: null }),
      ]);
    }
    expect(rowsOf('reviewer-off')).toEqual([]);
    expect(rowsOf('admin')).toEqual([]);
    expect(rowsOf('cgj')).toEqual([]);
  });

  it('a return reaches the body’s clerk with the comments’ text, and no one else', async () => {
    await h.as('reviewer').review.return({
      id,
      version: h.report(id).version,
      comments: [
        { target: 'requests.granted.natural', body: '予以公开件数请与办件台账再核对一次。' },
        { target: 'text.problems', body: '请写明明年的具体改进措施。' },
      ],
      summary: '请按意见修改后重新提交。',
    });
    const [n] = rowsOf('cgj');
    expect(n).toMatchObject({ kind: 'returned', title: `${Y}年度报告被退回修改`, link: `/dept/reports/${id}`, readAt: null });
    expect(n!.body).toContain('请按意见修改后重新提交。');
    expect(n!.body).toContain('予以公开件数请与办件台账再核对一次。');
    expect(n!.body).toContain('请写明明年的具体改进措施。');
    expect(kindsOf('reviewer')).toEqual(['submitted']);
    expect(kindsOf('spj')).toEqual([]);
  });

  it('approval is told once every sign-off is done (not at 初审), then publication', async () => {
    await h.as('cgj').department.submit({ id, version: h.report(id).version });
    expect(kindsOf('publisher')).toEqual(['submitted', 'submitted']);
    await h.as('reviewer').review.signoff({ id, version: h.report(id).version });
    expect(kindsOf('cgj')).toEqual(['returned']);
    // The publisher learns that the next step is theirs (待终审), the reviewer who signed does not.
    expect(kindsOf('publisher')).toEqual(['submitted', 'submitted', 'signoff']);
    expect(rowsOf('publisher').at(-1)!.title).toContain('待终审');
    expect(kindsOf('reviewer')).not.toContain('signoff');
    await h.as('publisher').review.signoff({ id, version: h.report(id).version });
    expect(kindsOf('cgj')).toEqual(['returned', 'approved']);
    await h.as('publisher').review.publish({ id, version: h.report(id).version });
    expect(kindsOf('cgj')).toEqual(['returned', 'approved', 'published']);
    expect(rowsOf('cgj').at(-1)!.title).toBe(`${Y}年度报告已发布`);
  });
});

describe('read state, per user and only one’s own', () => {
  it('the unread count and the list are the signed-in person’s own', async () => {
    const reviewer = h.as('reviewer');
    const before = await reviewer.notifications.unreadCount();
    expect(before.unread).toBe(rowsOf('reviewer').filter((n) => n.readAt == null).length);
    const list = await reviewer.notifications.list();
    expect(list.items.map((n) => n.id).sort()).toEqual(rowsOf('reviewer').map((n) => n.id).sort());
    expect(list.unread).toBe(before.unread);
  });

  it('marking one read changes that person’s row only; the same notice stays unread for the others', async () => {
    const mine = rowsOf('reviewer')[0]!;
    const theirs = rowsOf('reviewer2')[0]!;
    const res = await h.as('reviewer').notifications.markRead({ id: mine.id });
    expect(res.link).toBe(mine.link);
    expect(rowsOf('reviewer')[0]!.readAt).toBeInstanceOf(Date);
    expect(rowsOf('reviewer2')[0]!.readAt).toBeNull();
    expect((await h.as('reviewer2').notifications.unreadCount()).unread).toBe(rowsOf('reviewer2').length);
    expect((await h.as('reviewer').notifications.list({ unread: true })).items.map((n) => n.id)).not.toContain(mine.id);
    expect(theirs.readAt).toBeNull();
  });

  it('a user cannot mark another’s notification read (NOT_FOUND, nothing changes)', async () => {
    const theirs = rowsOf('cgj')[0]!;
    expect(theirs.readAt).toBeNull();
    expect(await codeOf(h.as('reviewer').notifications.markRead({ id: theirs.id }))).toBe('NOT_FOUND');
    expect(await codeOf(h.as('spj').notifications.markRead({ id: theirs.id }))).toBe('NOT_FOUND');
    expect(rowsOf('cgj')[0]!.readAt).toBeNull();
    // 全部标为已读 by someone else leaves it unread too.
    await h.as('publisher').notifications.markAllRead();
    expect(rowsOf('publisher').every((n) => n.readAt != null)).toBe(true);
    expect(rowsOf('cgj').every((n) => n.readAt == null)).toBe(true);
    expect(rowsOf('reviewer2').every((n) => n.readAt == null)).toBe(true);
  });

  it('全部标为已读 clears the count of the one who pressed it', async () => {
    const cgj = h.as('cgj');
    expect((await cgj.notifications.unreadCount()).unread).toBe(3);
    expect((await cgj.notifications.markAllRead()).marked).toBe(3);
    expect((await cgj.notifications.unreadCount()).unread).toBe(0);
    // Marking an already read one again is harmless.
    expect((await cgj.notifications.markRead({ id: rowsOf('cgj')[0]!.id })).unread).toBe(0);
  });
});

describe('notifyUsers', () => {
  const sthjj = h.db.select().from(users).where(eq(users.username, 'sthjj')).get()!;
  h.db.insert(users).values({ username: 'sthjj2', displayName: '第二填报人', passwordHash: 'x', role: 'department', departmentId: sthjj.departmentId }).run();

  it('departmentUsers names every active clerk of the body; reviewersAndPublishers the active bureau reviewers', () => {
    expect(departmentUsers(h.db, sthjj.departmentId!)).toEqual([sthjj.id, userId(h.db, 'sthjj2')]);
    expect(reviewersAndPublishers(h.db).sort()).toEqual([userId(h.db, 'reviewer'), userId(h.db, 'publisher'), userId(h.db, 'reviewer2')].sort());
  });

  it('with a dedupe key a recipient gets the notice once, however often it is sent; without one, each time', () => {
    const clerks = departmentUsers(h.db, sthjj.departmentId!);
    const notice = { kind: 'deadline', title: '距区内报送截止还有7天', body: '请尽快提交。', link: '/dept', dedupeKey: `deadline-${Y}-7` };
    expect(notifyUsers(h.db, clerks, notice)).toBe(2);
    expect(notifyUsers(h.db, clerks, notice)).toBe(0);
    // A new clerk added later still gets it once.
    expect(notifyUsers(h.db, [...clerks, userId(h.db, 'spj')], notice)).toBe(1);
    const keyed = (u: string) => rowsOf(u).filter((n) => n.dedupeKey === `deadline-${Y}-7`).length;
    expect([keyed('sthjj'), keyed('sthjj2'), keyed('spj')]).toEqual([1, 1, 1]);

    expect(notifyUsers(h.db, [sthjj.id], { kind: 'reminder', title: '催报' })).toBe(1);
    expect(notifyUsers(h.db, [sthjj.id, sthjj.id], { kind: 'reminder', title: '催报' })).toBe(1);
    expect(rowsOf('sthjj').filter((n) => n.kind === 'reminder')).toHaveLength(2);
    expect(notifyUsers(h.db, [], notice)).toBe(0);
  });

  it('a read dedupe-keyed notice is not sent again either', async () => {
    const [n] = h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, sthjj.id), eq(notifications.dedupeKey, `deadline-${Y}-7`)))
      .all();
    await h.as('sthjj').notifications.markRead({ id: n!.id });
    expect(notifyUsers(h.db, [sthjj.id], { kind: 'deadline', title: 'x', dedupeKey: `deadline-${Y}-7` })).toBe(0);
  });
});
