import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, publications } from '@ccgov/db';
import { createTestDb, type TestDb } from '@ccgov/db/testing';
import { getPublication, publishedContents } from './services/public';

let t: TestDb;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t.cleanup());

describe('publishedContents (对比 reads many reports in one query)', () => {
  it('gives the same content as the public report answer, for every readable id asked', () => {
    const rows = t.db.select({ id: publications.id }).from(publications).all().slice(0, 30);
    const ids = rows.map((r) => r.id);
    const got = publishedContents(t.db, ids);
    expect([...got.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    for (const id of ids) expect(got.get(id)).toEqual(getPublication(t.db, id).publication.content);
  });

  it('leaves out withdrawn and unknown ids (they are not public)', () => {
    const [a, b] = t.db.select({ id: publications.id }).from(publications).all();
    t.db.update(publications).set({ withdrawnAt: new Date(), current: false }).where(eq(publications.id, b!.id)).run();
    const got = publishedContents(t.db, [a!.id, b!.id, 999_999, -1]);
    expect([...got.keys()]).toEqual([a!.id]);
  });
});
