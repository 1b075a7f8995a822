import Link from 'next/link';
import type { Metadata } from 'next';
import { ExplainRulesForm } from '@/components/admin/ExplainRulesForm';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '校验规则' };
export const dynamic = 'force-dynamic';

/** 校验规则 (admin): which warning rules are 需说明. */
export default async function AdminRulesPage() {
  const user = await requireRole(['admin'], '/admin/rules');
  const book = await (await serverCaller(user)).public.rules();
  return (
    <section className="card" aria-labelledby="explain-rules">
      <h2 id="explain-rules">需说明的规则</h2>
      <p className="small">
        规则版本 {book.version}。全部规则及其说明见公开的<Link href="/rules">校验规则</Link>页面。
      </p>
      <ExplainRulesForm rules={book.rules} />
    </section>
  );
}
