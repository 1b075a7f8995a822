// The checker with the inputs only the server has lives in packages/db (receipts.ts), where the
// receipts written by the server and by the demo seed both use it.
export { checkStoredReport } from '@ccgov/db';
