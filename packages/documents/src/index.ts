export * from './tables';
export * from './outline';
export * from './csv';
export * from './open-data';
export { openApiDocument, OPEN_API_PATHS } from './openapi';
export { bulkArchive, bulkEntryNames, type BulkArchiveOptions } from './bulk';
export { reportPdf, MissingFontError, DEFAULT_CJK_FONT, DEFAULT_CJK_BOLD_FONT, type FontSpec, type PdfOptions } from './pdf';
export { reportDocx } from './docx';
export { receiptPdf, receiptFields, RECEIPT_TITLE, RECEIPT_HASH_NOTE, type ReceiptDocument } from './receipt-pdf';
