import type { Metadata } from 'next';
import { TemplateLinks } from '@/components/admin/TemplateLinks';
import { YearsPanel } from '@/components/admin/YearsPanel';
import { RequiredSignoffsForm } from '@/components/review/RequiredSignoffsForm';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '报告年度' };
export const dynamic = 'force-dynamic';

export default async function YearsPage() {
  const user = await requireRole(['admin'], '/admin/years');
  const api = await serverCaller(user);
  const [years, review] = await Promise.all([api.years.list(), api.settings.review()]);
  return (
    <>
      <YearsPanel years={years} />
      <TemplateLinks years={years} />
      {/* 审核级数 (review settings, owned by the review feature): how many sign-offs before publication. */}
      <section className="card" aria-labelledby="signoff-levels">
        <h2 id="signoff-levels">审核级数</h2>
        <RequiredSignoffsForm current={review.requiredSignoffs} />
      </section>
    </>
  );
}
