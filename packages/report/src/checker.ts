/**
 * The report checker: REPORT_FORMAT.md "Rules a checker can apply" 1–11.
 * Errors (rules 1–6) block submission; warnings (7–11) go to the reviewer, and the department may
 * attach a 说明 to each one by its `key`. Content may come from an import rather than the form,
 * so nothing here trusts that the schema already ran.
 */
import {
  CONTACT_FIELDS,
  FEE_DECIMALS,
  PROACTIVE_CELLS,
  REQUEST_COLUMN_COUNT,
  REQUEST_COLUMNS,
  REQUEST_INPUT_ROWS,
  RESULT_ROW_KEYS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  requestRowFullLabel,
  type RequestInputRowKey,
  type ReviewBlockKey,
} from './format';
import { LIMITS, contactSubmitSchema, emptyContent, hasAtMostDecimals, type Cell, type ReportContent } from './content';
import { computeTotals, type ComputedTotals } from './totals';
import {
  TEXT_SECTIONS,
  contactLocation,
  contactTarget,
  proactiveLocation,
  proactiveTarget,
  requestCellLocation,
  requestCellTarget,
  requestColumnLocation,
  requestColumnTarget,
  reviewLocation,
  reviewTarget,
} from './targets';
import { checkNarrative, checkSensitiveWords, checkYearMentions } from './checker-text';
import { makeIssue, type CheckIssue, type SensitiveWord } from './issues';
import { COPY_SIMILARITY, compareSectionTexts, percent } from './similarity';

export type { Severity, CheckIssue, SensitiveWord } from './issues';
export { issueKey } from './issues';

/**
 * Totals as someone TYPED them (an Excel upload, an import), checked against the computed ones.
 * The form never sends these: it shows computed totals that cannot be edited. Every part is
 * optional; a missing or null value is simply not checked.
 */
export type DeclaredTotals = {
  /** Table 三: the 总计 column of each typed row (rule 2). */
  requestRowTotals?: Partial<Record<RequestInputRowKey, number | null>>;
  /** Table 三: the （七）总计 row, six columns then its 总计 — 7 values (rule 3). */
  resultTotal?: readonly (number | null | undefined)[];
  /** Table 四: the 总计 of each block (rule 5). */
  reviewTotals?: Partial<Record<ReviewBlockKey, number | null>>;
};

export type CheckInput = {
  year: number;
  /** The reporting body, e.g. 陈仓区数据局. */
  body: string;
  content: ReportContent;
  declaredTotals?: DeclaredTotals;
  /** The same body's previous report on file (rules 7 and 10). */
  previous?: { year: number; content: ReportContent } | null;
  sensitiveWords?: SensitiveWord[];
};
export type CheckResult = { errors: CheckIssue[]; warnings: CheckIssue[] };

/**
 * Rule 10: a ×10 / ÷10 swing in 一、本年新收 is only flagged when both years have at least this
 * many requests. Below it the ratio is noise: a body going from 1 request to 12 is ordinary.
 */
export const SWING_FLOOR = 10;
export const SWING_FACTOR = 10;

export function checkReport(input: CheckInput): CheckResult {
  const { content } = input;
  const clean = numericContent(content);
  const totals = computeTotals(clean);
  const issues: CheckIssue[] = [
    ...checkCells(content),
    ...checkDeclaredTotals(clean, totals, input.declaredTotals),
    ...checkBalance(clean, totals),
    ...checkRequiredText(content),
    ...checkCarryOver(input, clean),
    ...checkInForceRollForward(input, clean),
    ...checkPlausible(clean),
    ...checkNarrative(content, totals, clean),
    ...checkYearMentions(input.year, content),
    ...checkAgainstPrevious(input, totals),
    ...checkSensitiveWords(content, input.sensitiveWords ?? []),
  ];
  // One issue per key: the key is what a 说明 hangs on, so it must not be ambiguous.
  const seen = new Set<string>();
  const unique = issues.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
  return {
    errors: unique.filter((i) => i.severity === 'error'),
    warnings: unique.filter((i) => i.severity === 'warning'),
  };
}

