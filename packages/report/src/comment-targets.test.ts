import { describe, expect, it } from 'vitest';
import { commentCovers, commentTargetLabel, isCommentTarget, markAnsweredChanges, sectionCommentTargets } from './comment-targets';

describe('comment targets', () => {
  it.each([
    'requests.newReceived.natural',
    'requests.carriedOver.total',
    'requests.resultTotal.other',
    'requests.withheld3',
    'requests.col.total',
    'proactive.fees.amount',
    'reviews.suitDirect.total',
    'text.overview.active',
    'text.problems',
    'table.requests',
    'contact.phone',
  ])('accepts %s', (target) => {
    expect(isCommentTarget(target)).toBe(true);
  });

  it.each(['requests.newReceived.6', 'requests.nothing.natural', 'requests.col.7', 'proactive.fees.decisions', 'text.nothing', 'table.other', 'contact', '<script>', ''])(
    'refuses %s',
    (target) => {
      expect(isCommentTarget(target)).toBe(false);
    },
  );

  it('describes a cell, a whole row and a whole table in the official wording', () => {
    expect(commentTargetLabel('requests.newReceived.natural')).toBe('三、“一、本年新收政府信息公开申请数量”第1列（自然人）');
    expect(commentTargetLabel('requests.withheld3')).toBe('三、“（三）不予公开3.危及“三安全一稳定””（整行）');
    expect(commentTargetLabel('table.reviews')).toBe('四、政府信息公开行政复议、行政诉讼情况（整表）');
    expect(commentTargetLabel('text.problems')).toBe('五、存在的主要问题及改进情况');
  });

  it('offers every section and table as a place for a comment, each a valid target', () => {
    const targets = sectionCommentTargets();
    expect(targets.map((t) => t.target)).toContain('text.overview.platform');
    expect(targets.map((t) => t.target)).toContain('table.proactive');
    expect(targets.every((t) => isCommentTarget(t.target))).toBe(true);
  });
});

describe('commentCovers (which changes of a resubmission answer a comment)', () => {
  it('a comment on a cell, its row, its column, its table or a 总计 it adds up to is answered by a change there', () => {
    const cell = 'requests.granted.natural';
    for (const t of [cell, 'requests.granted', 'requests.granted.total', 'requests.col.natural', 'requests.resultTotal.natural', 'table.requests']) {
      expect(commentCovers(t, cell), t).toBe(true);
    }
    expect(commentCovers('reviews.review.total', 'reviews.review.upheld')).toBe(true);
    expect(commentCovers('text.problems', 'text.problems')).toBe(true);
  });

  it('a change elsewhere is not asked for', () => {
    const cell = 'requests.granted.natural';
    for (const t of ['requests.partial.natural', 'requests.partial', 'requests.col.legal', 'requests.resultTotal.legal', 'table.reviews', 'text.overview.request']) {
      expect(commentCovers(t, cell), t).toBe(false);
    }
    expect(commentCovers('requests.resultTotal.natural', 'requests.newReceived.natural')).toBe(false);
    expect(commentCovers('reviews.review.total', 'reviews.suitDirect.upheld')).toBe(false);
  });

  it('marks each change of a resubmission', () => {
    const marked = markAnsweredChanges([{ target: 'requests.granted.natural' }, { target: 'proactive.rules.issued' }], ['requests.granted']);
    expect(marked.map((c) => c.answersComment)).toEqual([true, false]);
  });
});
