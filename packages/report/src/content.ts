import { z } from 'zod';
import { stripNonXmlChars } from './xml-text';
import {
  CONTACT_FIELDS,
  FEE_DECIMALS,
  OVERVIEW_PARTS,
  PROACTIVE_CELLS,
  PROACTIVE_TABLES,
  REQUEST_COLUMN_COUNT,
  REQUEST_INPUT_ROWS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  type RequestInputRowKey,
  type ReviewBlockKey,
  type ReviewResultKey,
} from './format';

/** Limits users are told about in messages. */
export const LIMITS = {
  textSection: 20000,
  contactField: 100,
  /** A bound for whole numbers only; checker.ts warns about implausibly large values (PLAUSIBLE). */
  count: 1_000_000_000_000,
  amount: 100_000_000,
  explanation: 500,
} as const;

/**
 * A cell is a number or null (not yet filled in). Drafts may hold nulls; the checker reports
 * them as hard errors so a report with an empty cell cannot be submitted (rule 1).
 */
export type Cell = number | null;

type ProactiveTable = (typeof PROACTIVE_TABLES)[number];
type ProactiveRowKey = ProactiveTable['rows'][number]['key'];
/** The column keys of the table 二 block a row sits in. */
type ProactiveColumnsOf<R extends ProactiveRowKey> = ProactiveTable extends infer T
  ? T extends ProactiveTable
    ? R extends T['rows'][number]['key']
      ? T['columns'][number]['key']
      : never
    : never
  : never;
export type ProactiveContent = { [R in ProactiveRowKey]: { [C in ProactiveColumnsOf<R>]: Cell } };

export type ReportContent = {
  contact: Record<(typeof CONTACT_FIELDS)[number]['key'], string>;
  /** The opening paragraph (standard wording, names the year and the contact). */
  opening: string;
  /** 一、总体情况: lead paragraph plus the five sub-headings. */
  overview: { lead: string } & Record<(typeof OVERVIEW_PARTS)[number]['key'], string>;
  /** 二: keyed by row then column, e.g. proactive.rules.issued, proactive.fees.amount (shape from PROACTIVE_TABLES). */
  proactive: ProactiveContent;
  /** 三: the 24 typed rows, each six columns (自然人 … 其他). 总计 and （七）总计 are computed. */
  requests: Record<RequestInputRowKey, Cell[]>;
  /** 四: three blocks of four typed results; each 总计 is computed. */
  reviews: Record<ReviewBlockKey, Record<ReviewResultKey, Cell>>;
  problems: string;
  other: string;
};

// ---------------------------------------------------------------------------------------------
// Schemas. One schema serves the form (client) and the API input (server).
// ---------------------------------------------------------------------------------------------
const COUNT_MSG = '应为非负整数';

export const countCell = z
  .number({ error: COUNT_MSG })
  .int({ error: COUNT_MSG })
  .min(0, { error: COUNT_MSG })
  .max(LIMITS.count, { error: `数值过大（上限 ${LIMITS.count}）` })
  .nullable();

export function hasAtMostDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export const amountCell = z
  .number({ error: '应为非负数（单位：万元）' })
  .min(0, { error: '应为非负数（单位：万元）' })
  .max(LIMITS.amount, { error: `数值过大（上限 ${LIMITS.amount} 万元）` })
  .refine((v) => hasAtMostDecimals(v, FEE_DECIMALS), { error: `最多${FEE_DECIMALS}位小数` })
  .nullable();

// Characters that would break the Word file (not allowed in XML 1.0) are dropped, on the client
// and the server alike, before the length is checked.
const text = (max: number) => z.string({ error: '应为文字' }).overwrite(stripNonXmlChars).max(max, { error: `不能超过${max}字` });
const sectionText = text(LIMITS.textSection);

const countGroup = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, countCell])) as Record<K, typeof countCell>);

