import { afterAll, describe, expect, it } from 'vitest';
import { eq, reports, reportVersions, settings, users } from '@ccgov/db';
import { QUEUE_ORDER } from './services/review/queue';
import { harness } from './test-utils';

/** The review queue as the bureau works it: what needs action first, who has signed, 待初审 / 待终审. */
const h = harness();
afterAll(() => h.cleanup());
const Y = h.openYear;
const displayName = (username: string) => h.db.select().from(users).where(eq(users.username, username)).get()!.displayName;

describe('the review queue’s order', () => {
  it('puts 待审核 first, oldest submission first, then 审核中, 已通过, then what waits for the department', async () => {
    const before = await h.as('reviewer').review.queue({ status: 'submitted' });
    expect(before.items.length).toBeGreaterThanOrEqual(3);
    // Submission times in the reverse of the departments' own order, so sorting by either differs.
    const [a, b, c] = before.items.slice(0, 3);
    const at = (iso: string) => new Date(iso);
    h.db.update(reports).set({ submittedAt: at('2001-01-03T02:00:00Z') }).where(eq(reports.id, a!.reportId!)).run();
    h.db.update(reports).set({ submittedAt: at('2001-01-02T02:00:00Z') }).where(eq(reports.id, b!.reportId!)).run();
    h.db.update(reports).set({ submittedAt: at('2001-01-01T02:00:00Z') }).where(eq(reports.id, c!.reportId!)).run();

    const q = await h.as('reviewer').review.queue({});
    const submitted = q.items.filter((i) => i.status === 'submitted');
    expect(submitted.slice(0, 3).map((i) => i.departmentName)).toEqual([c!.departmentName, b!.departmentName, a!.departmentName]);
    const times = submitted.map((i) => i.submittedAt!.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));

    const ranks = q.items.map((i) => QUEUE_ORDER.indexOf(i.status));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(q.items[0]!.status).toBe('submitted');
    // The list of bodies that have not submitted keeps the departments' own order.
    expect(q.notSubmitted.map((d) => d.departmentId)).toEqual(
      q.departments.map((d) => d.id).filter((id) => q.notSubmitted.some((n) => n.departmentId === id)),
    );
  });
});

describe('the sign-off column and the 待初审 / 待终审 filters', () => {
  it('shows who signed the version under review and which sign-off is due, and filters by it', async () => {
    const first = (await h.as('reviewer').review.queue({ status: 'awaiting_first' })).items;
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((i) => i.signoffs.length === 0 && i.nextStepLabel === '初审')).toBe(true);

    const target = first[0]!;
    const id = target.reportId!;
    await h.as('reviewer').review.signoff({ id, version: h.report(id).version });

    const q = await h.as('publisher').review.queue({ status: 'awaiting_final' });
    const row = q.items.find((i) => i.reportId === id)!;
    expect(row).toMatchObject({ status: 'in_review', nextStep: 2, nextStepLabel: '终审' });
    expect(row.signoffs.map((s) => [s.label, s.userName])).toEqual([['初审', displayName('reviewer')]]);
    expect(q.items.every((i) => i.nextStepLabel === '终审')).toBe(true);
    expect(q.counts.awaiting_final).toBe(q.items.length);
    expect(q.stepFilters).toEqual({ awaiting_first: '待初审', awaiting_final: '待终审' });
    expect((await h.as('reviewer').review.queue({ status: 'awaiting_first' })).items.some((i) => i.reportId === id)).toBe(false);

    await h.as('publisher').review.signoff({ id, version: h.report(id).version });
    const approved = (await h.as('publisher').review.queue({ status: 'approved' })).items.find((i) => i.reportId === id)!;
    expect(approved.signoffs.map((s) => `${s.label} ✓ ${s.userName}`)).toEqual([`初审 ✓ ${displayName('reviewer')}`, `终审 ✓ ${displayName('publisher')}`]);
    expect(approved.nextStep).toBeNull();
    expect((await h.as('publisher').review.queue({ status: 'awaiting_final' })).items.some((i) => i.reportId === id)).toBe(false);
  });

  it('counts only the sign-offs of the latest submitted version', async () => {
    const target = (await h.as('reviewer').review.queue({ status: 'awaiting_first' })).items[0]!;
    const id = target.reportId!;
    await h.as('reviewer').review.signoff({ id, version: h.report(id).version });
    expect((await h.as('reviewer').review.queue({ departmentId: target.departmentId })).items[0]!.signoffs).toHaveLength(1);
    // A newer submitted version (as after a return and resubmission) starts its sign-offs afresh.
    h.db.insert(reportVersions).values({ reportId: id, version: h.report(id).version + 50, content: h.report(id).content }).run();
    const row = (await h.as('reviewer').review.queue({ departmentId: target.departmentId })).items[0]!;
    expect(row.signoffs).toEqual([]);
    expect(row.nextStepLabel).toBe('初审');
  });

  it('with one level of review there is no 待初审 / 待终审 and the one sign-off is 审核', async () => {
    const t = harness();
    try {
      t.db.insert(settings).values({ key: 'required_signoffs', value: '1' }).onConflictDoUpdate({ target: settings.key, set: { value: '1' } }).run();
      const q = await t.as('reviewer').review.queue({ year: t.openYear });
      expect(q.stepFilters).toBeNull();
      expect(q.counts.awaiting_first).toBeUndefined();
      expect(q.items.find((i) => i.status === 'submitted')!.nextStepLabel).toBe('审核');
    } finally {
      t.cleanup();
    }
  });
});

it('uses the year of the open cycle by default', async () => {
  expect((await h.as('reviewer').review.queue({})).year).toBe(Y);
});
