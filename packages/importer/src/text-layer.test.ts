/**
 * Text taken off a PDF's text layer or an online flip-book, page by page: tables broken over
 * pages, page furniture between their rows, group labels printed vertically, labels wrapped over
 * lines with the figures on any of them. Modelled on real flip-book pages (威海市文登区审计局's
 * report, see fixtures/real/wendeng-petitions-2022-page8.txt for one page as stored).
 */
import { describe, expect, it } from 'vitest';
import { REQUEST_ROWS, checkReport, type ReportContent } from '@ccgov/report';
import { parseText, type ImportResult, type ParsedReport } from './parse';

function ok(r: ImportResult): ParsedReport {
  if (!r.ok) throw new Error(r.error);
  return r;
}
const Z6 = [0, 0, 0, 0, 0, 0];
const BLANK6 = [null, null, null, null, null, null];

/** A whole report as a flip-book's pages give it (pages 1–5). */
const FLIP = `Page 1 - 2022年报_审计局
P. 1
威海市文登区审计局2022年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》要求编制，本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。如对本报告有疑问，请与威海市文登区审计局联系（联系电话：0631-8451234）。
一、总体情况
（一）主动公开
全年主动公开政府信息35条。
— 1 —
Page 2 - 2022年报_审计局
P. 2
威海市文登区审计局2022年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
本年制发 本年废止 现行有效
信息内容
件数 件数 件数
规章 0 0 0
行政规范性文件 2件 0件 5件
第二十条第（五）项
信息内容 本年处理决定数量
行政许可
7
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 12
- 2 -
Page 3 - 2022年报_审计局
P. 3
威海市文登区审计局2022年政府信息公开工作年度报告
行政强制 0
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 1.5
三、收到和处理政府信息公开申请情况
申请人情况
（本列数据的勾稽关系为：第一 法人或其他组织
项加第二项之和，等于第三项加 商业 科研 社会公 法律服 总计
第四项之和） 自然人 其他
企业 机构 益组织 务机构
一、本年新收政府信息公开申请数量 4 1 0 0 0 0 5
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年度办理结果 （一）予以公开 2 1 0 0 0 0 3
（二）部分公开（区分处理的，只计 1 0 0 0 0 0 1
这一情形，不计其他情形）
不 1.属于国家秘密 0 0 0 0 0 0 0
予
2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
公 3.危及“三安全一稳定” 0 0 0 0 0 0 0
（三）
4.保护第三方合法权益 0 0 0 0 0 0 0
开 5.属于三类内部事务信息 0 0 0 0 0 0 0
6.属于四类过程性信息 0 0 0 0 0 0 0
7.属于行政执法案卷 0 0 0 0 0 0 0
8.属于行政查询事项 0 0 0 0 0 0 0
1.本机关不掌握相关政府信息 1 0 0 0 0 0 1
（四）无法
2.没有现成信息需要另行制作 0 0 0 0 0 0 0
提供
3.补正后申请内容仍不明确 0 0 0 0 0 0 0
第 3 页 共 5 页
Page 4 - 2022年报_审计局
P. 4
威海市文登区审计局2022年政府信息公开工作年度报告
1.信访举报投诉类申请 0 0 0 0 0 0 0
（五）不予 2.重复申请 0 0 0 0 0 0 0
处理 3.要求提供公开出版物 0 0 0 0 0 0 0
4.无正当理由大量反复申请 0 0 0 0 0 0 0
5.要求行政机关确认或重新出具已获
取信息 0 0 0 0 0 0 0
1.申请人无正当理由逾期不补正、行政
其 机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
他
（六）其他处理 2.申请人逾期未按收费通知要求缴纳
处 费用、行政机关不再处理其政府信息 0 0 0 0 0 0 0
理 公开申请
3.其他 0 0 0 0 0 0 0
（七）总计 4 1 0 0 0 0 5
四、结转下年度继续办理 0 0 0 0 0 0 0
四、政府信息公开行政复议、行政诉讼情况
行 行
政 政
复 诉
议 讼
未经复议直接起诉 复议后起诉
结 结 其 尚
结 结 其 尚 结 结 其 尚
果 果 他 未
总计 果 果 他 未 总 果 果 他 未 总
维 纠 结 审
维 纠 结 审 计 维 纠 结 审 计
持 正 果 结
持 正 果 结 持 正 果 结
1 0 0 0 1 0 0 0 0 0 0 0 0 0 0
五、存在的主要问题及改进情况
一是公开深度不够。
4
Page 5 - 2022年报_审计局
P. 5
威海市文登区审计局2022年政府信息公开工作年度报告
六、其他需要报告的事项
本年度未收取信息处理费。
— 5 —
`;

