import type { Metadata } from 'next';
import { Downloads } from '../_components/Downloads';
import { loadRuleBook, SEVERITY_NOTES } from './rule-book';
import styles from './rules.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '校验规则' };

const SEVERITY_CLASS: Record<string, string | undefined> = { 错误: styles.error, 提示: styles.warning, 需说明: styles.explain };

const versionText = (r: { added: string; changed: string }) => (r.added === r.changed ? `${r.added} 新增` : `${r.added} 新增，${r.changed} 修改`);

/**
 * 校验规则 (public): every check the portal applies to a report, with its stable id, its
 * severity as set now, a plain description and the rule-set version it was added or changed in.
 */
export default async function RulesPage() {
  const book = await loadRuleBook();
  return (
    <>
      <h1>校验规则</h1>
      <p>
        各单位填报和提交政府信息公开工作年度报告时，平台按以下规则自动校验，数据局审核时看到同样的结果。当前规则版本：
        <strong data-testid="ruleset-version">{book.version}</strong>，共 {book.rules.length} 项规则。
      </p>
      <dl className={styles.levels} aria-label="级别">
        {Object.entries(SEVERITY_NOTES).map(([level, note]) => (
          <div key={level}>
            <dt>
              <span className={`${styles.sev} ${SEVERITY_CLASS[level] ?? ''}`}>{level}</span>
            </dt>
            <dd>{note}</dd>
          </div>
        ))}
      </dl>
      <Downloads
        label="下载规则表"
        links={[
          { href: '/rules/csv', text: 'CSV', note: 'Excel 可直接打开' },
          { href: '/rules/json', text: 'JSON' },
        ]}
      />
      <div className={styles.scroll}>
        <table className="list" data-table="rules">
          <caption>校验规则（规则版本 {book.version}）</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.nowrap}>编号</th>
              <th scope="col" className={styles.nowrap}>级别</th>
              <th scope="col">规则</th>
              <th scope="col" className={styles.version}>新增 / 修改于版本</th>
            </tr>
          </thead>
          <tbody>
            {book.rules.map((r) => (
              <tr key={r.id} id={r.id}>
                <th scope="row">{r.id}</th>
                <td>
                  <span className={`${styles.sev} ${SEVERITY_CLASS[r.severity] ?? ''}`}>{r.severity}</span>
                </td>
                <td>
                  <strong>{r.title}</strong>
                  <p className={styles.description}>{r.description}</p>
                  <p className={styles.versionInline}>{versionText(r)}</p>
                </td>
                <td className={styles.version}>{versionText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
