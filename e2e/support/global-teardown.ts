import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Stop the server this run started (by its pid) and remove its temporary database. */
export default async function globalTeardown() {
  const dir = process.env.E2E_TMP_DIR;
  if (!dir) return;
  try {
    const pid = Number(readFileSync(join(dir, 'server.pid'), 'utf8'));
    if (pid > 0) process.kill(pid, 'SIGTERM');
  } catch {
    /* already stopped */
  }
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dir, { recursive: true, force: true });
}
