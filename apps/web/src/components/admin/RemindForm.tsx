'use client';
import { useState } from 'react';
import { trpc } from '@/trpc/client';
import { Feedback } from './Feedback';
import { useAction } from './useAction';

/** 发送催报提醒: one in-app reminder to every active department that has not submitted. */
export function RemindForm({ year, pending, defaultMessage }: { year: number; pending: number; defaultMessage: string }) {
  const { busy, error, run } = useAction();
  const [message, setMessage] = useState(defaultMessage);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      aria-label="发送催报提醒"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!window.confirm(`向尚未提交的 ${pending} 个单位发送提醒？`)) return;
        setDone(null);
        await run(() => trpc.progress.remind.mutate({ year, message: message.trim() || undefined }), (r) =>
          setDone(`已向 ${r.sent} 个单位发送提醒。${r.skipped ? `另有 ${r.skipped} 个单位已有相同的未读催报，未重复发送。` : ''}`),
        );
      }}
    >
      <div className="field">
        <label htmlFor="remind-message">提醒内容（各单位在本部门年报页看到，带发送日期）</label>
        <textarea id="remind-message" rows={2} maxLength={500} value={message} onChange={(e) => setMessage(e.target.value)} />
      </div>
      <button className="btn" type="submit" disabled={busy || pending === 0}>
        提醒未提交的 {pending} 个单位
      </button>
      <Feedback error={error} message={done} />
    </form>
  );
}
