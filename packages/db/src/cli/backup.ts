/**
 * One consistent online backup of the portal database (the portal may keep running).
 *   npm run backup
 * DATABASE_PATH  the database (default <repo>/.data/portal.db)
 * BACKUP_DIR     where backups go (default: backups/ beside the database, i.e. .data/backups/)
 * BACKUP_KEEP    how many backups to keep (default 14); older ones are removed
 */
import { backupDatabase, backupKeep, defaultBackupDir } from '../backup';
import { defaultDbPath } from '../client';

const dbPath = defaultDbPath();
try {
  const r = await backupDatabase({ dbPath, dir: defaultBackupDir(dbPath), keep: backupKeep() });
  console.log(`备份完成 / backup written: ${r.file}`);
  console.log(`  ${r.bytes} 字节，用时 ${r.ms} ms，完整性检查 integrity_check: ok`);
  console.log('  各表行数 / rows per table:');
  for (const [table, n] of Object.entries(r.counts)) console.log(`    ${table.padEnd(24)} ${n}`);
  console.log(`  附件 / stored files newly copied: 扫描件 scans ${r.files.scans ?? 0}，历史导入原文件 imports ${r.files.imports ?? 0}（${defaultBackupDir(dbPath)}/files/）`);
  if (r.removed.length) console.log(`  删除较早的备份 / removed (BACKUP_KEEP=${backupKeep()}): ${r.removed.join(', ')}`);
} catch (err) {
  console.error(`备份失败 / backup failed: ${(err as Error).message}`);
  process.exit(1);
}
