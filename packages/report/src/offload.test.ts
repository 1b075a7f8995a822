import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId as mainThreadId } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUSY_MESSAGE, BusyError, isBusyError, WorkerPool, WorkerTaskError } from './offload';

let dir: string;
let file: string;
const pools: WorkerPool[] = [];
const pool = (opts: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) => {
  const p = new WorkerPool({ name: 'test', file, size: 1, maxQueue: 2, timeoutMs: 20_000, ...opts });
  pools.push(p);
  return p;
};
const release = (cell: SharedArrayBuffer) => {
  Atomics.store(new Int32Array(cell), 0, 1);
  Atomics.notify(new Int32Array(cell), 0);
};
const here = () => {
  throw new Error('the fallback must not run while the worker can start');
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'offload-test-'));
  file = join(dir, 'fixture-worker.mjs');
  await build({ entryPoints: [join(import.meta.dirname, 'offload.fixture.ts')], outfile: file, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('WorkerPool', () => {
  it('runs the job in another thread and returns its result', async () => {
    const p = pool();
    const r = await p.run<{ value: unknown; threadId: number }>('echo', [{ a: [1, 2], when: new Date(0) }], here);
    expect(r.value).toEqual({ a: [1, 2], when: new Date(0) });
    expect(r.threadId).not.toBe(mainThreadId);
    expect([...p.stats.threadIds]).toEqual([r.threadId]);
    expect(p.fallbackMode).toBe(false);
  });

  it('refuses at once with 服务器繁忙，请稍后再试 when its queue is full, and runs the rest', async () => {
    const p = pool({ maxQueue: 2 });
    const cell = new SharedArrayBuffer(4);
    const running = p.run('block', [cell], here);
    // Let the first job reach the thread, so the next two are the ones waiting.
    await vi.waitFor(() => expect(p.waiting).toBe(0));
    const queued = [p.run('echo', [1], here), p.run('echo', [2], here)];
    expect(p.waiting).toBe(2);
    const refused = p.run('echo', [3], here);
    await expect(refused).rejects.toThrow(BusyError);
    await expect(refused).rejects.toThrow(BUSY_MESSAGE);
    expect(BUSY_MESSAGE).toBe('服务器繁忙，请稍后再试');
    expect(p.stats.refused).toBe(1);
    release(cell);
    expect(await running).not.toBe(mainThreadId);
    expect((await Promise.all(queued)).map((r) => (r as { value: number }).value)).toEqual([1, 2]);
  });

  it('replaces a thread that dies: its job fails, the next one runs in a fresh thread', async () => {
    const p = pool();
    const first = await p.run<{ threadId: number }>('echo', [0], here);
    await expect(p.run('crash', [], here)).rejects.toThrow(/工作线程异常退出/);
    const next = await p.run<{ threadId: number }>('echo', ['again'], here);
    expect(next.threadId).not.toBe(first.threadId);
    expect(next.threadId).not.toBe(mainThreadId);
    expect(p.stats.replaced).toBe(1);
    expect(p.fallbackMode).toBe(false);
  });

  it('passes a job’s own error back with its name and message, and keeps the thread', async () => {
    const p = pool();
    const before = await p.run<{ threadId: number }>('echo', [0], here);
    const err = await p.run('fail', ['数值有误'], here).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerTaskError);
    expect((err as WorkerTaskError).remoteName).toBe('RangeError');
    expect((err as Error).message).toBe('数值有误');
    expect((await p.run<{ threadId: number }>('echo', [1], here)).threadId).toBe(before.threadId);
  });

  it('stops a job that runs past its time limit and carries on with a new thread', async () => {
    const p = pool({ timeoutMs: 300 });
    const stuck = p.run('block', [new SharedArrayBuffer(4)], here); // never released
    const err = await stuck.catch((e: unknown) => e);
    expect(isBusyError(err)).toBe(true);
    expect((err as Error).message).toContain('处理超时');
    const next = await p.run<{ value: string; threadId: number }>('echo', ['after'], here);
    expect(next.value).toBe('after');
    expect(p.stats.timedOut).toBe(1);
  });

  it('runs the fallback here only when the worker cannot start, and says so once', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const p = pool({ file: join(dir, 'missing-worker.mjs') });
    expect(await p.run('echo', [1], () => 'here-1')).toBe('here-1');
    expect(await p.run('echo', [2], () => 'here-2')).toBe('here-2');
    expect(p.fallbackMode).toBe(true);
    expect(p.stats.fallback).toBe(2);
    expect(log.mock.calls.filter((c) => String(c[0]).includes('工作线程无法启动'))).toHaveLength(1);
    log.mockRestore();
  });
});
