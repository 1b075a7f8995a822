// Worker thread for PDF rendering (bundled by scripts/build-workers.mjs into dist/pdf-worker.mjs).
import { serveTasks } from '@ccgov/report/offload';
import { reportPdf, type PdfOptions } from './pdf';
import type { PublishedReport } from './outline';

serveTasks({
  pdf: (report: PublishedReport, options: Omit<PdfOptions, 'onCell'>) => reportPdf(report, options),
});
