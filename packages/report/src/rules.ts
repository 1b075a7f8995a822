/**
 * The rule book: every check the checker applies, under a stable id, with its severity, a plain
 * description for departments and the public, and the rule-set version it was added or changed in.
 * `CheckIssue.rule` is the rule's number; `ruleOf` finds its entry.
 */
export const RULESET_VERSION = '2.0.0';

/** 错误 blocks submission; 提示 goes to the reviewer; 需说明 (set by the admin) needs a 说明 before submission. */
export type RuleSeverity = '错误' | '提示' | '需说明';

export type Rule = {
  /** Stable id, R01…; never reused. */
  id: string;
  /** The number in CheckIssue.rule. */
  number: number;
  severity: RuleSeverity;
  title: string;
  description: string;
  /** The issue codes the rule raises. */
  codes: readonly string[];
  /** Rule-set version it was added in, and last changed in. */
  added: string;
  changed: string;
  /** Where its tests are. */
  tests: string;
};

export const RULES: readonly Rule[] = [
  {
    id: 'R01', number: 1, severity: '错误', title: '数字齐全、为非负整数',
    description: '每个数字都要填写，为不小于 0 的整数；收费金额单位为万元，最多 4 位小数。没有发生的填 0。',
    codes: ['value.missing', 'value.notNumber', 'value.negative', 'value.notWhole', 'value.decimals', 'value.tooLarge'],
    added: '1.0.0', changed: '2.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R02', number: 2, severity: '错误', title: '表三各行总计等于六列之和',
    description: '表三每一行的“总计”等于自然人和五类法人或其他组织之和（导入的表格中填报的总计也核对）。',
    codes: ['requests.rowTotal'], added: '1.0.0', changed: '1.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R03', number: 3, severity: '错误', title: '表三（七）总计等于各项办理结果之和',
    description: '“（七）总计”等于（一）予以公开、（二）部分公开和（三）至（六）各小项之和，每一列都如此。',
    codes: ['requests.resultTotal'], added: '1.0.0', changed: '1.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R04', number: 4, severity: '错误', title: '表三勾稽关系',
    description: '每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。一处填错只报一条，写明各项数字和相差多少。',
    codes: ['requests.balance'], added: '1.0.0', changed: '2.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R05', number: 5, severity: '错误', title: '表四各项总计',
    description: '行政复议、行政诉讼（未经复议直接起诉、复议后起诉）各自的“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。',
    codes: ['reviews.total'], added: '1.0.0', changed: '1.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R06', number: 6, severity: '错误', title: '必填内容',
    description: '开头说明、总体情况五个部分、存在的主要问题及改进情况、其他需要报告的事项和联系方式都要填写。',
    codes: ['text.required', 'contact.missing', 'contact.invalid'], added: '1.0.0', changed: '1.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R07', number: 7, severity: '提示', title: '上年结转与上年报告一致',
    description: '本年“上年结转”应等于本单位上一年报告的“结转下年度继续办理”，逐列核对。',
    codes: ['crossYear.carriedIn'], added: '1.0.0', changed: '1.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R08', number: 8, severity: '提示', title: '文字与表格数字一致',
    description:
      '正文写到的申请数、办结数、上年结转、结转下年度、各类办理结果、行政复议和行政诉讼件数（含“未收到”“未发生”）与表三、表四核对。行政许可申请、12345热线、答复期限、信息处理费等不属于表格内容，不作比较。',
    codes: ['narrative.received', 'narrative.noRequests', 'narrative.handled', 'narrative.carriedIn', 'narrative.carriedOver', 'narrative.review', 'narrative.lawsuit'],
    added: '1.0.0', changed: '2.0.0', tests: 'packages/report/src/narrative.test.ts',
  },
  {
    id: 'R09', number: 9, severity: '提示', title: '年份',
    description: '开头说明、报告名称和统计期限都应写报告年度；正文中晚于报告年度下一年的年份提示核实（规划名称中的年份区间、远景目标不算）。',
    codes: ['year.opening', 'year.title', 'year.period', 'year.periodMissing', 'year.future'], added: '1.0.0', changed: '2.0.0', tests: 'packages/report/src/years.test.ts',
  },
  {
    id: 'R10', number: 10, severity: '提示', title: '与上年报告比较',
    description: '本年新收申请与上年相差十倍以上提示核实；某一部分与上年报告相同（不计空格、标点、引号）或相似度达 90% 以上，提示按本年实际情况更新。',
    codes: ['previous.swing', 'previous.sameText', 'previous.similarText'], added: '1.0.0', changed: '2.0.0', tests: 'packages/report/src/similarity.test.ts',
  },
  {
    id: 'R11', number: 11, severity: '提示', title: '错敏词',
    description: '正文中出现数据局错敏词表中的词语时提示，并给出建议的写法。',
    codes: ['sensitive.*'], added: '1.0.0', changed: '1.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R12', number: 12, severity: '提示', title: '现行有效件数承接上年',
    description: '规章、行政规范性文件的现行有效件数应等于上年现行有效件数 + 本年制发 − 本年废止；文件到期失效等情况请说明。',
    codes: ['crossYear.inForce'], added: '2.0.0', changed: '2.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R13', number: 13, severity: '提示', title: '数值超出常见范围',
    description: '远超常见范围的数字（如表四单项超过 1000 件）提示核实是否多输了数字；大城市的真实大数（如行政许可 11398889 件）不受限制。',
    codes: ['value.implausible'], added: '2.0.0', changed: '2.0.0', tests: 'packages/report/src/checker.test.ts',
  },
  {
    id: 'R14', number: 14, severity: '提示', title: '与同年其他单位报告雷同',
    description: '某一部分与同年另一单位报告的相似度达 90% 以上时提示审核人，列出对方单位和相同段落（标准开头说明和标题不计）。',
    codes: ['crossBody.similarText'], added: '2.0.0', changed: '2.0.0', tests: 'packages/report/src/similarity.test.ts',
  },
];

/** The rule-book entry of an issue's rule number. */
export function ruleOf(number: number): Rule | undefined {
  return RULES.find((r) => r.number === number);
}

/**
 * 需说明: the warnings whose rule the admin set to 需说明 and that have no 说明 yet (blank or
 * only spaces). The department cannot submit while this is not empty; editor and server agree.
 */
export function unexplainedWarnings<T extends { rule: number; key: string }>(
  warnings: readonly T[],
  explainRequired: readonly string[],
  explanations: Readonly<Record<string, string>>,
): T[] {
  return warnings.filter((w) => {
    const id = ruleOf(w.rule)?.id;
    return id != null && explainRequired.includes(id) && !(explanations[w.key] ?? '').trim();
  });
}
