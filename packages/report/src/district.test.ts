import { describe, expect, it } from 'vitest';
import { computeTotals } from './totals';
import { makeReport, realisticReport, seedReport2024 } from './fixtures';
import { disclosureRates, formatRate, RATE_DEFINITIONS, sumContents } from './district';

describe('district sums (pure)', () => {
  it('add every cell of tables 二、三、四 over the reports', () => {
    const a = realisticReport();
    const b = makeReport({ requests: { newReceived: [1, 2, 0, 0, 0, 0] }, reviews: { review: { corrected: 4 } } });
    const sum = sumContents([a, b]);
    expect(sum.requests.newReceived).toEqual([703, 100, 6, 9, 31, 13]);
    expect(sum.reviews.review.corrected).toBe(5);
    expect(sum.proactive.licensing.decisions).toBe(2512);
    expect(computeTotals(sum).requests.rowTotal.newReceived).toBe(859 + 3);
  });

  it('sum the fees exactly to the ten-thousandth of a 万元', () => {
    const c = (amount: number) => makeReport({ proactive: { fees: { amount } } });
    expect(sumContents([c(0.1), c(0.2), c(18.871)]).proactive.fees.amount).toBe(19.171);
  });

  it('of no report is all zeros', () => {
    const sum = sumContents([]);
    expect(computeTotals(sum).requests.resultTotal[6]).toBe(0);
    expect(sum.proactive.fees.amount).toBe(0);
  });
});

describe('rates (pure)', () => {
  it('公开率 = (予以公开 + 部分公开) ÷ 办理总计', () => {
    const [disclosure] = disclosureRates(realisticReport());
    expect(disclosure).toMatchObject({ key: 'disclosure', label: '公开率', numerator: 487 + 77, denominator: 805 });
    expect(formatRate(disclosure!.value)).toBe('70.1%');
  });

  it('纠错率 = 结果纠正 ÷ (总计 − 尚未审结), 行政诉讼 over both of its blocks', () => {
    const content = makeReport({
      reviews: {
        review: { upheld: 3, corrected: 1, otherResult: 1, pending: 1 },
        suitDirect: { upheld: 2, corrected: 1, otherResult: 0, pending: 1 },
        suitAfterReview: { upheld: 0, corrected: 1, otherResult: 0, pending: 0 },
      },
    });
    const [, review, suit] = disclosureRates(content);
    expect(review).toMatchObject({ numerator: 1, denominator: 5, value: 0.2 });
    expect(suit).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it('are undefined, shown as —, when nothing was concluded', () => {
    const rates = disclosureRates(seedReport2024());
    expect(rates.map((r) => r.value)).toEqual([null, null, null]);
    expect(formatRate(null)).toBe('—');
  });

  it('state their definitions in the official words', () => {
    expect(RATE_DEFINITIONS.disclosure.definition).toBe('（（一）予以公开 + （二）部分公开）÷ 办理总计（三、本年度办理结果（七）总计），均取“总计”列');
    expect(RATE_DEFINITIONS.reviewCorrection.definition).toBe('行政复议结果纠正 ÷（行政复议总计 − 尚未审结）');
  });
});
