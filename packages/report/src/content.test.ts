import { describe, expect, it } from 'vitest';
import { LIMITS, emptyContent, isZeroToken, parseCellText, reportContentSchema } from './content';
import { makeReport, realisticReport, seedReport2024 } from './fixtures';
import { parseTextNumber } from './checker-text';

const accepts = (content: unknown) => reportContentSchema.safeParse(content).success;

describe('reportContentSchema', () => {
  it('accepts the seed report, the realistic report and an empty draft', () => {
    expect(accepts(seedReport2024())).toBe(true);
    expect(accepts(realisticReport())).toBe(true);
    expect(accepts(emptyContent())).toBe(true);
  });

  it('refuses a negative count', () => {
    expect(accepts(makeReport({ requests: { newReceived: [-1, 98, 6, 9, 31, 13] } }))).toBe(false);
    expect(accepts(makeReport({ proactive: { punishment: { decisions: -3 } } }))).toBe(false);
  });

  it('refuses a decimal count', () => {
    expect(accepts(makeReport({ reviews: { review: { pending: 0.5 } } }))).toBe(false);
  });

  it('refuses a count given as text', () => {
    expect(accepts(makeReport({ proactive: { licensing: { decisions: '12' as unknown as number } } }))).toBe(false);
  });

  it('refuses unknown fields, at the top and nested', () => {
    expect(accepts({ ...realisticReport(), title: 'x' })).toBe(false);
    const nested = realisticReport() as unknown as { overview: Record<string, string> };
    nested.overview.extra = '多余';
    expect(accepts(nested)).toBe(false);
  });

  it('refuses a table 三 row without exactly six columns', () => {
    expect(accepts(makeReport({ requests: { granted: [1, 2, 3, 4, 5] } }))).toBe(false);
  });

  it('refuses text longer than the limit', () => {
    expect(accepts(makeReport({ problems: '字'.repeat(LIMITS.textSection) }))).toBe(true);
    expect(accepts(makeReport({ problems: '字'.repeat(LIMITS.textSection + 1) }))).toBe(false);
  });

  it('accepts a fee amount with four decimals and refuses one with five', () => {
    expect(accepts(makeReport({ proactive: { fees: { amount: 18.871 } } }))).toBe(true);
    expect(accepts(makeReport({ proactive: { fees: { amount: 0.0001 } } }))).toBe(true);
    expect(accepts(makeReport({ proactive: { fees: { amount: 18.87105 } } }))).toBe(false);
  });
});

describe('parseCellText', () => {
  it('normalises full-width digits typed with a Chinese input method', () => {
    expect(parseCellText('１２３')).toBe(123);
    expect(parseCellText('１８．８７１０')).toBe(18.871);
  });

  it('drops thousands separators, half- and full-width', () => {
    expect(parseCellText('1,256')).toBe(1256);
    expect(parseCellText('１，２５６')).toBe(1256);
  });

  it('keeps a blank cell empty unless pasting or uploading, where a blank means 0', () => {
    expect(parseCellText('')).toBeNull();
    expect(parseCellText('  ')).toBeNull();
    expect(parseCellText('', { blankAsZero: true })).toBe(0);
  });

  it('reads /, – and — as 0 whether typed, pasted or uploaded (one rule: isZeroToken)', () => {
    for (const token of ['/', '–', '—', '-', '－', '／', '―', '——', ' / ', '\u3000—\u3000']) {
      expect(isZeroToken(token), token).toBe(true);
      expect(parseCellText(token), token).toBe(0);
      expect(parseCellText(token, { blankAsZero: true }), token).toBe(0);
    }
    for (const text of ['', '0', '-5', '—1', '//', '- -', '/0', '无']) expect(isZeroToken(text), text).toBe(false);
    expect(parseCellText('-5')).toBe(-5);
    expect(parseCellText('—1')).toBeUndefined();
  });

  it('returns undefined for text that is not a number', () => {
    expect(parseCellText('十二')).toBeUndefined();
    expect(parseCellText('12件')).toBeUndefined();
  });
});

describe('parseTextNumber (numbers in narrative text)', () => {
  it('reads Arabic and Chinese numerals', () => {
    expect(parseTextNumber('859')).toBe(859);
    expect(parseTextNumber('８５９')).toBe(859);
    expect(parseTextNumber('十')).toBe(10);
    expect(parseTextNumber('十二')).toBe(12);
    expect(parseTextNumber('二十')).toBe(20);
    expect(parseTextNumber('一百零五')).toBe(105);
    expect(parseTextNumber('两千三百')).toBe(2300);
    expect(parseTextNumber('八百五十九')).toBe(859);
    expect(parseTextNumber('一万二千')).toBe(12000);
    expect(parseTextNumber('零')).toBe(0);
  });

  it('reads years written digit by digit', () => {
    expect(parseTextNumber('二〇二四')).toBe(2024);
  });

  it('returns null for anything else', () => {
    expect(parseTextNumber('若干')).toBeNull();
    expect(parseTextNumber('')).toBeNull();
  });
});
