import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, reportEvents, reportVersions } from '@ccgov/db';
import { LIMITS, emptyContent, makeReport, realisticReport, type ReportContent } from '@ccgov/report';
import { AppError } from './errors';
import { harness } from './test-utils';

const h = harness();
afterAll(() => h.cleanup());

/** The message a clerk would read: the AppError's, or the Chinese zod message the API formats. */
function messageOf(err: unknown): string {
  const e = err as TRPCError;
  if (e.cause instanceof ZodError) return e.cause.issues.map((i) => i.message).join('；');
  return e.message;
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string; data: unknown }> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return { code: err.code, message: messageOf(err), data: err.cause instanceof AppError ? err.cause.data : undefined };
  }
  throw new Error('expected the call to be refused');
}

/** Everything a refused call must leave untouched: the row and the report's history. */
function stored(id: number) {
  const row = h.report(id);
  const events = h.db.select().from(reportEvents).where(eq(reportEvents.reportId, id)).all().length;
  const versions = h.db.select().from(reportVersions).where(eq(reportVersions.reportId, id)).all().length;
  return { row, events, versions };
}

/** A complete, consistent report for this department and year (no hard errors). */
function goodContent(year: number, body: string): ReportContent {
  return realisticReport({ year, body });
}

/** Content with one value replaced by something the form would never send. */
function tampered(mutate: (c: Record<string, any>) => void): ReportContent {
  const c = structuredClone(goodContent(h.openYear, '陈仓区新街镇人民政府')) as unknown as Record<string, any>;
  mutate(c);
  return c as unknown as ReportContent;
}

