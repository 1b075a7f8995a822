'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  FIGURE_BY_KEY,
  PROACTIVE_CELLS,
  commentCovers,
  figureValues,
  type FigureHistory,
  REQUEST_ROWS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  commentTargetLabel,
  proactiveTarget,
  ruleOf,
  requestRowTarget,
  reviewTarget,
  sectionCommentTargets,
} from '@ccgov/report';
import { CellPopover } from '@/components/CellPopover';
import { trpc } from '@/trpc/client';
import { ChangesList } from './ChangesList';
import { CrossBodyPanel, crossBodyCardId } from './CrossBodyPanel';
import { CommentsPanel } from './CommentsPanel';
import { HistoryList } from './HistoryList';
import { PreviousComparison } from './PreviousComparison';
import { ReviewActions } from './ReviewActions';
import { elementsForTarget, targetFromClick } from './targets';
import { formatNumber } from './format';
import type { CrossBody, PendingComment, ReviewDetail } from './types';
import styles from './review.module.css';

type Tab = 'report' | 'previous' | 'crossBody' | 'changes' | 'history';

const DECORATIONS = ['rv-changed', 'rv-answered', 'rv-unasked', 'rv-commented', 'rv-selected', 'rv-warning'];

/** A figure cell of the report (td[data-cell] holding a figure key). */
function figureCellOf(el: Element): { key: string; el: HTMLElement } | null {
  const td = el.closest<HTMLElement>('td[data-cell]');
  const key = td?.dataset.cell;
  return td && key && FIGURE_BY_KEY.has(key) ? { key, el: td } : null;
}

/** Every place a comment can go, for choosing by keyboard instead of clicking the report. */
const PLACE_GROUPS = [
  { label: '章节和表格', places: sectionCommentTargets() },
  { label: '二、单元格', places: PROACTIVE_CELLS.map((c) => proactiveTarget(c.path)) },
  { label: '三、整行（可再选列）', places: REQUEST_ROWS.map((r) => requestRowTarget(r.key)) },
  {
    label: '四、单元格',
    places: REVIEW_BLOCKS.flatMap((b) => [...REVIEW_RESULTS.map((r) => reviewTarget(b.key, r.key)), reviewTarget(b.key, 'total')]),
  },
].map((g) => ({ label: g.label, places: g.places.map((p) => (typeof p === 'string' ? { target: p, label: commentTargetLabel(p) } : p)) }));

const show = (v: number | string | null) => (typeof v === 'number' || v === null ? formatNumber(v) : v.length > 30 ? `${v.slice(0, 30)}…` : v);

/**
 * The bureau's reviewing screen around one report: actions and sign-offs on top, the report as the
 * public will read it (click any cell, row header or heading to comment on it), last year beside
 * it, what changed since the version sent back, the history, and the checker's warnings with the
 * department's 说明 in the side panel.
 */
