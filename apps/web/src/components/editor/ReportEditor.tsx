'use client';
/**
 * The department's report form: every part of the format, the checker running as the clerk types
 * (the same checkReport the server runs on save and submit), drafts that are saved by themselves,
 * 预览 exactly as the public page, and 提交审核.
 */
import { useRouter } from 'next/navigation';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  OVERVIEW_PARTS,
  SECTION_HEADINGS,
  checkReport,
  reportTitle,
  standardOpening,
  targetLabel,
  type Cell,
  type CheckIssue,
  type ReportContent,
  type ReportStatus,
  type SensitiveWord,
} from '@ccgov/report';
import { ReportView } from '@/components/ReportView';
import { StatusBadge } from '@/components/StatusBadge';
import { ExcelImport } from '@/components/excel/ExcelImport';
import { errorAppData, errorMessage, trpc } from '@/trpc/client';
import { CELLS, interpretCell, parseBlock, placeBlock, readCell, writeCells } from './cells';
import { CheckPanel, type PanelError } from './CheckPanel';
import { EditorActionsContext, EditorStateContext, type EditorActions, type EditorState, type ReviewerComment } from './EditorContext';
import { focusTarget } from './NumberCell';
import { ProactiveTables, RequestTable, ReviewTable } from './Tables';
import { ContactFields, TextSection } from './TextFields';
import { SaveIndicator } from './SaveIndicator';
import { clearBackup, readBackup, useDraftSaver } from './useDraftSaver';
import './editor.css';

export type EditorData = {
  report: {
    id: number;
    year: number;
    status: ReportStatus;
    version: number;
    content: ReportContent;
    explanations: Record<string, string>;
  };
  departmentName: string;
  previous: { year: number; content: ReportContent } | null;
  /** The reviewer's comments of the latest return. */
  comments: ReviewerComment[];
  sensitiveWords: SensitiveWord[];
};

type Backup = NonNullable<ReturnType<typeof readBackup>>;

const SECTIONS = [
  { id: 'sec-front', label: '基本信息' },
  { id: 'sec-overview', label: SECTION_HEADINGS.overview },
  { id: 'sec-proactive', label: SECTION_HEADINGS.proactive },
  { id: 'sec-requests', label: SECTION_HEADINGS.requests },
  { id: 'sec-reviews', label: SECTION_HEADINGS.reviews },
  { id: 'sec-problems', label: SECTION_HEADINGS.problems },
  { id: 'sec-other', label: SECTION_HEADINGS.other },
];

