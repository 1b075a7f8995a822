/** 审核: one use case per file; routers and tests import them from here. */
export { reasonInput, reviewCommentInput } from './shared';
export { QUEUE_STATUSES, currentYear, queueInput, reviewQueue, type QueueStatus } from './queue';
export { reviewDetail } from './detail';
export { signoffReport } from './signoff';
export { returnInput, returnReport } from './return';
export { publishReport } from './publish';
export { publishAllApproved } from './publish-all';
export { reopenForCorrection, reopenInput } from './correct';
export { unpublishReport } from './withdraw';
export { republishReport } from './republish';
export { crossBodySimilarities, CROSS_BODY_CODE, type CrossBodyFinding, type CrossBodyMatch } from './cross-body';
