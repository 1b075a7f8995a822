import { and, asc, desc, eq, isNull, publications, type Db } from '@ccgov/db';
import { OVERVIEW_PARTS, type ReportContent } from '@ccgov/report';
import { z } from 'zod';

export const SEARCH_MAX_LENGTH = 50;
export const searchInput = z.strictObject({ q: z.string().max(SEARCH_MAX_LENGTH, { error: `搜索词不能超过${SEARCH_MAX_LENGTH}字` }) });

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
export function loadSearchIndex(db: Db): SearchDoc[] {
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

export type SearchHit = Omit<SearchDoc, 'text'> & {
  /** Every term is in the department's name. */
  nameMatch: boolean;
  /** Where the first term stands in the text: the words around it, split for highlighting. */
  snippet: { before: string; match: string; after: string } | null;
};

const SNIPPET_SIDE = 40;

/** The text folded as normalizeSearch folds a query, with the original index of each folded char. */
function foldWithMap(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const folded = /\s/.test(ch) ? ' ' : ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < folded.length; k++) map.push(i);
    out += folded;
    i += ch.length;
  }
  return { text: out, map };
}

/**
 * Reports whose department name or text holds every term of the query (terms are separated by
 * spaces). Reports matched by department name come first, then the newest year.
 */
export function searchReports(index: readonly SearchDoc[], query: string, limit = 100): SearchHit[] {
  const terms = normalizeSearch(query).split(' ').filter(Boolean);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const doc of index) {
    const name = normalizeSearch(doc.departmentName);
    const folded = foldWithMap(doc.text);
    if (!terms.every((t) => name.includes(t) || folded.text.includes(t))) continue;
    const { text: _text, ...rest } = doc;
    const inText = terms.find((t) => folded.text.includes(t));
    let snippet: SearchHit['snippet'] = null;
    if (inText) {
      // Cut the snippet from the original text, so its punctuation stays as published.
      const from = folded.map[folded.text.indexOf(inText)]!;
      const to = folded.map[folded.text.indexOf(inText) + inText.length - 1]! + 1;
      const start = Math.max(0, from - SNIPPET_SIDE);
      const end = Math.min(doc.text.length, to + SNIPPET_SIDE);
      snippet = {
        before: (start > 0 ? '…' : '') + doc.text.slice(start, from).replace(/\n/g, ' '),
        match: doc.text.slice(from, to),
        after: doc.text.slice(to, end).replace(/\n/g, ' ') + (end < doc.text.length ? '…' : ''),
      };
    }
    hits.push({ ...rest, nameMatch: terms.every((t) => name.includes(t)), snippet });
  }
  return hits.sort((a, b) => Number(b.nameMatch) - Number(a.nameMatch) || b.year - a.year).slice(0, limit);
}
