import { threadId as mainThreadId } from 'node:worker_threads';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTemplate, excelPool, readPlainTable, readTemplate, readZipEntries } from './index';

const MB = 1024 * 1024;
const bomb = () => zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(64 * MB) }, { level: 9 });

describe('uploads are read in a worker thread', () => {
  it('reads a filled template there, with the same result as here', async () => {
    const { readTemplate: readHere } = await import('./read');
    const template = new Uint8Array(await buildTemplate({ year: 2026 }));
    const before = excelPool.stats.inWorker;
    const there = await readTemplate(template, { year: 2026 });
    expect(there).toEqual(await readHere(template, { year: 2026 }));
    expect(there.ok).toBe(true);
    expect(excelPool.stats.inWorker - before).toBe(1);
    expect(excelPool.fallbackMode).toBe(false);
    expect([...excelPool.stats.threadIds]).not.toContain(mainThreadId);
  });

  it('refuses a zip bomb in the worker (template, directory and 历史导入 .zip alike)', async () => {
    const before = excelPool.stats.inWorker;
    const template = await readTemplate(bomb(), { year: 2026 });
    expect(template).toEqual({ ok: false, problems: [expect.objectContaining({ message: expect.stringContaining('解压后过大') })] });
    expect(await readPlainTable(bomb())).toEqual({ ok: false, message: expect.stringContaining('解压后过大') });
    expect(await readZipEntries(bomb())).toEqual({ ok: false, message: expect.stringContaining('解压后过大') });
    expect(excelPool.stats.inWorker - before).toBe(3);
  });

  it('gives back the entries of a good .zip, each as its own bytes', async () => {
    const zip = zipSync({ 'a.txt': new TextEncoder().encode('甲'), 'dir/b.txt': [new TextEncoder().encode('乙'), { level: 0 }] });
    const r = await readZipEntries(zip);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => [e.name, new TextDecoder().decode(e.data), e.data.buffer.byteLength])).toEqual([
      ['a.txt', '甲', 3],
      ['dir/b.txt', '乙', 3],
    ]);
  });
});
