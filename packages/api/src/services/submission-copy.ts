/**
 * 报送稿: the report exactly as the department submitted it (the latest snapshot in
 * report_versions, not the live row), for the print view and the PDF that the head of the body
 * signs and the body seals, with the scans attached to that version.
 */
import { asc, departments, eq, reportVersions, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import type { ReportContent, ReportStatus } from '@ccgov/report';
import { AppError, notFound } from '../errors';
import { MAX_SCAN_BYTES, scanRequiredFor, scansOf } from './scans';
import { loadScopedReport } from './workflow';

export type SubmissionCopy = {
  reportId: number;
  year: number;
  status: ReportStatus;
  departmentName: string;
  departmentKind: string;
  /** The lock version of the submitted snapshot (the one receipts and sign-offs name). */
  version: number;
  /** 第N次提交. */
  submission: number;
  submittedAt: Date;
  content: ReportContent;
  scans: ReturnType<typeof scansOf>;
  /** The year asks for the scan before the final sign-off. */
  scanRequired: boolean;
  /** The department may attach a scan now (its own report, the version is with the bureau). */
  canAttach: boolean;
  maxScanBytes: number;
};

/**
 * The 报送稿 of a report for its own department or the bureau's reviewers and publishers. A report
 * never submitted, or recalled to 草稿, has none (NOT_FOUND, as another body's report does).
 */
export function submissionCopy(db: Db, actor: SessionUser, id: number): SubmissionCopy {
  if (actor.role === 'admin') throw new AppError('FORBIDDEN', '仅本单位填报人和数据局审核人员可以查看报送稿');
  const report = loadScopedReport(db, actor, id);
  if (report.status === 'draft') throw notFound('报送稿');
  const versions = db
    .select({ version: reportVersions.version, content: reportVersions.content, createdAt: reportVersions.createdAt })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, report.id))
    .orderBy(asc(reportVersions.version))
    .all();
  const latest = versions.at(-1);
  if (!latest) throw notFound('报送稿');
  const dept = db.select({ name: departments.name, kind: departments.kind }).from(departments).where(eq(departments.id, report.departmentId)).get()!;
  return {
    reportId: report.id,
    year: report.year,
    status: report.status,
    departmentName: dept.name,
    departmentKind: dept.kind,
    version: latest.version,
    submission: versions.length,
    submittedAt: latest.createdAt,
    content: latest.content,
    scans: scansOf(db, report.id, latest.version),
    scanRequired: scanRequiredFor(db, report.year),
    canAttach: actor.role === 'department' && (report.status === 'submitted' || report.status === 'in_review' || report.status === 'approved'),
    maxScanBytes: MAX_SCAN_BYTES,
  };
}