describe('a report off a flip-book, all its pages', () => {
  it('reads every figure of tables 二, 三 and 四 across the page ends, and the texts without the page furniture', () => {
    const r = ok(parseText(FLIP));
    expect(r.unplaced).toEqual([]);
    expect(r.body).toBe('威海市文登区审计局');
    expect(r.year).toBe(2022);
    expect(r.content.proactive).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 2, repealed: 0, inForce: 5 },
      licensing: { decisions: 7 },
      punishment: { decisions: 12 },
      enforcement: { decisions: 0 },
      fees: { amount: 1.5 },
    });
    const req = r.content.requests as Record<string, (number | null)[]>;
    expect(req.newReceived).toEqual([4, 1, 0, 0, 0, 0]);
    expect(req.granted).toEqual([2, 1, 0, 0, 0, 0]);
    expect(req.partial).toEqual([1, 0, 0, 0, 0, 0]);
    expect(req.unable1).toEqual([1, 0, 0, 0, 0, 0]);
    for (const k of ['carriedIn', 'withheld1', 'withheld8', 'unable3', 'notProcessed5', 'otherHandling1', 'otherHandling2', 'otherHandling3', 'carriedOver']) expect(req[k], k).toEqual(Z6);
    expect(r.declaredTotals.resultTotal).toEqual([4, 1, 0, 0, 0, 0, 5]);
    expect(r.content.reviews.review).toEqual({ upheld: 1, corrected: 0, otherResult: 0, pending: 0 });
    expect(r.declaredTotals.reviewTotals).toEqual({ review: 1, suitDirect: 0, suitAfterReview: 0 });
    expect(r.content.problems).toBe('一是公开深度不够。');
    expect(r.content.other).toBe('本年度未收取信息处理费。');
    // The figures add up as published (the texts this short report leaves out are another matter).
    const { errors } = checkReport({ year: 2022, body: r.body!, content: r.content, declaredTotals: r.declaredTotals });
    expect(errors.filter((e) => e.rule <= 5)).toEqual([]);
  });

  it('points a figure of a row wrapped over a page end at the line that holds it', () => {
    const r = ok(parseText(FLIP));
    const lines = FLIP.split('\n');
    expect(lines[r.sources['requests.partial.natural']!.line! - 1]).toBe('（二）部分公开（区分处理的，只计 1 0 0 0 0 0 1');
    expect(lines[r.sources['requests.otherHandling2.total']!.line! - 1]).toContain('费用、行政机关不再处理其政府信息 0 0 0 0 0 0 0');
  });
});

/** Table 三 of FLIP with `rows` in place of its body (the heads and the other sections kept). */
const withRequestRows = (rows: string) => {
  const start = FLIP.indexOf('一、本年新收');
  const end = FLIP.indexOf('四、政府信息公开行政复议');
  return FLIP.slice(0, start) + rows + FLIP.slice(end);
};
const req = (r: ParsedReport) => r.content.requests as Record<string, (number | null)[]>;
const unplacedOf = (r: ParsedReport, key: string) => r.unplaced.find((u) => u.keys.includes(key));

