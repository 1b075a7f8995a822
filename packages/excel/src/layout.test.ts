import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { layoutHeader, makeReport, OFFICIAL_HEADERS, realisticReport, TABLE_LAYOUTS, type OfficialHeader } from '@ccgov/report';
import { buildPublishedWorkbook, buildTableWorkbook, buildTemplate, readTemplate } from './index';

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** The header rows of a sheet read back as text with spans, from its cell values and merged ranges. */
function readHeader(ws: ExcelJS.Worksheet, rows: number[]): OfficialHeader {
  const merges = (ws.model as unknown as { merges: string[] }).merges.map((m) => {
    const [a, b] = m.split(':').map((ref) => ws.getCell(ref!));
    return { top: Number(a!.row), left: Number(a!.col), bottom: Number(b!.row), right: Number(b!.col) };
  });
  return rows.map((r) => {
    const out: OfficialHeader[number] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const covering = merges.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
      if (covering && (covering.top !== r || covering.left !== c)) continue; // covered by a merge from above or the left
      const value = ws.getCell(r, c).value;
      if (value == null) continue;
      out.push({ text: String(value), colSpan: covering ? covering.right - covering.left + 1 : 1, rowSpan: covering ? covering.bottom - covering.top + 1 : 1 });
    }
    return out;
  });
}

describe('the Excel template’s tables', () => {
  it('head tables 三 and 四 with the official header rows, texts and merges as REPORT_FORMAT.md writes them', async () => {
    const wb = await load(await buildTemplate({ year: 2026 }));
    for (const [sheet, table] of [['表三', 'requests'], ['表四', 'reviews']] as const) {
      const header = readHeader(wb.getWorksheet(sheet)!, [2, 3, 4]);
      expect(header, sheet).toEqual(OFFICIAL_HEADERS[table]);
      expect(header, sheet).toEqual(layoutHeader(TABLE_LAYOUTS[table]));
    }
  });

  it('merge the row labels of table 三 as the layout does: 三、本年度办理结果 over 22 rows, （三）不予公开 over 8', async () => {
    const merges = (await load(await buildTemplate({ year: 2026 }))).getWorksheet('表三')!.model as unknown as { merges: string[] };
    expect(merges.merges).toEqual(expect.arrayContaining(['A7:A28', 'B9:B16', 'A5:C5', 'B28:C28', 'A29:C29']));
  });

  it('check every column of table 三 under it by formulas, red when 一 + 二 differs from 三（七）总计 + 四', async () => {
    const ws = (await load(await buildTemplate({ year: 2026 }))).getWorksheet('表三')!;
    expect(ws.getCell('A30').value).toBe('每列勾稽');
    expect(ws.getCell('D30').value).toEqual({ formula: 'IF(D31=0,"平衡","不平衡")' });
    expect(ws.getCell('J31').value).toEqual({ formula: 'J5+J6-J28-J29' });
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => [r.ref, r.rules[0]!.type, r.rules[0]!.formulae[0]])).toEqual([
      ['D30:J30', 'expression', 'D31<>0'],
      ['D31:J31', 'expression', 'D31<>0'],
    ]);
  });

  it('still reads a filled template whose columns do not balance (the check is the clerk’s, the upload checks again)', async () => {
    const content = makeReport({ requests: { newReceived: [703, 98, 6, 9, 31, 13] } });
    const result = await readTemplate(await buildTemplate({ year: 2024, content }), { year: 2024 });
    expect(result.ok).toBe(true);
  });

  it('print on A4 landscape one page wide with the head rows repeated, as do the exports (the 200-column sheet with its name columns too)', async () => {
    const template = await load(await buildTemplate({ year: 2026 }));
    for (const name of ['表三', '表四']) {
      expect(template.getWorksheet(name)!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:4' });
    }
    const published = await load(await buildPublishedWorkbook({ year: 2024, district: '陈仓区', rows: [{ departmentName: '陈仓区数据局', departmentKind: 'department', content: realisticReport() }] }));
    expect(published.getWorksheet('各单位数据')!.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '2:4', printTitlesColumn: 'A:B' });
    expect(published.getWorksheet('全区汇总')!.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    const list = await load(await buildTableWorkbook({ sheetName: '进度', title: '进度', notes: ['说明'], columns: [{ header: '单位' }], rows: [['数据局']] }));
    expect(list.worksheets[0]!.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
  });
});
