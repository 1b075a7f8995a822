import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createSession, loadSessionUser } from '@ccgov/auth';
import { and, eq, openDb, publications, reportEvents, reviewComments, signoffs, users, type Db } from '@ccgov/db';
import { makeReport } from '@ccgov/report';
import { AppError } from './errors';
import { createCaller } from './root';
import { publishReport, signoffReport } from './services/review';
import { harness, userId, type Harness } from './test-utils';

/**
 * Departments used here, each for one story so the stories do not disturb each other:
 * gxj full path to publication · zfb draft · swj own approval · wlj changed after opening ·
 * jtj signing twice · yjj reviewer 终审 · wjj return and resubmission · fgj two publishers ·
 * gaj return against publish · pxz two sign-offs · myz two connections · mzj/czj/zrj 2025 publications.
 */
const h = harness();
afterAll(() => h.cleanup());
const Y = h.openYear;

/** The message a user would read: the AppError's, or the Chinese zod messages. */
function messageOf(err: unknown): string {
  const e = err as TRPCError;
  if (e.cause instanceof ZodError) return e.cause.issues.map((i) => i.message).join('；');
  return e.message;
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string; data: unknown }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.userMessage, data: err.data };
    if (!(err instanceof TRPCError)) throw err;
    return { code: err.code, message: messageOf(err), data: err.cause instanceof AppError ? err.cause.data : undefined };
  }
  throw new Error('expected the call to be refused');
}

function addUser(t: Harness, username: string, role: 'reviewer' | 'publisher') {
  t.db.insert(users).values({ username, displayName: `${username}姓名`, passwordHash: 'x', role }).run();
}
addUser(h, 'reviewer2', 'reviewer');
addUser(h, 'publisher2', 'publisher');

function sessionOf(db: Db, username: string) {
  const u = db.select().from(users).where(eq(users.username, username)).get()!;
  return loadSessionUser(db, { uid: u.id, sv: u.sessionVersion, sid: createSession(db, u.id, { ip: null, userAgent: null }) })!;
}

const eventsOf = (t: Harness, id: number) => t.db.select().from(reportEvents).where(eq(reportEvents.reportId, id)).all();
const publicationsOf = (t: Harness, id: number) => t.db.select().from(publications).where(eq(publications.reportId, id)).all();
const commentsOf = (t: Harness, id: number) => t.db.select().from(reviewComments).where(eq(reviewComments.reportId, id)).all();

/** Everything a refused act must leave as it was. */
function snapshot(id: number) {
  return {
    row: h.report(id),
    events: eventsOf(h, id).length,
    publications: publicationsOf(h, id).length,
    signoffs: h.db.select().from(signoffs).where(eq(signoffs.reportId, id)).all().length,
    comments: commentsOf(h, id).length,
  };
}

describe('the review queue', () => {
  it('lists every department of the year with a count per status and the ones that have not submitted', async () => {
    const q = await h.as('reviewer').review.queue({});
    expect(q.year).toBe(Y);
    expect(q.items).toHaveLength(q.total);
    expect(q.counts.submitted).toBeGreaterThan(0);
    // 未提交 = no report at all, or a draft the bureau does not see.
    expect(q.counts.not_submitted).toBe((q.counts.not_started ?? 0) + (q.counts.draft ?? 0));
    expect(q.notSubmitted.map((d) => d.departmentName)).toEqual(expect.arrayContaining(['陈仓区数据局', '陈仓区钓渭镇']));
    expect(q.daysToDeadline).toEqual(expect.any(Number));
  });

  it('never links a department’s draft and shows warnings only for submitted reports', async () => {
    const q = await h.as('reviewer').review.queue({ status: 'not_submitted' });
    expect(q.items.length).toBe(q.counts.not_submitted);
    expect(q.items.every((i) => i.reportId === null && i.warnings === null)).toBe(true);
    const submitted = await h.as('reviewer').review.queue({ status: 'submitted' });
    expect(submitted.items.every((i) => i.reportId !== null && typeof i.warnings === 'number')).toBe(true);
  });

  it('filters by department and searches by name', async () => {
    const all = await h.as('reviewer').review.queue({});
    const kjj = all.departments.find((d) => d.name === '陈仓区科学技术局')!;
    const one = await h.as('reviewer').review.queue({ departmentId: kjj.id });
    expect(one.items.map((i) => [i.departmentName, i.status])).toEqual([['陈仓区科学技术局', 'returned']]);
    const towns = await h.as('reviewer').review.queue({ search: '镇' });
    expect(towns.items.length).toBeGreaterThan(0);
    expect(towns.items.every((i) => i.departmentName.includes('镇'))).toBe(true);
    // Counts stay those of the whole year whatever the filter.
    expect(towns.counts).toEqual(all.counts);
  });
});

