import { afterAll, describe, expect, it } from 'vitest';
import { harness } from '../test-utils';
import { buildSearchIndex, loadSearchDocs, normalizeSearch, searchQueryProblem, searchReports, type SearchDoc } from './public-search';

const doc = (id: number, departmentName: string, year: number, text: string): SearchDoc => ({
  id,
  departmentName,
  departmentKind: 'department',
  year,
  publishedAt: new Date('2025-01-20T02:00:00Z'),
  text,
});

describe('search (pure)', () => {
  const index = buildSearchIndex([
    doc(1, '陈仓区数据局', 2024, '安排人员进行定时“读网巡网”，对发布信息内容严格审核。'),
    doc(2, '陈仓区公安分局', 2024, '户籍办理、出入境管理。'),
    doc(3, '陈仓区公安分局', 2025, '交通安全管理和警情通报；协助陈仓区数据局开展数据共享。'),
  ]);

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

describe('search limits and the index', () => {
  it('refuses a query of more than five terms with a Chinese reason and finds nothing for it', () => {
    const index = buildSearchIndex([doc(1, '陈仓区数据局', 2024, '一 二 三 四 五 六')]);
    expect(searchQueryProblem('一 二 三 四 五')).toBeNull();
    expect(searchQueryProblem('一 二 三 四 五 六')).toContain('最多可同时搜索5个词');
    expect(searchReports(index, '一 二 三 四 五').map((h) => h.id)).toEqual([1]);
    expect(searchReports(index, '一 二 三 四 五 六')).toEqual([]);
  });

  it('keeps the snippet in place when folding changes the length of the text (…, ①)', () => {
    const index = buildSearchIndex([doc(1, '陈仓区数据局', 2024, '前言……① 依申请公开办理及时，答复规范。')]);
    const [hit] = searchReports(index, '答复规范');
    expect(hit!.snippet).toEqual({ before: '前言……① 依申请公开办理及时，', match: '答复规范', after: '。' });
  });

  it('looks only at reports holding every character pair of the terms, not at every report', () => {
    const docs = Array.from({ length: 200 }, (_, i) => doc(i + 1, `单位${i}`, 2024, i === 150 ? '开展政务公开标准化规范化建设' : '其他内容'));
    const index = buildSearchIndex(docs);
    expect(index.postings.get('标准')).toEqual([150]);
    expect(searchReports(index, '标准化').map((h) => h.id)).toEqual([151]);
  });
});

describe('search over many reports', () => {
  // Years out of order, names and texts sharing common pairs (held by most reports: bitsets) and
  // rare ones (lists): the index must give what a plain scan of every report gives.
  const words = ['政务公开', '依申请公开', '行政复议', '信息处理费', '读网巡网', '政策解读', '乡村振兴', '户籍办理'];
  const docs = Array.from({ length: 700 }, (_, i) =>
    doc(i + 1, `陈仓区${['公安', '数据', '教育', '交通'][i % 4]}局${i % 7 === 0 ? '政务公开办' : ''}`, 2016 + ((i * 7) % 10), `${words[i % 8]}工作；${words[(i * 3) % 8]}，${i % 5 === 0 ? '信息处理费0元。' : '其他。'}`),
  );
  const index = buildSearchIndex(docs);

  /** The reference: every report scanned, name matches first, then newest year, then as given. */
  const scan = (q: string, limit = 100) => {
    const terms = [...new Set(normalizeSearch(q).split(' ').filter(Boolean))];
    return docs
      .map((d) => ({ d, name: normalizeSearch(d.departmentName), text: normalizeSearch(d.text) }))
      .filter(({ name, text }) => terms.every((t) => name.includes(t) || text.includes(t)))
      .map(({ d, name }) => ({ id: d.id, year: d.year, nameMatch: terms.every((t) => name.includes(t)) }))
      .sort((a, b) => Number(b.nameMatch) - Number(a.nameMatch) || b.year - a.year)
      .slice(0, limit)
      .map((h) => [h.id, h.nameMatch]);
  };

  it('finds exactly what a scan of every report finds, in the same order, up to the limit', () => {
    for (const q of ['公安', '政务公开', '信息处理费', '公安 读网巡网', '数据 政策', '局', '户籍办理 乡村振兴', '不存在的词', '费0']) {
      for (const limit of [100, 7]) {
        expect(searchReports(index, q, limit).map((h) => [h.id, h.nameMatch]), `${q} / ${limit}`).toEqual(scan(q, limit));
      }
    }
    expect(searchReports(index, '政务公开')).toHaveLength(100);
  });

  it('keeps a common pair as a bitset and a rare one as a list, both read back alike', () => {
    expect(index.postings.get('公安')).toHaveLength(175);
    expect(index.postings.get('公安')).toEqual([...index.postings.get('公安')!].sort((a, b) => a - b));
    expect(index.postings.get('不存')).toBeUndefined();
  });
});

describe('search index over the demo district', () => {
  const h = harness();
  afterAll(() => h.cleanup());

  it('holds only current published reports, never a draft', async () => {
    const docs = loadSearchDocs(h.db);
    const list = await h.as(null).public.list();
    expect(docs.map((d) => d.id).sort((a, b) => a - b)).toEqual(list.map((r) => r.id).sort((a, b) => a - b));
    expect(docs.every((d) => d.year < h.openYear)).toBe(true);
  });

  it('finds the real 2024 report of 陈仓区数据局 by a phrase of its text, also through public.search', async () => {
    const hits = searchReports(buildSearchIndex(loadSearchDocs(h.db)), '读网巡网');
    expect(hits.map((x) => `${x.departmentName}${x.year}`)).toContain(`陈仓区数据局${h.openYear - 2}`);
    const viaApi = await h.as(null).public.search({ q: '读网巡网' });
    expect(viaApi.map((x) => x.id)).toEqual(hits.map((x) => x.id));
  });

  it('public.search refuses six terms with a Chinese message', async () => {
    await expect(h.as(null).public.search({ q: '一 二 三 四 五 六' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('public procedures given the pages’ cache build the index once and answer from it', async () => {
    const store = new Map<string, Promise<unknown>>();
    let loads = 0;
    const publicCache = <T,>(key: string, load: () => Promise<T>) => {
      if (!store.has(key)) {
        loads++;
        store.set(key, load());
      }
      return store.get(key) as Promise<T>;
    };
    const { createCaller } = await import('../root');
    const caller = createCaller({ db: h.db, user: null, ip: null, publicCache });
    await caller.public.search({ q: '读网巡网' });
    await caller.public.search({ q: '公安' });
    await caller.public.list({ year: h.openYear - 1 });
    await caller.public.list();
    expect([...store.keys()].sort()).toEqual(['list', 'search-index']);
    expect(loads).toBe(2);
  });
});
