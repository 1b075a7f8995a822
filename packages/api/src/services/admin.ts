import { accountsChanged, endDepartmentSessions, endUserSessions } from '@ccgov/auth';
import { and, asc, departments, eq, hashPassword, ne, passwordHistory, reports, sql, users, type Db } from '@ccgov/db';
import { DEPARTMENT_KIND_CHOICES, DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, ROLE_LABELS, type Role, stripNonXmlChars } from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { audit, type Actor } from './audit-trail';
import { temporaryPassword } from './passwords';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// ---------------------------------------------------------------------------------------------
// Departments (部门和镇街)
// ---------------------------------------------------------------------------------------------
export function listDepartments(db: Db) {
  const rows = db.select().from(departments).orderBy(asc(departments.sortOrder), asc(departments.id)).all();
  const reportCounts = new Map(
    db
      .select({ id: reports.departmentId, n: sql<number>`count(*)` })
      .from(reports)
      .groupBy(reports.departmentId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const userCounts = new Map(
    db
      .select({ id: users.departmentId, n: sql<number>`count(*)` })
      .from(users)
      .where(eq(users.active, true))
      .groupBy(users.departmentId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return rows.map((d) => ({ ...d, reportCount: reportCounts.get(d.id) ?? 0, activeUserCount: userCounts.get(d.id) ?? 0 }));
}

const nameSchema = z
  .string()
  .overwrite(stripNonXmlChars)
  .trim()
  .min(2, { error: '名称至少2个字' })
  .max(50, { error: '名称不能超过50个字' })
  .refine((s) => !/[<>\n\r\t]/.test(s), { error: '名称不能包含换行或尖括号' });
export const codeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{1,19}$/, { error: '代码应为2至20位小写字母、数字或下划线，以字母开头（例如 fgj）' });
const kindSchema = z.enum(DEPARTMENT_KINDS, { error: `类型应为${DEPARTMENT_KIND_CHOICES}` });

export const createDepartmentInput = z.strictObject({ name: nameSchema, code: codeSchema, kind: kindSchema });
export const updateDepartmentInput = z.strictObject({ id: z.number().int().positive(), name: nameSchema, kind: kindSchema });
export const moveDepartmentInput = z.strictObject({ id: z.number().int().positive(), direction: z.enum(['up', 'down']) });
export const setActiveInput = z.strictObject({ id: z.number().int().positive(), active: z.boolean() });

function loadDepartment(db: Db | Tx, id: number) {
  const d = db.select().from(departments).where(eq(departments.id, id)).get();
  if (!d) throw new AppError('NOT_FOUND', '部门不存在');
  return d;
}

function assertNameFree(db: Db | Tx, name: string, exceptId?: number) {
  const clash = db
    .select({ id: departments.id })
    .from(departments)
    .where(exceptId ? and(eq(departments.name, name), ne(departments.id, exceptId)) : eq(departments.name, name))
    .get();
  if (clash) throw new AppError('CONFLICT', `已有名为“${name}”的部门或镇街`);
}

export function createDepartment(db: Db | Tx, actor: Actor, input: z.infer<typeof createDepartmentInput>) {
  return (db as Db).transaction((tx) => {
    assertNameFree(tx, input.name);
    if (tx.select({ id: departments.id }).from(departments).where(eq(departments.code, input.code)).get()) {
      throw new AppError('CONFLICT', `代码“${input.code}”已被使用`);
    }
    const next = tx.select({ m: sql<number>`coalesce(max(${departments.sortOrder}), 0)` }).from(departments).get()!.m + 1;
    const row = tx
      .insert(departments)
      .values({ name: input.name, code: input.code, kind: input.kind, sortOrder: next })
      .returning()
      .get();
    audit(tx, actor, { action: 'department.create', target: `department:${row.id}`, detail: `${row.name}（${DEPARTMENT_KIND_LABELS[row.kind]}，代码 ${row.code}）` });
    return row;
  });
}

/** Rename or change the type. Past publications keep the name they were published with. */
export function updateDepartment(db: Db, actor: Actor, input: z.infer<typeof updateDepartmentInput>) {
  return db.transaction((tx) => {
    const before = loadDepartment(tx, input.id);
    assertNameFree(tx, input.name, input.id);
    tx.update(departments).set({ name: input.name, kind: input.kind }).where(eq(departments.id, input.id)).run();
    const changes = [
      before.name !== input.name ? `名称：${before.name} → ${input.name}` : null,
      before.kind !== input.kind ? `类型：${DEPARTMENT_KIND_LABELS[before.kind]} → ${DEPARTMENT_KIND_LABELS[input.kind]}` : null,
    ].filter(Boolean);
    if (changes.length) audit(tx, actor, { action: 'department.update', target: `department:${input.id}`, detail: changes.join('；') });
    return { ...before, name: input.name, kind: input.kind };
  });
}

/** Move one place up or down in the list order (the order of the progress table and exports). */
export function moveDepartment(db: Db, actor: Actor, input: z.infer<typeof moveDepartmentInput>) {
  return db.transaction((tx) => {
    const list = tx.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.sortOrder), asc(departments.id)).all();
    const i = list.findIndex((d) => d.id === input.id);
    if (i < 0) throw new AppError('NOT_FOUND', '部门不存在');
    const j = input.direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= list.length) return { moved: false };
    [list[i], list[j]] = [list[j]!, list[i]!];
    // Renumber all so equal or sparse sort orders cannot make a move do nothing.
    list.forEach((d, k) => tx.update(departments).set({ sortOrder: k + 1 }).where(eq(departments.id, d.id)).run());
    audit(tx, actor, { action: 'department.move', target: `department:${input.id}`, detail: `${list[j]!.name} ${input.direction === 'up' ? '上移' : '下移'}至第${j + 1}位` });
    return { moved: true };
  });
}

