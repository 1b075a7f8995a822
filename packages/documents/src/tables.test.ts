import { describe, expect, it } from 'vitest';
import { figureValues, REQUEST_ORG_GROUP, REQUEST_TABLE_NOTE, RESULT_GROUP_LABEL, realisticReport } from '@ccgov/report';
import { placeCells, reportGrids } from './tables';

describe('table grids', () => {
  const content = realisticReport();
  const grids = reportGrids(content);

  it('fill every slot of each table exactly once once merges are resolved', () => {
    for (const grid of Object.values(grids)) expect(() => placeCells(grid)).not.toThrow();
  });

  it('merge the headers of table 三 as the official format does', () => {
    const cells = placeCells(grids.requests);
    const at = (text: string) => cells.find((c) => c.text === text)!;
    expect(at(REQUEST_TABLE_NOTE)).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 3 });
    expect(at(REQUEST_ORG_GROUP)).toMatchObject({ row: 1, col: 4, colSpan: 5, scope: 'colgroup' });
    expect(at(RESULT_GROUP_LABEL)).toMatchObject({ col: 0, rowSpan: 22, scope: 'rowgroup' });
    expect(at('（三）不予公开')).toMatchObject({ col: 1, rowSpan: 8 });
  });

  it('merge 行政诉讼 over its two blocks of five columns in table 四', () => {
    const cells = placeCells(grids.reviews);
    expect(cells.find((c) => c.text === '行政诉讼')).toMatchObject({ row: 0, col: 5, colSpan: 10 });
    expect(cells.filter((c) => c.row === 3)).toHaveLength(15);
  });

  it('show in its number cells the same figures as the open data', () => {
    const values = figureValues(content);
    for (const grid of Object.values(grids)) {
      for (const cell of placeCells(grid)) {
        if (!cell.field) continue;
        expect(cell.text, cell.field).toBe(String(values[cell.field]));
      }
    }
  });
});
