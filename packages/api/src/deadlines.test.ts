/**
 * 区内报送截止 as the bureau runs it: the lock after the deadline, one body's extension,
 * timeliness apart from locking, one days-left count for clerk and reviewer, 催报 without
 * repeats, and the 7/3/1-day deadline notices.
 *
 * "Today" is set through the context's clock (ctx.now). The demo's open year Y has its internal
 * deadline on Y+1-01-26 and the legal one on Y+1-01-31.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession, loadSessionUser } from '@ccgov/auth';
import { buildTemplate } from '@ccgov/excel';
import { and, auditLog, deadlineExtensions, departments, eq, notifications, reminders, reportEvents, reportingYears, reportVersions, users } from '@ccgov/db';
import { chinaToday, daysUntil, realisticReport } from '@ccgov/report';
import { createCaller } from './root';
import { harness, type Harness } from './test-utils';

/** A moment in China time (UTC+8). */
const china = (date: string, time = '10:00:00') => new Date(`${date}T${time}+08:00`);

/** A caller acting as a demo account on a given day (the deadline checks read this clock). */
function asAt(h: Harness, username: string, now?: Date) {
  const u = h.db.select().from(users).where(eq(users.username, username)).get()!;
  const sid = createSession(h.db, u.id, { ip: '127.0.0.1', userAgent: 'vitest' });
  return createCaller({ db: h.db, user: loadSessionUser(h.db, { uid: u.id, sv: u.sessionVersion, sid }), ip: '127.0.0.1', now: now && (() => now) });
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return { code: err.code, message: err.message };
  }
  throw new Error('expected the call to be refused');
}

const deptId = (h: Harness, code: string) => h.db.select().from(departments).where(eq(departments.code, code)).get()!.id;
const userIdOf = (h: Harness, username: string) => h.db.select().from(users).where(eq(users.username, username)).get()!.id;

/** Everything a refused act must leave as it was. */
function stored(h: Harness, id: number) {
  const row = h.report(id);
  return {
    row,
    events: h.db.select().from(reportEvents).where(eq(reportEvents.reportId, id)).all().length,
    versions: h.db.select().from(reportVersions).where(eq(reportVersions.reportId, id)).all().length,
    audit: h.db.select().from(auditLog).where(eq(auditLog.target, `report:${id}`)).all().length,
  };
}

describe('after the internal deadline a report not yet submitted is locked', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const Y = h.openYear;
  const deadline = `${Y + 1}-01-26`;
  const lastMinute = china(deadline, '23:59:00');
  const nextDay = china(`${Y + 1}-01-27`, '00:00:30');
  const lockText = `已过区内报送截止日期（${deadline}），本单位年报已锁定，如需继续填报请联系数据局申请延期。`;

  it('a draft can still be saved in the last minute of the deadline day (China time)', async () => {
    const id = h.reportId('shj', Y);
    const r = h.report(id);
    const saved = await asAt(h, 'shj', lastMinute).department.save({ id, version: r.version, content: r.content });
    expect(saved.version).toBe(r.version + 1);
  });

  it('the next day save, Excel import, Word import and submit are refused with the Chinese message, and nothing is stored', async () => {
    const id = h.reportId('shj', Y);
    const clerk = asAt(h, 'shj', nextDay);
    const before = stored(h, id);
    const v = before.row.version;
    const changed = { ...before.row.content, problems: '锁定后输入的内容' };

    expect(await refusal(clerk.department.save({ id, version: v, content: changed }))).toEqual({ code: 'BAD_REQUEST', message: lockText });
    const file = (await buildTemplate({ year: Y, content: realisticReport({ year: Y, body: '陈仓区审计局' }) })).toString('base64');
    expect(await refusal(clerk.excel.importDraft({ id, version: v, file }))).toEqual({ code: 'BAD_REQUEST', message: lockText });
    expect(await refusal(clerk.history.readWord({ id, name: '年报.docx', file: 'UEsDBA==' }))).toEqual({ code: 'BAD_REQUEST', message: lockText });
    expect(await refusal(clerk.department.submit({ id, version: v }))).toEqual({ code: 'BAD_REQUEST', message: lockText });

    expect(stored(h, id)).toEqual(before);
    expect(h.report(id).status).toBe('draft');

    // The editor is told, so it shows the lock and a read-only report.
    const got = await clerk.department.get({ id });
    expect(got.deadline).toMatchObject({ locked: true, message: lockText, due: deadline, legalDeadline: `${Y + 1}-01-31` });
  });

  it('a body that has not started cannot start after the deadline', async () => {
    const sjj = asAt(h, 'sjj', nextDay);
    expect(await refusal(sjj.department.create({ year: Y }))).toEqual({ code: 'BAD_REQUEST', message: lockText });
    const list = await sjj.department.list();
    expect(list.notStarted.find((y) => y.year === Y)).toMatchObject({ locked: true, lockMessage: lockText });
  });

  it('a returned report stays correctable after the deadline (it was handed in; the bureau asked for changes)', async () => {
    const id = h.reportId('kjj', Y);
    const r = h.report(id);
    expect(r.status).toBe('returned');
    const saved = await asAt(h, 'kjj', nextDay).department.save({ id, version: r.version, content: r.content });
    expect(saved.version).toBe(r.version + 1);
    expect((await asAt(h, 'kjj', nextDay).department.get({ id })).deadline?.locked).toBe(false);
  });

  it('a submitted report cannot be recalled after the deadline (it could not be submitted again)', async () => {
    const id = h.reportId('gxj', Y);
    const r = h.report(id);
    expect(r.status).toBe('submitted');
    const refused = await refusal(asAt(h, 'gxj', nextDay).department.recall({ id, version: r.version }));
    expect(refused.message).toContain('撤回后将无法再次提交');
    expect(h.report(id).status).toBe('submitted');
  });
});

