/**
 * The public page's 校验 line names the rule-set version the publication was checked with when
 * published (its 发布 receipt), and 口径变化 notes reach the page as footnotes beside the figure.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, publications, receipts, reports } from '@ccgov/db';
import { RULESET_VERSION } from '@ccgov/report';
import { harness } from './test-utils';

const h = harness();
afterAll(() => h.cleanup());
const anon = h.as(null);

const currentPub = (code: string, year: number) => {
  const reportId = h.reportId(code, year);
  return h.db.select().from(publications).where(and(eq(publications.reportId, reportId), eq(publications.current, true))).get()!;
};

describe('校验 line: the rule-set version of the publication', () => {
  it('a seeded publication names the rule set its seeded 发布 receipt recorded', async () => {
    const pub = currentPub('czj', h.openYear - 1);
    const publish = h.db.select().from(receipts).where(and(eq(receipts.reportId, pub.reportId), eq(receipts.act, 'publish'))).all();
    expect(publish).toHaveLength(1);
    expect(publish[0]!.createdAt.getTime()).toBe(pub.publishedAt.getTime());
    expect(await anon.public.check({ id: pub.id })).toMatchObject({ version: publish[0]!.rulesetVersion, recorded: true });
  });

  it('without a 发布 receipt up to its publication it says the current rule set and that it was not recorded', async () => {
    const pub = currentPub('mzj', h.openYear - 1);
    // Published before any receipt was given (as a publication from before receipts, or 历史导入, is).
    const first = h.db.select().from(receipts).where(eq(receipts.reportId, pub.reportId)).orderBy(receipts.id).get()!;
    h.db.update(publications).set({ publishedAt: new Date(first.createdAt.getTime() - 86_400_000) }).where(eq(publications.id, pub.id)).run();
    expect(await anon.public.check({ id: pub.id })).toMatchObject({ version: RULESET_VERSION, recorded: false, currentVersion: RULESET_VERSION });
  });

  it('with the 发布 receipt it names the version recorded there', async () => {
    const pub = currentPub('fgj', h.openYear - 1);
    h.db.insert(receipts).values({
      receiptNo: `T-${pub.id}`,
      reportId: pub.reportId,
      departmentId: pub.departmentId,
      year: pub.year,
      act: 'publish',
      version: 1,
      userName: '发布人',
      role: 'publisher',
      contentSha256: '0'.repeat(64),
      rulesetVersion: '1.9.0',
      checkErrors: 0,
      checkWarnings: 2,
      checkCodes: ['R08'],
      createdAt: new Date(pub.publishedAt.getTime() - 1),
    }).run();
    expect(await anon.public.check({ id: pub.id })).toMatchObject({ version: '1.9.0', recorded: true, currentVersion: RULESET_VERSION });
  });
});

describe('口径变化 footnotes on the public report', () => {
  it('a 口径变化 说明 on a swing flagged by rule 10 is a footnote beside 本年新收 总计; other 说明 are not public', async () => {
    const year = h.openYear - 1;
    const pub = currentPub('gaj', year);
    const before = currentPub('gaj', year - 1);
    // Last year ten times this year's requests: R10 flags the swing.
    const total = pub.content.requests.newReceived.reduce((a: number, b) => a + (b ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(10);
    const small = structuredClone(before.content);
    small.requests.newReceived = [total * 10 + 5, 0, 0, 0, 0, 0];
    small.requests.carriedOver = [...pub.content.requests.carriedIn];
    h.db.update(publications).set({ content: small }).where(eq(publications.id, before.id)).run();
    const key = 'previous.swing:requests.newReceived.total';
    // As published: the 说明 are frozen with the publication.
    h.db.update(publications).set({ explanations: { [key]: '口径变化：自本年起，12345热线转来的申请也计入本表。', 'other:key': '内部说明' } }).where(eq(publications.id, pub.id)).run();

    const got = await anon.public.get({ id: pub.id });
    expect(got.footnotes).toEqual([expect.objectContaining({ n: 1, figureKey: 'requests.newReceived.total', text: '自本年起，12345热线转来的申请也计入本表。' })]);
    expect(JSON.stringify(got)).not.toContain('内部说明');

    h.db.update(publications).set({ explanations: { [key]: '申请量确实大增。' } }).where(eq(publications.id, pub.id)).run();
    expect((await anon.public.get({ id: pub.id })).footnotes).toEqual([]);
  });
});

describe('the publication keeps its 说明', () => {
  const key = 'previous.swing:requests.newReceived.total';
  /** 更正 through the whole workflow, the department writing these 说明 before it submits again. */
  async function correctWith(code: string, year: number, explanations: Record<string, string>, reason: string) {
    const id = h.reportId(code, year);
    await h.as('reviewer').review.reopen({ id, version: h.report(id).version, reason });
    const dept = h.as(code);
    const own = await dept.department.get({ id });
    const saved = await dept.department.save({ id, version: own.report.version, content: own.report.content, explanations });
    const submitted = await dept.department.submit({ id, version: saved.version });
    const s1 = await h.as('reviewer').review.signoff({ id, version: submitted.version });
    const s2 = await h.as('publisher').review.signoff({ id, version: s1.version });
    await h.as('publisher').review.publish({ id, version: s2.version });
    return currentPub(code, year);
  }

  it('after a correction changes the 说明, the earlier version still shows its own footnote and 已说明 count', async () => {
    const year = h.openYear - 1;
    const pub = currentPub('rsj', year);
    const before = currentPub('rsj', year - 1);
    // Last year ten times this year's requests, so rule 10 flags the swing (in the editor and on the page).
    const total = pub.content.requests.newReceived.reduce((a: number, b) => a + (b ?? 0), 0);
    const small = structuredClone(before.content);
    small.requests.newReceived = [total * 10 + 5, 0, 0, 0, 0, 0];
    small.requests.carriedOver = [...pub.content.requests.carriedIn];
    h.db.update(publications).set({ content: small }).where(eq(publications.id, before.id)).run();

    const first = await correctWith('rsj', year, { [key]: '口径变化：自本年起，12345热线转来的申请也计入本表。' }, '补充口径变化说明。');
    expect(first.explanations).toEqual({ [key]: '口径变化：自本年起，12345热线转来的申请也计入本表。' });
    const second = await correctWith('rsj', year, { [key]: '口径变化：本年起按办件系统台账统计。' }, '更正口径变化说明。');
    expect(second.id).not.toBe(first.id);

    // The current version shows the new note, the superseded one the note it was published with.
    expect((await anon.public.get({ id: second.id })).footnotes).toEqual([expect.objectContaining({ figureKey: 'requests.newReceived.total', text: '本年起按办件系统台账统计。' })]);
    const earlier = await anon.public.get({ id: first.id });
    expect(earlier.publication.current).toBe(false);
    expect(earlier.footnotes).toEqual([expect.objectContaining({ figureKey: 'requests.newReceived.total', text: '自本年起，12345热线转来的申请也计入本表。' })]);

    // A third version without the 说明: the earlier ones still count theirs as 已说明.
    const third = await correctWith('rsj', year, {}, '撤回说明。');
    expect((await anon.public.check({ id: third.id })).explained).toBe(0);
    expect((await anon.public.get({ id: third.id })).footnotes).toEqual([]);
    expect((await anon.public.check({ id: first.id })).explained).toBe(1);
    expect((await anon.public.check({ id: second.id })).explained).toBe(1);
  });
});