export const reportContentSchema = z.strictObject({
  contact: z.strictObject({
    unit: text(LIMITS.contactField),
    person: text(LIMITS.contactField),
    phone: text(LIMITS.contactField),
    email: text(LIMITS.contactField),
  }),
  opening: sectionText,
  overview: z.strictObject({
    lead: sectionText,
    active: sectionText,
    request: sectionText,
    management: sectionText,
    platform: sectionText,
    supervision: sectionText,
  }),
  proactive: z.strictObject(
    Object.fromEntries(
      PROACTIVE_TABLES.flatMap((table) =>
        table.rows.map((row) => [
          row.key,
          z.strictObject(Object.fromEntries(table.columns.map((c) => [c.key, table.kind === 'amount' ? amountCell : countCell]))),
        ]),
      ),
    ) as { [R in ProactiveRowKey]: z.ZodObject<{ [C in ProactiveColumnsOf<R>]: typeof countCell }, z.core.$strict> },
  ),
  requests: z.strictObject(
    Object.fromEntries(
      REQUEST_INPUT_ROWS.map((r) => [r.key, z.array(countCell).length(REQUEST_COLUMN_COUNT, { error: '应有6列' })]),
    ) as Record<RequestInputRowKey, z.ZodArray<typeof countCell>>,
  ),
  reviews: z.strictObject(
    Object.fromEntries(
      REVIEW_BLOCKS.map((b) => [b.key, countGroup(REVIEW_RESULTS.map((r) => r.key))]),
    ) as Record<ReviewBlockKey, ReturnType<typeof countGroup<ReviewResultKey>>>,
  ),
  problems: sectionText,
  other: sectionText,
}) satisfies z.ZodType<ReportContent>;

/** Contact validation used on submission (drafts may leave these blank). */
export const contactSubmitSchema = z.object({
  unit: z.string().trim().min(1, { error: '请填写联系单位' }),
  person: z.string().trim().min(1, { error: '请填写联系人' }),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9０-９()（）\-－+＋ ]{7,20}$/, { error: '电话格式不正确，例如 0917-6215992' }),
  email: z.email({ error: '电子邮箱格式不正确' }),
});

// ---------------------------------------------------------------------------------------------
// Construction helpers
// ---------------------------------------------------------------------------------------------
export function emptyContent(): ReportContent {
  const nullRow = () => Array.from({ length: REQUEST_COLUMN_COUNT }, () => null as Cell);
  return {
    contact: { unit: '', person: '', phone: '', email: '' },
    opening: '',
    overview: { lead: '', active: '', request: '', management: '', platform: '', supervision: '' },
    proactive: Object.fromEntries(
      PROACTIVE_TABLES.flatMap((table) => table.rows.map((row) => [row.key, Object.fromEntries(table.columns.map((c) => [c.key, null]))])),
    ) as ReportContent['proactive'],
    requests: Object.fromEntries(REQUEST_INPUT_ROWS.map((r) => [r.key, nullRow()])) as ReportContent['requests'],
    reviews: Object.fromEntries(
      REVIEW_BLOCKS.map((b) => [b.key, Object.fromEntries(REVIEW_RESULTS.map((r) => [r.key, null]))]),
    ) as ReportContent['reviews'],
    problems: '',
    other: '',
  };
}

/** Read a proactive cell by its stable path, e.g. "rules.issued". */
export function getProactive(content: ReportContent, path: string): Cell {
  const [row, col] = path.split('.') as [keyof ReportContent['proactive'], string];
  return (content.proactive[row] as Record<string, Cell>)[col] ?? null;
}

export function setProactive(content: ReportContent, path: string, value: Cell): void {
  const [row, col] = path.split('.') as [keyof ReportContent['proactive'], string];
  (content.proactive[row] as Record<string, Cell>)[col] = value;
}

export const PROACTIVE_PATHS = PROACTIVE_CELLS.map((c) => c.path);

/**
 * The one rule for a cell written as a dash or a slash: published reports, Excel sheets and clerks
 * write `/`, `–`, `—` (also `-`, `－`, `／`, `―`, `——`) for “none”, and it means 0 wherever a cell
 * is read — typed in the editor, pasted into it, in an uploaded Excel template and in an imported
 * report. Spaces around it are ignored.
 */
export function isZeroToken(raw: string): boolean {
  return /^(?:[-–—―/／－]|——|──)$/.test(raw.replace(/[\s\u3000\u00a0]+/g, ''));
}

/**
 * Normalise what a clerk typed or pasted into a number: full-width digits from a Chinese IME,
 * thousands separators, and a dash or slash meaning 0 (isZeroToken). A blank cell is empty (null),
 * or 0 with `blankAsZero` (a pasted block, an Excel sheet, where a blank is how 0 is left).
 * Returns undefined when the text is not a number at all.
 */
export function parseCellText(raw: string, opts: { blankAsZero?: boolean } = {}): Cell | undefined {
  if (isZeroToken(raw)) return 0;
  const s = raw
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，,\s　]/g, '')
    .trim();
  if (s === '') return opts.blankAsZero ? 0 : null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}
