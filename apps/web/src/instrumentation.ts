/**
 * Runs once when the server process starts (Next.js instrumentation), never in a request:
 * - records the server's pid beside the database (`<database>.pid`), so `npm run restore`
 *   refuses to replace the database of a running portal;
 * - with BACKUP_DAILY=1, a timer makes one online backup a day (BACKUP_KEEP kept, default 14);
 * - creates the deadline notices due (7, 3 and 1 days before a body's deadline) at start and
 *   every hour; they are idempotent, and a department's own pages create them too when they load;
 * - registers the audit of the cross-site requests the Proxy refuses (server/cross-site-audit.ts);
 * - a second after start, and after each publish, correction or withdrawal, computes the 全区汇总
 *   trend off the request path (server/public-warm.ts), so the first visitor gets a warm answer.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { defaultDbPath } = await import('@ccgov/db');
  const { backupKeep, scheduleDailyBackups, writeServerLock } = await import('@ccgov/db/backup');
  const dbPath = defaultDbPath();
  try {
    writeServerLock(dbPath);
  } catch (err) {
    console.error(`[portal] 无法写入进程文件 / cannot write the pid file: ${(err as Error).message}`);
  }
  const { ensureDeadlineNotices } = await import('@ccgov/api');
  const { getDb } = await import('@ccgov/db');
  const sweep = () => {
    try {
      ensureDeadlineNotices(getDb());
    } catch (err) {
      console.error(`[portal] 截止提醒生成失败 / deadline notices failed: ${(err as Error).message}`);
    }
  };
  sweep();
  setInterval(sweep, 3_600_000).unref();
  // Cross-site requests the Proxy refuses go to the audit log (the Proxy has no database).
  const { registerCrossSiteAudit } = await import('./server/cross-site-audit');
  registerCrossSiteAudit();
  const { startPublicWarmUp } = await import('./server/public-warm');
  startPublicWarmUp();
  if (process.env.BACKUP_DAILY === '1') {
    scheduleDailyBackups({ dbPath, keep: backupKeep() });
    console.log('[portal] 已开启每日自动备份 / daily backup on (BACKUP_DAILY=1)');
  }
}
