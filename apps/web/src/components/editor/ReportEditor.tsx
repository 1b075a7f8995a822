'use client';
/**
 * The department's report form: every part of the format, the checker running as the clerk types
 * (the same checkReport the server runs on save and submit), drafts that are saved by themselves,
 * 预览 exactly as the public page, and 提交审核.
 *
 * The draft and its live check live in useReportDraft, 提交审核 in useSubmission, the notices above
 * the form in EditorAlerts and the parts of the form in EditorSections.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { FIGURE_BY_KEY, figureValues, panelItemCount, reportTitle, type FigureHistory } from '@ccgov/report';
import { CellPopover } from '@/components/CellPopover';
import { trpc } from '@/trpc/client';
import { ReportView } from '@/components/ReportView';
import { StatusBadge } from '@/components/StatusBadge';
import { CheckPanel } from './CheckPanel';
import { EditorActionsContext, EditorStateContext } from './EditorContext';
import { EditorAlerts } from './EditorAlerts';
import { EditorSections, EditorToc } from './EditorSections';
import { focusTarget } from './NumberCell';
import { SaveIndicator } from './SaveIndicator';
import { useReportDraft, type EditorData } from './useReportDraft';
import { useSubmission } from './useSubmission';
import './editor.css';

export type { EditorData } from './useReportDraft';

/**
 * After a failed 提交审核: the message 还有 N 处需要修改 is scrolled into view below the sticky bar
 * (its scroll-margin is the bar's height) and focus goes to 校验结果 without scrolling it away.
 */
const focusCheckPanel = () =>
  requestAnimationFrame(() => {
    document.getElementById('submit-error')?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    document.getElementById('check-panel')?.focus({ preventScroll: true });
  });

/** The figure key of a number cell of the form (a typed input or a computed total). */
function cellOf(el: Element): { key: string; el: HTMLElement } | null {
  const cell = el.closest<HTMLElement>('input[data-cell][data-target], output[data-target]');
  const key = cell?.dataset.target;
  return cell && key && FIGURE_BY_KEY.has(key) ? { key, el: cell } : null;
}

/**
 * The sticky bar's height as --bar-h on the editor and as the page's scroll-padding-top, so a cell
 * reached by Tab, Shift+Tab, Enter or Shift+Enter (or a link) scrolls clear of the bar; a focused
 * cell the browser left under the bar anyway is moved out from under it.
 */
function useStickyBarClearance(editor: React.RefObject<HTMLDivElement | null>, bar: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = editor.current;
    const b = bar.current;
    if (!root || !b) return;
    const html = document.documentElement;
    const before = html.style.scrollPaddingTop;
    const measure = () => {
      const h = Math.ceil(b.getBoundingClientRect().height);
      root.style.setProperty('--bar-h', `${h}px`);
      html.style.scrollPaddingTop = `${h + 16}px`;
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(b);
    const onFocusIn = (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      if (!(el instanceof HTMLElement) || b.contains(el)) return;
      const clear = b.getBoundingClientRect().bottom + 8;
      const top = el.getBoundingClientRect().top;
      if (top < clear) window.scrollBy({ top: top - clear - 8, behavior: 'instant' as ScrollBehavior });
    };
    root.addEventListener('focusin', onFocusIn);
    return () => {
      ro.disconnect();
      root.removeEventListener('focusin', onFocusIn);
      html.style.scrollPaddingTop = before;
    };
  }, [editor, bar]);
}

