/**
 * A cell's text as the editor reads it, typed or pasted: the value to store and, when it cannot be
 * stored, why. The text is read by parseCellText, so a dash or a slash means 0 here exactly as in
 * an Excel upload and an imported report (isZeroToken).
 */
import { FEE_DECIMALS } from './format';
import { LIMITS, hasAtMostDecimals, parseCellText, type Cell } from './content';
import type { FigureKind } from './figures';

export function interpretCellText(raw: string, kind: FigureKind, opts: { blankAsZero?: boolean } = {}): { value: Cell; error: string | null } {
  const v = parseCellText(raw, opts);
  if (v === undefined) return { value: null, error: kind === 'amount' ? '请填写数字（单位：万元）' : '请填写数字' };
  if (v === null) return { value: null, error: null };
  if (v < 0) return { value: null, error: '不能为负数' };
  if (kind === 'count') {
    if (!Number.isInteger(v)) return { value: null, error: '应为整数' };
    if (v > LIMITS.count) return { value: null, error: `数值过大（上限 ${LIMITS.count}）` };
  } else {
    if (!hasAtMostDecimals(v, FEE_DECIMALS)) return { value: null, error: `单位为万元，最多${FEE_DECIMALS}位小数` };
    if (v > LIMITS.amount) return { value: null, error: `数值过大（上限 ${LIMITS.amount} 万元）` };
  }
  return { value: v, error: null };
}