describe('refused transitions leave the report as it was', () => {
  it('publishing a draft is refused', async () => {
    const id = h.reportId('zfb', Y);
    const before = snapshot(id);
    const r = await refusal(h.as('publisher').review.publish({ id, version: before.row.version }));
    expect(r).toMatchObject({ code: 'BAD_REQUEST', message: '报告当前为“草稿”，不能发布' });
    expect(snapshot(id)).toEqual(before);
  });

  it('publishing a report that is submitted but not approved is refused', async () => {
    const id = h.reportId('jtysj', Y);
    const before = snapshot(id);
    const r = await refusal(h.as('publisher').review.publish({ id, version: before.row.version }));
    expect(r.message).toBe('报告当前为“待审核”，不能发布');
    expect(snapshot(id)).toEqual(before);
  });

  it('a department cannot approve its own report, neither through the API nor the use case', async () => {
    const id = h.reportId('swj', Y);
    const before = snapshot(id);
    expect((await refusal(h.as('swj').review.signoff({ id, version: before.row.version }))).code).toBe('FORBIDDEN');
    const direct = await refusal(Promise.resolve().then(() => signoffReport(h.db, sessionOf(h.db, 'swj'), { id, version: before.row.version })));
    expect(direct).toMatchObject({ code: 'BAD_REQUEST', message: '部门填报人不能审核通过' });
    expect(snapshot(id)).toEqual(before);
  });

  it('approving a version that changed after the reviewer opened it is refused with the new state', async () => {
    const id = h.reportId('wlj', Y);
    const opened = await h.as('reviewer').review.get({ id });
    // Meanwhile the department recalls, corrects one figure and submits again.
    const dept = h.as('wlj');
    const recalled = await dept.department.recall({ id, version: opened.report.version });
    const content = structuredClone(h.report(id).content);
    content.overview.supervision += '本年组织培训1次。';
    const saved = await dept.department.save({ id, version: recalled.version, content });
    await dept.department.submit({ id, version: saved.version });
    const before = snapshot(id);

    const r = await refusal(h.as('reviewer').review.signoff({ id, version: opened.report.version }));
    expect(r.code).toBe('CONFLICT');
    expect(r.message).toBe('该报告已被他人修改或已进入下一环节，请刷新后查看最新状态');
    expect(r.data).toEqual({ status: 'submitted', version: before.row.version });
    expect(snapshot(id)).toEqual(before);
  });

  it('the same person cannot sign the same version twice', async () => {
    const id = h.reportId('jtj', Y); // in review: 初审 by reviewer is on record
    const before = snapshot(id);
    const r = await refusal(h.as('reviewer').review.signoff({ id, version: before.row.version }));
    expect(r.message).toBe('您已审核过本版本，同一人不能重复审核，请由另一位审核人完成');
    expect(snapshot(id)).toEqual(before);
  });

  it('a reviewer cannot give the final sign-off (终审) even as a second person', async () => {
    const id = h.reportId('yjj', Y);
    const { version } = await h.as('reviewer').review.signoff({ id, version: h.report(id).version });
    const before = snapshot(id);
    const r = await refusal(h.as('reviewer2').review.signoff({ id, version }));
    expect(r.message).toBe('终审须由数据局发布人完成');
    expect(snapshot(id)).toEqual(before);
  });

  it('a return without a comment is refused, and so is one pointing nowhere or saying nothing', async () => {
    const id = h.reportId('wjj', Y);
    const before = snapshot(id);
    const reviewer = h.as('reviewer');
    const version = before.row.version;
    expect((await refusal(reviewer.review.return({ id, version, comments: [] }))).message).toBe('退回修改至少需要一条意见');
    expect((await refusal(reviewer.review.return({ id, version, comments: [{ target: 'requests.nowhere.9', body: '请核实' }] }))).message).toBe(
      '意见所指的位置无效，请在报告中重新选择单元格、行或章节',
    );
    expect((await refusal(reviewer.review.return({ id, version, comments: [{ target: 'text.problems', body: '   ' }] }))).message).toBe('意见不能为空');
    expect(snapshot(id)).toEqual(before);
  });

  it('a reviewer (not a publisher) cannot publish, withdraw or publish all', async () => {
    const id = h.reportId('fgj', Y); // approved
    const before = snapshot(id);
    const reviewer = h.as('reviewer');
    expect((await refusal(reviewer.review.publish({ id, version: before.row.version }))).code).toBe('FORBIDDEN');
    expect((await refusal(reviewer.review.publishAll({ year: Y }))).code).toBe('FORBIDDEN');
    const direct = await refusal(Promise.resolve().then(() => publishReport(h.db, sessionOf(h.db, 'reviewer'), { id, version: before.row.version })));
    expect(direct.message).toBe('数据局审核人不能发布');
    expect(snapshot(id)).toEqual(before);
  });

  it('the administrator cannot review at all', async () => {
    const id = h.reportId('fgj', Y);
    expect((await refusal(h.as('admin').review.signoff({ id, version: h.report(id).version }))).code).toBe('FORBIDDEN');
  });

  it('withdrawing or correcting a publication needs a reason', async () => {
    const id = h.reportId('czj', Y - 1);
    const before = snapshot(id);
    expect((await refusal(h.as('publisher').review.unpublish({ id, version: before.row.version, reason: ' ' }))).message).toBe('请填写原因');
    expect((await refusal(h.as('reviewer').review.reopen({ id, version: before.row.version, reason: '' }))).message).toBe('请填写原因');
    expect(snapshot(id)).toEqual(before);
  });
});

