/** Entry point of `npm run import` (see run.ts for the options). */
import { and, defaultDbPath, departments, eq, openDb, reports, users, type Db } from '@ccgov/db';
import { importPublishedReport, mimeOf } from '@ccgov/api/history-import';
import { existsSync } from 'node:fs';
import { matchDepartment, parseArgs, runFiles, summaryLine, type ImportTarget } from './run';

const opts = parseArgs(process.argv.slice(2));
if ('error' in opts) {
  console.error(opts.error);
  process.exit(2);
}
// npm runs scripts from the repository root; file names are meant from where the user typed them.
const cwd = process.env.INIT_CWD ?? process.cwd();

let target: ImportTarget | undefined;
if (!opts.dryRun) {
  const path = defaultDbPath();
  if (!existsSync(path)) {
    console.error(`未找到数据库 ${path}：请先运行 npm start（或设置 DATABASE_PATH）`);
    process.exit(2);
  }
  const db: Db = openDb(path);
  const actorRow = opts.as
    ? db.select().from(users).where(eq(users.username, opts.as)).get()
    : db.select().from(users).where(eq(users.role, 'admin')).all().find((u) => u.active);
  if (!actorRow || !actorRow.active || actorRow.role === 'department') {
    console.error(opts.as ? `账号“${opts.as}”不存在、已停用或不是数据局账号` : '未找到可用的数据局管理员账号，请用 --as 指定');
    process.exit(2);
  }
  const actor = {
    user: { id: actorRow.id, username: actorRow.username, displayName: actorRow.displayName, role: actorRow.role, departmentId: null, departmentName: null, mustChangePassword: false, sessionId: 0 },
    ip: null,
  };
  target = {
    department: (input) => matchDepartment(db.select().from(departments).all(), input),
    previous: (departmentId, year) => {
      const row = db.select({ year: reports.year, content: reports.content }).from(reports).where(and(eq(reports.departmentId, departmentId), eq(reports.year, year - 1))).get();
      return row ?? null;
    },
    store: ({ departmentId, year, parsed, file, sha256, bytes }) => {
      const r = importPublishedReport(db, actor, {
        departmentId,
        year,
        content: parsed.content,
        sourceFile: file,
        sourceSha256: sha256,
        source: { bytes, fileName: file, mime: mimeOf(file, false), text: parsed.sourceLines.join('\n') },
        originalPublishedAt: parsed.publishedDate,
        unplaced: parsed.unplaced.map((u) => u.message),
      });
      return { reportId: r.reportId, publicationId: r.publicationId, department: r.departmentName, year: r.year };
    },
  };
}

const results = await runFiles(opts, cwd, target);
if (opts.json) console.log(JSON.stringify(results, null, 2));
else for (const r of results) console.log(summaryLine(r, opts.dryRun));
process.exit(results.every((r) => r.ok) ? 0 : 1);
