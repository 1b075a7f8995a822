import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { and, desc, eq, receipts, reportEvents, reportVersions, users } from '@ccgov/db';
import { RULESET_VERSION, checkReport, makeReport, realisticReport, ruleOf, type ReportContent } from '@ccgov/report';
import { canonicalJson, contentSha256 } from './services/receipts';
import { loadSensitiveWords, previousYearReport } from './services/context';
import { harness, userId } from './test-utils';

/**
 * 回执. Departments used here: shj (submit → return → resubmit → two sign-offs → publish → 更正),
 * ybj (approved in the seed: publish → 撤销发布 → 重新发布), lyj (a refused submission, 撤回),
 * gxj (another body's receipts).
 */
const h = harness();
afterAll(() => h.cleanup());
const Y = h.openYear;

/** The hash recomputed from the stored version, written independently of canonicalJson. */
function recomputedHash(reportId: number, version: number): string {
  const row = h.db.$client
    .prepare('SELECT content FROM report_versions WHERE report_id = ? AND version = ?')
    .get(reportId, version) as { content: string };
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(sortKeys(JSON.parse(row.content))), 'utf8').digest('hex');
}

const receiptsOf = (reportId: number) => h.db.select().from(receipts).where(eq(receipts.reportId, reportId)).orderBy(receipts.id).all();
const latestVersion = (reportId: number) =>
  h.db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId)).orderBy(desc(reportVersions.version)).get()!;

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: 'é' }, u: undefined })).toBe('{"a":{"c":"é","d":[3,{"x":2,"y":1}]},"b":1}');
    expect(contentSha256({ a: 1, b: 2 })).toBe(contentSha256({ b: 2, a: 1 }));
    expect(contentSha256({ a: 1 })).toBe(createHash('sha256').update('{"a":1}').digest('hex'));
  });
});

