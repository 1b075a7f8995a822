import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatTimestamp } from './timestamps';

describe('timestamps on screen', () => {
  const moment = new Date('2026-01-20T06:05:09Z'); // 14:05 in 陈仓区

  it('write a moment as date and minute in China time', () => {
    expect(formatTimestamp(moment)).toBe('2026-01-20 14:05');
    expect(formatTimestamp('2026-01-20T06:05:09.000Z')).toBe('2026-01-20 14:05');
    expect(formatTimestamp(moment.getTime())).toBe('2026-01-20 14:05');
  });

  it('take the China calendar day, even when it is still yesterday in UTC', () => {
    expect(formatDate(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02-01');
    expect(formatTimestamp(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02-01 00:30');
  });

  it('write the time of day alone for today’s saves', () => {
    expect(formatClock(moment)).toBe('14:05');
  });

  it('show a dash when there is no moment', () => {
    expect(formatTimestamp(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatClock(null)).toBe('—');
  });
});
