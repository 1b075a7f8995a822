import { signoffStepLabel } from '@ccgov/report';
import { formatTimestamp } from '@ccgov/report';
import type { ReviewDetail } from './types';
import styles from './review.module.css';

/** 初审 ✓ 数据局审核人 2026-11-20 15:03 · 终审 待签批 — the sign-offs of the version under review. */
export function SignoffProgress({ signoffs, required }: { signoffs: ReviewDetail['signoffs']; required: number }) {
  return (
    <ol className={styles.signoffs} aria-label="签批进度">
      {Array.from({ length: required }, (_, i) => {
        const s = signoffs.find((x) => x.step === i + 1);
        const label = signoffStepLabel(i + 1, required);
        return (
          <li key={i} className={`${styles.step} ${s ? styles.stepDone : ''}`}>
            {s ? `${label} ✓ ${s.userName} · ${formatTimestamp(s.createdAt)}` : `${label} · 待签批`}
          </li>
        );
      })}
    </ol>
  );
}
