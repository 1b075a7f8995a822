import { SIGNATURE_BLOCK, SUBMISSION_MARK, SUBMISSION_NOTICE, signatureNote, submissionLine } from '@ccgov/documents';
import { ReportView } from '@/components/ReportView';
import styles from './submission.module.css';

export type SheetData = {
  departmentName: string;
  year: number;
  version: number;
  submission: number;
  submittedAt: Date;
  content: Parameters<typeof ReportView>[0]['content'];
};

/**
 * 报送稿 as a page: the report as submitted in the public layout (ReportView), 报送稿 above it and
 * across every printed page, and the signature and seal block at the end. The words are the PDF's
 * (@ccgov/documents submission.ts).
 */
export function SubmissionSheet({ data }: { data: SheetData }) {
  const mark = { submission: data.submission, version: data.version, submittedAt: data.submittedAt };
  return (
    <div className={styles.sheet} data-testid="submission-sheet">
      <div className={styles.watermark} aria-hidden="true">
        {SUBMISSION_MARK}
      </div>
      <p className={styles.notice} role="note">
        {SUBMISSION_NOTICE}
      </p>
      <p className={styles.meta}>{submissionLine(mark)}</p>
      <ReportView body={data.departmentName} year={data.year} content={data.content} />
      <section className={styles.signature} aria-label="签字盖章">
        <div>{SIGNATURE_BLOCK.signature}</div>
        <div className={styles.right}>
          <span>{SIGNATURE_BLOCK.seal}</span>
          <span>{SIGNATURE_BLOCK.date}</span>
        </div>
      </section>
      <p className={styles.signNote}>{signatureNote(data.departmentName, data.year, mark)}</p>
    </div>
  );
}