describe('an extension reopens one body only', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const Y = h.openYear;
  const nextDay = china(`${Y + 1}-01-27`, '09:00:00');
  const admin = asAt(h, 'admin', nextDay);

  it('refuses an extension that is not after the deadline, past the legal date, or without a reason', async () => {
    const shj = deptId(h, 'shj');
    expect((await refusal(admin.progress.extend({ year: Y, departmentId: shj, until: `${Y + 1}-01-26`, reason: '系统故障' }))).message).toBe(
      `延期日期应晚于截止日期（${Y + 1}-01-26）`,
    );
    expect((await refusal(admin.progress.extend({ year: Y, departmentId: shj, until: `${Y + 1}-02-05`, reason: '系统故障' }))).message).toBe(
      `延期日期不能晚于法定公开期限（${Y + 1}-01-31）`,
    );
    expect((await refusal(admin.progress.extend({ year: Y, departmentId: shj, until: `${Y + 1}-01-29`, reason: '  ' }))).message).toContain('请填写延期原因');
    expect(h.db.select().from(deadlineExtensions).all()).toEqual([]);
  });

  it('the extended body may save and submit; another body stays locked', async () => {
    const r = await admin.progress.extend({ year: Y, departmentId: deptId(h, 'shj'), until: `${Y + 1}-01-28`, reason: '单位负责人出差，签批延后' });
    expect(r).toMatchObject({ departmentName: '陈仓区审计局', until: `${Y + 1}-01-28`, updated: false });

    const id = h.reportId('shj', Y);
    const shj = asAt(h, 'shj', nextDay);
    const got = await shj.department.get({ id });
    expect(got.deadline).toMatchObject({ locked: false, extendedUntil: `${Y + 1}-01-28`, daysLeft: 1 });
    const content = realisticReport({ year: Y, body: '陈仓区审计局' });
    const saved = await shj.department.save({ id, version: h.report(id).version, content });
    const submitted = await shj.department.submit({ id, version: saved.version });
    expect(submitted.status).toBe('submitted');

    // 陈仓区林业局 has no extension: still locked.
    const lyjId = h.reportId('lyj', Y);
    const lyj = h.report(lyjId);
    expect((await refusal(asAt(h, 'lyj', nextDay).department.save({ id: lyjId, version: lyj.version, content: lyj.content }))).message).toContain('本单位年报已锁定');
    expect(h.report(lyjId).version).toBe(lyj.version);

    // The extended body is locked again once its own date has passed.
    const tyj = await admin.progress.extend({ year: Y, departmentId: deptId(h, 'tyjrj'), until: `${Y + 1}-01-28`, reason: '机构调整' });
    expect(tyj.until).toBe(`${Y + 1}-01-28`);
    const tid = h.reportId('tyjrj', Y);
    const t = h.report(tid);
    expect((await refusal(asAt(h, 'tyjrj', china(`${Y + 1}-01-29`, '00:10:00')).department.save({ id: tid, version: t.version, content: t.content }))).message).toBe(
      `已过延期截止日期（${Y + 1}-01-28），本单位年报已锁定，如需继续填报请联系数据局。`,
    );
  });

  it('granting again changes the one row; each grant is audited with its reason; the body sees the new date', async () => {
    const lyj = deptId(h, 'lyj');
    await admin.progress.extend({ year: Y, departmentId: lyj, until: `${Y + 1}-01-28`, reason: '网络故障' });
    const again = await admin.progress.extend({ year: Y, departmentId: lyj, until: `${Y + 1}-01-30`, reason: '网络故障未恢复' });
    expect(again.updated).toBe(true);
    const rows = h.db.select().from(deadlineExtensions).where(and(eq(deadlineExtensions.year, Y), eq(deadlineExtensions.departmentId, lyj))).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ until: `${Y + 1}-01-30`, reason: '网络故障未恢复' });
    const log = h.db.select().from(auditLog).where(and(eq(auditLog.action, 'deadline.extend'), eq(auditLog.target, `department:${lyj}`))).all();
    expect(log.map((l) => l.detail)).toEqual([
      `${Y}年度 陈仓区林业局：延期至 ${Y + 1}-01-28；原因：网络故障`,
      `${Y}年度 陈仓区林业局：延期 ${Y + 1}-01-28 → ${Y + 1}-01-30；原因：网络故障未恢复`,
    ]);

    const notice = (await asAt(h, 'lyj', nextDay).progress.mine()).notices.find((n) => n.year === Y)!;
    expect(notice).toMatchObject({ due: `${Y + 1}-01-30`, extension: { until: `${Y + 1}-01-30`, reason: '网络故障未恢复' }, locked: false, daysLeft: 3 });
    // The progress table shows it on that row only.
    const table = await admin.progress.table({ year: Y });
    expect(table.rows.find((r) => r.departmentId === lyj)).toMatchObject({ extension: { until: `${Y + 1}-01-30` }, locked: false });
    expect(table.rows.find((r) => r.departmentName === '陈仓区城市管理执法局')).toMatchObject({ extension: null, locked: true });
  });

  it('only the admin grants extensions', async () => {
    for (const who of ['reviewer', 'publisher', 'shj']) {
      expect((await refusal(asAt(h, who, nextDay).progress.extend({ year: Y, departmentId: deptId(h, 'cgj'), until: `${Y + 1}-01-29`, reason: '试' }))).code).toBe('FORBIDDEN');
    }
  });
});

