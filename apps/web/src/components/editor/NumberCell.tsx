'use client';
import { readInput } from '@ccgov/report';
import { memo, type KeyboardEvent } from 'react';
import { CELLS, formatCellValue, interpretCell, neighbour } from './cells';
import { useEditorActions, visibleIssues, type EditorState } from './EditorContext';

/** Move focus to the form element of a checker target (a cell, a computed total, a text box). */
export function focusTarget(target: string): boolean {
  let selector = `[data-target="${CSS.escape(target)}"]`;
  // A whole column of table 三 (rule 4): go to its 四、结转下年度继续办理 cell, the usual culprit.
  const col = /^requests\.col\.(\w+)$/.exec(target);
  if (col) selector = `[data-target="requests.carriedOver.${col[1]}"]`;
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return false;
  // Centred, so the sticky bar above the form never hides it.
  el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  el.focus({ preventScroll: true });
  if (el instanceof HTMLInputElement) el.select();
  return true;
}

/** Tab and Enter follow reading order; this is Enter's version of it. */
function focusInReadingOrder(from: HTMLElement, step: 1 | -1) {
  const all = [...document.querySelectorAll<HTMLInputElement>('input[data-cell]')];
  const next = all[all.indexOf(from as HTMLInputElement) + step];
  if (next) {
    next.focus();
    next.select();
  }
}

function cellClass(s: EditorState, target: string, extra = ''): string {
  const issues = visibleIssues(s, target);
  const col = /^requests\.(\w+)\.(\w+)$/.exec(target);
  const colIssues = col && col[1] !== 'col' ? visibleIssues(s, `requests.col.${col[2]}`) : [];
  const classes = ['num', 'cell', extra];
  if (s.entryErrors[target] || issues.some((i) => i.severity === 'error')) classes.push('has-error');
  else if (colIssues.some((i) => i.severity === 'error')) classes.push('col-error');
  else if (issues.length > 0) classes.push('has-warning');
  if (s.cellComments.has(target)) classes.push('has-comment');
  return classes.filter(Boolean).join(' ');
}

type CellView = { text: string; className: string; invalid: boolean; entryError: string | undefined };

/** Everything a cell shows, as plain values, so an unchanged cell skips re-rendering. */
export function cellView(s: EditorState, target: string): CellView {
  const draft = s.drafts[target];
  // At the cell only the reason is shown; lists elsewhere also quote what was typed.
  const entryError = s.entryErrors[target] && draft !== undefined ? (interpretCell(draft, CELLS.get(target)!.kind).error ?? undefined) : undefined;
  return {
    text: s.drafts[target] ?? formatCellValue(readInput(s.content, target)),
    className: cellClass(s, target),
    invalid: Boolean(entryError) || visibleIssues(s, target).some((i) => i.severity === 'error'),
    entryError,
  };
}

export function computedClass(s: EditorState, target: string): string {
  return cellClass(s, target, 'computed');
}

export const NumberCell = memo(function NumberCell({ target, colSpan, text, className, invalid, entryError }: { target: string; colSpan?: number } & CellView) {
  const actions = useEditorActions();
  const info = CELLS.get(target)!;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    const len = el.value.length;
    const start = el.selectionStart ?? 0;
    const end = el.selectionEnd ?? 0;
    const allSelected = start === 0 && end === len;
    const go = (to: string | null) => {
      e.preventDefault();
      actions.commitCell(target);
      if (to) focusTarget(to);
    };
    if (e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    switch (e.key) {
      case 'Enter':
        e.preventDefault();
        actions.commitCell(target);
        focusInReadingOrder(el, e.shiftKey ? -1 : 1);
        return;
      case 'ArrowUp':
        return go(neighbour(target, 'up'));
      case 'ArrowDown':
        return go(neighbour(target, 'down'));
      case 'ArrowLeft':
        if ((start === 0 && end === 0) || allSelected) go(neighbour(target, 'left'));
        return;
      case 'ArrowRight':
        if ((start === len && end === len) || allSelected) go(neighbour(target, 'right'));
        return;
    }
  };

  return (
    <td className={className} colSpan={colSpan}>
      <input
        type="text"
        inputMode={info.kind === 'amount' ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        data-cell=""
        data-target={target}
        aria-label={info.label}
        aria-invalid={invalid || undefined}
        title={entryError}
        value={text}
        onChange={(e) => actions.setCellText(target, e.target.value)}
        onBlur={() => actions.commitCell(target)}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          if (actions.pasteBlock(target, e.clipboardData.getData('text/plain'))) e.preventDefault();
        }}
      />
      {entryError && <span className="cell-error">{entryError}</span>}
    </td>
  );
});

/** A computed cell (总计): shown live, never typed, but focusable so the checker can point at it. */
export const ComputedCell = memo(function ComputedCell({
  target,
  label,
  value,
  className,
  colSpan,
}: {
  target: string;
  label: string;
  value: number | null;
  className: string;
  colSpan?: number;
}) {
  return (
    <td className={className} colSpan={colSpan}>
      <output data-target={target} tabIndex={-1} aria-label={label}>
        {value ?? ''}
      </output>
    </td>
  );
});
