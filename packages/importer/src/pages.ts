/**
 * Page furniture in text taken off a PDF or an online flip-book (the PDF's text layer, page by
 * page): the viewer's page markers ("Page 7 - <title>", "P. 7"), printed page numbers ("- 7 -",
 * "— 7 —", "第 7 页 共 9 页", "第7页", "7/9", a bare "7" where a page ends) and a running header
 * repeated at the top of each page. None of these is part of the report: the lines are left out
 * before the report is read, so a page number never becomes a figure ("— 7 —" is not 0, 7, 0) and
 * a table row broken by a page end reads on across it.
 *
 * A bare number is a page number only where the text says so: next to other furniture, first or
 * last in the text, or right after a line that already holds its row's figures in a text whose
 * table rows are one line each. Elsewhere (a figure on the line after its label, a page copied
 * one cell a line) it stays: a figure it cannot be sure of is then short in its row, and the row
 * is listed, never filled with the page number.
 */

const fold = (s: string) => s.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
const squash = (s: string) => fold(s).replace(/ /g, '');

/** A flip-book viewer's page marker: "Page 7 - <title>", "Page 7", "P. 7", "P7". */
const MARKER = /^(?:page\s*\d{1,4}(?:\s*[-–—:：|]\s*.*)?|p\s*[.．]?\s*\d{1,4})$/i;
/** A printed page number that cannot be a figure: "- 7 -", "— 7 —", "第 7 页 共 9 页", "第7页", "共9页 第7页". */
const PRINTED = [
  /^[-—–―－~～]+\d{1,4}[-—–―－~～]+$/,
  /^第\d{1,4}页(?:[,，/／、]?共\d{1,4}页)?$/,
  /^共\d{1,4}页[,，/／、]?第\d{1,4}页$/,
];
/** A number that might be a page number (or a figure): "7", "7/9", "7 / 9". */
const BARE = /^\d{1,4}(?:[/／]\d{1,4})?$/;

/** Is this line certain page furniture (a viewer's marker or a printed page number)? */
export function isPageMarker(line: string): boolean {
  const t = fold(line);
  if (MARKER.test(t)) return true;
  const s = squash(line);
  return PRINTED.some((r) => r.test(s));
}

/** Figures as a text layer writes them, apart: "0 0 0", "3 件". */
const FIGURE_PART = /^(?:[0-9][0-9,.]*(?:件|个|次|条|万元)?|[-—–―－/／]{1,2})$/;
const parts = (line: string) => fold(line).split(' ').filter(Boolean);
/** Does the line end with figures (its row's values)? */
const holdsFigures = (line: string) => {
  const p = parts(line);
  return p.length > 0 && FIGURE_PART.test(p[p.length - 1]!) && !BARE.test(squash(line));
};
/** A label with figures after it, or several figures: one table row on one line. */
const isRowLine = (line: string) => {
  const p = parts(line);
  const figs = p.filter((x) => FIGURE_PART.test(x)).length;
  return figs > 0 && FIGURE_PART.test(p[p.length - 1]!) && (figs >= 2 || figs < p.length);
};

export type PageReading = {
  /** 0-based indexes of the lines that are page furniture. */
  furniture: Set<number>;
  /** The first viewer marker, kept when it stands before the report's text (it may carry the title). */
  keptMarker: number | null;
};

/**
 * The furniture lines of a text. `isHeading` tells a section heading, before which the first
 * marker (and a running header's first copy, the title) is kept.
 */
export function pageFurniture(lines: readonly string[], isHeading: (line: string) => boolean): PageReading {
  const furniture = new Set<number>();
  const nonBlank = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  const firstHeading = nonBlank.find((i) => isHeading(lines[i]!)) ?? Infinity;
  let keptMarker: number | null = null;
  for (const i of nonBlank) {
    if (!isPageMarker(lines[i]!)) continue;
    // "Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告": the only title a page of a flip-book may have.
    if (keptMarker === null && i < firstHeading && /^page\s*\d+\s*[-–—:：|]\s*\S*\d{4}\s*年\S*报告/i.test(fold(lines[i]!))) keptMarker = i;
    else furniture.add(i);
  }

  // Table rows one a line (a text layer) or one cell a line (a page copied cell by cell)?
  const rowLines = nonBlank.filter((i) => isRowLine(lines[i]!)).length;
  const singles = nonBlank.filter((i) => BARE.test(squash(lines[i]!)) && !/[/／]/.test(lines[i]!)).length;
  const rowPerLine = rowLines > singles;

  /** The nearest non-blank line before / after i that is not furniture already. */
  const neighbour = (k: number, step: -1 | 1) => {
    for (let j = k + step; j >= 0 && j < nonBlank.length; j += step) {
      if (!furniture.has(nonBlank[j]!)) return nonBlank[j]!;
    }
    return -1;
  };
  const nextToFurniture = (k: number) => {
    const before = nonBlank[k - 1];
    const after = nonBlank[k + 1];
    return (before !== undefined && (furniture.has(before) || before === keptMarker)) || (after !== undefined && (furniture.has(after) || after === keptMarker));
  };

  // Bare numbers: page numbers where the text shows a page end; a running header: the same line
  // again at a page end (its first copy stays when it stands before the report's text, where it
  // is the title). Repeated, so "7" next to a header taken as furniture is furniture too.
  const repeated = new Map<string, number[]>();
  for (const i of nonBlank) {
    const s = squash(lines[i]!);
    if (furniture.has(i) || s.length < 4 || s.length > 60 || isHeading(lines[i]!) || isRowLine(lines[i]!)) continue;
    repeated.set(s, [...(repeated.get(s) ?? []), i]);
  }
  for (let pass = 0, before = -1; pass < 4 && before !== furniture.size; pass++) {
    before = furniture.size;
    nonBlank.forEach((i, k) => {
      if (furniture.has(i) || !BARE.test(squash(lines[i]!))) return;
      const edge = k === 0 || k === nonBlank.length - 1;
      const prev = neighbour(k, -1);
      const afterRow = prev >= 0 && holdsFigures(lines[prev]!);
      if (nextToFurniture(k) || (rowPerLine && (edge || afterRow))) furniture.add(i);
    });
    for (const idx of repeated.values()) {
      if (idx.length < 2) continue;
      // A line first seen above the report's text (its title) and again inside it is a running header.
      const fromFront = idx[0]! < firstHeading;
      for (const i of idx) {
        if (furniture.has(i) || (i === idx[0] && fromFront)) continue;
        if ((fromFront && i > firstHeading) || nextToFurniture(nonBlank.indexOf(i))) furniture.add(i);
      }
    }
  }
  return { furniture, keptMarker };
}
