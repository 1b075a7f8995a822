import { randomInt } from 'node:crypto';
import { z } from 'zod';

// No 0/O, 1/l/I: a temporary password is read off the screen and typed in by hand.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A temporary password (shown once to the admin; the user must change it at next sign-in). */
export function temporaryPassword(length = 12): string {
  const all = LOWER + UPPER + DIGITS;
  const chars = [UPPER[randomInt(UPPER.length)]!, DIGITS[randomInt(DIGITS.length)]!, LOWER[randomInt(LOWER.length)]!];
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export const PASSWORD_RULE = '密码至少8位，须同时包含字母和数字';

/** A password a person chooses: long enough and not only letters or only digits. */
export const newPasswordSchema = z
  .string()
  .min(8, { error: PASSWORD_RULE })
  .max(128, { error: '密码不能超过128位' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: PASSWORD_RULE });
