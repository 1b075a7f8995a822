'use client';
/**
 * 校验结果: every hard error and warning of the live check, each one a link to its cell or section.
 * Cells not yet filled in are one item per table (checkPanelItems) rather than listed 150 times,
 * and the counter counts exactly the items listed.
 */
import { CALIBER_CODES, LIMITS, checkPanelItems, ruleOf, type CheckIssue } from '@ccgov/report';
import { focusTarget } from './NumberCell';

export type PanelError = { key: string; target: string; message: string; code: string };

export function CheckPanel(props: {
  errors: PanelError[];
  warnings: CheckIssue[];
  explanations: Record<string, string>;
  /** Rule ids set to 需说明 by the admin: their warnings need a 说明 before 提交审核. */
  explainRequired?: readonly string[];
  onExplain: (key: string, text: string) => void;
  onFillZeros: () => void;
  onShowGaps: () => void;
  open: boolean;
  onToggle: () => void;
}) {
  const { errors, warnings } = props;
  const { blanks, listed, blankCells, count } = checkPanelItems(errors);
  const summary =
    count === 0
      ? warnings.length === 0
        ? '没有发现问题，可以提交审核'
        : `没有错误，有 ${warnings.length} 处提醒`
      : `${count} 处需要修改${warnings.length ? `，${warnings.length} 处提醒` : ''}`;

  return (
    <section className="check-panel" aria-labelledby="check-title" id="check-panel" tabIndex={-1}>
      <h2 id="check-title">
        <button type="button" className="panel-toggle" aria-expanded={props.open} aria-controls="check-body" onClick={props.onToggle}>
          校验结果
        </button>
      </h2>
      <p className={`check-summary ${errors.length ? 'bad' : 'good'}`} role="status">
        {summary}
      </p>
      <div id="check-body" hidden={!props.open}>
        {errors.length > 0 && (
          <>
            <h3 className="panel-sub">错误（修改后才能提交）</h3>
            {blanks.length > 0 && (
              <p className="small blank-summary">
                还有 {blankCells} 个数字未填写（没有发生的请填 0）。{' '}
                <button type="button" className="linklike" onClick={props.onFillZeros}>
                  空白的数字都填 0
                </button>
              </p>
            )}
            <ul className="issue-list">
              {blanks.map((b) => (
                <li key={b.table} className="issue error" data-blank-table={b.table}>
                  <span>
                    {b.heading}：{b.count} 个数字未填写。
                  </span>
                  <span className="actions">
                    <button
                      type="button"
                      className="linklike"
                      aria-label={`转到${b.heading}第一个未填写的数字`}
                      onClick={() => {
                        props.onShowGaps();
                        focusTarget(b.firstTarget);
                      }}
                    >
                      转到第一个
                    </button>
                  </span>
                </li>
              ))}

              {listed.map((e) => (
                <li key={e.key} className="issue error">
                  <button type="button" className="linklike" onClick={() => focusTarget(e.target)}>
                    {e.message}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {warnings.length > 0 && (
          <>
            <h3 className="panel-sub">提醒（请核实；可填写说明，审核人可见）</h3>
            <ul className="issue-list">
              {warnings.map((w) => {
                const required = (props.explainRequired ?? []).includes(ruleOf(w.rule)?.id ?? '');
                return (
                <li key={w.key} className="issue warning">
                  {required && <strong className="small">需说明（填写说明后才能提交）</strong>}
                  <button type="button" className="linklike" onClick={() => focusTarget(w.target)} id={`warn-${w.key}`}>
                    {w.message}
                  </button>
                  <label className="explain">
                    <span className="small muted">说明{required ? '（必填）' : ''}</span>
                    <textarea
                      rows={2}
                      required={required}
                      maxLength={LIMITS.explanation}
                      aria-describedby={`warn-${w.key}`}
                      placeholder={
                        CALIBER_CODES.has(w.code)
                          ? '如情况属实，请简要说明原因；如因统计口径变化，请以“口径变化：”开头写明，公开页面将在该数字旁以脚注显示'
                          : '如情况属实，请简要说明原因'
                      }
                      value={props.explanations[w.key] ?? ''}
                      onChange={(e) => props.onExplain(w.key, e.target.value)}
                    />
                  </label>
                </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
