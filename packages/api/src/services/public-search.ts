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

/** The text folded as normalizeSearch folds a query, with the original index of each folded char. */
function foldWithMap(text: string): { text: string; map: Uint32Array | null } {
  let out = '';
  const map: number[] = [];
  let shifted = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const folded = /\s/.test(ch) ? ' ' : ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < folded.length; k++) map.push(i);
    if (folded.length !== 1 || ch.length !== 1) shifted = true;
    out += folded;
    i += ch.length;
  }
  // Most texts fold one character to one: then the map is the identity and is not kept.
  return { text: out, map: shifted ? Uint32Array.from(map) : null };
}

type IndexedDoc = {
  doc: Omit<SearchDoc, 'text'>;
  text: string;
  /** Department name and text, folded, joined by a character no query holds. */
  haystack: string;
  name: string;
  folded: string;
  map: Uint32Array | null;
};

/**
 * The search index, built once per publish (the public cache keeps it until the next publish,
 * correction or withdrawal): every report's name and text folded once, and for each character
 * pair (and each single character) the reports that contain it. A query then looks only at the
 * reports holding every pair of every term, instead of folding and scanning every report.
 */
export type SearchIndex = {
  docs: IndexedDoc[];
  /** Character pair (or single character) → ascending positions in `docs`. */
  postings: Map<string, number[]>;
};

const SEP = '\u0000';

function grams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!;
    if (a === SEP || a === ' ' || a === '\n') continue;
    out.add(a);
    const b = chars[i + 1];
    if (b !== undefined && b !== SEP && b !== ' ' && b !== '\n') out.add(a + b);
  }
  return out;
}

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const indexed: IndexedDoc[] = [];
  const postings = new Map<string, number[]>();
  for (const d of docs) {
    const { text, ...doc } = d;
    const name = normalizeSearch(d.departmentName);
    const folded = foldWithMap(text);
    const at = indexed.length;
    const entry: IndexedDoc = { doc, text, name, folded: folded.text, map: folded.map, haystack: `${name}${SEP}${folded.text}` };
    indexed.push(entry);
    for (const g of grams(entry.haystack)) {
      const list = postings.get(g);
      if (list) list.push(at);
      else postings.set(g, [at]);
    }
  }
  return { docs: indexed, postings };
}

/** Positions of the documents that hold every character pair of every term. */
function candidates(index: SearchIndex, terms: string[]): number[] {
  const keys = new Set<string>();
  for (const t of terms) {
    const chars = [...t];
    if (chars.length === 1) keys.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) keys.add(chars[i]! + chars[i + 1]!);
  }
  const lists: number[][] = [];
  for (const k of keys) {
    const list = index.postings.get(k);
    if (!list) return [];
    lists.push(list);
  }
  lists.sort((a, b) => a.length - b.length);
  let result = lists[0] ?? [];
  for (const list of lists.slice(1)) {
    const other = new Set(list);
    result = result.filter((p) => other.has(p));
    if (result.length === 0) break;
  }
  return result;
}

/**
 * Reports whose department name or text holds every term of the query (terms are separated by
 * spaces). Reports matched by department name come first, then the newest year. A query with
 * more than SEARCH_MAX_TERMS terms finds nothing (the page says why: searchQueryProblem).
 */
export function searchReports(index: SearchIndex, query: string, limit = SEARCH_MAX_HITS): SearchHit[] {
  const terms = searchTerms(query.slice(0, SEARCH_MAX_LENGTH));
  if (terms.length === 0 || terms.length > SEARCH_MAX_TERMS) return [];
  const hits: SearchHit[] = [];
  for (const at of candidates(index, terms)) {
    const d = index.docs[at]!;
    if (!terms.every((t) => d.name.includes(t) || d.folded.includes(t))) continue;
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
    hits.push({ ...d.doc, nameMatch: terms.every((t) => d.name.includes(t)), snippet });
  }
  return hits.sort((a, b) => Number(b.nameMatch) - Number(a.nameMatch) || b.year - a.year).slice(0, limit);
}
