export { buildTemplate, TEMPLATE_INSTRUCTIONS, type TemplateOptions } from './template';
export { readTemplate, describeProblem, MAX_UPLOAD_BYTES, type CellProblem, type Figures, type ReadResult } from './read';
export { checkZipArchive, readZipEntries, ZIP_LIMITS, type ZipCheck, type ZipLimits } from './zip-guard';
export { readPlainTable, parseCsv, type PlainTable, type PlainTableResult } from './table';
export { buildPublishedWorkbook, buildTableWorkbook, figureColumns, type PublishedRow, type TableColumn, type TableSpec } from './export';
export { ALL_FIGURES, SHEETS, INFO_SHEET, INFO_YEAR_CELL, cellRef, type FigureCell, type SheetName } from './layout';
