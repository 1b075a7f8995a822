/**
 * One clerk saving a draft again and again, in its own process with its own connection — the
 * writer side of the online-backup test (backup.test.ts). Prints one JSON line per acknowledged
 * save ({ n, version }) after saveDraft has returned (= committed); stops when stdin closes.
 *   tsx draft-writer.ts DB_PATH USER_ID REPORT_ID
 */
import { openDb, reports, users, eq } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { saveDraft } from '../services/department-reports';

const [dbPath, userIdArg, reportIdArg] = process.argv.slice(2);
const db = openDb(dbPath!);
const u = db.select().from(users).where(eq(users.id, Number(userIdArg))).get()!;
const actor = {
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  departmentId: u.departmentId,
  departmentName: null,
  mustChangePassword: false,
  sessionId: 0,
} as SessionUser;
const reportId = Number(reportIdArg);

let stop = false;
process.stdin.on('end', () => (stop = true));
process.stdin.on('close', () => (stop = true));
process.stdin.resume();

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
let report = db.select().from(reports).where(eq(reports.id, reportId)).get()!;
let version = report.version;
while (!stop) {
  n += 1;
  const content = { ...report.content, other: `第${n}次保存` };
  try {
    const r = saveDraft(db, actor, { id: reportId, version, content });
    version = r.version;
    process.stdout.write(`${JSON.stringify({ n, version })}\n`);
  } catch (err) {
    // Twenty processes contend for one write lock (the portal itself has one connection): a save
    // that waited past busy_timeout is refused, not acknowledged, and the clerk saves again.
    const busy = (err as { code?: string }).code === 'SQLITE_BUSY';
    process.stderr.write(`${busy ? 'busy' : 'error'}: save ${n}: ${(err as Error).message}\n`);
    report = db.select().from(reports).where(eq(reports.id, reportId)).get()!;
    version = report.version;
  }
  await pause(20);
}
db.$client.close();
