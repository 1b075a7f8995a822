import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { daysLeftText, extensionText, formatTimestamp, isEditableByDepartment, legalDeadlineText } from '@ccgov/report';
import { ReportView } from '@/components/ReportView';
import { StatusBadge } from '@/components/StatusBadge';
import { RecallButton } from '@/components/editor/RecallButton';
import { ReceiptList } from '@/components/receipts/ReceiptList';
import { ReportEditor } from '@/components/editor/ReportEditor';
import { SubmissionCard } from '@/components/submission/SubmissionCard';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '年报填报' };
export const dynamic = 'force-dynamic';

const READ_ONLY_NOTE: Partial<Record<string, string>> = {
  submitted: '报告已提交，等待数据局审核，本部门不能修改。审核开始前可以撤回修改。',
  in_review: '数据局正在审核，本部门不能修改。如需修改，请联系审核人退回。',
  approved: '报告已审核通过，等待发布。',
  published: '报告已发布。',
  withdrawn: '报告已撤销发布。',
};

export default async function DepartmentReportPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const user = await requireRole(['department'], `/dept/reports/${id}`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const api = await serverCaller(user);
  const data = await api.department.get({ id }).catch(() => null);
  if (!data) notFound();
  const { report, department } = data;
  // 回执 of every act on this report (submission, return, sign-off, publication …), newest first.
  const receipts = await api.receipts.forReport({ reportId: report.id }).catch(() => []);
  const lastSubmit = receipts.find((r) => r.act === 'submit');
  const deadline = data.deadline;

  // After the deadline a draft is locked: the report is shown read-only under the lock banner.
  // Anything typed but not saved stays in this browser (the editor offers it back once reopened).
  if (deadline?.locked) {
    return (
      <div className="card">
        <p className="muted small no-print">
          <Link href="/dept">本部门年报</Link> › {report.year}年度
        </p>
        <div className="alert error" role="alert" data-testid="deadline-lock">
          <p style={{ margin: 0 }}>
            <strong>{deadline.message}</strong>
          </p>
          <p className="small" style={{ margin: '4px 0 0' }}>
            状态：<StatusBadge status={report.status} /> 本页只读，不能保存、导入或提交。{legalDeadlineText(deadline.legalDeadline)}。
          </p>
        </div>
        <ReportView body={department.name} year={report.year} content={report.content} />
      </div>
    );
  }

  if (isEditableByDepartment(report.status)) {
    return (
      <>
      {deadline?.extendedUntil && (
        <div className="alert warn no-print" role="status" data-testid="deadline-extension">
          {extensionText(deadline.extendedUntil)}（{daysLeftText(deadline.daysLeft)}；区内报送截止 {deadline.deadline}，{legalDeadlineText(deadline.legalDeadline)}）。
        </div>
      )}
      {/* The editor hosts the Excel template upload itself, so an upload first saves what was typed
          and the imported figures replace the tables without reloading the page. */}
      <ReportEditor
        key={`${report.id}:${report.status}`}
        data={{
          report: {
            id: report.id,
            year: report.year,
            status: report.status,
            version: report.version,
            content: report.content,
            explanations: report.explanations,
          },
          departmentName: department.name,
          previous: data.previous,
          comments: data.comments.filter((c) => c.current),
          sensitiveWords: data.sensitiveWords,
          explainRequired: data.explainRequired,
        }}
      />
      {receipts.length > 0 && <ReceiptList receipts={receipts} />}
      </>
    );
  }

  return (
    <div className="card">
      <p className="muted small no-print">
        <Link href="/dept">本部门年报</Link> › {report.year}年度
      </p>
      <div className="alert ok" role="status">
        <p style={{ margin: 0 }}>
          状态：<StatusBadge status={report.status} /> {READ_ONLY_NOTE[report.status]}
          {report.submittedAt ? <span className="muted small">（提交时间：{formatTimestamp(report.submittedAt)}）</span> : null}
        </p>
        {lastSubmit && report.status !== 'draft' && (
          <p style={{ margin: '4px 0 0' }}>
            <Link href={`/dept/receipts/${lastSubmit.id}`}>查看回执</Link>
            <span className="muted small">（{lastSubmit.receiptNo}，可打印、下载 PDF）</span>
          </p>
        )}
        {report.status === 'submitted' && (
          <div style={{ marginTop: 8 }}>
            <RecallButton id={report.id} version={report.version} />
          </div>
        )}
      </div>
      {/* 报送稿 for signature and the scan of the signed copy (once submitted). */}
      <SubmissionCard user={user} reportId={report.id} />
      <ReportView body={department.name} year={report.year} content={report.content} />
      <ReceiptList receipts={receipts} compact />
    </div>
  );
}
