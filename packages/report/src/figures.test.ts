import { describe, expect, it } from 'vitest';
import { makeReport, realisticReport } from './fixtures';
import { computeTotals } from './totals';
import { REQUEST_ROWS } from './format';
import { FIGURES, figureLabel, figuresObject, figureValues, formatFigure } from './figures';

describe('figure fields', () => {
  it('name every figure of the format once: 10 in 二, 25 rows × 7 columns in 三, 15 in 四', () => {
    expect(FIGURES).toHaveLength(10 + 25 * 7 + 15);
    expect(new Set(FIGURES.map((f) => f.key)).size).toBe(FIGURES.length);
    expect(FIGURES.filter((f) => f.table === 'requests').map((f) => f.key.split('.')[1])).toEqual(
      REQUEST_ROWS.flatMap((r) => Array(7).fill(r.key)),
    );
  });

  it('label a figure with the official row and column wording', () => {
    const field = FIGURES.find((f) => f.key === 'requests.withheld3.total')!;
    expect(figureLabel(field)).toBe('三、本年度办理结果（三）不予公开3.危及“三安全一稳定”｜总计');
    expect(FIGURES.find((f) => f.key === 'reviews.suitDirect.corrected')!.rowLabel).toBe('行政诉讼（未经复议直接起诉）');
  });

  it('give the totals the format computes, equal to computeTotals', () => {
    const content = realisticReport();
    const totals = computeTotals(content);
    const v = figureValues(content);
    expect(v['requests.newReceived.total']).toBe(859);
    expect(v['requests.resultTotal.total']).toBe(totals.requests.resultTotal[6]);
    expect(v['requests.resultTotal.natural']).toBe(totals.requests.resultTotal[0]);
    expect(v['reviews.review.total']).toBe(6);
    expect(v['proactive.fees.amount']).toBe(18.871);
  });

  it('keep an empty typed cell empty while totals count it as 0', () => {
    const content = makeReport({ requests: { carriedIn: [null, 3, 0, 0, 1, 0] } });
    const v = figureValues(content);
    expect(v['requests.carriedIn.natural']).toBeNull();
    expect(v['requests.carriedIn.total']).toBe(4);
  });

  it('nest the figures by section, row and column for JSON', () => {
    const o = figuresObject(realisticReport());
    expect(o.requests!.newReceived).toEqual({ natural: 702, commercial: 98, research: 6, publicInterest: 9, legal: 31, other: 13, total: 859 });
    expect(o.proactive!.normativeDocs).toEqual({ issued: 3, repealed: 1, inForce: 12 });
    expect(o.reviews!.suitAfterReview).toEqual({ upheld: 1, corrected: 0, otherResult: 0, pending: 0, total: 1 });
  });

  it('print numbers as published: the fee with up to four decimals, nothing as –', () => {
    expect(formatFigure(18.871, 'amount')).toBe('18.871');
    expect(formatFigure(0.1 + 0.2, 'amount')).toBe('0.3');
    expect(formatFigure(null)).toBe('–');
    expect(formatFigure(12)).toBe('12');
  });
});
