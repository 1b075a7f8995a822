import { and, asc, desc, eq, isNull, publications, type Db } from '@ccgov/db';
import { OVERVIEW_PARTS, type ReportContent } from '@ccgov/report';
import { z } from 'zod';

export const SEARCH_MAX_LENGTH = 50;
/** Space-separated terms a query may hold; each must match, so more would only cost work. */
export const SEARCH_MAX_TERMS = 5;
/** Hits returned (the page and the API show no more). */
export const SEARCH_MAX_HITS = 100;

/** Why a query is refused (too long, too many terms), or null. */
export function searchQueryProblem(query: string): string | null {
  if (query.length > SEARCH_MAX_LENGTH) return `搜索词不能超过${SEARCH_MAX_LENGTH}字`;
  if (searchTerms(query).length > SEARCH_MAX_TERMS) return `最多可同时搜索${SEARCH_MAX_TERMS}个词（以空格分隔），请减少搜索词后重试`;
  return null;
}

export const searchInput = z.strictObject({
  q: z
    .string({ error: '搜索词应为文字' })
    .max(SEARCH_MAX_LENGTH, { error: `搜索词不能超过${SEARCH_MAX_LENGTH}字` })
    .refine((q) => searchQueryProblem(q) === null, { error: `最多可同时搜索${SEARCH_MAX_TERMS}个词（以空格分隔），请减少搜索词后重试` }),
});

export type SearchDoc = {
  id: number;
  departmentName: string;
  departmentKind: string;
  year: number;
  publishedAt: Date;
  /** Every text of the report, one paragraph per line. */
  text: string;
};

function reportText(c: ReportContent): string {
  return [c.opening, c.overview.lead, ...OVERVIEW_PARTS.map((p) => c.overview[p.key]), c.problems, c.other, c.contact.unit]
    .filter((t) => t.trim() !== '')
    .join('\n');
}

/** What the public search looks through: the current published reports, newest year first. */
export function loadSearchDocs(db: Db): SearchDoc[] {
  return db
    .select({
      id: publications.id,
      departmentName: publications.departmentName,
      departmentKind: publications.departmentKind,
      year: publications.year,
      publishedAt: publications.publishedAt,
      content: publications.content,
    })
    .from(publications)
    .where(and(eq(publications.current, true), isNull(publications.withdrawnAt)))
    .orderBy(desc(publications.year), asc(publications.departmentId))
    .all()
    .map(({ content, ...p }) => ({ ...p, text: reportText(content) }));
}

/** Full-width letters and digits typed with a Chinese IME match their half-width forms. */
export function normalizeSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const searchTerms = (query: string) => [...new Set(normalizeSearch(query).split(' ').filter(Boolean))];

export type SearchHit = Omit<SearchDoc, 'text'> & {
  /** Every term is in the department's name. */
  nameMatch: boolean;
  /** Where the first term stands in the text: the words around it, split for highlighting. */
  snippet: { before: string; match: string; after: string } | null;
};

const SNIPPET_SIDE = 40;

/** Each character folds on its own (as normalizeSearch folds a query), so its fold is kept once. */
const FOLDS = new Map<number, string>();
function foldChar(cp: number, ch: string): string {
  let folded = FOLDS.get(cp);
  if (folded === undefined) {
    folded = /\s/.test(ch) ? ' ' : ch.normalize('NFKC').toLowerCase();
    if (FOLDS.size < 65536) FOLDS.set(cp, folded);
  }
  return folded;
}

/** The text folded as normalizeSearch folds a query, with the original index of each folded char. */
function foldWithMap(text: string): { text: string; map: Uint32Array | null } {
  const parts: string[] = [];
  // Most texts fold one character to one: then the map is the identity and is not built.
  let map: number[] | null = null;
  let length = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(cp, width === 1 ? text[i]! : String.fromCodePoint(cp));
    if (!map && (folded.length !== 1 || width !== 1)) map = Array.from({ length }, (_, k) => k);
    if (map) for (let k = 0; k < folded.length; k++) map.push(i);
    parts.push(folded);
    length += folded.length;
    i += width;
  }
  const out = parts.join('');
  // One flat string (a string grown a character at a time is a chain of thousands of pieces).
  return { text: out === text ? text : out, map: map ? Uint32Array.from(map) : null };
}

