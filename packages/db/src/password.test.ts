import { afterEach, describe, expect, it } from 'vitest';
import { bcryptCost, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  const saved = process.env.BCRYPT_COST;
  afterEach(() => {
    if (saved === undefined) delete process.env.BCRYPT_COST;
    else process.env.BCRYPT_COST = saved;
  });

  it('verifies the right password and rejects a wrong one', async () => {
    process.env.BCRYPT_COST = '4';
    const hash = await hashPassword('Demo@12345');
    expect(hash).not.toContain('Demo@12345');
    expect(await verifyPassword('Demo@12345', hash)).toBe(true);
    expect(await verifyPassword('demo@12345', hash)).toBe(false);
  });

  it('uses cost 10 unless BCRYPT_COST lowers it, never below 4', () => {
    delete process.env.BCRYPT_COST;
    expect(bcryptCost()).toBe(10);
    process.env.BCRYPT_COST = '6';
    expect(bcryptCost()).toBe(6);
    process.env.BCRYPT_COST = '1';
    expect(bcryptCost()).toBe(4);
  });
});
