import { formatChinaDate } from '@ccgov/documents';
import { ReportView } from '@/components/ReportView';
import type { LoadedPublication } from '@/server/public-data';
import { Downloads } from './Downloads';

export type CheckLine = { passed: number; version: string | number; warnings: number; explained: number; errors: number; recorded?: boolean; currentVersion?: string };

/**
 * The public page of one published report (rendered to plain HTML, see server/static-html.tsx):
 * the report in the official layout, its downloads, 更正说明 and earlier versions, the 校验 line.
 * Plain links only; nothing here needs a script.
 */
export function ReportPage({ data, check }: { data: LoadedPublication; check: CheckLine | null }) {
  const { publication: p, versions, currentId } = data;
  const base = `/reports/${p.id}`;
  return (
    <div className="card report-page">
      <p className="muted small no-print">
        <a href="/">年度报告</a> › {p.year}年度 › {p.departmentName}
      </p>
      {!p.current && currentId && (
        <p className="alert warn" role="note">
          这是该报告更早发布的版本（{formatChinaDate(p.publishedAt)}）。<a href={`/reports/${currentId}`}>查看更正后的现行版本</a>
        </p>
      )}
      {p.correctionNote && (
        <aside className="alert warn" aria-label="更正说明">
          <strong>更正说明（{formatChinaDate(p.publishedAt)}）：</strong>
          {p.correctionNote}
        </aside>
      )}
      <p className="muted small">发布日期：{formatChinaDate(p.publishedAt)}</p>
      {check && (
        <p className="muted small" data-testid="check-line">
          <a href="/rules">校验</a>：通过 {check.passed} 项规则（{check.recorded ? '发布时' : ''}规则版本 {check.version}
          {check.recorded && check.currentVersion && check.version !== check.currentVersion ? `，按现行版本 ${check.currentVersion} 复核` : ''}）
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
      <ReportView body={p.departmentName} year={p.year} content={p.content} publicationId={p.id} provenance={data.imported} footnotes={data.footnotes} />
      {versions.length > 1 && (
        <nav aria-label="历史版本" className="no-print">
          <h2>历史版本</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.id}>
                {v.id === p.id ? <strong>{formatChinaDate(v.publishedAt)} 发布（当前查看）</strong> : <a href={`/reports/${v.id}`}>{formatChinaDate(v.publishedAt)} 发布</a>}
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