describe('one receipt per act, in the act’s transaction', () => {
  const id = h.reportId('shj', Y);
  const good = realisticReport({ year: Y, body: '陈仓区审计局' });

  it('提交审核 writes a receipt: number, body, year, act, who, version, the stored version’s hash, the rule set and its result', async () => {
    const shj = h.as('shj');
    await shj.department.save({ id, version: h.report(id).version, content: good });
    const res = await shj.department.submit({ id, version: h.report(id).version });
    expect(res.status).toBe('submitted');

    const rows = receiptsOf(id);
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    const snapshot = latestVersion(id);
    const deptId = h.report(id).departmentId;
    expect(r).toMatchObject({
      receiptNo: `HZ-${Y}-${String(deptId).padStart(3, '0')}-0001`,
      departmentId: deptId,
      year: Y,
      act: 'submit',
      version: snapshot.version,
      userId: userId(h.db, 'shj'),
      userName: h.db.select().from(users).where(eq(users.username, 'shj')).get()!.displayName,
      role: 'department',
      rulesetVersion: RULESET_VERSION,
      checkErrors: 0,
    });
    expect('receipt' in res && res.receipt).toEqual({ id: r.id, receiptNo: r.receiptNo });
    expect(r.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.contentSha256).toBe(recomputedHash(id, r.version));
    // The event the receipt belongs to.
    const event = h.db.select().from(reportEvents).where(eq(reportEvents.id, r.eventId!)).get()!;
    expect(event).toMatchObject({ reportId: id, action: 'submit' });

    // The checker's result is the one the same checker gives on the stored version now.
    const dept = { name: '陈仓区审计局' };
    const check = checkReport({
      year: Y,
      body: dept.name,
      content: snapshot.content,
      previous: previousYearReport(h.db, deptId, Y),
      sensitiveWords: loadSensitiveWords(h.db),
    });
    expect(r.checkWarnings).toBe(check.warnings.length);
    expect(r.checkCodes).toEqual([...new Set(check.warnings.map((w) => ruleOf(w.rule)!.id))].sort());

    // The clerk reads it back through the API with the same fields.
    const view = await shj.receipts.get({ id: r.id });
    expect(view).toMatchObject({ receiptNo: r.receiptNo, departmentName: '陈仓区审计局', actLabel: '提交审核', version: r.version, submission: 1, contentSha256: r.contentSha256, rulesetVersion: RULESET_VERSION });
  });

  it('退回修改, the resubmission, each sign-off, 发布 and 更正 each add one; a changed figure changes the hash', async () => {
    const reviewer = h.as('reviewer');
    await reviewer.review.return({ id, version: h.report(id).version, comments: [{ target: 'text.problems', body: '请写明改进措施。' }] });
    const changed: ReportContent = { ...good, problems: `${good.problems}明年每季度抽查一次。` };
    await h.as('shj').department.save({ id, version: h.report(id).version, content: changed });
    await h.as('shj').department.submit({ id, version: h.report(id).version });
    await reviewer.review.signoff({ id, version: h.report(id).version });
    await h.as('publisher').review.signoff({ id, version: h.report(id).version });
    await h.as('publisher').review.publish({ id, version: h.report(id).version });
    await reviewer.review.reopen({ id, version: h.report(id).version, reason: '表三数字与台账不一致' });

    const rows = receiptsOf(id);
    expect(rows.map((r) => r.act)).toEqual(['submit', 'return', 'submit', 'signoff', 'signoff', 'publish', 'correct']);
    expect(rows.map((r) => r.receiptNo.slice(-4))).toEqual(['0001', '0002', '0003', '0004', '0005', '0006', '0007']);
    expect(rows.map((r) => r.role)).toEqual(['department', 'reviewer', 'department', 'reviewer', 'publisher', 'publisher', 'reviewer']);
    // The return is about the first submitted version; everything after about the second.
    const [first, ret, second, ...rest] = rows;
    expect(ret!.version).toBe(first!.version);
    expect(ret!.contentSha256).toBe(first!.contentSha256);
    expect(ret!.note).toBe('请写明改进措施。');
    expect(second!.version).toBeGreaterThan(first!.version);
    expect(second!.contentSha256).not.toBe(first!.contentSha256);
    for (const r of [first!, ret!, second!, ...rest]) expect(r.contentSha256).toBe(recomputedHash(id, r.version));
    for (const r of rest) expect(r.version).toBe(second!.version);
    expect(rest.map((r) => r.note)).toEqual(['初审', '终审', null, '表三数字与台账不一致']);
    expect(rows.every((r) => r.rulesetVersion === RULESET_VERSION)).toBe(true);

    // The clerk's list: newest first, the second submission numbered 2.
    const list = await h.as('shj').receipts.forReport({ reportId: id });
    expect(list.map((r) => r.actLabel)).toEqual(['更正', '发布', '审核通过', '审核通过', '提交审核', '退回修改', '提交审核']);
    expect(list.find((r) => r.id === second!.id)!.submission).toBe(2);
    // The reviewer sees the same list.
    expect((await reviewer.receipts.forReport({ reportId: id })).map((r) => r.id)).toEqual(list.map((r) => r.id));
  });

  it('撤销发布 and 重新发布 give receipts too', async () => {
    const ybj = h.reportId('ybj', Y);
    expect(h.report(ybj).status).toBe('approved');
    // The seeded history gave its submission and both sign-offs their receipts.
    expect(receiptsOf(ybj).map((r) => [r.act, r.note])).toEqual([
      ['submit', null],
      ['signoff', '初审'],
      ['signoff', '终审'],
    ]);
    const publisher = h.as('publisher');
    await publisher.review.publish({ id: ybj, version: h.report(ybj).version });
    await publisher.review.unpublish({ id: ybj, version: h.report(ybj).version, reason: '联系电话有误' });
    await publisher.review.republish({ id: ybj, version: h.report(ybj).version });
    const rows = receiptsOf(ybj).slice(3);
    expect(rows.map((r) => r.receiptNo.slice(-4))).toEqual(['0004', '0005', '0006']);
    expect(rows.map((r) => [r.act, r.note])).toEqual([
      ['publish', null],
      ['withdraw', '联系电话有误'],
      ['publish', '重新发布'],
    ]);
    for (const r of rows) expect(r.contentSha256).toBe(recomputedHash(ybj, r.version));
  });

  it('a refused submission writes no receipt, a repeated one no second, and 撤回 none', async () => {
    const lyj = h.reportId('lyj', Y);
    const before = receiptsOf(lyj).length;
    // 表三 out of balance: the checker refuses the submission.
    const unbalanced = makeReport({ requests: { carriedOver: [59, 9, 0, 1, 3, 1] } }, realisticReport({ year: Y, body: '陈仓区林业局' }));
    await h.as('lyj').department.save({ id: lyj, version: h.report(lyj).version, content: unbalanced });
    expect(await codeOf(h.as('lyj').department.submit({ id: lyj, version: h.report(lyj).version }))).toBe('BAD_REQUEST');
    expect(receiptsOf(lyj)).toHaveLength(before);

    await h.as('lyj').department.save({ id: lyj, version: h.report(lyj).version, content: realisticReport({ year: Y, body: '陈仓区林业局' }) });
    const submittedAt = h.report(lyj).version;
    await h.as('lyj').department.submit({ id: lyj, version: submittedAt });
    // A retry of the same submission (double click) is answered quietly and gives no second receipt.
    expect(await h.as('lyj').department.submit({ id: lyj, version: submittedAt })).toMatchObject({ alreadySubmitted: true });
    expect(receiptsOf(lyj)).toHaveLength(1);
    await h.as('lyj').department.recall({ id: lyj, version: h.report(lyj).version });
    expect(receiptsOf(lyj).map((r) => r.act)).toEqual(['submit']);
  });
});

