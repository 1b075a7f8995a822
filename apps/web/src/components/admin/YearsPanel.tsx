'use client';
import { useState } from 'react';
import { defaultLegalDeadline } from '@ccgov/report';
import { trpc } from '@/trpc/client';
import { Feedback } from './Feedback';
import { ScanRequiredToggle } from './ScanRequiredToggle';
import { useAction } from './useAction';
import styles from './admin.module.css';

export type YearRow = {
  year: number;
  legalDeadline: string;
  internalDeadline: string | null;
  open: boolean;
  /** 报送稿扫描件 required before the final sign-off. */
  scanRequired: boolean;
  reportCount: number;
  publishedCount: number;
};

function OpenYearForm({ suggested, onOpened }: { suggested: number; onOpened: (msg: string) => void }) {
  const { busy, error, run } = useAction();
  const [year, setYear] = useState(String(suggested));
  const [legal, setLegal] = useState(defaultLegalDeadline(suggested));
  const [legalTouched, setLegalTouched] = useState(false);
  const [internal, setInternal] = useState('');
  return (
    <form
      aria-label="开放报告年度"
      onSubmit={async (e) => {
        e.preventDefault();
        const y = Number(year);
        const r = await run(() => trpc.years.open.mutate({ year: y, legalDeadline: legal || undefined, internalDeadline: internal || null }));
        if (r) onOpened(`已开放${r.year}年度，法定截止日期 ${r.legalDeadline}${r.internalDeadline ? `，区内截止日期 ${r.internalDeadline}` : ''}。各部门现在可以填报。`);
      }}
    >
      <div className={styles.row}>
        <div className="field">
          <label htmlFor="year-year">报告年度</label>
          <input
            id="year-year"
            inputMode="numeric"
            value={year}
            onChange={(e) => {
              setYear(e.target.value);
              const y = Number(e.target.value);
              // Follow the year until the admin sets the date by hand.
              if (!legalTouched && Number.isInteger(y) && y >= 2000 && y <= 2100) setLegal(defaultLegalDeadline(y));
            }}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="year-legal">法定截止日期</label>
          <input
            id="year-legal"
            type="date"
            value={legal}
            onChange={(e) => {
              setLegalTouched(true);
              setLegal(e.target.value);
            }}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="year-internal">区内截止日期（可选）</label>
          <input id="year-internal" type="date" value={internal} onChange={(e) => setInternal(e.target.value)} />
        </div>
        <button className="btn" type="submit" disabled={busy}>
          开放年度
        </button>
      </div>
      <p className="muted small">法定截止日期默认为次年1月31日（《中华人民共和国政府信息公开条例》第五十条）；区内截止日期可早于法定日期，部门首页按此倒计时。</p>
      <Feedback error={error} />
    </form>
  );
}

function EditDeadlines({ y, onDone }: { y: YearRow; onDone: (msg: string | null) => void }) {
  const { busy, error, run } = useAction();
  const [legal, setLegal] = useState(y.legalDeadline);
  const [internal, setInternal] = useState(y.internalDeadline ?? '');
  return (
    <td colSpan={2}>
      <form
        className={styles.inlineForm}
        aria-label={`修改${y.year}年度截止日期`}
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await run(() => trpc.years.update.mutate({ year: y.year, legalDeadline: legal, internalDeadline: internal || null }));
          if (r) onDone(`已修改${y.year}年度的截止日期。`);
        }}
      >
        <input type="date" aria-label="法定截止日期" value={legal} onChange={(e) => setLegal(e.target.value)} required />
        <input type="date" aria-label="区内截止日期" value={internal} onChange={(e) => setInternal(e.target.value)} />
        <button className={`btn ${styles.btnSmall}`} type="submit" disabled={busy}>保存</button>
        <button className={`btn secondary ${styles.btnSmall}`} type="button" onClick={() => onDone(null)}>取消</button>
      </form>
      <Feedback error={error} />
    </td>
  );
}

/** 报告年度: open a year with its deadlines, change them, close or reopen a year. */
export function YearsPanel({ years }: { years: YearRow[] }) {
  const { busy, error, run } = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const suggested = years.length ? Math.max(...years.map((y) => y.year)) + 1 : new Date().getFullYear();
  return (
    <>
      <section className="card" aria-labelledby="open-year">
        <h2 id="open-year">开放新的报告年度</h2>
        <OpenYearForm key={suggested} suggested={suggested} onOpened={setMessage} />
      </section>
      <section className="card" aria-labelledby="years">
        <h2 id="years">报告年度</h2>
        <p className="muted small">报送稿扫描件：选“要求”时，部门须上传单位负责人签字、加盖公章的报送稿扫描件，数据局才能审核通过（终审）该年度的报告。</p>
        <Feedback error={error} message={message} />
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">法定截止日期</th>
                <th scope="col">区内截止日期</th>
                <th scope="col">状态</th>
                <th scope="col">报送稿扫描件</th>
                <th scope="col">年报（已发布）</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}年度</th>
                  {editing === y.year ? (
                    <EditDeadlines
                      y={y}
                      onDone={(msg) => {
                        setEditing(null);
                        if (msg) setMessage(msg);
                      }}
                    />
                  ) : (
                    <>
                      <td>{y.legalDeadline}</td>
                      <td>{y.internalDeadline ?? '—'}</td>
                    </>
                  )}
                  <td>{y.open ? '开放填报' : '已关闭'}</td>
                  <td>
                    <ScanRequiredToggle year={y.year} required={y.scanRequired} />
                  </td>
                  <td>
                    {y.reportCount}（{y.publishedCount}）
                  </td>
                  <td className={styles.tight}>
                    <button type="button" className="linklike" onClick={() => setEditing(y.year)}>
                      修改截止日期
                    </button>{' '}
                    <button
                      type="button"
                      className="linklike"
                      disabled={busy}
                      onClick={() => {
                        if (y.open && !window.confirm(`关闭${y.year}年度？关闭后各部门不能再新建该年度的报告，已在填报或审核中的报告不受影响。`)) return;
                        void run(() => trpc.years.setOpen.mutate({ year: y.year, open: !y.open }), () =>
                          setMessage(y.open ? `已关闭${y.year}年度。` : `已重新开放${y.year}年度。`),
                        );
                      }}
                    >
                      {y.open ? '关闭' : '重新开放'}
                    </button>{' '}
                    <a href={`/admin/progress?year=${y.year}`}>进度</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
