import Link from 'next/link';
import './public.css';

/** Public pages read no session, so they can be cached and served without the database. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="inner">
          <Link href="/" className="brand">陈仓区政府信息公开工作年度报告</Link>
          <nav aria-label="公开栏目">
            <Link href="/">年度报告</Link>
            <Link href="/summary">全区汇总</Link>
            <Link href="/compare">对比</Link>
            <Link href="/rules">校验规则</Link>
            <Link href="/login">工作人员登录</Link>
          </nav>
        </div>
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer no-print">
        <div className="inner">
          开放数据：<a href="/api/open/openapi.json">开放数据接口说明（OpenAPI）</a>
        </div>
      </footer>
    </>
  );
}
