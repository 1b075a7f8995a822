import { describe, expect, it } from 'vitest';
import { checkReport, type CheckInput, type CheckIssue } from './checker';
import { makeReport, realisticReport, seedReport2024 } from './fixtures';
import type { ReportContent } from './content';

const YEAR = 2024;
const check = (content: ReportContent, extra: Partial<CheckInput> = {}) =>
  checkReport({ year: YEAR, body: '陈仓区市场监督管理局', content, ...extra });
const keys = (issues: CheckIssue[]) => issues.map((i) => i.key);
const find = (issues: CheckIssue[], key: string) => issues.find((i) => i.key === key);
/** The seed report (all zeros) with the given edits, for small hand-made tables. */
const zeroReport = (edit: (c: ReportContent) => void) => {
  const c = seedReport2024();
  edit(c);
  return c;
};

describe('fixtures', () => {
  it('passes the published 陈仓区数据局 2024 report with no errors and no warnings', () => {
    expect(check(seedReport2024())).toEqual({ errors: [], warnings: [] });
  });

  it('passes the realistic report with no errors and no warnings', () => {
    expect(check(realisticReport())).toEqual({ errors: [], warnings: [] });
  });

  it('gives every issue a key made of its code and target', () => {
    const { errors, warnings } = check(makeReport({ overview: { request: '' }, requests: { newReceived: [null, 0, 0, 0, 0, 0] } }));
    for (const i of [...errors, ...warnings]) expect(i.key).toBe(`${i.code}:${i.target}`);
    expect(new Set(keys(errors)).size).toBe(errors.length);
  });
});

describe('rule 1: every number present, whole and not negative', () => {
  it('reports an empty cell as 未填写 at its own target', () => {
    const { errors } = check(makeReport({ requests: { newReceived: [null, 98, 6, 9, 31, 13] } }));
    const issue = find(errors, 'value.missing:requests.newReceived.natural');
    expect(issue).toMatchObject({ rule: 1, severity: 'error' });
    expect(issue?.message).toContain('第1列（自然人）');
    expect(issue?.message).toContain('未填写');
  });

  it('does not add a balance error for a column that still has an empty cell', () => {
    const { errors } = check(makeReport({ requests: { newReceived: [null, 98, 6, 9, 31, 13] } }));
    expect(errors.filter((e) => e.rule === 4)).toEqual([]);
  });

  it('refuses a negative count', () => {
    const { errors } = check(makeReport({ proactive: { licensing: { decisions: -1 } } }));
    expect(keys(errors)).toEqual(['value.negative:proactive.licensing.decisions']);
  });

  it('refuses a decimal count', () => {
    const { errors } = check(makeReport({ reviews: { review: { upheld: 2.5 } } }));
    expect(keys(errors)).toContain('value.notWhole:reviews.review.upheld');
  });

  it('accepts a fee amount with four decimals and refuses one with five', () => {
    expect(check(makeReport({ proactive: { fees: { amount: 18.871 } } })).errors).toEqual([]);
    const { errors } = check(makeReport({ proactive: { fees: { amount: 18.87105 } } }));
    expect(keys(errors)).toEqual(['value.decimals:proactive.fees.amount']);
    expect(errors[0]!.message).toContain('18.87105');
  });

  it('refuses a negative fee amount', () => {
    expect(keys(check(makeReport({ proactive: { fees: { amount: -0.5 } } })).errors)).toEqual(['value.negative:proactive.fees.amount']);
  });

  it('reports text where a number belongs instead of adding it up as text', () => {
    const content = realisticReport();
    (content.requests.carriedIn as unknown[])[0] = '14';
    const { errors } = check(content);
    expect(keys(errors)).toEqual(['value.notNumber:requests.carriedIn.natural']);
  });

  it('survives a row missing from an import by reporting each of its cells', () => {
    const content = realisticReport();
    delete (content.requests as Partial<ReportContent['requests']>).withheld1;
    const { errors } = check(content);
    expect(keys(errors).filter((k) => k.startsWith('value.missing:requests.withheld1.'))).toHaveLength(6);
  });
});

