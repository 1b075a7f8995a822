import { and, desc, eq, inArray, reportEvents, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { transition } from '../workflow';
import { writePublication } from './shared';

/** 发布: the approved report goes public; after a 更正 it comes out as a correction. */
export function publishReport(db: Db, actor: SessionUser, input: { id: number; version: number }) {
  return transition(db, actor, { reportId: input.id, action: 'publish', version: input.version }, (tx, report) => {
    // A report published before and sent back with 更正 comes out as a correction: its reason is
    // the 更正说明 the public reads beside the corrected report.
    const lastReopen = tx
      .select({ id: reportEvents.id, comment: reportEvents.comment })
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, report.id), eq(reportEvents.action, 'reopen')))
      .orderBy(desc(reportEvents.id))
      .get();
    const lastPublish = tx
      .select({ id: reportEvents.id })
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, report.id), inArray(reportEvents.action, ['publish', 'republish'])))
      .orderBy(desc(reportEvents.id))
      .all()
      // The event of this very publication is already written; the one before it is what counts.
      .at(1);
    const isCorrection = lastReopen != null && lastPublish != null && lastReopen.id > lastPublish.id;
    writePublication(tx, actor, report.id, isCorrection ? lastReopen.comment : null);
  });
}
