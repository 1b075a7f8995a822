import { describe, expect, it } from 'vitest';
import { makeReport } from './fixtures';
import { figureHistory, historyJump } from './history';

const year = (y: number, newReceived: number, imported = false) => ({
  year: y,
  imported,
  content: makeReport({ requests: { newReceived: [newReceived, 0, 0, 0, 0, 0] } }),
});

describe('figureHistory', () => {
  it('gives each figure its values in the five latest years before the report, oldest first', () => {
    const published = [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => year(y, y - 2010, y === 2020));
    published.push(year(2026, 99)); // a later year is not history
    const h = figureHistory(published, 2025);
    expect(h.years).toEqual([
      { year: 2020, imported: true },
      { year: 2021, imported: false },
      { year: 2022, imported: false },
      { year: 2023, imported: false },
      { year: 2024, imported: false },
    ]);
    expect(h.byFigure['requests.newReceived.natural']).toEqual([10, 11, 12, 13, 14]);
    // Computed totals too (the 总计 column adds the six).
    expect(h.byFigure['requests.newReceived.total']).toEqual([10, 11, 12, 13, 14]);
    expect(Object.keys(h.byFigure)).toHaveLength(200);
  });

  it('is empty for a body with no earlier publications', () => {
    const h = figureHistory([], 2026);
    expect(h.years).toEqual([]);
    expect(h.byFigure['reviews.review.total']).toEqual([]);
  });
});

describe('historyJump', () => {
  it('marks a value at least doubled or halved by 5 or more', () => {
    expect(historyJump(14, 80)).toBe('up');
    expect(historyJump(80, 14)).toBe('down');
    expect(historyJump(0, 5)).toBe('up');
    expect(historyJump(1, 2)).toBeNull();
    expect(historyJump(12, 15)).toBeNull();
    expect(historyJump(null, 15)).toBeNull();
    expect(historyJump(3, null)).toBeNull();
  });
});