describe('timeliness is kept apart from locking', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const Y = h.openYear;
  const setInternal = (d: string) => h.db.update(reportingYears).set({ internalDeadline: d }).where(eq(reportingYears.year, Y)).run();

  it('按时报送 / 逾期报送 / 未报送 per body, judged on the first submission against the deadline or the body’s extension', async () => {
    // Submissions are stamped with the real time, so the deadlines are set around today here.
    const today = chinaToday();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

    // 陈仓区林业局 submits today (due today), then the deadline is brought forward to yesterday: late.
    setInternal(today);
    const lyjId = h.reportId('lyj', Y);
    const clerk = asAt(h, 'lyj');
    const saved = await clerk.department.save({ id: lyjId, version: h.report(lyjId).version, content: realisticReport({ year: Y, body: '陈仓区林业局' }) });
    await clerk.department.submit({ id: lyjId, version: saved.version });
    setInternal(yesterday);

    // 陈仓区审计局 is given an extension to today and submits: on time by its own date.
    h.db.insert(deadlineExtensions).values({ year: Y, departmentId: deptId(h, 'shj'), until: today, reason: '测试' }).run();
    const shjId = h.reportId('shj', Y);
    const shj = asAt(h, 'shj');
    const s2 = await shj.department.save({ id: shjId, version: h.report(shjId).version, content: realisticReport({ year: Y, body: '陈仓区审计局' }) });
    await shj.department.submit({ id: shjId, version: s2.version });

    const p = await asAt(h, 'admin').progress.table({ year: Y });
    const row = (name: string) => p.rows.find((r) => r.departmentName === name)!;
    expect(row('陈仓区林业局')).toMatchObject({ timeliness: 'late', timelinessLabel: '逾期报送' });
    expect(row('陈仓区林业局').firstSubmittedAt).toBeInstanceOf(Date);
    expect(row('陈仓区审计局')).toMatchObject({ timeliness: 'on_time', timelinessLabel: '按时报送', extension: { until: today } });
    // Submitted days before (the demo's history), also when returned since: on time.
    expect(row('陈仓区工业和信息化局')).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
    expect(row('陈仓区科学技术局')).toMatchObject({ status: 'returned', timeliness: 'on_time', late: false, locked: false });
    expect(row('陈仓区林业局').late).toBe(false);
    // Never submitted: 未报送 (and, the deadline passed, locked).
    expect(row('陈仓区数据局')).toMatchObject({ status: 'not_started', timeliness: 'not_submitted', timelinessLabel: '未报送', firstSubmittedAt: null, locked: true });
    expect(row('陈仓区城市管理执法局')).toMatchObject({ status: 'draft', timeliness: 'not_submitted', locked: true });
    const counted = p.timelinessCounts.on_time + p.timelinessCounts.late + p.timelinessCounts.not_submitted;
    expect(counted).toBe(p.total);
    expect(p.timelinessCounts.late).toBe(1);

    // The Excel export reads the same table.
    const exported = await asAt(h, 'admin').progress.export({ year: Y });
    expect(exported.rows.find((r) => r.departmentName === '陈仓区林业局')!.timelinessLabel).toBe('逾期报送');
  });
});

