import type { Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { transition } from '../workflow';

/** 初审 / 终审: one sign-off on the version under review. */
export function signoffReport(db: Db, actor: SessionUser, input: { id: number; version: number; comment?: string }) {
  return transition(db, actor, { reportId: input.id, action: 'signoff', version: input.version, comment: input.comment?.trim() || null });
}