type IndexedDoc = {
  doc: Omit<SearchDoc, 'text'>;
  text: string;
  name: string;
  folded: string;
  map: Uint32Array | null;
};

/**
 * The reports holding one character pair (or single character): ascending positions in `docs`,
 * as a list when few reports hold it, as a bitset (one bit per report) when many do (a bitset is
 * then the smaller of the two: at least 1 in 32 reports).
 */
type Posting = { count: number; list: Uint32Array | null; bits: Uint32Array | null };

/** Grams as numbers: a character is its code point, a pair (a, b) is (a + 1) · 0x110000 + b. */
const CP_RANGE = 0x110000;
const pairKey = (a: number, b: number) => (a + 1) * CP_RANGE + b;
/** Characters no gram holds: the separators of the indexed text and of a query's terms. */
const isBreak = (cp: number) => cp === 0 || cp === 32 || cp === 10;

/** Every gram key of a string (each character and each pair of neighbours, breaks excluded). */
function forEachGram(s: string, visit: (key: number) => void): void {
  let prev = -1;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (isBreak(cp)) {
      prev = -1;
      continue;
    }
    visit(cp);
    if (prev >= 0) visit(pairKey(prev, cp));
    prev = cp;
  }
}

/** The posting table, readable by gram for tests and debugging: `postings.get('标准')` → positions. */
export class Postings {
  constructor(
    readonly byKey: Map<number, Posting>,
    private readonly docCount: number,
  ) {}

  get size(): number {
    return this.byKey.size;
  }

  get(gram: string): number[] | undefined {
    const cps = [...gram].map((c) => c.codePointAt(0)!);
    const key = cps.length === 1 ? cps[0]! : cps.length === 2 ? pairKey(cps[0]!, cps[1]!) : -1;
    const posting = this.byKey.get(key);
    return posting ? [...positions(posting, this.docCount)] : undefined;
  }
}

function* positions(p: Posting, docCount: number): Generator<number> {
  if (p.list) yield* p.list;
  else if (p.bits) for (let at = 0; at < docCount; at++) if (p.bits[at >>> 5]! & (1 << (at & 31))) yield at;
}

/**
 * The search index, built once per publish (the public cache keeps it until the next publish,
 * correction or withdrawal): every report's name and text folded once, and for each character
 * pair (and each single character) the reports that contain it. A query then looks only at the
 * reports holding every pair of every term, instead of folding and scanning every report.
 * Reports are kept newest year first (the order of the results), and the postings are typed
 * arrays and bitsets, not JavaScript arrays: at 20,000 reports the index is tens of MB.
 */
export type SearchIndex = {
  docs: IndexedDoc[];
  postings: Postings;
};

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  // Newest year first, otherwise as given (a stable sort): the order hits are returned in.
  const ordered = [...docs].sort((a, b) => b.year - a.year);
  const indexed: IndexedDoc[] = [];
  const growing = new Map<number, { at: Uint32Array; n: number; last: number }>();
  let position = 0;
  const add = (key: number) => {
    const g = growing.get(key);
    if (!g) {
      const at = new Uint32Array(4);
      at[0] = position;
      growing.set(key, { at, n: 1, last: position });
    } else if (g.last !== position) {
      if (g.n === g.at.length) {
        const bigger = new Uint32Array(g.at.length * 2);
        bigger.set(g.at);
        g.at = bigger;
      }
      g.at[g.n++] = position;
      g.last = position;
    }
  };
  for (const d of ordered) {
    const { text, ...doc } = d;
    const name = normalizeSearch(d.departmentName);
    const folded = foldWithMap(text);
    position = indexed.length;
    indexed.push({ doc, text, name, folded: folded.text, map: folded.map });
    forEachGram(name, add);
    forEachGram(folded.text, add);
  }
  const count = indexed.length;
  const words = Math.ceil(count / 32);
  const byKey = new Map<number, Posting>();
  for (const [key, g] of growing) {
    if (g.n * 32 >= count) {
      const bits = new Uint32Array(words);
      for (let k = 0; k < g.n; k++) bits[g.at[k]! >>> 5]! |= 1 << (g.at[k]! & 31);
      byKey.set(key, { count: g.n, list: null, bits });
    } else {
      byKey.set(key, { count: g.n, list: g.at.slice(0, g.n), bits: null });
    }
  }
  return { docs: indexed, postings: new Postings(byKey, count) };
}

