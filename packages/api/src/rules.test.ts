import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, publications, reports, settings } from '@ccgov/db';
import { RULES, RULESET_VERSION, realisticReport, type ReportContent } from '@ccgov/report';
import { harness } from './test-utils';

/**
 * The rule book, 雷同 across bodies (R14) and 需说明. Own database; departments used:
 * gxj (submitted, checked for 雷同) · jtysj (submitted, the copied-from body) · zfb (draft, never compared) ·
 * shj and cgj (drafts submitted under 需说明).
 */
const h = harness();
afterAll(() => h.cleanup());
const Y = h.openYear;

function messageOf(err: unknown): string {
  const e = err as TRPCError;
  if (e.cause instanceof ZodError) return e.cause.issues.map((i) => i.message).join('；');
  return e.message;
}
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return { code: err.code, message: messageOf(err) };
  }
  throw new Error('expected the call to be refused');
}

function setContent(id: number, change: (c: ReportContent) => void) {
  const content = structuredClone(h.report(id).content);
  change(content);
  h.db.update(reports).set({ content }).where(eq(reports.id, id)).run();
}

const BODY = '陈仓区交通运输局'; // jtysj
const OWN =
  '本年度我局依托“秦岭数字驿站”平台，新建了农村公路养护信息专栏，按月公开养护资金拨付明细、工程进度照片和验收结论，群众可以扫码查看每一条通村公路的养护责任人。';
// The same paragraph with punctuation, digits and one word changed, as a copy usually is.
const COPIED =
  '本年度我局依托"秦岭数字驿站"平台, 新建了农村公路养护信息专栏, 按月公开养护资金拨付明细、工程进度照片和验收结论, 群众可以扫码查阅每一条通村公路的养护责任人.';

