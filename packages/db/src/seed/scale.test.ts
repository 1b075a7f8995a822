import { afterEach, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { departments, publications } from '../schema';
import { createTestDb, type TestDb } from '../testing';
import { seedScale } from './scale';

const opened: TestDb[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.cleanup();
});

function generated(bodies: number, years: number) {
  const t = createTestDb({ seedDemo: false });
  opened.push(t);
  const result = seedScale(t.db, { bodies, years, lastYear: 2025 });
  return { t, result };
}

describe('the bench’s generated district', () => {
  it('has one current publication per body and year, under unique names', () => {
    const { t, result } = generated(60, 3);
    expect(result).toEqual({ bodies: 60, years: [2023, 2024, 2025], reports: 180 });
    const pubs = t.db.select().from(publications).all();
    expect(pubs).toHaveLength(180);
    expect(new Set(pubs.map((p) => `${p.departmentId}:${p.year}`)).size).toBe(180);
    const names = t.db.select({ name: departments.name }).from(departments).all().map((d) => d.name);
    expect(new Set(names).size).toBe(60);
  });

  it('is the same on every run', () => {
    const read = (t: TestDb) => t.db.select().from(publications).orderBy(asc(publications.id)).all().map((p) => [p.departmentName, p.year, p.content, p.publishedAt.getTime()]);
    expect(read(generated(50, 2).t)).toEqual(read(generated(50, 2).t));
  });
});
