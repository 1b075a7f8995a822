import { describe, expect, it } from 'vitest';
import { diffContent, textChangeSpan } from './diff';
import { makeReport, realisticReport } from './fixtures';

describe('diffContent', () => {
  it('finds nothing between a report and an identical copy', () => {
    expect(diffContent(realisticReport(), realisticReport())).toEqual([]);
  });

  it('names a changed request cell by its target and official location, with both values', () => {
    const before = realisticReport();
    const after = makeReport({ requests: { newReceived: [703, 98, 6, 9, 31, 13] } });
    expect(diffContent(before, after)).toEqual([
      {
        target: 'requests.newReceived.natural',
        label: '三、“一、本年新收政府信息公开申请数量”第1列（自然人）',
        kind: 'cell',
        before: 702,
        after: 703,
      },
    ]);
  });

  it('lists proactive, review and fee cells, and a cell filled in where it was empty', () => {
    const before = makeReport({ proactive: { fees: { amount: null } } });
    const after = makeReport({ proactive: { fees: { amount: 18.9 }, licensing: { decisions: 1300 } }, reviews: { review: { pending: 2 } } });
    expect(diffContent(before, after).map((c) => [c.target, c.before, c.after])).toEqual([
      ['proactive.licensing.decisions', 1256, 1300],
      ['proactive.fees.amount', null, 18.9],
      ['reviews.review.pending', 1, 2],
    ]);
  });

  it('lists changed text sections with the whole text before and after, in reading order', () => {
    const before = realisticReport();
    const after = makeReport({ problems: '新的问题。', overview: { request: '本年度未收到申请。' } });
    const changes = diffContent(before, after);
    expect(changes.map((c) => c.target)).toEqual(['text.overview.request', 'text.problems']);
    expect(changes[0]).toMatchObject({ kind: 'text', label: '一、总体情况（二）依申请公开', after: '本年度未收到申请。' });
    expect(changes[1]!.before).toBe(before.problems);
  });

  it('ignores trailing spaces and line-ending differences in text', () => {
    const before = realisticReport();
    const after = makeReport({ other: `${before.other}  \r\n` });
    expect(diffContent(before, after)).toEqual([]);
  });

  it('reports a changed contact field', () => {
    const after = makeReport({ contact: { phone: '0917-6219999' } });
    expect(diffContent(realisticReport(), after)).toEqual([
      { target: 'contact.phone', label: '联系方式·电话', kind: 'contact', before: '0917-6210000', after: '0917-6219999' },
    ]);
  });

  it('does not fail on imported content that lacks a field', () => {
    const broken = realisticReport() as unknown as Record<string, unknown>;
    delete broken.reviews;
    const changes = diffContent(broken as never, realisticReport());
    expect(changes.filter((c) => c.target.startsWith('reviews.')).length).toBeGreaterThan(0);
  });
});

describe('textChangeSpan', () => {
  it('isolates the changed middle of a sentence', () => {
    expect(textChangeSpan('共收到申请12件。', '共收到申请13件。')).toEqual({ prefix: '共收到申请1', removed: '2', added: '3', suffix: '件。' });
  });

  it('shows an insertion with nothing removed', () => {
    expect(textChangeSpan('甲丙', '甲乙丙')).toEqual({ prefix: '甲', removed: '', added: '乙', suffix: '丙' });
  });

  it('treats completely different texts as one replacement', () => {
    expect(textChangeSpan('旧', '新')).toEqual({ prefix: '', removed: '旧', added: '新', suffix: '' });
  });
});