describe('from submission to publication', () => {
  it('初审 by the reviewer, 终审 by the publisher, then 发布 records each step and makes the report public', async () => {
    const id = h.reportId('gxj', Y);
    const first = await h.as('reviewer').review.signoff({ id, version: h.report(id).version });
    expect(first.status).toBe('in_review');
    const detail = await h.as('publisher').review.get({ id });
    expect(detail.signoffs.map((s) => [s.label, s.userName])).toEqual([['初审', '数据局审核人']]);
    expect(detail.nextSignoffLabel).toBe('终审');
    expect(detail.actions).toEqual(expect.arrayContaining(['signoff', 'return']));

    const second = await h.as('publisher').review.signoff({ id, version: first.version });
    expect(second.status).toBe('approved');
    const published = await h.as('publisher').review.publish({ id, version: second.version });
    expect(published.status).toBe('published');

    const events = eventsOf(h, id).slice(-3);
    expect(events.map((e) => [e.action, e.role, e.fromStatus, e.toStatus])).toEqual([
      ['signoff', 'reviewer', 'submitted', 'in_review'],
      ['signoff', 'publisher', 'in_review', 'approved'],
      ['publish', 'publisher', 'approved', 'published'],
    ]);
    const [pub] = publicationsOf(h, id);
    expect(pub).toMatchObject({ current: true, publishedBy: userId(h.db, 'publisher'), correctionNote: null });
    const list = await h.as(null).public.list({ year: Y });
    expect(list.map((p) => p.id)).toContain(pub!.id);
    expect((await h.as(null).public.get({ id: pub!.id })).publication.departmentName).toBe('陈仓区工业和信息化局');
  });

  it('a return with a cell comment reaches the department at that cell; the resubmission shows what changed and signs afresh', async () => {
    const id = h.reportId('wjj', Y);
    const reviewer = h.as('reviewer');
    const signed = await reviewer.review.signoff({ id, version: h.report(id).version });
    const returned = await reviewer.review.return({
      id,
      version: signed.version,
      comments: [
        { target: 'requests.newReceived.natural', body: '自然人申请数与正文不一致，请核实。' },
        { target: 'text.problems', body: '请写明具体改进措施。' },
      ],
    });
    expect(returned.status).toBe('returned');

    const dept = h.as('wjj');
    const own = await dept.department.get({ id });
    expect(own.comments.map((c) => [c.target, c.body])).toEqual([
      ['requests.newReceived.natural', '自然人申请数与正文不一致，请核实。'],
      ['text.problems', '请写明具体改进措施。'],
    ]);

    const content = structuredClone(own.report.content);
    const before = content.requests.newReceived[0]!;
    content.requests.newReceived[0] = before + 1;
    content.requests.granted[0] = content.requests.granted[0]! + 1;
    content.problems = `${content.problems}下一步将按季度开展自查。`;
    const saved = await dept.department.save({ id, version: own.report.version, content });
    await dept.department.submit({ id, version: saved.version });

    const detail = await reviewer.review.get({ id });
    expect(detail.sentBack?.action).toBe('return');
    expect(detail.changes?.map((c) => [c.target, c.before, c.after])).toEqual([
      ['requests.newReceived.natural', before, before + 1],
      ['requests.granted.natural', own.report.content.requests.granted[0], own.report.content.requests.granted[0]! + 1],
      ['text.problems', own.report.content.problems, content.problems],
    ]);
    // 按意见修改 (a comment of the return pointed there) apart from 未经要求的修改.
    expect(detail.changes?.map((c) => [c.target, c.answersComment])).toEqual([
      ['requests.newReceived.natural', true],
      ['requests.granted.natural', false],
      ['text.problems', true],
    ]);
    // The 初审 given before the return was for the old version: the new one starts with none.
    expect(detail.signoffs).toEqual([]);
    expect(detail.nextSignoffLabel).toBe('初审');
    expect((await reviewer.review.signoff({ id, version: detail.report.version })).status).toBe('in_review');
  });

  it('the bureau reads a returned report as it was returned, not the department’s half-done edits', async () => {
    const id = h.reportId('kjj', Y); // returned in the demo
    const dept = h.as('kjj');
    const own = await dept.department.get({ id });
    const content = structuredClone(own.report.content);
    content.other = '修改中……';
    await dept.department.save({ id, version: own.report.version, content });
    const seen = await h.as('reviewer').review.get({ id });
    expect(seen.report.content.other).toBe(own.report.content.other);
    expect(seen.changes).toBeNull();
    expect(seen.actions).toEqual([]);
  });

  it('the bureau does not see a draft', async () => {
    const id = h.reportId('dwz', Y);
    expect((await refusal(h.as('reviewer').review.get({ id }))).code).toBe('NOT_FOUND');
  });

  it('sets this year’s figures beside last year’s with the change', async () => {
    const id = h.reportId('jtysj', Y);
    const detail = await h.as('reviewer').review.get({ id });
    const prev = h.report(h.reportId('jtysj', Y - 1)).content;
    expect(detail.previousYear).toBe(Y - 1);
    const row = detail.comparison.find((c) => c.target === 'proactive.licensing.decisions')!;
    expect(row.previous).toBe(prev.proactive.licensing.decisions);
    expect(row.change).toBe(detail.report.content.proactive.licensing.decisions! - prev.proactive.licensing.decisions!);
  });
});