describe('receipts are append-only', () => {
  it('the database refuses to change or delete a receipt', () => {
    const r = h.db.select().from(receipts).get()!;
    expect(() => h.db.update(receipts).set({ contentSha256: '0'.repeat(64) }).where(eq(receipts.id, r.id)).run()).toThrow(/只允许追加，不能修改/);
    expect(() => h.db.$client.prepare('DELETE FROM receipts WHERE id = ?').run(r.id)).toThrow(/只允许追加，不能删除/);
    expect(() => h.db.$client.exec("UPDATE receipts SET note = 'x'")).toThrow(/不能修改/);
    expect(h.db.select().from(receipts).where(eq(receipts.id, r.id)).get()).toEqual(r);
  });
});

describe('who may read a receipt', () => {
  it('a department reads only its own body’s receipts; another body’s answer NOT_FOUND without revealing them', async () => {
    const shjReport = h.reportId('shj', Y);
    const r = h.db.select().from(receipts).where(eq(receipts.reportId, shjReport)).get()!;
    const gxj = h.as('gxj');
    expect(await codeOf(gxj.receipts.get({ id: r.id }))).toBe('NOT_FOUND');
    expect(await codeOf(gxj.receipts.forReport({ reportId: shjReport }))).toBe('NOT_FOUND');
    const err = await gxj.receipts.get({ id: r.id }).catch((e: TRPCError) => e);
    expect(String((err as TRPCError).message)).not.toContain('审计局');
    // The bureau reads every body's; the admin none.
    expect((await h.as('publisher').receipts.get({ id: r.id })).receiptNo).toBe(r.receiptNo);
    expect(await codeOf(h.as('admin').receipts.get({ id: r.id }))).toBe('FORBIDDEN');
    // Receipts of gxj's own report (submitted in the seed) are readable by gxj.
    const own = h.reportId('gxj', Y);
    const ownRows = h.db.select().from(receipts).where(and(eq(receipts.reportId, own))).all();
    expect(ownRows.map((r) => r.act)).toEqual(['submit']);
    expect((await gxj.receipts.forReport({ reportId: own })).map((r) => r.receiptNo)).toEqual(ownRows.map((r) => r.receiptNo));
  });
});
