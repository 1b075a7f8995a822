// A worker for the pool's own tests (offload.test.ts bundles it with esbuild into a temporary folder).
import { threadId } from 'node:worker_threads';
import { serveTasks } from './offload';

serveTasks({
  echo: (value: unknown) => ({ value, threadId }),
  /** Waits until the test stores 1 into the shared cell: a job that runs exactly as long as the test wants. */
  block: (cell: SharedArrayBuffer) => {
    Atomics.wait(new Int32Array(cell), 0, 0);
    return threadId;
  },
  /** Dies while running, as a thread that hits a fatal error does. */
  crash: () => process.exit(3),
  fail: (message: string) => {
    throw new RangeError(message);
  },
});
