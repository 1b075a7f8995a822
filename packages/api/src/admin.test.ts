import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession, loadSessionUser } from '@ccgov/auth';
import { auditLog, departments, desc, eq, publications, users, verifyPassword } from '@ccgov/db';
import { appRouter, createCaller } from './root';
import { harness, userId } from './test-utils';

const h = harness();
afterAll(() => h.cleanup());
const admin = h.as('admin');

const userRow = (username: string) => h.db.select().from(users).where(eq(users.username, username)).get()!;
/** What the session cookie of a signed-in user carries. */
const claimsOf = (username: string) => ({
  uid: userRow(username).id,
  sv: userRow(username).sessionVersion,
  sid: createSession(h.db, userRow(username).id, { ip: '10.1.2.3', userAgent: 'vitest' }),
});
/** A tRPC call made with a session cookie, resolved against the database as the web app does. */
const withSession = (claims: { uid: number; sv: number; sid: string }) => createCaller({ db: h.db, user: loadSessionUser(h.db, claims), ip: '10.1.2.3' });
const lastAudit = () => h.db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!;

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('disabling an account', () => {
  it('ends its existing sessions at once: the session resolves to nobody and calls answer UNAUTHORIZED', async () => {
    const session = claimsOf('jtj');
    expect(loadSessionUser(h.db, session)?.username).toBe('jtj');
    await expect(withSession(session).department.list()).resolves.toBeTruthy();

    await admin.admin.setUserActive({ id: userRow('jtj').id, active: false });

    expect(loadSessionUser(h.db, session)).toBeNull();
    expect(await codeOf(withSession(session).department.list())).toBe('UNAUTHORIZED');
  });

  it('is recorded in the audit log with the admin, role, IP and outcome', () => {
    // The last line of its kind: the refused call after it is audited too (access.unauthorized).
    const line = h.db.select().from(auditLog).where(eq(auditLog.action, 'user.disable')).orderBy(desc(auditLog.id)).get()!;
    expect(line).toMatchObject({ action: 'user.disable', username: 'admin', role: 'admin', ip: '127.0.0.1', outcome: 'success', target: `user:${userRow('jtj').id}` });
  });

  it('enabling it again lets a new sign-in work, while the old session stays ended', async () => {
    const old = { ...claimsOf('jtj'), sv: userRow('jtj').sessionVersion - 1 };
    await admin.admin.setUserActive({ id: userRow('jtj').id, active: true });
    expect(loadSessionUser(h.db, old)).toBeNull();
    expect(loadSessionUser(h.db, claimsOf('jtj'))?.username).toBe('jtj');
  });

  it('the admin cannot disable their own account', async () => {
    await expect(admin.admin.setUserActive({ id: userId(h.db, 'admin'), active: false })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(userRow('admin').active).toBe(true);
    expect(lastAudit()).toMatchObject({ action: 'user.disable', outcome: 'failure', detail: '不能停用自己正在使用的账号' });
  });
});

describe('resetting a password', () => {
  it('gives a temporary password once, ends the old sessions and forces a change before any work', async () => {
    const old = claimsOf('sfj');
    const { temporaryPassword } = await admin.admin.resetPassword({ id: userRow('sfj').id });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(await verifyPassword(temporaryPassword, userRow('sfj').passwordHash)).toBe(true);
    expect(userRow('sfj').mustChangePassword).toBe(true);
    expect(loadSessionUser(h.db, old)).toBeNull();

    // Signed in with the temporary password: only 修改密码 is open.
    const fresh = withSession(claimsOf('sfj'));
    await expect(fresh.department.list()).rejects.toMatchObject({ code: 'FORBIDDEN', message: '请先修改初始密码' });
    await expect(fresh.account.changePassword({ current: temporaryPassword, next: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(fresh.account.changePassword({ current: 'wrong-one1', next: 'NewPass2027' })).rejects.toMatchObject({ message: '当前密码不正确' });
    await fresh.account.changePassword({ current: temporaryPassword, next: 'NewPass2027' });

    expect(userRow('sfj').mustChangePassword).toBe(false);
    expect(await verifyPassword('NewPass2027', userRow('sfj').passwordHash)).toBe(true);
    await expect(withSession(claimsOf('sfj')).department.list()).resolves.toBeTruthy();
  });
});

describe('departments and their accounts', () => {
  it('creates a department and an account for it that must change its password at first sign-in', async () => {
    const d = await admin.admin.createDepartment({ name: '陈仓区测试局', code: 'csj', kind: 'department' });
    const u = await admin.admin.createUser({ username: 'csj', displayName: '测试局填报人', role: 'department', departmentId: d.id });
    expect(u.temporaryPassword).toBeTruthy();
    expect(userRow('csj')).toMatchObject({ role: 'department', departmentId: d.id, mustChangePassword: true, active: true });
    const list = await admin.admin.departments();
    expect(list.at(-1)).toMatchObject({ name: '陈仓区测试局', kind: 'department', active: true, reportCount: 0 });
  });

  it('refuses a second department with the same name or code and stores nothing', async () => {
    const before = (await admin.admin.departments()).length;
    await expect(admin.admin.createDepartment({ name: '陈仓区测试局', code: 'other', kind: 'department' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin.admin.createDepartment({ name: '另一个局', code: 'csj', kind: 'town' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await admin.admin.departments()).length).toBe(before);
  });

  it('a bureau account has no department and a department account must have one', async () => {
    await expect(admin.admin.createUser({ username: 'rev2', displayName: '审核人二', role: 'reviewer', departmentId: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.admin.createUser({ username: 'dep2', displayName: '某人', role: 'department' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const r = await admin.admin.createUser({ username: 'rev2', displayName: '审核人二', role: 'reviewer' });
    expect(userRow('rev2')).toMatchObject({ role: 'reviewer', departmentId: null, id: r.id });
    await expect(admin.admin.createUser({ username: 'REV2', displayName: '重复', role: 'reviewer' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('renaming a department keeps the name its reports were published with', async () => {
    const fgj = h.db.select().from(departments).where(eq(departments.code, 'fgj')).get()!;
    await admin.admin.updateDepartment({ id: fgj.id, name: '陈仓区发展改革局（新）', kind: 'department' });
    const pubs = h.db.select().from(publications).where(eq(publications.departmentId, fgj.id)).all();
    expect(pubs.length).toBeGreaterThan(0);
    expect(pubs.every((p) => p.departmentName === '陈仓区发展和改革局')).toBe(true);
    expect(lastAudit()).toMatchObject({ action: 'department.update', detail: '名称：陈仓区发展和改革局 → 陈仓区发展改革局（新）' });
  });

  it('moves a department up in the order', async () => {
    const list = await admin.admin.departments();
    const third = list[2]!;
    await admin.admin.moveDepartment({ id: third.id, direction: 'up' });
    expect((await admin.admin.departments())[1]!.id).toBe(third.id);
  });

  it('never deletes a department with reports; deactivating it disables its accounts', async () => {
    const gaj = h.db.select().from(departments).where(eq(departments.code, 'gaj')).get()!;
    await expect(admin.admin.deleteDepartment({ id: gaj.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const session = claimsOf('gaj');
    const r = await admin.admin.setDepartmentActive({ id: gaj.id, active: false });
    expect(r.disabledUsers).toBe(1);
    expect(loadSessionUser(h.db, session)).toBeNull();
    expect(h.db.select().from(departments).where(eq(departments.id, gaj.id)).get()!.active).toBe(false);
    // Its published reports stay public.
    const pubs = h.db.select().from(publications).where(eq(publications.departmentId, gaj.id)).all();
    expect(pubs.some((p) => p.current && p.withdrawnAt == null)).toBe(true);
    await admin.admin.setDepartmentActive({ id: gaj.id, active: true });
    expect(userRow('gaj').active).toBe(false);
  });

  it('deletes a department entered by mistake (no report, no account)', async () => {
    const d = await admin.admin.createDepartment({ name: '误建单位', code: 'wujian', kind: 'town' });
    await admin.admin.deleteDepartment({ id: d.id });
    expect(h.db.select().from(departments).where(eq(departments.id, d.id)).get()).toBeUndefined();
  });
});

describe('importing departments and accounts from a list', () => {
  it('reports per row what was created, what already existed and what was refused, and why', async () => {
    const file = csv(
      [
        '单位名称,类型,代码,用户名,姓名,角色',
        '陈仓区导入一局,部门,drya,drya,导入一局填报人,',
        '导入镇,镇街,dryz,dryz,,',
        '陈仓区数据局,部门,sjj,,,',
        '导入二局,乡,dryb,dryb,,',
        '陈仓区导入三局,部门,dryc,fgj,,',
        ',,,shenhe3,审核人三,审核人',
        '陈仓区导入四局,部门,dryd,dryd,,管理员',
        '',
      ].join('\r\n'),
    );
    const r = await admin.admin.importDirectory({ file });
    expect(r.rows.map((x) => [x.line, x.outcome])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'exists'],
      [5, 'refused'],
      [6, 'refused'],
      [7, 'created'],
      [8, 'refused'],
    ]);
    expect(r.rows[0]!.message).toBe('新建部门（代码 drya）；新建账号（部门填报人）');
    expect(r.rows[0]!.temporaryPassword).toBeTruthy();
    expect(r.rows[3]!.message).toContain('类型“乡”无效');
    expect(r.rows[4]!.message).toBe('用户名“fgj”已被使用');
    expect(r.rows[6]!.message).toContain('不应填写单位名称');
    // A refused row leaves nothing behind, not even its department.
    expect(h.db.select().from(departments).where(eq(departments.name, '陈仓区导入三局')).get()).toBeUndefined();
    expect(h.db.select().from(departments).where(eq(departments.name, '导入镇')).get()).toMatchObject({ kind: 'town', code: 'dryz' });
    expect(userRow('shenhe3')).toMatchObject({ role: 'reviewer', departmentId: null, mustChangePassword: true });
    expect(r).toMatchObject({ created: 3, existing: 1, refused: 3 });
  });

  it('refuses a file without the expected header row', async () => {
    await expect(admin.admin.importDirectory({ file: csv('a,b\n1,2\n') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('the audit log', () => {
  it('records report state changes with the user, role, IP and outcome', async () => {
    const gxj = h.reportId('gxj', h.openYear);
    const g = h.report(gxj);
    await withSession(claimsOf('gxj')).department.recall({ id: gxj, version: g.version });
    expect(lastAudit()).toMatchObject({ action: 'report.recall', username: 'gxj', role: 'department', ip: '10.1.2.3', outcome: 'success', target: `report:${gxj}` });
    expect(lastAudit().detail).toBe('submitted → draft');
  });

  it('records every sign-in outcome (the sign-in handler writes these lines)', () => {
    // authenticate() records auth.signin success and failure through recordAudit; here we check the
    // admin sees them labelled in the list.
    h.db.insert(auditLog).values({ username: 'nobody', action: 'auth.signin', outcome: 'failure', ip: '10.9.9.9', detail: '用户名或密码错误' }).run();
    return admin.audit.list({ action: 'auth.signin', outcome: 'failure', page: 1 }).then((r) => {
      expect(r.rows[0]).toMatchObject({ actionLabel: '登录失败', outcome: 'failure', ip: '10.9.9.9', username: 'nobody' });
    });
  });

  it('filters by person, action and day, and names what each line is about', async () => {
    const r = await admin.audit.list({ username: 'gxj', action: 'report.', page: 1 });
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.every((x) => x.username === 'gxj' && x.action.startsWith('report.'))).toBe(true);
    expect(r.rows[0]!.target).toMatch(/年度报告$/);
    const none = await admin.audit.list({ from: '2001-01-01', to: '2001-01-02', page: 1 });
    expect(none.total).toBe(0);
  });

  it('records its own export', async () => {
    const r = await admin.audit.export({ outcome: 'failure' });
    expect(r.rows.every((x) => x.outcome === 'failure')).toBe(true);
    expect(lastAudit()).toMatchObject({ action: 'export.audit', username: 'admin' });
  });

  it('the database refuses to change or delete a line', () => {
    const id = lastAudit().id;
    expect(() => h.db.$client.prepare('UPDATE audit_log SET outcome = ? WHERE id = ?').run('failure', id)).toThrow(/只允许追加/);
    expect(() => h.db.$client.prepare('DELETE FROM audit_log WHERE id = ?').run(id)).toThrow(/只允许追加/);
    expect(() => h.db.update(auditLog).set({ detail: 'x' }).run()).toThrow(/只允许追加/);
    expect(lastAudit().id).toBe(id);
  });

  it('the application has no procedure that changes or deletes audit lines', () => {
    const audit = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('audit.'));
    expect(audit.sort()).toEqual(['audit.export', 'audit.list']);
  });
});

describe('the admin and report contents', () => {
  const reportEditing = Object.keys(appRouter._def.procedures).filter(
    (p) => p.startsWith('department.') || p.startsWith('review.') || p === 'excel.importDraft',
  );

  it.each(reportEditing)('%s refuses the admin with FORBIDDEN', async (path) => {
    const [ns, name] = path.split('.') as [string, string];
    const caller = admin as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    const id = h.reportId('zfb', h.openYear);
    expect(await codeOf(caller[ns]![name]!({ id, version: h.report(id).version, year: h.openYear, content: h.report(id).content }))).toBe('FORBIDDEN');
  });
});
