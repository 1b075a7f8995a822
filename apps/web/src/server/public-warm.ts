import 'server-only';
import { pickSummaryYear } from '@ccgov/api';
import { loadSummary, loadTrend, loadYears } from './public-data';
import { schedulePublicWarmUp, setPublicWarmUp } from './public-cache';

/**
 * Fills the public cache with what the first 全区汇总 visitor would otherwise compute: the trend
 * (every year's sums, memoised per year in summaryTrend) and the summary of the year /summary opens
 * on. Through the same loaders as the pages, so a visitor gets the very same cached answer.
 */
async function warmPublic(): Promise<void> {
  const trend = await loadTrend();
  const years = await loadYears();
  const year = pickSummaryYear(trend) ?? years[0];
  if (year != null) await loadSummary(year);
}

/** Called once from instrumentation.ts: registers the warm-up, runs it shortly after start. */
export function startPublicWarmUp(delayMs = 1_000): void {
  setPublicWarmUp(warmPublic);
  schedulePublicWarmUp(delayMs);
}