describe('the public rule book', () => {
  it('lists every rule with its id, severity, description and versions, and the rule-set version', async () => {
    const book = await h.as(null).public.rules();
    expect(book.version).toBe(RULESET_VERSION);
    expect(book.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(book.rules.find((r) => r.id === 'R04')).toMatchObject({ severity: '错误', added: '1.0.0', changed: '2.0.0' });
    expect(book.rules.find((r) => r.id === 'R14')).toMatchObject({ severity: '提示', explainable: false });
    for (const r of book.rules) expect(r.description.length).toBeGreaterThan(10);
  });
});

describe('雷同 across bodies of the same year (R14)', () => {
  const mine = h.reportId('gxj', Y);
  const theirs = h.reportId('jtysj', Y);
  const draft = h.reportId('zfb', Y);
  setContent(mine, (c) => {
    c.overview.platform = `（四）政府信息公开平台建设\n${OWN}`;
    c.opening = '根据《中华人民共和国政府信息公开条例》规定，特发布本报告。这是标准的开头说明，各单位相同。';
  });
  setContent(theirs, (c) => {
    c.overview.platform = COPIED;
    c.opening = '根据《中华人民共和国政府信息公开条例》规定，特发布本报告。这是标准的开头说明，各单位相同。';
  });

  it('warns the reviewer about a section copied from another body with its punctuation changed, naming that body', async () => {
    const r = await h.as('reviewer').review.crossBody({ id: mine });
    const platform = r.findings.find((f) => f.target === 'text.overview.platform');
    expect(platform).toBeDefined();
    const match = platform!.matches.find((m) => m.otherBody === BODY)!;
    expect(match.similarity).toBeGreaterThanOrEqual(0.9);
    expect(platform!.issue).toMatchObject({ rule: 14, code: 'crossBody.similarText', severity: 'warning' });
    expect(platform!.issue.message).toContain('政府信息公开平台建设');
    expect(platform!.ruleId).toBe('R14');
  });

  it('marks the passages both texts share, at their places in both sections', async () => {
    const r = await h.as('publisher').review.crossBody({ id: mine });
    const f = r.findings.find((x) => x.target === 'text.overview.platform')!;
    const match = f.matches.find((m) => m.otherBody === BODY)!;
    expect(match.passages.length).toBeGreaterThan(0);
    for (const p of match.passages) {
      expect(f.mine.slice(...p.mine)).toBe(p.text);
      // The other text holds the same words, its punctuation aside.
      const strip = (s: string) => s.replace(/[\s\p{P}]/gu, '');
      expect(strip(match.theirs.slice(...p.theirs))).toBe(strip(p.text));
    }
    // The heading the format prescribes is not part of any shared passage.
    expect(match.passages.some((p) => p.text.includes('政府信息公开平台建设'))).toBe(false);
  });

  it('does not count the standard opening, nor another body’s draft', async () => {
    setContent(draft, (c) => {
      c.overview.platform = OWN;
    });
    const r = await h.as('reviewer').review.crossBody({ id: mine });
    expect(r.findings.some((f) => f.target === 'text.opening')).toBe(false);
    const bodies = r.findings.flatMap((f) => f.matches.map((m) => m.otherBody));
    expect(bodies).not.toContain('陈仓区政府办公室');
    const zfbName = h.db.select().from(reports).where(eq(reports.id, draft)).get()!;
    expect(zfbName.status).toBe('draft');
  });

  it('answers NOT_FOUND for a draft and refuses departments at the tier', async () => {
    expect((await refusal(h.as('reviewer').review.crossBody({ id: draft }))).code).toBe('NOT_FOUND');
    expect((await refusal(h.as('gxj').review.crossBody({ id: mine }))).code).toBe('FORBIDDEN');
  });
});

describe('需说明: warnings the department must explain before submitting', () => {
  /** A draft with one warning of rule 9 (a year later than the report year's next one). */
  async function draftWithYearWarning(code: string) {
    const id = h.reportId(code, Y);
    const dept = h.as(code);
    const { report } = await dept.department.get({ id });
    const content = realisticReport({ year: Y, body: (await dept.department.get({ id })).department.name });
    content.other = `${content.other}${Y + 4}年我局完成了全部档案数字化。`;
    await dept.department.save({ id, version: report.version, content });
    const after = await dept.department.get({ id });
    expect(after.check.errors).toEqual([]);
    const warning = after.check.warnings.find((w) => w.rule === 9)!;
    expect(warning).toBeDefined();
    return { id, dept, warning, version: after.report.version };
  }

  it('only the admin’s warning rules can be set to 需说明, and a refused choice stores nothing', async () => {
    const bad = await refusal(h.as('admin').settings.setExplainRequired({ rules: ['R04'] }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('只有提示类规则可以设为需说明');
    expect((await refusal(h.as('admin').settings.setExplainRequired({ rules: ['R14'] }))).code).toBe('BAD_REQUEST');
    expect(h.db.select().from(settings).where(eq(settings.key, 'rules_explain_required')).get()).toBeUndefined();
    expect((await refusal(h.as('reviewer').settings.setExplainRequired({ rules: ['R09'] }))).code).toBe('FORBIDDEN');
  });

  it('a department cannot submit until each 需说明 warning has a 说明; then it can, and the reviewer reads the 说明 beside it', async () => {
    const book = await h.as('admin').settings.setExplainRequired({ rules: ['R09'] });
    expect(book.rules.find((r) => r.id === 'R09')!.severity).toBe('需说明');
    expect((await h.as(null).public.rules()).rules.find((r) => r.id === 'R09')!.severity).toBe('需说明');

    const { id, dept, warning, version } = await draftWithYearWarning('shj');
    expect((await dept.department.get({ id })).explainRequired).toEqual(['R09']);
    const refused = await refusal(dept.department.submit({ id, version }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/^还有1条提示需要填写说明后才能提交/);
    expect(h.report(id).status).toBe('draft');

    // A 说明 of spaces only is no 说明.
    const blank = await dept.department.save({ id, version, content: h.report(id).content, explanations: { [warning.key]: '   ' } });
    expect((await refusal(dept.department.submit({ id, version: blank.version }))).code).toBe('BAD_REQUEST');

    const explained = await dept.department.save({
      id,
      version: blank.version,
      content: h.report(id).content,
      explanations: { [warning.key]: '该年份为省里规划的完成期限，属实。' },
    });
    const submitted = await dept.department.submit({ id, version: explained.version });
    expect(submitted.status).toBe('submitted');

    const detail = await h.as('reviewer').review.get({ id });
    expect(detail.explainRequired).toEqual(['R09']);
    expect(detail.explanations[warning.key]).toBe('该年份为省里规划的完成期限，属实。');
    expect(detail.check.warnings.map((w) => w.key)).toContain(warning.key);
  });

  it('a warning of a rule not set to 需说明 still lets the report be submitted without a 说明', async () => {
    await h.as('admin').settings.setExplainRequired({ rules: ['R13'] });
    const { id, dept, version } = await draftWithYearWarning('cgj');
    expect((await dept.department.submit({ id, version })).status).toBe('submitted');
    await h.as('admin').settings.setExplainRequired({ rules: [] });
    expect((await h.as(null).public.rules()).rules.every((r) => r.severity !== '需说明')).toBe(true);
  });
});

describe('the 校验 line of a public report', () => {
  const pubOf = (code: string, year: number) =>
    h.db.select().from(publications).where(and(eq(publications.reportId, h.reportId(code, year)), eq(publications.current, true))).get()!;

  it('a clean published report passes every rule applied to it, with the rule-set version', async () => {
    const p = pubOf('mzj', Y - 1);
    const c = await h.as(null).public.check({ id: p.id });
    // With last year's report on file every rule but R14 (the reviewer's comparison) applies.
    expect(c).toMatchObject({ version: RULESET_VERSION, applied: RULES.length - 1, passed: RULES.length - 1, warnings: 0, errors: 0 });
    // The first published year has no year before it: the three year-on-year rules do not apply.
    const first = await h.as(null).public.check({ id: pubOf('mzj', Y - 2).id });
    expect(first.applied).toBe(RULES.length - 4);
  });

  it('counts the warnings of the published text and how many the department explained', async () => {
    const p = pubOf('czj', Y - 1);
    const content = structuredClone(p.content);
    content.other = `${content.other}${Y + 3}年我局完成了全部档案数字化。`;
    h.db.update(publications).set({ content }).where(eq(publications.id, p.id)).run();
    const before = await h.as(null).public.check({ id: p.id });
    expect(before).toMatchObject({ warnings: 1, explained: 0, passed: RULES.length - 2 });
    const key = 'year.future:text.other';
    h.db.update(publications).set({ explanations: { [key]: '文中写的是规划完成年份。' } }).where(eq(publications.id, p.id)).run();
    const after = await h.as(null).public.check({ id: p.id });
    // The public cache is not used by direct callers, so the new 说明 is counted.
    expect(after.explained).toBe(1);
  });

  it('answers NOT_FOUND for an id that is not a publication', async () => {
    expect((await refusal(h.as(null).public.check({ id: 999999 }))).code).toBe('NOT_FOUND');
  });
});
