/**
 * Where every figure of the report sits in the Excel template. The template writer, the upload
 * reader and the exports all read this one layout, built from the format in @ccgov/report, so a
 * label is never typed twice and a cell reference in an error message always matches the file.
 *
 * 表二 = 二、主动公开政府信息情况, 表三 = 三、收到和处理政府信息公开申请情况,
 * 表四 = 四、政府信息公开行政复议、行政诉讼情况 — each laid out as the official table.
 */
import {
  PROACTIVE_INFO_HEADER,
  PROACTIVE_TABLES,
  REQUEST_APPLICANT_HEADER,
  REQUEST_COLUMNS,
  REQUEST_ORG_GROUP,
  REQUEST_ROWS,
  REQUEST_TABLE_NOTE,
  REQUEST_TOTAL_LABEL,
  RESULT_GROUP_LABEL,
  RESULT_GROUPS,
  REVIEW_BLOCKS,
  REVIEW_GROUP_LABEL,
  LAWSUIT_GROUP_LABEL,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  SECTION_HEADINGS,
  type Cell,
  type ReportContent,
  type RequestInputRowKey,
  type ReviewBlockKey,
  type ReviewResultKey,
} from '@ccgov/report';

export const INFO_SHEET = '说明';
/** Cell on the 说明 sheet holding the report year the template was made for. */
export const INFO_YEAR_CELL = 'B3';

export type SheetName = '表二' | '表三' | '表四';
export const FIGURE_SHEETS: readonly SheetName[] = ['表二', '表三', '表四'];

export type FigureCell = {
  sheet: SheetName;
  address: string;
  kind: 'count' | 'amount';
  /** Checker target id, e.g. requests.withheld6.0 (the editor focuses it). */
  target: string;
  read: (content: Pick<ReportContent, 'proactive' | 'requests' | 'reviews'>) => Cell;
  write: (content: Pick<ReportContent, 'proactive' | 'requests' | 'reviews'>, value: Cell) => void;
};

export type LabelCell = {
  sheet: SheetName;
  address: string;
  text: string;
  /** Merged range (top-left:bottom-right) when the label spans several cells. */
  merge?: string;
  header?: boolean;
};

export type FormulaCell = { sheet: SheetName; address: string; formula: string; merge?: string };

export type SheetLayout = {
  name: SheetName;
  title: string;
  /** Column widths, in characters, from column A. */
  widths: number[];
  labels: LabelCell[];
  figures: FigureCell[];
  formulas: FormulaCell[];
  /** Last column letter, for the title merge. */
  lastColumn: string;
};

export const col = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

// ---------------------------------------------------------------------------------------------
// 表二: four small tables one under the other, in one grid of four columns (A label, B–D figures).
// ---------------------------------------------------------------------------------------------
function proactiveSheet(): SheetLayout {
  const labels: LabelCell[] = [];
  const figures: FigureCell[] = [];
  let row = 2;
  for (const table of PROACTIVE_TABLES) {
    labels.push({ sheet: '表二', address: `A${row}`, text: table.clause, merge: `A${row}:D${row}`, header: true });
    row++;
    labels.push({ sheet: '表二', address: `A${row}`, text: PROACTIVE_INFO_HEADER, header: true });
    const wide = table.columns.length === 1;
    table.columns.forEach((c, i) =>
      labels.push({ sheet: '表二', address: `${col(2 + i)}${row}`, text: c.label, merge: wide ? `B${row}:D${row}` : undefined, header: true }),
    );
    row++;
    for (const r of table.rows) {
      labels.push({ sheet: '表二', address: `A${row}`, text: r.label });
      table.columns.forEach((c, i) => {
        const rowKey = r.key as keyof ReportContent['proactive'];
        const colKey = c.key as string;
        figures.push({
          sheet: '表二',
          address: `${col(2 + i)}${row}`,
          kind: table.kind,
          target: `proactive.${r.key}.${c.key}`,
          read: (content) => (content.proactive[rowKey] as Record<string, Cell>)[colKey] ?? null,
          write: (content, value) => {
            (content.proactive[rowKey] as Record<string, Cell>)[colKey] = value;
          },
        });
      });
      row++;
    }
  }
  return { name: '表二', title: SECTION_HEADINGS.proactive, widths: [26, 18, 18, 18], labels, figures, formulas: [], lastColumn: 'D' };
}

