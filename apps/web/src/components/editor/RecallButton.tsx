'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage, trpc } from '@/trpc/client';

/** 撤回: a submitted report goes back to draft, as long as review has not started. */
export function RecallButton({ id, version }: { id: number; version: number }) {
  const router = useRouter();
  const [stage, setStage] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (stage === 'idle') {
    return (
      <div>
        <button type="button" className="btn secondary" onClick={() => setStage('confirm')}>
          撤回
        </button>
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="alert confirm" role="alertdialog" aria-labelledby="recall-title">
      <p id="recall-title">撤回后报告回到草稿，可以继续修改，改好后需要重新提交审核。确定撤回吗？</p>
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={stage === 'busy'}
          onClick={async () => {
            setStage('busy');
            setError(null);
            try {
              await trpc.department.recall.mutate({ id, version });
              router.refresh();
            } catch (e) {
              setError(errorMessage(e));
              setStage('idle');
            }
          }}
        >
          确认撤回
        </button>
        <button type="button" className="btn secondary" onClick={() => setStage('idle')}>
          取消
        </button>
      </div>
    </div>
  );
}
