import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheKey, chinaDate } from './public-pages.mjs';

// /summary without ?year= opens on a year chosen by today's date in China (全区汇总's default year),
// so the fast path must not keep one day's answer into the next.
describe('the fast path’s key for /summary without a year', () => {
  afterEach(() => vi.useRealTimers());

  it('carries the China date, so a deadline passing at midnight in China is a new page', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-31T15:59:59Z')); // 23:59:59 on 31 January in China
    const before = cacheKey('GET', '/summary');
    expect(before).toBe('/summary#2027-01-31');
    vi.setSystemTime(new Date('2027-01-31T16:00:00Z')); // 00:00 on 1 February in China
    expect(cacheKey('GET', '/summary')).toBe('/summary#2027-02-01');
    expect(cacheKey('HEAD', '/summary')).toBe('/summary#2027-02-01');
  });

  it('keeps an explicit year under its own key, whatever the date', () => {
    expect(cacheKey('GET', '/summary?year=2025')).toBe('/summary?year=2025');
    expect(chinaDate(Date.parse('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
