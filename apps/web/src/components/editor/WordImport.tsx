'use client';
/**
 * 从 Word 文件导入: the clerk's own DOCX read on the server (nothing stored there) and merged into
 * the form here, then saved like any edit. It lists what it filled and what it could not, asks
 * before replacing anything already typed, and 载入导入前内容 puts the form back in one click.
 */
import { useRef, useState } from 'react';
import { CONTACT_FIELDS, TEXT_SECTIONS, contactLocation, type Cell, type ReportContent, readInput, writeInputs } from '@ccgov/report';
import { fileToBase64 } from '@/components/excel/files';
import { errorMessage, trpc } from '@/trpc/client';
import { CELLS } from './cells';
import { useEditor, useEditorActions } from './EditorContext';

type WordResult = Awaited<ReturnType<typeof trpc.history.readWord.mutate>>;
type Change = { target: string; label: string; kind: 'figure' | 'text'; value: Cell | string; current: Cell | string };

const textTargets = [
  ...CONTACT_FIELDS.map((f) => ({ target: `contact.${f.key}`, label: contactLocation(f.key), read: (c: ReportContent) => c.contact?.[f.key] ?? '' })),
  ...TEXT_SECTIONS.map((s) => ({ target: s.target, label: s.label, read: s.read })),
];

function writeText(content: ReportContent, target: string, value: string): ReportContent {
  const [area, a, b] = target.split('.');
  if (area === 'contact') return { ...content, contact: { ...content.contact, [a!]: value } };
  if (a === 'overview') return { ...content, overview: { ...content.overview, [b!]: value } };
  return { ...content, [a!]: value };
}

const isBlank = (v: Cell | string) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** What the Word file would change: every figure it placed and every text part it found. */
function changesOf(content: ReportContent, result: WordResult): Change[] {
  const out: Change[] = [];
  for (const key of result.figures) {
    if (!CELLS.has(key)) continue;
    const value = readInput(result.content, key);
    if (value === null) continue;
    out.push({ target: key, label: CELLS.get(key)!.label, kind: 'figure', value, current: readInput(content, key) });
  }
  for (const t of textTargets) {
    const value = t.read(result.content).trim();
    if (value) out.push({ target: t.target, label: t.label, kind: 'text', value, current: t.read(content) });
  }
  return out;
}

function apply(content: ReportContent, changes: readonly Change[]): ReportContent {
  const figures = new Map<string, Cell>();
  let next = content;
  for (const c of changes) {
    if (c.kind === 'figure') figures.set(c.target, c.value as Cell);
    else next = writeText(next, c.target, c.value as string);
  }
  return figures.size ? writeInputs(next, figures) : next;
}

export function WordImport({ reportId, year }: { reportId: number; year: number }) {
  const { content } = useEditor();
  const { updateContent } = useEditorActions();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ result: WordResult; changes: Change[]; conflicts: Change[] } | null>(null);
  const [summary, setSummary] = useState<{ filled: Change[]; kept: Change[]; result: WordResult } | null>(null);
  const [before, setBefore] = useState<ReportContent | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    setPending(null);
    try {
      const result = await trpc.history.readWord.mutate({ id: reportId, name: file.name, file: await fileToBase64(file) });
      const changes = changesOf(content, result).filter((c) => String(c.value) !== String(c.current ?? ''));
      const conflicts = changes.filter((c) => !isBlank(c.current));
      if (conflicts.length) setPending({ result, changes, conflicts });
      else fill(result, changes, []);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  function fill(result: WordResult, changes: Change[], kept: Change[]) {
    const keep = new Set(kept.map((k) => k.target));
    const filled = changes.filter((c) => !keep.has(c.target));
    setBefore(content);
    updateContent((c) => apply(c, filled));
    setSummary({ filled, kept, result });
    setPending(null);
  }

  const filledFigures = summary?.filled.filter((c) => c.kind === 'figure').length ?? 0;
  const filledTexts = summary?.filled.filter((c) => c.kind === 'text') ?? [];
  const missingTexts = summary ? textTargets.filter((t) => !t.read(summary.result.content).trim()) : [];
  const blanks = summary?.result.unplaced.reduce((a, u) => a + u.keys.length, 0) ?? 0;

  return (
    <section className="card no-print" aria-labelledby={`word-${reportId}`}>
      <h2 id={`word-${reportId}`} style={{ fontSize: 17, margin: '0 0 8px' }}>
        从 Word 文件导入
      </h2>
      <p className="small" style={{ margin: '0 0 8px' }}>
        已经在 Word 中写好本年度报告的，可上传该 .docx 文件，自动填写文字和表格数字（单个文件上限 2 MB）。已填写的内容不会在未确认时被覆盖；导入后可一键恢复。
      </p>
      <div className="actions">
        <label className="btn secondary" htmlFor={`word-file-${reportId}`} aria-disabled={busy}>
          {busy ? '正在读取…' : '选择 Word 文件'}
        </label>
        <input
          id={`word-file-${reportId}`}
          ref={input}
          type="file"
          accept=".docx,.doc,.wps,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={busy}
          aria-label="选择要导入的 Word 文件"
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
        {before && (
          <button
            type="button"
            className="btn secondary"
            onClick={() => {
              const b = before;
              updateContent(() => b);
              setBefore(null);
              setSummary(null);
            }}
          >
            载入导入前内容
          </button>
        )}
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {pending && (
        <div className="alert warn" role="alertdialog" aria-label="确认覆盖已填写的内容">
          <p style={{ margin: 0 }}>Word 文件中有 {pending.conflicts.length} 项与已填写的内容不同：</p>
          <ul style={{ margin: '4px 0', paddingLeft: 20, maxHeight: 160, overflow: 'auto' }}>
            {pending.conflicts.map((c) => (
              <li key={c.target}>
                {c.label}：{c.kind === 'figure' ? `已填 ${c.current}，Word 中为 ${c.value}` : '已填写的文字与 Word 中的不同'}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="btn" onClick={() => fill(pending.result, pending.changes, [])}>
              覆盖这些内容
            </button>
            <button type="button" className="btn secondary" onClick={() => fill(pending.result, pending.changes, pending.conflicts)}>
              只填写空白项
            </button>
            <button type="button" className="btn secondary" onClick={() => setPending(null)}>
              取消
            </button>
          </div>
        </div>
      )}
      {summary && (
        <div className="alert ok" role="status">
          <p style={{ margin: 0 }}>
            已从 Word 文件填写 {filledFigures} 个数字和 {filledTexts.length} 个部分
            {filledTexts.length ? `（${filledTexts.map((t) => t.label).join('、')}）` : ''}，草稿将自动保存。
            {summary.kept.length ? `保留了已填写的 ${summary.kept.length} 项。` : ''}
            {summary.result.year && summary.result.year !== year ? `注意：该文件是${summary.result.year}年度的报告。` : ''}
          </p>
          {(blanks > 0 || missingTexts.length > 0) && (
            <>
              <p style={{ margin: '4px 0 0' }}>未能填写：</p>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {summary.result.unplaced.map((u) => (
                  <li key={u.message}>{u.message}</li>
                ))}
                {missingTexts.length > 0 && <li>Word 文件中没有找到：{missingTexts.map((t) => t.label).join('、')}</li>}
              </ul>
            </>
          )}
          {summary.result.notes.map((n) => (
            <p key={n} className="small" style={{ margin: '4px 0 0' }}>
              {n}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

