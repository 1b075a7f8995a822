'use client';
/**
 * 导入历史报告: paste text or upload files (several at once, or a .zip of them); each is read on the
 * server (nothing stored) and shown here — body and year (editable), the tables in the official
 * layout with every cell's origin on hover or focus, 对照原文 (the figures beside the source lines
 * they were read from, blank and unplaced ones marked), what could not be placed, the checker's
 * findings — cross-year rules included, against the body's report of the year before on file or
 * another file of this batch — until 确认导入 (one audited transaction on the server) or 放弃.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkReport, FIGURE_BY_KEY, figureValues, formatFigure, TABLE_LAYOUTS, TABLE_ORDER, type FigureCell, type ReportContent } from '@ccgov/report';
import { OfficialTable } from '@/components/OfficialTable';
import { fileToBase64 } from '@/components/excel/files';
import { errorMessage, trpc } from '@/trpc/client';
import styles from './admin.module.css';

type Preview = Awaited<ReturnType<typeof trpc.history.parse.mutate>>['items'][number];
type Parsed = Extract<Preview, { ok: true }>;
type Target = Awaited<ReturnType<typeof trpc.history.targets.query>>[number];
type Source = { name: string; file?: string; text?: string };
type Item = { key: string; source: Source; preview: Preview };
/** What a card is about to import, so another card of the batch can use it as its year before. */
type Selection = { departmentId: number; year: number; content: ReportContent; shownName: string };
type Previous = { year: number; content: ReportContent; from: string };

/** Names compared the way the importer compares labels: width folded, spaces and punctuation dropped. */
const norm = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}]/gu, '');

export function matchTarget(targets: readonly Target[], body: string | null): Target | null {
  if (!body) return null;
  const n = norm(body);
  const exact = targets.filter((t) => norm(t.name) === n);
  if (exact.length === 1) return exact[0]!;
  const near = targets.filter((t) => norm(t.name).endsWith(n) || n.endsWith(norm(t.name)));
  return near.length === 1 ? near[0]! : null;
}

function sourceText(ref: Parsed['sources'][string] | undefined): string {
  if (!ref) return '';
  const where = ref.table ? `第${ref.table}个表格 第${ref.row}行 第${ref.cell}格` : ref.line ? `第${ref.line}行` : '';
  return `来源：${where}${where ? '，' : ''}原文“${ref.text}”`;
}

const STATE_TEXT = { placed: '', blank: '原文空白，按 0 计', unplaced: '未能识别，留空' } as const;

/**
 * 对照原文: each source line with the figures read from it, side by side. Lines with a blank-read
 * or unplaced figure are marked; by default only lines that gave figures (or failed to) are shown.
 */
