import type { Metadata } from 'next';
import { ROLE_LABELS } from '@ccgov/report';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '管理' };
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const user = await requireRole(['admin'], '/admin');
  const api = await serverCaller(user);
  const [departments, users] = await Promise.all([api.admin.departments(), api.admin.users()]);
  return (
    <>
      <h1>管理</h1>
      <section className="card" aria-labelledby="depts">
        <h2 id="depts">部门和镇街（{departments.length}）</h2>
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr><th scope="col">名称</th><th scope="col">类型</th><th scope="col">代码</th><th scope="col">状态</th></tr>
            </thead>
            <tbody>
              {departments.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>{d.kind === 'town' ? '镇街' : '部门'}</td>
                  <td>{d.code}</td>
                  <td>{d.active ? '启用' : '停用'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="accounts">
        <h2 id="accounts">账号（{users.length}）</h2>
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">角色</th><th scope="col">所属部门</th><th scope="col">状态</th></tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>{u.departmentName ?? '数据局'}</td>
                  <td>{u.active ? '启用' : '停用'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
