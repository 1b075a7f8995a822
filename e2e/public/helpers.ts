import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  computeTotals,
  PROACTIVE_CELLS,
  REQUEST_COLUMNS,
  REQUEST_INPUT_ROWS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  type ReportContent,
} from '@ccgov/report';
import { queryDb } from '../support/db';

export type PublicationRow = { id: number; report_id: number; department_id: number; department_name: string; year: number; content: ReportContent };

/** Current, not withdrawn publications, straight from the database (what the public may see). */
export function currentPublications(where = '1 = 1', ...params: unknown[]): PublicationRow[] {
  return queryDb<Omit<PublicationRow, 'content'> & { content: string }>(
    `SELECT id, report_id, department_id, department_name, year, content FROM publications WHERE current = 1 AND withdrawn_at IS NULL AND ${where} ORDER BY id`,
    ...params,
  ).map((r) => ({ ...r, content: JSON.parse(r.content) as ReportContent }));
}

/**
 * The last closed year (the one before the open year): every body published it, and other specs
 * change its reports only by correcting or withdrawing them, so assertions re-read the database.
 */
export function closedYear(): number {
  const [open] = queryDb<{ year: number | null }>('SELECT MAX(year) AS year FROM reporting_years WHERE open = 1');
  if (open?.year != null) return open.year - 1;
  return Math.max(...currentPublications().map((p) => p.year));
}

const num = (v: number | null | undefined) => v ?? 0;

/** Figures of a report: 10 in table 二, 25 rows × 7 columns in 三, 15 in 四. */
export const FIGURE_COUNT = 10 + 25 * 7 + 15;

/**
 * Every figure of a report as the format defines it, computed here from the stored cells
 * (field names as in the open data: proactive.<row>.<col>, requests.<row>.<col|total>, reviews.<block>.<result|total>).
 */
export function figuresOf(content: ReportContent): Record<string, number> {
  const totals = computeTotals(content);
  const out: Record<string, number> = {};
  for (const c of PROACTIVE_CELLS) {
    out[`proactive.${c.path}`] = num((content.proactive as Record<string, Record<string, number | null>>)[c.rowKey]![c.colKey]);
  }
  for (const row of REQUEST_INPUT_ROWS) {
    REQUEST_COLUMNS.forEach((col, i) => (out[`requests.${row.key}.${col.key}`] = num(content.requests[row.key][i])));
    out[`requests.${row.key}.total`] = totals.requests.rowTotal[row.key];
  }
  REQUEST_COLUMNS.forEach((col, i) => (out[`requests.resultTotal.${col.key}`] = totals.requests.resultTotal[i]!));
  out['requests.resultTotal.total'] = totals.requests.resultTotal[6]!;
  for (const b of REVIEW_BLOCKS) {
    for (const r of REVIEW_RESULTS) out[`reviews.${b.key}.${r.key}`] = num(content.reviews[b.key][r.key]);
    out[`reviews.${b.key}.total`] = totals.reviews[b.key];
  }
  return out;
}

/** Field by field sum over many reports (fees rounded to the ten-thousandth of a 万元). */
export function sumFigures(contents: ReportContent[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const c of contents) for (const [k, v] of Object.entries(figuresOf(c))) sum[k] = (sum[k] ?? 0) + v;
  sum['proactive.fees.amount'] = Math.round(sum['proactive.fees.amount']! * 10000) / 10000;
  return sum;
}

export const formatAmount = (v: number) => String(Number(v.toFixed(4)));

export async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error('download failed');
  return readFileSync(path);
}

export async function pdfText(bytes: Buffer | Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

export async function docxText(bytes: Buffer | Uint8Array): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
  return { xml, text };
}
