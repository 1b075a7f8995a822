import { describe, expect, it } from 'vitest';
import { interpretCellText } from './cell-entry';

describe('interpretCellText (what a clerk types or pastes into a cell)', () => {
  it('reads a typed /, – or — as 0, the same as a paste and an Excel upload', () => {
    for (const token of ['/', '–', '—', '——', '／', '－']) {
      expect(interpretCellText(token, 'count'), `typed ${token}`).toEqual({ value: 0, error: null });
      expect(interpretCellText(token, 'count', { blankAsZero: true }), `pasted ${token}`).toEqual({ value: 0, error: null });
      expect(interpretCellText(token, 'amount'), `fee ${token}`).toEqual({ value: 0, error: null });
    }
  });

  it('keeps a typed blank empty but reads a blank in a pasted block as 0', () => {
    expect(interpretCellText('', 'count')).toEqual({ value: null, error: null });
    expect(interpretCellText('', 'count', { blankAsZero: true })).toEqual({ value: 0, error: null });
  });

  it('says why anything else cannot be stored', () => {
    expect(interpretCellText('-3', 'count').error).toBe('不能为负数');
    expect(interpretCellText('2.5', 'count').error).toBe('应为整数');
    expect(interpretCellText('三件', 'count').error).toBe('请填写数字');
    expect(interpretCellText('1.23456', 'amount').error).toBe('单位为万元，最多4位小数');
    expect(interpretCellText('１２', 'count')).toEqual({ value: 12, error: null });
  });
});
