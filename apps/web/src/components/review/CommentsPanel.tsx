'use client';
import { useState, type RefObject } from 'react';
import { REQUEST_COLUMNS, REQUEST_TOTAL_LABEL, commentTargetLabel } from '@ccgov/report';
import { formatTimestamp } from '@ccgov/report';
import type { PendingComment, ReviewDetail } from './types';
import styles from './review.module.css';

type StoredComment = ReviewDetail['comments'][number];

const MAX_BODY = 1000;

/**
 * 审核意见: the box for a new comment on the place chosen in the report (or from the list), the
 * comments waiting to go out with 退回修改, and those sent with earlier returns.
 */
export function CommentsPanel(props: {
  canComment: boolean;
  selected: string | null;
  /** On a phone the box floats over the report while a place is chosen there. */
  floating: boolean;
  groups: { label: string; places: { target: string; label: string }[] }[];
  onSelect: (target: string) => void;
  onLocate: (target: string) => void;
  onClear: () => void;
  pending: PendingComment[];
  onAdd: (body: string) => void;
  onRemove: (key: string) => void;
  composerRef: RefObject<HTMLTextAreaElement | null>;
  roundComments: StoredComment[];
  earlierComments: StoredComment[];
}) {
  const { canComment, selected, pending } = props;
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A row of table 三, or one of its cells: the place shows the row and 列 its column, so a single
  // cell is reachable by keyboard too.
  const row = selected?.match(/^requests\.(?!col\.)(\w+)(?:\.(\d|total))?$/);
  const placeValue = row ? `requests.${row[1]}` : (selected ?? '');
  const inList = placeValue !== '' && props.groups.some((g) => g.places.some((p) => p.target === placeValue));

  function add(e: React.FormEvent) {
    e.preventDefault();
    const text = body.trim();
    if (!selected) return setError('请先在报告中点击要提意见的单元格、行或章节，或从“意见位置”中选择');
    if (!text) return setError('意见不能为空');
    if (text.length > MAX_BODY) return setError(`意见不能超过${MAX_BODY}字`);
    props.onAdd(text);
    setBody('');
    setError(null);
  }

  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">审核意见</h2>
      {canComment && (
        <form className={`${styles.composer} ${selected && props.floating ? styles.composerActive : ''}`} onSubmit={add} aria-label="添加意见">
          <label className="field">
            <span>意见位置</span>
            <select
              value={placeValue}
              onChange={(e) => {
                if (e.target.value) props.onSelect(e.target.value);
                else props.onClear();
              }}
            >
              <option value="">请选择，或在报告中点击单元格</option>
              {placeValue && !inList && <option value={placeValue}>{commentTargetLabel(placeValue)}</option>}
              {props.groups.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.places.map((p) => (
                    <option key={p.target} value={p.target}>{p.label}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          {row && (
            <label className="field">
              <span>列</span>
              <select value={row[2] ?? ''} onChange={(e) => props.onSelect(e.target.value ? `requests.${row[1]}.${e.target.value}` : `requests.${row[1]}`)}>
                <option value="">整行</option>
                {REQUEST_COLUMNS.map((c, i) => (
                  <option key={c.key} value={i}>{c.label}</option>
                ))}
                <option value="total">{REQUEST_TOTAL_LABEL}</option>
              </select>
            </label>
          )}
          {selected && (
            <p className={styles.target} aria-live="polite">
              已选：{commentTargetLabel(selected)}
            </p>
          )}
          <label className="field">
            <span>意见内容</span>
            <textarea ref={props.composerRef} value={body} maxLength={MAX_BODY + 100} onChange={(e) => setBody(e.target.value)} />
          </label>
          {error && <p className="error-text" role="alert">{error}</p>}
          <div className="actions">
            <button type="submit" className="btn">添加意见</button>
            {selected && (
              <button type="button" className="btn secondary" onClick={() => { props.onClear(); setError(null); }}>
                取消
              </button>
            )}
          </div>
        </form>
      )}

      {canComment && (
        <>
          <h3 className={styles.target}>待发送的意见（{pending.length}）</h3>
          {pending.length === 0 ? (
            <p className={styles.hint}>意见在点击“退回修改”（已发布的报告为“更正”）时一并发送给部门。</p>
          ) : (
            <ul className={styles.items} aria-label="待发送的意见">
              {pending.map((c) => (
                <li key={c.key} className={styles.pending}>
                  <button type="button" className={styles.whereButton} onClick={() => props.onLocate(c.target)}>{c.label}</button>
                  <div className={styles.body}>{c.body}</div>
                  <button type="button" className={`btn secondary ${styles.smallBtn}`} onClick={() => props.onRemove(c.key)} aria-label={`删除意见：${c.label}`}>
                    删除
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {props.roundComments.length > 0 && (
        <>
          <h3 className={styles.target}>最近一次退回的意见</h3>
          <CommentList comments={props.roundComments} onLocate={props.onLocate} />
        </>
      )}
      {props.earlierComments.length > 0 && (
        <details>
          <summary className="small">更早的意见（{props.earlierComments.length}）</summary>
          <CommentList comments={props.earlierComments} onLocate={props.onLocate} />
        </details>
      )}
      {!canComment && props.roundComments.length === 0 && <p className={styles.hint}>暂无意见。</p>}
    </section>
  );
}

function CommentList({ comments, onLocate }: { comments: StoredComment[]; onLocate: (t: string) => void }) {
  return (
    <ul className={styles.items}>
      {comments.map((c) => (
        <li key={c.id}>
          <button type="button" className={styles.whereButton} onClick={() => onLocate(c.target)}>{c.targetLabel}</button>
          <div className={styles.body}>{c.body}</div>
          <span className={styles.where}>
            {c.userName ?? ''} · {formatTimestamp(c.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
