import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main">
      <div className="card">
        <h1>页面不存在</h1>
        <p>您访问的页面或报告不存在，或尚未公开。</p>
        <p><Link href="/">返回首页</Link></p>
      </div>
    </main>
  );
}
