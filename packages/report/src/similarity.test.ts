import { describe, expect, it } from 'vitest';
import { COPY_SIMILARITY, compareSectionTexts, crossBodyCopies, normaliseForCopy, percent } from './similarity';
import { PARAGRAPHS } from './checker-corpus/copies-corpus';
import { realisticReport } from './fixtures';

const HALF: Record<string, string> = { '，': ',', '。': '.', '；': ';', '：': ':', '、': ',', '（': '(', '）': ')' };

/** Changes a copy gets without its words changing. */
const punctuationOnly: [string, (s: string) => string][] = [
  ['half-width punctuation', (s) => s.replace(/[，。；：、（）]/g, (c) => HALF[c]!)],
  ['straight quotes', (s) => s.replace(/[“”]/g, '"')],
  ['corner quotes', (s) => s.replace(/“/g, '「').replace(/”/g, '」')],
  ['spaces and line breaks', (s) => s.replace(/。/g, '。\n  ').replace(/，/g, '， ')],
  ['full-width digits', (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
  ['full-width to half-width and back', (s) => s.replace(/,/g, '，').replace(/"/g, '“')],
];

const at = (s: string, frac: number) => Math.max(2, Math.floor([...s].length * frac));
const splice = (s: string, i: number, del: number, ins: string) => [...s].slice(0, i).join('') + ins + [...s].slice(i + del).join('');

/** Small edits: a word replaced, a few characters cut, a phrase added, the year changed. */
const smallEdits: [string, (s: string) => string][] = [
  ['one word replaced', (s) => splice(s, at(s, 0.5), 2, '完善')],
  ['a few characters cut', (s) => splice(s, at(s, 0.3), 5, '')],
  ['a phrase added', (s) => splice(s, at(s, 0.6), 0, '进一步')],
  ['the year changed', (s) => (/\d{4}年/.test(s) ? s.replace(/(\d{4})年/, (_m, y) => `${Number(y) + 1}年`) : splice(s, at(s, 0.2), 2, '全面'))],
  ['the body renamed', (s) => s.replace(/我局|我区|本街道/, '区财政局') === s ? splice(s, 0, 0, '区财政局') : s.replace(/我局|我区|本街道/, '区财政局')],
];

describe('rule 10: copies after normalising', () => {
  it('normalises width, spaces, quotes and punctuation away', () => {
    expect(normaliseForCopy('“三审三校”， ２０２４年（试行）').text).toBe(normaliseForCopy('"三审三校",2024年(试行)').text);
  });

  it.each(PARAGRAPHS.map((p) => [p.id, p] as const))('%s: punctuation-only changes count as the same text', (_id, p) => {
    for (const [what, f] of punctuationOnly) expect(compareSectionTexts(f(p.text), p.text).identical, what).toBe(true);
  });

  it('catches at least 95 % of touched-up copies as near-copies (≥ 90 %)', () => {
    const cases = PARAGRAPHS.flatMap((p) => smallEdits.map(([what, f]) => ({ p, what, c: compareSectionTexts(f(p.text), p.text) })));
    const caught = cases.filter(({ c }) => c.identical || (c.comparable && c.similarity >= COPY_SIMILARITY));
    const missed = cases.filter((x) => !caught.includes(x)).map(({ p, what, c }) => `${p.id} ${what} ${percent(c.similarity)}`);
    console.info(`rule 10 mutations: ${cases.length} edited copies, ${caught.length} caught (${((caught.length / cases.length) * 100).toFixed(1)} %)${missed.length ? `; missed: ${missed.join('; ')}` : ''}`);
    expect(caught.length / cases.length).toBeGreaterThanOrEqual(0.95);
  });

  it('raises no alarm on genuinely different sections, however alike their subject', () => {
    const pairs = PARAGRAPHS.flatMap((a, i) => PARAGRAPHS.slice(i + 1).map((b) => ({ a, b, c: compareSectionTexts(a.text, b.text) })));
    const alarms = pairs.filter(({ c }) => c.identical || c.similarity >= COPY_SIMILARITY);
    const closest = Math.max(...pairs.map(({ c }) => c.similarity));
    console.info(`rule 10 different pairs: ${pairs.length}, ${alarms.length} alarms, closest ${percent(closest)}`);
    expect(alarms).toEqual([]);
  });

  it('shows the similarity rounded down, so 89.6 % never reads as 90 %', () => {
    expect(percent(0.896)).toBe('89%');
    expect(percent(0.93)).toBe('93%');
  });
});

describe('across bodies in the same year', () => {
  const report = (management: string) => {
    const c = realisticReport();
    c.overview.management = management;
    return c;
  };
  const original = PARAGRAPHS.find((p) => p.id === 'binjiang-sjj-2024-management')!.text;
  const touched = original.replace(/，/g, ',').replace('不得发布', '一律不得发布');

  it('names the other body, the similarity and the passages both texts share', () => {
    const matches = crossBodyCopies(
      { body: '陈仓区审计局', content: report(touched) },
      [
        { body: '陈仓区统计局', content: report(original) },
        { body: '陈仓区水利局', content: report(PARAGRAPHS.find((p) => p.id === 'cangxi-zrzy-2024-management')!.text) },
      ],
    );
    const management = matches.filter((m) => m.target === 'text.overview.management');
    expect(management.map((m) => m.otherBody)).toEqual(['陈仓区统计局']);
    expect(management[0]!.similarity).toBeGreaterThanOrEqual(0.9);
    expect(management[0]!.label).toBe('一、总体情况（三）政府信息管理');
    const longest = management[0]!.passages[0]!;
    expect(touched.slice(...longest.mine)).toBe(longest.text);
    expect(normaliseForCopy(original.slice(...longest.theirs)).text).toBe(normaliseForCopy(longest.text).text);
    expect(longest.text.length).toBeGreaterThan(40);
  });

  it('leaves out the standard opening and sections too short to judge', () => {
    const a = realisticReport({ body: '陈仓区审计局' });
    const b = realisticReport({ body: '陈仓区统计局' });
    a.other = b.other = '无。';
    const targets = crossBodyCopies({ body: '陈仓区审计局', content: a }, [{ body: '陈仓区统计局', content: b }]).map((m) => m.target);
    expect(targets).not.toContain('text.opening');
    expect(targets).not.toContain('text.other');
  });
});
