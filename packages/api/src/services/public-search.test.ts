import { afterAll, describe, expect, it } from 'vitest';
import { harness } from '../test-utils';
import { normalizeSearch, searchReports, type SearchDoc } from './public-search';

const doc = (id: number, departmentName: string, year: number, text: string): SearchDoc => ({
  id,
  departmentName,
  departmentKind: 'department',
  year,
  publishedAt: new Date('2025-01-20T02:00:00Z'),
  text,
});

describe('search (pure)', () => {
  const index = [
    doc(1, '陈仓区数据局', 2024, '安排人员进行定时“读网巡网”，对发布信息内容严格审核。'),
    doc(2, '陈仓区公安分局', 2024, '户籍办理、出入境管理。'),
    doc(3, '陈仓区公安分局', 2025, '交通安全管理和警情通报；协助陈仓区数据局开展数据共享。'),
  ];

  it('finds reports by department name, newest first, name matches before text matches', () => {
    expect(searchReports(index, '公安').map((h) => h.id)).toEqual([3, 2]);
    expect(searchReports(index, '数据局').map((h) => [h.id, h.nameMatch])).toEqual([
      [1, true],
      [3, false],
    ]);
  });

  it('finds words in the full text and shows them in context, punctuation as published', () => {
    const [hit] = searchReports(index, '读网巡网');
    expect(hit!.id).toBe(1);
    expect(hit!.snippet).toEqual({ before: '安排人员进行定时“', match: '读网巡网', after: '”，对发布信息内容严格审核。' });
  });

  it('needs every space-separated term, in the name or the text', () => {
    expect(searchReports(index, '公安 警情').map((h) => h.id)).toEqual([3]);
    expect(searchReports(index, '公安 读网')).toEqual([]);
  });

  it('treats full-width letters and digits like half-width ones, and ignores an empty query', () => {
    expect(normalizeSearch('  ２０２４　ＡＢ ')).toBe('2024 ab');
    expect(searchReports(index, '   ')).toEqual([]);
  });
});

describe('search index over the demo district', () => {
  const h = harness();
  afterAll(() => h.cleanup());

  it('holds only current published reports, never a draft', async () => {
    const index = await h.as(null).public.searchIndex();
    const list = await h.as(null).public.list();
    expect(index.map((d) => d.id).sort((a, b) => a - b)).toEqual(list.map((r) => r.id).sort((a, b) => a - b));
    expect(index.every((d) => d.year < h.openYear)).toBe(true);
  });

  it('finds the real 2024 report of 陈仓区数据局 by a phrase of its text', async () => {
    const hits = searchReports(await h.as(null).public.searchIndex(), '读网巡网');
    expect(hits.map((x) => `${x.departmentName}${x.year}`)).toContain(`陈仓区数据局${h.openYear - 2}`);
  });
});
