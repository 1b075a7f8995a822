import { adminProcedure, createTRPCRouter, idInput } from '../trpc';
import { createWord, createWordInput, deleteWord, listWords, updateWord, updateWordInput } from '../services/words';

/** 错敏词 list (bureau admin). The checker reads it at every check, so an edit applies to the next one. */
export const wordsRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listWords(ctx.db)),
  create: adminProcedure.input(createWordInput).mutation(({ ctx, input }) => createWord(ctx.db, ctx, input)),
  update: adminProcedure.input(updateWordInput).mutation(({ ctx, input }) => updateWord(ctx.db, ctx, input)),
  delete: adminProcedure.input(idInput).mutation(({ ctx, input }) => deleteWord(ctx.db, ctx, input.id)),
});
