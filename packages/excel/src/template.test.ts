import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { realisticReport, seedReport2024 } from '@ccgov/report';
import { ALL_FIGURES, buildTemplate, describeProblem, readTemplate, SHEETS } from './index';

async function edit(buf: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the Excel template', () => {
  it('has the three official tables with the labels from the format and the year on 说明', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate({ year: 2026 })) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '表二', '表三', '表四']);
    expect(wb.getWorksheet('说明')!.getCell('B3').value).toBe(2026);
    const t3 = wb.getWorksheet('表三')!;
    expect(t3.getCell('A1').value).toBe('三、收到和处理政府信息公开申请情况');
    expect(t3.getCell('A5').value).toBe('一、本年新收政府信息公开申请数量');
    expect(t3.getCell('C14').value).toBe('6.属于四类过程性信息');
    expect(t3.getCell('B28').value).toBe('（七）总计');
    expect(t3.getCell('A29').value).toBe('四、结转下年度继续办理');
  });

  it('computes the totals with formulas and locks every cell except the figures', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate({ year: 2026 })) as unknown as ExcelJS.Buffer);
    const t3 = wb.getWorksheet('表三')!;
    expect(t3.getCell('J5').value).toEqual({ formula: 'SUM(D5:I5)' });
    expect(t3.getCell('D28').value).toEqual({ formula: 'SUM(D7:D27)' });
    expect(wb.getWorksheet('表四')!.getCell('E5').value).toEqual({ formula: 'SUM(A5:D5)' });
    for (const name of ['表二', '表三', '表四']) {
      expect((wb.getWorksheet(name) as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    }
    expect(t3.getCell('D14').protection?.locked).toBe(false);
    expect(t3.getCell('A5').protection?.locked).not.toBe(false);
    expect(t3.getCell('J5').protection?.locked).not.toBe(false);
  });

  it('reads back every figure it was filled with, each from its own cell', async () => {
    const content = realisticReport();
    const result = await readTemplate(await buildTemplate({ year: 2024, content }), { year: 2024 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.figures.proactive).toEqual(content.proactive);
    expect(result.figures.requests).toEqual(content.requests);
    expect(result.figures.reviews).toEqual(content.reviews);
  });

  it('reads a blank template as all zeros, the way published reports leave zero cells empty', async () => {
    const result = await readTemplate(await buildTemplate({ year: 2026 }), { year: 2026 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.filled).toBe(0);
    expect(result.figures.requests.newReceived).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.figures.proactive.fees.amount).toBe(0);
  });

  it('accepts typed text, full-width digits, "–", "—" and "/" where a number is expected', async () => {
    const buf = await edit(await buildTemplate({ year: 2026 }), (wb) => {
      const t3 = wb.getWorksheet('表三')!;
      t3.getCell('D5').value = '１２';
      t3.getCell('E5').value = '–';
      t3.getCell('F5').value = '/';
      t3.getCell('G5').value = '—';
      t3.getCell('H5').value = 7;
      wb.getWorksheet('表二')!.getCell('B15').value = '18.871';
    });
    const result = await readTemplate(buf, { year: 2026 });
    // The same rule as typing and pasting in the editor (isZeroToken in @ccgov/report).
    expect(result.ok && result.figures.requests.newReceived).toEqual([12, 0, 0, 0, 7, 0]);
    expect(result.ok && result.figures.proactive.fees.amount).toBe(18.871);
  });

  it('names the sheet and cell of every bad value, with the reason, and returns no figures', async () => {
    const buf = await edit(await buildTemplate({ year: 2026 }), (wb) => {
      const t3 = wb.getWorksheet('表三')!;
      t3.getCell('D14').value = -3;
      t3.getCell('E9').value = '三件';
      t3.getCell('F7').value = 2.5;
      wb.getWorksheet('表二')!.getCell('B15').value = 1.23456;
    });
    const result = await readTemplate(buf, { year: 2026 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(4);
    expect(result).not.toHaveProperty('figures');
    const messages = result.problems.map(describeProblem);
    expect(messages).toContain('表三 D14：应为非负整数');
    expect(messages).toContain('表三 E9：应为非负整数');
    expect(messages).toContain('表三 F7：应为非负整数');
    expect(messages).toContain('表二 B15：最多4位小数');
    expect(result.problems.find((p) => p.cell === 'D14')?.target).toBe('requests.withheld6.natural');
  });

  it('refuses a template of another year, a changed label, a value outside the table and a missing sheet', async () => {
    const buf = await edit(await buildTemplate({ year: 2025 }), (wb) => {
      wb.getWorksheet('表三')!.getCell('A5').value = '一、本年新收申请';
      wb.getWorksheet('表三')!.getCell('L7').value = 5;
      wb.removeWorksheet(wb.getWorksheet('表四')!.id);
    });
    const result = await readTemplate(buf, { year: 2026 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map(describeProblem);
    expect(messages).toContain('说明 B3：这是2025年度的模板，本报告为2026年度');
    expect(messages.some((m) => m.startsWith('表三 A5：表头应为“一、本年新收政府信息公开申请数量”'))).toBe(true);
    expect(messages.some((m) => m.startsWith('表三 L7：模板此处不应有内容'))).toBe(true);
    expect(messages.some((m) => m.startsWith('表四：缺少工作表“表四”'))).toBe(true);
  });

  it('says plainly when the file is not an Excel workbook at all', async () => {
    const result = await readTemplate(new TextEncoder().encode('not a workbook'), { year: 2026 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeProblem(result.problems[0]!)).toContain('无法读取');
  });

  it('lays out every typed figure of the format exactly once', () => {
    const targets = ALL_FIGURES.map((f) => f.target);
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets.length).toBe(10 + 24 * 6 + 12); // 二 has 10 figures, 三 24 typed rows × 6, 四 3 × 4
    const addresses = SHEETS.flatMap((s) => [...s.figures, ...s.formulas, ...s.labels].map((c) => `${s.name}!${c.address}`));
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(seedReport2024().requests.newReceived).toHaveLength(6);
  });
});
