import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, threadId, Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Work that would hold the server's one JavaScript thread for tens or hundreds of milliseconds
 * (bcrypt, inflating and parsing an uploaded workbook, drawing a PDF) runs in a small pool of
 * worker threads instead, so every other request keeps being answered meanwhile.
 *
 * Each pool runs one prebuilt worker file (an esbuild bundle under `packages/<pkg>/dist/`, made by
 * `scripts/build-workers.mjs`: by the web build, by `scripts/serve.mjs` at start and by the tests'
 * global setup). Next.js bundles the server code, so the file is found from the repository root
 * (`CCGOV_ROOT`, set by serve.mjs, or the nearest folder above the working directory whose
 * package.json has workspaces), never relative to this module.
 *
 * - `size` threads (default 1, `WORKER_THREADS` up to 2), started on first use;
 * - at most `maxQueue` jobs wait; one more is refused at once with {@link BusyError}
 *   「服务器繁忙，请稍后再试」;
 * - a job that is not done `timeoutMs` after it was queued is refused; if it was running, its
 *   thread is stopped (terminate) and a fresh one takes the next job;
 * - a thread that dies (crash, out of memory under `resourceLimits`) fails its job and is replaced;
 * - only if the worker cannot start at all (file missing, fails while loading) does the pool run
 *   the caller's fallback on this thread, and says so once in the log.
 *
 * Node only; not exported from the package index (the browser never sees it).
 */

export const BUSY_MESSAGE = '服务器繁忙，请稍后再试';

/** The queue is full, or the job waited too long: the request is refused, nothing was done. */
export class BusyError extends Error {
  constructor(message = BUSY_MESSAGE) {
    super(message);
    this.name = 'BusyError';
  }
}

/** A job failed inside the worker: the original error's name and message. */
export class WorkerTaskError extends Error {
  constructor(
    message: string,
    public readonly remoteName: string,
  ) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

export type PoolOptions = {
  /** For the log: 密码, Excel, PDF … */
  name: string;
  /** The worker file, relative to the repository root (or absolute). */
  file: string;
  size?: number;
  maxQueue?: number;
  timeoutMs?: number;
  resourceLimits?: ResourceLimits;
};

type Job = {
  id: number;
  task: string;
  args: unknown[];
  fallback: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout> | null;
  slot: Slot | null;
  settled: boolean;
};

type Slot = { worker: Worker; ready: boolean; job: Job | null; gone: boolean };

type Reply =
  | { ready: true; threadId: number }
  | { id: number; ok: true; value: unknown; threadId: number }
  | { id: number; ok: false; error: { name: string; message: string }; threadId: number };

let cachedRoot: string | null = null;

/** The repository root: CCGOV_ROOT, else the nearest folder above the working directory with workspaces. */
export function repositoryRoot(): string {
  if (process.env.CCGOV_ROOT) return process.env.CCGOV_ROOT;
  if (cachedRoot) return cachedRoot;
  let dir = process.cwd();
  for (;;) {
    const pkg = join(/*turbopackIgnore: true*/ dir, 'package.json');
    if (existsSync(/*turbopackIgnore: true*/ pkg)) {
      try {
        if ('workspaces' in JSON.parse(readFileSync(/*turbopackIgnore: true*/ pkg, 'utf8'))) return (cachedRoot = dir);
      } catch {
        // not ours; keep looking
      }
    }
    const up = dirname(dir);
    if (up === dir) return (cachedRoot = process.cwd());
    dir = up;
  }
}

function threadsSetting(): number {
  const n = Number.parseInt(process.env.WORKER_THREADS ?? '', 10);
  return Number.isFinite(n) ? Math.min(2, Math.max(1, n)) : 1;
}

export class WorkerPool {
  readonly name: string;
  readonly size: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  private readonly file: string;
  private readonly resourceLimits: ResourceLimits | undefined;
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private seq = 0;
  /** Why the worker cannot start (then the fallback runs here), or null. */
  private unavailable: string | null = null;
  private started = false;
  /** Counters and the thread ids that answered: for tests and the log. */
  readonly stats = { inWorker: 0, fallback: 0, refused: 0, timedOut: 0, replaced: 0, threadIds: new Set<number>() };

