/**
 * Every published report of the demo district (47 bodies, every year on file), rendered as the
 * portal renders it — the public page saved as HTML, a plain-text rendering and, for one body of
 * each kind, the Word file — and imported back: the same figures and texts, nothing unplaced, the
 * body, year and publication date read from the rendering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDocx, reportOutline } from '@ccgov/documents';
import { eq, publications } from '@ccgov/db';
import { createTestDb, type TestDb } from '@ccgov/db/testing';
import { importReport } from './parse';
import { pageHtml, plainText, published } from './renderings.fixture';

let t: TestDb;
beforeAll(() => {
  t = createTestDb({ seedDemo: true });
});
afterAll(() => t.cleanup());

const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('every published report of the demo imports back unchanged', () => {
  it('from its public page saved as HTML and from a plain-text rendering; from its Word file for one body of each kind', async () => {
    const rows = t.db.select().from(publications).where(eq(publications.current, true)).all();
    expect(rows.length).toBeGreaterThan(47);
    const wordFor = new Set(['department', 'town'].map((k) => rows.find((r) => r.departmentKind === k)!.id));
    const failures: string[] = [];
    let read = 0;
    for (const row of rows) {
      const pub = published(row.content, row.departmentName, { year: row.year, publishedAt: row.publishedAt, kind: row.departmentKind });
      const outline = reportOutline(pub);
      const inputs: [string, string | Uint8Array][] = [
        ['report.html', pageHtml(outline)],
        ['report.txt', plainText(outline)],
      ];
      if (wordFor.has(row.id)) inputs.push(['report.docx', new Uint8Array(await reportDocx(pub))]);
      for (const [file, data] of inputs) {
        const r = await importReport(file, data);
        const what = `${row.departmentName} ${row.year} ${file}`;
        if (!r.ok) failures.push(`${what}: ${r.error}`);
        else {
          if (r.unplaced.length) failures.push(`${what}: ${r.unplaced.map((u) => u.message).join('；')}`);
          if (JSON.stringify(r.content) !== JSON.stringify(row.content)) {
            try {
              expect(r.content).toEqual(row.content);
            } catch (e) {
              failures.push(`${what}: content differs ${(e as Error).message.slice(0, 600)}`);
            }
          }
          if (r.body !== row.departmentName || r.year !== row.year || r.publishedDate !== day(row.publishedAt)) failures.push(`${what}: read ${r.body} ${r.year} ${r.publishedDate}`);
        }
        read++;
      }
    }
    console.log(`demo round trip: ${rows.length} publications, ${read} renderings read back`);
    expect(failures).toEqual([]);
    expect(read).toBe(rows.length * 2 + 2);
  }, 300_000);
});
