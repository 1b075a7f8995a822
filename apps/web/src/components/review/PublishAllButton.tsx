'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { errorMessage, trpc } from '@/trpc/client';
import styles from './review.module.css';

/** 全部发布: every approved report of the year in one action (all or none). */
export function PublishAllButton({ year, approved }: { year: number; approved: string[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  async function publishAll() {
    setBusy(true);
    try {
      const r = await trpc.review.publishAll.mutate({ year });
      setNotice({
        ok: true,
        text: r.published > 0 ? `已发布 ${r.published} 份报告（${r.departments.join('、')}），公众现在可以阅读` : '没有待发布的已通过报告（可能已由他人发布）',
      });
      setOpen(false);
      router.refresh();
    } catch (err) {
      setNotice({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {approved.length > 0 && (
        <button type="button" className="btn" aria-expanded={open} onClick={() => { setOpen(true); setNotice(null); }} disabled={busy}>
          全部发布（{approved.length}份已通过）
        </button>
      )}
      {open && (
        <div className={styles.confirm} role="region" aria-label="全部发布">
          <h2>全部发布</h2>
          <p className="small">
            将{year}年度全部 {approved.length} 份已通过的报告一次发布：{approved.join('、')}。发布后公众立即可以阅读；如有任何一份不能发布（例如刚被他人退回），本次不发布任何报告。
          </p>
          <div className="actions">
            <button type="button" className="btn" onClick={publishAll} disabled={busy}>{busy ? '正在发布…' : '确认全部发布'}</button>
            <button type="button" className="btn secondary" onClick={() => setOpen(false)} disabled={busy}>取消</button>
          </div>
        </div>
      )}
      {notice && (
        <p className={`alert ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
    </div>
  );
}
