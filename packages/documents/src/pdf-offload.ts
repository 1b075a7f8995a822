import { asBuffer, sharedPool, WorkerTaskError } from '@ccgov/report/offload';
import { MissingFontError, reportPdf, type PdfOptions } from './pdf';
import type { PublishedReport } from './outline';

/**
 * A report's PDF drawn in a worker thread (@ccgov/report/offload): pdfkit lays out and subsets
 * the CJK font in pure JavaScript, a few hundred milliseconds of work that would otherwise hold up
 * every other request. At most 8 wait, then 「服务器繁忙，请稍后再试」.
 */
export const pdfPool = sharedPool({
  name: 'PDF',
  file: 'packages/documents/dist/pdf-worker.mjs',
  maxQueue: 8,
  timeoutMs: 60_000,
  resourceLimits: { maxOldGenerationSizeMb: 384 },
});

/** {@link reportPdf} in a worker thread (no `onCell`: that is for tests, in the same thread). */
export async function renderPdf(report: PublishedReport, options: Omit<PdfOptions, 'onCell'> = {}): Promise<Buffer> {
  try {
    const bytes = await pdfPool.run<Uint8Array>('pdf', [report, options], () => reportPdf(report, options));
    return asBuffer(bytes);
  } catch (e) {
    // The font check happens in the worker; the caller tells a missing font apart (503 with advice).
    if (e instanceof WorkerTaskError && e.remoteName === 'MissingFontError') {
      const err = new MissingFontError('');
      err.message = e.message;
      throw err;
    }
    throw e;
  }
}
