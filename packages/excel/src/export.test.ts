import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeTotals, realisticReport, seedReport2024, sumContents } from '@ccgov/report';
import { buildPublishedWorkbook, buildTableWorkbook, figureColumns, parseCsv, readPlainTable } from './index';

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

describe('the published-figures export', () => {
  const a = seedReport2024();
  const b = realisticReport();
  const rows = [
    { departmentName: '陈仓区数据局', departmentKind: 'department', content: a },
    { departmentName: '虢镇街道', departmentKind: 'town', content: b },
  ];

  it('has one row per department with every figure, totals included, and a 合计 row', async () => {
    const wb = await load(await buildPublishedWorkbook({ year: 2024, district: '陈仓区', rows }));
    const ws = wb.getWorksheet('各单位数据')!;
    expect(ws.getCell('A5').value).toBe('陈仓区数据局');
    expect(ws.getCell('B6').value).toBe('镇街');
    expect(String(ws.getCell('A7').value)).toContain('合计（2个单位）');
    const cols = figureColumns();
    const totalIdx = cols.findIndex((c) => c.sub === '一、本年新收政府信息公开申请数量' && c.label === '总计');
    expect(ws.getCell(5, 3 + totalIdx).value).toBe(computeTotals(a).requests.rowTotal.newReceived);
    expect(ws.getCell(4, 3 + totalIdx).value).toBe('总计');
  });

  it('adds the district summary in the official layout with the sums of all departments', async () => {
    const wb = await load(await buildPublishedWorkbook({ year: 2024, district: '陈仓区', rows }));
    const ws = wb.getWorksheet('全区汇总')!;
    expect(ws.getCell('A1').value).toBe('陈仓区2024年政府信息公开工作年度报告汇总');
    const sum = sumContents([a, b]);
    const texts: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain('一、本年新收政府信息公开申请数量');
    expect(texts).toContain(computeTotals(sum).requests.resultTotal[6]);
    expect(sum.requests.newReceived[0]).toBe((a.requests.newReceived[0] ?? 0) + (b.requests.newReceived[0] ?? 0));
  });
});

describe('plain lists', () => {
  it('reads CSV with quotes, commas inside quotes and Windows line ends', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });

  it('reads a GBK-encoded CSV saved by Excel on Windows', async () => {
    // "单位名称\r\n数据局\r\n" in GBK
    const gbk = Uint8Array.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a, 0xca, 0xfd, 0xbe, 0xdd, 0xbe, 0xd6, 0x0d, 0x0a]);
    const r = await readPlainTable(gbk);
    expect(r.ok && r.table).toEqual({ headers: ['单位名称'], rows: [{ line: 2, cells: ['数据局'] }] });
  });

  it('reads the first sheet of an .xlsx list, keeping the file line numbers', async () => {
    const buf = await buildTableWorkbook({ sheetName: '名单', title: '名单', columns: [{ header: '单位名称' }, { header: '代码' }], rows: [['发改局', 'fgj']] });
    const r = await readPlainTable(buf);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.table.rows.at(-1)).toEqual({ line: 3, cells: ['发改局', 'fgj'] });
    }
  });
});
