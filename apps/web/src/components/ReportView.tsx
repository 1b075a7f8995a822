import { Fragment } from 'react';
import { figureValues, OVERVIEW_PARTS, reportTitle, SECTION_HEADINGS, TABLE_LAYOUTS, TABLE_ORDER, type CaliberFootnote, type ReportContent } from '@ccgov/report';
import { OfficialTable } from './OfficialTable';
import { CaliberNotes, footnotedFigure, ImportProvenanceNote, type ImportProvenance } from './ReportNotes';

function Paragraphs({ text, id }: { text: string; id?: string }) {
  const parts = text.split(/\n+/).filter((p) => p.trim() !== '');
  if (parts.length === 0) return <p className="muted" id={id}>（未填写）</p>;
  return (
    <div id={id}>
      {parts.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

/**
 * The report in the official layout: six headings, the tables with the official merged headers,
 * text as paragraphs. Text is rendered as React text, never as HTML. On the public page it also
 * carries the 历史导入 line under the title (`provenance`, with the original file's download) and
 * the 口径变化 footnotes (`footnotes`: 注N beside the figure, the note below its table).
 */
export function ReportView({
  body,
  year,
  content,
  publicationId,
  provenance,
  footnotes = [],
}: {
  body: string;
  year: number;
  content: ReportContent;
  /** The public page's publication id (for the original file's download link). */
  publicationId?: number;
  provenance?: ImportProvenance | null;
  footnotes?: readonly CaliberFootnote[];
}) {
  const renderFigure = footnotedFigure(figureValues(content), footnotes);
  return (
    <article className="report-doc" aria-labelledby="report-title">
      <h1 id="report-title">{reportTitle(body, year)}</h1>
      {provenance && publicationId != null && <ImportProvenanceNote publicationId={publicationId} provenance={provenance} />}
      <Paragraphs text={content.opening} />

      <h2>{SECTION_HEADINGS.overview}</h2>
      {content.overview.lead.trim() && <Paragraphs text={content.overview.lead} />}
      {OVERVIEW_PARTS.map((part) => (
        <section key={part.key} aria-label={part.label}>
          <h3>{part.label}</h3>
          <Paragraphs text={content.overview[part.key]} />
        </section>
      ))}

      {TABLE_ORDER.map((key) => (
        <Fragment key={key}>
          <h2>{SECTION_HEADINGS[key]}</h2>
          <OfficialTable layout={TABLE_LAYOUTS[key]} renderFigure={renderFigure} />
          <CaliberNotes notes={footnotes.filter((n) => n.table === key)} />
        </Fragment>
      ))}

      <h2>{SECTION_HEADINGS.problems}</h2>
      <Paragraphs text={content.problems} />
      <h2>{SECTION_HEADINGS.other}</h2>
      <Paragraphs text={content.other} />
    </article>
  );
}
