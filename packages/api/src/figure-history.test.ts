import { afterAll, describe, expect, it } from 'vitest';
import { and, departments, eq, publications, reports } from '@ccgov/db';
import { figureValues, makeReport } from '@ccgov/report';
import { harness } from './test-utils';

/**
 * figures.history: a report's body's figures in its previous years (current publications, imports
 * included) for the history beside each cell, scoped like the report itself.
 */
const h = harness();
afterAll(() => h.cleanup());

const deptId = (code: string) => h.db.select({ id: departments.id }).from(departments).where(eq(departments.code, code)).get()!.id;
const published = (code: string, year: number) =>
  h.db
    .select()
    .from(publications)
    .where(and(eq(publications.departmentId, deptId(code)), eq(publications.year, year), eq(publications.current, true)))
    .get()!;

describe('figures.history', () => {
  const year = h.openYear - 1;
  const own = h.reportId('fgj', year);
  const other = h.reportId('gaj', year);

  // An imported report three years back (历史导入), with figures of its own.
  const importedYear = year - 2;
  const importedContent = makeReport({ requests: { newReceived: [41, 0, 0, 0, 0, 0] } });
  const d = h.db.select().from(departments).where(eq(departments.code, 'fgj')).get()!;
  const imp = h.db.insert(reports).values({ departmentId: d.id, year: importedYear, status: 'published', content: importedContent }).returning({ id: reports.id }).get();
  h.db
    .insert(publications)
    .values({
      reportId: imp.id,
      departmentId: d.id,
      departmentName: d.name,
      departmentKind: d.kind,
      year: importedYear,
      content: importedContent,
      publishedAt: new Date(),
      importedFrom: 'fgj-old.docx',
      importedSha256: 'a'.repeat(64),
    })
    .run();

  it('gives the clerk the earlier years of their own body, imported years included, values by figure key', async () => {
    const history = await h.as('fgj').figures.history({ id: own });
    expect(history.year).toBe(year);
    expect(history.years).toEqual([
      { year: importedYear, imported: true },
      { year: year - 1, imported: false },
    ]);
    const last = figureValues(published('fgj', year - 1).content);
    expect(history.byFigure['requests.newReceived.natural']).toEqual([41, last['requests.newReceived.natural']]);
    expect(history.byFigure['requests.newReceived.total']).toEqual([41, last['requests.newReceived.total']]);
    expect(history.byFigure['proactive.rules.issued']![1]).toBe(last['proactive.rules.issued']);
  });

  it('answers NOT_FOUND when a clerk asks about another body’s report, and reveals nothing', async () => {
    const err = (await h.as('fgj').figures.history({ id: other }).then(() => null, (e: unknown) => e)) as { code: string; message: string } | null;
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expect(String(err?.message)).not.toContain('公安');
  });

  it('lets the bureau read any body’s history (reviewer, publisher, admin)', async () => {
    const gajLast = figureValues(published('gaj', year - 1).content);
    for (const who of ['reviewer', 'publisher', 'admin']) {
      const history = await h.as(who).figures.history({ id: other });
      expect(history.years.map((y) => y.year), who).toEqual([year - 1]);
      expect(history.byFigure['requests.newReceived.total'], who).toEqual([gajLast['requests.newReceived.total']]);
    }
  });

  it('leaves out withdrawn and superseded publications and later years', async () => {
    h.db.update(publications).set({ current: false }).where(eq(publications.reportId, imp.id)).run();
    const history = await h.as('fgj').figures.history({ id: own });
    expect(history.years.map((y) => y.year)).toEqual([year - 1]);
    // The report of the year before has no earlier published year but the import (now withdrawn).
    const first = await h.as('fgj').figures.history({ id: h.reportId('fgj', year - 1) });
    expect(first.years).toEqual([]);
  });
});