describe('hazard 1: page furniture inside and between tables', () => {
  it('a page footer, the viewer\u2019s marker and the running header inside a wrapped label do not break the row', () => {
    for (const furniture of [['— 3 —', 'Page 4 - 2022年报_审计局', 'P. 4'], ['- 3 -'], ['第 3 页 共 5 页', '威海市文登区审计局2022年政府信息公开工作年度报告'], ['第3页'], ['3', 'Page 4 - 2022年报_审计局', 'P. 4']]) {
      const r = ok(parseText(FLIP.replace('5.要求行政机关确认或重新出具已获\n', `5.要求行政机关确认或重新出具已获\n${furniture.join('\n')}\n`)));
      expect(req(r).notProcessed5, furniture.join(' / ')).toEqual(Z6);
      expect(r.unplaced, furniture.join(' / ')).toEqual([]);
    }
  });

  it('"— 7 —" or "- 7 -" after a row is not three more figures of it', () => {
    for (const footer of ['— 2 —', '- 2 -', '－2－']) {
      const r = ok(parseText(FLIP.replace('行政处罚 12\n- 2 -\n', `行政处罚 12\n${footer}\n`)));
      expect(r.content.proactive.punishment.decisions, footer).toBe(12);
      expect(r.unplaced, footer).toEqual([]);
    }
  });

  it('a bare page number after a row short of a figure is not taken as its last figure: the row is listed', () => {
    // The 总计 cell of 8.属于行政查询事项 is empty on the page; "3" is the page number under it.
    const r = ok(parseText(FLIP.replace('8.属于行政查询事项 0 0 0 0 0 0 0\n', '8.属于行政查询事项 0 0 0 0 0 0\n3\n')));
    expect(req(r).withheld8).toEqual(BLANK6);
    const u = unplacedOf(r, 'requests.withheld8.natural')!;
    expect(u.message).toBe('表三‘（三）不予公开 8.属于行政查询事项’ 未能识别（应有7个数字，读到6个）');
    expect(u.snippet).toBe('8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0');
    expect(r.published['requests.withheld8.total']).toBeUndefined();
  });

  it('a bare page number next to the viewer\u2019s marker is not the figure of a row left empty before the page end', () => {
    const r = ok(parseText(FLIP.replace('行政处罚 12\n- 2 -\n', '行政处罚\n2\nPage 3 - 2022年报_审计局\n')));
    expect(r.content.proactive.punishment.decisions).toBeNull();
    expect(unplacedOf(r, 'proactive.punishment.decisions')!.message).toBe('表二‘行政处罚’ 未能识别（应有1个数字，读到0个）');
  });

  it('a figure alone on the line after its label is still read where no page ends', () => {
    const r = ok(parseText(FLIP));
    expect(r.content.proactive.licensing.decisions).toBe(7);
  });
});

describe('hazard 2: group labels printed vertically, heads split character by character', () => {
  it('（六）其他处理 standing beside a wrapped row is not the 2019 trial format, and its rows are read', () => {
    const rows = FLIP.slice(FLIP.indexOf('1.申请人无正当理由'), FLIP.indexOf('3.其他 0'));
    const r = ok(parseText(FLIP.replace(rows, '1.申请人无正当理由逾期不补正、行政\n（六）其他处理 0 0 0 0 0 0 0\n机关不再处理其政府信息公开申请\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n')));
    expect(req(r).otherHandling1).toEqual(Z6);
    expect(req(r).otherHandling2).toEqual(Z6);
    expect(r.unplaced).toEqual([]);
  });

  it('a group character inside a wrapped label (one a line or at the start of a line) is passed over', () => {
    const r = ok(parseText(FLIP));
    expect(req(r).otherHandling1).toEqual(Z6);
    expect(req(r).otherHandling2).toEqual(Z6);
    expect(req(r).withheld2).toEqual(Z6);
  });

  it('table 四 whose group heads stand a character a line (行 行 / 政 政 / 复 诉 / 议 讼) is read', () => {
    const r = ok(parseText(FLIP));
    expect(r.published['reviews.review.upheld']).toBe(1);
    expect(r.published['reviews.suitAfterReview.total']).toBe(0);
  });

  it('the trial format is still refused when （六）其他处理 has figures and no sub-rows', () => {
    const rows = FLIP.slice(FLIP.indexOf('1.申请人无正当理由'), FLIP.indexOf('3.其他 0'));
    const trial = FLIP.replace(rows, '（六）其他处理 0 0 0 0 0 0 0\n').replace('3.其他 0 0 0 0 0 0 0\n', '');
    const r = parseText(trial);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('2019年试行') });
  });
});

