import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { reportTitle } from '@ccgov/report';
import { formatChinaDate } from '@ccgov/documents';
import { ReportView } from '@/components/ReportView';
import { loadPublication, parseId } from '@/server/public-data';
import { publicCaller } from '@/server/caller';
import { cachedPublic } from '@/server/public-cache';
import { Downloads } from '../../_components/Downloads';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const data = await loadPublication(parseId((await params).id));
  return { title: data ? reportTitle(data.publication.departmentName, data.publication.year) : '报告不存在' };
}

export default async function PublicReportPage({ params }: { params: Promise<{ id: string }> }) {
  const data = await loadPublication(parseId((await params).id));
  if (!data) notFound();
  const { publication: p, versions, currentId } = data;
  const base = `/reports/${p.id}`;
  // 校验 line: the rule book applied to the published content (cached until the next publish).
  const check = await cachedPublic(`check:${p.id}`, () => publicCaller().public.check({ id: p.id })).catch(() => null);
  return (
    <div className="card report-page">
      <p className="muted small no-print">
        <Link href="/">年度报告</Link> › {p.year}年度 › {p.departmentName}
      </p>
      {!p.current && currentId && (
        <p className="alert warn" role="note">
          这是该报告更早发布的版本（{formatChinaDate(p.publishedAt)}）。<Link href={`/reports/${currentId}`}>查看更正后的现行版本</Link>
        </p>
      )}
      {p.correctionNote && (
        <aside className="alert warn" aria-label="更正说明">
          <strong>更正说明（{formatChinaDate(p.publishedAt)}）：</strong>
          {p.correctionNote}
        </aside>
      )}
      {data.imported && (
        <p className="muted small" role="note">
          本报告根据原公开文本导入（历史导入），数字和文字以原公开文本为准。
        </p>
      )}
      <p className="muted small">发布日期：{formatChinaDate(p.publishedAt)}</p>
      {check && (
        <p className="muted small" data-testid="check-line">
          <Link href="/rules">校验</Link>：通过 {check.passed} 项规则（规则版本 {check.version}）
          {check.warnings > 0 ? `，${check.explained} 项提示已说明` : '，无提示'}
          {check.warnings > check.explained ? `，${check.warnings - check.explained} 项提示未说明` : ''}
          {check.errors > 0 ? `，${check.errors} 处与规则不符` : ''}
        </p>
      )}
      <Downloads
        label="下载本报告"
        links={[
          { href: `${base}/pdf`, text: 'PDF' },
          { href: `${base}/docx`, text: 'Word（.docx）' },
          { href: `${base}/csv`, text: '数据 CSV' },
          { href: `${base}/json`, text: '数据 JSON' },
        ]}
      />
      <ReportView body={p.departmentName} year={p.year} content={p.content} />
      {versions.length > 1 && (
        <nav aria-label="历史版本" className="no-print">
          <h2>历史版本</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.id}>
                {v.id === p.id ? (
                  <strong>{formatChinaDate(v.publishedAt)} 发布（当前查看）</strong>
                ) : (
                  <Link href={`/reports/${v.id}`}>{formatChinaDate(v.publishedAt)} 发布</Link>
                )}
                {v.current ? '（现行版本）' : ''}
                {v.correctionNote ? <span className="muted small"> 更正说明：{v.correctionNote}</span> : null}
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
