import { describe, expect, it } from 'vitest';
import { realisticReport } from './fixtures';
import { standardOpening } from './format';
import { withContactField, withStandardOpening } from './opening';

const ctx = { year: 2026, body: '陈仓区数据局' };

describe('the opening follows the contact', () => {
  it('while it is the standard wording, a new phone number is written into it', () => {
    const base = realisticReport();
    const content = { ...base, opening: standardOpening({ ...ctx, contact: base.contact }) };
    const next = withContactField(content, ctx, 'phone', '0917-0000000');
    expect(next.contact.phone).toBe('0917-0000000');
    expect(next.opening).toContain('办公电话：0917-0000000');
  });

  it('once the clerk has rewritten it, it stays as they wrote it', () => {
    const content = { ...realisticReport(), opening: '本单位自行撰写的开头。' };
    const next = withContactField(content, ctx, 'person', '王五');
    expect(next.contact.person).toBe('王五');
    expect(next.opening).toBe('本单位自行撰写的开头。');
  });

  it('can be restored to the standard wording for the current contact', () => {
    const content = { ...realisticReport(), opening: '本单位自行撰写的开头。' };
    expect(withStandardOpening(content, ctx).opening).toBe(standardOpening({ ...ctx, contact: content.contact }));
  });
});