describe('hazard 3: row labels wrapped over lines, the figures on the first, middle or last line', () => {
  it('（二）部分公开 with its figures on the first of two lines', () => {
    const r = ok(parseText(FLIP));
    expect(req(r).partial).toEqual([1, 0, 0, 0, 0, 0]);
    expect(r.declaredTotals.requestRowTotals?.partial).toBe(1);
  });

  it('六\u2019s long labels over three lines with the figures on the middle one, and a label whose figures come on its last line', () => {
    const r = ok(parseText(withRequestRows(
      [
        '一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0',
        '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
        '（一）予以公开 0 0 0 0 0 0 0',
        '（二）部分公开（区分处理的，',
        '只计这一情形，不计其他情形） 0 0 0 0 0 0 0',
        '1.申请人无正当理由逾期不',
        '补正、行政机关不再处理其政 2 0 0 0 0 0 2',
        '府信息公开申请',
        '2.申请人逾期未按收费通知要',
        '求缴纳费用、行政机关不再处',
        '理其政府信息公开申请 0 1 0 0 0 0 1',
        '3.其他 0 0 0 0 0 0 0',
        '（七）总计 2 1 0 0 0 0 3',
        '四、结转下年度继续办理 0 0 0 0 0 0 0',
        '',
      ].join('\n'),
    )));
    expect(req(r).partial).toEqual(Z6);
    expect(req(r).otherHandling1).toEqual([2, 0, 0, 0, 0, 0]);
    expect(req(r).otherHandling2).toEqual([0, 1, 0, 0, 0, 0]);
    expect(req(r).otherHandling3).toEqual(Z6);
    // The rows this page leaves out are listed, not 0.
    expect(req(r).withheld1).toEqual(BLANK6);
    expect(unplacedOf(r, 'requests.withheld1.natural')!.message).toContain('未找到该行');
  });

  it('a label cut where its figures should be, and the next row\u2019s label starting on the same line, place nothing in the wrong row', () => {
    const r = ok(parseText(FLIP.replace('2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n', '2.其他法律行政法规禁止公开\n')));
    expect(req(r).withheld2).toEqual(BLANK6);
    expect(req(r).withheld1).toEqual(Z6);
    expect(req(r).withheld3).toEqual(Z6);
  });
});

describe('hazard 3b: a label\u2019s ordinal on a line of its own', () => {
  it('"3." alone on a line is the start of the label, not a figure (it used to stop the import with a TypeError)', () => {
    const r = ok(parseText(FLIP.replace('3.补正后申请内容仍不明确 0 0 0 0 0 0 0', '3.\n补正后申请内容仍不明确 0 0 0 0 0 0 0').replace('3.其他 0 0 0 0 0 0 0', '3.\n其他 0 0 0 0 0 0 0')));
    expect(req(r).unable3).toEqual(Z6);
    expect(req(r).otherHandling3).toEqual(Z6);
    expect(r.unplaced).toEqual([]);
  });
});

describe('hazard 4: table 二 in the text layer', () => {
  it('figures with their unit (2件, "5 件"), heads split over lines', () => {
    const r = ok(parseText(FLIP.replace('行政规范性文件 2件 0件 5件', '行政规范性文件 2 件 0 件 5 件')));
    expect(r.content.proactive.normativeDocs).toEqual({ issued: 2, repealed: 0, inForce: 5 });
    expect(ok(parseText(FLIP)).content.proactive.normativeDocs).toEqual({ issued: 2, repealed: 0, inForce: 5 });
  });

  it('a row whose label wraps with the figures on its first line ("行政规范性 2 0 5" / "文件")', () => {
    const r = ok(parseText(FLIP.replace('行政规范性文件 2件 0件 5件', '行政规范性 2 0 5\n文件')));
    expect(r.content.proactive.normativeDocs).toEqual({ issued: 2, repealed: 0, inForce: 5 });
  });

  it('an ordinal apart from its label ("1. 属于国家秘密") is not a figure of the row before', () => {
    const r = ok(parseText(FLIP.replace('8.属于行政查询事项 0 0 0 0 0 0 0', '8.属于行政查询事项 0 0 0 0 0 0').replace('1.本机关不掌握相关政府信息 1', '1. 本机关不掌握相关政府信息 1')));
    expect(req(r).withheld8).toEqual(BLANK6);
    expect(req(r).unable1).toEqual([1, 0, 0, 0, 0, 0]);
  });
});