describe('days left mean one thing everywhere', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const Y = h.openYear;

  it('the clerk, the reviewer and the admin see the same count against the same date, with the legal date beside it', async () => {
    const now = china(`${Y}-11-22`);
    const expected = daysUntil(chinaToday(now), `${Y + 1}-01-26`);
    const clerk = asAt(h, 'cgj', now);
    const notice = (await clerk.progress.mine()).notices.find((n) => n.year === Y)!;
    const editor = (await clerk.department.get({ id: h.reportId('cgj', Y) })).deadline!;
    const queue = await asAt(h, 'reviewer').review.queue({ year: Y });
    const table = await asAt(h, 'admin', now).progress.table({ year: Y });

    expect(notice).toMatchObject({ deadline: `${Y + 1}-01-26`, daysLeft: expected, legalDeadline: `${Y + 1}-01-31` });
    expect(editor).toMatchObject({ deadline: `${Y + 1}-01-26`, daysLeft: expected });
    expect(table).toMatchObject({ deadline: `${Y + 1}-01-26`, daysLeft: expected, legalDeadline: `${Y + 1}-01-31` });
    // The review queue reads the real clock: the same function, the same date.
    expect(queue).toMatchObject({ deadline: `${Y + 1}-01-26`, legalDeadline: `${Y + 1}-01-31` });
    expect(queue.daysToDeadline).toBe(daysUntil(chinaToday(), `${Y + 1}-01-26`));
    expect((await asAt(h, 'cgj').progress.mine()).notices.find((n) => n.year === Y)!.daysLeft).toBe(queue.daysToDeadline);

    // A body with an extension: its row in the queue counts to the same date as its clerk.
    h.db.insert(deadlineExtensions).values({ year: Y, departmentId: deptId(h, 'lyj'), until: `${Y + 1}-01-29`, reason: '测试' }).run();
    const lyjNotice = (await asAt(h, 'lyj').progress.mine()).notices.find((n) => n.year === Y)!;
    const lyjRow = (await asAt(h, 'reviewer').review.queue({ year: Y })).items.find((i) => i.departmentName === '陈仓区林业局')!;
    expect(lyjRow).toMatchObject({ extendedUntil: `${Y + 1}-01-29`, daysLeft: lyjNotice.daysLeft });
    expect(lyjRow.daysLeft).toBe(queue.daysToDeadline + 3);
  });
});

