import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@ccgov/api';

type Outputs = inferRouterOutputs<AppRouter>;
export type ReviewDetail = Outputs['review']['get'];
export type ReviewQueue = Outputs['review']['queue'];
export type PendingComment = { key: string; target: string; label: string; body: string };
export type CrossBody = Outputs['review']['crossBody'];