describe('two reviewers acting on the same report at the same moment', () => {
  it('two publishers publishing at once: one succeeds, the other is told, and there is one publication', async () => {
    const id = h.reportId('fgj', Y);
    const version = h.report(id).version;
    const results = await Promise.allSettled([
      h.as('publisher').review.publish({ id, version }),
      h.as('publisher2').review.publish({ id, version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'CONFLICT', message: '该报告已被他人修改或已进入下一环节，请刷新后查看最新状态' });
    expect((lost.reason as TRPCError).cause).toMatchObject({ data: { status: 'published' } });
    expect(publicationsOf(h, id)).toHaveLength(1);
    expect(eventsOf(h, id).filter((e) => e.action === 'publish')).toHaveLength(1);
  });

  it('a return and a publication at once: whichever wins, the other is refused and the return is never lost', async () => {
    const id = h.reportId('gaj', Y); // approved
    const version = h.report(id).version;
    const results = await Promise.allSettled([
      h.as('reviewer').review.return({ id, version, comments: [{ target: 'table.requests', body: '请核对表三。' }] }),
      h.as('publisher').review.publish({ id, version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const status = h.report(id).status;
    if (results[0].status === 'fulfilled') {
      expect(status).toBe('returned');
      expect(commentsOf(h, id).map((c) => c.body)).toContain('请核对表三。');
      expect(publicationsOf(h, id)).toHaveLength(0);
    } else {
      expect(status).toBe('published');
      expect(commentsOf(h, id).map((c) => c.body)).not.toContain('请核对表三。');
    }
  });

  it('a sign-off on the version that was just returned does not undo the return', async () => {
    const id = h.reportId('pxz', Y);
    const version = h.report(id).version;
    await h.as('reviewer').review.return({ id, version, comments: [{ target: 'text.overview.active', body: '请补充村务公开情况。' }] });
    const r = await refusal(h.as('publisher').review.signoff({ id, version }));
    expect(r.code).toBe('CONFLICT');
    expect(r.data).toMatchObject({ status: 'returned' });
    expect(h.report(id).status).toBe('returned');
    expect(h.db.select().from(signoffs).where(and(eq(signoffs.reportId, id), eq(signoffs.version, version))).all()).toHaveLength(0);
  });

  it('holds across two database connections, as with two server processes', async () => {
    const id = h.reportId('myz', Y);
    const version = h.report(id).version;
    const other = openDb(h.path);
    try {
      const viaOther = createCaller({ db: other, user: sessionOf(other, 'publisher'), ip: null });
      await viaOther.review.signoff({ id, version });
      const r = await refusal(h.as('reviewer').review.signoff({ id, version }));
      expect(r.code).toBe('CONFLICT');
      expect(h.db.select().from(signoffs).where(eq(signoffs.reportId, id)).all().map((s) => s.userId)).toEqual([userId(h.db, 'publisher')]);
    } finally {
      other.$client.close();
    }
  });
});

describe('corrections and withdrawals', () => {
  it('a correction goes through review again; the public then reads the corrected report with its 更正说明 and the earlier one stays readable', async () => {
    const id = h.reportId('mzj', Y - 1);
    const [original] = publicationsOf(h, id);
    const reopened = await h.as('reviewer').review.reopen({
      id,
      version: h.report(id).version,
      reason: '表三“予以公开”数据填报有误，予以更正。',
      comments: [{ target: 'requests.granted.natural', body: '此处应为实际予以公开件数。' }],
    });
    expect(reopened.status).toBe('returned');
    // While it is being corrected, the public still reads the published version.
    expect((await h.as(null).public.list({ year: Y - 1 })).map((p) => p.id)).toContain(original!.id);

    const dept = h.as('mzj');
    const own = await dept.department.get({ id });
    // The department is shown where to correct, as after a return.
    expect(own.comments.filter((c) => c.current).map((c) => [c.target, c.body])).toEqual([['requests.granted.natural', '此处应为实际予以公开件数。']]);
    const content = structuredClone(own.report.content);
    content.requests.newReceived[0] = content.requests.newReceived[0]! + 1;
    content.requests.granted[0] = content.requests.granted[0]! + 1;
    const saved = await dept.department.save({ id, version: own.report.version, content });
    const submitted = await dept.department.submit({ id, version: saved.version });

    const detail = await h.as('reviewer').review.get({ id });
    expect(detail.sentBack?.action).toBe('reopen');
    expect(detail.changes?.map((c) => c.target)).toContain('requests.granted.natural');

    const s1 = await h.as('reviewer').review.signoff({ id, version: submitted.version });
    const s2 = await h.as('publisher').review.signoff({ id, version: s1.version });
    await h.as('publisher').review.publish({ id, version: s2.version });

    const pubs = publicationsOf(h, id);
    expect(pubs).toHaveLength(2);
    const corrected = pubs.find((p) => p.current)!;
    expect(corrected).toMatchObject({ correctionNote: '表三“予以公开”数据填报有误，予以更正。', supersedesId: original!.id });
    const list = await h.as(null).public.list({ year: Y - 1 });
    // The public list names publications, never internal report ids.
    expect(list.find((p) => p.id === corrected.id)).toMatchObject({ corrected: true });
    expect(list.map((p) => p.id)).not.toContain(original!.id);
    const earlier = await h.as(null).public.get({ id: original!.id });
    expect(earlier.publication.current).toBe(false);
    expect(earlier.currentId).toBe(corrected.id);
    expect(earlier.publication.content.requests.granted[0]).toBe(own.report.content.requests.granted[0]);
    expect(earlier.versions.map((v) => v.id)).toEqual([original!.id, corrected.id]);
  });

  it('撤销发布 takes the report off public.list and public.get and keeps the event with its reason', async () => {
    const id = h.reportId('czj', Y - 1);
    const [pub] = publicationsOf(h, id);
    const r = await h.as('publisher').review.unpublish({ id, version: h.report(id).version, reason: '发现涉密信息，暂时撤下。' });
    expect(r.status).toBe('withdrawn');
    expect((await h.as(null).public.list({ year: Y - 1 })).map((p) => p.id)).not.toContain(pub!.id);
    expect((await refusal(h.as(null).public.get({ id: pub!.id }))).code).toBe('NOT_FOUND');
    expect(eventsOf(h, id).at(-1)).toMatchObject({ action: 'unpublish', role: 'publisher', fromStatus: 'published', toStatus: 'withdrawn', comment: '发现涉密信息，暂时撤下。' });
  });

  it('every publish, correction and withdrawal asks the public pages to refresh', async () => {
    const id = h.reportId('zrj', Y - 1);
    const onPublicChange = vi.fn();
    const publisher = createCaller({ db: h.db, user: sessionOf(h.db, 'publisher'), ip: null, onPublicChange });
    const w = await publisher.review.unpublish({ id, version: h.report(id).version, reason: '核对数据' });
    const p = await publisher.review.republish({ id, version: w.version });
    await publisher.review.reopen({ id, version: p.version, reason: '更正错别字' });
    expect(onPublicChange).toHaveBeenCalledTimes(3);
    expect((await h.as(null).public.list({ year: Y - 1 })).map((x) => x.id)).toContain(publicationsOf(h, id).find((x) => x.current)!.id);
  });
});

describe('publishing all approved reports of a year', () => {
  it('publishes every approved report in one action and a second click finds nothing left', async () => {
    const t = harness();
    try {
      const approved = (await t.as('publisher').review.queue({ year: t.openYear, status: 'approved' })).items;
      expect(approved.length).toBeGreaterThan(1);
      const r = await t.as('publisher').review.publishAll({ year: t.openYear });
      expect(r.published).toBe(approved.length);
      const list = await t.as(null).public.list({ year: t.openYear });
      expect(list.map((p) => p.departmentName).sort()).toEqual(approved.map((a) => a.departmentName).sort());
      for (const a of approved) expect(eventsOf(t, a.reportId!).filter((e) => e.action === 'publish')).toHaveLength(1);
      expect((await t.as('publisher').review.publishAll({ year: t.openYear })).published).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

describe('the number of sign-offs is a district setting', () => {
  it('with three levels a report needs 初审, 复审 and 终审 by three people', async () => {
    const t = harness();
    try {
      addUser(t, 'publisher2', 'publisher');
      expect(await t.as('admin').settings.setRequiredSignoffs({ requiredSignoffs: 3 })).toMatchObject({ requiredSignoffs: 3, steps: ['初审', '复审', '终审'] });
      const id = t.reportId('gxj', t.openYear);
      const a = await t.as('reviewer').review.signoff({ id, version: t.report(id).version });
      const b = await t.as('publisher').review.signoff({ id, version: a.version });
      expect(b.status).toBe('in_review');
      const c = await t.as('publisher2').review.signoff({ id, version: b.version });
      expect(c.status).toBe('approved');
      expect((await t.as('reviewer').settings.review()).requiredSignoffs).toBe(3);
    } finally {
      t.cleanup();
    }
  });

  it('refuses values outside 1 to 3, and lowering it while a review in progress would be stranded', async () => {
    const t = harness();
    try {
      expect((await refusal(t.as('admin').settings.setRequiredSignoffs({ requiredSignoffs: 4 }))).message).toBe('审核级数应为1至3');
      const r = await refusal(t.as('admin').settings.setRequiredSignoffs({ requiredSignoffs: 1 }));
      expect(r.message).toMatch(/^有\d+份报告正在审核且已有1级以上审核（.+），改为1级后将无法继续审核；请先完成或退回这些报告再调整$/);
      expect((await t.as('admin').settings.review()).requiredSignoffs).toBe(2);
      expect((await refusal(t.as('publisher').settings.setRequiredSignoffs({ requiredSignoffs: 3 }))).code).toBe('FORBIDDEN');
    } finally {
      t.cleanup();
    }
  });
});
