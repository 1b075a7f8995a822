'use client';
import { useState } from 'react';
import { trpc } from '@/trpc/client';
import { Feedback } from './Feedback';
import { useAction } from './useAction';

type Body = { id: number; name: string; extendedUntil: string | null };

/**
 * 延期: the admin lets one body save and submit until a later date (with a reason, audited).
 * Granting it again changes the date; the other bodies keep the year's deadline.
 */
export function ExtensionForm({ year, deadline, legalDeadline, bodies }: { year: number; deadline: string; legalDeadline: string; bodies: Body[] }) {
  const { busy, error, run } = useAction();
  const [departmentId, setDepartmentId] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      aria-label="延期报送"
      onSubmit={async (e) => {
        e.preventDefault();
        setDone(null);
        await run(
          () => trpc.progress.extend.mutate({ year, departmentId: Number(departmentId), until, reason }),
          (r) => {
            setDone(`已准予${r.departmentName}延期至 ${r.until}${r.updated ? '（已更新原延期）' : ''}。`);
            setReason('');
          },
        );
      }}
    >
      <h3 style={{ marginBottom: 4 }}>延期报送</h3>
      <p className="muted small" style={{ marginTop: 0 }}>
        区内报送截止 {deadline} 后，未提交的单位不能再保存或提交。延期只对所选单位有效，延期日期不能晚于法定公开期限 {legalDeadline}；延期及原因记入审计日志。
      </p>
      <div className="field">
        <label htmlFor="ext-dept">单位</label>
        <select id="ext-dept" required value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
          <option value="">请选择单位</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
              {b.extendedUntil ? `（已延期至 ${b.extendedUntil}）` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ext-until">延期至</label>
        <input id="ext-until" type="date" required min={deadline} max={legalDeadline} value={until} onChange={(e) => setUntil(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ext-reason">延期原因</label>
        <input id="ext-reason" type="text" required maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button className="btn" type="submit" disabled={busy}>
        准予延期
      </button>
      <Feedback error={error} message={done} />
    </form>
  );
}
