import { eq, publications, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { z } from 'zod';
import { transition } from '../workflow';
import { reasonInput } from './shared';

/** 撤销发布: every public version of the report stops being shown. */
export function unpublishReport(db: Db, actor: SessionUser, input: z.infer<typeof reasonInput>) {
  return transition(db, actor, { reportId: input.id, action: 'unpublish', version: input.version, comment: input.reason }, (tx, report) => {
    tx.update(publications).set({ current: false, withdrawnAt: new Date() }).where(eq(publications.reportId, report.id)).run();
  });
}
