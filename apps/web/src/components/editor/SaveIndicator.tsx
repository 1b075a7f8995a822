'use client';
import { formatClock } from '@ccgov/report';
import type { SaveState } from './useDraftSaver';

const TEXT: Record<SaveState, string> = {
  saved: '已保存',
  dirty: '未保存',
  saving: '保存中…',
  offline: '未保存 · 网络中断，正在重试',
  conflict: '未保存 · 别处有更新',
  invalid: '未保存 · 有内容需要修改',
  failed: '未保存',
};

/** 已保存 / 保存中 / 未保存, always visible, announced politely to screen readers. */
export function SaveIndicator({ state, savedAt }: { state: SaveState; savedAt: Date | null }) {
  const time = savedAt ? formatClock(savedAt) : undefined;
  return (
    <span className={`save-state save-${state}`} role="status" aria-live="polite" data-state={state}>
      {TEXT[state]}
      {state === 'saved' && time ? <span className="muted small">（{time}）</span> : null}
    </span>
  );
}
