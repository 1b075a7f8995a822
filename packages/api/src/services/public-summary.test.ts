import { afterAll, describe, expect, it } from 'vitest';
import { computeTotals } from '@ccgov/report';
import { harness } from '../test-utils';
import { clearTrendMemo, summaryTrend, trendYearSumCount } from './public-summary';

describe('public summary over the demo district', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const closed = h.openYear - 1;
  const anon = h.as(null);

  it('sums exactly the published reports of the year and names who has not published', async () => {
    const s = await anon.public.summary({ year: closed });
    expect(s.published).toHaveLength(47);
    expect(s.notPublished).toEqual([]);
    // The public list carries publication ids only (no internal report ids): read each one's content.
    const contents = await Promise.all((await anon.public.list({ year: closed })).map(async (r) => (await anon.public.get({ id: r.id })).publication.content));
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

  it('re-sums only the year whose publications changed, and agrees with a fresh computation after each change', async () => {
    const fresh = () => {
      clearTrendMemo(h.db);
      return summaryTrend(h.db);
    };
    const before = summaryTrend(h.db);
    const older = before.filter((t) => t.year < h.openYear);
    const czj = h.reportId('czj', h.openYear);
    const pub = await h.as('publisher').review.publish({ id: czj, version: h.report(czj).version });
    const after = summaryTrend(h.db);
    // The open year appears with the new report's figures; the other years were not summed again
    // (the very same figures), and all agree with a trend computed from nothing.
    expect(after.find((t) => t.year === h.openYear)).toMatchObject({ reports: 1, newReceived: computeTotals(h.report(czj).content).requests.rowTotal.newReceived });
    for (const t of older) expect(after.find((a) => a.year === t.year)!.rates).toBe(t.rates);
    expect(after).toEqual(fresh());
    summaryTrend(h.db); // the open year's figures kept for its one report

    // A second report of a year already summed: that year is summed again.
    const mzj = h.reportId('mzj', h.openYear);
    const pub2 = await h.as('publisher').review.publish({ id: mzj, version: h.report(mzj).version });
    const two = summaryTrend(h.db);
    expect(two.find((t) => t.year === h.openYear)!.reports).toBe(2);
    expect(two).toEqual(fresh());
    await h.as('publisher').review.unpublish({ id: mzj, version: pub2.version, reason: '测试撤销' });
    expect(summaryTrend(h.db).find((t) => t.year === h.openYear)!.reports).toBe(1);

    await h.as('publisher').review.unpublish({ id: czj, version: pub.version, reason: '测试撤销' });
    const withdrawn = summaryTrend(h.db);
    expect(withdrawn.map((t) => t.year)).not.toContain(h.openYear);
    expect(withdrawn).toEqual(fresh());
  });

  it('a warm-up (the server computes the trend at start and after each change) leaves the first read nothing to sum', async () => {
    clearTrendMemo(h.db);
    const cold = trendYearSumCount();
    summaryTrend(h.db); // what the warm-up does
    const years = (await anon.public.years()).length;
    expect(trendYearSumCount() - cold).toBe(years); // every published year summed once
    const warmed = trendYearSumCount();
    const trend = await anon.public.trend();
    expect(trend.map((t) => t.year).sort()).toEqual((await anon.public.years()).sort());
    expect(trendYearSumCount()).toBe(warmed); // the visitor's read summed no year again
  });
});
