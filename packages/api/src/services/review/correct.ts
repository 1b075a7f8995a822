import type { Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { z } from 'zod';
import { transition } from '../workflow';
import { insertComments, reasonInput, reviewCommentInput } from './shared';

/** 更正 may also point the department at the places to correct, like the comments of a return. */
export const reopenInput = reasonInput.extend({
  comments: z.array(reviewCommentInput).max(100, { error: '一次最多100条意见' }).optional(),
});

/** 更正: a published report goes back to the department; the public keeps the published version meanwhile. */
export function reopenForCorrection(db: Db, actor: SessionUser, input: z.infer<typeof reopenInput>) {
  return transition(db, actor, { reportId: input.id, action: 'reopen', version: input.version, comment: input.reason }, (tx, report) => {
    insertComments(tx, actor, report.id, report.version, input.comments ?? []);
  });
}
