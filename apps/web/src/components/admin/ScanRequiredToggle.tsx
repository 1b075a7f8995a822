'use client';
import { trpc } from '@/trpc/client';
import { Feedback } from './Feedback';
import { useAction } from './useAction';

/**
 * 报送稿扫描件 for one year: required or not. When required, the sign-off that approves a report
 * (终审, or the only one with one level) waits until the department has attached the scan of its
 * signed and sealed 报送稿 to the submitted version.
 */
export function ScanRequiredToggle({ year, required }: { year: number; required: boolean }) {
  const { busy, error, run } = useAction();
  return (
    <>
      <label style={{ whiteSpace: 'nowrap' }}>
        <input
          type="checkbox"
          checked={required}
          disabled={busy}
          aria-label={`${year}年度要求附签字盖章的报送稿扫描件`}
          onChange={(e) => void run(() => trpc.years.setScanRequired.mutate({ year, required: e.target.checked }))}
        />{' '}
        {required ? '要求' : '不要求'}
      </label>
      <Feedback error={error} />
    </>
  );
}
