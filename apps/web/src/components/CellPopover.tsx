'use client';
/**
 * The small note beside a figure cell while it has focus (or the pointer): the figure's values in
 * the body's previous years ("2022 12 · 2023 15 · 2024 14 · 本年 80 ↑") with a sparkline, and any
 * reviewer's comment at the cell. One note per screen, placed next to the active cell: it never
 * takes focus, lets clicks through, and is the cell's aria-describedby while shown, so a screen
 * reader reads it after the cell's name. Used by the editor and the review screen.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { FIGURE_BY_KEY, formatFigure, historyJump, type FigureHistory } from '@ccgov/report';
import './cell-popover.css';

export const CELL_POPOVER_ID = 'cell-popover';

type Props = {
  /** The element holding the cells. */
  root: RefObject<HTMLElement | null>;
  /** The figure key of a cell element (or one inside it), null for anything else. */
  keyOf: (el: Element) => { key: string; el: HTMLElement } | null;
  history: FigureHistory | null;
  /** This year's value as on screen. */
  current: (key: string) => number | null;
  /** Reviewer comments shown at the cell. */
  comments?: (key: string) => string[];
  /** Space kept clear at the top of the window (a sticky bar), in px. */
  topInset?: () => number;
};

type Active = { key: string; el: HTMLElement; by: 'focus' | 'hover' };

function Sparkline({ values }: { values: (number | null)[] }) {
  const nums = values.map((v) => v ?? 0);
  if (nums.length < 2) return null;
  const max = Math.max(1, ...nums);
  const w = 84;
  const h = 22;
  const step = w / (nums.length - 1);
  const y = (v: number) => h - 2 - (v / max) * (h - 4);
  const points = nums.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = nums.length - 1;
  return (
    <svg className="cell-pop-spark" width={w} height={h} viewBox={`-2 0 ${w + 4} ${h}`} aria-hidden="true" focusable="false">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={last * step} cy={y(nums[last]!)} r="2.5" />
    </svg>
  );
}

export function CellPopover({ root, keyOf, history, current, comments, topInset }: Props) {
  const [active, setActive] = useState<Active | null>(null);
  const popRef = useRef<HTMLDivElement>(null);
  const activeRef = useRef<Active | null>(null);
  const keyOfRef = useRef(keyOf);
  keyOfRef.current = keyOf;

  const described = useRef<{ el: HTMLElement; before: string | null } | null>(null);
  const undescribe = () => {
    const d = described.current;
    if (!d) return;
    if (d.before == null) d.el.removeAttribute('aria-describedby');
    else d.el.setAttribute('aria-describedby', d.before);
    described.current = null;
  };

  const show = useCallback((next: Active | null, sync: boolean) => {
    const prev = activeRef.current;
    if (prev?.el === next?.el && prev?.key === next?.key && prev?.by === next?.by) return;
    activeRef.current = next;
    // Focus: render at once, so the description exists when the screen reader reads the cell.
    if (sync) flushSync(() => setActive(next));
    else setActive(next);
  }, []);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onFocusIn = (e: FocusEvent) => {
      const hit = e.target instanceof Element ? keyOfRef.current(e.target) : null;
      show(hit ? { ...hit, by: 'focus' } : null, true);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (activeRef.current?.by !== 'focus') return;
      const to = e.relatedTarget instanceof Element ? keyOfRef.current(e.relatedTarget) : null;
      if (!to) show(null, false);
    };
    const onOver = (e: MouseEvent) => {
      if (activeRef.current?.by === 'focus') return;
      const hit = e.target instanceof Element ? keyOfRef.current(e.target) : null;
      show(hit ? { ...hit, by: 'hover' } : null, false);
    };
    const onLeave = () => {
      if (activeRef.current?.by === 'hover') show(null, false);
    };
    el.addEventListener('focusin', onFocusIn);
    el.addEventListener('focusout', onFocusOut);
    el.addEventListener('mouseover', onOver);
    el.addEventListener('mouseleave', onLeave);
    return () => {
      el.removeEventListener('focusin', onFocusIn);
      el.removeEventListener('focusout', onFocusOut);
      el.removeEventListener('mouseover', onOver);
      el.removeEventListener('mouseleave', onLeave);
    };
  }, [root, show]);

  const years = history?.years ?? [];
  const past = active ? (history?.byFigure[active.key] ?? []) : [];
  const notes = active && comments ? comments(active.key) : [];
  const visible = active != null && (years.length > 0 || notes.length > 0);

  // While shown, the note describes its cell.
  useLayoutEffect(() => {
    undescribe();
    if (!visible || !active) return;
    const before = active.el.getAttribute('aria-describedby');
    const ids = new Set((before ?? '').split(/\s+/).filter(Boolean));
    ids.add(CELL_POPOVER_ID);
    active.el.setAttribute('aria-describedby', [...ids].join(' '));
    described.current = { el: active.el, before };
    return undescribe;
  }, [visible, active]);

  // Beside the cell: above it (what follows stays visible while typing), below when the bar is in the way.
  const place = useCallback(() => {
    const a = activeRef.current;
    const pop = popRef.current;
    if (!a || !pop) return;
    const r = a.el.getBoundingClientRect();
    const inset = topInset?.() ?? 0;
    const h = pop.offsetHeight;
    const w = pop.offsetWidth;
    let top = r.top - h - 6;
    if (top < inset + 4) top = r.bottom + 6;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    pop.style.top = `${Math.round(top)}px`;
    pop.style.left = `${Math.round(left)}px`;
  }, [topInset]);

  useLayoutEffect(() => {
    if (!visible) return;
    place();
    let frame = 0;
    const again = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    window.addEventListener('scroll', again, true);
    window.addEventListener('resize', again);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', again, true);
      window.removeEventListener('resize', again);
    };
  }, [visible, active, place]);

  if (!visible || !active) return <div id={CELL_POPOVER_ID} hidden />;
  const kind = FIGURE_BY_KEY.get(active.key)?.kind ?? 'count';
  const now = current(active.key);
  const jump = historyJump(past.at(-1), now);
  return (
    <div id={CELL_POPOVER_ID} ref={popRef} className="cell-pop" role="tooltip" data-figure={active.key}>
      {notes.map((text, i) => (
        <p key={i} className="cell-pop-comment">
          <strong>审核意见：</strong>
          {text}
        </p>
      ))}
      {years.length > 0 && (
        <div className="cell-pop-history">
          <p>
            <span className="cell-pop-label">往年：</span>
            {years.map((y, i) => (
              <span key={y.year} className="cell-pop-year">
                {y.year}
                {y.imported ? '（导入）' : ''} <b>{formatFigure(past[i], kind)}</b>
                {' · '}
              </span>
            ))}
            <span className="cell-pop-year cell-pop-now">
              本年 <b>{now == null ? '未填' : formatFigure(now, kind)}</b>
              {jump === 'up' && <span className="cell-pop-jump"> ↑ 较上年大幅增加</span>}
              {jump === 'down' && <span className="cell-pop-jump"> ↓ 较上年大幅减少</span>}
            </span>
          </p>
          <Sparkline values={[...past, now]} />
        </div>
      )}
    </div>
  );
}
