'use client';
import { useState } from 'react';
import { COMPARE_SECTION_HEADINGS, LARGE_SWING_FACTOR, LARGE_SWING_FLOOR, type CompareSection } from '@ccgov/report';
import { formatChange, formatNumber } from './format';
import type { ReviewDetail } from './types';
import styles from './review.module.css';

type Row = ReviewDetail['comparison'][number];
const SECTIONS: CompareSection[] = ['proactive', 'requests', 'reviews'];

/** Strip the section number the heading above already gives ("三、") so the label reads shorter. */
const shortLabel = (label: string) => label.replace(/^[二三四]、/, '');

/** 与上年对比: each figure of this year beside last year's, with the change; big swings marked. */
export function PreviousComparison({
  rows,
  year,
  previousYear,
  onLocate,
}: {
  rows: Row[];
  year: number;
  previousYear: number | null;
  onLocate: (target: string) => void;
}) {
  const [onlySwings, setOnlySwings] = useState(false);
  const [hideZero, setHideZero] = useState(true);
  if (previousYear == null) return <p>没有本单位{year - 1}年度的报告，无法对比。</p>;

  const swings = rows.filter((r) => r.largeSwing).length;
  const visible = rows.filter((r) => (!onlySwings || r.largeSwing) && (!hideZero || (r.previous ?? 0) !== 0 || (r.current ?? 0) !== 0));
  return (
    <>
      <h2 style={{ marginTop: 0 }}>与{previousYear}年度对比</h2>
      <p className={styles.hint}>
        共 {swings} 项变化较大（较上年增加到{LARGE_SWING_FACTOR}倍以上或减少一半以上，且数值达到{LARGE_SWING_FLOOR}），以底色标出。
      </p>
      <div className={styles.filters}>
        <label>
          <input type="checkbox" checked={onlySwings} onChange={(e) => setOnlySwings(e.target.checked)} /> 只看变化较大的项
        </label>
        <label>
          <input type="checkbox" checked={hideZero} onChange={(e) => setHideZero(e.target.checked)} /> 隐藏两年均为0的项
        </label>
      </div>
      {SECTIONS.map((section) => {
        const list = visible.filter((r) => r.section === section);
        return (
          <section key={section} aria-label={COMPARE_SECTION_HEADINGS[section]}>
            <h3>{COMPARE_SECTION_HEADINGS[section]}</h3>
            {list.length === 0 ? (
              <p className={styles.hint}>没有符合条件的项。</p>
            ) : (
              <div className="table-wrap">
                <table className={styles.table} data-compare={section}>
                  <thead>
                    <tr>
                      <th scope="col">项目</th>
                      <th scope="col">{previousYear}年</th>
                      <th scope="col">{year}年</th>
                      <th scope="col">变化</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((r) => (
                      <tr key={r.target} className={r.largeSwing ? styles.swing : undefined} data-target={r.target}>
                        <th scope="row" style={{ fontWeight: r.total ? 600 : 400 }}>
                          <button type="button" className={styles.whereButton} onClick={() => onLocate(r.target)}>
                            {shortLabel(r.label)}
                          </button>
                        </th>
                        <td className={styles.num}>{formatNumber(r.previous)}</td>
                        <td className={styles.num}>{formatNumber(r.current)}</td>
                        <td className={`${styles.num} ${r.change && r.change > 0 ? styles.up : r.change && r.change < 0 ? styles.down : ''}`}>
                          {formatChange(r.change)}
                          {r.largeSwing && <span className={styles.swingBadge}>变化较大</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
