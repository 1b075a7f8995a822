'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { errorMessage, trpc } from '@/trpc/client';

type RuleRow = { id: string; title: string; description: string; severity: string; explainable: boolean };

/**
 * 需说明 (admin): the warning rules whose warnings a department must explain (说明) before it can
 * submit. The public rule book (/rules) shows these rules as 需说明.
 */
export function ExplainRulesForm({ rules }: { rules: RuleRow[] }) {
  const router = useRouter();
  const initial = rules.filter((r) => r.severity === '需说明').map((r) => r.id);
  const [chosen, setChosen] = useState<string[]>(initial);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const changed = [...chosen].sort().join() !== [...initial].sort().join();

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const r = await trpc.settings.setExplainRequired.mutate({ rules: chosen });
      const now = r.rules.filter((x) => x.severity === '需说明').map((x) => x.id);
      setNotice({ ok: true, text: now.length ? `已保存：${now.join('、')} 设为需说明，部门须填写说明后才能提交` : '已保存：没有需说明的规则' });
      router.refresh();
    } catch (err) {
      setNotice({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} aria-label="需说明的规则">
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="small muted">
          勾选的提示类规则设为“需说明”：部门的报告出现这些提示时，须逐条填写说明才能提交审核；审核人在提示旁看到说明。错误类规则本来就须改正后才能提交。
        </legend>
        {rules
          .filter((r) => r.explainable)
          .map((r) => (
            <label key={r.id} style={{ display: 'block', margin: '6px 0' }}>
              <input
                type="checkbox"
                name="explainRequired"
                value={r.id}
                checked={chosen.includes(r.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, r.id] : chosen.filter((x) => x !== r.id))}
              />{' '}
              <strong>{r.id}</strong> {r.title}
              <span className="small muted" style={{ display: 'block', marginLeft: 24 }}>
                {r.description}
              </span>
            </label>
          ))}
      </fieldset>
      <div className="actions" style={{ marginTop: 8 }}>
        <button type="submit" className="btn" disabled={busy || !changed}>
          {busy ? '正在保存…' : '保存'}
        </button>
      </div>
      {notice && (
        <p className={`alert ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
    </form>
  );
}
