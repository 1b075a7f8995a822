import type { Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { transition } from '../workflow';
import { assertScanForApproval } from '../scans';

/**
 * 初审 / 终审: one sign-off on the version under review. The sign-off that approves the report waits,
 * in a year that requires it, for the scan of the signed and sealed 报送稿 (refused, nothing written).
 */
export function signoffReport(db: Db, actor: SessionUser, input: { id: number; version: number; comment?: string }) {
  return transition(db, actor, { reportId: input.id, action: 'signoff', version: input.version, comment: input.comment?.trim() || null }, (tx, report, to) => {
    if (to === 'approved') assertScanForApproval(tx, report);
  });
}
