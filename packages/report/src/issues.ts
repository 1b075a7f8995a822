/** The shape of a checker finding, shared by the number rules and the text rules. */

export type Severity = 'error' | 'warning';
export type CheckIssue = {
  /** 1..11 as numbered in REPORT_FORMAT.md; 12 (表二 roll-forward) and 13 (implausible size) added by rule set 2.0. See rules.ts. */
  rule: number;
  severity: Severity;
  /** Stable machine code, e.g. 'requests.balance'. */
  code: string;
  /** Stable target id the UI can focus (see targets.ts). */
  target: string;
  /** `${code}:${target}`; the department's 说明 is stored against it. */
  key: string;
  /** Chinese, for a clerk: where, and the two numbers that disagree. */
  message: string;
};
export type SensitiveWord = { word: string; suggestion?: string; note?: string };

export function issueKey(code: string, target: string): string {
  return `${code}:${target}`;
}

export function makeIssue(rule: number, severity: Severity, code: string, target: string, message: string): CheckIssue {
  return { rule, severity, code, target, key: issueKey(code, target), message };
}
