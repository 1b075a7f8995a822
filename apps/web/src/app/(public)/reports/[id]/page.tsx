import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { reportTitle } from '@ccgov/report';
import { ReportView } from '@/components/ReportView';
import { publicCaller } from '@/server/caller';
import { cachedPublic } from '@/server/public-cache';

export const dynamic = 'force-dynamic';

async function load(idText: string) {
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  try {
    return await cachedPublic(`report:${id}`, () => publicCaller().public.get({ id }));
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const data = await load((await params).id);
  return { title: data ? reportTitle(data.publication.departmentName, data.publication.year) : '报告不存在' };
}

export default async function PublicReportPage({ params }: { params: Promise<{ id: string }> }) {
  const data = await load((await params).id);
  if (!data) notFound();
  const { publication: p, versions, currentId } = data;
  const fmt = (d: Date) => d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
  return (
    <div className="card">
      <p className="muted small no-print">
        <Link href="/">年度报告</Link> › {p.year}年度 › {p.departmentName}
      </p>
      {!p.current && currentId && (
        <p className="alert warn" role="note">
          这是该报告更早发布的版本（{fmt(p.publishedAt)}）。<Link href={`/reports/${currentId}`}>查看更正后的现行版本</Link>
        </p>
      )}
      {p.correctionNote && (
        <aside className="alert warn" aria-label="更正说明">
          <strong>更正说明（{fmt(p.publishedAt)}）：</strong>
          {p.correctionNote}
        </aside>
      )}
      <p className="muted small">发布日期：{fmt(p.publishedAt)}</p>
      <ReportView body={p.departmentName} year={p.year} content={p.content} />
      {versions.length > 1 && (
        <nav aria-label="历史版本" className="no-print">
          <h2>历史版本</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.id}>
                {v.id === p.id ? <strong>{fmt(v.publishedAt)} 发布（当前查看）</strong> : <Link href={`/reports/${v.id}`}>{fmt(v.publishedAt)} 发布</Link>}
                {v.current ? '（现行版本）' : ''}
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
