import Link from 'next/link';
import { formatTimestamp } from '@ccgov/report';
import { serverCaller } from '@/server/caller';
import type { SessionUser } from '@ccgov/auth';
import { ScanUpload } from './ScanUpload';
import styles from './submission.module.css';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const KIND: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

/**
 * 报送稿与扫描件 on the department's report page (after submission) and on the review screen: the
 * links to the 报送稿 (page and PDF), the scans of the submitted version and, for the department
 * while the version is with the bureau, the upload. Nothing when the report has no submitted version.
 */
export async function SubmissionCard({ user, reportId }: { user: SessionUser; reportId: number }) {
  const copy = await (await serverCaller(user)).submission.get({ id: reportId }).catch(() => null);
  if (!copy) return null;
  const department = user.role === 'department';
  const base = department ? `/dept/reports/${reportId}` : `/review/${reportId}`;
  const missing = copy.scanRequired && copy.scans.length === 0;
  return (
    <section className="card no-print" aria-labelledby={`submission-${reportId}`} data-testid="submission-card">
      <h2 id={`submission-${reportId}`}>报送稿与签字盖章扫描件</h2>
      <p className="small">
        第{copy.submission}次提交（版本 {copy.version}，{formatTimestamp(copy.submittedAt)}）的报送稿：
        <Link href={`${base}/submission`}>查看和打印报送稿</Link> · <a href={`${base}/submission/pdf`}>下载报送稿 PDF</a>
      </p>
      {department ? (
        <p className="muted small">
          打印报送稿，由单位负责人签字、加盖单位公章后扫描上传。
          {copy.scanRequired ? `${copy.year}年度要求附扫描件：扫描件上传后数据局才能审核通过。` : `${copy.year}年度不强制要求附扫描件。`}
        </p>
      ) : (
        <p className="muted small">{copy.scanRequired ? `${copy.year}年度要求附签字盖章的报送稿扫描件，上传后才能审核通过（终审）。` : `${copy.year}年度不强制要求附扫描件。`}</p>
      )}
      {missing && (
        <p className="alert warn" role="status" data-testid="scan-missing">
          {department ? '尚未上传扫描件：数据局要等扫描件上传后才能审核通过。' : '该单位尚未上传扫描件：上传前不能审核通过（终审）。'}
        </p>
      )}
      {copy.scans.length > 0 ? (
        <ul className={styles.scans} aria-label="已上传的扫描件">
          {copy.scans.map((s) => {
            const href = `${base}/scans/${s.id}`;
            const image = s.mime.startsWith('image/');
            return (
              <li key={s.id} data-testid="scan-item">
                <a href={href} target="_blank" rel="noopener">
                  {s.fileName}
                </a>{' '}
                （{KIND[s.mime] ?? s.mime}，{size(s.size)}） · <a href={`${href}?download=1`}>下载</a>
                <div className={styles.scanMeta}>
                  {s.uploadedBy ?? '—'} 上传于 {formatTimestamp(s.createdAt)} · SHA-256 <code>{s.sha256}</code>
                </div>
                {/* eslint-disable-next-line @next/next/no-img-element -- a private file, not a static asset */}
                {image && <img className={styles.thumb} src={href} alt={`扫描件：${s.fileName}`} loading="lazy" />}
              </li>
            );
          })}
        </ul>
      ) : (
        !missing && <p className="muted small">尚未上传扫描件。</p>
      )}
      {copy.canAttach && <ScanUpload reportId={reportId} maxBytes={copy.maxScanBytes} />}
      {department && !copy.canAttach && copy.status === 'returned' && (
        <p className="muted small">报告已退回修改：修改后重新提交，再打印新的报送稿签字盖章上传。</p>
      )}
    </section>
  );
}
