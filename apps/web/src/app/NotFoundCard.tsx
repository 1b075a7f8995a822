/**
 * What a reader sees for an address that does not exist or is not public. Drawn inside the page's
 * one `<main>`: the public and signed-in layouts have their own (their `not-found.tsx` renders this
 * card alone), the root `not-found.tsx` (an address no route matches) wraps it in one. A plain
 * link: the pages rendered without client JavaScript (server/static-html.tsx) draw it too.
 */
export function NotFoundCard() {
  return (
    <div className="card">
      <h1>页面不存在</h1>
      <p>您访问的页面或报告不存在，或尚未公开。</p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </div>
  );
}
