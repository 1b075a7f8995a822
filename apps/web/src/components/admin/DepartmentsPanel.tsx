'use client';
import { useState } from 'react';
import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, type DepartmentKind } from '@ccgov/report';
import { trpc } from '@/trpc/client';
import { Feedback } from './Feedback';
import { useAction, useFeedback, type FeedbackState } from './useAction';
import styles from './admin.module.css';

export type DepartmentRow = {
  id: number;
  name: string;
  code: string;
  kind: DepartmentKind;
  active: boolean;
  reportCount: number;
  activeUserCount: number;
};

function KindOptions() {
  return DEPARTMENT_KINDS.map((k) => (
    <option key={k} value={k}>
      {DEPARTMENT_KIND_LABELS[k]}
    </option>
  ));
}

function CreateDepartmentForm({ feedback, onCreated }: { feedback: FeedbackState; onCreated: (name: string) => void }) {
  const { busy, run } = useAction(feedback);
  return (
    <form
      aria-label="新建部门或镇街"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const name = String(data.get('name') ?? '');
        const ok = await run(() =>
          trpc.admin.createDepartment.mutate({ name, code: String(data.get('code') ?? ''), kind: data.get('kind') === 'town' ? 'town' : 'department' }),
        );
        if (ok) {
          form.reset();
          onCreated(ok.name);
        }
      }}
    >
      <div className={styles.row}>
        <div className={`field ${styles.grow}`}>
          <label htmlFor="dept-name">名称</label>
          <input id="dept-name" name="name" required maxLength={50} placeholder="例如 陈仓区某某局" />
        </div>
        <div className="field">
          <label htmlFor="dept-code">代码</label>
          <input id="dept-code" name="code" required maxLength={20} placeholder="例如 fgj" aria-describedby="dept-code-hint" />
        </div>
        <div className="field">
          <label htmlFor="dept-kind">类型</label>
          <select id="dept-kind" name="kind" defaultValue="department">
            <KindOptions />
          </select>
        </div>
        <button className="btn" type="submit" disabled={busy}>
          新建
        </button>
      </div>
      <p id="dept-code-hint" className="muted small">代码为小写字母和数字（如拼音首字母），通常也用作该单位填报账号的用户名。</p>
    </form>
  );
}

function EditRow({ d, onDone }: { d: DepartmentRow; onDone: (msg: string | null) => void }) {
  const { busy, error, run } = useAction();
  const [name, setName] = useState(d.name);
  const [kind, setKind] = useState(d.kind);
  return (
    <td colSpan={3}>
      <form
        className={styles.inlineForm}
        aria-label={`修改${d.name}`}
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await run(() => trpc.admin.updateDepartment.mutate({ id: d.id, name, kind }));
          if (ok) onDone(`已保存“${name}”。已发布的报告仍保留发布时的名称。`);
        }}
      >
        <input id={`name-${d.id}`} value={name} onChange={(e) => setName(e.target.value)} maxLength={50} aria-label="名称" />
        <select value={kind} onChange={(e) => setKind(e.target.value === 'town' ? 'town' : 'department')} aria-label="类型">
          <KindOptions />
        </select>
        <button className={`btn ${styles.btnSmall}`} type="submit" disabled={busy}>保存</button>
        <button className={`btn secondary ${styles.btnSmall}`} type="button" onClick={() => onDone(null)}>取消</button>
      </form>
      <Feedback error={error} />
    </td>
  );
}

/** 部门和镇街: create, rename, set the type, reorder, deactivate; delete only one entered by mistake. */
export function DepartmentsPanel({ departments }: { departments: DepartmentRow[] }) {
  // One outcome line for the panel: the create form, the row buttons and a saved edit share it.
  const feedback = useFeedback();
  const { busy, error, message, setMessage, run } = useAction(feedback);
  const [editing, setEditing] = useState<number | null>(null);
  const active = departments.filter((d) => d.active).length;

  return (
    <section className="card" aria-labelledby="depts">
      <h2 id="depts">部门和镇街（{departments.length}）</h2>
      <p className="muted small">启用 {active} 个。停用的单位不出现在进度表和提醒中，其账号同时停用；已发布的报告仍然公开。</p>
      <CreateDepartmentForm feedback={feedback} onCreated={(name) => setMessage(`已新建“${name}”。请在下方“账号”中为其创建填报账号。`)} />
      <Feedback error={error} message={message} />
      <div className="table-wrap">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">顺序</th>
              <th scope="col">名称</th>
              <th scope="col">类型</th>
              <th scope="col">代码</th>
              <th scope="col">年报</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d, i) => (
              <tr key={d.id} className={d.active ? undefined : styles.inactive}>
                <td className={styles.tight}>
                  <button
                    type="button"
                    className="linklike"
                    disabled={busy || i === 0}
                    aria-label={`上移${d.name}`}
                    onClick={() => run(() => trpc.admin.moveDepartment.mutate({ id: d.id, direction: 'up' }))}
                  >
                    ↑
                  </button>{' '}
                  <button
                    type="button"
                    className="linklike"
                    disabled={busy || i === departments.length - 1}
                    aria-label={`下移${d.name}`}
                    onClick={() => run(() => trpc.admin.moveDepartment.mutate({ id: d.id, direction: 'down' }))}
                  >
                    ↓
                  </button>
                </td>
                {editing === d.id ? (
                  <EditRow
                    d={d}
                    onDone={(msg) => {
                      setEditing(null);
                      if (msg) setMessage(msg);
                    }}
                  />
                ) : (
                  <>
                    <td>{d.name}</td>
                    <td>{DEPARTMENT_KIND_LABELS[d.kind]}</td>
                    <td>{d.code}</td>
                  </>
                )}
                <td>{d.reportCount}</td>
                <td>{d.active ? '启用' : '停用'}</td>
                <td className={styles.tight}>
                  <button type="button" className="linklike" onClick={() => setEditing(d.id)} aria-label={`修改${d.name}`}>
                    修改
                  </button>{' '}
                  {d.active ? (
                    <button
                      type="button"
                      className="linklike"
                      disabled={busy}
                      aria-label={`停用${d.name}`}
                      onClick={() => {
                        if (!window.confirm(`停用“${d.name}”？\n它将不再出现在进度表和提醒中，其账号同时停用、已登录的会话立即失效。已发布的报告仍然公开。`)) return;
                        void run(
                          () => trpc.admin.setDepartmentActive.mutate({ id: d.id, active: false }),
                          (r) => setMessage(`已停用“${d.name}”${r.disabledUsers ? `，并停用其账号 ${r.disabledUsers} 个` : ''}。`),
                        );
                      }}
                    >
                      停用
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="linklike"
                      disabled={busy}
                      aria-label={`启用${d.name}`}
                      onClick={() =>
                        run(
                          () => trpc.admin.setDepartmentActive.mutate({ id: d.id, active: true }),
                          () => setMessage(`已启用“${d.name}”。其账号仍为停用，需要时请在“账号”中逐个启用。`),
                        )
                      }
                    >
                      启用
                    </button>
                  )}
                  {d.reportCount === 0 && d.activeUserCount === 0 && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="linklike"
                        disabled={busy}
                        aria-label={`删除${d.name}`}
                        onClick={() => {
                          if (!window.confirm(`删除“${d.name}”？只有误建、没有年报和账号的单位可以删除。`)) return;
                          void run(() => trpc.admin.deleteDepartment.mutate({ id: d.id }), () => setMessage(`已删除“${d.name}”。`));
                        }}
                      >
                        删除
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
