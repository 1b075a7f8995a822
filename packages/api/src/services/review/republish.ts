import type { Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { transition } from '../workflow';
import { writePublication } from './shared';

/** 重新发布 of a withdrawn report: a new public version of its content. */
export function republishReport(db: Db, actor: SessionUser, input: { id: number; version: number }) {
  return transition(db, actor, { reportId: input.id, action: 'republish', version: input.version }, (tx, report) => {
    writePublication(tx, actor, report.id, null);
  });
}