describe('hazard 5: figures on the next line, apart by several spaces or tabs, full-width digits', () => {
  it('reads them all', () => {
    const text = FLIP.replace('1.属于国家秘密 0 0 0 0 0 0 0', '1.属于国家秘密\n０　０　０　０　０　０　０')
      .replace('二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', '二、上年结转政府信息公开申请数量     1      0   0 0 0 0    1')
      .replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理\n1 0 0 0 0 0 1')
      .replace('（七）总计 4 1 0 0 0 0 5', '（七）总计 5 1 0 0 0 0 6');
    const r = ok(parseText(text));
    expect(req(r).withheld1).toEqual(Z6);
    expect(req(r).carriedIn).toEqual([1, 0, 0, 0, 0, 0]);
    expect(req(r).carriedOver).toEqual([1, 0, 0, 0, 0, 0]);
    expect(r.declaredTotals.requestRowTotals?.carriedIn).toBe(1);
  });

  it('a table 二 written with tabs between its cells', () => {
    const r = ok(parseText(FLIP.replace('规章 0 0 0', '规章\t1\t0\t3').replace('行政规范性文件 2件 0件 5件', '行政规范性文件\t2\t0\t5')));
    expect((r.content as ReportContent).proactive.rules).toEqual({ issued: 1, repealed: 0, inForce: 3 });
    expect(r.content.proactive.normativeDocs).toEqual({ issued: 2, repealed: 0, inForce: 5 });
  });
});

