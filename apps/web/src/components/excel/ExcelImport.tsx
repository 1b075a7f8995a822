'use client';
import { useEffect, useRef, useState } from 'react';
import { errorAppData, errorMessage, trpc } from '@/trpc/client';
import { fileToBase64 } from './files';

type Problem = { sheet: string; cell: string; message: string; text: string; target?: string };
export type ExcelImportResult = Awaited<ReturnType<typeof trpc.excel.importDraft.mutate>>;

/**
 * Excel 模板: download the blank template of the report's year, and upload a filled one into this
 * draft. The server reads the whole file first; any problem is listed by sheet and cell and
 * nothing is stored. Self-contained: mount it on the department's report page with the report's
 * id and year. Inside an editor that keeps its own state, pass `version` as a getter of the
 * editor's current lock version, `beforeUpload` to flush unsaved edits, and `onImported` to take
 * the new content and version (the result carries both); without `onImported` the page reloads,
 * so the editor starts again from what the server now holds.
 */
export function ExcelImport({
  reportId,
  year,
  version,
  editable = true,
  beforeUpload,
  onImported,
}: {
  reportId: number;
  year: number;
  version: number | (() => number);
  editable?: boolean;
  beforeUpload?: () => Promise<unknown>;
  onImported?: (result: ExcelImportResult) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const doneKey = `ccgov.excelImported.${reportId}`;

  // The confirmation outlives the reload that shows the imported figures.
  useEffect(() => {
    const saved = sessionStorage.getItem(doneKey);
    if (saved) {
      sessionStorage.removeItem(doneKey);
      setDone(saved);
    }
  }, [doneKey]);

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    setProblems([]);
    setDone(null);
    try {
      await beforeUpload?.();
      const current = typeof version === 'function' ? version() : version;
      const result = await trpc.excel.importDraft.mutate({ id: reportId, version: current, file: await fileToBase64(file) });
      const message = `已从 Excel 导入表二、表三、表四的数字（填写了 ${result.filled} 个单元格，空白按0），草稿已保存。`;
      if (onImported) {
        setDone(message);
        onImported(result);
      } else {
        sessionStorage.setItem(doneKey, message);
        window.location.reload();
      }
    } catch (e) {
      setError(errorMessage(e));
      setProblems(errorAppData<{ excelProblems?: Problem[] }>(e)?.excelProblems ?? []);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <section className="card no-print" aria-labelledby={`excel-${reportId}`}>
      <h2 id={`excel-${reportId}`} style={{ fontSize: 17, margin: '0 0 8px' }}>
        用 Excel 填写表格数字
      </h2>
      <p className="small" style={{ margin: '0 0 8px' }}>
        下载模板，在浅黄色单元格中填写表二、表三、表四的数字后上传；总计由公式计算。文字部分仍在本页填写。
      </p>
      <div className="actions">
        <a className="btn secondary" href={`/api/excel/template/${year}`} download>
          下载{year}年度 Excel 模板
        </a>
        {editable && (
          <>
            <label className="btn" htmlFor={`excel-file-${reportId}`} aria-disabled={busy}>
              {busy ? '正在读取…' : '上传 Excel'}
            </label>
            <input
              id={`excel-file-${reportId}`}
              ref={input}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              aria-label="上传填好的 Excel 模板"
              style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </>
        )}
      </div>
      {done && (
        <p className="alert ok" role="status">
          {done}
        </p>
      )}
      {error && (
        <div className="alert error" role="alert">
          <p style={{ margin: 0 }}>{problems.length ? `Excel 文件有 ${problems.length} 处问题，未导入任何数据。请改正后重新上传：` : error}</p>
          {problems.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {problems.map((p) => (
                <li key={`${p.sheet}-${p.cell}-${p.message}`}>{p.text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
