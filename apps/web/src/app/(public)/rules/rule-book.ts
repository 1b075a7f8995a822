import 'server-only';
import { toCsv } from '@ccgov/documents';
import { publicCaller } from '@/server/caller';

/** The rule book as it applies now (severities include the admin's 需说明), read fresh each time: it is one settings row. */
export const loadRuleBook = () => publicCaller().public.rules();
export type RuleBook = Awaited<ReturnType<typeof loadRuleBook>>;

/** 错误 blocks submission; 提示 goes to the reviewer; 需说明 needs the department's 说明 before submission. */
export const SEVERITY_NOTES: Record<string, string> = {
  错误: '须改正后才能提交审核',
  提示: '请核实，可填写说明，审核人可见',
  需说明: '须逐条填写说明后才能提交审核',
};

export const RULES_FILE_NAME = '政府信息公开工作年度报告校验规则';

/** One line per rule (UTF-8 with BOM, CRLF, as every CSV of the portal). */
export function ruleBookCsv(book: RuleBook): string {
  return toCsv([
    ['编号', '规则', '级别', '说明', '问题代码', '新增于版本', '最近修改于版本', '测试', '规则版本'],
    ...book.rules.map((r) => [r.id, r.title, r.severity, r.description, r.codes.join(' '), r.added, r.changed, r.tests, book.version]),
  ]);
}
