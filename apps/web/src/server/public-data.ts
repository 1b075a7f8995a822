import 'server-only';
import { bulkArchive, MissingFontError, renderPdf, reportDocx, type PublishedReport } from '@ccgov/documents';
import { buildSearchIndex, loadSearchDocs } from '@ccgov/api';
import { getDb } from '@ccgov/db';
import { publicCaller } from './caller';
import { cachedPublic } from './public-cache';

/**
 * Every public read (pages, downloads, open data) goes through these loaders: each answer is
 * computed once from the database, then served from the in-process cache until the next publish,
 * correction or withdrawal clears it. Keys are bounded: ids and years are checked before a result
 * is kept, and a failed load (unknown id) is never kept.
 */

/** A positive integer id from a URL segment, or null. */
export function parseId(text: string | undefined): number | null {
  if (!text || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/** A four-digit year from a query parameter: null when absent, 'invalid' when malformed. */
export function parseYear(text: string | null | undefined): number | null | 'invalid' {
  if (text == null || text === '') return null;
  return /^\d{4}$/.test(text) ? Number(text) : 'invalid';
}

export const loadList = () => cachedPublic('list', () => publicCaller().public.list());
export const loadYears = () => cachedPublic('years', () => publicCaller().public.years());
export const loadTrend = () => cachedPublic('trend', () => publicCaller().public.trend());
/** The search index (every report folded and indexed once), rebuilt after each publish. */
export const loadSearchIndex = () => cachedPublic('search-index', async () => buildSearchIndex(loadSearchDocs(getDb())));

export type LoadedPublication = Awaited<ReturnType<ReturnType<typeof publicCaller>['public']['get']>>;

/** A publication anyone may read (current or superseded, never withdrawn), or null. */
export async function loadPublication(id: number | null): Promise<LoadedPublication | null> {
  if (id == null) return null;
  try {
    return await cachedPublic(`report:${id}`, () => publicCaller().public.get({ id }));
  } catch {
    return null;
  }
}

/** The district summary of a year that has published reports, or null. */
export async function loadSummary(year: number) {
  if (!(await loadYears()).includes(year)) return null;
  try {
    return await cachedPublic(`summary:${year}`, () => publicCaller().public.summary({ year }));
  } catch {
    return null;
  }
}

export function asPublished(data: LoadedPublication): PublishedReport {
  return data.publication;
}

/** The PDF of a publication, rendered once per publication, in a worker thread (renderPdf). */
export function loadPdf(data: LoadedPublication): Promise<Buffer> {
  const font = process.env.CJK_FONT_PATH;
  return cachedPublic(`pdf:${data.publication.id}`, () =>
    renderPdf(asPublished(data), font ? { font: { path: font, face: process.env.CJK_FONT_FACE || undefined } } : {}),
  );
}

export function loadDocx(data: LoadedPublication): Promise<Buffer> {
  return cachedPublic(`docx:${data.publication.id}`, () => reportDocx(asPublished(data)));
}

/**
 * A year's bulk ZIP (every current published report of the year: JSON, CSV and PDF), built once
 * per change from the cached publications and PDFs; null for a year without publications.
 */
export async function loadBulk(year: number): Promise<Buffer | null> {
  const items = (await loadList()).filter((r) => r.year === year);
  if (items.length === 0) return null;
  return cachedPublic(`bulk:${year}`, async () => {
    const loaded = await Promise.all(items.map((r) => loadPublication(r.id)));
    const byId = new Map(loaded.flatMap((d) => (d ? [[d.publication.id, d] as const] : [])));
    return bulkArchive(year, [...byId.values()].map(asPublished), { pdf: (r) => loadPdf(byId.get(r.id)!) });
  });
}

export { MissingFontError };

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const COMMON_HEADERS = {
  // Open data: any site or script may read it.
  'access-control-allow-origin': '*',
  // Browsers check back each time, so nobody keeps a copy from before a correction or withdrawal.
  'cache-control': 'public, max-age=0, must-revalidate',
  'x-content-type-options': 'nosniff',
};

export function jsonResponse(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data, null, 2), {
    status,
    headers: { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' },
  });
}

export function jsonError(status: number, message: string): Response {
  return jsonResponse({ error: message }, status);
}

export const NOT_PUBLIC = '报告不存在或尚未公开';

/** A download: the ASCII fallback name for old clients, the Chinese name (RFC 5987) for the rest. */
export function fileResponse(body: Buffer | string, type: string, fileName: string, fallback: string, inline = false): Response {
  const disposition = `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: { ...COMMON_HEADERS, 'content-type': type, 'content-disposition': disposition },
  });
}

export function textError(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}