  constructor(opts: PoolOptions) {
    this.name = opts.name;
    this.file = opts.file;
    this.size = opts.size ?? threadsSetting();
    this.maxQueue = opts.maxQueue ?? 16;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.resourceLimits = opts.resourceLimits;
  }

  /** The absolute path of the worker file. */
  get path(): string {
    // Found at run time, not traced by the bundler (the file is built beside the packages).
    return this.file.startsWith('/') ? this.file : join(/*turbopackIgnore: true*/ repositoryRoot(), this.file);
  }

  /** Jobs waiting for a thread (not those running). */
  get waiting(): number {
    return this.queue.length;
  }

  /** True when the pool runs jobs on this thread because its worker could not start. */
  get fallbackMode(): boolean {
    return this.unavailable !== null;
  }

  /**
   * Run `task(...args)` in a worker thread. `fallback` does the same work here and is used only
   * when the worker cannot start. Arguments and result are copied (structured clone): a Buffer
   * comes back as a Uint8Array.
   */
  run<T>(task: string, args: unknown[], fallback: () => T | Promise<T>): Promise<T> {
    if (this.unavailable) return this.runHere(fallback);
    if (this.queue.length >= this.maxQueue) {
      this.stats.refused += 1;
      return Promise.reject(new BusyError());
    }
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        id: ++this.seq,
        task,
        args,
        fallback,
        resolve: resolve as (v: unknown) => void,
        reject,
        timer: null,
        slot: null,
        settled: false,
      };
      job.timer = setTimeout(() => this.timeOut(job), this.timeoutMs);
      job.timer.unref?.();
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stop every thread (tests; a server exits without it: threads are unref'd). */
  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const job of this.queue.splice(0)) this.settle(job, new BusyError());
    await Promise.all(slots.map((s) => ((s.gone = true), s.worker.terminate())));
  }

