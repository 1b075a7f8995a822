import { afterAll, describe, expect, it } from 'vitest';
import { computeTotals, makeReport, realisticReport, seedReport2024 } from '@ccgov/report';
import { harness } from '../test-utils';
import { disclosureRates, formatRate, RATE_DEFINITIONS, sumContents } from './public-summary';

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

describe('public summary over the demo district', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const closed = h.openYear - 1;
  const anon = h.as(null);

  it('sums exactly the published reports of the year and names who has not published', async () => {
    const s = await anon.public.summary({ year: closed });
    expect(s.published).toHaveLength(47);
    expect(s.notPublished).toEqual([]);
    const contents = (await anon.public.list({ year: closed })).map((r) => h.report(r.reportId).content);
    expect(s.totals.requests.rowTotal.newReceived).toBe(contents.reduce((a, c) => a + computeTotals(c).requests.rowTotal.newReceived, 0));
    expect(s.topRequests[0]!.newReceived).toBe(Math.max(...s.published.map((p) => p.newReceived)));
  });

  it('answers NOT_FOUND for a year nobody has published yet', async () => {
    await expect(anon.public.summary({ year: h.openYear })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts a report once published and drops it again once withdrawn', async () => {
    const id = h.reportId('fgj', h.openYear);
    const published = await h.as('publisher').review.publish({ id, version: h.report(id).version });
    const s = await anon.public.summary({ year: h.openYear });
    expect(s.published.map((p) => p.departmentName)).toEqual(['陈仓区发展和改革局']);
    expect(s.notPublished).toHaveLength(46);
    expect(s.totals.requests.rowTotal.newReceived).toBe(computeTotals(h.report(id).content).requests.rowTotal.newReceived);
    expect((await anon.public.trend()).map((t) => t.year)).toEqual([h.openYear - 2, h.openYear - 1, h.openYear]);

    await h.as('publisher').review.unpublish({ id, version: published.version, reason: '测试撤销' });
    await expect(anon.public.summary({ year: h.openYear })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await anon.public.trend()).map((t) => t.year)).toEqual([h.openYear - 2, h.openYear - 1]);
  });

  it('does not list a body set up after a closed year as not having published it, but expects it for the open year', async () => {
    const created = await h.as('admin').admin.createDepartment({ name: '陈仓区新设机构测试局', code: 'xsjg', kind: 'department' });
    expect(created).toBeTruthy();
    const closedSummary = await anon.public.summary({ year: closed });
    expect(closedSummary.notPublished.map((d) => d.name)).not.toContain('陈仓区新设机构测试局');
    const gaj = h.reportId('gaj', h.openYear);
    const pub = await h.as('publisher').review.publish({ id: gaj, version: h.report(gaj).version });
    const openSummary = await anon.public.summary({ year: h.openYear });
    expect(openSummary.notPublished.map((d) => d.name)).toContain('陈仓区新设机构测试局');
    await h.as('publisher').review.unpublish({ id: gaj, version: pub.version, reason: '测试撤销' });
  });

  it('gives the trend of every published year, oldest first', async () => {
    const trend = await anon.public.trend();
    const s = await anon.public.summary({ year: closed });
    expect(trend.at(-1)).toMatchObject({ year: closed, reports: 47, newReceived: s.totals.requests.rowTotal.newReceived });
  });
});