describe('rule 2: the 总计 column of table 三 equals the sum of its six columns', () => {
  it('accepts typed row totals that match', () => {
    expect(check(realisticReport(), { declaredTotals: { requestRowTotals: { newReceived: 859, carriedIn: 18, carriedOver: 72 } } }).errors).toEqual([]);
  });

  it('flags a typed row total that differs, naming both numbers', () => {
    const { errors } = check(realisticReport(), { declaredTotals: { requestRowTotals: { newReceived: 860 } } });
    const issue = find(errors, 'requests.rowTotal:requests.newReceived.total');
    expect(issue?.rule).toBe(2);
    expect(issue?.message).toBe('三、“一、本年新收政府信息公开申请数量”第7列（总计）：填报的总计（860）≠ 前六列之和（859）');
  });
});

describe('rule 3: （七）总计 equals the sum of every result row', () => {
  it('accepts a typed （七）总计 row that matches', () => {
    expect(check(realisticReport(), { declaredTotals: { resultTotal: [658, 92, 6, 8, 29, 12, 805] } }).errors).toEqual([]);
  });

  it('flags each typed （七）总计 cell that differs', () => {
    const { errors } = check(realisticReport(), { declaredTotals: { resultTotal: [658, 93, 6, 8, 29, 12, 806] } });
    expect(keys(errors)).toEqual(['requests.resultTotal:requests.resultTotal.commercial', 'requests.resultTotal:requests.resultTotal.total']);
    expect(errors[0]!.message).toContain('（93）≠ （一）至（六）各项之和（92）');
    expect(errors.every((e) => e.rule === 3)).toBe(true);
  });
});

describe('rule 4: per column, 一 + 二 = 三（七）总计 + 四', () => {
  it('accepts balanced columns', () => {
    expect(check(realisticReport()).errors.filter((e) => e.rule === 4)).toEqual([]);
  });

  it('raises one error for one slip, at its column, naming the rows in words and the difference', () => {
    const content = zeroReport((c) => {
      c.requests.newReceived[1] = 5;
      c.requests.granted[1] = 4;
      c.overview.request = '2024年，共收到政府信息公开申请5件。';
    });
    const { errors } = check(content);
    // Not a second error for the 总计 column: it is the sum of the six and repeats the same slip.
    expect(keys(errors)).toEqual(['requests.balance:requests.col.commercial']);
    expect(errors[0]!.message).toBe('表三“商业企业”列：本年新收 5 + 上年结转 0 = 5，办理结果总计 4 + 结转下年度 0 = 4，相差 1');
  });

  it('gives each unbalanced column its own error', () => {
    const content = zeroReport((c) => {
      c.requests.newReceived[0] = 5;
      c.requests.granted[0] = 3;
      c.requests.carriedOver[0] = 1;
      c.requests.newReceived[4] = 2;
    });
    const { errors } = check(content);
    expect(keys(errors)).toEqual(['requests.balance:requests.col.natural', 'requests.balance:requests.col.legal']);
    expect(errors[0]!.message).toBe('表三“自然人”列：本年新收 5 + 上年结转 0 = 5，办理结果总计 3 + 结转下年度 1 = 4，相差 1');
  });
});

describe('rule 5: each 总计 of table 四 equals its four results', () => {
  it('accepts typed totals that match', () => {
    expect(check(realisticReport(), { declaredTotals: { reviewTotals: { review: 6, suitDirect: 3, suitAfterReview: 1 } } }).errors).toEqual([]);
  });

  it('flags a typed total that differs', () => {
    const { errors } = check(realisticReport(), { declaredTotals: { reviewTotals: { suitDirect: 4 } } });
    expect(keys(errors)).toEqual(['reviews.total:reviews.suitDirect.total']);
    expect(errors[0]!.message).toBe('四、行政诉讼（未经复议直接起诉）·总计：填报的总计（4）≠ 四项结果之和（3）');
  });
});

describe('rule 6: required text and contact', () => {
  it('flags an empty or blank required section', () => {
    const { errors } = check(makeReport({ overview: { platform: '  \n ' }, other: '' }));
    expect(keys(errors)).toEqual(['text.required:text.overview.platform', 'text.required:text.other']);
    expect(errors[0]!.message).toBe('一、总体情况（四）政府信息公开平台建设：未填写，提交前必须填写');
  });

  it('lets the overview lead paragraph stay empty', () => {
    expect(check(makeReport({ overview: { lead: '' } })).errors).toEqual([]);
  });

  it('flags a missing contact person and a malformed email', () => {
    const { errors } = check(makeReport({ contact: { person: '', email: 'not-an-email' } }));
    expect(keys(errors)).toEqual(['contact.missing:contact.person', 'contact.invalid:contact.email']);
  });
});

