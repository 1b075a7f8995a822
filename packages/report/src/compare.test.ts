import { describe, expect, it } from 'vitest';
import { compareWithPrevious, isLargeSwing } from './compare';
import { makeReport, realisticReport } from './fixtures';

const find = (rows: ReturnType<typeof compareWithPrevious>, target: string) => rows.find((r) => r.target === target)!;

describe('compareWithPrevious', () => {
  it('gives every figure of tables 二, 三 and 四 with both years and the change', () => {
    const prev = realisticReport();
    const now = makeReport({ proactive: { licensing: { decisions: 1300 } } });
    const rows = compareWithPrevious(now, prev);
    // 10 proactive cells, 25 rows × 7 columns of table 三, 3 blocks × 5 of table 四
    expect(rows).toHaveLength(10 + 25 * 7 + 15);
    expect(find(rows, 'proactive.licensing.decisions')).toMatchObject({ previous: 1256, current: 1300, change: 44, largeSwing: false });
  });

  it('includes computed totals: each row’s 总计, （七）总计 and each block’s 总计', () => {
    const rows = compareWithPrevious(realisticReport(), realisticReport());
    expect(find(rows, 'requests.newReceived.total')).toMatchObject({ current: 859, total: true, change: 0 });
    expect(find(rows, 'requests.resultTotal.total')).toMatchObject({ current: 805, total: true });
    expect(find(rows, 'reviews.review.total')).toMatchObject({ current: 6, total: true });
  });

  it('marks a figure that doubled or halved as a large swing', () => {
    const prev = realisticReport();
    const now = makeReport({ requests: { newReceived: [300, 98, 6, 9, 31, 13] } });
    const rows = compareWithPrevious(now, prev);
    expect(find(rows, 'requests.newReceived.natural')).toMatchObject({ previous: 702, current: 300, change: -402, largeSwing: true });
    expect(find(rows, 'requests.newReceived.commercial').largeSwing).toBe(false);
  });

  it('subtracts fee amounts exactly to the yuan', () => {
    const now = makeReport({ proactive: { fees: { amount: 19.0001 } } });
    expect(find(compareWithPrevious(now, realisticReport()), 'proactive.fees.amount').change).toBe(0.1291);
  });

  it('leaves the change empty where a year left the cell empty', () => {
    const prev = makeReport({ reviews: { review: { upheld: null } } });
    expect(find(compareWithPrevious(realisticReport(), prev), 'reviews.review.upheld')).toMatchObject({ previous: null, change: null });
  });
});

describe('isLargeSwing', () => {
  it('ignores small numbers, however large the ratio', () => {
    expect(isLargeSwing(1, 9)).toBe(false);
    expect(isLargeSwing(0, 9)).toBe(false);
  });
  it('flags doubling, halving and appearing from zero once a year reaches 10', () => {
    expect(isLargeSwing(10, 20)).toBe(true);
    expect(isLargeSwing(20, 10)).toBe(true);
    expect(isLargeSwing(0, 10)).toBe(true);
    expect(isLargeSwing(12, 20)).toBe(false);
  });
});
