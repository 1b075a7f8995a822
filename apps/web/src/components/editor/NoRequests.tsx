'use client';
/**
 * 本年度未收到政府信息公开申请: the common case in one act. The confirmation says what will be
 * filled, that 上年结转 stays and how many of those requests still have to be handled, lets the
 * clerk include table 四 and take the customary sentence for （二）依申请公开; after it, 撤销 puts
 * back exactly what was there (packages/report no-requests.ts).
 */
import { useRef, useState } from 'react';
import { planNoRequests } from '@ccgov/report';
import { useEditor, useEditorActions } from './EditorContext';

export function NoRequestsAction() {
  const s = useEditor();
  const actions = useEditorActions();
  const [asking, setAsking] = useState(false);
  const [reviews, setReviews] = useState(true);
  const [sentence, setSentence] = useState(true);
  const openRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const plan = planNoRequests(s.content, { year: s.year, body: s.body });
  const done = s.noRequestsDone;

  const open = () => {
    setReviews(!plan.reviewsHaveFigures);
    setSentence(!plan.requestTextPresent);
    setAsking(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };

  const confirm = () => {
    actions.fillNoRequests({ reviews, sentence: sentence ? plan.sentence : null, carriedIn: plan.carriedIn.total });
    setAsking(false);
    requestAnimationFrame(() => undoRef.current?.focus());
  };

  if (done) {
    return (
      <div className="no-requests done" role="status">
        <p>
          已按“本年度未收到政府信息公开申请”填写：表三除“二、上年结转”外都填为 0
          {done.reviews ? '，表四都填为 0' : ''}
          {done.sentence ? '，并填写了（二）依申请公开' : ''}。
          {done.carriedIn > 0 && <strong>上年结转的 {done.carriedIn} 件申请仍需办理，请在相应列填写办理结果或“四、结转下年度继续办理”。</strong>}
        </p>
        <button
          ref={undoRef}
          type="button"
          className="btn secondary"
          onClick={() => {
            actions.undoNoRequests();
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        >
          撤销，恢复填写前的内容
        </button>
      </div>
    );
  }

  if (!asking) {
    return (
      <p className="no-requests">
        <button ref={openRef} type="button" className="btn secondary" onClick={open}>
          本年度未收到政府信息公开申请
        </button>
      </p>
    );
  }

  return (
    <div className="no-requests ask" role="group" aria-labelledby="no-requests-title">
      <p id="no-requests-title">
        <strong>本年度未收到政府信息公开申请：</strong>将把表三中除“二、上年结转政府信息公开申请数量”以外的数字都填为 0。
      </p>
      {plan.carriedIn.total > 0 && (
        <p className="carried">
          上年结转 {plan.carriedIn.total} 件（{plan.carriedIn.columns.map((c) => `${c.label} ${c.count} 件`).join('、')}）保留不变：这些申请须在本年度办理，
          填写后请在相应列填写办理结果（或“四、结转下年度继续办理”），否则表三的勾稽关系不平衡。
        </p>
      )}
      {plan.carriedInBlank > 0 && <p className="carried">“二、上年结转”还有 {plan.carriedInBlank} 格空白，请核对后填写（没有的填 0）。</p>}
      <label className="check">
        <input type="checkbox" checked={reviews} onChange={(e) => setReviews(e.target.checked)} />
        本年度也没有政府信息公开行政复议、行政诉讼：表四也都填为 0
        {plan.reviewsHaveFigures && <span className="muted">（表四已填有数字，勾选后将改为 0）</span>}
      </label>
      <label className="check">
        <input type="checkbox" checked={sentence} onChange={(e) => setSentence(e.target.checked)} />
        {plan.requestTextPresent ? '用这句话替换（二）依申请公开现有的文字：' : '（二）依申请公开填写：'}“{plan.sentence}”
      </label>
      <div className="actions">
        <button ref={confirmRef} type="button" className="btn" onClick={confirm}>
          确认填写
        </button>
        <button
          type="button"
          className="btn secondary"
          onClick={() => {
            setAsking(false);
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        >
          取消
        </button>
      </div>
    </div>
  );
}
