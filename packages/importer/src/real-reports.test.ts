/**
 * Real published reports (fixtures/real/, source address in each file's header) read with their
 * figures checked by hand against the text. The stored texts are the first ~2,000 characters of
 * each page, so most stop inside a table: a figure after the cut, or in a row the cut splits, must
 * come out blank and listed — never a number. The measure (right / blank and flagged / wrong) is
 * printed and wrong must be 0.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURES, readInput } from '@ccgov/report';
import { parseText, type ParsedReport } from './parse';

const DIR = join(__dirname, '..', 'fixtures', 'real');
/** The fixture's text with its header comment blanked (line numbers stay those of the file). */
const fixtureText = (file: string) =>
  readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .map((l) => (l.startsWith('# ') ? '' : l))
    .join('\n');

const Z7 = [0, 0, 0, 0, 0, 0, 0];
/** Table 二 in reading order: 规章 ×3, 行政规范性文件 ×3, 行政许可, 行政处罚, 行政强制, 行政事业性收费. */
const PROACTIVE_KEYS = FIGURES.filter((f) => f.table === 'proactive').map((f) => f.key);
type Expected = {
  file: string;
  body: string | null;
  year: number | null;
  /**
   * Table 二 figures present in the text, in reading order; null for a figure the text holds but a
   * reader cannot place with certainty (it must come out blank and listed).
   */
  proactive: (number | null)[];
  /** Table 三 rows present in full, seven values each (six columns and 总计 as printed). */
  requests?: Record<string, number[]>;
  /** Table 四 when present in full: its 15 figures in reading order (复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5). */
  reviews?: number[];
};

