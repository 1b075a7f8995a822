import type { Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { stripNonXmlChars } from '@ccgov/report';
import { z } from 'zod';
import { transition } from '../workflow';
import { insertComments, reviewCommentInput } from './shared';

export const returnInput = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  comments: z.array(reviewCommentInput).min(1, { error: '退回修改至少需要一条意见' }).max(100, { error: '一次最多100条意见' }),
  summary: z.string().overwrite(stripNonXmlChars).max(1000, { error: '退回说明不能超过1000字' }).optional(),
});

/** 退回修改 with the comments the department works through. */
export function returnReport(db: Db, actor: SessionUser, input: z.infer<typeof returnInput>) {
  const summary = input.summary?.trim() || input.comments.map((c) => c.body).join('；').slice(0, 1000);
  return transition(db, actor, { reportId: input.id, action: 'return', version: input.version, comment: summary }, (tx, report) => {
    insertComments(tx, actor, report.id, report.version, input.comments);
  });
}
