import { departments, publications, reportingYears, reports } from '../schema';
import type { Db } from '../client';
import { demoContent } from './content';
import { initialCarry, yearFigures } from './figures';
import { DEMO_UNITS, type DemoUnit } from './units';
import { chinaTime, internalDeadline, legalDeadline } from './years';

/**
 * A generated district for the bench's scale run (`npm run bench`): `bodies` bodies, each with
 * a published report for each of `years` closed years ending with `lastYear`. Deterministic:
 * body i is modelled on demo unit i mod 47 (its scale, focus and usual figures), under its own
 * name and code, and its figures and text come from the demo's seeded generators keyed by that
 * code, so the same arguments give the same database on every machine. Writes only what the
 * public side reads (bodies, reporting years, published reports and their publications), in one
 * transaction, on a database that has been migrated (setupDatabase with seedDemo: false).
 */
export type ScaleOptions = { bodies?: number; years?: number; lastYear?: number };
export type ScaleResult = { bodies: number; years: number[]; reports: number };

export function scaleUnits(bodies: number): DemoUnit[] {
  return Array.from({ length: bodies }, (_, i) => {
    const model = DEMO_UNITS[i % DEMO_UNITS.length]!;
    const n = Math.floor(i / DEMO_UNITS.length) + 1;
    return { ...model, name: n === 1 ? model.name : `${model.name}第${n}分部`, code: `${model.code}${n}`, openState: 'approved' };
  });
}

export function seedScale(db: Db, { bodies = 2000, years = 10, lastYear = 2025 }: ScaleOptions = {}): ScaleResult {
  const yearList = Array.from({ length: years }, (_, i) => lastYear - years + 1 + i);
  const units = scaleUnits(bodies);
  let count = 0;
  db.transaction((tx) => {
    for (const year of yearList) {
      tx.insert(reportingYears)
        .values({ year, legalDeadline: legalDeadline(year), internalDeadline: internalDeadline(year), open: false, createdAt: chinaTime(year, 12, 1) })
        .onConflictDoNothing()
        .run();
    }
    units.forEach((unit, i) => {
      const departmentId = tx
        .insert(departments)
        .values({ name: unit.name, kind: unit.kind, code: unit.code, sortOrder: i + 1 })
        .returning({ id: departments.id })
        .get().id;
      let carry = initialCarry(unit, yearList[0]!);
      for (const year of yearList) {
        const { figures, carry: next } = yearFigures(unit, year, carry);
        carry = next;
        const content = demoContent(unit, year, figures);
        // Published over the January after the year, a few bodies a day, at 16:00 China time.
        const publishedAt = chinaTime(year + 1, 1, 2 + (i % 28), 16, i % 60);
        const reportId = tx
          .insert(reports)
          .values({ departmentId, year, status: 'published', content, version: 5, submittedAt: publishedAt, createdAt: publishedAt, updatedAt: publishedAt })
          .returning({ id: reports.id })
          .get().id;
        tx.insert(publications)
          .values({ reportId, departmentId, departmentName: unit.name, departmentKind: unit.kind, year, content, publishedAt, current: true })
          .run();
        count++;
      }
    });
  });
  return { bodies, years: yearList, reports: count };
}
