/**
 * Copied text (rule 10 and the cross-body 雷同 check): sections are compared after normalising
 * what a copy usually changes without changing the words — whitespace, the width of punctuation
 * and digits (，/, （/( ８/8), quotes and punctuation altogether — then by character 4-grams, so a
 * copy with a few words edited still shows as 9x % similar.
 */
import { OVERVIEW_PARTS, SECTION_HEADINGS } from './format';
import type { ReportContent } from './content';
import { TEXT_SECTIONS } from './targets';
import { readStatements } from './narrative';

/** A section shorter than this (normalised characters) is too short to call a copy: “未收到申请。”. */
export const COPY_MIN_CHARS = 40;
/** Near-copy threshold. */
export const COPY_SIMILARITY = 0.9;

export type Normalised = {
  text: string;
  /** Index in the original text of each normalised character. */
  map: number[];
};

const DROP = /[\s\p{P}\p{S}]/u;

/** The text as compared: NFKC (full-width → half-width), lower case, no spaces, quotes or punctuation. */
export function normaliseForCopy(raw: string): Normalised {
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of raw) {
    const n = ch.normalize('NFKC').toLowerCase();
    for (const c of n) {
      if (!DROP.test(c)) {
        text += c;
        map.push(i);
      }
    }
    i += ch.length;
  }
  return { text, map };
}

/** Shingle length: four characters, about two words. */
const GRAM = 4;

function shingles(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i + GRAM <= chars.length; i++) {
    const g = chars.slice(i, i + GRAM).join('');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of the two texts' character 4-grams (multisets), 0–1; 1 for identical texts. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ga = shingles(a);
  const gb = shingles(b);
  let shared = 0;
  let na = 0;
  let nb = 0;
  for (const n of ga.values()) na += n;
  for (const n of gb.values()) nb += n;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return na + nb === 0 ? 0 : (2 * shared) / (na + nb);
}

export type SectionComparison = { identical: boolean; similarity: number; comparable: boolean };

/**
 * The prose of a section, without the sentences that only state its figures (收到申请12件, 未发生
 * 行政复议): those say this year's numbers in words, rule 8 holds them against this year's tables,
 * and “未收到政府信息公开申请” is rightly the same every quiet year.
 */
export function prose(text: string): string {
  return text
    .split(/(?<=[。！？!?\n])/)
    .filter((sentence) => !isFigureSentence(sentence))
    .join('');
}

function isFigureSentence(sentence: string): boolean {
  const statements = readStatements(sentence);
  if (statements.length === 0) return false;
  // What is left once the stated counts are taken out is only a frame of a few words.
  let rest = normaliseForCopy(sentence).text;
  for (const s of statements) rest = rest.replace(normaliseForCopy(s.quote).text, '');
  return rest.length <= 30;
}

/** Two sections compared as a reviewer would: identical after normalising, or how similar. */
export function compareSectionTexts(a: string, b: string): SectionComparison {
  const na = normaliseForCopy(prose(a)).text;
  const nb = normaliseForCopy(prose(b)).text;
  const comparable = na.length >= COPY_MIN_CHARS && nb.length >= COPY_MIN_CHARS;
  return { identical: comparable && na === nb, similarity: textSimilarity(na, nb), comparable };
}

/** “93 %”, rounded down so that 89.6 % never shows as 90 %. */
export const percent = (x: number) => `${Math.floor(x * 100)}%`;

// ---------------------------------------------------------------------------------------------
// Across bodies in the same year
// ---------------------------------------------------------------------------------------------
export type Passage = {
  /** [start, end) in the original text of the section being checked. */
  mine: [number, number];
  /** [start, end) in the original text of the other body's section. */
  theirs: [number, number];
  text: string;
};

export type CrossBodyMatch = {
  /** The section's target (text.overview.request …) and its label. */
  target: string;
  label: string;
  otherBody: string;
  similarity: number;
  /** The passages both texts share (at least PASSAGE_MIN_CHARS normalised characters each). */
  passages: Passage[];
};

export type BodyReport = { body: string; content: ReportContent };

export const PASSAGE_MIN_CHARS = 12;

/** Official headings a section may repeat: they are the format's words, not the body's. */
const HEADINGS = [...Object.values(SECTION_HEADINGS), ...OVERVIEW_PARTS.map((p) => p.label)].sort((a, b) => b.length - a.length);

function withoutHeadings(text: string): string {
  let out = text;
  for (const h of HEADINGS) out = out.split(h).join(' '.repeat(h.length)); // keep offsets
  return out;
}

/** The passages two texts share, longest first, as offsets into both originals. */
export function sharedPassages(mineRaw: string, theirsRaw: string, min = PASSAGE_MIN_CHARS): Passage[] {
  const mine = normaliseForCopy(mineRaw);
  const theirs = normaliseForCopy(theirsRaw);
  const a = [...mine.text];
  const b = [...theirs.text];
  if (a.length < min || b.length < min) return [];
  const index = new Map<string, number[]>();
  for (let j = 0; j + min <= b.length; j++) {
    const k = b.slice(j, j + min).join('');
    const list = index.get(k);
    if (list) list.push(j);
    else index.set(k, [j]);
  }
  const out: Passage[] = [];
  let i = 0;
  while (i + min <= a.length) {
    const starts = index.get(a.slice(i, i + min).join(''));
    if (!starts) {
      i++;
      continue;
    }
    let best = { j: starts[0]!, len: 0 };
    for (const j of starts) {
      let len = 0;
      while (i + len < a.length && j + len < b.length && a[i + len] === b[j + len]) len++;
      if (len > best.len) best = { j, len };
    }
    const mineStart = mine.map[i]!;
    const mineEnd = mine.map[i + best.len - 1]! + 1;
    out.push({
      mine: [mineStart, mineEnd],
      theirs: [theirs.map[best.j]!, theirs.map[best.j + best.len - 1]! + 1],
      text: mineRaw.slice(mineStart, mineEnd),
    });
    i += best.len;
  }
  return out.sort((x, y) => y.text.length - x.text.length);
}

/**
 * Each section of `mine` that is at least `threshold` similar to the same section of another
 * body's report of the same year, with the other body, the similarity and the shared passages.
 * The opening (standard wording) and the official headings are left out; so are sections too
 * short to judge.
 */
export function crossBodyCopies(mine: BodyReport, others: readonly BodyReport[], threshold = COPY_SIMILARITY): CrossBodyMatch[] {
  const out: CrossBodyMatch[] = [];
  for (const section of TEXT_SECTIONS) {
    if (section.target === 'text.opening') continue;
    const text = withoutHeadings(section.read(mine.content));
    for (const other of others) {
      if (other.body === mine.body) continue;
      const theirs = withoutHeadings(section.read(other.content));
      const c = compareSectionTexts(text, theirs);
      if (!c.comparable || c.similarity < threshold) continue;
      out.push({ target: section.target, label: section.label, otherBody: other.body, similarity: c.similarity, passages: sharedPassages(text, theirs) });
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity);
}
