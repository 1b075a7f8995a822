import JSZip from 'jszip';
import { reportFiguresCsv, reportsCsv } from './csv';
import { openReport, openReportListItem } from './open-data';
import type { PublishedReport } from './outline';

/**
 * A year's open data in bulk: one ZIP with, per current published report, its open-data JSON
 * (the `Report` of /api/open/reports/{id}), its figures CSV (as /reports/{id}/csv) and its PDF;
 * plus reports.csv (one row per report, as /api/open/reports.csv?year=) and index.json (the list).
 * JSON and CSV are deflated; PDFs are stored as they are (already compressed).
 */
export type BulkArchiveOptions = {
  /** The PDF of a report (the caller renders and caches them). */
  pdf: (report: PublishedReport) => Promise<Buffer>;
};

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

/** The entry names of one report: `{id}-{报告主体}.json|.csv|.pdf`. */
export function bulkEntryNames(report: Pick<PublishedReport, 'id' | 'departmentName'>): { json: string; csv: string; pdf: string } {
  const stem = `${report.id}-${safeName(report.departmentName)}`;
  return { json: `${stem}.json`, csv: `${stem}.csv`, pdf: `${stem}.pdf` };
}

export async function bulkArchive(year: number, reports: readonly PublishedReport[], { pdf }: BulkArchiveOptions): Promise<Buffer> {
  const zip = new JSZip();
  // A fixed date: the archive's bytes depend only on the reports, so its ETag changes only with them.
  const date = new Date(Date.UTC(year + 1, 0, 1));
  const sorted = [...reports].sort((a, b) => a.id - b.id);
  const deflate = { compression: 'DEFLATE' as const, compressionOptions: { level: 6 }, date };
  zip.file(
    'index.json',
    JSON.stringify({ year, count: sorted.length, reports: sorted.map((r) => ({ ...openReportListItem({ ...r, corrected: r.supersedesId != null }), files: bulkEntryNames(r) })) }, null, 2),
    deflate,
  );
  zip.file('reports.csv', reportsCsv(sorted), deflate);
  for (const r of sorted) {
    const names = bulkEntryNames(r);
    zip.file(names.json, JSON.stringify(openReport(r, r.id), null, 2), deflate);
    zip.file(names.csv, reportFiguresCsv(r), deflate);
    zip.file(names.pdf, await pdf(r), { compression: 'STORE', date });
  }
  return zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX', streamFiles: false });
}
