import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_HEAP_MB, serverArgs } from './server-args.mjs';

/** The heap limit, in MB, of a node started with these flags. */
function heapLimitMb(flags) {
  const r = spawnSync(process.execPath, [...flags, '-e', 'console.log(require("node:v8").getHeapStatistics().heap_size_limit)'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return Number(r.stdout.trim()) / 1024 / 1024;
}

describe('the production server heap bound', () => {
  it('starts serve.mjs with MAX_HEAP_MB as V8’s heap limit, 1024 MB by default', () => {
    const byDefault = serverArgs({});
    expect(byDefault.at(-1)).toMatch(/scripts\/serve\.mjs$/);
    expect(byDefault).toContain(`--max-old-space-size=${DEFAULT_MAX_HEAP_MB}`);
    const limit = heapLimitMb(serverArgs({ MAX_HEAP_MB: '700' }).slice(0, -1));
    // V8 adds its young generation to the old space asked for: about 700 MB, far below Node's own default here.
    expect(limit).toBeGreaterThanOrEqual(700);
    expect(limit).toBeLessThan(800);
  });

  it('ignores a value that is not a number, never goes below 256 MB, and leaves an explicit NODE_OPTIONS bound alone', () => {
    expect(serverArgs({ MAX_HEAP_MB: 'viel' })).toContain(`--max-old-space-size=${DEFAULT_MAX_HEAP_MB}`);
    expect(serverArgs({ MAX_HEAP_MB: '64' })).toContain('--max-old-space-size=256');
    expect(serverArgs({ NODE_OPTIONS: '--max-old-space-size=2048' }).some((a) => a.startsWith('--max-old-space-size'))).toBe(false);
  });
});
