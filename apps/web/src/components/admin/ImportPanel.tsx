'use client';
import { useRef, useState } from 'react';
import { DEPARTMENT_KIND_LABELS } from '@ccgov/report';
import { trpc } from '@/trpc/client';
import { csvLine, fileToBase64, saveText } from '@/components/excel/files';
import { Feedback } from './Feedback';
import { useAction } from './useAction';
import styles from './admin.module.css';

type Result = Awaited<ReturnType<typeof trpc.admin.importDirectory.mutate>>;

const OUTCOME = { created: '已新建', exists: '已存在', refused: '未导入' } as const;
const HEADERS = ['单位名称', '类型', '代码', '用户名', '姓名', '角色'];
const SAMPLE = [
  HEADERS,
  ['陈仓区某某局', DEPARTMENT_KIND_LABELS.department, 'mmj', 'mmj', '某某局填报人', '部门填报人'],
  ['某某镇', DEPARTMENT_KIND_LABELS.town, 'mmz', 'mmz', '某某镇填报人', ''],
  ['', '', '', 'shenhe2', '审核人二', '数据局审核人'],
];

/** 批量导入: departments and accounts from a CSV or Excel list, with a report for every row. */
export function ImportPanel() {
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<Result | null>(null);
  const input = useRef<HTMLInputElement>(null);

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">批量导入部门和账号</h2>
      <p>
        上传 CSV 或 Excel（.xlsx）名单，第一行为表头：{HEADERS.join('、')}。每行一个单位及其填报账号；只建数据局账号时单位名称留空并填写角色。
        已有的单位不会重复创建；每行单独处理，有问题的行不导入，其余照常导入。
      </p>
      <p>
        <button type="button" className="linklike" onClick={() => saveText('部门和账号导入模板.csv', SAMPLE.map(csvLine).join('\r\n'))}>
          下载导入模板（CSV）
        </button>
      </p>
      <form
        className={styles.row}
        aria-label="上传名单"
        onSubmit={async (e) => {
          e.preventDefault();
          const file = input.current?.files?.[0];
          if (!file) return;
          setResult(null);
          await run(async () => trpc.admin.importDirectory.mutate({ file: await fileToBase64(file) }), setResult);
        }}
      >
        <div className={`field ${styles.grow}`}>
          <label htmlFor="import-file">名单文件</label>
          <input id="import-file" ref={input} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        <button className="btn" type="submit" disabled={busy}>
          {busy ? '正在导入…' : '导入'}
        </button>
      </form>
      <Feedback error={error} />
      {result && (
        <>
          <p role="status" className="alert ok">
            共 {result.rows.length} 行：新建 {result.created} 行，已存在 {result.existing} 行，未导入 {result.refused} 行。
            新账号的临时密码只在这里显示一次，请下载或抄录后转告本人。
          </p>
          <button
            type="button"
            className="btn secondary"
            onClick={() =>
              saveText(
                '导入结果.csv',
                [['行号', '单位名称', '用户名', '结果', '说明', '临时密码'], ...result.rows.map((r) => [r.line, r.name, r.username, OUTCOME[r.outcome], r.message, r.temporaryPassword ?? ''])]
                  .map(csvLine)
                  .join('\r\n'),
              )
            }
          >
            下载导入结果
          </button>
          <div className="table-wrap">
            <table className="list" aria-label="导入结果">
              <thead>
                <tr>
                  <th scope="col">行号</th>
                  <th scope="col">单位名称</th>
                  <th scope="col">用户名</th>
                  <th scope="col">结果</th>
                  <th scope="col">说明</th>
                  <th scope="col">临时密码</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.line} className={r.outcome === 'refused' ? styles.late : undefined}>
                    <td>{r.line}</td>
                    <td>{r.name}</td>
                    <td>{r.username}</td>
                    <td className={r.outcome === 'refused' ? styles.lateText : undefined}>{OUTCOME[r.outcome]}</td>
                    <td>{r.message}</td>
                    <td>{r.temporaryPassword ? <span className={styles.secret}>{r.temporaryPassword}</span> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
