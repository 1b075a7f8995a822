'use client';
import { useState } from 'react';
import type { CrossBody } from './types';
import styles from './review.module.css';

type Finding = CrossBody['findings'][number];

/**
 * The text with the given [start, end) ranges wrapped in <mark>: React text nodes only, so the
 * reports' words are never read as HTML. Overlapping or touching ranges are merged first.
 */
export function markedText(text: string, ranges: readonly (readonly [number, number])[]): React.ReactNode[] {
  const sorted = ranges
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out: React.ReactNode[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push(text.slice(at, a));
    out.push(<mark key={a}>{text.slice(a, b)}</mark>);
    at = b;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The element id of a section's card, for 并排查看 from the warnings list. */
export const crossBodyCardId = (target: string) => `crossbody-${target.replace(/[^a-zA-Z0-9]/g, '-')}`;

/** One section: this report beside the chosen other body's (most similar first), shared passages marked. */
function FindingCard({ finding, body }: { finding: Finding; body: string }) {
  const [chosen, setChosen] = useState(0);
  const match = finding.matches[chosen] ?? finding.matches[0]!;
  const id = crossBodyCardId(finding.target);
  const shared = match.passages.reduce((n, p) => n + (p.mine[1] - p.mine[0]), 0);
  return (
    <section className={styles.crossCard} id={id} tabIndex={-1} aria-labelledby={`${id}-title`} data-target={finding.target}>
      <h3 id={`${id}-title`}>{finding.label}</h3>
      <p className={styles.hint}>{finding.issue.message}</p>
      {finding.matches.length > 1 && (
        <label className={styles.crossChoice}>
          对比单位（共{finding.matches.length}个，按相似度排列）：
          <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
            {finding.matches.map((m, i) => (
              <option key={m.otherBody} value={i}>
                {m.otherBody}（{m.percent}）
              </option>
            ))}
          </select>
        </label>
      )}
      <div className={styles.sideBySide}>
        <div>
          <h4>
            本报告（{body}）
          </h4>
          <p className={styles.textDiff} data-side="mine">
            {markedText(
              finding.mine,
              match.passages.map((p) => p.mine),
            )}
          </p>
        </div>
        <div>
          <h4>
            {match.otherBody}（相似度 {match.percent}）
          </h4>
          <p className={styles.textDiff} data-side="theirs">
            {markedText(
              match.theirs,
              match.passages.map((p) => p.theirs),
            )}
          </p>
        </div>
      </div>
      <p className={styles.hint}>相同的段落以底色标出（共 {match.passages.length} 段、{shared} 字；不计空格、标点和引号的差别）。</p>
    </section>
  );
}

/** 同年雷同 (R14): sections at least 90 % similar to another body's report of the same year. */
export function CrossBodyPanel({ data, body }: { data: CrossBody; body: string }) {
  return (
    <>
      <h2 style={{ marginTop: 0 }}>与同年其他单位报告对比</h2>
      <p className={styles.hint}>
        已与{data.year}年度其他 {data.compared} 个单位已提交或已发布的报告逐部分比较（标准开头说明和各部分标题不计）。
        {data.findings.length === 0
          ? '没有相似度达到90%的部分。'
          : `有 ${data.findings.length} 个部分与其他单位的报告相似度达90%以上，请核实是否照搬。`}
      </p>
      {data.findings.map((f) => (
        <FindingCard key={f.target} finding={f} body={body} />
      ))}
    </>
  );
}
