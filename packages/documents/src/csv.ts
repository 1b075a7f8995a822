import { departmentKindLabel, FIGURES, figureLabel, figureValues, formatDate, type Figure } from '@ccgov/report';
import type { PublishedReport } from './outline';

export type CsvValue = string | number | null | undefined;

/** Byte-order mark: Excel opens a UTF-8 CSV as UTF-8 only when the file starts with it. */
export const BOM = '\uFEFF';

function csvField(v: CsvValue): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  // A text cell starting with = + - @ would run as a formula in a spreadsheet: keep it text.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV (CRLF line ends) with a BOM, ready for Excel and for scripts. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The CSV header for a figure: its stable field name, or its official labels. */
export function figureHeader(field: Figure, header: 'label' | 'key'): string {
  return header === 'key' ? field.key : `${field.sectionLabel}｜${figureLabel(field)}`;
}

export const REPORT_ROW_COLUMNS = [
  { key: 'id', label: '编号' },
  { key: 'department', label: '报告主体' },
  { key: 'departmentKind', label: '类别' },
  { key: 'year', label: '报告年度' },
  { key: 'publishedAt', label: '发布日期' },
  { key: 'corrected', label: '已更正' },
] as const;

/**
 * Every figure of every given report, one row per report (the open-data reports.csv). The header
 * uses the official labels by default, or the stable field names with header=key.
 */
export function reportsCsv(reports: readonly PublishedReport[], header: 'label' | 'key' = 'label'): string {
  const head = [...REPORT_ROW_COLUMNS.map((c) => (header === 'key' ? c.key : c.label)), ...FIGURES.map((f) => figureHeader(f, header))];
  const rows = reports.map((r) => {
    const values = figureValues(r.content);
    return [
      r.id,
      r.departmentName,
      header === 'key' ? r.departmentKind : departmentKindLabel(r.departmentKind),
      r.year,
      formatDate(r.publishedAt),
      header === 'key' ? String(r.supersedesId != null) : r.supersedesId != null ? '是' : '否',
      ...FIGURES.map((f) => values[f.key]),
    ];
  });
  return toCsv([head, ...rows]);
}

export const FIGURE_CSV_HEADER = ['字段', '栏目', '项目', '列', '数值'] as const;

/** One report's figures, one figure per line: field name, section, row, column, value. */
export function reportFiguresCsv(report: PublishedReport): string {
  const values = figureValues(report.content);
  return toCsv([
    [...FIGURE_CSV_HEADER],
    ...FIGURES.map((f) => [f.key, f.sectionLabel, f.rowLabel, f.colLabel, values[f.key]]),
  ]);
}