export function ReviewScreen({ data, crossBody, children }: { data: ReviewDetail; crossBody?: CrossBody | null; children: React.ReactNode }) {
  // Comments travel with 退回修改 or 更正: only then is there someone to read them.
  const canComment = data.actions.includes('return') || data.actions.includes('reopen');
  const [tab, setTab] = useState<Tab>('report');
  const [selected, setSelected] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingComment[]>([]);
  const docRef = useRef<HTMLDivElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const storageKey = `ccgov.review.${data.report.id}.${data.reviewVersion ?? 0}`;

  // Comments not yet sent survive a reload of the page (they go to the department with 退回修改).
  useEffect(() => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]') as PendingComment[];
      if (Array.isArray(saved)) setPending(saved.filter((c) => c && typeof c.target === 'string' && typeof c.body === 'string'));
    } catch {
      /* nothing saved */
    }
  }, [storageKey]);
  const savePending = useCallback(
    (next: PendingComment[]) => {
      setPending(next);
      try {
        if (next.length) window.localStorage.setItem(storageKey, JSON.stringify(next));
        else window.localStorage.removeItem(storageKey);
      } catch {
        /* storage full or disabled: the comments stay on the page */
      }
    },
    [storageKey],
  );

  const lastRound = useMemo(() => Math.max(0, ...data.comments.map((c) => c.version)), [data.comments]);
  const roundComments = useMemo(() => data.comments.filter((c) => c.version === lastRound), [data.comments, lastRound]);
  // The checker's warnings, then 雷同 with other bodies (R14), computed for the reviewer only.
  const crossFindings = crossBody?.findings;
  const warnings = useMemo(() => [...data.check.warnings, ...(crossFindings ?? []).map((f) => f.issue)], [data.check.warnings, crossFindings]);
  const crossKeys = useMemo(() => new Set((crossFindings ?? []).map((f) => f.issue.key)), [crossFindings]);

  // Mark the report's cells and headings: changed since the version sent back, commented, warned, selected.
  useEffect(() => {
    const root = docRef.current;
    if (!root) return;
    const marked: Element[] = [];
    const mark = (target: string, cls: string, title?: string) => {
      for (const el of elementsForTarget(root, target)) {
        el.classList.add(cls);
        if (title) el.setAttribute('title', el.getAttribute('title') ? `${el.getAttribute('title')}\n${title}` : title);
        marked.push(el);
      }
    };
    for (const w of warnings) mark(w.target, 'rv-warning', `检查提示：${w.message}`);
    for (const c of data.changes ?? []) {
      const why = c.answersComment ? '按意见修改' : '未经要求的修改';
      mark(c.target, 'rv-changed', c.kind === 'cell' ? `${why}：原为 ${show(c.before)}` : `本节内容已修改（${why}）`);
      mark(c.target, c.answersComment ? 'rv-answered' : 'rv-unasked');
    }
    for (const c of [...roundComments, ...pending]) mark(c.target, 'rv-commented', `意见：${c.body}`);
    if (selected) mark(selected, 'rv-selected');
    return () => {
      for (const el of marked) {
        el.classList.remove(...DECORATIONS);
        el.removeAttribute('title');
      }
    };
  }, [warnings, data.changes, roundComments, pending, selected]);

  // Every figure cell can take focus: its history (and a comment on it) shows beside it, and
  // Enter chooses it for a comment, as a click does.
  useEffect(() => {
    const root = docRef.current;
    if (!root) return;
    const cells = [...root.querySelectorAll<HTMLElement>('td[data-cell]')].filter((td) => FIGURE_BY_KEY.has(td.dataset.cell ?? ''));
    for (const td of cells) td.tabIndex = 0;
    return () => {
      for (const td of cells) td.removeAttribute('tabindex');
    };
  }, []);

  const [history, setHistory] = useState<FigureHistory | null>(null);
  useEffect(() => {
    let live = true;
    trpc.figures.history.query({ id: data.report.id }).then(
      (h) => live && setHistory(h),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [data.report.id]);
  const values = useMemo(() => figureValues(data.report.content), [data.report.content]);
  const currentValue = useCallback((key: string) => values[key] ?? null, [values]);
  const commentsAt = useCallback(
    (key: string) =>
      [...roundComments, ...pending]
        .filter((c) => !c.target.startsWith('table.') && commentCovers(c.target, key))
        .map((c) => c.body),
    [roundComments, pending],
  );

  const select = useCallback((target: string, opts: { scroll?: boolean } = {}) => {
    setSelected(target);
    setTab('report');
    if (opts.scroll) {
      requestAnimationFrame(() => {
        const el = docRef.current ? elementsForTarget(docRef.current, target)[0] : undefined;
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      });
    }
  }, []);

  function onReportKeyDown(e: React.KeyboardEvent) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const cell = figureCellOf(e.target as Element);
    if (!canComment || !cell || cell.el !== e.target) return;
    e.preventDefault();
    setSelected(cell.key);
    requestAnimationFrame(() => composerRef.current?.focus());
  }

  function onReportClick(e: React.MouseEvent) {
    if (!canComment || !docRef.current) return;
    const target = targetFromClick(e.target as Element, docRef.current);
    if (!target) return;
    setSelected(target);
    requestAnimationFrame(() => composerRef.current?.focus());
  }

  const showCross = useCallback((target: string) => {
    setTab('crossBody');
    requestAnimationFrame(() => {
      const card = document.getElementById(crossBodyCardId(target));
      card?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      card?.focus({ preventScroll: true });
    });
  }, []);

  const tabs: { key: Tab; label: string; count?: number }[] = [
    { key: 'report', label: '报告' },
    { key: 'previous', label: '与上年对比', count: data.comparison.filter((c) => c.largeSwing).length || undefined },
    ...(crossBody ? [{ key: 'crossBody' as const, label: '同年雷同', count: crossBody.findings.length || undefined }] : []),
    ...(data.changes ? [{ key: 'changes' as const, label: '修改对比', count: data.changes.length }] : []),
    { key: 'history', label: '历史', count: data.events.length },
  ];

  return (
    <>
      <ReviewActions data={data} pending={pending} onReturned={() => savePending([])} onOpen={() => setSelected(null)} />
      {data.changes && (
        <p className="alert warn" role="note">
          本报告于{data.sentBack?.action === 'reopen' ? '更正' : '退回修改'}后重新提交，与退回时的版本相比共有 {data.changes.length} 处修改：
          按意见修改 {data.changes.filter((c) => c.answersComment).length} 处（绿色），未经要求的修改 {data.changes.filter((c) => !c.answersComment).length} 处（黄色），已在报告中标出。
          <button type="button" className="linklike" onClick={() => setTab('changes')}>查看修改对比</button>
        </p>
      )}
      <div className={styles.layout}>
        <div className={styles.main}>
          <div className={styles.tabs} role="tablist" aria-label="审阅内容">
            {tabs.map((t) => (
              <button
                key={t.key}
                type="button"
                role="tab"
                id={`tab-${t.key}`}
                aria-selected={tab === t.key}
                aria-controls={`panel-${t.key}`}
                className={styles.tab}
                onClick={() => setTab(t.key)}
              >
                {t.label}
                {t.count != null && <span className={styles.count}>{t.count}</span>}
              </button>
            ))}
          </div>

          <div role="tabpanel" id="panel-report" aria-labelledby="tab-report" hidden={tab !== 'report'} className="card">
            <p className={styles.legend}>
              {data.changes && (
                <>
                  <span><span className={`${styles.swatch} ${styles.swatchAnswered}`} />✓ 按意见修改</span>
                  <span><span className={`${styles.swatch} ${styles.swatchChanged}`} />! 未经要求的修改</span>
                </>
              )}
              <span><span className={`${styles.swatch} ${styles.swatchComment}`} />有意见</span>
              <span><span className={`${styles.swatch} ${styles.swatchWarning}`} />检查提示</span>
              {canComment && <span>点击单元格、行标题或章节标题（或用 Tab 到单元格后按回车），可对其提出意见</span>}
              {history && history.years.length > 0 && <span>单元格获得焦点或鼠标停留时显示往年数值</span>}
            </p>
            {/* Clicking is a shortcut; 意见位置 in 审核意见 reaches every place by keyboard. */}
            <div ref={docRef} className={`${styles.doc} ${canComment ? styles.commentable : ''}`} onClick={onReportClick} onKeyDown={onReportKeyDown}>
              {children}
            </div>
            <CellPopover root={docRef} keyOf={figureCellOf} history={history} current={currentValue} comments={commentsAt} />
          </div>

          <div role="tabpanel" id="panel-previous" aria-labelledby="tab-previous" hidden={tab !== 'previous'} className="card">
            <PreviousComparison rows={data.comparison} year={data.report.year} previousYear={data.previousYear} onLocate={(t) => select(t, { scroll: true })} />
          </div>

          {crossBody && (
            <div role="tabpanel" id="panel-crossBody" aria-labelledby="tab-crossBody" hidden={tab !== 'crossBody'} className="card">
              <CrossBodyPanel data={crossBody} body={data.department.name} />
            </div>
          )}

          {data.changes && (
            <div role="tabpanel" id="panel-changes" aria-labelledby="tab-changes" hidden={tab !== 'changes'} className="card">
              <ChangesList changes={data.changes} sentBack={data.sentBack} onLocate={(t) => select(t, { scroll: true })} />
            </div>
          )}

          <div role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={tab !== 'history'} className="card">
            <HistoryList events={data.events} />
          </div>
        </div>

        <aside className={`${styles.aside} card`} aria-label="审核意见和检查提示">
          <CommentsPanel
            canComment={canComment}
            selected={selected}
            floating={tab === 'report'}
            groups={PLACE_GROUPS}
            onSelect={(t) => setSelected(t)}
            onLocate={(t) => select(t, { scroll: true })}
            onClear={() => setSelected(null)}
            pending={pending}
            onAdd={(body) => {
              if (!selected) return;
              savePending([...pending, { key: `${Date.now()}-${pending.length}`, target: selected, label: commentTargetLabel(selected), body }]);
              setSelected(null);
            }}
            onRemove={(key) => savePending(pending.filter((c) => c.key !== key))}
            composerRef={composerRef}
            roundComments={roundComments}
            earlierComments={data.comments.filter((c) => c.version !== lastRound)}
          />
          <section aria-labelledby="checks-title">
            <h2 id="checks-title">检查提示（{warnings.length}）</h2>
            <p className={styles.hint} data-testid="ruleset-line">
              {data.submitReceipt
                ? `提交时按规则版本 ${data.submitReceipt.rulesetVersion} 校验：${data.submitReceipt.checkErrors} 个错误，${data.submitReceipt.checkWarnings} 个提示（回执 ${data.submitReceipt.receiptNo}，第 ${data.submitReceipt.version} 版）。`
                : '未找到提交回执（提交时的规则版本未记录）。'}
              {!data.submitReceipt || data.submitReceipt.rulesetVersion !== data.rulesetVersion ? `以下按现行规则版本 ${data.rulesetVersion} 检查。` : ''}
            </p>
            {warnings.length === 0 ? (
              <p className={styles.hint}>检查未发现需要注意的问题。</p>
            ) : (
              <ul className={styles.items}>
                {warnings.map((w) => (
                  <li key={w.key}>
                    <button type="button" className={styles.whereButton} onClick={() => select(w.target, { scroll: true })}>
                      {commentTargetLabel(w.target)}
                    </button>
                    <div className={styles.body}>{w.message}</div>
                    {crossKeys.has(w.key) ? (
                      <button type="button" className={`btn secondary ${styles.smallBtn}`} onClick={() => showCross(w.target)}>
                        并排查看
                      </button>
                    ) : (
                    <div className={styles.explanation}>
                      {data.explainRequired.includes(ruleOf(w.rule)?.id ?? '') && <strong className={styles.explainTag}>需说明</strong>}
                      {data.explanations[w.key]?.trim() ? (
                        <>
                          <strong>部门说明：</strong>
                          <span className={styles.body}>{data.explanations[w.key]}</span>
                        </>
                      ) : (
                        <span className="muted">部门未作说明</span>
                      )}
                    </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
