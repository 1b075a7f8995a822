import { afterEach, describe, expect, it } from 'vitest';
import { authOptions } from './options';
import { clientIp, trustedForwarding, userAgentOf } from './client-address';

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe('the client address', () => {
  it('without TRUST_PROXY only the address the portal server wrote is used (the last one), syntax checked', () => {
    expect(clientIp({ 'x-forwarded-for': '127.0.0.1' })).toBe('127.0.0.1');
    expect(clientIp({ 'x-forwarded-for': '6.6.6.6, 10.0.0.8' })).toBe('10.0.0.8');
    expect(clientIp({ 'x-forwarded-for': '::ffff:10.0.0.9' })).toBe('10.0.0.9');
    expect(clientIp({ 'x-real-ip': '6.6.6.6' })).toBeNull();
  });

  it('anything that is not an IP address is not stored, however long', () => {
    expect(clientIp({ 'x-forwarded-for': '<script>alert(1)</script>' })).toBeNull();
    expect(clientIp({ 'x-forwarded-for': `1.2.3.4${'0'.repeat(5000)}` })).toBeNull();
    expect(clientIp(new Headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
  });

  it('with TRUST_PROXY=N the address N places from the right is the client', () => {
    process.env.TRUST_PROXY = '2';
    expect(clientIp({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' })).toBe('203.0.113.5');
  });

  it('X-Forwarded-Host is believed only with TRUST_PROXY', () => {
    const h = { host: 'portal.local', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    expect(trustedForwarding(h)).toEqual({ host: 'portal.local', proto: 'http' });
    process.env.TRUST_PROXY = 'true';
    expect(trustedForwarding(h)).toEqual({ host: 'evil.example', proto: 'https' });
  });

  it('the browser name is bounded and has no control characters', () => {
    expect(userAgentOf({ 'user-agent': `A\nB${'x'.repeat(1000)}` })).toHaveLength(256);
    expect(userAgentOf({ 'user-agent': 'A\nB' })).toBe('A B');
  });
});

describe('next-auth callbackUrl handling (callbacks.redirect)', () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: 'http://127.0.0.1:3000' });
  it.each([
    ['/dept', 'http://127.0.0.1:3000/dept'],
    ['http://127.0.0.1:3000/review', 'http://127.0.0.1:3000/review'],
    ['https://evil.example/', 'http://127.0.0.1:3000/home'],
    ['//evil.example', 'http://127.0.0.1:3000/home'],
    ['/\\evil.example', 'http://127.0.0.1:3000/home'],
    ['/%09/evil.example', 'http://127.0.0.1:3000/home'],
    ['http://[', 'http://127.0.0.1:3000/home'],
    ['not a url at all', 'http://127.0.0.1:3000/home'],
  ])('%s lands on %s and never throws', async (url, expected) => {
    expect(await redirect(url)).toBe(expected);
  });
});
