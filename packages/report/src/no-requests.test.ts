import { describe, expect, it } from 'vitest';
import { emptyContent } from './content';
import { checkReport } from './checker';
import { readInput } from './figures';
import { realisticReport, seedReport2024 } from './fixtures';
import { fillNoRequests, noRequestsSentence, planNoRequests, undoNoRequests } from './no-requests';
import { computeTotals } from './totals';

const ctx = { year: 2026, body: '陈仓区数据局' };

/** A fresh draft: nothing typed, 上年结转 prefilled from last year (2 自然人, 1 法律服务机构). */
function prefilledDraft() {
  const c = emptyContent();
  c.requests.carriedIn = [2, 0, 0, 0, 1, 0];
  return c;
}

describe('本年度未收到政府信息公开申请', () => {
  it('fills table 三 with 0 but leaves 上年结转 as prefilled, and says how many carried-over requests remain', () => {
    const before = prefilledDraft();
    const plan = planNoRequests(before, ctx);
    expect(plan.carriedIn.total).toBe(3);
    expect(plan.carriedIn.columns).toEqual([
      { label: '自然人', count: 2 },
      { label: '法律服务机构', count: 1 },
    ]);
    expect(plan.sentence).toBe('2026年，陈仓区数据局未收到新的政府信息公开申请，上年结转申请3件。');

    const { content } = fillNoRequests(before, { reviews: false, sentence: null });
    expect(content.requests.carriedIn).toEqual([2, 0, 0, 0, 1, 0]);
    expect(content.requests.newReceived).toEqual([0, 0, 0, 0, 0, 0]);
    expect(content.requests.granted).toEqual([0, 0, 0, 0, 0, 0]);
    expect(content.requests.carriedOver).toEqual([0, 0, 0, 0, 0, 0]);
    // Table 四 and the text are left alone unless asked.
    expect(readInput(content, 'reviews.review.upheld')).toBeNull();
    expect(content.overview.request).toBe('');
    // The 3 carried-over requests are not handled yet: the balance check points at them.
    const { errors } = checkReport({ year: 2026, body: ctx.body, content, previous: null });
    expect(errors.some((e) => e.target === 'requests.col.natural' || e.target.startsWith('requests.carriedOver.natural'))).toBe(true);
  });

  it('with nothing carried over, a body with 四 confirmed and the sentence taken has table 三 and 四 balanced at 0', () => {
    const before = emptyContent();
    before.requests.carriedIn = [0, 0, 0, 0, 0, 0];
    const plan = planNoRequests(before, ctx);
    expect(plan.carriedIn.total).toBe(0);
    expect(plan.sentence).toBe('2026年，陈仓区数据局未收到政府信息公开申请。');
    const { content } = fillNoRequests(before, { reviews: true, sentence: plan.sentence });
    const totals = computeTotals(content);
    expect(totals.requests.rowTotal.newReceived).toBe(0);
    expect(totals.requests.resultTotal[6]).toBe(0);
    expect(readInput(content, 'reviews.suitAfterReview.pending')).toBe(0);
    expect(content.overview.request).toBe('2026年，陈仓区数据局未收到政府信息公开申请。');
    const { errors } = checkReport({ year: 2026, body: ctx.body, content, previous: null });
    expect(errors.filter((e) => e.target.startsWith('requests.') || e.target.startsWith('reviews.'))).toEqual([]);
  });

  it('undo restores exactly what every filled cell and the text held before', () => {
    const before = realisticReport({ year: 2026, body: ctx.body });
    before.requests.granted[3] = null; // a blank stays blank after undo, not 0
    const fill = fillNoRequests(before, { reviews: true, sentence: noRequestsSentence(2026, ctx.body, 0) });
    expect(fill.changedCells).toBeGreaterThan(0);
    expect(fill.content).not.toEqual(before);
    expect(undoNoRequests(fill.content, fill.undo)).toEqual(before);
  });

  it('undo keeps what was changed elsewhere after the fill', () => {
    const before = prefilledDraft();
    const fill = fillNoRequests(before, { reviews: false, sentence: '本年度，本机关未收到政府信息公开申请。' });
    const edited = { ...fill.content, problems: '改进措施', proactive: { ...fill.content.proactive, rules: { issued: 1, repealed: 0, inForce: 3 } } };
    const undone = undoNoRequests(edited, fill.undo);
    expect(undone.problems).toBe('改进措施');
    expect(undone.proactive.rules).toEqual({ issued: 1, repealed: 0, inForce: 3 });
    expect(undone.requests).toEqual(before.requests);
    expect(undone.overview.request).toBe('');
  });

  it('tells the clerk when 四 already has figures or （二） already has text, so neither is overwritten unasked', () => {
    const published = seedReport2024();
    published.reviews.review.upheld = 1;
    const plan = planNoRequests(published, ctx);
    expect(plan.reviewsHaveFigures).toBe(true);
    expect(plan.requestTextPresent).toBe(true);
    expect(planNoRequests(prefilledDraft(), ctx)).toMatchObject({ reviewsHaveFigures: false, requestTextPresent: false, carriedInBlank: 0 });
    expect(planNoRequests(emptyContent(), ctx).carriedInBlank).toBe(6);
  });
});