describe('review screen: the rule-set version the submission was checked with', () => {
  it('names the version and result of the latest 提交审核 receipt, and falls back when there is none', async () => {
    const submitted = h.db.select().from(reports).where(and(eq(reports.year, h.openYear), eq(reports.status, 'submitted'))).get()!;
    // The seeded submission's own receipt.
    const seeded = h.db.select().from(receipts).where(and(eq(receipts.reportId, submitted.id), eq(receipts.act, 'submit'))).get()!;
    const before = await h.as('reviewer').review.get({ id: submitted.id });
    expect(before.submitReceipt).toMatchObject({ receiptNo: seeded.receiptNo, version: seeded.version, rulesetVersion: RULESET_VERSION });
    expect(before.submitReceipt!.receiptNo).toMatch(/^HZ-\d{4}-\d{3}-0001$/);
    expect(before.rulesetVersion).toBe(RULESET_VERSION);
    h.db.insert(receipts).values({
      receiptNo: `T-S-${submitted.id}`,
      reportId: submitted.id,
      departmentId: submitted.departmentId,
      year: submitted.year,
      act: 'submit',
      version: submitted.version,
      userName: '填报人',
      role: 'department',
      contentSha256: '0'.repeat(64),
      rulesetVersion: '1.9.0',
      checkErrors: 0,
      checkWarnings: 3,
      checkCodes: ['R08', 'R10'],
    }).run();
    const after = await h.as('reviewer').review.get({ id: submitted.id });
    expect(after.submitReceipt).toMatchObject({ receiptNo: `T-S-${submitted.id}`, rulesetVersion: '1.9.0', checkWarnings: 3 });

    // A report handed in without a receipt (set straight in the database, as before receipts existed).
    const draft = h.db.select().from(reports).where(and(eq(reports.year, h.openYear), eq(reports.status, 'draft'))).get()!;
    expect(h.db.select().from(receipts).where(eq(receipts.reportId, draft.id)).all()).toHaveLength(0);
    h.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, draft.id)).run();
    const none = await h.as('reviewer').review.get({ id: draft.id });
    expect(none.submitReceipt).toBeNull();
    expect(none.rulesetVersion).toBe(RULESET_VERSION);
  });
});
