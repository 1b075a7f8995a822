'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { ACTION_LABELS, STATUS_LABELS, type ReportAction, type ReportStatus } from '@ccgov/report';
import { errorAppData, errorCode, errorMessage, trpc } from '@/trpc/client';
import type { PendingComment, ReviewDetail } from './types';
import styles from './review.module.css';

type BureauAction = Exclude<ReportAction, 'submit' | 'recall'>;
type Notice = { kind: 'ok' | 'warn' | 'error'; text: string };

/** What each act tells the person before they confirm it, and what it asks them to write. */
const CONFIRM: Record<BureauAction, { explain: string; field?: { label: string; required: boolean } }> = {
  signoff: {
    explain: '确认本次提交的内容已审核无误。签批记录您的姓名和时间；同一版本同一人只能签批一次。',
    field: { label: '审核意见（可选）', required: false },
  },
  return: {
    explain: '报告将退回部门修改，每条意见显示在部门填报页面对应的单元格、行或章节旁。',
    field: { label: '退回说明（可选，概括本次退回的原因）', required: false },
  },
  publish: { explain: '发布后公众立即可以在公开门户阅读本报告，发布人和时间将记入历史。' },
  reopen: {
    explain:
      '更正：报告退回部门修改，修改后重新审核、发布。修改期间公众仍看到原发布版本；重新发布时，更正原因将作为“更正说明”与更正后的报告一起公布，原版本仍可查阅。',
    field: { label: '更正原因（将向公众公布）', required: true },
  },
  unpublish: {
    explain: '撤销发布后公众将看不到本报告，撤销操作和原因记入历史。',
    field: { label: '撤销原因', required: true },
  },
  republish: { explain: '重新发布后公众可以再次阅读本报告。' },
};