describe('starting a report from last year', () => {
  it('a new report carries last year’s 结转下年度 into 上年结转, keeps the in-force counts and the contact', async () => {
    const tsz = h.as('tsz');
    const prevId = h.reportId('tsz', h.openYear - 1);
    const prev = h.report(prevId).content;
    const { id, created } = await tsz.department.create({ year: h.openYear });
    expect(created).toBe(true);
    const { report, previous } = await tsz.department.get({ id });
    expect(report.status).toBe('draft');
    expect(report.content.requests.carriedIn).toEqual(prev.requests.carriedOver);
    expect(report.content.proactive.normativeDocs.inForce).toBe(prev.proactive.normativeDocs.inForce);
    expect(report.content.proactive.rules.inForce).toBe(prev.proactive.rules.inForce);
    expect(report.content.contact).toEqual(prev.contact);
    expect(report.content.opening).toContain(`${h.openYear}年1月1日`);
    // Text is only copied when asked for; the figures of this year start empty.
    expect(report.content.overview.active).toBe('');
    expect(report.content.requests.newReceived).toEqual([null, null, null, null, null, null]);
    expect(previous?.year).toBe(h.openYear - 1);
    const audit = h.db.$client
      .prepare("SELECT username, role, outcome FROM audit_log WHERE action = 'report.create' AND target = ?")
      .all(`report:${id}`);
    expect(audit).toEqual([{ username: 'tsz', role: 'department', outcome: 'success' }]);
  });

  it('with 以上年度报告的文字部分为起点 the text sections start from last year’s', async () => {
    const fglz = h.as('fglz');
    const prev = h.report(h.reportId('fglz', h.openYear - 1)).content;
    const { id } = await fglz.department.create({ year: h.openYear, copyText: true });
    const { report } = await fglz.department.get({ id });
    expect(report.content.overview).toEqual(prev.overview);
    expect(report.content.problems).toBe(prev.problems);
  });

  it('creating the same year again opens the existing report instead of a second one', async () => {
    const existing = h.reportId('xjz', h.openYear);
    expect(await h.as('xjz').department.create({ year: h.openYear })).toEqual({ id: existing, created: false });
  });

  it('a year that is not open for filing is refused', async () => {
    const r = await refusal(h.as('sjj').department.create({ year: h.openYear + 1 }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('未开放填报');
  });

  it('the editor gets the previous-year report and the 错敏词 list so the browser can run the same checks', async () => {
    const data = await h.as('xjz').department.get({ id: h.reportId('xjz', h.openYear) });
    expect(data.previous?.content.requests.carriedOver).toHaveLength(6);
    expect(data.sensitiveWords.map((w) => w.word)).toContain('其它');
  });
});

describe('saving a draft', () => {
  it('a valid draft is stored with its 说明 and the lock version goes up by one', async () => {
    const id = h.reportId('xjz', h.openYear);
    const { version } = h.report(id);
    const content = makeReport({ requests: { carriedIn: [9, 0, 0, 0, 0, 0] } }, goodContent(h.openYear, '陈仓区新街镇人民政府'));
    const res = await h.as('xjz').department.save({ id, version, content, explanations: { 'crossYear.carriedIn:requests.carriedIn.natural': '上年有9件在年底前补登。', empty: '  ' } });
    expect(res.version).toBe(version + 1);
    // The server runs the same checker and reports the cross-year difference as a warning.
    expect(res.check.warnings.map((w) => w.key)).toContain('crossYear.carriedIn:requests.carriedIn.natural');
    const row = h.report(id);
    expect(row.content).toEqual(content);
    expect(row.explanations).toEqual({ 'crossYear.carriedIn:requests.carriedIn.natural': '上年有9件在年底前补登。' });
  });

  it('a draft may leave cells empty and still be saved', async () => {
    const id = h.reportId('ptz', h.openYear);
    const res = await h.as('ptz').department.save({ id, version: h.report(id).version, content: emptyContent() });
    expect(res.check.errors.length).toBeGreaterThan(0);
    expect(h.report(id).content).toEqual(emptyContent());
  });

  it('a fee with four decimals (to the yuan) is accepted', async () => {
    const id = h.reportId('csz', h.openYear);
    const content = makeReport({ proactive: { fees: { amount: 18.871 } } });
    await h.as('csz').department.save({ id, version: h.report(id).version, content });
    expect(h.report(id).content.proactive.fees.amount).toBe(18.871);
  });

  it('a save naming an old version is refused with CONFLICT, and the newer content stays', async () => {
    const id = h.reportId('dwz', h.openYear);
    const seen = h.report(id).version;
    const first = makeReport({ other: '第一个窗口保存的内容。' });
    await h.as('dwz').department.save({ id, version: seen, content: first });
    const before = stored(id);
    const r = await refusal(h.as('dwz').department.save({ id, version: seen, content: makeReport({ other: '第二个窗口的旧版本。' }) }));
    expect(r.code).toBe('CONFLICT');
    expect(r.message).toContain('已在别处');
    expect(r.message).toContain('没有丢失');
    expect(stored(id)).toEqual(before);
    expect(h.report(id).content.other).toBe('第一个窗口保存的内容。');
  });
});

describe('bad input is refused with a clear message and nothing is stored', () => {
  const id = h.reportId('xqz', h.openYear);
  const save = (content: unknown, extra: Record<string, unknown> = {}) =>
    h.as('xqz').department.save({ id, version: h.report(id).version, content: content as ReportContent, ...extra });

  it.each([
    ['text in a count cell', (c: Record<string, any>) => (c.requests.newReceived[0] = '十二'), '三、“一、本年新收政府信息公开申请数量”第1列（自然人）：应为非负整数'],
    ['a negative count', (c: Record<string, any>) => (c.reviews.review.upheld = -1), '四、行政复议·结果维持：应为非负整数'],
    ['a count with decimals', (c: Record<string, any>) => (c.proactive.licensing.decisions = 2.5), '二、第二十条第（五）项 行政许可·本年处理决定数量：应为非负整数'],
    ['a negative fee', (c: Record<string, any>) => (c.proactive.fees.amount = -0.5), '行政事业性收费·本年收费金额（单位：万元）：应为非负数'],
    ['a fee with five decimals', (c: Record<string, any>) => (c.proactive.fees.amount = 18.87105), '最多4位小数'],
    ['a number given as a string', (c: Record<string, any>) => (c.requests.carriedOver[2] = '3'), '三、“四、结转下年度继续办理”第3列（科研机构）：应为非负整数'],
    ['a count over the limit', (c: Record<string, any>) => (c.requests.granted[1] = LIMITS.count + 1), `数值过大（上限 ${LIMITS.count}）`],
    ['a row with a seventh column', (c: Record<string, any>) => c.requests.granted.push(0), '三、“（一）予以公开”：应有6列'],
  ])('%s', async (_name, mutate, expected) => {
    const before = stored(id);
    const r = await refusal(save(tampered(mutate)));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('未保存');
    expect(r.message).toContain(expected);
    expect(stored(id)).toEqual(before);
  });

  it('text longer than the limit is refused and the message states the limit', async () => {
    const before = stored(id);
    const long = '政'.repeat(LIMITS.textSection + 1);
    const r = await refusal(save(makeReport({ overview: { active: long } })));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain(`一、总体情况（一）主动公开：不能超过${LIMITS.textSection}字`);
    expect(stored(id)).toEqual(before);
  });

  it('a contact field longer than the limit is refused and the message states the limit', async () => {
    const before = stored(id);
    const r = await refusal(save(makeReport({ contact: { person: '张'.repeat(LIMITS.contactField + 1) } })));
    expect(r.message).toContain(`联系方式·联系人：不能超过${LIMITS.contactField}字`);
    expect(stored(id)).toEqual(before);
  });

  it('a 说明 longer than the limit is refused and the message states the limit, even when the content is fine', async () => {
    const before = stored(id);
    const r = await refusal(save(goodContent(h.openYear, '陈仓区香泉镇人民政府'), { explanations: { 'x:y': '因'.repeat(LIMITS.explanation + 1) } }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain(`说明不能超过${LIMITS.explanation}字`);
    expect(stored(id)).toEqual(before);
  });

  it('an unknown field inside the content is refused by name', async () => {
    const before = stored(id);
    const r = await refusal(save(tampered((c) => (c.proactive.rules.published = 3))));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('不认识的字段：published');
    expect(stored(id)).toEqual(before);
  });

  it('an unknown field next to the content (a status smuggled into a save) is refused by name', async () => {
    const before = stored(id);
    const r = await refusal(save(goodContent(h.openYear, '陈仓区香泉镇人民政府'), { status: 'approved' }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('不认识的字段：status');
    expect(stored(id)).toEqual(before);
    expect(h.report(id).status).toBe('draft');
  });

  it('content missing a whole section is refused', async () => {
    const before = stored(id);
    const r = await refusal(save(tampered((c) => delete c.reviews)));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('四、政府信息公开行政复议、行政诉讼情况：缺少内容或格式不对');
    expect(stored(id)).toEqual(before);
  });

  it('the refusal lists each problem with its target so the form can point at the cells', async () => {
    const r = await refusal(save(tampered((c) => {
      c.requests.newReceived[0] = -3;
      c.problems = 'x'.repeat(LIMITS.textSection + 1);
    })));
    const issues = (r.data as { issues: { target: string | null }[] }).issues;
    expect(issues.map((i) => i.target)).toEqual(expect.arrayContaining(['requests.newReceived.natural', 'text.problems']));
  });
});

describe('submitting, recalling and status changes the workflow does not allow', () => {
  it('a report with hard errors is refused with the list of errors and stays a draft', async () => {
    const id = h.reportId('ptz', h.openYear);
    const content = makeReport({ requests: { carriedOver: [59, 9, 0, 1, 3, 1] } }, goodContent(h.openYear, '陈仓区坪头镇人民政府'));
    await h.as('ptz').department.save({ id, version: h.report(id).version, content });
    const before = stored(id);
    const r = await refusal(h.as('ptz').department.submit({ id, version: before.row.version }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('不能提交');
    const errors = (r.data as { errors: { code: string; target: string; message: string }[] }).errors;
    expect(errors).toContainEqual(expect.objectContaining({ code: 'requests.balance', target: 'requests.col.natural' }));
    expect(errors[0]!.message).toContain('表三“自然人”列：本年新收');
    expect(stored(id)).toEqual(before);
  });

  it('a clean report is submitted: status 待审核, a snapshot is kept, and the department can no longer edit it', async () => {
    const id = h.reportId('csz', h.openYear);
    await h.as('csz').department.save({ id, version: h.report(id).version, content: goodContent(h.openYear, '陈仓区慕仪镇人民政府') });
    const { version } = h.report(id);
    const res = await h.as('csz').department.submit({ id, version });
    expect(res).toMatchObject({ status: 'submitted', version: version + 1, alreadySubmitted: false });
    expect(h.db.select().from(reportVersions).where(and(eq(reportVersions.reportId, id), eq(reportVersions.version, version + 1))).get()).toBeTruthy();

    const before = stored(id);
    const r = await refusal(h.as('csz').department.save({ id, version: version + 1, content: goodContent(h.openYear, 'x') }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('当前不能修改');
    expect(stored(id)).toEqual(before);
  });

  it('submitting twice (a double click or a retry) has the effect of one submission', async () => {
    const id = h.reportId('dwz', h.openYear);
    await h.as('dwz').department.save({ id, version: h.report(id).version, content: goodContent(h.openYear, '陈仓区东风路街道办事处') });
    const { version } = h.report(id);
    const [a, b] = await Promise.all([
      h.as('dwz').department.submit({ id, version }),
      h.as('dwz').department.submit({ id, version }),
    ]);
    const again = await h.as('dwz').department.submit({ id, version });
    expect([a.status, b.status, again.status]).toEqual(['submitted', 'submitted', 'submitted']);
    expect([a.version, b.version, again.version]).toEqual([version + 1, version + 1, version + 1]);
    expect(again.alreadySubmitted).toBe(true);
    const submits = h.db.select().from(reportEvents).where(and(eq(reportEvents.reportId, id), eq(reportEvents.action, 'submit'))).all();
    expect(submits).toHaveLength(1);
    expect(h.db.select().from(reportVersions).where(eq(reportVersions.reportId, id)).all()).toHaveLength(1);
  });

  it('撤回 takes a submitted report back to draft while review has not started', async () => {
    const id = h.reportId('gxj', h.openYear);
    expect(h.report(id).status).toBe('submitted');
    const res = await h.as('gxj').department.recall({ id, version: h.report(id).version });
    expect(res.status).toBe('draft');
    expect(h.report(id).status).toBe('draft');
  });

  it('撤回 is refused once a reviewer has signed off, and the report stays in review', async () => {
    const id = h.reportId('swj', h.openYear);
    await h.as('reviewer').review.signoff({ id, version: h.report(id).version });
    const before = stored(id);
    expect(before.row.status).toBe('in_review');
    const r = await refusal(h.as('swj').department.recall({ id, version: before.row.version }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('审核人已开始审核，不能撤回');
    expect(stored(id)).toEqual(before);
  });

  it('submitting a report that is already approved is refused and changes nothing', async () => {
    const id = h.reportId('mzj', h.openYear);
    const before = stored(id);
    expect(before.row.status).toBe('approved');
    const r = await refusal(h.as('mzj').department.submit({ id, version: before.row.version }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('报告当前为“已通过”，不能提交审核');
    expect(stored(id)).toEqual(before);
  });

  it('recalling a draft is refused and changes nothing', async () => {
    const id = h.reportId('xjz', h.openYear);
    const before = stored(id);
    const r = await refusal(h.as('xjz').department.recall({ id, version: before.row.version }));
    expect(r.message).toContain('报告当前为“草稿”，不能撤回');
    expect(stored(id)).toEqual(before);
  });

  it('a submit naming a stale version is refused with CONFLICT', async () => {
    const id = h.reportId('xjz', h.openYear);
    const before = stored(id);
    const r = await refusal(h.as('xjz').department.submit({ id, version: before.row.version - 1 }));
    expect(r.code).toBe('CONFLICT');
    expect(stored(id)).toEqual(before);
  });

  it('an unknown field in a submit is refused by name', async () => {
    const id = h.reportId('wjj', h.openYear);
    const before = stored(id);
    const r = await refusal(h.as('wjj').department.submit({ id, version: before.row.version, status: 'approved' } as never));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('不认识的字段：status');
    expect(stored(id)).toEqual(before);
  });
});

describe('a returned report', () => {
  it('shows the reviewer’s comments of the latest return, each against its cell or section', async () => {
    const id = h.reportId('kjj', h.openYear);
    const data = await h.as('kjj').department.get({ id });
    expect(data.report.status).toBe('returned');
    const current = data.comments.filter((c) => c.current);
    expect(current).toContainEqual(expect.objectContaining({ target: 'requests.newReceived.natural', userName: expect.any(String) }));
  });

  it('can be fixed and resubmitted, after which the old comments are no longer current', async () => {
    const id = h.reportId('kjj', h.openYear);
    await h.as('kjj').department.save({ id, version: h.report(id).version, content: goodContent(h.openYear, '陈仓区科学技术局') });
    const res = await h.as('kjj').department.submit({ id, version: h.report(id).version });
    expect(res.status).toBe('submitted');
    const data = await h.as('kjj').department.get({ id });
    expect(data.comments.length).toBeGreaterThan(0);
    expect(data.comments.every((c) => !c.current)).toBe(true);
  });
});

describe('reports stay within the department', () => {
  it('a department cannot read or save another department’s report', async () => {
    const other = h.reportId('xjz', h.openYear);
    const before = stored(other);
    await expect(h.as('ptz').department.get({ id: other })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.as('ptz').department.save({ id: other, version: before.row.version, content: goodContent(h.openYear, 'x') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(stored(other)).toEqual(before);
  });
});