describe('rule 7: carry-over matches last year’s report', () => {
  const previous2023 = (carriedOver: number[]) => ({ year: 2023, content: makeReport({ requests: { carriedOver } }, realisticReport({ year: 2023 })) });

  it('accepts 二、上年结转 equal to last year’s 四、结转下年度继续办理', () => {
    const { warnings } = check(realisticReport(), { previous: previous2023([14, 3, 0, 0, 1, 0]) });
    expect(warnings.filter((w) => w.rule === 7)).toEqual([]);
  });

  it('flags each column that differs, with both numbers', () => {
    const { warnings } = check(realisticReport(), { previous: previous2023([15, 3, 0, 0, 1, 0]) });
    const carry = warnings.filter((w) => w.rule === 7);
    expect(keys(carry)).toEqual(['crossYear.carriedIn:requests.carriedIn.natural']);
    expect(carry[0]!.message).toBe('三、第1列（自然人）：本年“二、上年结转政府信息公开申请数量”（14）≠ 2023年报告“四、结转下年度继续办理”（15）');
  });

  it('does not compare with a report older than last year', () => {
    const { warnings } = check(realisticReport(), { previous: { year: 2022, content: makeReport({ requests: { carriedOver: [99, 0, 0, 0, 0, 0] } }) } });
    expect(warnings.filter((w) => w.rule === 7)).toEqual([]);
  });
});

describe('rule 8: narrative against numbers', () => {
  it('flags text saying no request was received while table 三 has some', () => {
    const { warnings } = check(makeReport({ overview: { request: '2024年，我局未收到政府信息公开申请。' } }));
    const issue = find(warnings, 'narrative.noRequests:text.overview.request');
    expect(issue?.message).toContain('（0件）≠');
    expect(issue?.message).toContain('（859）');
  });

  it('flags a stated count of requests received that differs from 一 总计', () => {
    const { warnings } = check(makeReport({ overview: { request: '全年共收到政府信息公开申请860件。' } }));
    expect(find(warnings, 'narrative.received:text.overview.request')?.message).toBe(
      '一、总体情况（二）依申请公开：文中“收到政府信息公开申请860件”（860）≠ 表三“一、本年新收政府信息公开申请数量”总计（859）',
    );
  });

  it('reads counts written in Chinese numerals and full-width digits', () => {
    const twelve = (text: string) =>
      zeroReport((c) => {
        c.requests.newReceived[0] = 12;
        c.requests.granted[0] = 12;
        c.overview.request = text;
      });
    expect(check(twelve('共收到政府信息公开申请十二件。')).warnings).toEqual([]);
    expect(check(twelve('共收到政府信息公开申请１２件。')).warnings).toEqual([]);
    expect(check(twelve('共收到十二件政府信息公开申请。')).warnings).toEqual([]);
    expect(keys(check(twelve('共收到政府信息公开申请十三件。')).warnings)).toEqual(['narrative.received:text.overview.request']);
  });

  it('compares a count of requests handled (办理) with 一 + 二', () => {
    expect(check(makeReport({ overview: { request: '共办理政府信息公开申请877件。' } })).warnings).toEqual([]);
    expect(keys(check(makeReport({ overview: { request: '共办理政府信息公开申请870件。' } })).warnings)).toEqual([
      'narrative.handled:text.overview.request',
    ]);
  });

  it('compares 行政复议 and 行政诉讼 counts in the text with table 四', () => {
    const ok = check(makeReport({ overview: { supervision: '全年发生行政复议6件、行政诉讼4件。' } }));
    expect(ok.warnings).toEqual([]);
    const { warnings } = check(makeReport({ overview: { supervision: '全年发生行政复议5件、行政诉讼4件。' } }));
    expect(keys(warnings)).toEqual(['narrative.review:text.overview.supervision']);
    expect(warnings[0]!.message).toContain('（5）≠ 表四“行政复议”总计（6）');
  });

  it('flags text saying there was no 行政复议 or 行政诉讼 while table 四 has cases', () => {
    const { warnings } = check(makeReport({ other: '本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。' }));
    expect(keys(warnings)).toEqual(['narrative.review:text.other', 'narrative.lawsuit:text.other']);
  });

  it('does not read deadlines or legal remedies as counts', () => {
    const text =
      '对受理的政府信息公开申请在15个工作日内答复；对无法提供的，告知申请人可依法申请行政复议或者提起行政诉讼。';
    expect(check(makeReport({ overview: { request: text } })).warnings).toEqual([]);
  });

  it('never compares the 信息处理费 of section 六 with the 行政事业性收费 of table 二', () => {
    const { warnings } = check(makeReport({ other: '2024年，我局收取信息处理费0.0200万元。' }));
    expect(warnings).toEqual([]);
  });
});

