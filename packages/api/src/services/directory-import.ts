import { departments, eq, hashPassword, type Db } from '@ccgov/db';
import { readPlainTable } from '@ccgov/excel';
import { DEPARTMENT_KIND_CHOICES, DEPARTMENT_KIND_LABELS, DEPARTMENT_KIND_WORDS, ROLE_LABELS, type Role, stripNonXmlChars } from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { codeSchema, createDepartment, insertUser, usernameSchema } from './admin';
import { audit, type Actor } from './audit-trail';
import { decodeUpload, uploadSchema } from './uploads';
import { temporaryPassword } from './passwords';

/** The columns of the import list, with the header names people actually write. */
export const DIRECTORY_COLUMNS = [
  { key: 'name', header: '单位名称', aliases: ['部门名称', '名称', '单位'] },
  { key: 'kind', header: '类型', aliases: ['单位类型'] },
  { key: 'code', header: '代码', aliases: ['单位代码', '部门代码'] },
  { key: 'username', header: '用户名', aliases: ['账号', '登录名'] },
  { key: 'displayName', header: '姓名', aliases: ['账号姓名', '联系人'] },
  { key: 'role', header: '角色', aliases: ['账号角色'] },
] as const;
type ColumnKey = (typeof DIRECTORY_COLUMNS)[number]['key'];

export const importDirectoryInput = z.strictObject({ file: uploadSchema });

export type ImportRowReport = {
  line: number;
  name: string;
  username: string;
  outcome: 'created' | 'exists' | 'refused';
  /** What happened, in a sentence: 新建部门；新建账号 / 部门已存在 / refusal reason. */
  message: string;
  temporaryPassword?: string;
};

const ROLE_WORDS: Record<string, Role> = {
  ...Object.fromEntries(Object.entries(ROLE_LABELS).map(([k, v]) => [v, k as Role])),
  填报人: 'department',
  部门填报人: 'department',
  审核人: 'reviewer',
  发布人: 'publisher',
  管理员: 'admin',
};

function columnIndex(headers: string[]): Partial<Record<ColumnKey, number>> {
  const index: Partial<Record<ColumnKey, number>> = {};
  headers.forEach((h, i) => {
    const c = DIRECTORY_COLUMNS.find((col) => col.header === h || (col.aliases as readonly string[]).includes(h));
    if (c && index[c.key] === undefined) index[c.key] = i;
  });
  return index;
}

const firstMessage = (e: z.ZodError) => e.issues[0]?.message ?? '格式不正确';

/**
 * Import departments and accounts from a list (CSV or .xlsx). Each row is its own transaction:
 * a row is created whole or refused whole, with the reason, and the others go on. Accounts get
 * a temporary password (in the report, shown once) that must be changed at first sign-in.
 */
export async function importDirectory(db: Db, actor: Actor, input: z.infer<typeof importDirectoryInput>) {
  const read = await readPlainTable(decodeUpload(input.file));
  if (!read.ok) throw new AppError('BAD_REQUEST', read.message);
  const { headers, rows } = read.table;
  const idx = columnIndex(headers);
  if (idx.name === undefined && idx.username === undefined) {
    throw new AppError('BAD_REQUEST', `第一行应为表头，至少包含“单位名称”或“用户名”列（可用列：${DIRECTORY_COLUMNS.map((c) => c.header).join('、')}）`);
  }
  if (rows.length > 500) throw new AppError('BAD_REQUEST', '一次最多导入500行');

  const report: ImportRowReport[] = [];
  for (const row of rows) {
    // Names land in documents: characters XML does not allow are dropped, as on every other input.
    const get = (k: ColumnKey) => (idx[k] === undefined ? '' : stripNonXmlChars(row.cells[idx[k]!] ?? '').trim());
    const name = get('name');
    const username = get('username');
    const entry: ImportRowReport = { line: row.line, name, username, outcome: 'refused', message: '' };
    report.push(entry);
    try {
      const roleWord = get('role');
      const role: Role | undefined = roleWord ? ROLE_WORDS[roleWord] : name ? 'department' : undefined;
      if (roleWord && !role) throw new AppError('BAD_REQUEST', `角色“${roleWord}”无效，应为${Object.values(ROLE_LABELS).join('、')}`);
      if (!name && !username) throw new AppError('BAD_REQUEST', '单位名称和用户名都为空');
      if (!name && (role === 'department' || !role)) throw new AppError('BAD_REQUEST', '部门填报人账号须填写单位名称；数据局账号须填写角色');
      if (name && role && role !== 'department') throw new AppError('BAD_REQUEST', `${ROLE_LABELS[role]}属于数据局，不应填写单位名称`);

      let password: string | undefined;
      let hash: string | undefined;
      if (username) {
        const u = usernameSchema.safeParse(username);
        if (!u.success) throw new AppError('BAD_REQUEST', firstMessage(u.error));
        password = temporaryPassword();
        hash = await hashPassword(password);
      }

      const messages = db.transaction((tx) => {
        const done: string[] = [];
        let departmentId: number | null = null;
        if (name) {
          const existing = tx.select().from(departments).where(eq(departments.name, name)).get();
          if (existing) {
            departmentId = existing.id;
            done.push('部门已存在');
          } else {
            const kindWord = get('kind') || DEPARTMENT_KIND_LABELS.department;
            const kind = DEPARTMENT_KIND_WORDS[kindWord];
            if (!kind) throw new AppError('BAD_REQUEST', `类型“${kindWord}”无效，应为${DEPARTMENT_KIND_CHOICES}`);
            const code = codeSchema.safeParse(get('code') || username);
            if (!code.success) throw new AppError('BAD_REQUEST', `代码：${firstMessage(code.error)}`);
            const d = createDepartment(tx as unknown as Db, actor, { name, code: code.data, kind });
            departmentId = d.id;
            done.push(`新建${DEPARTMENT_KIND_LABELS[kind]}（代码 ${d.code}）`);
          }
        }
        if (username && hash) {
          insertUser(tx, actor, { username, displayName: get('displayName') || (name ? `${name}填报人` : username), role: role!, departmentId }, hash);
          done.push(`新建账号（${ROLE_LABELS[role!]}）`);
        }
        return done;
      });
      entry.outcome = messages.some((m) => m.startsWith('新建')) ? 'created' : 'exists';
      entry.message = messages.join('；');
      if (username) entry.temporaryPassword = password;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      entry.outcome = 'refused';
      entry.message = err.userMessage;
    }
  }
  const created = report.filter((r) => r.outcome === 'created').length;
  const refused = report.filter((r) => r.outcome === 'refused').length;
  audit(db, actor, { action: 'directory.import', detail: `${rows.length}行：新建${created}行，已存在${rows.length - created - refused}行，未导入${refused}行` });
  return { rows: report, created, refused, existing: rows.length - created - refused };
}
