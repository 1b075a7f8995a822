'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { MAX_REQUIRED_SIGNOFFS, signoffStepLabel } from '@ccgov/report';
import { errorMessage, trpc } from '@/trpc/client';

const steps = (n: number) => Array.from({ length: n }, (_, i) => signoffStepLabel(i + 1, n)).join('、');

/** 审核级数: how many sign-offs a report needs before it may be published (admin only). */
export function RequiredSignoffsForm({ current }: { current: number }) {
  const router = useRouter();
  const [value, setValue] = useState(current);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const r = await trpc.settings.setRequiredSignoffs.mutate({ requiredSignoffs: value });
      setNotice({ ok: true, text: `已保存：发布前需要${r.requiredSignoffs}级审核（${r.steps.join('、')}）` });
      router.refresh();
    } catch (err) {
      setNotice({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} aria-label="审核级数">
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="small muted">报告发布前需要的审核签批级数。两级以上时，终审须由数据局发布人完成。</legend>
        {Array.from({ length: MAX_REQUIRED_SIGNOFFS }, (_, i) => i + 1).map((n) => (
          <label key={n} style={{ display: 'block' }}>
            <input type="radio" name="requiredSignoffs" value={n} checked={value === n} onChange={() => setValue(n)} /> {n}级（{steps(n)}）
            {n === 2 ? ' — 默认' : ''}
          </label>
        ))}
      </fieldset>
      <div className="actions" style={{ marginTop: 8 }}>
        <button type="submit" className="btn" disabled={busy || value === current}>{busy ? '正在保存…' : '保存'}</button>
      </div>
      {notice && <p className={`alert ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
    </form>
  );
}