function SourceView({ view, id }: { view: Parsed['sourceView']; id: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? view.lines : view.lines.filter((l) => l.figures.length > 0);
  const { placed, blank, unplaced } = view.counts;
  return (
    <details className="import-source" data-testid="source-view">
      <summary>
        对照原文查看：{placed} 个数字读自原文，{blank} 个原文空白按 0 计，{unplaced} 个未能识别
      </summary>
      <label className={styles.importOption}>
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> 显示全部原文（{view.lines.length} 行）
      </label>
      <div className={styles.sourceWrap} role="region" aria-label="对照原文" tabIndex={0}>
        <table className={styles.sourceTable}>
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">原文</th>
              <th scope="col">识别的数字</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => {
              const bad = l.figures.some((f) => f.state === 'unplaced');
              const blankLine = l.figures.some((f) => f.state === 'blank');
              return (
                <tr key={l.line} id={`${id}-src-${l.line}`} className={bad ? styles.sourceBad : blankLine ? styles.sourceBlank : undefined} data-line={l.line}>
                  <td className={styles.sourceNo}>{l.line}</td>
                  <td className={styles.sourceText}>{l.text}</td>
                  <td>
                    {l.figures.length > 0 && (
                      <ul className={styles.sourceFigures}>
                        {l.figures.map((f, i) => (
                          <li key={`${f.key}-${i}`} className={f.state === 'unplaced' ? styles.importError : undefined} data-figure={f.key || undefined} data-state={f.state}>
                            {f.label}：{f.state === 'unplaced' ? '？' : formatFigure(f.value, FIGURE_BY_KEY.get(f.key)?.kind ?? 'count')}
                            {f.state !== 'placed' && <strong>（{STATE_TEXT[f.state]}）</strong>}
                            {f.state === 'unplaced' && f.message && <span className="small"> {f.message}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.unlocated.length > 0 && (
        <div className="alert warn">
          <p style={{ margin: 0 }}>原文中没有找到这些行，数字留空：</p>
          <ul className={styles.problems}>
            {[...new Set(view.unlocated.map((f) => f.message ?? f.label))].map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}

function PreviewCard({
  item,
  targets,
  onDone,
  onDrop,
  onSelect,
  batchPrevious,
}: {
  item: Item;
  targets: readonly Target[];
  onDone: () => void;
  onDrop: () => void;
  /** Tell the batch what this card would import (null: nothing chosen yet, or done). */
  onSelect: (s: Selection | null) => void;
  /** Another file of this batch for the same body and the year before. */
  batchPrevious: (departmentId: number, year: number) => Previous | null;
}) {
  const p = item.preview as Parsed;
  const matched = useMemo(() => matchTarget(targets, p.body), [targets, p.body]);
  const [departmentId, setDepartmentId] = useState<number | ''>(matched?.id ?? '');
  const [year, setYear] = useState<string>(p.year ? String(p.year) : '');
  const [publishedDate, setPublishedDate] = useState(p.publishedDate ?? '');
  const [allowBlank, setAllowBlank] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; publicationId: number | null } | null>(null);
  /** The origin of the cell last hovered or focused, shown in words under the tables (a title shows on hover only). */
  const [origin, setOrigin] = useState<string | null>(null);

  const target = targets.find((t) => t.id === departmentId) ?? null;
  const yearNum = /^\d{4}$/.test(year) ? Number(year) : null;
  const existing = target && yearNum ? target.years.find((y) => y.year === yearNum) ?? null : null;
  const onFile = target && yearNum ? target.years.find((y) => y.year === yearNum - 1) : undefined;
  // The year before, for the cross-year rules (7 上年结转, 10 与上年比较, 12 现行有效件数): the
  // body's report on file, else a file of this batch for that body and year.
  const [filed, setFiled] = useState<Previous | null>(null);
  useEffect(() => {
    setFiled(null);
    if (!target || !yearNum || !onFile) return;
    let live = true;
    trpc.history.previous
      .query({ departmentId: target.id, year: yearNum })
      .then((r) => live && r && setFiled({ ...r, from: `平台中的${r.year}年度报告（报告编号 ${onFile.reportId}）` }), () => undefined);
    return () => {
      live = false;
    };
  }, [target, yearNum, onFile]);
  const previous = filed ?? (target && yearNum ? batchPrevious(target.id, yearNum) : null);
  const checks = useMemo(
    () =>
      checkReport({
        year: yearNum ?? new Date().getFullYear() - 1,
        body: target?.name ?? p.body ?? '',
        content: p.content,
        declaredTotals: p.declaredTotals,
        previous: previous ? { year: previous.year, content: previous.content } : null,
      }),
    [yearNum, target, p, previous],
  );
  useEffect(() => {
    onSelect(target && yearNum && !done ? { departmentId: target.id, year: yearNum, content: p.content, shownName } : null);
    // onSelect is a fresh closure each render of the list; the selection is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, yearNum, p.content, done]);
  const blankKeys = useMemo(() => new Set(p.unplaced.flatMap((u) => u.keys)), [p.unplaced]);
  const values = useMemo(() => figureValues(p.content), [p.content]);
  const blanks = blankKeys.size;
  const id = `hist-${item.key}`;
  const shownName = item.preview.entry ? `${item.preview.name} › ${item.preview.entry}` : item.preview.name;

  const renderFigure = (cell: FigureCell) => {
    const { figure } = cell;
    const unplaced = blankKeys.has(figure.key);
    const published = p.published[figure.key];
    const value = published !== undefined ? published : values[figure.key];
    const ref = p.sources[figure.key];
    const title = unplaced
      ? `未能识别，留空：${p.unplaced.find((u) => u.keys.includes(figure.key))?.message ?? ''}`
      : ref
        ? sourceText(ref)
        : figure.computed
          ? '原文未给出，按格式计算'
          : '原文中没有这个数字（留空）';
    const cls = ['num', figure.computed ? 'computed' : '', unplaced ? styles.importUnplaced : !ref ? styles.importBlank : ''].filter(Boolean).join(' ');
    const shown = `${figure.name}：${unplaced ? '？' : formatFigure(value, figure.kind) || '空'}。${title}`;
    return (
      <td
        className={cls}
        colSpan={cell.colSpan}
        data-cell={figure.key}
        title={title}
        tabIndex={0}
        aria-label={`${formatFigure(value, figure.kind) || '空'}，${title}`}
        onFocus={() => setOrigin(shown)}
        onMouseEnter={() => setOrigin(shown)}
      >
        {unplaced ? '？' : formatFigure(value, figure.kind)}
      </td>
    );
  };

  async function commit() {
    if (!target || !yearNum) return setError('请选择报告主体并填写报告年度');
    setBusy(true);
    setError(null);
    try {
      const r = await trpc.history.commit.mutate({
        source: item.source,
        entry: item.preview.entry ?? undefined,
        departmentId: target.id,
        year: yearNum,
        publishedDate: publishedDate || null,
        allowBlank,
        reason: reason.trim() || undefined,
      });
      setDone({ text: `已导入：${r.departmentName}${r.year}年度${r.corrected ? '（更正）' : ''}，报告编号 ${r.reportId}。`, publicationId: r.publicationId });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card import-card" aria-labelledby={id}>
      <h2 id={id}>{shownName}</h2>
      <p className="small">
        {p.title ? `标题：${p.title}` : '未找到标题'}
        {p.body ? ` · 识别的报告主体：${p.body}` : ''}
        {p.year ? ` · 识别的年度：${p.year}` : ''} · SHA-256 {item.preview.sha256?.slice(0, 12)}…
      </p>
      {done ? (
        <div className="alert ok" role="status">
          {done.text}
          {done.publicationId && (
            <>
              {' '}
              <a href={`/reports/${done.publicationId}`}>查看公开页面</a>
            </>
          )}
        </div>
      ) : (
        <>
          <div className={styles.row}>
            <div className="field">
              <label htmlFor={`${id}-dept`}>报告主体</label>
              <select id={`${id}-dept`} value={departmentId} onChange={(e) => setDepartmentId(e.target.value ? Number(e.target.value) : '')}>
                <option value="">（请选择）</option>
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-year`}>报告年度</label>
              <input id={`${id}-year`} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value.trim())} size={6} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-date`}>原发布日期</label>
              <input id={`${id}-date`} type="date" value={publishedDate} onChange={(e) => setPublishedDate(e.target.value)} />
            </div>
          </div>
          {!matched && p.body && <p className="small">“{p.body}”未能对应到平台中的部门，请选择报告主体。</p>}
          {existing && (
            <p className={existing.imported ? 'alert warn' : 'alert error'} role="status">
              {existing.imported
                ? `${target!.name}${yearNum}年度已有导入的报告（报告编号 ${existing.reportId}）：确认导入即为更正，请填写更正原因。`
                : `${target!.name}${yearNum}年度的报告已在平台中填报（报告编号 ${existing.reportId}），不能导入。`}
            </p>
          )}
          {target && yearNum && !existing && (
            <p className="small" data-testid="cross-year">
              {previous
                ? `跨年度核对（规则7、10、12）对照：${previous.from}。`
                : `平台中和本次导入的文件中都没有${target.name}${yearNum - 1}年度的报告，跨年度核对（规则7、10、12）无法进行。`}
            </p>
          )}

          {p.unplaced.length > 0 && (
            <div className="alert warn">
              <p style={{ margin: 0 }}>有 {blanks} 个数字未能识别，已留空（表中标“？”）：</p>
              <ul className={styles.problems}>
                {p.unplaced.map((u) => (
                  <li key={u.message}>{u.message}</li>
                ))}
              </ul>
            </div>
          )}
          {p.notes.length > 0 && (
            <ul className="small">
              {p.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <div className="import-checks" aria-label="检查结果">
            <h3>检查结果：{checks.errors.length} 个错误，{checks.warnings.length} 个提示</h3>
            {checks.errors.length + checks.warnings.length > 0 && (
              <ul className={styles.problems}>
                {checks.errors.map((c, i) => (
                  <li key={`e${i}`} className={styles.importError}>
                    错误：{c.message}
                  </li>
                ))}
                {checks.warnings.map((c, i) => (
                  <li key={`w${i}`}>提示：{c.message}</li>
                ))}
              </ul>
            )}
          </div>
          <details className="import-tables" open>
            <summary>按官方格式查看识别的数字（鼠标悬停或用 Tab 键聚焦单元格可查看来源）</summary>
            <p className="small import-legend">
              <span className={styles.importUnplaced}>？</span> 未能识别，留空　<span className={styles.importBlank}>　</span> 原文中没有、留空　灰底：按格式计算的合计
            </p>
            {TABLE_ORDER.map((k) => (
              <div key={k}>
                <h3>{TABLE_LAYOUTS[k].title}</h3>
                <OfficialTable layout={TABLE_LAYOUTS[k]} renderFigure={renderFigure} label={`${shownName} ${TABLE_LAYOUTS[k].title}`} />
              </div>
            ))}
            <p className={`small ${styles.importOrigin}`} data-testid="cell-origin">
              {origin ?? '鼠标悬停或用 Tab 键聚焦一个数字，这里显示它的来源。'}
            </p>
          </details>
          <SourceView view={p.sourceView} id={id} />
          {blanks > 0 && (
            <label className={styles.importOption}>
              <input type="checkbox" checked={allowBlank} onChange={(e) => setAllowBlank(e.target.checked)} /> 未能识别的数字留空导入（已核对原文）
            </label>
          )}
          {existing?.imported && (
            <div className="field">
              <label htmlFor={`${id}-reason`}>更正原因</label>
              <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} />
            </div>
          )}
          {error && (
            <p className="alert error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="btn" disabled={busy || !target || !yearNum || (existing !== null && !existing.imported)} onClick={() => void commit()}>
              {busy ? '正在导入…' : '确认导入'}
            </button>
            <button type="button" className="btn secondary" disabled={busy} onClick={onDrop}>
              放弃
            </button>
          </div>
        </>
      )}
    </section>
  );
}

export function HistoryImportPanel({ targets: initialTargets }: { targets: Target[] }) {
  const [targets, setTargets] = useState(initialTargets);
  const [items, setItems] = useState<Item[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const [selections, setSelections] = useState<Record<string, Selection | null>>({});
  const select = (key: string) => (sel: Selection | null) =>
    setSelections((m) => (m[key] === sel || (m[key] == null && sel == null) ? m : { ...m, [key]: sel }));
  const batchPrevious = (self: string) => (departmentId: number, year: number): Previous | null => {
    const hit = Object.entries(selections).find(([k, s]) => k !== self && s && s.departmentId === departmentId && s.year === year - 1);
    return hit?.[1] ? { year: year - 1, content: hit[1].content, from: `本次一同导入的文件“${hit[1].shownName}”（${year - 1}年度）` } : null;
  };

  async function read(sources: Source[]) {
    setBusy(true);
    setError(null);
    try {
      // One call per file: each stays within the request bound.
      for (const source of sources) {
        const { items: read } = await trpc.history.parse.mutate(source);
        setItems((list) => [...list, ...read.map((preview) => ({ key: String(++counter.current), source, preview }))]);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  const refreshTargets = () => void trpc.history.targets.query().then(setTargets, () => undefined);

  return (
    <>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">导入历史报告</h2>
        <p>
          把已在政府网站公开的年度报告导入平台，成为该单位该年度的已公开报告（标明“历史导入”和来源文件）。可上传网页另存的 .html、从网页复制的文字（.txt）或
          Word（.docx）文件，可一次选择多个，或上传包含这些文件的 .zip 压缩包（单个文件上限 2 MB）；也可直接粘贴从网页复制的文字。读取后逐份核对，确认后才导入。
        </p>
        <div className={styles.row}>
          <div className={`field ${styles.grow}`}>
            <label htmlFor="history-files">选择文件</label>
            <input
              id="history-files"
              ref={fileInput}
              type="file"
              multiple
              accept=".txt,.html,.htm,.docx,.doc,.wps,.zip"
              disabled={busy}
              onChange={async (e) => {
                const files = [...(e.target.files ?? [])];
                if (files.length) await read(await Promise.all(files.map(async (f) => ({ name: f.name, file: await fileToBase64(f) }))));
              }}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="history-text">或粘贴报告全文</label>
          <textarea id="history-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} placeholder="从政府网站复制整篇年度报告（含表格）粘贴到这里" />
        </div>
        <div className="actions">
          <button type="button" className="btn" disabled={busy || !text.trim()} onClick={() => void read([{ name: '粘贴的文字', text }]).then(() => setText(''))}>
            {busy ? '正在读取…' : '读取粘贴的文字'}
          </button>
        </div>
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
      </section>
      {items.map((item) =>
        item.preview.ok ? (
          <PreviewCard
            key={item.key}
            item={item}
            targets={targets}
            onDone={refreshTargets}
            onDrop={() => {
              setItems((l) => l.filter((i) => i.key !== item.key));
              setSelections((m) => ({ ...m, [item.key]: null }));
            }}
            onSelect={select(item.key)}
            batchPrevious={batchPrevious(item.key)}
          />
        ) : (
          <section key={item.key} className="card" aria-label={item.preview.entry ?? item.preview.name}>
            <h2>{item.preview.entry ? `${item.preview.name} › ${item.preview.entry}` : item.preview.name}</h2>
            <p className="alert error" role="alert">
              未能导入：{item.preview.error}
            </p>
            <button type="button" className="btn secondary" onClick={() => setItems((l) => l.filter((i) => i.key !== item.key))}>
              放弃
            </button>
          </section>
        ),
      )}
    </>
  );
}
