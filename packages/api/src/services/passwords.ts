import { randomInt } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, passwordProblems } from '@ccgov/auth';
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

/**
 * A password a person chooses: at least 10 characters with 3 of the 4 classes (the shared policy of
 * packages/auth). The username and the last five passwords are checked where they are known.
 */
export const newPasswordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH, { error: `密码不能超过${PASSWORD_MAX_LENGTH}位` })
  .superRefine((p, ctx) => {
    for (const message of passwordProblems(p)) ctx.addIssue({ code: 'custom', message });
  });
