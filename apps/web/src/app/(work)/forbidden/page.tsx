export default function Forbidden() {
  return (
    <div className="card">
      <h1>无权访问</h1>
      <p>您的账号没有访问该页面的权限。</p>
    </div>
  );
}
