import { and, asc, eq, ne, sensitiveWords, type Db } from '@ccgov/db';
import { stripNonXmlChars } from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { audit, type Actor } from './audit-trail';

const wordFields = {
  word: z.string().overwrite(stripNonXmlChars).trim().min(1, { error: '请填写错敏词' }).max(50, { error: '错敏词不能超过50个字' }),
  suggestion: z.string().overwrite(stripNonXmlChars).trim().max(100, { error: '建议写法不能超过100个字' }).default(''),
  note: z.string().overwrite(stripNonXmlChars).trim().max(200, { error: '说明不能超过200个字' }).default(''),
};
export const createWordInput = z.strictObject(wordFields);
export const updateWordInput = z.strictObject({ id: z.number().int().positive(), ...wordFields });

/** The 错敏词 list. The checker reads it from the database at every check, so edits apply at once. */
export function listWords(db: Db) {
  return db.select().from(sensitiveWords).orderBy(asc(sensitiveWords.word)).all();
}

function assertFree(db: Db | Parameters<Parameters<Db['transaction']>[0]>[0], word: string, exceptId?: number) {
  const clash = db
    .select({ id: sensitiveWords.id })
    .from(sensitiveWords)
    .where(exceptId ? and(eq(sensitiveWords.word, word), ne(sensitiveWords.id, exceptId)) : eq(sensitiveWords.word, word))
    .get();
  if (clash) throw new AppError('CONFLICT', `“${word}”已在错敏词表中`);
}

export function createWord(db: Db, actor: Actor, input: z.infer<typeof createWordInput>) {
  return db.transaction((tx) => {
    assertFree(tx, input.word);
    const row = tx.insert(sensitiveWords).values(input).returning().get();
    audit(tx, actor, { action: 'word.create', target: `word:${row.id}`, detail: `${row.word}${row.suggestion ? ` → ${row.suggestion}` : ''}` });
    return row;
  });
}

export function updateWord(db: Db, actor: Actor, input: z.infer<typeof updateWordInput>) {
  return db.transaction((tx) => {
    const before = tx.select().from(sensitiveWords).where(eq(sensitiveWords.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', '该错敏词不存在');
    assertFree(tx, input.word, input.id);
    tx.update(sensitiveWords).set({ word: input.word, suggestion: input.suggestion, note: input.note }).where(eq(sensitiveWords.id, input.id)).run();
    audit(tx, actor, { action: 'word.update', target: `word:${input.id}`, detail: before.word === input.word ? input.word : `${before.word} → ${input.word}` });
    return { ...before, ...input };
  });
}

export function deleteWord(db: Db, actor: Actor, id: number) {
  return db.transaction((tx) => {
    const before = tx.select().from(sensitiveWords).where(eq(sensitiveWords.id, id)).get();
    if (!before) throw new AppError('NOT_FOUND', '该错敏词不存在');
    tx.delete(sensitiveWords).where(eq(sensitiveWords.id, id)).run();
    audit(tx, actor, { action: 'word.delete', target: `word:${id}`, detail: before.word });
    return { deleted: true };
  });
}
