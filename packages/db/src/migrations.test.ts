import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '..', 'migrations');
const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const run = (db: Database.Database, tag: string) => {
  for (const stmt of readFileSync(join(dir, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) if (stmt.trim()) db.exec(stmt);
};

describe('migration 0003: cell ids become figure keys', () => {
  it('rewrites stored comments and explanation keys of table 三 and leaves every other id alone', () => {
    const db = new Database(':memory:');
    const tags = journal.entries.map((e) => e.tag);
    const at = tags.indexOf('0003_figure_key_targets');
    expect(at).toBeGreaterThan(0);
    for (const tag of tags.slice(0, at)) run(db, tag);

    const targets = ['requests.newReceived.0', 'requests.withheld6.5', 'requests.carriedOver.total', 'requests.col.1', 'requests.col.6', 'requests.granted', 'proactive.rules.issued', 'reviews.review.total', 'text.problems', 'table.requests'];
    db.pragma('foreign_keys = OFF'); // the rows need no users or departments for this check
    const insert = db.prepare('INSERT INTO review_comments (report_id, version, target, body, user_id) VALUES (1, 1, ?, ?, 1)');
    for (const t of targets) insert.run(t, `关于 ${t}`);
    db.prepare('INSERT INTO reports (department_id, year, content, explanations) VALUES (1, 2025, ?, ?)').run(
      '{}',
      JSON.stringify({ 'crossYear.carriedIn:requests.carriedIn.0': '上年有9件在年底前补登。', 'requests.balance:requests.col.6': '说明', 'previous.swing:requests.newReceived.total': '口径变化' }),
    );

    run(db, tags[at]!);

    const after = db.prepare('SELECT target, body FROM review_comments ORDER BY id').all() as { target: string; body: string }[];
    expect(after.map((r) => r.target)).toEqual([
      'requests.newReceived.natural',
      'requests.withheld6.other',
      'requests.carriedOver.total',
      'requests.col.commercial',
      'requests.col.total',
      'requests.granted',
      'proactive.rules.issued',
      'reviews.review.total',
      'text.problems',
      'table.requests',
    ]);
    expect(after[0]!.body).toBe('关于 requests.newReceived.0');
    const { explanations } = db.prepare('SELECT explanations FROM reports').get() as { explanations: string };
    expect(JSON.parse(explanations)).toEqual({
      'crossYear.carriedIn:requests.carriedIn.natural': '上年有9件在年底前补登。',
      'requests.balance:requests.col.total': '说明',
      'previous.swing:requests.newReceived.total': '口径变化',
    });
  });
});
