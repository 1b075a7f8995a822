import { afterAll, describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS, fillNoRequests, planNoRequests, undoNoRequests } from '@ccgov/report';
import { harness } from './test-utils';

/**
 * 本年度未收到政府信息公开申请 through the server: the filled draft saves as it is, the server's
 * checker agrees that 三 and 四 balance except where 上年结转 still has to be handled, and the undo
 * saves back exactly the earlier draft.
 */
const h = harness();
afterAll(() => h.cleanup());

describe('本年度未收到政府信息公开申请, saved', () => {
  it('stores the fill; only columns with carried-over requests are left unbalanced; the undo stores the draft as it was', async () => {
    const clerk = h.as('cgj');
    const id = h.reportId('cgj', h.openYear);
    const own = await clerk.department.get({ id });
    // Last year left 2 requests of 自然人 and 1 of 法律服务机构 to carry over (as the prefill writes them).
    const prefilled = structuredClone(own.report.content);
    prefilled.requests.carriedIn = [2, 0, 0, 0, 1, 0];
    const first = await clerk.department.save({ id, version: own.report.version, content: prefilled });
    const before = h.report(id).content;
    const carriedIn = before.requests.carriedIn;
    const plan = planNoRequests(before, { year: h.openYear, body: own.department.name });
    const fill = fillNoRequests(before, { reviews: true, sentence: plan.sentence });

    expect(plan.carriedIn.total).toBe(3);
    const saved = await clerk.department.save({ id, version: first.version, content: fill.content });
    expect(h.report(id).content).toEqual(fill.content);
    expect(h.report(id).content.overview.request).toBe(plan.sentence);
    const balance = saved.check.errors.filter((e) => e.target.startsWith('requests.col.')).map((e) => e.target);
    const expected = REQUEST_COLUMNS.filter((_, i) => (carriedIn[i] ?? 0) > 0).map((c) => `requests.col.${c.key}`);
    expect(expected).toEqual(['requests.col.natural', 'requests.col.legal']);
    expect([...new Set(balance)].sort()).toEqual(expected.sort());
    expect(saved.check.errors.filter((e) => e.target.startsWith('reviews.'))).toEqual([]);

    await clerk.department.save({ id, version: saved.version, content: undoNoRequests(h.report(id).content, fill.undo) });
    expect(h.report(id).content).toEqual(before);
  });
});
