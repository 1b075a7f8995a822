import { describe, expect, it } from 'vitest';
import { FIGURES, INPUT_FIGURES, figureValues, readInput, writeInputs } from './figures';
import { TABLE_LAYOUTS, layoutFigures, layoutHeader, placeCells } from './layout';
import { realisticReport } from './fixtures';
import { computeTotals } from './totals';
import { emptyContent, reportContentSchema } from './content';
import { OFFICIAL_HEADERS } from './official-headers.fixture';

describe('the official table layouts', () => {
  it('fill every slot of each table exactly once once merges are resolved', () => {
    for (const layout of Object.values(TABLE_LAYOUTS)) expect(() => placeCells(layout)).not.toThrow();
  });

  it.each(['requests', 'reviews'] as const)('give table %s the header REPORT_FORMAT.md spells out, spans included', (key) => {
    expect(layoutHeader(TABLE_LAYOUTS[key])).toEqual(OFFICIAL_HEADERS[key]);
  });

  it('put the five results of 行政复议 under it on the second header row, beside the two 行政诉讼 blocks', () => {
    const cells = placeCells(TABLE_LAYOUTS.reviews).filter((c) => c.type === 'label');
    const at = (text: string) => cells.filter((c) => c.type === 'label' && c.text === text);
    expect(at('行政复议')[0]).toMatchObject({ row: 0, col: 0, colSpan: 5, rowSpan: 1 });
    expect(at('结果维持').map((c) => [c.row, c.col, c.rowSpan])).toEqual([[1, 0, 2], [2, 5, 1], [2, 10, 1]]);
    expect(at('复议后起诉')[0]).toMatchObject({ row: 1, col: 10, colSpan: 5 });
  });

  it('draw table 二 as four blocks of one four-column grid, a single figure spanning three columns', () => {
    const layout = TABLE_LAYOUTS.proactive;
    const clauses = layout.rows.filter((r) => r[0]?.type === 'label' && r[0].role === 'clause').map((r) => (r[0] as { text: string }).text);
    expect(clauses).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    const licensing = placeCells(layout).find((c) => c.type === 'figure' && c.figure.key === 'proactive.licensing.decisions');
    expect(licensing).toMatchObject({ col: 1, colSpan: 3 });
    expect(layout.keep).toHaveLength(4);
  });

  it('show table 三 with its 22 result rows under one row group and its groups kept together', () => {
    const placed = placeCells(TABLE_LAYOUTS.requests);
    expect(placed.find((c) => c.type === 'label' && c.text === '三、本年度办理结果')).toMatchObject({ col: 0, rowSpan: 22 });
    expect(placed.find((c) => c.type === 'label' && c.text === '（三）不予公开')).toMatchObject({ col: 1, rowSpan: 8 });
    expect(TABLE_LAYOUTS.requests.keep.map(([a, b]) => b - a + 1)).toEqual([8, 3, 5, 3]);
  });

  it('show every figure of the catalogue exactly once across the three tables', () => {
    const shown = Object.values(TABLE_LAYOUTS).flatMap((l) => layoutFigures(l).map((f) => f.key));
    expect(shown).toHaveLength(200);
    expect(new Set(shown)).toEqual(new Set(FIGURES.map((f) => f.key)));
  });
});

describe('the figure catalogue', () => {
  it('names 200 figures, 190 of them typed, under unique open-data keys', () => {
    expect(FIGURES).toHaveLength(10 + 25 * 7 + 15);
    expect(INPUT_FIGURES).toHaveLength(10 + 24 * 6 + 12);
    expect(new Set(FIGURES.map((f) => f.key)).size).toBe(200);
  });

  it('reads and writes every typed figure of a report by its key', () => {
    const content = realisticReport();
    let copy = emptyContent();
    copy = writeInputs(copy, new Map(INPUT_FIGURES.map((f) => [f.key, readInput(content, f.key)])));
    const { contact, opening, overview, problems, other, ...figures } = content;
    void contact, opening, overview, problems, other;
    expect({ proactive: copy.proactive, requests: copy.requests, reviews: copy.reviews }).toEqual(figures);
  });

  it('gives the totals the format computes', () => {
    const content = realisticReport();
    const totals = computeTotals(content);
    const v = figureValues(content);
    expect(v['requests.resultTotal.total']).toBe(totals.requests.resultTotal[6]);
    expect(v['requests.newReceived.total']).toBe(totals.requests.rowTotal.newReceived);
    expect(v['reviews.suitAfterReview.total']).toBe(totals.reviews.suitAfterReview);
  });

  it('derives the content schema: every typed figure is a field, nothing else is accepted', () => {
    const content = realisticReport();
    expect(reportContentSchema.safeParse(content).success).toBe(true);
    const extra = { ...content, proactive: { ...content.proactive, fees: { amount: 1, count: 2 } } };
    expect(reportContentSchema.safeParse(extra).success).toBe(false);
    const missing = { ...content, proactive: { ...content.proactive, rules: { issued: 1, repealed: 0 } } };
    expect(reportContentSchema.safeParse(missing).success).toBe(false);
  });
});
