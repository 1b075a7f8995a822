import { sharedPool } from '@ccgov/report/offload';
import { readTemplate as readTemplateHere, type ReadResult } from './read';
import { readPlainTable as readPlainTableHere, type PlainTableResult } from './table';
import { readZipEntries as readZipEntriesHere } from './zip-guard';

/**
 * Uploads are read in a worker thread (@ccgov/report/offload): the zip guard's inflation of up to
 * 20 MB and exceljs's parse of the sheets take from tens of milliseconds to seconds of pure
 * JavaScript, which on the main thread would hold up every other request. The worker's heap is
 * capped, so even a parse that goes wrong cannot take the server's memory; at most 4 uploads
 * wait, then 「服务器繁忙，请稍后再试」.
 */
export const excelPool = sharedPool({
  name: 'Excel',
  file: 'packages/excel/dist/excel-worker.mjs',
  maxQueue: 4,
  timeoutMs: 60_000,
  resourceLimits: { maxOldGenerationSizeMb: 384 },
});

/** {@link readTemplateHere} in a worker thread. */
export function readTemplate(data: Uint8Array, opts: { year: number }): Promise<ReadResult> {
  return excelPool.run('readTemplate', [data, { year: opts.year }], () => readTemplateHere(data, opts));
}

/** {@link readPlainTableHere} in a worker thread. */
export function readPlainTable(data: Uint8Array): Promise<PlainTableResult> {
  return excelPool.run('readPlainTable', [data], () => readPlainTableHere(data));
}

export type ZipEntriesResult = Awaited<ReturnType<typeof readZipEntriesHere>>;

/** {@link readZipEntriesHere} (the guard, then the entries) in a worker thread. */
export function readZipEntries(data: Uint8Array): Promise<ZipEntriesResult> {
  return excelPool.run('readZipEntries', [data], () => readZipEntriesHere(data));
}
