import { z } from 'zod';
import { bureauProcedure, createTRPCRouter, departmentProcedure, nowOf } from '../trpc';
import { commitInput, commitUpload, importPrevious, importTargets, previewUpload, readWordForDraft, sourceInput } from '../services/history-upload';
import { uploadSchema } from '../services/uploads';

const publicPaths = ['/', '/summary'];

/** 历史导入 (管理 → 导入历史报告, bureau) and 从 Word 文件导入 (the clerk's own draft). */
export const historyRouter = createTRPCRouter({
  /** Read a file, a .zip of files or pasted text and answer what it holds; writes nothing. */
  parse: bureauProcedure.input(sourceInput).mutation(({ input }) => previewUpload(input)),
  /** The departments a report can be imported for, with the years each already has. */
  targets: bureauProcedure.query(({ ctx }) => importTargets(ctx.db)),
  /** The body's report of the year before, for the preview's cross-year rules (7, 10, 12). */
  previous: bureauProcedure
    .input(z.strictObject({ departmentId: z.number().int().positive(), year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => importPrevious(ctx.db, input)),
  /** Import one read file as its body's published report for the year (audited). */
  commit: bureauProcedure.input(commitInput).mutation(async ({ ctx, input }) => {
    const r = await commitUpload(ctx.db, ctx.user, input);
    ctx.onPublicChange?.(publicPaths);
    return r;
  }),
  /** A department reads its own DOCX for its own draft; nothing is stored. */
  readWord: departmentProcedure
    .input(z.strictObject({ id: z.number().int().positive(), name: z.string().min(1).max(200), file: uploadSchema }))
    .mutation(({ ctx, input }) => readWordForDraft(ctx.db, ctx.user, input, nowOf(ctx))),
});