// ---------------------------------------------------------------------------------------------
// Rule 1: every number present, whole and ≥ 0; the fee ≥ 0 with at most 4 decimals
// ---------------------------------------------------------------------------------------------
type CellProblem = { code: string; text: string };

function countProblem(v: unknown): CellProblem | null {
  if (v === null || v === undefined) return { code: 'value.missing', text: '未填写（没有发生请填 0）' };
  if (typeof v !== 'number' || !Number.isFinite(v)) return { code: 'value.notNumber', text: `应为数字，现为“${String(v)}”` };
  if (v < 0) return { code: 'value.negative', text: `不能为负数，现为 ${v}` };
  if (!Number.isInteger(v)) return { code: 'value.notWhole', text: `应为整数，现为 ${v}` };
  if (v > LIMITS.count) return { code: 'value.tooLarge', text: `数值过大（上限 ${LIMITS.count}），现为 ${v}` };
  return null;
}

function amountProblem(v: unknown): CellProblem | null {
  if (v === null || v === undefined) return { code: 'value.missing', text: '未填写（没有收费请填 0）' };
  if (typeof v !== 'number' || !Number.isFinite(v)) return { code: 'value.notNumber', text: `应为数字，现为“${String(v)}”` };
  if (v < 0) return { code: 'value.negative', text: `不能为负数，现为 ${v}` };
  if (!hasAtMostDecimals(v, FEE_DECIMALS)) {
    return { code: 'value.decimals', text: `单位为万元，最多${FEE_DECIMALS}位小数（精确到元），现为 ${v}` };
  }
  if (v > LIMITS.amount) return { code: 'value.tooLarge', text: `数值过大（上限 ${LIMITS.amount} 万元），现为 ${v}` };
  return null;
}

const isValidCount = (v: unknown): v is number => countProblem(v) === null;
const isValidAmount = (v: unknown): v is number => amountProblem(v) === null;

function readProactive(content: ReportContent, path: string): unknown {
  const [row, col] = path.split('.') as [string, string];
  return (content.proactive as Record<string, Record<string, unknown> | undefined> | undefined)?.[row]?.[col];
}
const readRequest = (content: ReportContent, row: RequestInputRowKey, col: number): unknown =>
  (content.requests?.[row] as unknown[] | undefined)?.[col];
const readReview = (content: ReportContent, block: ReviewBlockKey, result: string): unknown =>
  (content.reviews?.[block] as Record<string, unknown> | undefined)?.[result];

function checkCells(content: ReportContent): CheckIssue[] {
  const out: CheckIssue[] = [];
  const report = (p: CellProblem | null, target: string, location: string) => {
    if (p) out.push(makeIssue(1, 'error', p.code, target, `${location}：${p.text}`));
  };
  for (const cell of PROACTIVE_CELLS) {
    const v = readProactive(content, cell.path);
    report(cell.kind === 'amount' ? amountProblem(v) : countProblem(v), proactiveTarget(cell.path), proactiveLocation(cell.path));
  }
  for (const row of REQUEST_INPUT_ROWS) {
    for (let i = 0; i < REQUEST_COLUMN_COUNT; i++) {
      report(countProblem(readRequest(content, row.key, i)), requestCellTarget(row.key, i), requestCellLocation(row.key, i));
    }
  }
  for (const block of REVIEW_BLOCKS) {
    for (const result of REVIEW_RESULTS) {
      report(countProblem(readReview(content, block.key, result.key)), reviewTarget(block.key, result.key), reviewLocation(block.key, result.key));
    }
  }
  return out;
}

/**
 * A copy holding only valid numbers (anything else becomes null), so that sums never concatenate
 * text an importer left in a cell, and sums over incomplete cells can be recognised and skipped.
 */
