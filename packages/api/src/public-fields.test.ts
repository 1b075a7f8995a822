import { afterAll, describe, expect, it } from 'vitest';
import { appRouter } from './root';
import { harness } from './test-utils';

/**
 * The public procedures answer anyone over HTTP (/api/trpc/public.*), so they carry only public
 * fields: publication ids, never internal report ids, user ids or withdrawal details.
 */
const FORBIDDEN_KEY = /^(reportId|userId|publishedBy|sentBy|createdBy|passwordHash|sessionVersion|withdrawn\w*|unpublish\w*|reason|explanations)$/i;

function badKeys(value: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => badKeys(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_KEY.test(k)) out.push(`${path}.${k}`);
      badKeys(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('public answers', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const anon = h.as(null) as unknown as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>;

  it('carry no internal report id, user id or withdrawal detail, whatever the state of the reports', async () => {
    // A withdrawn publication and a corrected one are in the data the answers are built from.
    const publisher = h.as('publisher');
    const withdrawn = h.reportId('gaj', h.openYear - 1);
    await publisher.review.unpublish({ id: withdrawn, version: h.report(withdrawn).version, reason: '内部原因：测试撤销' });

    const list = (await anon.public!.list!()) as { id: number; year: number }[];
    const years = (await anon.public!.years!()) as number[];
    const inputs: Record<string, unknown[]> = {
      'public.list': [undefined, { year: years[0] }, { department: '局' }],
      'public.years': [undefined],
      'public.get': list.slice(0, 60).map((r) => ({ id: r.id })),
      'public.search': [{ q: '公开' }, { q: '陈仓区' }],
      'public.searchIndex': [undefined],
      'public.summary': years.map((year) => ({ year })),
      'public.trend': [undefined],
      'public.rules': [undefined],
      'public.check': list.slice(0, 10).map((r) => ({ id: r.id })),
    };
    const publicPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('public.'));
    const problems: string[] = [];
    for (const path of publicPaths) {
      expect(inputs, `add sample inputs for ${path}`).toHaveProperty([path]);
      const [ns, name] = path.split('.') as [string, string];
      for (const input of inputs[path]!) problems.push(...badKeys(await anon[ns]![name]!(input), path));
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(JSON.stringify(await anon.public!.list!())).not.toContain('内部原因');
  });
});