/**
 * Deactivate or reactivate. A deactivated department leaves the progress table and reminders and
 * its accounts are disabled at once (their sessions end); its published reports stay public.
 * Reactivating does not re-enable the accounts: the admin enables those one by one.
 */
export function setDepartmentActive(db: Db, actor: Actor, input: z.infer<typeof setActiveInput>) {
  return db.transaction((tx) => {
    const d = loadDepartment(tx, input.id);
    if (d.active === input.active) return { changed: false, disabledUsers: 0 };
    tx.update(departments).set({ active: input.active }).where(eq(departments.id, d.id)).run();
    let disabledUsers = 0;
    if (!input.active) {
      disabledUsers = tx
        .update(users)
        .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(and(eq(users.departmentId, d.id), eq(users.active, true)))
        .run().changes;
      endDepartmentSessions(tx, d.id, 'disabled');
    }
    audit(tx, actor, {
      action: input.active ? 'department.enable' : 'department.disable',
      target: `department:${d.id}`,
      detail: input.active ? d.name : `${d.name}；同时停用账号 ${disabledUsers} 个`,
    });
    return { changed: true, disabledUsers };
  });
}

/** Only a department entered by mistake (no report, no account) can be deleted; others are deactivated. */
export function deleteDepartment(db: Db, actor: Actor, id: number) {
  return db.transaction((tx) => {
    const d = loadDepartment(tx, id);
    if (tx.select({ id: reports.id }).from(reports).where(eq(reports.departmentId, id)).get()) {
      throw new AppError('BAD_REQUEST', `“${d.name}”已有年报，不能删除；如已撤并，请停用`);
    }
    if (tx.select({ id: users.id }).from(users).where(eq(users.departmentId, id)).get()) {
      throw new AppError('BAD_REQUEST', `“${d.name}”已有账号，不能删除；如已撤并，请停用`);
    }
    tx.delete(departments).where(eq(departments.id, id)).run();
    audit(tx, actor, { action: 'department.delete', target: `department:${id}`, detail: d.name });
    return { deleted: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Accounts (账号)
// ---------------------------------------------------------------------------------------------
export function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      departmentName: departments.name,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .orderBy(asc(users.id))
    .all();
}

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,31}$/, { error: '用户名应为2至32位字母、数字或 _ . -，以字母或数字开头' });
const displayNameSchema = z.string().overwrite(stripNonXmlChars).trim().min(1, { error: '请填写姓名' }).max(50, { error: '姓名不能超过50个字' });
const roleSchema = z.enum(['department', 'reviewer', 'publisher', 'admin'], { error: '角色无效' });

export const createUserInput = z
  .strictObject({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    departmentId: z.number().int().positive().nullable().optional(),
  })
  .refine((u) => (u.role === 'department') === (u.departmentId != null), {
    error: '部门填报人须选择所属部门；数据局账号不属于任何部门',
  });

export function loadUser(db: Db | Tx, id: number) {
  const u = db.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw new AppError('NOT_FOUND', '账号不存在');
  return u;
}

/** Insert a new account with a temporary password that must be changed at first sign-in. */
export function insertUser(
  tx: Db | Tx,
  actor: Actor,
  input: { username: string; displayName: string; role: Role; departmentId: number | null },
  passwordHash: string,
) {
  if (tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`).get()) {
    throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`);
  }
  let deptName = '数据局';
  if (input.departmentId != null) {
    const d = loadDepartment(tx, input.departmentId);
    if (!d.active) throw new AppError('BAD_REQUEST', `“${d.name}”已停用，不能为其创建账号`);
    deptName = d.name;
  }
  const row = tx
    .insert(users)
    .values({ ...input, passwordHash, mustChangePassword: true })
    .returning({ id: users.id, username: users.username })
    .get();
  audit(tx, actor, { action: 'user.create', target: `user:${row.id}`, detail: `${input.username}（${ROLE_LABELS[input.role]}，${deptName}）` });
  return row;
}

