import { openReport, reportFiguresCsv, reportFileName } from '@ccgov/documents';
import {
  asPublished,
  fileResponse,
  loadDocx,
  loadPdf,
  loadPublication,
  MissingFontError,
  NOT_PUBLIC,
  parseId,
  textError,
} from '@/server/public-data';
import { isBusyError } from '@ccgov/db';
import { busyResponse, expensive } from '@/server/expensive';

export const dynamic = 'force-dynamic';

const FORMATS = ['pdf', 'docx', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Downloads of one published report: /reports/{id}/pdf, /docx, /csv (figures), /json. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const { id: idText, format } = await params;
  if (!FORMATS.includes(format as Format)) return textError(404, '没有这种下载格式');
  const data = await loadPublication(parseId(idText));
  if (!data) return textError(404, NOT_PUBLIC);
  const report = asPublished(data);
  const fallback = `report-${report.id}`;
  switch (format as Format) {
    case 'pdf':
      try {
        // Rendering is the costliest public work: a few at once, then 503 (see server/expensive).
        const pdf = await expensive(() => loadPdf(data));
        if (!pdf) return busyResponse();
        return fileResponse(pdf.value, 'application/pdf', reportFileName(report, 'pdf'), `${fallback}.pdf`);
      } catch (e) {
        // The PDF worker's queue is full (or a render ran out of time): the same 503 as the gate.
        if (isBusyError(e)) return busyResponse();
        if (e instanceof MissingFontError) {
          console.error(e.message);
          return textError(503, `暂时无法生成 PDF：${e.message}`);
        }
        throw e;
      }
    case 'docx': {
      const docx = await expensive(() => loadDocx(data));
      if (!docx) return busyResponse();
      return fileResponse(
        docx.value,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        reportFileName(report, 'docx'),
        `${fallback}.docx`,
      );
    }
    case 'csv':
      return fileResponse(reportFiguresCsv(report), 'text/csv; charset=utf-8', reportFileName(report, 'csv'), `${fallback}.csv`);
    case 'json':
      return fileResponse(
        JSON.stringify(openReport(report, data.currentId), null, 2),
        'application/json; charset=utf-8',
        reportFileName(report, 'json'),
        `${fallback}.json`,
        true,
      );
  }
}