describe('never a wrong figure: table 三 in many text-layer shapes', () => {
  /** A small seeded generator, so a failure is the same on every run. */
  const generator = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const COLS = ['natural', 'commercial', 'research', 'publicInterest', 'legal', 'other', 'total'];
  const LABEL: Record<string, string> = { partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' };
  for (const r of REQUEST_ROWS) LABEL[r.key] ??= r.label;
  const GROUP: Record<string, string> = { granted: '三、本年度办理结果', withheld1: '（三）不予公开', unable1: '（四）无法提供', notProcessed1: '（五）不予处理', otherHandling1: '（六）其他处理' };

  /** A table 三 with random figures, each row in one of the shapes a text layer gives, some damaged. */
  function variant(rnd: () => number) {
    const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
    const truth = new Map<string, number>();
    const damaged = new Set<string>();
    const lines = ['威海市文登区审计局2022年政府信息公开工作年度报告', '统计期限自2022年1月1日起至2022年12月31日止。', '一、总体情况', '三、收到和处理政府信息公开申请情况', '申请人情况', '自然人 商业 科研 其他 总计'];
    for (const r of REQUEST_ROWS) {
      const vals = COLS.map(() => (rnd() < 0.5 ? 0 : Math.floor(rnd() * 30)));
      vals.forEach((v, i) => truth.set(`requests.${r.key}.${COLS[i]}`, v));
      const group = GROUP[r.key];
      if (group && rnd() < 0.5) lines.push(...(rnd() < 0.5 ? [...group] : [group]));
      const label = LABEL[r.key]!;
      let figs = vals.join(' ');
      if (rnd() < 0.1) {
        // A figure lost (an empty cell).
        const cut = vals.slice();
        cut.splice(Math.floor(rnd() * 7), 1);
        figs = cut.join(' ');
        damaged.add(r.key);
      }
      const cut = Math.max(2, Math.floor(rnd() * label.length));
      const shape = rnd();
      if (shape < 0.05) {
        damaged.add(r.key); // no figures at all
        lines.push(label);
      } else if (shape < 0.1) lines.push(figs, label); // figures before the label
      else if (shape < 0.2) lines.push(label.slice(0, cut), pick(['予', '处', '— 4 —', '第4页']), `${label.slice(cut)} ${figs}`);
      else if (shape < 0.45) lines.push(`${label} ${figs}`);
      else if (shape < 0.6) lines.push(label, figs);
      else if (cut < label.length) lines.push(...(rnd() < 0.5 ? [`${label.slice(0, cut)} ${figs}`, label.slice(cut)] : [label.slice(0, cut), `${label.slice(cut)} ${figs}`]));
      else lines.push(`${label} ${figs}`);
      if (rnd() < 0.15) {
        const page = 3 + Math.floor(rnd() * 5);
        const furniture = pick([[`— ${page} —`], [`${page}`, `Page ${page + 1} - 2022年报_审计局`, `P. ${page + 1}`], [`第 ${page} 页 共 9 页`], [`- ${page} -`, '威海市文登区审计局2022年政府信息公开工作年度报告']]);
        lines.splice(lines.length - Math.floor(rnd() * 2), 0, ...furniture);
      }
      if (rnd() < 0.05) lines.push(String(1 + Math.floor(rnd() * 9))); // a page number standing alone
    }
    lines.push('四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '无。');
    return { text: lines.join('\n'), truth, damaged };
  }

  it('every figure placed is the one printed in its row; a damaged row is never placed (300 variants)', () => {
    const rnd = generator(7);
    let placed = 0;
    for (let i = 0; i < 300; i++) {
      const { text, truth, damaged } = variant(rnd);
      const r = ok(parseText(text));
      for (const [key, value] of Object.entries(r.published)) {
        if (!key.startsWith('requests.')) continue;
        const row = key.split('.')[1]!;
        expect(damaged.has(row) ? `${row} placed although damaged` : value, `variant ${i} ${key}\n${text}`).toBe(damaged.has(row) ? undefined : truth.get(key));
        placed++;
      }
    }
    // Most of the rows are still read.
    expect(placed).toBeGreaterThan(300 * 25 * 7 * 0.6);
  });
});

describe('table 三 whose heads put the columns in another order', () => {
  const heads = FLIP.slice(FLIP.indexOf('申请人情况\n'), FLIP.indexOf('一、本年新收'));
  it('one head line naming all seven columns: each figure goes to the column its head names', () => {
    const r = ok(parseText(FLIP.replace(heads, '总计 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他\n')));
    // "一、本年新收… 4 1 0 0 0 0 5" read under 总计 自然人 商业企业 …: 总计 4, 自然人 1, 商业企业 0 … 其他 5.
    expect(req(r).newReceived).toEqual([1, 0, 0, 0, 0, 5]);
    expect(r.declaredTotals.requestRowTotals?.newReceived).toBe(4);
  });

  it('法人或其他组织\u2019s five columns in another order under it: nothing is placed by position, every row is listed', () => {
    const r = ok(parseText(FLIP.replace(heads, '申请人情况\n自然人 法人或其他组织 总计\n科研机构 商业企业 社会公益组织 法律服务机构 其他\n')));
    expect(Object.keys(r.published).filter((k) => k.startsWith('requests.'))).toEqual([]);
    expect(unplacedOf(r, 'requests.newReceived.natural')!.message).toBe('表三‘一、本年新收政府信息公开申请数量’ 未能识别（表头的列与格式的列次序不同，无法对应）');
  });

  it('the official heads, read as one line or broken over lines, keep the official order', () => {
    for (const h of ['申请人情况\n自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他\n', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 自然人 法人 总计 商业 科研 社会 法律 其他\n或其他组织 企业 机构 公益组织 服务机构\n']) {
      const r = ok(parseText(FLIP.replace(heads, h)));
      expect(req(r).newReceived, h).toEqual([4, 1, 0, 0, 0, 0]);
    }
  });
});

describe('page numbers and 序号 that must not become figures', () => {
  it('a bare page number after a row left blank, the running header (the title again) below it: the row is listed', () => {
    const r = ok(parseText(FLIP.replace('行政处罚 12\n- 2 -\nPage 3 - 2022年报_审计局\nP. 3\n', '行政处罚\n2\n')));
    expect(r.content.proactive.punishment.decisions).toBeNull();
    expect(unplacedOf(r, 'proactive.punishment.decisions')!.message).toBe('表二‘行政处罚’ 未能识别（应有1个数字，读到0个）');
    expect(r.content.proactive.enforcement.decisions).toBe(0);
  });

  const serialTable = (rows: string[]) =>
    [
      '某局2023年政府信息公开工作年度报告',
      '一、总体情况',
      '三、收到和处理政府信息公开申请情况',
      '序号 | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |',
      '自然人 | 法人或其他组织 | 总计 |',
      '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
      ...rows,
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');

  it('a 序号 column in a copied table 三: the next row\u2019s 序号 is not this row\u2019s 总计, a blank cell among the figures is 0', () => {
    const r = ok(parseText(serialTable(['1 | 一、本年新收政府信息公开申请数量 | 5 | 2 |  | 1 | 3 | 4 | 15 |', '2 | 二、上年结转政府信息公开申请数量 | 1 | 1 | 1 | 1 | 1 | 1 | 6 |', '3 | 三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'])));
    expect(req(r).newReceived).toEqual([5, 2, 0, 1, 3, 4]);
    expect(r.declaredTotals.requestRowTotals?.newReceived).toBe(15);
    expect(req(r).carriedIn).toEqual([1, 1, 1, 1, 1, 1]);
    expect(r.declaredTotals.requestRowTotals?.carriedIn).toBe(6);
  });

  it('without a 序号 head, a number standing between two rows is not dropped into either', () => {
    const r = ok(parseText(serialTable(['一、本年新收政府信息公开申请数量 | 5 | 2 |  | 1 | 3 | 4 | 15 |', '2 |', '二、上年结转政府信息公开申请数量 | 1 | 1 | 1 | 1 | 1 | 1 | 6 |']).replace('序号 | ', '')));
    expect(req(r).newReceived).toEqual(BLANK6);
    expect(req(r).carriedIn).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('tables 二 and 四 whose heads put the columns in another order', () => {
  it('二: 本年制发 现行有效 本年废止 — each figure under the column its head names', () => {
    const r = ok(parseText(FLIP.replace('本年制发 本年废止 现行有效', '本年制发 现行有效 本年废止')));
    // "行政规范性文件 2件 0件 5件" under 制发 / 现行有效 / 废止.
    expect(r.content.proactive.normativeDocs).toEqual({ issued: 2, repealed: 5, inForce: 0 });
  });

  const reviews = (heads: string[], figures: string) => FLIP.slice(0, FLIP.indexOf('行 行\n')) + [...heads, figures].join('\n') + '\n' + FLIP.slice(FLIP.indexOf('五、存在的主要问题'));
  it('四: 总计 first in each block, as its heads say', () => {
    const r = ok(parseText(reviews(['行政复议 | 行政诉讼 |', '总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 未经复议直接起诉 | 复议后起诉 |', '总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 |'], '3 | 2 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 |')));
    expect(r.content.reviews.review).toEqual({ upheld: 2, corrected: 1, otherResult: 0, pending: 0 });
    expect(r.declaredTotals.reviewTotals).toEqual({ review: 3, suitDirect: 0, suitAfterReview: 1 });
    expect(r.content.reviews.suitAfterReview).toEqual({ upheld: 1, corrected: 0, otherResult: 0, pending: 0 });
  });

  it('四: heads whose blocks disagree on the order are not placed by position', () => {
    const r = ok(parseText(reviews(['行政复议 | 行政诉讼 |', '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |', '总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 |'], '1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |')));
    expect(Object.keys(r.published).filter((k) => k.startsWith('reviews.'))).toEqual([]);
    expect(r.unplaced.find((u) => u.table === '表四')!.message).toContain('表头的列与格式的列次序不同');
  });
});
