import { describe, expect, it } from 'vitest';
import { realisticReport } from '@ccgov/report';
import { FIGURES } from '@ccgov/report';
import { BOM, reportFiguresCsv, reportsCsv, toCsv } from './csv';
import type { PublishedReport } from './outline';

const report = (id: number, departmentName: string, supersedesId: number | null = null): PublishedReport => ({
  id,
  departmentName,
  departmentKind: 'department',
  year: 2024,
  publishedAt: new Date('2025-01-20T18:00:00Z'),
  content: realisticReport(),
  correctionNote: null,
  supersedesId,
  current: true,
});

/** Minimal RFC 4180 reader for the assertions. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && s[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('CSV', () => {
  it('starts with a byte-order mark so Excel reads the Chinese text as UTF-8', () => {
    expect(toCsv([['报告主体'], ['陈仓区数据局']]).startsWith(BOM)).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and keeps text that looks like a formula as text', () => {
    const rows = parse(toCsv([['a,b', 'say "hi"', 'two\nlines', '=1+1', 5, null]]));
    expect(rows).toEqual([['a,b', 'say "hi"', 'two\nlines', "'=1+1", '5', '']]);
  });

  it('writes every figure of every report, one row per report, under the official labels', () => {
    const rows = parse(reportsCsv([report(1, '陈仓区数据局'), report(2, '陈仓区公安分局', 1)]));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveLength(6 + FIGURES.length);
    expect(rows[0]!.slice(0, 6)).toEqual(['编号', '报告主体', '类别', '报告年度', '发布日期', '已更正']);
    const col = rows[0]!.indexOf('三、收到和处理政府信息公开申请情况｜一、本年新收政府信息公开申请数量｜总计');
    expect(rows[1]![col]).toBe('859');
    // Dates are China calendar dates: 18:00 UTC on the 20th is the 21st in Beijing.
    expect(rows[1]!.slice(0, 6)).toEqual(['1', '陈仓区数据局', '部门', '2024', '2025-01-21', '否']);
    expect(rows[2]![5]).toBe('是');
  });

  it('can name the columns by their stable field names instead', () => {
    const rows = parse(reportsCsv([report(1, '陈仓区数据局')], 'key'));
    expect(rows[0]!.slice(0, 7)).toEqual(['id', 'department', 'departmentKind', 'year', 'publishedAt', 'corrected', 'proactive.rules.issued']);
    expect(rows[1]![rows[0]!.indexOf('proactive.fees.amount')]).toBe('18.871');
  });

  it("lists one report's figures one per line with section, row and column", () => {
    const rows = parse(reportFiguresCsv(report(1, '陈仓区数据局')));
    expect(rows[0]).toEqual(['字段', '栏目', '项目', '列', '数值']);
    expect(rows).toContainEqual(['reviews.review.corrected', '四、政府信息公开行政复议、行政诉讼情况', '行政复议', '结果纠正', '1']);
    expect(rows).toHaveLength(1 + FIGURES.length);
  });
});
