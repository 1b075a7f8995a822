import { describe, expect, it } from 'vitest';
import { chinaToday, daysLeftText, daysUntil, defaultLegalDeadline, defaultReminder, effectiveDeadline, isIsoDate } from './deadlines';

describe('deadlines', () => {
  it('takes today as the date in China, whatever the server’s zone', () => {
    expect(chinaToday(new Date('2027-01-31T15:59:59Z'))).toBe('2027-01-31');
    expect(chinaToday(new Date('2027-01-31T16:00:00Z'))).toBe('2027-02-01');
  });

  it('counts whole days to a date: 0 on the day itself, negative once it has passed', () => {
    expect(daysUntil('2027-01-01', '2027-01-31')).toBe(30);
    expect(daysUntil('2027-01-31', '2027-01-31')).toBe(0);
    expect(daysUntil('2027-02-03', '2027-01-31')).toBe(-3);
  });

  it('says how many days are left in words', () => {
    expect(daysLeftText(12)).toBe('还有 12 天');
    expect(daysLeftText(0)).toBe('今天截止');
    expect(daysLeftText(-3)).toBe('已逾期 3 天');
  });

  it('sets the legal deadline to 31 January of the next year', () => {
    expect(defaultLegalDeadline(2026)).toBe('2027-01-31');
  });

  it('works to the internal deadline when there is one, else to the legal one', () => {
    expect(effectiveDeadline({ legalDeadline: '2027-01-31', internalDeadline: '2027-01-20' })).toBe('2027-01-20');
    expect(effectiveDeadline({ legalDeadline: '2027-01-31', internalDeadline: null })).toBe('2027-01-31');
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2027-01-31')).toBe(true);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('2027-1-31')).toBe(false);
  });

  it('reminds of the year and its deadline by default', () => {
    expect(defaultReminder(2026, '2027-01-20')).toBe('请抓紧完成2026年度政府信息公开工作年度报告的填报并提交审核，截止日期为2027-01-20。');
  });
});