// ---------------------------------------------------------------------------------------------
// 表三: rows 5–29, labels in A–C (merged as in the official table), six columns D–I, 总计 in J.
// ---------------------------------------------------------------------------------------------
export const REQUEST_FIRST_ROW = 5;
const REQUEST_FIRST_COL = 4; // D

export function requestRowNumber(key: (typeof REQUEST_ROWS)[number]['key']): number {
  return REQUEST_FIRST_ROW + REQUEST_ROWS.findIndex((r) => r.key === key);
}

function requestSheet(): SheetLayout {
  const S = '表三' as const;
  const totalCol = col(REQUEST_FIRST_COL + REQUEST_COLUMNS.length); // J
  const firstCol = col(REQUEST_FIRST_COL);
  const lastInputCol = col(REQUEST_FIRST_COL + REQUEST_COLUMNS.length - 1);
  const labels: LabelCell[] = [
    { sheet: S, address: 'A2', text: REQUEST_TABLE_NOTE, merge: 'A2:C4', header: true },
    { sheet: S, address: `${firstCol}2`, text: REQUEST_APPLICANT_HEADER, merge: `${firstCol}2:${totalCol}2`, header: true },
    { sheet: S, address: `${firstCol}3`, text: REQUEST_COLUMNS[0].label, merge: `${firstCol}3:${firstCol}4`, header: true },
    { sheet: S, address: `${col(REQUEST_FIRST_COL + 1)}3`, text: REQUEST_ORG_GROUP, merge: `${col(REQUEST_FIRST_COL + 1)}3:${lastInputCol}3`, header: true },
    ...REQUEST_COLUMNS.slice(1).map((c, i) => ({ sheet: S, address: `${col(REQUEST_FIRST_COL + 1 + i)}4`, text: c.label, header: true })),
    { sheet: S, address: `${totalCol}3`, text: REQUEST_TOTAL_LABEL, merge: `${totalCol}3:${totalCol}4`, header: true },
  ];
  const figures: FigureCell[] = [];
  const formulas: FormulaCell[] = [];
  const resultRows = REQUEST_ROWS.filter((r) => r.section === 'result');
  const firstResult = requestRowNumber(resultRows[0]!.key);
  const lastResult = requestRowNumber(resultRows[resultRows.length - 1]!.key);
  labels.push({ sheet: S, address: `A${firstResult}`, text: RESULT_GROUP_LABEL, merge: `A${firstResult}:A${lastResult}` });
  for (const g of RESULT_GROUPS) {
    const rows = REQUEST_ROWS.filter((r) => 'group' in r && r.group === g.key).map((r) => requestRowNumber(r.key));
    labels.push({ sheet: S, address: `B${rows[0]}`, text: g.label, merge: `B${rows[0]}:B${rows[rows.length - 1]}` });
  }
  for (const r of REQUEST_ROWS) {
    const n = requestRowNumber(r.key);
    if (r.section === 'top') labels.push({ sheet: S, address: `A${n}`, text: r.label, merge: `A${n}:C${n}` });
    else if ('group' in r) labels.push({ sheet: S, address: `C${n}`, text: r.label });
    else labels.push({ sheet: S, address: `B${n}`, text: r.label, merge: `B${n}:C${n}` });

    formulas.push({ sheet: S, address: `${totalCol}${n}`, formula: `SUM(${firstCol}${n}:${lastInputCol}${n})` });
    REQUEST_COLUMNS.forEach((_, i) => {
      const address = `${col(REQUEST_FIRST_COL + i)}${n}`;
      if (r.key === 'resultTotal') {
        const c = col(REQUEST_FIRST_COL + i);
        formulas.push({ sheet: S, address, formula: `SUM(${c}${firstResult}:${c}${n - 1})` });
        return;
      }
      const key = r.key as RequestInputRowKey;
      figures.push({
        sheet: S,
        address,
        kind: 'count',
        target: `requests.${key}.${i}`,
        read: (content) => content.requests[key][i] ?? null,
        write: (content, value) => {
          content.requests[key][i] = value;
        },
      });
    });
  }
  return {
    name: S,
    title: SECTION_HEADINGS.requests,
    widths: [14, 16, 44, ...REQUEST_COLUMNS.map(() => 11), 11],
    labels,
    figures,
    formulas,
    lastColumn: totalCol,
  };
}

