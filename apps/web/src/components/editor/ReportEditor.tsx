'use client';
/**
 * The department's report form: every part of the format, the checker running as the clerk types
 * (the same checkReport the server runs on save and submit), drafts that are saved by themselves,
 * 预览 exactly as the public page, and 提交审核.
 *
 * The draft and its live check live in useReportDraft, 提交审核 in useSubmission, the notices above
 * the form in EditorAlerts and the parts of the form in EditorSections.
 */
import { useState } from 'react';
import { reportTitle } from '@ccgov/report';
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

const focusCheckPanel = () => requestAnimationFrame(() => document.getElementById('check-panel')?.focus());

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

  const errorsCount = panelErrors.length;
  const busy = submission.busy;

  return (
    <EditorActionsContext.Provider value={draft.actions}>
    <EditorStateContext.Provider value={draft.state}>
      <div className="editor">
        <div className="editor-bar">
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
            <EditorSections
              reportId={report.id}
              year={report.year}
              body={body}
              version={() => saver.version.current}
              beforeUpload={() => saver.flush()}
              onImported={draft.adoptImported}
            />
            <aside className="editor-side" aria-label="目录和校验结果">
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
          </div>
        )}
      </div>
    </EditorStateContext.Provider>
    </EditorActionsContext.Provider>
  );
}
