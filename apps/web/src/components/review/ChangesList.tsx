import { textChangeSpan } from '@ccgov/report';
import { formatTimestamp } from '@ccgov/report';
import { formatNumber } from './format';
import type { ReviewDetail } from './types';
import styles from './review.module.css';

type Change = NonNullable<ReviewDetail['changes']>[number];

const CONTEXT = 30;
const head = (s: string) => (s.length > CONTEXT ? `${s.slice(0, CONTEXT)}…` : s);
const tail = (s: string) => (s.length > CONTEXT ? `…${s.slice(-CONTEXT)}` : s);

/** Whether a change answers a comment of the return (按意见修改) or was made without being asked. */
function Why({ answers }: { answers: boolean }) {
  return answers ? <span className={styles.tagAnswered}>✓ 按意见修改</span> : <span className={styles.tagUnasked}>! 未经要求的修改</span>;
}

/** 修改对比: what the department changed since the version the bureau sent back. */
export function ChangesList({
  changes,
  sentBack,
  onLocate,
}: {
  changes: Change[];
  sentBack: ReviewDetail['sentBack'];
  onLocate: (target: string) => void;
}) {
  const cells = changes.filter((c) => c.kind === 'cell');
  const texts = changes.filter((c) => c.kind !== 'cell');
  return (
    <>
      <h2 style={{ marginTop: 0 }}>修改对比</h2>
      <p className={styles.hint}>
        与{formatTimestamp(sentBack?.at)}{sentBack?.action === 'reopen' ? '打开更正' : '退回修改'}时的版本相比，共 {changes.length} 处修改
        {changes.length > 0
          ? `：数字 ${cells.length} 处，文字 ${texts.length} 处；其中按意见修改 ${changes.filter((c) => c.answersComment).length} 处，未经要求的修改 ${changes.filter((c) => !c.answersComment).length} 处。`
          : '：部门未作任何修改。'}
      </p>
      {cells.length > 0 && (
        <div className="table-wrap">
          <table className={styles.table} aria-label="修改的数字">
            <thead>
              <tr>
                <th scope="col">位置</th>
                <th scope="col">修改前</th>
                <th scope="col">修改后</th>
                <th scope="col">修改原因</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={c.target} data-target={c.target}>
                  <th scope="row" style={{ fontWeight: 400 }}>
                    <button type="button" className={styles.whereButton} onClick={() => onLocate(c.target)}>{c.label}</button>
                  </th>
                  <td className={styles.num}><span className={styles.removed}>{formatNumber(c.before as number | null)}</span></td>
                  <td className={styles.num}><span className={styles.added}>{formatNumber(c.after as number | null)}</span></td>
                  <td><Why answers={c.answersComment} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {texts.length > 0 && (
        <ul className={styles.items} aria-label="修改的文字">
          {texts.map((c) => {
            const before = String(c.before ?? '');
            const after = String(c.after ?? '');
            const span = textChangeSpan(before, after);
            return (
              <li key={c.target} className={styles.change} data-target={c.target}>
                <h3>
                  <button type="button" className={styles.whereButton} style={{ fontSize: 15 }} onClick={() => onLocate(c.target)}>{c.label}</button>{' '}
                  <Why answers={c.answersComment} />
                </h3>
                <p className={styles.textDiff}>
                  {tail(span.prefix)}
                  {span.removed && <del className={styles.removed}>{span.removed}</del>}
                  {span.added && <ins className={styles.added}>{span.added}</ins>}
                  {head(span.suffix)}
                </p>
                <details>
                  <summary className="small">查看修改前后全文</summary>
                  <div className={styles.beforeAfter}>
                    <div>
                      <strong className="small">修改前</strong>
                      <p className={styles.textDiff}>{before || '（空）'}</p>
                    </div>
                    <div>
                      <strong className="small">修改后</strong>
                      <p className={styles.textDiff}>{after || '（空）'}</p>
                    </div>
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
