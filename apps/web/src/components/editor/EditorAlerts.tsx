'use client';
/**
 * What the editor has to tell the clerk above the form: a save conflict or failure, a copy left in
 * this browser, the reviewer's comments of a return, the prefill from last year, a notice after a
 * paste or 填为 0, and the stages of 提交审核.
 */
import { formatTimestamp, targetLabel } from '@ccgov/report';
import type { ReportDraft, EditorData } from './useReportDraft';
import type { Submission } from './useSubmission';

export function EditorAlerts({
  data,
  draft,
  submission,
  goTo,
}: {
  data: EditorData;
  draft: ReportDraft;
  submission: Submission;
  /** Jump to the place a comment is about. */
  goTo: (target: string) => void;
}) {
  const { report } = data;
  const { saver, backup, notice, check } = draft;
  return (
    <div className="editor-alerts">
      {saver.state === 'conflict' && (
        <div className="alert error" role="alert">
          <p>{saver.message}</p>
          <div className="actions">
            <button
              type="button"
              className="btn secondary"
              onClick={() => {
                if (window.confirm('载入别处保存的最新内容后，本页尚未保存的修改将丢失。确定吗？')) saver.discardAndReload();
              }}
            >
              载入最新内容（放弃本页修改）
            </button>
            <button
              type="button"
              className="btn secondary"
              onClick={() => {
                if (window.confirm('将用本页内容覆盖别处保存的版本。确定吗？')) void saver.overwrite();
              }}
            >
              用本页内容覆盖保存
            </button>
          </div>
        </div>
      )}
      {(saver.state === 'offline' || saver.state === 'failed' || saver.state === 'invalid') && saver.message && (
        <p className={`alert ${saver.state === 'offline' ? 'warn' : 'error'}`} role="alert">
          {saver.message}
        </p>
      )}
      {backup && (
        <div className="alert warn" role="alert">
          <p>本机保存有一份 {formatTimestamp(backup.at)} 未能保存到服务器的内容。要恢复它吗？</p>
          <div className="actions">
            <button type="button" className="btn secondary" onClick={draft.restoreBackup}>
              恢复这份内容
            </button>
            <button type="button" className="btn secondary" onClick={draft.discardBackup}>
              不恢复
            </button>
          </div>
        </div>
      )}
      {report.status === 'returned' && data.comments.length > 0 && (
        <section className="alert returned" aria-labelledby="returned-title">
          <h2 id="returned-title">数据局退回了这份报告，请按审核意见修改后重新提交审核</h2>
          <ul>
            {data.comments.map((c) => (
              <li key={c.id}>
                <button type="button" className="linklike" onClick={() => goTo(c.target)}>
                  {targetLabel(c.target)}
                </button>
                ：{c.body}
                {c.userName ? <span className="muted small">（{c.userName}）</span> : null}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.version === 1 && data.previous && (
        <p className="alert ok small">
          已按{data.previous.year}年报告预填“二、上年结转政府信息公开申请数量”（各列取上年“四、结转下年度继续办理”）、现行有效件数和联系方式，请核对。
        </p>
      )}
      {notice && (
        <p className="alert ok small" role="status">
          {notice}{' '}
          <button type="button" className="linklike" onClick={() => draft.setNotice(null)}>
            知道了
          </button>
        </p>
      )}
      {submission.stage === 'confirm' && (
        <div className="alert confirm" role="alertdialog" aria-labelledby="confirm-title">
          <p id="confirm-title">
            <strong>确认提交审核？</strong>提交后报告进入数据局审核，本部门不能再修改；审核开始前可以撤回。
            {check.warnings.length > 0 && `本报告有 ${check.warnings.length} 处提醒，审核人会看到您填写的说明。`}
          </p>
          <div className="actions">
            <button type="button" className="btn" onClick={() => void submission.submit()}>
              确认提交
            </button>
            <button type="button" className="btn secondary" onClick={submission.cancel}>
              取消
            </button>
          </div>
        </div>
      )}
      {submission.stage === 'submitting' && <p className="alert ok" role="status">正在提交…</p>}
      {submission.stage === 'done' && <p className="alert ok" role="status">已提交审核。</p>}
      {submission.error && (
        <p className="alert error" role="alert" id="submit-error">
          {submission.error}
        </p>
      )}
    </div>
  );
}