export function ReviewActions({
  data,
  pending,
  onReturned,
  onOpen,
}: {
  data: ReviewDetail;
  pending: PendingComment[];
  onReturned: () => void;
  /** Called when a confirmation opens, so the comment box makes room for it. */
  onOpen?: () => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState<BureauAction | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const actions = data.actions as BureauAction[];
  const id = data.report.id;
  const version = data.report.version;

  const label = (a: BureauAction) => (a === 'signoff' && data.nextSignoffLabel ? `${ACTION_LABELS.signoff}（${data.nextSignoffLabel}）` : ACTION_LABELS[a]);

  function start(a: BureauAction) {
    onOpen?.();
    setOpen(a);
    setText('');
    setNotice(null);
  }

  async function confirm() {
    if (!open) return;
    const field = CONFIRM[open].field;
    if (field?.required && !text.trim()) {
      setNotice({ kind: 'error', text: `请填写${field.label.replace(/（.*）$/, '')}` });
      return;
    }
    if (open === 'return' && pending.length === 0) {
      setNotice({ kind: 'error', text: '退回修改至少需要一条意见：请先在报告中点击单元格、行或章节，添加意见后再退回' });
      return;
    }
    setBusy(true);
    try {
      let done: string;
      switch (open) {
        case 'signoff': {
          const r = await trpc.review.signoff.mutate({ id, version, comment: text.trim() || undefined });
          done = r.status === 'approved' ? `已${label('signoff')}，报告已通过，可以发布` : `已${label('signoff')}`;
          break;
        }
        case 'return':
          await trpc.review.return.mutate({
            id,
            version,
            comments: pending.map((c) => ({ target: c.target, body: c.body })),
            summary: text.trim() || undefined,
          });
          onReturned();
          done = `已退回修改，${pending.length}条意见已发送给部门`;
          break;
        case 'publish':
          await trpc.review.publish.mutate({ id, version });
          done = '已发布，公众现在可以在公开门户阅读本报告';
          break;
        case 'reopen':
          await trpc.review.reopen.mutate({ id, version, reason: text.trim(), comments: pending.map((c) => ({ target: c.target, body: c.body })) });
          onReturned();
          done = '已退回部门更正；更正期间公众仍看到原发布版本';
          break;
        case 'unpublish':
          await trpc.review.unpublish.mutate({ id, version, reason: text.trim() });
          done = '已撤销发布，公众不再能看到本报告';
          break;
        case 'republish':
          await trpc.review.republish.mutate({ id, version });
          done = '已重新发布';
          break;
      }
      setOpen(null);
      setNotice({ kind: 'ok', text: done });
      router.refresh();
    } catch (err) {
      if (errorCode(err) === 'CONFLICT') {
        // Someone else acted first: say so, and show the report as it is now.
        const now = errorAppData<{ status?: ReportStatus }>(err)?.status;
        setOpen(null);
        setNotice({
          kind: 'warn',
          text: `操作未生效：其他人刚刚处理了这份报告${now ? `，报告现在是“${STATUS_LABELS[now]}”` : ''}。页面已更新为最新状态，请查看后再决定下一步。`,
        });
        router.refresh();
      } else {
        setNotice({ kind: 'error', text: errorMessage(err) });
      }
    } finally {
      setBusy(false);
    }
  }

  const c = open ? CONFIRM[open] : null;
  return (
    <div className="card no-print">
      {actions.length > 0 ? (
        <div className={styles.actionBar} role="group" aria-label="审核操作">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'return' || a === 'unpublish' || a === 'reopen' ? 'btn secondary' : 'btn'}
              aria-expanded={open === a}
              onClick={() => start(a)}
              disabled={busy}
            >
              {label(a)}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted small" style={{ margin: 0 }}>{idleNote(data)}</p>
      )}

      {open && c && (
        <div className={styles.confirm} role="region" aria-label={label(open)}>
          <h2>{label(open)}</h2>
          <p className="small">{c.explain}</p>
          {open === 'reopen' && (
            <p className="small">
              {pending.length > 0
                ? `将同时发送 ${pending.length} 条意见，部门会在对应位置看到：${pending.map((c) => c.label).join('；')}`
                : '可先在报告中点击需要更正的单元格、行或章节添加意见，部门会在对应位置看到。'}
            </p>
          )}
          {open === 'return' && (
            pending.length > 0 ? (
              <>
                <p className="small">将发送 {pending.length} 条意见：</p>
                <ul className="small">
                  {pending.map((c) => (
                    <li key={c.key}>
                      {c.label}：{c.body}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="small">
                <strong className="error-text">还没有意见：请先在报告中点击单元格、行或章节添加意见。</strong>
              </p>
            )
          )}
          {c.field && (
            <label className="field">
              <span>{c.field.label}</span>
              <textarea value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} required={c.field.required} />
            </label>
          )}
          <div className="actions">
            <button type="button" className="btn" onClick={confirm} disabled={busy}>
              {busy ? '正在提交…' : `确认${label(open)}`}
            </button>
            <button type="button" className="btn secondary" onClick={() => setOpen(null)} disabled={busy}>
              取消
            </button>
          </div>
        </div>
      )}

      {notice && (
        <p className={`alert ${notice.kind === 'ok' ? 'ok' : notice.kind === 'warn' ? 'warn' : 'error'}`} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
    </div>
  );
}

/** Why there is nothing to press, in the bureau's words. */
function idleNote(data: ReviewDetail): string {
  switch (data.report.status) {
    case 'returned':
      return '报告已退回部门修改，部门重新提交后可继续审核。';
    case 'approved':
      return '报告已通过，等待数据局发布人发布。';
    case 'in_review':
    case 'submitted':
      return data.signoffs.length > 0 ? `您已签批本版本，等待${data.nextSignoffLabel ?? '下一级审核'}。` : '等待审核。';
    case 'published':
      return '报告已发布。';
    case 'withdrawn':
      return '报告已撤销发布。';
    default:
      return '';
  }
}