describe('rule 9: year mentions', () => {
  it('flags an opening whose year and statistical period belong to another year', () => {
    const opening = realisticReport({ year: 2023 }).opening;
    const { warnings } = check(makeReport({ opening }));
    expect(keys(warnings)).toEqual(['year.opening:text.opening', 'year.period:text.opening']);
    expect(warnings[1]!.message).toContain('2023年');
    expect(warnings[1]!.message).toContain('2024年');
  });

  it('flags an opening without a statistical-period sentence', () => {
    const { warnings } = check(makeReport({ opening: '本报告是陈仓区市场监督管理局2024年政府信息公开工作年度报告。' }));
    expect(keys(warnings)).toEqual(['year.periodMissing:text.opening']);
  });

  it('accepts the next year in plans but flags any later year', () => {
    expect(check(makeReport({ problems: '2025年，我局将持续改进。' })).warnings).toEqual([]);
    const { warnings } = check(makeReport({ problems: '2026年，我局将持续改进。' }));
    expect(keys(warnings)).toEqual(['year.future:text.problems']);
    expect(warnings[0]!.message).toContain('“2026年”');
    expect(warnings[0]!.message).toContain('2024年');
  });

  it('reads years written in Chinese numerals', () => {
    expect(keys(check(makeReport({ problems: '二〇二七年，我局将持续改进。' })).warnings)).toEqual(['year.future:text.problems']);
  });
});

describe('rule 10: against the previous year', () => {
  const withPreviousRequests = (natural: number) => {
    const previous = makeReport({ requests: { newReceived: [natural, 0, 0, 0, 0, 0], carriedOver: [14, 3, 0, 0, 1, 0] } }, realisticReport({ year: 2023 }));
    previous.overview = { lead: '', active: '上年内容', request: '上年内容', management: '上年内容', platform: '上年内容', supervision: '上年内容' };
    previous.problems = '上年内容';
    previous.other = '上年内容';
    previous.proactive.normativeDocs.inForce = 10; // 10 + 3 issued − 1 repealed = this year's 12
    return check(realisticReport(), { previous: { year: 2023, content: previous } }).warnings;
  };

  it('flags a tenfold swing in requests received', () => {
    const warnings = withPreviousRequests(80);
    expect(keys(warnings)).toEqual(['previous.swing:requests.newReceived.total']);
    expect(warnings[0]!.message).toContain('本年（859）与2023年（80）');
  });

  it('accepts a smaller swing', () => {
    expect(withPreviousRequests(100)).toEqual([]);
  });

  it('ignores swings when last year had fewer than 10 requests', () => {
    expect(withPreviousRequests(3)).toEqual([]);
  });

  it('flags a text section copied unchanged from last year', () => {
    const previous = realisticReport({ year: 2023 });
    previous.requests.carriedOver = [14, 3, 0, 0, 1, 0];
    previous.proactive.normativeDocs.inForce = 10;
    const { warnings } = check(realisticReport(), { previous: { year: 2023, content: previous } });
    // The sections that do not mention the year are word for word the same in both years; those
    // that do differ only in the year (and 2024 → 2025 for plans): near-copies. The request
    // paragraph only states this year's figures in words (rule 8 checks them): not a copy.
    expect(keys(warnings)).toEqual([
      'previous.similarText:text.overview.lead',
      'previous.sameText:text.overview.active',
      'previous.sameText:text.overview.management',
      'previous.sameText:text.overview.platform',
      'previous.sameText:text.overview.supervision',
      'previous.similarText:text.problems',
      'previous.similarText:text.other',
    ]);
    expect(warnings[1]!.message).toContain('2023年');
    expect(warnings[0]!.message).toMatch(/^一、总体情况·导语：与2023年报告的内容相似度9\d%，请按2024年的实际情况更新$/);
  });

  it('treats a section that differs from last year only in spaces, punctuation width or quotes as unchanged', () => {
    const previous = makeReport({ requests: { carriedOver: [14, 3, 0, 0, 1, 0] } }, realisticReport({ year: 2023 }));
    const now = realisticReport();
    now.overview.management = previous.overview.management.replace(/，/g, ',').replace(/[“”]/g, '"').replace(/。/g, '. ');
    const { warnings } = check(now, { previous: { year: 2023, content: previous } });
    expect(keys(warnings)).toContain('previous.sameText:text.overview.management');
  });

  it('does not compare the standard opening with last year’s', () => {
    const previous = makeReport({ requests: { carriedOver: [14, 3, 0, 0, 1, 0] } }, realisticReport({ year: 2023 }));
    const { warnings } = check(realisticReport(), { previous: { year: 2023, content: previous } });
    expect(keys(warnings).filter((k) => k.endsWith(':text.opening'))).toEqual([]);
  });

  it('does not treat two empty sections as copied', () => {
    const previous = makeReport({ overview: { lead: '' } });
    const { warnings } = check(makeReport({ overview: { lead: '' } }), { previous: { year: 2023, content: previous } });
    expect(keys(warnings)).not.toContain('previous.sameText:text.overview.lead');
  });
});