function numericContent(content: ReportContent): ReportContent {
  const out = emptyContent();
  for (const cell of PROACTIVE_CELLS) {
    const v = readProactive(content, cell.path);
    const ok = cell.kind === 'amount' ? isValidAmount(v) : isValidCount(v);
    (out.proactive as unknown as Record<string, Record<string, Cell>>)[cell.rowKey]![cell.colKey] = ok ? (v as number) : null;
  }
  for (const row of REQUEST_INPUT_ROWS) {
    out.requests[row.key] = Array.from({ length: REQUEST_COLUMN_COUNT }, (_, i) => {
      const v = readRequest(content, row.key, i);
      return isValidCount(v) ? v : null;
    });
  }
  for (const block of REVIEW_BLOCKS) {
    for (const result of REVIEW_RESULTS) {
      const v = readReview(content, block.key, result.key);
      out.reviews[block.key][result.key] = isValidCount(v) ? v : null;
    }
  }
  return out;
}

// A sum is only compared when every addend is a valid number: otherwise rule 1 has already named
// the missing cell, and a second error about the same gap would only confuse.
const complete = (cells: readonly Cell[]) => cells.every((c) => c !== null);
const requestColumn = (c: ReportContent, rows: readonly RequestInputRowKey[], i: number) => rows.map((r) => c.requests[r][i] ?? null);
const isDeclared = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// ---------------------------------------------------------------------------------------------
// Rules 2, 3, 5: totals typed by someone against the computed ones
// ---------------------------------------------------------------------------------------------
function checkDeclaredTotals(c: ReportContent, totals: ComputedTotals, declared: DeclaredTotals | undefined): CheckIssue[] {
  if (!declared) return [];
  const out: CheckIssue[] = [];

  for (const row of REQUEST_INPUT_ROWS) {
    const typed = declared.requestRowTotals?.[row.key];
    if (!isDeclared(typed) || !complete(c.requests[row.key])) continue;
    const sum = totals.requests.rowTotal[row.key];
    if (typed !== sum) {
      out.push(makeIssue(2, 'error', 'requests.rowTotal', requestCellTarget(row.key, 'total'),
        `${requestCellLocation(row.key, 'total')}：填报的总计（${typed}）≠ 前六列之和（${sum}）`));
    }
  }

  const typedResult = declared.resultTotal ?? [];
  for (let i = 0; i <= REQUEST_COLUMN_COUNT; i++) {
    const typed = typedResult[i];
    const cols = i < REQUEST_COLUMN_COUNT ? [i] : [...Array(REQUEST_COLUMN_COUNT).keys()];
    if (!isDeclared(typed) || !cols.every((k) => complete(requestColumn(c, RESULT_ROW_KEYS, k)))) continue;
    const sum = totals.requests.resultTotal[i]!;
    if (typed !== sum) {
      const col = i < REQUEST_COLUMN_COUNT ? i : 'total';
      out.push(makeIssue(3, 'error', 'requests.resultTotal', requestCellTarget('resultTotal', col),
        `${requestCellLocation('resultTotal', col)}：填报的（七）总计（${typed}）≠ （一）至（六）各项之和（${sum}）`));
    }
  }

  for (const block of REVIEW_BLOCKS) {
    const typed = declared.reviewTotals?.[block.key];
    if (!isDeclared(typed) || !complete(REVIEW_RESULTS.map((r) => c.reviews[block.key][r.key]))) continue;
    const sum = totals.reviews[block.key];
    if (typed !== sum) {
      out.push(makeIssue(5, 'error', 'reviews.total', reviewTarget(block.key, 'total'),
        `${reviewLocation(block.key, 'total')}：填报的总计（${typed}）≠ 四项结果之和（${sum}）`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 4: per column, 一 + 二 = 三（七）总计 + 四 (the table's own 勾稽关系), 总计 column included
// ---------------------------------------------------------------------------------------------
const ALL_INPUT_ROWS = REQUEST_INPUT_ROWS.map((r) => r.key);

function checkBalance(c: ReportContent, totals: ComputedTotals): CheckIssue[] {
  const out: CheckIssue[] = [];
  // One error per unbalanced column, naming the rows in words. The 总计 column is the sum of the
  // six, so it balances exactly when they all do: an error there would only repeat the slip.
  for (let i = 0; i < REQUEST_COLUMN_COUNT; i++) {
    if (!complete(requestColumn(c, ALL_INPUT_ROWS, i))) continue;
    const [inNew, inCarried, outDone, outCarried] = [c.requests.newReceived[i]!, c.requests.carriedIn[i]!, totals.requests.resultTotal[i]!, c.requests.carriedOver[i]!];
    const inflow = inNew + inCarried;
    const outflow = outDone + outCarried;
    if (inflow !== outflow) {
      out.push(makeIssue(4, 'error', 'requests.balance', requestColumnTarget(i),
        `表三“${REQUEST_COLUMNS[i]!.label}”列：本年新收 ${inNew} + 上年结转 ${inCarried} = ${inflow}，办理结果总计 ${outDone} + 结转下年度 ${outCarried} = ${outflow}，相差 ${Math.abs(inflow - outflow)}`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 6: required text sections and the contact for questions
// ---------------------------------------------------------------------------------------------
function checkRequiredText(content: ReportContent): CheckIssue[] {
  const out: CheckIssue[] = [];
  for (const s of TEXT_SECTIONS) {
    if (s.required && s.read(content).trim() === '') {
      out.push(makeIssue(6, 'error', 'text.required', s.target, `${s.label}：未填写，提交前必须填写`));
    }
  }
  const contact = (content.contact ?? {}) as Partial<Record<string, unknown>>;
  const parsed = contactSubmitSchema.safeParse(
    Object.fromEntries(CONTACT_FIELDS.map((f) => [f.key, typeof contact[f.key] === 'string' ? contact[f.key] : ''])),
  );
  if (!parsed.success) {
    for (const field of CONTACT_FIELDS) {
      const problem = parsed.error.issues.find((i) => i.path[0] === field.key);
      if (!problem) continue;
      const blank = String(contact[field.key] ?? '').trim() === '';
      out.push(blank
        ? makeIssue(6, 'error', 'contact.missing', contactTarget(field.key), `${contactLocation(field.key)}：未填写，提交前必须填写`)
        : makeIssue(6, 'error', 'contact.invalid', contactTarget(field.key), `${contactLocation(field.key)}：${problem.message}`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 7: this year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column
// ---------------------------------------------------------------------------------------------
function checkCarryOver(input: CheckInput, c: ReportContent): CheckIssue[] {
  const prev = input.previous;
  // Carry-over only links consecutive years; an older report on file says nothing about it.
  if (!prev || prev.year !== input.year - 1) return [];
  const prevClean = numericContent(prev.content);
  const out: CheckIssue[] = [];
  for (let i = 0; i < REQUEST_COLUMN_COUNT; i++) {
    const now = c.requests.carriedIn[i];
    const before = prevClean.requests.carriedOver[i];
    if (now == null || before == null || now === before) continue;
    out.push(makeIssue(7, 'warning', 'crossYear.carriedIn', requestCellTarget('carriedIn', i),
      `${requestColumnLocation(i)}：本年“${requestRowFullLabel('carriedIn')}”（${now}）≠ ${prev.year}年报告“${requestRowFullLabel('carriedOver')}”（${before}）`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 12: 表二 现行有效件数 rolls forward: last year's 现行有效 + 本年制发 − 本年废止
// ---------------------------------------------------------------------------------------------
const IN_FORCE_ROWS = ['rules', 'normativeDocs'] as const;

function checkInForceRollForward(input: CheckInput, c: ReportContent): CheckIssue[] {
  const prev = input.previous;
  if (!prev || prev.year !== input.year - 1) return [];
  const before = numericContent(prev.content);
  const out: CheckIssue[] = [];
  for (const row of IN_FORCE_ROWS) {
    const { issued, repealed, inForce } = c.proactive[row];
    const last = before.proactive[row].inForce;
    if (issued == null || repealed == null || inForce == null || last == null) continue;
    const expected = last + issued - repealed;
    if (expected === inForce) continue;
    out.push(makeIssue(12, 'warning', 'crossYear.inForce', proactiveTarget(`${row}.inForce`),
      `${proactiveLocation(`${row}.inForce`)}：${prev.year}年现行有效 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，本年填报 ${inForce}，相差 ${Math.abs(expected - inForce)}（如有文件到期失效等情况，请在说明中写明）`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 13: implausibly large values (a digit typed twice), a warning: big cities are big
// ---------------------------------------------------------------------------------------------
/** Values above these are possible but rare enough for a second look. 11,398,889 许可 decisions is real. */
export const PLAUSIBLE = {
  /** 规章 and 行政规范性文件, each cell. */
  documents: 10_000,
  /** 行政许可, 行政处罚, 行政强制 decisions. */
  decisions: 100_000_000,
  /** Each cell of table 三. */
  requests: 100_000,
  /** Each cell of table 四. */
  cases: 1_000,
  /** 行政事业性收费, 万元. */
  fee: 10_000_000,
} as const;

function checkPlausible(c: ReportContent): CheckIssue[] {
  const out: CheckIssue[] = [];
  const flag = (v: number | null | undefined, limit: number, target: string, location: string, unit = '') => {
    if (v != null && v > limit) {
      out.push(makeIssue(13, 'warning', 'value.implausible', target, `${location}：${v}${unit}超过常见范围（${limit}${unit}），请核实是否多输了数字`));
    }
  };
  for (const cell of PROACTIVE_CELLS) {
    const v = (c.proactive as unknown as Record<string, Record<string, Cell>>)[cell.rowKey]![cell.colKey];
    const limit = cell.kind === 'amount' ? PLAUSIBLE.fee : IN_FORCE_ROWS.includes(cell.rowKey as never) ? PLAUSIBLE.documents : PLAUSIBLE.decisions;
    flag(v, limit, proactiveTarget(cell.path), proactiveLocation(cell.path), cell.kind === 'amount' ? '万元' : '');
  }
  for (const row of REQUEST_INPUT_ROWS) {
    for (let i = 0; i < REQUEST_COLUMN_COUNT; i++) flag(c.requests[row.key][i], PLAUSIBLE.requests, requestCellTarget(row.key, i), requestCellLocation(row.key, i));
  }
  for (const block of REVIEW_BLOCKS) {
    for (const r of REVIEW_RESULTS) flag(c.reviews[block.key][r.key], PLAUSIBLE.cases, reviewTarget(block.key, r.key), reviewLocation(block.key, r.key));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 10: against the previous report — big swings, and text copied forward unchanged
// ---------------------------------------------------------------------------------------------
function checkAgainstPrevious(input: CheckInput, totals: ComputedTotals): CheckIssue[] {
  const prev = input.previous;
  if (!prev || prev.year >= input.year) return [];
  const out: CheckIssue[] = [];

  const now = totals.requests.rowTotal.newReceived;
  const before = computeTotals(numericContent(prev.content)).requests.rowTotal.newReceived;
  if (now >= SWING_FLOOR && before >= SWING_FLOOR && (now >= before * SWING_FACTOR || now * SWING_FACTOR <= before)) {
    out.push(makeIssue(10, 'warning', 'previous.swing', requestCellTarget('newReceived', 'total'),
      `${requestCellLocation('newReceived', 'total')}：本年（${now}）与${prev.year}年（${before}）相差${SWING_FACTOR}倍以上，请核实`));
  }

  // The opening is standard wording, the same every year by design.
  for (const s of TEXT_SECTIONS.filter((x) => x.target !== 'text.opening')) {
    const c = compareSectionTexts(s.read(input.content), s.read(prev.content));
    if (c.identical) {
      out.push(makeIssue(10, 'warning', 'previous.sameText', s.target,
        `${s.label}：与${prev.year}年报告的内容完全相同（不计空格、标点和引号），请按${input.year}年的实际情况更新`));
    } else if (c.comparable && c.similarity >= COPY_SIMILARITY) {
      out.push(makeIssue(10, 'warning', 'previous.similarText', s.target,
        `${s.label}：与${prev.year}年报告的内容相似度${percent(c.similarity)}，请按${input.year}年的实际情况更新`));
    }
  }
  return out;
}
