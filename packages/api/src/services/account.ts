import { accountsChanged, endUserSessions, PASSWORD_HISTORY, PASSWORD_MAX_LENGTH, passwordProblems } from '@ccgov/auth';
import { desc, eq, hashPassword, passwordHistory, sql, users, verifyPassword, type Db } from '@ccgov/db';
import { z } from 'zod';
import { AppError } from '../errors';
import { audit, type Actor } from './audit-trail';

export const changePasswordInput = z.strictObject({
  current: z.string().min(1, { error: '请输入当前密码' }).max(200),
  next: z.string().min(1, { error: '请输入新密码' }).max(PASSWORD_MAX_LENGTH, { error: `密码不能超过${PASSWORD_MAX_LENGTH}位` }),
});

/** The hashes a new password may not match: the current one and the ones before it (five in all). */
export function recentPasswordHashes(db: Db, userId: number, currentHash: string): string[] {
  const earlier = db
    .select({ h: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY - 1)
    .all()
    .map((r) => r.h);
  return [currentHash, ...earlier];
}

/**
 * 修改密码: the signed-in person sets a new password (required after a reset or for a new
 * account). The policy (length, classes, no username, not one of the last five) is checked here;
 * every session, this one included, ends; the page signs in again with the new password.
 */
export async function changePassword(db: Db, actor: Actor, input: z.infer<typeof changePasswordInput>) {
  const u = db.select().from(users).where(eq(users.id, actor.user.id)).get();
  if (!u) throw new AppError('UNAUTHORIZED', '请先登录');
  if (!(await verifyPassword(input.current, u.passwordHash))) {
    audit(db, actor, { action: 'user.change_password', target: `user:${u.id}`, outcome: 'failure', detail: '当前密码不正确' });
    throw new AppError('BAD_REQUEST', '当前密码不正确');
  }
  const problems = passwordProblems(input.next, u.username);
  if (problems.length) throw new AppError('BAD_REQUEST', `${problems.join('；')}`);
  if (input.next === input.current) throw new AppError('BAD_REQUEST', '新密码不能与当前密码相同');
  for (const hash of recentPasswordHashes(db, u.id, u.passwordHash)) {
    if (await verifyPassword(input.next, hash)) throw new AppError('BAD_REQUEST', `新密码不能与最近${PASSWORD_HISTORY}次使用过的密码相同`);
  }
  const hash = await hashPassword(input.next);
  db.transaction((tx) => {
    tx.insert(passwordHistory).values({ userId: u.id, passwordHash: u.passwordHash }).run();
    tx.update(users)
      .set({ passwordHash: hash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, u.id))
      .run();
    endUserSessions(tx, u.id, 'password');
    audit(tx, actor, { action: 'user.change_password', target: `user:${u.id}`, detail: u.username });
  });
  accountsChanged();
  return { username: u.username };
}
