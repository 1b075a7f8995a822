import { describe, expect, it } from 'vitest';
import {
  chinaToday,
  daysLeftText,
  daysUntil,
  deadlineNoticeStep,
  deadlineState,
  defaultLegalDeadline,
  defaultReminder,
  effectiveDeadline,
  isIsoDate,
  isLocked,
  legalDeadlineText,
  lockMessage,
  timeliness,
} from './deadlines';

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

  const year = { legalDeadline: '2027-01-31', internalDeadline: '2027-01-15' };

  it('counts the days to the internal deadline, with the legal date beside it', () => {
    const s = deadlineState(year, '2026-11-21');
    expect(s).toMatchObject({ deadline: '2027-01-15', due: '2027-01-15', daysLeft: 55, daysToLegal: 71, passed: false });
    expect(legalDeadlineText(s.legalDeadline)).toBe('法定公开期限 2027年1月31日');
  });

  it('locks a draft or an unstarted report from the day after the deadline, never a returned one', () => {
    expect(isLocked(deadlineState(year, '2027-01-15'), 'draft')).toBe(false);
    const after = deadlineState(year, '2027-01-16');
    expect(isLocked(after, 'draft')).toBe(true);
    expect(isLocked(after, 'not_started')).toBe(true);
    expect(isLocked(after, 'returned')).toBe(false);
    expect(isLocked(after, 'submitted')).toBe(false);
    expect(lockMessage(after)).toBe('已过区内报送截止日期（2027-01-15），本单位年报已锁定，如需继续填报请联系数据局申请延期。');
  });

  it('an extension moves the date the body works to, and its lock', () => {
    const s = deadlineState(year, '2027-01-20', '2027-01-25');
    expect(s).toMatchObject({ deadline: '2027-01-15', due: '2027-01-25', daysLeft: 5, passed: false });
    const late = deadlineState(year, '2027-01-26', '2027-01-25');
    expect(isLocked(late, 'draft')).toBe(true);
    expect(lockMessage(late)).toContain('已过延期截止日期（2027-01-25）');
  });

  it('judges timeliness on the first submission day against the body’s date', () => {
    expect(timeliness('2027-01-15', '2027-01-15')).toBe('on_time');
    expect(timeliness('2027-01-16', '2027-01-15')).toBe('late');
    expect(timeliness(null, '2027-01-15')).toBe('not_submitted');
  });

  it('gives the 7-, 3- and 1-day notices, the nearest one not yet behind', () => {
    expect([9, 8, 7, 6, 4, 3, 2, 1, 0, -1].map(deadlineNoticeStep)).toEqual([null, null, 7, 7, 7, 3, 3, 1, 1, null]);
  });
});
