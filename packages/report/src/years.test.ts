import { describe, expect, it } from 'vitest';
import { checkYearMentions, lateYears } from './checker-text';
import { seedReport2024, realisticReport } from './fixtures';
import type { ReportContent } from './content';
import { OPENINGS, PLAN_RANGES, WRONG_TITLE_2021, type YearText } from './checker-corpus/years-corpus';

const withOpening = (opening: string, year: number): ReportContent => ({ ...realisticReport({ year }), opening });
const warningsFor = (t: { text: string; year: number }) => checkYearMentions(t.year, withOpening(t.text, t.year));

/**
 * The slips a copied or hastily updated opening shows: every mention of the report year (outside
 * the names of other documents) changed on its own to the year before, the year after and a
 * typo two years on; and the whole paragraph left at the year before.
 */
function slips(t: YearText): { what: string; text: string }[] {
  const own = new RegExp(`${t.year}\\s*年`, 'g');
  const titles = [...t.text.matchAll(/《[^《》]*》/g)].filter((m) => !/政府信息公开工作年度报告》$/.test(m[0]));
  const inOtherTitle = (i: number) => titles.some((m) => i > m.index && i < m.index + m[0].length);
  const out: { what: string; text: string }[] = [];
  for (const m of t.text.matchAll(own)) {
    if (inOtherTitle(m.index)) continue;
    for (const y of [t.year - 1, t.year + 1, t.year + 2]) {
      out.push({ what: `${m.index}: ${t.year}→${y}`, text: t.text.slice(0, m.index) + m[0].replace(String(t.year), String(y)) + t.text.slice(m.index + m[0].length) });
    }
  }
  out.push({ what: 'whole opening a year behind', text: t.text.replaceAll(String(t.year), String(t.year - 1)) });
  return out;
}

describe('rule 9 on the openings of published reports', () => {
  it.each(OPENINGS.map((o) => [o.id, o] as const))('%s: finds the period sentence and raises nothing on the text as published', (_id, o) => {
    expect(warningsFor(o)).toEqual([]);
  });

  it('catches at least 95 % of injected year slips', () => {
    const all = OPENINGS.flatMap((o) => slips(o).map((s) => ({ o, s })));
    const missed = all.filter(({ o, s }) => warningsFor({ year: o.year, text: s.text }).length === 0);
    console.info(`rule 9 mutations: ${all.length} slips in ${OPENINGS.length} openings, ${all.length - missed.length} caught (${(((all.length - missed.length) / all.length) * 100).toFixed(1)} %)` +
      (missed.length ? `; missed: ${missed.map(({ o, s }) => `${o.id} ${s.what}`).join('; ')}` : ''));
    expect((all.length - missed.length) / all.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the period sentence in its other customary wordings', () => {
    for (const wording of [
      '本报告所列数据统计周期为2024年1月1日至12月31日。',
      '本报告统计时间范围为2024年1月1日至2024年12月31日。',
      '数据统计时间为2024年1月1日至2024年12月31日。',
      '本报告内容涵盖2024年1月1日至12月31日期间的政府信息公开工作。',
      '本报告所列统计数据的期限自2024年1月1日起，至2024年12月31日止。',
    ]) {
      const opening = `本报告是陈仓区市场监督管理局2024年政府信息公开工作年度报告。${wording}`;
      expect(warningsFor({ year: 2024, text: opening }), wording).toEqual([]);
      expect(warningsFor({ year: 2024, text: opening.replace(/2024年1月1日/, '2023年1月1日') }).map((w) => w.code), wording).toEqual(['year.period']);
    }
  });

  it('flags the report’s own title naming another year (a 2021 report called 2020)', () => {
    const warnings = warningsFor(WRONG_TITLE_2021);
    expect(warnings.map((w) => w.code)).toEqual(['year.title']);
    expect(warnings[0]!.message).toBe('报告开头说明：文中报告名称写的是2020年，报告年度为2021年');
  });

  it('does not take a year range in a plan’s name for a typo', () => {
    expect(lateYears(PLAN_RANGES.text, 2023)).toEqual([]);
    expect(lateYears('对照《陈仓区“十四五”数字政府建设规划（2021—2025年）》，推进政务公开。', 2022)).toEqual([]);
    expect(lateYears('落实《政务公开三年行动方案（2024－2027年）》。', 2024)).toEqual([]);
    expect(lateYears('为实现2035年远景目标打好基础，到2027年基本建成。', 2024)).toEqual([]);
    expect(lateYears('2027年，我局将持续改进。', 2024)).toEqual([2027]);
  });

  it('keeps the published 2024 report of 陈仓区数据局 free of year warnings', () => {
    expect(checkYearMentions(2024, seedReport2024())).toEqual([]);
  });
});
