import { describe, expect, it } from 'vitest';
import { isMalformedCallback, safeCallbackPath, safeRedirectPath } from './redirect';

describe('redirects after sign-in go only to paths of this site', () => {
  it.each(['/dept', '/review?year=2026', '/dept/reports/12#notes', '/account/password?from=%2Fdept'])('%s is kept', (p) => {
    expect(safeRedirectPath(p)).toBe(p);
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/%09/evil.example',
    '/%5Cevil.example',
    '/%2F%2Fevil.example'.replace('/%2F', '/'),
    '/%252F/evil.example',
    '/\t/evil.example',
    'https://evil.example/dept',
    'http:evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
    '/%E0%A4%A',
    `/${'a'.repeat(2000)}`,
  ])('%s is refused (the caller uses the home page)', (p) => {
    expect(safeRedirectPath(p)).toBeNull();
  });

  it('next-auth callbackUrls: same-origin absolute URLs become paths; other hosts and garbage do not', () => {
    const base = 'http://127.0.0.1:3000';
    expect(safeCallbackPath('http://127.0.0.1:3000/dept?x=1', base)).toBe('/dept?x=1');
    expect(safeCallbackPath('/review', base)).toBe('/review');
    expect(safeCallbackPath('http://127.0.0.1:3000.evil.example/', base)).toBeNull();
    expect(safeCallbackPath('http://user@127.0.0.1:3000/', base)).toBeNull();
    expect(safeCallbackPath('https://127.0.0.1:3000/', base)).toBeNull();
    expect(safeCallbackPath('http://[', base)).toBeNull();
    expect(safeCallbackPath('//evil.example', base)).toBeNull();
    expect(safeCallbackPath(undefined, base)).toBeNull();
  });

  it('a callbackUrl that cannot be read is recognised as malformed', () => {
    expect(isMalformedCallback('http://[')).toBe(true);
    expect(isMalformedCallback('/%E0%A4%A')).toBe(true);
    expect(isMalformedCallback('/a\u0000b')).toBe(true);
    expect(isMalformedCallback('https://evil.example/')).toBe(false);
    expect(isMalformedCallback('/dept')).toBe(false);
  });
});