const CASES: Expected[] = [
  {
    file: 'longgang-2024.txt',
    body: null,
    year: 2024,
    proactive: [0, 0, 0, 5, 1, 25, 0, 0, 0, 0],
    requests: {
      newReceived: [58, 7, 0, 0, 1, 0, 66],
      carriedIn: [2, 0, 0, 0, 0, 0, 2],
      granted: [2, 1, 0, 0, 0, 0, 3],
      partial: [16, 1, 0, 0, 0, 0, 17],
      withheld1: Z7,
      withheld2: Z7,
      withheld3: Z7,
      withheld4: Z7,
      withheld5: [1, 0, 0, 0, 0, 0, 1],
      withheld6: Z7,
    },
  },
  {
    file: 'haizhu-guanzhou-street-2023.txt',
    body: null,
    year: null,
    proactive: [0, 0, 0, 0, 0, 0, 0, 1472, 0, 0],
    requests: {
      newReceived: [1, 0, 0, 0, 0, 0, 1],
      carriedIn: Z7,
      granted: Z7,
      partial: Z7,
      withheld1: Z7,
      withheld2: Z7,
      withheld3: Z7,
      withheld4: Z7,
      withheld5: Z7,
    },
  },
  {
    file: 'changchun-bureau-2023.txt',
    body: null,
    year: null,
    proactive: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    requests: { newReceived: [3, 0, 0, 0, 0, 0, 3], carriedIn: Z7 },
  },
  {
    file: 'xuwen-bureau-2023.txt',
    body: null,
    year: null,
    proactive: [0, 0, 0, 3, 0, 101, 0, 0, 0, 0],
    requests: { newReceived: Z7, carriedIn: Z7, granted: Z7, partial: Z7, withheld1: Z7, withheld2: Z7, withheld3: Z7, withheld4: Z7, withheld5: Z7 },
  },
  {
    file: 'xian-statistics-2023.txt',
    body: '区统计局',
    year: 2023,
    proactive: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    requests: { newReceived: Z7, carriedIn: Z7, granted: Z7 },
  },
  { file: 'shijiazhuang-statistics-2023.txt', body: null, year: 2023, proactive: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
  {
    file: 'taiping-town-2022.txt',
    body: '太平镇人民政府',
    year: 2022,
    proactive: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    requests: { newReceived: Z7, carriedIn: Z7, granted: Z7, partial: Z7, withheld1: Z7, withheld2: Z7, withheld3: Z7 },
  },
  { file: 'taojiang-songmutang-town-2022.txt', body: '桃江县松木塘镇人民政府', year: 2022, proactive: [2, 0, 2, 2, 0, 2, 0, 9, 0] },
  { file: 'maoping-town-2022.txt', body: null, year: null, proactive: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  { file: 'chongqing-town-2022.txt', body: null, year: 2022, proactive: [0, 0, 0, 0, 0, 0, 0] },
  { file: 'ouhai-liao-street-2023.txt', body: '丽岙街道', year: 2023, proactive: [0, 0, 0, 1, 3, 3] },
  { file: 'qinglong-2023.txt', body: null, year: 2023, proactive: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  {
    file: 'zhanjiang-gazetteer-office-2023.txt',
    body: '湛江市人民政府地方志办公室',
    year: 2023,
    proactive: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    requests: { newReceived: Z7, carriedIn: Z7, granted: Z7 },
  },
  // A whole page whose tables are images: only the headings are text, so nothing may be read.
  { file: 'hunnan-ethnic-affairs-2021.txt', body: null, year: 2021, proactive: [] },
  // One page of a flip-book (the PDF's text layer): table 四 with its heads broken, 15 figures on one line.
  { file: 'wendeng-petitions-2022-page8.txt', body: '威海市文登区信访局', year: 2022, proactive: [], reviews: Array(15).fill(0) },
];

/**
 * Fixtures whose expected figures sit beside them: `NAME.txt` with `NAME.expected.json` holding an
 * `Expected` without `file` (checked by hand against the text, like the cases above).
 */
for (const f of readdirSync(DIR).filter((n) => n.endsWith('.expected.json')).sort()) {
  const file = f.replace(/\.expected\.json$/, '.txt');
  const e = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Omit<Expected, 'file'>;
  CASES.push({ ...e, file });
}

const REVIEW_KEYS = FIGURES.filter((f) => f.key.startsWith('reviews.')).map((f) => f.key);
const REQUEST_COLS = ['natural', 'commercial', 'research', 'publicInterest', 'legal', 'other', 'total'];

function expectedValues(c: Expected): Map<string, number> {
  const out = new Map<string, number>();
  c.proactive.forEach((v, i) => v !== null && out.set(PROACTIVE_KEYS[i]!, v));
  for (const [row, vals] of Object.entries(c.requests ?? {})) vals.forEach((v, i) => out.set(`requests.${row}.${REQUEST_COLS[i]}`, v));
  (c.reviews ?? []).forEach((v, i) => out.set(REVIEW_KEYS[i]!, v));
  return out;
}

export type Measure = { file: string; right: number; blankFlagged: number; wrong: number; silentBlank: number };

function measure(c: Expected, r: ParsedReport): Measure {
  const expected = expectedValues(c);
  const flagged = new Set(r.unplaced.flatMap((u) => u.keys));
  const m: Measure = { file: c.file, right: 0, blankFlagged: 0, wrong: 0, silentBlank: 0 };
  for (const f of FIGURES) {
    const got = r.published[f.key] ?? null;
    const want = expected.get(f.key);
    if (got === null) {
      if (flagged.has(f.key)) m.blankFlagged++;
      else m.silentBlank++;
    } else if (want !== undefined && got === want && (f.computed || readInput(r.content, f.key) === want)) m.right++;
    else m.wrong++;
  }
  return m;
}

describe('real published reports read as a person reads them', () => {
  const measures: Measure[] = [];
  for (const c of CASES) {
    it(`${c.file}: every figure in the text is right, every other one is blank and listed`, () => {
      const r = parseText(fixtureText(c.file));
      if (!r.ok) throw new Error(r.error);
      expect(r.body).toBe(c.body);
      expect(r.year).toBe(c.year);
      const m = measure(c, r);
      measures.push(m);
      expect(m.wrong).toBe(0);
      expect(m.silentBlank).toBe(0);
      expect(m.right).toBe(expectedValues(c).size);
    });
  }

  it('reports written in the 2019 trial format are refused with a message saying why', () => {
    for (const file of ['trial-format-xi-town-2022.txt', 'trial-format-dizhang-street-2023.txt']) {
      const r = parseText(fixtureText(file));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain('2019年试行');
    }
  });

  it('a page a mirror site turned into traditional characters is refused with a message saying so', () => {
    const r = parseText(fixtureText('rushan-devzone-2021-traditional.txt'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('繁体字');
  });

  it('figures apart on one line (a PDF text layer) are read one by one, never run together into one number', () => {
    const r = parseText(fixtureText('wendeng-petitions-2022-page8.txt'));
    if (!r.ok) throw new Error(r.error);
    expect(r.published['reviews.review.upheld']).toBe(0);
    expect(r.published['reviews.suitAfterReview.total']).toBe(0);
    // The same line with one figure changed: each lands in its own column.
    const changed = fixtureText('wendeng-petitions-2022-page8.txt').replace('0 0 0 0 0 0 0 0 0 0 0 0 0 0 0', '3 0 1 0 4 0 0 0 0 0 1 0 0 0 1');
    const c = parseText(changed);
    if (!c.ok) throw new Error(c.error);
    expect([c.published['reviews.review.upheld'], c.published['reviews.review.otherResult'], c.published['reviews.review.total'], c.published['reviews.suitAfterReview.upheld']]).toEqual([3, 1, 4, 1]);
  });

  it('a row the page cuts short is listed with what was read of it', () => {
    const r = parseText(fixtureText('longgang-2024.txt'));
    if (!r.ok) throw new Error(r.error);
    const cut = r.unplaced.find((u) => u.keys.includes('requests.withheld7.natural'))!;
    expect(cut.message).toBe('表三‘（三）不予公开 7.属于行政执法案卷’ 未能识别（应有7个数字，读到6个）');
    expect(cut.snippet).toBe('7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0');
    expect(cut.ref?.line).toBe(36);
  });

  it('prints the measure over all fixtures', () => {
    const total = measures.reduce((a, m) => ({ ...a, right: a.right + m.right, blankFlagged: a.blankFlagged + m.blankFlagged, wrong: a.wrong + m.wrong }), {
      file: 'total',
      right: 0,
      blankFlagged: 0,
      wrong: 0,
      silentBlank: 0,
    });
    console.log(['| fixture | right | blank+flagged | wrong |', '|---|---:|---:|---:|', ...[...measures, total].map((m) => `| ${m.file} | ${m.right} | ${m.blankFlagged} | ${m.wrong} |`)].join('\n'));
    expect(total.wrong).toBe(0);
  });
});