const has = (p: Posting, at: number): boolean => {
  if (p.bits) return (p.bits[at >>> 5]! & (1 << (at & 31))) !== 0;
  // A short list: binary search.
  const list = p.list!;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === at) return true;
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
};

/** Positions (ascending) of the documents that hold every character pair of every term. */
function candidates(index: SearchIndex, terms: string[]): Iterable<number> {
  const keys = new Set<number>();
  for (const t of terms) {
    const cps = [...t].map((c) => c.codePointAt(0)!);
    if (cps.length === 1) keys.add(cps[0]!);
    for (let i = 0; i + 1 < cps.length; i++) keys.add(pairKey(cps[i]!, cps[i + 1]!));
  }
  const postings: Posting[] = [];
  for (const k of keys) {
    const p = index.postings.byKey.get(k);
    if (!p) return [];
    postings.push(p);
  }
  if (postings.length === 0) return [];
  postings.sort((a, b) => a.count - b.count);
  const [first, ...rest] = postings as [Posting, ...Posting[]];
  if (first.list) return first.list.filter((at) => rest.every((p) => has(p, at)));
  // Every gram is held by many reports: AND the bitsets a word at a time.
  const bits = first.bits!.slice();
  for (const p of rest) for (let w = 0; w < bits.length; w++) bits[w]! &= p.bits![w]!;
  return positions({ count: 0, list: null, bits }, index.docs.length);
}

/**
 * Reports whose department name or text holds every term of the query (terms are separated by
 * spaces). Reports matched by department name come first, then the newest year. A query with
 * more than SEARCH_MAX_TERMS terms finds nothing (the page says why: searchQueryProblem).
 */
export function searchReports(index: SearchIndex, query: string, limit = SEARCH_MAX_HITS): SearchHit[] {
  const terms = searchTerms(query.slice(0, SEARCH_MAX_LENGTH));
  if (terms.length === 0 || terms.length > SEARCH_MAX_TERMS || limit < 1) return [];
  // Positions run newest year first, so the first `limit` of each kind are the ones shown.
  const byName: number[] = [];
  const byText: number[] = [];
  for (const at of candidates(index, terms)) {
    if (byName.length >= limit) break;
    const d = index.docs[at]!;
    if (terms.every((t) => d.name.includes(t))) byName.push(at);
    else if (byText.length < limit && terms.every((t) => d.name.includes(t) || d.folded.includes(t))) byText.push(at);
  }
  return [...byName, ...byText].slice(0, limit).map((at, i) => hitOf(index.docs[at]!, terms, i < byName.length));
}

function hitOf(d: IndexedDoc, terms: string[], nameMatch: boolean): SearchHit {
  const inText = terms.find((t) => d.folded.includes(t));
  let snippet: SearchHit['snippet'] = null;
  if (inText) {
    // Cut the snippet from the original text, so its punctuation stays as published.
    const pos = d.folded.indexOf(inText);
    const orig = (k: number) => (d.map ? d.map[k]! : k);
    const from = orig(pos);
    const to = orig(pos + inText.length - 1) + 1;
    const start = Math.max(0, from - SNIPPET_SIDE);
    const end = Math.min(d.text.length, to + SNIPPET_SIDE);
    snippet = {
      before: (start > 0 ? '…' : '') + d.text.slice(start, from).replace(/\n/g, ' '),
      match: d.text.slice(from, to),
      after: d.text.slice(to, end).replace(/\n/g, ' ') + (end < d.text.length ? '…' : ''),
    };
  }
  return { ...d.doc, nameMatch, snippet };
}