export function ReportEditor({ data }: { data: EditorData }) {
  const router = useRouter();
  const { report, departmentName: body } = data;
  const title = reportTitle(body, report.year);

  const [content, setContent] = useState(report.content);
  const [explanations, setExplanations] = useState(report.explanations);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const contentRef = useRef(content);
  const explRef = useRef(explanations);
  const draftsRef = useRef(drafts);

  const [showGaps, setShowGaps] = useState(false);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [panelOpen, setPanelOpen] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [backup, setBackup] = useState<Backup | null>(null);
  const [submitStage, setSubmitStage] = useState<'idle' | 'confirm' | 'submitting' | 'done'>('idle');
  const [submitError, setSubmitError] = useState<string | null>(null);

  const saver = useDraftSaver({ reportId: report.id, initialVersion: report.version, draft: { content, explanations } });

  const apply = useCallback(
    (next: { content?: ReportContent; explanations?: Record<string, string>; drafts?: Record<string, string> }) => {
      if (next.drafts) {
        draftsRef.current = next.drafts;
        setDrafts(next.drafts);
      }
      if (!next.content && !next.explanations) return;
      if (next.content) {
        contentRef.current = next.content;
        setContent(next.content);
      }
      if (next.explanations) {
        explRef.current = next.explanations;
        setExplanations(next.explanations);
      }
      saver.changed({ content: contentRef.current, explanations: explRef.current });
    },
    [saver.changed],
  );

  // ----- the live check: the browser runs the server's checker on what is on screen -----
  const deferred = useDeferredValue(content);
  const check = useMemo(
    () =>
      checkReport({
        year: report.year,
        body,
        content: deferred,
        previous: data.previous,
        sensitiveWords: data.sensitiveWords,
      }),
    [deferred, report.year, body, data.previous, data.sensitiveWords],
  );

  const entryErrors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [target, raw] of Object.entries(drafts)) {
      const info = CELLS.get(target);
      const r = info ? interpretCell(raw, info.kind) : null;
      if (r?.error) out[target] = `“${raw}”${r.error}`;
    }
    return out;
  }, [drafts]);

  const issuesByTarget = useMemo(() => {
    const map = new Map<string, CheckIssue[]>();
    for (const i of [...check.errors, ...check.warnings]) {
      if (entryErrors[i.target] && i.code === 'value.missing') continue;
      map.set(i.target, [...(map.get(i.target) ?? []), i]);
    }
    return map;
  }, [check, entryErrors]);

  const commentsByTarget = useMemo(() => {
    const map = new Map<string, ReviewerComment[]>();
    for (const c of data.comments) map.set(c.target, [...(map.get(c.target) ?? []), c]);
    return map;
  }, [data.comments]);

  const panelErrors: PanelError[] = useMemo(
    () => [
      ...Object.entries(entryErrors).map(([target, message]) => ({ key: `entry:${target}`, target, code: 'entry', message: `${targetLabel(target)}：${message}` })),
      ...check.errors.filter((e) => !(entryErrors[e.target] && e.code === 'value.missing')),
    ],
    [check.errors, entryErrors],
  );

  // ----- editing -----
  const setCellText = useCallback(
    (target: string, raw: string) => {
      const info = CELLS.get(target);
      if (!info) return;
      const { value } = interpretCell(raw, info.kind);
      const changedValue = readCell(contentRef.current, target) !== value;
      apply({
        drafts: { ...draftsRef.current, [target]: raw },
        content: changedValue ? writeCells(contentRef.current, new Map([[target, value]])) : undefined,
      });
    },
    [apply],
  );

  /** Leaving a cell: a valid entry is shown as the number stored; a mistake stays for fixing. */
  const commitCell = useCallback(
    (target: string) => {
      const raw = draftsRef.current[target];
      const info = CELLS.get(target);
      if (raw === undefined || !info || interpretCell(raw, info.kind).error) return;
      const { [target]: _, ...rest } = draftsRef.current;
      apply({ drafts: rest });
    },
    [apply],
  );

  const pasteBlock = useCallback(
    (target: string, text: string) => {
      const block = parseBlock(text);
      if (!block) return false;
      const { cells, outside } = placeBlock(target, block);
      const values = new Map<string, Cell>();
      const nextDrafts = { ...draftsRef.current };
      let wrong = 0;
      for (const [t, raw] of cells) {
        const r = interpretCell(raw, CELLS.get(t)!.kind, { blankAsZero: true });
        values.set(t, r.value);
        if (r.error) {
          nextDrafts[t] = raw.trim();
          wrong++;
        } else delete nextDrafts[t];
      }
      apply({ drafts: nextDrafts, content: writeCells(contentRef.current, values) });
      setNotice(
        `已粘贴 ${cells.length - wrong} 个数值` +
          (wrong ? `，${wrong} 个不是有效数字，已标红待修改` : '') +
          (outside ? `，另有 ${outside} 个超出表格范围，未粘贴` : '') +
          '。',
      );
      return true;
    },
    [apply],
  );

  const updateContent = useCallback((update: (c: ReportContent) => ReportContent) => apply({ content: update(contentRef.current) }), [apply]);

  const fillZeros = useCallback(() => {
    const values = new Map<string, Cell>();
    for (const target of CELLS.keys()) {
      if (readCell(contentRef.current, target) == null && draftsRef.current[target] === undefined) values.set(target, 0);
    }
    apply({ content: writeCells(contentRef.current, values) });
    setNotice(`已把 ${values.size} 个空白的数字填为 0，请核对。`);
  }, [apply]);

  const state: EditorState = useMemo(
    () => ({ content, drafts, entryErrors, issuesByTarget, commentsByTarget, showGaps, year: report.year, body }),
    [content, drafts, entryErrors, issuesByTarget, commentsByTarget, showGaps, report.year, body],
  );
  const actions: EditorActions = useMemo(
    () => ({ setCellText, commitCell, pasteBlock, updateContent }),
    [setCellText, commitCell, pasteBlock, updateContent],
  );

  // ----- a copy left in this browser by a session that could not save -----
  useEffect(() => {
    const b = readBackup(report.id);
    if (!b) return;
    const same = JSON.stringify(b.content) === JSON.stringify(report.content) && JSON.stringify(b.explanations) === JSON.stringify(report.explanations);
    if (same) clearBackup(report.id);
    else setBackup(b);
    if (window.matchMedia('(max-width: 899px)').matches) setPanelOpen(false);
  }, [report.id, report.content, report.explanations]);

  // ----- submission -----
  const submit = async () => {
    setSubmitError(null);
    setSubmitStage('submitting');
    const saved = await saver.flush();
    if (!saved) {
      setSubmitStage('idle');
      setSubmitError('最新的修改还没有保存成功，请先处理上方的保存提示，再提交。');
      return;
    }
    try {
      await trpc.department.submit.mutate({ id: report.id, version: saver.version.current });
      clearBackup(report.id);
      setSubmitStage('done');
      router.refresh();
    } catch (err) {
      setSubmitStage('idle');
      const errors = errorAppData<{ errors?: CheckIssue[] }>(err)?.errors;
      if (errors?.length) {
        setShowGaps(true);
        setPanelOpen(true);
      }
      setSubmitError(errorMessage(err));
    }
  };

  const askSubmit = () => {
    setSubmitError(null);
    if (panelErrors.length > 0) {
      setShowGaps(true);
      setPanelOpen(true);
      setMode('edit');
      setSubmitError(`还有 ${panelErrors.length} 处需要修改，改好后才能提交审核。请看“校验结果”，点击每一条可以直接跳到要改的地方。`);
      requestAnimationFrame(() => document.getElementById('check-panel')?.focus());
      return;
    }
    setSubmitStage('confirm');
  };

  const goTo = (target: string) => {
    setMode('edit');
    requestAnimationFrame(() => focusTarget(target));
  };

  const errorsCount = panelErrors.length;
  const busy = submitStage === 'submitting' || submitStage === 'done';

  return (
    <EditorActionsContext.Provider value={actions}>
    <EditorStateContext.Provider value={state}>
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
            <button type="button" className="btn" onClick={askSubmit} disabled={busy}>
              提交审核
            </button>
          </div>
          <button
            type="button"
            className={`bar-check linklike ${errorsCount ? 'bad' : 'good'}`}
            onClick={() => {
              setPanelOpen(true);
              setMode('edit');
              requestAnimationFrame(() => document.getElementById('check-panel')?.focus());
            }}
          >
            {errorsCount ? `${errorsCount} 处需要修改` : '没有错误'}
            {check.warnings.length ? ` · ${check.warnings.length} 处提醒` : ''}
          </button>
        </div>

        <div className="editor-alerts">
          {saver.state === 'conflict' && (
            <div className="alert error" role="alert">
              <p>{saver.message}</p>
              <div className="actions">
                <button
                  type="button"
                  className="btn secondary"
                  onClick={() => {
                    if (window.confirm('载入别处保存的最新内容后，本页尚未保存的修改将丢失。确定吗？')) saver.discardAndReload();
                  }}
                >
                  载入最新内容（放弃本页修改）
                </button>
                <button
                  type="button"
                  className="btn secondary"
                  onClick={() => {
                    if (window.confirm('将用本页内容覆盖别处保存的版本。确定吗？')) void saver.overwrite();
                  }}
                >
                  用本页内容覆盖保存
                </button>
              </div>
            </div>
          )}
          {(saver.state === 'offline' || saver.state === 'failed' || saver.state === 'invalid') && saver.message && (
            <p className={`alert ${saver.state === 'offline' ? 'warn' : 'error'}`} role="alert">
              {saver.message}
            </p>
          )}
          {backup && (
            <div className="alert warn" role="alert">
              <p>
                本机保存有一份 {new Date(backup.at).toLocaleString('zh-CN', { hour12: false })} 未能保存到服务器的内容。要恢复它吗？
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="btn secondary"
                  onClick={() => {
                    apply({ content: backup.content, explanations: backup.explanations, drafts: {} });
                    setBackup(null);
                  }}
                >
                  恢复这份内容
                </button>
                <button
                  type="button"
                  className="btn secondary"
                  onClick={() => {
                    clearBackup(report.id);
                    setBackup(null);
                  }}
                >
                  不恢复
                </button>
              </div>
            </div>
          )}
          {report.status === 'returned' && data.comments.length > 0 && (
            <section className="alert returned" aria-labelledby="returned-title">
              <h2 id="returned-title">数据局退回了这份报告，请按审核意见修改后重新提交审核</h2>
              <ul>
                {data.comments.map((c) => (
                  <li key={c.id}>
                    <button type="button" className="linklike" onClick={() => goTo(c.target)}>
                      {targetLabel(c.target)}
                    </button>
                    ：{c.body}
                    {c.userName ? <span className="muted small">（{c.userName}）</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {report.version === 1 && data.previous && (
            <p className="alert ok small">
              已按{data.previous.year}年报告预填“二、上年结转政府信息公开申请数量”（各列取上年“四、结转下年度继续办理”）、现行有效件数和联系方式，请核对。
            </p>
          )}
          {notice && (
            <p className="alert ok small" role="status">
              {notice}{' '}
              <button type="button" className="linklike" onClick={() => setNotice(null)}>
                知道了
              </button>
            </p>
          )}
          {submitStage === 'confirm' && (
            <div className="alert confirm" role="alertdialog" aria-labelledby="confirm-title">
              <p id="confirm-title">
                <strong>确认提交审核？</strong>提交后报告进入数据局审核，本部门不能再修改；审核开始前可以撤回。
                {check.warnings.length > 0 && `本报告有 ${check.warnings.length} 处提醒，审核人会看到您填写的说明。`}
              </p>
              <div className="actions">
                <button type="button" className="btn" onClick={() => void submit()}>
                  确认提交
                </button>
                <button type="button" className="btn secondary" onClick={() => setSubmitStage('idle')}>
                  取消
                </button>
              </div>
            </div>
          )}
          {submitStage === 'submitting' && <p className="alert ok" role="status">正在提交…</p>}
          {submitStage === 'done' && <p className="alert ok" role="status">已提交审核。</p>}
          {submitError && (
            <p className="alert error" role="alert">
              {submitError}
            </p>
          )}
        </div>

        {mode === 'preview' ? (
          <div className="card">
            <ReportView body={body} year={report.year} content={content} />
          </div>
        ) : (
          <div className="editor-layout">
            <div className="editor-main">
              <section id="sec-front" className="card" aria-labelledby="h-front">
                <h2 id="h-front">基本信息</h2>
                <dl className="facts">
                  <div>
                    <dt>报告主体</dt>
                    <dd>{body}</dd>
                  </div>
                  <div>
                    <dt>报告年度</dt>
                    <dd>{report.year}年</dd>
                  </div>
                  <div>
                    <dt>统计期限</dt>
                    <dd>
                      {report.year}年1月1日至{report.year}年12月31日
                    </dd>
                  </div>
                </dl>
                <h3>联系方式</h3>
                <ContactFields />
                <TextSection target="text.opening" label="报告开头说明" hint="标准文字写明依据、统计期限和联系方式；修改联系方式时会随之更新。" rows={4} />
                <button
                  type="button"
                  className="linklike small"
                  onClick={() => updateContent((c) => ({ ...c, opening: standardOpening({ year: report.year, body, contact: c.contact }) }))}
                >
                  恢复为标准开头说明
                </button>
              </section>

              <section id="sec-overview" className="card" aria-labelledby="h-overview">
                <h2 id="h-overview">{SECTION_HEADINGS.overview}</h2>
                <TextSection target="text.overview.lead" label="导语（选填）" rows={2} />
                {OVERVIEW_PARTS.map((part) => (
                  <TextSection key={part.key} target={`text.overview.${part.key}`} label={part.label} />
                ))}
              </section>

              <ExcelImport
                reportId={report.id}
                year={report.year}
                version={() => saver.version.current}
                beforeUpload={() => saver.flush()}
                onImported={(result) => {
                  const next = { content: result.content, explanations: explRef.current };
                  contentRef.current = result.content;
                  setContent(result.content);
                  draftsRef.current = {};
                  setDrafts({});
                  saver.adopt(result.version, next);
                }}
              />

              <section id="sec-proactive" className="card" aria-labelledby="h-proactive">
                <h2 id="h-proactive">{SECTION_HEADINGS.proactive}</h2>
                <p className="muted small hint">件数填整数；收费金额单位为万元，最多 4 位小数（如 18.8710）。没有发生的填 0。</p>
                <ProactiveTables />
              </section>

              <section id="sec-requests" className="card" aria-labelledby="h-requests">
                <h2 id="h-requests">{SECTION_HEADINGS.requests}</h2>
                <p className="muted small hint">
                  总计、（七）总计自动计算。Tab 或回车到下一格，方向键在格间移动；可从 Excel 或 WPS 复制一整块数字，在起始格粘贴。
                </p>
                <RequestTable />
              </section>

              <section id="sec-reviews" className="card" aria-labelledby="h-reviews">
                <h2 id="h-reviews">{SECTION_HEADINGS.reviews}</h2>
                <p className="muted small hint">每组的总计自动计算。</p>
                <ReviewTable />
              </section>

              <section id="sec-problems" className="card" aria-labelledby="h-problems">
                <h2 id="h-problems">{SECTION_HEADINGS.problems}</h2>
                <TextSection target="text.problems" label={SECTION_HEADINGS.problems} labelHidden />
              </section>

              <section id="sec-other" className="card" aria-labelledby="h-other">
                <h2 id="h-other">{SECTION_HEADINGS.other}</h2>
                <TextSection
                  target="text.other"
                  label={SECTION_HEADINGS.other}
                  labelHidden
                  hint="按惯例写明收取信息处理费的情况（发出收费通知的件数、金额），以及政务公开工作要点落实、人大代表建议和政协提案办理结果公开等情况。"
                />
              </section>
            </div>

            <aside className="editor-side" aria-label="目录和校验结果">
              <nav aria-label="目录" className="toc">
                <ul>
                  {SECTIONS.map((s) => (
                    <li key={s.id}>
                      <a
                        href={`#${s.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          document.getElementById(s.id)?.scrollIntoView({ block: 'start' });
                        }}
                      >
                        {s.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <CheckPanel
                errors={panelErrors}
                warnings={check.warnings}
                explanations={explanations}
                onExplain={(key, text) => apply({ explanations: { ...explRef.current, [key]: text } })}
                onFillZeros={fillZeros}
                onShowGaps={() => setShowGaps(true)}
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
