/**
 * The public site's header and footer: the App Router layout ((public)/layout.tsx) and the pages
 * rendered to plain HTML without client JavaScript (server/static-html.tsx) draw the same ones.
 * Plain links (no next/link), so the markup needs no script either way.
 */
export function PublicHeader() {
  return (
    <header className="site-header">
      <div className="inner">
        <a href="/" className="brand">陈仓区政府信息公开工作年度报告</a>
        <nav aria-label="公开栏目">
          <a href="/">年度报告</a>
          <a href="/summary">全区汇总</a>
          <a href="/compare">对比</a>
          <a href="/rules">校验规则</a>
          <a href="/login">工作人员登录</a>
        </nav>
      </div>
    </header>
  );
}

export function PublicFooter() {
  return (
    <footer className="site-footer no-print">
      <div className="inner">
        开放数据：<a href="/api/open/openapi.json">开放数据接口说明（OpenAPI）</a>
      </div>
    </footer>
  );
}
