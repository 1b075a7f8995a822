'use client';
/**
 * The report being edited: what is on screen (content, 说明, cells being typed), saved by itself
 * (useDraftSaver), the copy a session that could not save left in this browser, and the live
 * check — the browser runs the server's checkReport on what is on screen.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  checkReport,
  commentCovers,
  fillNoRequests,
  targetLabel,
  undoNoRequests,
  type Cell,
  type CheckIssue,
  type NoRequestsUndo,
  type ReportContent,
  type ReportStatus,
  type SensitiveWord,
  readInput,
  writeInputs,
} from '@ccgov/report';
import type { ExcelImportResult } from '@/components/excel/ExcelImport';
import { CELLS, interpretCell, parseBlock, placeBlock } from './cells';
import type { PanelError } from './CheckPanel';
import type { EditorActions, EditorState, NoRequestsDone, ReviewerComment } from './EditorContext';
import { clearBackup, readBackup, useDraftSaver } from './useDraftSaver';

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
  /** Rule ids the admin set to 需说明: their warnings need a 说明 before 提交审核. */
  explainRequired?: string[];
};

export type Backup = NonNullable<ReturnType<typeof readBackup>>;

type Change = { content?: ReportContent; explanations?: Record<string, string>; drafts?: Record<string, string> };

export function useReportDraft(data: EditorData) {
  const { report, departmentName: body } = data;

  const [content, setContent] = useState(report.content);
  const [explanations, setExplanations] = useState(report.explanations);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const contentRef = useRef(content);
  const explRef = useRef(explanations);
  const draftsRef = useRef(drafts);

  const [showGaps, setShowGaps] = useState(false);
  const [panelOpen, setPanelOpen] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [backup, setBackup] = useState<Backup | null>(null);

  const saver = useDraftSaver({ reportId: report.id, initialVersion: report.version, draft: { content, explanations } });

  const apply = useCallback(
    (next: Change) => {
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

  /** The comments shown at a cell: on the cell itself, its row, column or the 总计 it adds to (not whole tables). */
  const cellComments = useMemo(() => {
    const map = new Map<string, ReviewerComment[]>();
    const atCells = data.comments.filter((c) => !c.target.startsWith('table.') && !c.target.startsWith('text.') && !c.target.startsWith('contact.'));
    if (atCells.length === 0) return map;
    for (const target of CELLS.keys()) {
      const hits = atCells.filter((c) => commentCovers(c.target, target));
      if (hits.length) map.set(target, hits);
    }
    for (const c of atCells) if (!map.has(c.target)) map.set(c.target, [c]);
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
      const changedValue = readInput(contentRef.current, target) !== value;
      apply({
        drafts: { ...draftsRef.current, [target]: raw },
        content: changedValue ? writeInputs(contentRef.current, new Map([[target, value]])) : undefined,
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
      apply({ drafts: nextDrafts, content: writeInputs(contentRef.current, values) });
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
      if (readInput(contentRef.current, target) == null && draftsRef.current[target] === undefined) values.set(target, 0);
    }
    apply({ content: writeInputs(contentRef.current, values) });
    setNotice(`已把 ${values.size} 个空白的数字填为 0，请核对。`);
  }, [apply]);

  // ----- 本年度未收到政府信息公开申请: one fill, one undo -----
  type NoRequestsFilled = NoRequestsDone & { undo: NoRequestsUndo; drafts: Record<string, string> };
  const [noRequests, setNoRequests] = useState<NoRequestsFilled | null>(null);
  const noRequestsRef = useRef<NoRequestsFilled | null>(null);

  const fillNoRequestsNow = useCallback(
    (opts: { reviews: boolean; sentence: string | null; carriedIn: number }) => {
      const fill = fillNoRequests(contentRef.current, { reviews: opts.reviews, sentence: opts.sentence });
      // Cells still being typed in get the 0 too; what they held comes back with the undo.
      const touched = new Set(fill.undo.cells.map(([k]) => k));
      const keptDrafts: Record<string, string> = {};
      const nextDrafts: Record<string, string> = {};
      for (const [k, v] of Object.entries(draftsRef.current)) (touched.has(k) ? keptDrafts : nextDrafts)[k] = v;
      apply({ content: fill.content, drafts: nextDrafts });
      const filled = { undo: fill.undo, drafts: keptDrafts, reviews: opts.reviews, sentence: opts.sentence != null, carriedIn: opts.carriedIn, cells: fill.undo.cells.length };
      noRequestsRef.current = filled;
      setNoRequests(filled);
    },
    [apply],
  );

  const undoNoRequestsNow = useCallback(() => {
    const done = noRequestsRef.current;
    if (!done) return;
    apply({ content: undoNoRequests(contentRef.current, done.undo), drafts: { ...draftsRef.current, ...done.drafts } });
    noRequestsRef.current = null;
    setNoRequests(null);
  }, [apply]);

  const explain = useCallback((key: string, text: string) => apply({ explanations: { ...explRef.current, [key]: text } }), [apply]);

  /** An uploaded Excel file replaced the figures on the server: take them and the new version. */
  const adoptImported = useCallback(
    (result: ExcelImportResult) => {
      const next = { content: result.content, explanations: explRef.current };
      contentRef.current = result.content;
      setContent(result.content);
      draftsRef.current = {};
      setDrafts({});
      // The upload replaced the tables: an earlier 本年度未收到申请 fill can no longer be undone.
      noRequestsRef.current = null;
      setNoRequests(null);
      saver.adopt(result.version, next);
    },
    [saver.adopt],
  );

  const noRequestsDone: NoRequestsDone | null = useMemo(
    () => (noRequests ? { reviews: noRequests.reviews, sentence: noRequests.sentence, carriedIn: noRequests.carriedIn, cells: noRequests.cells } : null),
    [noRequests],
  );
  const state: EditorState = useMemo(
    () => ({ content, drafts, entryErrors, issuesByTarget, commentsByTarget, cellComments, showGaps, year: report.year, body, noRequestsDone }),
    [content, drafts, entryErrors, issuesByTarget, commentsByTarget, cellComments, showGaps, report.year, body, noRequestsDone],
  );
  const actions: EditorActions = useMemo(
    () => ({ setCellText, commitCell, pasteBlock, updateContent, fillNoRequests: fillNoRequestsNow, undoNoRequests: undoNoRequestsNow }),
    [setCellText, commitCell, pasteBlock, updateContent, fillNoRequestsNow, undoNoRequestsNow],
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

  const restoreBackup = useCallback(() => {
    if (!backup) return;
    apply({ content: backup.content, explanations: backup.explanations, drafts: {} });
    noRequestsRef.current = null;
    setNoRequests(null);
    setBackup(null);
  }, [apply, backup]);

  const discardBackup = useCallback(() => {
    clearBackup(report.id);
    setBackup(null);
  }, [report.id]);

  return {
    content,
    explanations,
    check,
    panelErrors,
    state,
    actions,
    saver,
    fillZeros,
    explain,
    adoptImported,
    showGaps,
    setShowGaps,
    panelOpen,
    setPanelOpen,
    notice,
    setNotice,
    backup,
    restoreBackup,
    discardBackup,
  };
}

export type ReportDraft = ReturnType<typeof useReportDraft>;
