/**
 * Restore a backup into a STOPPED portal.
 *   npm run restore -- FILE
 * DATABASE_PATH  the database to replace (default <repo>/.data/portal.db)
 * PORT           the portal's port (default 3000)
 *
 * Refuses while the portal runs: the server records its pid in `<database>.pid` at start (a pid
 * that is no longer alive is ignored), and nothing may answer on 127.0.0.1:PORT. The file must
 * pass `PRAGMA integrity_check` and be a portal database. The replaced database is kept as
 * `<database>.replaced-<time>` (with its -wal/-shm).
 */
import { createConnection } from 'node:net';
import { restoreDatabase, runningServer } from '../backup';
import { defaultDbPath } from '../client';

function portAnswers(port: number): Promise<boolean> {
  return new Promise((res) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (open: boolean) => {
      socket.destroy();
      res(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const file = process.argv[2];
if (!file) {
  console.error('用法 / usage: npm run restore -- <备份文件 backup file>');
  process.exit(2);
}
const dbPath = defaultDbPath();
const port = Number(process.env.PORT ?? 3000);
const server = runningServer(dbPath);
if (server) {
  console.error(`门户正在运行（进程 ${server.pid}），请先停止门户再恢复 / the portal is running: stop it first`);
  process.exit(1);
}
if (Number.isInteger(port) && port > 0 && (await portAnswers(port))) {
  console.error(`端口 ${port} 上有服务在运行，请先停止门户再恢复（或用 PORT 指明门户的端口） / something answers on port ${port}: stop the portal first`);
  process.exit(1);
}
try {
  const r = restoreDatabase({ file, dbPath });
  console.log(`恢复完成 / restored ${file} → ${r.dbPath}`);
  if (r.replacedKeptAs) console.log(`  原数据库已保留为 / the replaced database is kept as: ${r.replacedKeptAs}`);
  console.log('  各表行数 / rows per table:');
  for (const [table, n] of Object.entries(r.counts)) console.log(`    ${table.padEnd(24)} ${n}`);
  console.log(`  附件 / stored files put back: 扫描件 scans ${r.files.scans ?? 0}，历史导入原文件 imports ${r.files.imports ?? 0}`);
  console.log('  现在可以启动门户 / start the portal now: npm start');
} catch (err) {
  console.error(`恢复失败 / restore failed: ${(err as Error).message}`);
  process.exit(1);
}
