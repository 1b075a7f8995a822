'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage, trpc } from '@/trpc/client';

export function NewReportButton({ year }: { year: number }) {
  const router = useRouter();
  const [copyText, setCopyText] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <label className="small">
        <input type="checkbox" checked={copyText} onChange={(e) => setCopyText(e.target.checked)} /> 以上年度报告的文字部分为起点
      </label>
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
