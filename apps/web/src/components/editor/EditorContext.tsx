'use client';
import { createContext, useContext } from 'react';
import type { CheckIssue, ReportContent } from '@ccgov/report';

export type ReviewerComment = { id: number; target: string; body: string; userName: string | null };

/** Findings that only mean "not filled in yet": shown at their place once the clerk tries to submit. */
export const GAP_CODES = new Set(['value.missing', 'text.required', 'contact.missing']);

/** What is on screen; changes with every keystroke. */
export type EditorState = {
  content: ReportContent;
  /** Raw text of cells being typed in or holding something that is not a valid number. */
  drafts: Record<string, string>;
  entryErrors: Record<string, string>;
  issuesByTarget: Map<string, CheckIssue[]>;
  commentsByTarget: Map<string, ReviewerComment[]>;
  /** Comments shown at each number cell: its own, its row's, its column's, its 总计's. */
  cellComments: Map<string, ReviewerComment[]>;
  /** 本年度未收到政府信息公开申请 was just filled in (and can be undone). */
  noRequestsDone: NoRequestsDone | null;
  /** After a submit attempt every gap is marked too, not just the mistakes. */
  showGaps: boolean;
  year: number;
  body: string;
};

/** What the form can do; stable for the life of the editor, so cells need not re-render for it. */
export type EditorActions = {
  setCellText: (target: string, raw: string) => void;
  commitCell: (target: string) => void;
  pasteBlock: (target: string, text: string) => boolean;
  updateContent: (update: (c: ReportContent) => ReportContent) => void;
  fillNoRequests: (opts: { reviews: boolean; sentence: string | null; carriedIn: number }) => void;
  undoNoRequests: () => void;
};

export type NoRequestsDone = { reviews: boolean; sentence: boolean; carriedIn: number; cells: number };

export const EditorStateContext = createContext<EditorState | null>(null);
export const EditorActionsContext = createContext<EditorActions | null>(null);

export function useEditor(): EditorState {
  const s = useContext(EditorStateContext);
  if (!s) throw new Error('useEditor outside the report editor');
  return s;
}

export function useEditorActions(): EditorActions {
  const a = useContext(EditorActionsContext);
  if (!a) throw new Error('useEditorActions outside the report editor');
  return a;
}

/** The issues to mark at one place, gaps only once the clerk has tried to submit. */
export function visibleIssues(s: EditorState, target: string): CheckIssue[] {
  return (s.issuesByTarget.get(target) ?? []).filter((i) => s.showGaps || !GAP_CODES.has(i.code));
}
