import { describe, expect, it } from 'vitest';
import { realisticReport } from './fixtures';
import { standardOpening } from './format';
import { prefillFromPrevious } from './prefill';

describe('prefill from last year', () => {
  const previous = realisticReport();

  it('carries last year’s 结转下年度 into this year’s 上年结转, column by column', () => {
    const c = prefillFromPrevious(2026, '陈仓区数据局', previous, false);
    expect(c.requests.carriedIn).toEqual(previous.requests.carriedOver);
    expect(c.requests.newReceived).toEqual([null, null, null, null, null, null]);
  });

  it('keeps the 现行有效件数 and the contact, and writes the standard opening for this year', () => {
    const c = prefillFromPrevious(2026, '陈仓区数据局', previous, false);
    expect(c.proactive.rules.inForce).toBe(previous.proactive.rules.inForce);
    expect(c.proactive.normativeDocs.inForce).toBe(previous.proactive.normativeDocs.inForce);
    expect(c.proactive.rules.issued).toBeNull();
    expect(c.contact).toEqual(previous.contact);
    expect(c.opening).toBe(standardOpening({ year: 2026, body: '陈仓区数据局', contact: previous.contact }));
  });

  it('copies the text only when asked to', () => {
    expect(prefillFromPrevious(2026, '陈仓区数据局', previous, false).problems).toBe('');
    const copied = prefillFromPrevious(2026, '陈仓区数据局', previous, true);
    expect(copied.problems).toBe(previous.problems);
    expect(copied.overview).toEqual(previous.overview);
    expect(copied.other).toBe(previous.other);
  });

  it('without last year’s report names the body itself as the contact unit', () => {
    const c = prefillFromPrevious(2026, '陈仓区某某局', null, true);
    expect(c.contact.unit).toBe('陈仓区某某局');
    expect(c.requests.carriedIn).toEqual([null, null, null, null, null, null]);
  });
});