export async function createUser(db: Db, actor: Actor, input: z.infer<typeof createUserInput>) {
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const row = db.transaction((tx) =>
    insertUser(tx, actor, { username: input.username, displayName: input.displayName, role: input.role, departmentId: input.departmentId ?? null }, hash),
  );
  return { ...row, temporaryPassword: password };
}

/**
 * A new temporary password, shown once. The account must change it at next sign-in, and the
 * session version moves on so any session signed in with the old password ends at once.
 */
export async function resetPassword(db: Db, actor: Actor, id: number) {
  if (id === actor.user.id) throw new AppError('BAD_REQUEST', '不能在这里重置自己的密码，请使用“修改密码”');
  loadUser(db, id);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return db.transaction((tx) => {
    const u = loadUser(tx, id);
    // The replaced password joins the history (a new one may not repeat the last five).
    tx.insert(passwordHistory).values({ userId: id, passwordHash: u.passwordHash }).run();
    tx.update(users)
      .set({ passwordHash: hash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .run();
    endUserSessions(tx, id, 'password');
    audit(tx, actor, { action: 'user.reset_password', target: `user:${id}`, detail: u.username });
    accountsChanged();
    return { id, username: u.username, temporaryPassword: password };
  });
}

/** Disable (sessions end at once) or enable an account. The admin cannot lock themself out. */
export function setUserActive(db: Db, actor: Actor, input: z.infer<typeof setActiveInput>) {
  return db.transaction((tx) => {
    const u = loadUser(tx, input.id);
    if (u.id === actor.user.id && !input.active) throw new AppError('BAD_REQUEST', '不能停用自己正在使用的账号');
    if (u.active === input.active) return { changed: false };
    if (input.active && u.departmentId != null && !loadDepartment(tx, u.departmentId).active) {
      throw new AppError('BAD_REQUEST', '该账号所属部门已停用，请先启用部门');
    }
    tx.update(users)
      .set(input.active ? { active: true } : { active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, u.id))
      .run();
    if (!input.active) endUserSessions(tx, u.id, 'disabled');
    accountsChanged();
    audit(tx, actor, { action: input.active ? 'user.enable' : 'user.disable', target: `user:${u.id}`, detail: u.username });
    return { changed: true };
  });
}
