/**
 * What the public report view prints besides the report itself: the 历史导入 line (where the
 * report was read from, with the original file for download) and the 口径变化 footnotes beside
 * the figures they explain. Plain functions of their props (the public page renders them to static
 * HTML, see server/static-html.tsx): no hooks, no script; text is React text, never HTML. Styles:
 * .report-provenance, .caliber-mark, .caliber-notes in globals.css.
 */
import { formatFigure, type CaliberFootnote, type FigureCell } from '@ccgov/report';
import type { RenderFigure } from './OfficialTable';

export type ImportProvenance = {
  from: string;
  sha256: string | null;
  originalPublishedAt: string | null;
  download: { fileName: string; size: number } | null;
};

/** 2023-01-18 → 2023年1月18日 */
function isoToChinese(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** 本报告根据原公开文本导入（来源：…，原发布日期 …） with the original file's download. */
export function ImportProvenanceNote({ publicationId, provenance }: { publicationId: number; provenance: ImportProvenance }) {
  const date = provenance.originalPublishedAt ? isoToChinese(provenance.originalPublishedAt) : '不详';
  return (
    <p className="report-provenance" role="note" data-testid="import-provenance">
      本报告根据原公开文本导入（来源：{provenance.from}，原发布日期 {date}），数字和文字以原公开文本为准。
      {provenance.download && (
        <>
          {' '}
          <a href={`/reports/${publicationId}/source`} download={provenance.download.fileName}>
            下载原文件（{provenance.download.fileName}，{sizeText(provenance.download.size)}）
          </a>
        </>
      )}
      {provenance.sha256 && (
        <>
          <br />
          <span className="report-sha">原文件 SHA-256：{provenance.sha256}</span>
        </>
      )}
    </p>
  );
}

const noteId = (n: number) => `caliber-note-${n}`;

/** A figure cell with its 注N mark when a footnote stands beside it. */
export function footnotedFigure(values: Record<string, number | null>, notes: readonly CaliberFootnote[]): RenderFigure {
  const byKey = new Map(notes.map((n) => [n.figureKey, n]));
  return function FootnotedFigure(cell: FigureCell) {
    const { figure } = cell;
    const note = byKey.get(figure.key);
    return (
      <td className={figure.computed ? 'num computed' : 'num'} colSpan={cell.colSpan} data-cell={figure.key}>
        {formatFigure(values[figure.key], figure.kind)}
        {note && (
          // The mark is drawn by CSS (data-mark), so a figure copied off the page into a spreadsheet is
          // "37", not "37注1"; its name (aria-label) is what a screen reader reads.
          <a href={`#${noteId(note.n)}`} id={`${noteId(note.n)}-ref`} className="caliber-mark" data-mark={`注${note.n}`} aria-label={`注${note.n}：口径变化`} />
        )}
      </td>
    );
  };
}

/** The footnotes of one table, printed below it. */
export function CaliberNotes({ notes }: { notes: readonly CaliberFootnote[] }) {
  if (notes.length === 0) return null;
  return (
    <ol className="caliber-notes" aria-label="口径变化说明" data-testid="caliber-notes">
      {notes.map((n) => (
        <li key={n.n} id={noteId(n.n)}>
          注{n.n}（统计口径变化）：{n.text} <a href={`#${noteId(n.n)}-ref`} aria-label={`返回注${n.n}所在的数字`}>↩</a>
        </li>
      ))}
    </ol>
  );
}