export function ReportEditor({ data }: { data: EditorData }) {
  const { report, departmentName: body } = data;
  const title = reportTitle(body, report.year);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const draft = useReportDraft(data);
  const { saver, check, panelErrors, panelOpen, setPanelOpen } = draft;
  const submission = useSubmission(report.id, draft, { toEdit: () => setMode('edit'), focusCheckPanel, explainRequired: data.explainRequired });

  const goTo = (target: string) => {
    setMode('edit');
    requestAnimationFrame(() => focusTarget(target));
  };

  // The counter counts what 校验结果 lists (blank cells: one item per table).
  const errorsCount = panelItemCount(panelErrors);
  const busy = submission.busy;

  const editorRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  useStickyBarClearance(editorRef, barRef);

  // The body's figures in earlier years, shown beside each cell (nothing shown if it cannot load).
  const [history, setHistory] = useState<FigureHistory | null>(null);
  useEffect(() => {
    let live = true;
    trpc.figures.history.query({ id: report.id }).then(
      (h) => live && setHistory(h),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [report.id]);
  const contentNow = draft.content;
  const currentValue = useCallback((key: string) => figureValues(contentNow)[key] ?? null, [contentNow]);
  const cellComments = draft.state.cellComments;
  const commentsAt = useCallback(
    (key: string) => (cellComments.get(key) ?? []).map((c) => `${c.body}${c.userName ? `（${c.userName}）` : ''}`),
    [cellComments],
  );
  const barBottom = useCallback(() => barRef.current?.getBoundingClientRect().bottom ?? 0, []);

  return (
    <EditorActionsContext.Provider value={draft.actions}>
    <EditorStateContext.Provider value={draft.state}>
      <div className="editor" ref={editorRef}>
        <div className="editor-bar" ref={barRef}>
          <div className="bar-title">
            {mode === 'edit' ? <h1>{title}</h1> : <p className="bar-preview">预览（与公开页面一致）</p>}
            <StatusBadge status={report.status} />
          </div>
          <div className="bar-actions">
            <SaveIndicator state={saver.state} savedAt={saver.savedAt} />
            <button type="button" className="btn secondary" onClick={() => void saver.flush()} disabled={busy || saver.state === 'saving'}>
              保存草稿
            </button>
            <button type="button" className="btn secondary" aria-pressed={mode === 'preview'} onClick={() => setMode(mode === 'edit' ? 'preview' : 'edit')}>
              {mode === 'edit' ? '预览' : '返回编辑'}
            </button>
            <button type="button" className="btn" onClick={submission.ask} disabled={busy}>
              提交审核
            </button>
          </div>
          <button
            type="button"
            className={`bar-check linklike ${errorsCount ? 'bad' : 'good'}`}
            onClick={() => {
              setPanelOpen(true);
              setMode('edit');
              focusCheckPanel();
            }}
          >
            {errorsCount ? `${errorsCount} 处需要修改` : '没有错误'}
            {check.warnings.length ? ` · ${check.warnings.length} 处提醒` : ''}
          </button>
        </div>

        <EditorAlerts data={data} draft={draft} submission={submission} goTo={goTo} />

        {mode === 'preview' ? (
          <div className="card">
            <ReportView body={body} year={report.year} content={draft.content} />
          </div>
        ) : (
          <div className="editor-layout">
            {/* First in the tab order: 目录 and 校验结果 (with 空白的数字都填 0) are a few Tabs away, not past the whole form. */}
            <aside className="editor-side" aria-label="目录和校验结果">
              <a href="#sec-front" className="skip-link" onClick={(e) => {
                e.preventDefault();
                const first = document.querySelector<HTMLElement>('.editor-main input, .editor-main textarea, .editor-main button');
                first?.focus();
              }}>
                跳到填报内容
              </a>
              <EditorToc />
              <CheckPanel
                errors={panelErrors}
                warnings={check.warnings}
                explanations={draft.explanations}
                explainRequired={data.explainRequired ?? []}
                onExplain={draft.explain}
                onFillZeros={draft.fillZeros}
                onShowGaps={() => draft.setShowGaps(true)}
                open={panelOpen}
                onToggle={() => setPanelOpen(!panelOpen)}
              />
            </aside>
            <EditorSections
              reportId={report.id}
              year={report.year}
              body={body}
              version={() => saver.version.current}
              beforeUpload={() => saver.flush()}
              onImported={draft.adoptImported}
            />
            <CellPopover root={editorRef} keyOf={cellOf} history={history} current={currentValue} comments={commentsAt} topInset={barBottom} />
          </div>
        )}
      </div>
    </EditorStateContext.Provider>
    </EditorActionsContext.Provider>
  );
}
