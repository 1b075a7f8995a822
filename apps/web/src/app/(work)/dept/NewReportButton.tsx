'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage, trpc } from '@/trpc/client';

/** 新建年报, prefilled from last year's report when there is one (its text only if asked for). */
export function NewReportButton({ year, previousYear }: { year: number; previousYear: number | null }) {
  const router = useRouter();
  const [copyText, setCopyText] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      {previousYear ? (
        <>
          <p className="small muted">
            新报告将按{previousYear}年报告预填上年结转件数、现行有效件数和联系方式。
          </p>
          <label className="small">
            <input type="checkbox" checked={copyText} onChange={(e) => setCopyText(e.target.checked)} /> 以上年度报告的文字部分为起点
          </label>
        </>
      ) : (
        <p className="small muted">将从空白报告开始填写。</p>
      )}
      <div className="actions" style={{ marginTop: 8 }}>
        <button
          className="btn"
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              const r = await trpc.department.create.mutate({ year, copyText });
              router.push(`/dept/reports/${r.id}`);
            } catch (e) {
              setError(errorMessage(e));
              setBusy(false);
            }
          }}
        >
          新建年报
        </button>
      </div>
      {error && <p className="alert error" role="alert">{error}</p>}
    </div>
  );
}
