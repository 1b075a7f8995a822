'use client';
import { useState } from 'react';
import { trpc } from '@/trpc/client';
import { Feedback } from './Feedback';
import { useAction, useFeedback, type FeedbackState } from './useAction';
import styles from './admin.module.css';

export type WordRow = { id: number; word: string; suggestion: string; note: string };

function WordForm({
  initial,
  label,
  feedback,
  onSaved,
  onCancel,
}: {
  initial?: WordRow;
  label: string;
  /** The panel's outcome line, when the form reports there instead of under itself. */
  feedback?: FeedbackState;
  onSaved: (w: string) => void;
  onCancel?: () => void;
}) {
  const { busy, error, run } = useAction(feedback);
  const [word, setWord] = useState(initial?.word ?? '');
  const [suggestion, setSuggestion] = useState(initial?.suggestion ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const prefix = initial ? `w${initial.id}` : 'new';
  return (
    <form
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await run(() =>
          initial ? trpc.words.update.mutate({ id: initial.id, word, suggestion, note }) : trpc.words.create.mutate({ word, suggestion, note }),
        );
        if (r) {
          if (!initial) {
            setWord('');
            setSuggestion('');
            setNote('');
          }
          onSaved(word.trim());
        }
      }}
    >
      <div className={styles.row}>
        <div className="field">
          <label htmlFor={`${prefix}-word`}>错敏词</label>
          <input id={`${prefix}-word`} value={word} onChange={(e) => setWord(e.target.value)} required maxLength={50} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-suggestion`}>建议写法</label>
          <input id={`${prefix}-suggestion`} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} maxLength={100} />
        </div>
        <div className={`field ${styles.grow}`}>
          <label htmlFor={`${prefix}-note`}>说明</label>
          <input id={`${prefix}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </div>
        <button className="btn" type="submit" disabled={busy}>
          {initial ? '保存' : '添加'}
        </button>
        {onCancel && (
          <button className="btn secondary" type="button" onClick={onCancel}>
            取消
          </button>
        )}
      </div>
      {!feedback && <Feedback error={error} />}
    </form>
  );
}

/** 错敏词: the list the checker flags in every report's text; an edit applies to the next check. */
export function WordsPanel({ words }: { words: WordRow[] }) {
  // One outcome line for the panel (the add form and the row buttons), so an old error goes with the next success.
  const feedback = useFeedback();
  const { busy, error, message, setMessage, run } = useAction(feedback);
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="words-title">
      <h2 id="words-title">错敏词（{words.length}）</h2>
      <p className="muted small">检查报告文字时逐一比对本表；修改后，下一次检查即按新表执行。</p>
      <WordForm label="添加错敏词" feedback={feedback} onSaved={(w) => setMessage(`已添加“${w}”。`)} />
      <Feedback error={error} message={message} />
      <div className="table-wrap">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">错敏词</th>
              <th scope="col">建议写法</th>
              <th scope="col">说明</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {words.map((w) =>
              editing === w.id ? (
                <tr key={w.id}>
                  <td colSpan={4}>
                    <WordForm
                      initial={w}
                      label={`修改错敏词${w.word}`}
                      onSaved={(x) => {
                        setEditing(null);
                        setMessage(`已保存“${x}”。`);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={w.id}>
                  <td>{w.word}</td>
                  <td>{w.suggestion || '—'}</td>
                  <td>{w.note}</td>
                  <td className={styles.tight}>
                    <button type="button" className="linklike" onClick={() => setEditing(w.id)} aria-label={`修改${w.word}`}>
                      修改
                    </button>{' '}
                    <button
                      type="button"
                      className="linklike"
                      disabled={busy}
                      aria-label={`删除${w.word}`}
                      onClick={() => {
                        if (!window.confirm(`从错敏词表中删除“${w.word}”？`)) return;
                        void run(() => trpc.words.delete.mutate({ id: w.id }), () => setMessage(`已删除“${w.word}”。`));
                      }}
                    >
                      删除
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
