export const DEFAULT_MAX_HEAP_MB: number;
export const MIN_HEAP_MB: number;
export function maxHeapMb(env?: Record<string, string | undefined>): number;
export function serverArgs(env?: Record<string, string | undefined>): string[];
