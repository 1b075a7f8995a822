'use client';
/** Checker findings, typing mistakes and reviewer comments, shown where they apply. */
import { targetLabel } from '@ccgov/report';
import { GAP_CODES, useEditor, type EditorState } from './EditorContext';
import { focusTarget } from './NumberCell';

type Note = { id: string; kind: 'error' | 'warning' | 'comment'; target: string; text: string };

function notesFor(api: EditorState, match: (target: string) => boolean): Note[] {
  const out: Note[] = [];
  for (const [target, comments] of api.commentsByTarget) {
    if (!match(target)) continue;
    for (const c of comments) out.push({ id: `c${c.id}`, kind: 'comment', target, text: `${targetLabel(target)}：${c.body}` });
  }
  for (const [target, message] of Object.entries(api.entryErrors)) {
    if (match(target)) out.push({ id: `e${target}`, kind: 'error', target, text: `${targetLabel(target)}：${message}` });
  }
  for (const [target, issues] of api.issuesByTarget) {
    if (!match(target)) continue;
    for (const i of issues) {
      if (GAP_CODES.has(i.code) && !api.showGaps) continue;
      out.push({ id: i.key, kind: i.severity, target, text: i.message });
    }
  }
  const order = { comment: 0, error: 1, warning: 2 };
  return out.sort((a, b) => order[a.kind] - order[b.kind]);
}

const KIND_LABEL = { comment: '审核意见', error: '错误', warning: '提醒' } as const;

function NoteList({ notes, linked }: { notes: Note[]; linked: boolean }) {
  if (notes.length === 0) return null;
  return (
    <ul className="notes">
      {notes.map((n) => (
        <li key={n.id} className={`note-${n.kind}`}>
          <span className="note-kind">{KIND_LABEL[n.kind]}</span>
          {linked ? (
            <button type="button" className="linklike" onClick={() => focusTarget(n.target)}>
              {n.text}
            </button>
          ) : (
            <span>{n.text}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Under a table: everything about its cells, each a link to its cell. */
export function AreaNotes({ prefix }: { prefix: string }) {
  const api = useEditor();
  return <NoteList notes={notesFor(api, (t) => t.startsWith(prefix))} linked />;
}

/** Under a text box or a contact field: what concerns it. */
export function FieldNotes({ target }: { target: string }) {
  const api = useEditor();
  return <NoteList notes={notesFor(api, (t) => t === target)} linked={false} />;
}
