import { afterAll, describe, expect, it } from 'vitest';
import { computeTotals } from '@ccgov/report';
import { harness } from '../test-utils';

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
});
