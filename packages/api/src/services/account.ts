import { eq, hashPassword, sql, users, verifyPassword, type Db } from '@ccgov/db';
import { z } from 'zod';
import { AppError } from '../errors';
import { audit, type Actor } from './audit-trail';
import { newPasswordSchema } from './passwords';

export const changePasswordInput = z.strictObject({
  current: z.string().min(1, { error: '请输入当前密码' }).max(200),
  next: newPasswordSchema,
});

/**
 * 修改密码: the signed-in person sets a new password (required after a reset or for a new
 * account). Every session, this one included, ends; the page signs in again with the new password.
 */
export async function changePassword(db: Db, actor: Actor, input: z.infer<typeof changePasswordInput>) {
  const u = db.select().from(users).where(eq(users.id, actor.user.id)).get();
  if (!u) throw new AppError('UNAUTHORIZED', '请先登录');
  if (!(await verifyPassword(input.current, u.passwordHash))) {
    audit(db, actor, { action: 'user.change_password', target: `user:${u.id}`, outcome: 'failure', detail: '当前密码不正确' });
    throw new AppError('BAD_REQUEST', '当前密码不正确');
  }
  if (input.next === input.current) throw new AppError('BAD_REQUEST', '新密码不能与当前密码相同');
  if (input.next.toLowerCase().includes(u.username.toLowerCase())) throw new AppError('BAD_REQUEST', '新密码不能包含用户名');
  const hash = await hashPassword(input.next);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash: hash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, u.id))
      .run();
    audit(tx, actor, { action: 'user.change_password', target: `user:${u.id}`, detail: u.username });
  });
  return { username: u.username };
}