  private async runHere<T>(fallback: () => T | Promise<T>): Promise<T> {
    this.stats.fallback += 1;
    return fallback();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => s.ready && !s.job && !s.gone);
      if (idle) {
        const job = this.queue.shift()!;
        idle.job = job;
        job.slot = idle;
        idle.worker.ref(); // a script awaiting the answer does not exit meanwhile
        idle.worker.postMessage({ id: job.id, task: job.task, args: job.args });
        continue;
      }
      const starting = this.slots.some((s) => !s.ready && !s.gone);
      if (!starting && this.slots.length < this.size) {
        if (!this.start()) return;
        continue;
      }
      return;
    }
  }

  /** Start one thread; false (and fallback mode) when it cannot be started at all. */
  private start(): boolean {
    const path = this.path;
    if (!existsSync(/*turbopackIgnore: true*/ path)) {
      this.giveUp(`找不到 ${path}（运行 node scripts/build-workers.mjs 生成）`);
      return false;
    }
    let worker: Worker;
    try {
      worker = new Worker(/*turbopackIgnore: true*/ path, { resourceLimits: this.resourceLimits, stdout: false, stderr: false });
    } catch (e) {
      this.giveUp(e instanceof Error ? e.message : String(e));
      return false;
    }
    const slot: Slot = { worker, ready: false, job: null, gone: false };
    this.slots.push(slot);
    worker.on('message', (msg: Reply) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onGone(slot, err));
    worker.on('exit', (code) => this.onGone(slot, new Error(`worker exited with code ${code}`)));
    // Starting with a job waiting: the thread keeps the process alive until it answers.
    return true;
  }

  private onMessage(slot: Slot, msg: Reply): void {
    if ('ready' in msg) {
      slot.ready = true;
      if (!this.started && process.env.NODE_ENV === 'production') console.log(`[workers] ${this.name}: 工作线程已启动（${this.path}）`);
      this.started = true;
      this.pump();
      if (!slot.job) slot.worker.unref();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    slot.job = null;
    this.stats.inWorker += 1;
    this.stats.threadIds.add(msg.threadId);
    if (msg.ok) this.settle(job, null, msg.value);
    else this.settle(job, new WorkerTaskError(msg.error.message, msg.error.name));
    this.pump();
    // An idle thread does not keep the process alive.
    if (!slot.job) slot.worker.unref();
  }

  private onGone(slot: Slot, err: Error): void {
    if (slot.gone) return;
    slot.gone = true;
    this.slots = this.slots.filter((s) => s !== slot);
    if (!slot.ready) {
      // It never got as far as loading its code: this worker cannot run here.
      this.giveUp(err.message);
      return;
    }
    this.stats.replaced += 1;
    console.error(`[workers] ${this.name}: 工作线程异常退出（${err.message}），已由新线程替换`);
    if (slot.job) this.settle(slot.job, new Error(`处理失败：工作线程异常退出（${err.message}）`));
    slot.worker.terminate().catch(() => {});
    this.pump();
  }

  private giveUp(reason: string): void {
    if (this.unavailable) return;
    this.unavailable = reason;
    console.error(`[workers] ${this.name}: 工作线程无法启动，改在主线程中处理（${reason}）`);
    for (const job of this.queue.splice(0)) {
      if (job.settled) continue;
      if (job.timer) clearTimeout(job.timer);
      job.settled = true;
      this.runHere(job.fallback as () => unknown).then(job.resolve, job.reject);
    }
  }

  private timeOut(job: Job): void {
    if (job.settled) return;
    this.stats.timedOut += 1;
    const running = job.slot;
    if (!running) {
      this.queue = this.queue.filter((j) => j !== job);
      this.settle(job, new BusyError());
      return;
    }
    // Still running: stop its thread; the next job gets a fresh one.
    this.settle(job, new BusyError(`处理超时（超过 ${Math.round(this.timeoutMs / 1000)} 秒），已停止，请稍后再试`));
    running.job = null;
    running.gone = true;
    this.slots = this.slots.filter((s) => s !== running);
    this.stats.replaced += 1;
    running.worker.terminate().catch(() => {});
    this.pump();
  }

  private settle(job: Job, err: unknown, value?: unknown): void {
    if (job.settled) return;
    job.settled = true;
    if (job.timer) clearTimeout(job.timer);
    if (err) job.reject(err);
    else job.resolve(value);
  }
}

/** Inside a worker file: answer the pool's jobs with these functions. */
export function serveTasks(handlers: Record<string, (...args: never[]) => unknown>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs inside a worker thread');
  port.on('message', async (msg: { id: number; task: string; args: unknown[] }) => {
    try {
      const fn = handlers[msg.task];
      if (!fn) throw new Error(`unknown task ${msg.task}`);
      const value = await (fn as (...a: unknown[]) => unknown)(...msg.args);
      port.postMessage({ id: msg.id, ok: true, value, threadId });
    } catch (e) {
      const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
      port.postMessage({ id: msg.id, ok: false, error, threadId });
    }
  });
  port.postMessage({ ready: true, threadId });
}

/** A Uint8Array from a worker as the Buffer the caller expects (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** One pool per name in the process, however often the bundler includes this module. */
export function sharedPool(opts: PoolOptions): WorkerPool {
  const g = globalThis as unknown as Record<symbol, WorkerPool | undefined>;
  const key = Symbol.for(`ccgov.worker-pool.${opts.name}`);
  return (g[key] ??= new WorkerPool(opts));
}

/** A BusyError, also one made by another copy of this module (checked by name). */
export function isBusyError(e: unknown): e is BusyError {
  return e instanceof Error && e.name === 'BusyError';
}
