'use client';
/** The seven parts of the form, in the order of the format, and the Excel import between them. */
import { OVERVIEW_PARTS, SECTION_HEADINGS, withStandardOpening } from '@ccgov/report';
import { ExcelImport, type ExcelImportResult } from '@/components/excel/ExcelImport';
import { WordImport } from './WordImport';
import { useEditorActions } from './EditorContext';
import { ProactiveTables, RequestTable, ReviewTable } from './Tables';
import { ContactFields, TextSection } from './TextFields';
import { NoRequestsAction } from './NoRequests';

/** The form's parts as the table of contents lists them. */
export const SECTIONS = [
  { id: 'sec-front', label: '基本信息' },
  { id: 'sec-overview', label: SECTION_HEADINGS.overview },
  { id: 'sec-proactive', label: SECTION_HEADINGS.proactive },
  { id: 'sec-requests', label: SECTION_HEADINGS.requests },
  { id: 'sec-reviews', label: SECTION_HEADINGS.reviews },
  { id: 'sec-problems', label: SECTION_HEADINGS.problems },
  { id: 'sec-other', label: SECTION_HEADINGS.other },
];

/** 基本信息: the body, year and period, the contact and the opening paragraph. */
export function FrontSection({ body, year }: { body: string; year: number }) {
  const { updateContent } = useEditorActions();
  return (
    <section id="sec-front" className="card" aria-labelledby="h-front">
      <h2 id="h-front" tabIndex={-1}>基本信息</h2>
      <dl className="facts">
        <div>
          <dt>报告主体</dt>
          <dd>{body}</dd>
        </div>
        <div>
          <dt>报告年度</dt>
          <dd>{year}年</dd>
        </div>
        <div>
          <dt>统计期限</dt>
          <dd>
            {year}年1月1日至{year}年12月31日
          </dd>
        </div>
      </dl>
      <h3>联系方式</h3>
      <ContactFields />
      <TextSection target="text.opening" label="报告开头说明" hint="标准文字写明依据、统计期限和联系方式；修改联系方式时会随之更新。" rows={4} />
      <button type="button" className="linklike small" onClick={() => updateContent((c) => withStandardOpening(c, { year, body }))}>
        恢复为标准开头说明
      </button>
    </section>
  );
}

export function OverviewSection() {
  return (
    <section id="sec-overview" className="card" aria-labelledby="h-overview">
      <h2 id="h-overview" tabIndex={-1}>{SECTION_HEADINGS.overview}</h2>
      <TextSection target="text.overview.lead" label="导语（选填）" rows={2} />
      {OVERVIEW_PARTS.map((part) => (
        <TextSection key={part.key} target={`text.overview.${part.key}`} label={part.label} />
      ))}
    </section>
  );
}

export function ProactiveSection() {
  return (
    <section id="sec-proactive" className="card" aria-labelledby="h-proactive">
      <h2 id="h-proactive" tabIndex={-1}>{SECTION_HEADINGS.proactive}</h2>
      <p className="muted small hint">件数填整数；收费金额单位为万元，最多 4 位小数（如 18.8710）。没有发生的填 0。</p>
      <ProactiveTables />
    </section>
  );
}

export function RequestsSection() {
  return (
    <section id="sec-requests" className="card" aria-labelledby="h-requests">
      <h2 id="h-requests" tabIndex={-1}>{SECTION_HEADINGS.requests}</h2>
      <p className="muted small hint">
        总计、（七）总计自动计算。Tab 或回车到下一格，方向键在格间移动；可从 Excel 或 WPS 复制一整块数字，在起始格粘贴。没有发生的可填 0 或 /。
      </p>
      <NoRequestsAction />
      <RequestTable />
    </section>
  );
}

export function ReviewsSection() {
  return (
    <section id="sec-reviews" className="card" aria-labelledby="h-reviews">
      <h2 id="h-reviews" tabIndex={-1}>{SECTION_HEADINGS.reviews}</h2>
      <p className="muted small hint">每组的总计自动计算。</p>
      <ReviewTable />
    </section>
  );
}

export function ProblemsSection() {
  return (
    <section id="sec-problems" className="card" aria-labelledby="h-problems">
      <h2 id="h-problems" tabIndex={-1}>{SECTION_HEADINGS.problems}</h2>
      <TextSection target="text.problems" label={SECTION_HEADINGS.problems} labelHidden />
    </section>
  );
}

export function OtherSection() {
  return (
    <section id="sec-other" className="card" aria-labelledby="h-other">
      <h2 id="h-other" tabIndex={-1}>{SECTION_HEADINGS.other}</h2>
      <TextSection
        target="text.other"
        label={SECTION_HEADINGS.other}
        labelHidden
        hint="按惯例写明收取信息处理费的情况（发出收费通知的件数、金额），以及政务公开工作要点落实、人大代表建议和政协提案办理结果公开等情况。"
      />
    </section>
  );
}

/** Every part of the form; the Word import comes first (it fills all of it), the Excel import sits before the tables it fills. */
export function EditorSections({
  reportId,
  year,
  body,
  version,
  beforeUpload,
  onImported,
}: {
  reportId: number;
  year: number;
  body: string;
  version: () => number;
  beforeUpload: () => Promise<unknown>;
  onImported: (result: ExcelImportResult) => void;
}) {
  return (
    <div className="editor-main">
      <WordImport reportId={reportId} year={year} />
      <FrontSection body={body} year={year} />
      <OverviewSection />
      <ExcelImport reportId={reportId} year={year} version={version} beforeUpload={beforeUpload} onImported={onImported} />
      <ProactiveSection />
      <RequestsSection />
      <ReviewsSection />
      <ProblemsSection />
      <OtherSection />
    </div>
  );
}

/** 目录: a link to each part; scrolls without changing the address. */
export function EditorToc() {
  return (
    <nav aria-label="目录" className="toc">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              onClick={(e) => {
                e.preventDefault();
                // Keyboard focus moves with the view: the next Tab continues inside the section.
                const section = document.getElementById(s.id);
                section?.scrollIntoView({ block: 'start' });
                section?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
              }}
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