// ---------------------------------------------------------------------------------------------
// 表四: one row of 15 numbers under a three-level header, as the official table.
// ---------------------------------------------------------------------------------------------
export const REVIEW_VALUE_ROW = 5;

function reviewSheet(): SheetLayout {
  const S = '表四' as const;
  const per = REVIEW_RESULTS.length + 1; // four results + 总计
  const labels: LabelCell[] = [];
  const figures: FigureCell[] = [];
  const formulas: FormulaCell[] = [];
  const suitBlocks = REVIEW_BLOCKS.filter((b) => b.parent === LAWSUIT_GROUP_LABEL);
  labels.push({ sheet: S, address: 'A2', text: REVIEW_GROUP_LABEL, merge: `A2:${col(per)}2`, header: true });
  labels.push({ sheet: S, address: `${col(per + 1)}2`, text: LAWSUIT_GROUP_LABEL, merge: `${col(per + 1)}2:${col(per * (1 + suitBlocks.length))}2`, header: true });
  REVIEW_BLOCKS.forEach((block, b) => {
    const start = 1 + b * per;
    const resultRow = block.parent ? 4 : 3;
    if (block.parent) {
      labels.push({ sheet: S, address: `${col(start)}3`, text: block.label, merge: `${col(start)}3:${col(start + per - 1)}3`, header: true });
    }
    const headers = [...REVIEW_RESULTS.map((r) => r.label), REVIEW_TOTAL_LABEL];
    headers.forEach((text, i) => {
      const c = col(start + i);
      labels.push({ sheet: S, address: `${c}${resultRow}`, text, merge: block.parent ? undefined : `${c}3:${c}4`, header: true });
    });
    REVIEW_RESULTS.forEach((r, i) => {
      const blockKey = block.key as ReviewBlockKey;
      const resultKey = r.key as ReviewResultKey;
      figures.push({
        sheet: S,
        address: `${col(start + i)}${REVIEW_VALUE_ROW}`,
        kind: 'count',
        target: `reviews.${block.key}.${r.key}`,
        read: (content) => content.reviews[blockKey][resultKey] ?? null,
        write: (content, value) => {
          content.reviews[blockKey][resultKey] = value;
        },
      });
    });
    formulas.push({
      sheet: S,
      address: `${col(start + per - 1)}${REVIEW_VALUE_ROW}`,
      formula: `SUM(${col(start)}${REVIEW_VALUE_ROW}:${col(start + per - 2)}${REVIEW_VALUE_ROW})`,
    });
  });
  const last = per * REVIEW_BLOCKS.length;
  return { name: S, title: SECTION_HEADINGS.reviews, widths: Array.from({ length: last }, () => 10), labels, figures, formulas, lastColumn: col(last) };
}

/** Each sheet starts with its section heading in row 1, across the table. */
const withTitle = (s: SheetLayout): SheetLayout => ({
  ...s,
  labels: [{ sheet: s.name, address: 'A1', text: s.title, merge: `A1:${s.lastColumn}1`, header: true }, ...s.labels],
});

export const SHEETS: readonly SheetLayout[] = [proactiveSheet(), requestSheet(), reviewSheet()].map(withTitle);
export const ALL_FIGURES: readonly FigureCell[] = SHEETS.flatMap((s) => s.figures);

/** "表三 D14" */
export const cellRef = (sheet: string, address: string) => `${sheet} ${address}`;