describe('催报 is not repeated while an identical one is unread', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const Y = h.openYear;
  const admin = asAt(h, 'admin');
  const message = '请于本周五前提交年报。';
  const remindersOf = (code: string) => h.db.select().from(reminders).where(eq(reminders.departmentId, deptId(h, code))).all();
  const reminderNotifications = (username: string) =>
    h.db.select().from(notifications).where(and(eq(notifications.userId, userIdOf(h, username)), eq(notifications.kind, 'reminder'))).all();

  it('the first reminder reaches every body that has not submitted, as a notice and a notification', async () => {
    const r = await admin.progress.remind({ year: Y, message });
    expect(r.skipped).toBe(0);
    expect(r.departments).toContain('陈仓区城市管理执法局');
    expect(remindersOf('cgj')).toHaveLength(1);
    expect(reminderNotifications('cgj')).toMatchObject([{ title: `数据局催报：${Y}年度报告`, body: message, link: '/dept', readAt: null }]);
  });

  it('the same text again while unread is not sent: the admin is told, the body still sees one notice', async () => {
    const again = await refusal(admin.progress.remind({ year: Y, message }));
    expect(again.message).toContain('已有相同的未读催报，未重复发送');
    expect(remindersOf('cgj')).toHaveLength(1);
    expect(reminderNotifications('cgj')).toHaveLength(1);
    // A different text is a new reminder.
    await admin.progress.remind({ year: Y, message: '请尽快提交。' });
    expect(remindersOf('cgj')).toHaveLength(2);
  });

  it('opening the landing page marks the reminders read; then the same text may be sent to that body again', async () => {
    const first = await asAt(h, 'cgj').progress.mine();
    expect(first.notices.find((n) => n.year === Y)!.reminders.map((r) => [r.message, r.unread])).toEqual([
      ['请尽快提交。', true],
      [message, true],
    ]);
    expect(remindersOf('cgj').every((r) => r.readAt instanceof Date)).toBe(true);
    // The clerk's reminder notifications are read too: the landing page is the same notice.
    expect(reminderNotifications('cgj').every((n) => n.readAt instanceof Date)).toBe(true);
    const r = await admin.progress.remind({ year: Y, message });
    expect(r.departments).toEqual(['陈仓区城市管理执法局']);
    expect(r.skipped).toBeGreaterThan(0);
    expect(r.skippedDepartments).toContain('陈仓区林业局');
    // Sent twice, shown once (the latest).
    const shown = (await asAt(h, 'cgj').progress.mine()).notices.find((n) => n.year === Y)!.reminders;
    expect(shown.filter((x) => x.message === message)).toHaveLength(1);
    expect(h.db.select().from(auditLog).where(eq(auditLog.action, 'reminder.send')).all().at(-1)!.detail).toContain('个单位已有相同的未读催报，未重复发送');
  });
});

describe('deadline notices 7, 3 and 1 days before, once each', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const Y = h.openYear;
  const day = (d: string) => china(d, '08:00:00');
  const deadlineNotes = (username: string) =>
    h.db
      .select({ key: notifications.dedupeKey, title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, userIdOf(h, username)), eq(notifications.kind, 'deadline')))
      .all();

  it('a body that has not submitted gets each notice once, whenever and however often its pages load', async () => {
    const visit = (d: string) => asAt(h, 'cgj', day(d)).progress.mine();
    await visit(`${Y + 1}-01-18`); // 8 days before: nothing yet
    expect(deadlineNotes('cgj')).toEqual([]);
    await visit(`${Y + 1}-01-19`);
    await visit(`${Y + 1}-01-19`);
    await visit(`${Y + 1}-01-20`); // 6 days: still the 7-day notice, not again
    expect(deadlineNotes('cgj')).toEqual([{ key: `deadline-${Y}-7`, title: `${Y}年度报告尚未提交，距截止还有 7 天` }]);
    await visit(`${Y + 1}-01-23`);
    await asAt(h, 'cgj', day(`${Y + 1}-01-24`)).department.get({ id: h.reportId('cgj', Y) });
    await visit(`${Y + 1}-01-25`);
    await visit(`${Y + 1}-01-26`);
    await visit(`${Y + 1}-01-27`); // passed: nothing more
    expect(deadlineNotes('cgj').map((n) => n.key)).toEqual([`deadline-${Y}-7`, `deadline-${Y}-3`, `deadline-${Y}-1`]);
    expect(deadlineNotes('cgj')[2]!.title).toBe(`${Y}年度报告尚未提交，距截止还有 1 天`);
  });

  it('the server-wide sweep reaches every body that has not submitted and no other, once', async () => {
    const { ensureDeadlineNotices } = await import('./services/deadlines');
    const first = ensureDeadlineNotices(h.db, day(`${Y + 1}-01-25`));
    expect(first).toBeGreaterThan(0);
    expect(ensureDeadlineNotices(h.db, day(`${Y + 1}-01-25`))).toBe(0);
    expect(deadlineNotes('lyj').map((n) => n.key)).toEqual([`deadline-${Y}-1`]);
    expect(deadlineNotes('sjj').map((n) => n.key)).toEqual([`deadline-${Y}-1`]); // not started
    expect(deadlineNotes('gxj')).toEqual([]); // submitted
    expect(deadlineNotes('kjj')).toEqual([]); // returned: handed in, not locked
    expect(deadlineNotes('reviewer')).toEqual([]);
  });
});
