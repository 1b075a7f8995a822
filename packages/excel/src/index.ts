export { buildTemplate, TEMPLATE_INSTRUCTIONS, type TemplateOptions } from './template';
export { describeProblem, MAX_UPLOAD_BYTES, type CellProblem, type Figures, type ReadResult } from './read';
export { checkZipArchive, ZIP_LIMITS, type ZipCheck, type ZipLimits } from './zip-guard';
export { parseCsv, type PlainTable, type PlainTableResult } from './table';
export { buildPublishedWorkbook, buildTableWorkbook, figureColumns, type PublishedRow, type TableColumn, type TableSpec } from './export';
export { ALL_FIGURES, SHEETS, INFO_SHEET, INFO_YEAR_CELL, cellRef, type FigureCell, type SheetName } from './layout';
// Uploads are read in a worker thread (the in-thread versions are in read.ts, table.ts, zip-guard.ts).
export { readTemplate, readPlainTable, readZipEntries, excelPool, type ZipEntriesResult } from './offload';
