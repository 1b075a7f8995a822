import { adminProcedure, createTRPCRouter } from '../trpc';
import { auditExportInput, auditListInput, exportAudit, listAudit } from '../services/audit-log';

/** 审计日志 (bureau admin): read and export (Excel or CSV) only; the database refuses updates and deletes. */
export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(auditListInput).query(({ ctx, input }) => listAudit(ctx.db, input)),
  export: adminProcedure.input(auditExportInput).query(({ ctx, input }) => exportAudit(ctx.db, ctx, input)),
});
