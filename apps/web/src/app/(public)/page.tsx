import Link from 'next/link';
import { publicCaller } from '@/server/caller';
import { cachedPublic } from '@/server/public-cache';

export const dynamic = 'force-dynamic';

const KIND_LABEL: Record<string, string> = { department: '部门', town: '镇街' };

export default async function HomePage() {
  const list = await cachedPublic('list', () => publicCaller().public.list());
  const years = [...new Set(list.map((r) => r.year))].sort((a, b) => b - a);
  return (
    <>
      <h1>政府信息公开工作年度报告</h1>
      {years.length === 0 && <p className="muted">暂无已发布的年度报告。</p>}
      {years.map((year) => (
        <section key={year} className="card" aria-labelledby={`y${year}`}>
          <h2 id={`y${year}`}>{year}年度</h2>
          {(['department', 'town'] as const).map((kind) => {
            const items = list.filter((r) => r.year === year && r.departmentKind === kind);
            if (items.length === 0) return null;
            return (
              <section key={kind} aria-label={`${year}年度${KIND_LABEL[kind]}`}>
                <h3>{KIND_LABEL[kind]}</h3>
                <ul className="report-list">
                  {items.map((r) => (
                    <li key={r.id}>
                      <Link href={`/reports/${r.id}`}>
                        {r.departmentName}
                        {year}年政府信息公开工作年度报告
                      </Link>{' '}
                      <span className="muted small">
                        发布于{r.publishedAt.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}
                        {r.corrected ? '（已更正）' : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </section>
      ))}
    </>
  );
}
