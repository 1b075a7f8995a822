import {
  computeTotals,
  PROACTIVE_CELLS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REQUEST_TOTAL_LABEL,
  RESULT_GROUP_LABEL,
  requestRowFullLabel,
  requestRowWithTotal,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  reviewBlockFullLabel,
  SECTION_HEADINGS,
  type Cell,
  type ReportContent,
} from '@ccgov/report';

/**
 * Every figure of a report under a stable field name (the open-data contract documented in the
 * README): `proactive.<row>.<column>`, `requests.<row>.<column>` and `reviews.<block>.<result>`.
 * The names come from the keys in packages/report format.ts, the labels from its official wording.
 */
export type FigureField = {
  key: string;
  section: 'proactive' | 'requests' | 'reviews';
  sectionLabel: string;
  rowLabel: string;
  colLabel: string;
  kind: 'count' | 'amount';
  /** A total the format derives (总计 columns, （七）总计); never typed by a department. */
  computed: boolean;
};

export const REQUEST_TOTAL_KEY = 'total';

const proactiveFields: FigureField[] = PROACTIVE_CELLS.map((c) => ({
  key: `proactive.${c.path}`,
  section: 'proactive',
  sectionLabel: SECTION_HEADINGS.proactive,
  rowLabel: c.rowLabel,
  colLabel: c.colLabel,
  kind: c.kind,
  computed: false,
}));

const requestColumns = [
  ...REQUEST_COLUMNS.map((c) => ({ key: c.key as string, label: c.label as string, computed: false })),
  { key: REQUEST_TOTAL_KEY, label: REQUEST_TOTAL_LABEL, computed: true },
];

const requestFields: FigureField[] = REQUEST_ROWS.flatMap((row) =>
  requestColumns.map((col) => ({
    key: `requests.${row.key}.${col.key}`,
    section: 'requests' as const,
    sectionLabel: SECTION_HEADINGS.requests,
    rowLabel: row.section === 'result' ? `${RESULT_GROUP_LABEL}${requestRowFullLabel(row.key)}` : row.label,
    colLabel: col.label,
    kind: 'count' as const,
    computed: col.computed || row.key === 'resultTotal',
  })),
);

const reviewFields: FigureField[] = REVIEW_BLOCKS.flatMap((block) => [
  ...REVIEW_RESULTS.map((r) => ({ key: `reviews.${block.key}.${r.key}`, colLabel: r.label as string, computed: false })),
  { key: `reviews.${block.key}.${REQUEST_TOTAL_KEY}`, colLabel: REVIEW_TOTAL_LABEL as string, computed: true },
]).map((f) => {
  const block = REVIEW_BLOCKS.find((b) => f.key.startsWith(`reviews.${b.key}.`))!;
  return {
    ...f,
    section: 'reviews' as const,
    sectionLabel: SECTION_HEADINGS.reviews,
    rowLabel: reviewBlockFullLabel(block.key),
    kind: 'count' as const,
  };
});

/** All 200 figures in reading order: table 二, then 三 row by row, then 四. */
export const FIGURE_FIELDS: readonly FigureField[] = [...proactiveFields, ...requestFields, ...reviewFields];

export const FIGURE_FIELD_BY_KEY: ReadonlyMap<string, FigureField> = new Map(FIGURE_FIELDS.map((f) => [f.key, f]));

/** "一、本年新收政府信息公开申请数量｜总计": one line that names a figure without its section. */
export function figureLabel(field: FigureField): string {
  return `${field.rowLabel}｜${field.colLabel}`;
}

/**
 * The value of every figure, computed totals included. A typed cell left empty stays null (a
 * published report has none); totals count empty cells as 0, as the page shows them.
 */
export function figureValues(content: ReportContent): Record<string, number | null> {
  const totals = computeTotals(content);
  const out: Record<string, number | null> = {};
  for (const c of PROACTIVE_CELLS) {
    out[`proactive.${c.path}`] = (content.proactive[c.rowKey as keyof ReportContent['proactive']] as Record<string, Cell>)[c.colKey] ?? null;
  }
  for (const row of REQUEST_ROWS) {
    const withTotal = requestRowWithTotal(content, totals, row.key);
    requestColumns.forEach((col, i) => {
      const typed = row.key === 'resultTotal' || i === 6 ? undefined : content.requests[row.key][i];
      out[`requests.${row.key}.${col.key}`] = typed === undefined ? withTotal[i]! : typed;
    });
  }
  for (const block of REVIEW_BLOCKS) {
    for (const r of REVIEW_RESULTS) out[`reviews.${block.key}.${r.key}`] = content.reviews[block.key][r.key];
    out[`reviews.${block.key}.${REQUEST_TOTAL_KEY}`] = totals.reviews[block.key];
  }
  return out;
}

/** The figures as nested objects: { proactive: { rules: { issued } }, requests: { newReceived: { natural } }, … }. */
export function figuresObject(content: ReportContent): Record<string, Record<string, Record<string, number | null>>> {
  const values = figureValues(content);
  const out: Record<string, Record<string, Record<string, number | null>>> = {};
  for (const field of FIGURE_FIELDS) {
    const [section, row, col] = field.key.split('.') as [string, string, string];
    ((out[section] ??= {})[row] ??= {})[col] = values[field.key] ?? null;
  }
  return out;
}

/** Numbers as published: counts plain, the fee with up to four decimals, an empty cell as –. */
export function formatFigure(v: number | null | undefined, kind: 'count' | 'amount' = 'count'): string {
  if (v == null) return '–';
  return kind === 'amount' ? String(Number(v.toFixed(4))) : String(v);
}