describe('rule 11: 错敏词', () => {
  const words = [{ word: '三审三签', suggestion: '三审三校', note: '规范表述' }];

  it('flags a listed word, naming the word, the section and the suggestion', () => {
    const { errors, warnings } = check(seedReport2024(), { sensitiveWords: words });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        rule: 11,
        severity: 'warning',
        code: 'sensitive.三审三签',
        target: 'text.overview.management',
        key: 'sensitive.三审三签:text.overview.management',
        message: '一、总体情况（三）政府信息管理：含错敏词“三审三签”，建议改为“三审三校”（规范表述）',
      },
    ]);
  });

  it('gives each word found in the same section its own issue', () => {
    const { warnings } = check(seedReport2024(), { sensitiveWords: [...words, { word: '读网巡网' }] });
    expect(keys(warnings)).toEqual(['sensitive.三审三签:text.overview.management', 'sensitive.读网巡网:text.overview.supervision']);
  });

  it('stays quiet when no listed word occurs', () => {
    expect(check(realisticReport(), { sensitiveWords: words }).warnings).toEqual([]);
  });
});

describe('rule 12: 表二 现行有效件数 rolls forward from last year', () => {
  const previous2023 = (inForce: number) => ({
    year: 2023,
    content: makeReport({ proactive: { normativeDocs: { inForce } }, requests: { carriedOver: [14, 3, 0, 0, 1, 0] } }, realisticReport({ year: 2023 })),
  });

  it('accepts last year’s 现行有效 + 本年制发 − 本年废止', () => {
    // 2024: 3 issued, 1 repealed, 12 in force; so 10 were in force at the end of 2023.
    expect(check(realisticReport(), { previous: previous2023(10) }).warnings.filter((w) => w.rule === 12)).toEqual([]);
  });

  it('warns with the three numbers when the count does not roll forward', () => {
    const warnings = check(realisticReport(), { previous: previous2023(11) }).warnings.filter((w) => w.rule === 12);
    expect(keys(warnings)).toEqual(['crossYear.inForce:proactive.normativeDocs.inForce']);
    expect(warnings[0]!.message).toBe(
      '二、第二十条第（一）项 行政规范性文件·现行有效件数：2023年现行有效 11 + 本年制发 3 − 本年废止 1 = 13，本年填报 12，相差 1（如有文件到期失效等情况，请在说明中写明）',
    );
  });

  it('does not compare with a report older than last year', () => {
    expect(check(realisticReport(), { previous: { ...previous2023(11), year: 2022 } }).warnings.filter((w) => w.rule === 12)).toEqual([]);
  });
});

describe('rule 13: no ceiling a big city can hit, a second look at implausible values', () => {
  it('accepts 11,398,889 行政许可 decisions without an error or a warning', () => {
    expect(check(makeReport({ proactive: { licensing: { decisions: 11_398_889 } } }))).toEqual({ errors: [], warnings: [] });
  });

  it('warns about a value far beyond what any body reports, without blocking submission', () => {
    const { errors, warnings } = check(makeReport({ reviews: { review: { upheld: 30_000 } }, overview: { request: '' } }));
    expect(errors.filter((e) => e.rule !== 6)).toEqual([]);
    expect(keys(warnings)).toContain('value.implausible:reviews.review.upheld');
    expect(warnings.find((w) => w.rule === 13)!.message).toBe('四、行政复议·结果维持：30000超过常见范围（1000），请核实是否多输了数字');
  });

  it('still refuses what is not a whole number or beyond any count', () => {
    expect(keys(check(makeReport({ proactive: { licensing: { decisions: 2e12 } } })).errors)).toEqual(['value.tooLarge:proactive.licensing.decisions']);
  });
});
