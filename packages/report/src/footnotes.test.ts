import { describe, expect, it } from 'vitest';
import { checkReport } from './checker';
import { makeReport, realisticReport } from './fixtures';
import { caliberFootnotes, caliberText, isCaliberNote } from './footnotes';
import { checkPanelItems, panelItemCount } from './panel';

/** This year's realistic report against a year with 80 new requests: R10 flags the ×10 swing. */
function swing() {
  const previous = makeReport({ requests: { newReceived: [80, 0, 0, 0, 0, 0], carriedOver: [14, 3, 0, 0, 1, 0] } }, realisticReport({ year: 2023 }));
  previous.proactive.normativeDocs.inForce = 10;
  return checkReport({ year: 2024, body: '陈仓区市场监督管理局', content: realisticReport(), previous: { year: 2023, content: previous } }).warnings;
}
const SWING_KEY = 'previous.swing:requests.newReceived.total';

describe('口径变化 footnotes', () => {
  it('a 说明 beginning with 口径变化 on a swing flagged by rule 10 becomes a footnote beside that figure', () => {
    const notes = caliberFootnotes(swing(), { [SWING_KEY]: '口径变化：自2024年起，12345热线转来的申请也计入本表。' });
    expect(notes).toEqual([{ n: 1, figureKey: 'requests.newReceived.total', table: 'requests', text: '自2024年起，12345热线转来的申请也计入本表。', code: 'previous.swing' }]);
  });

  it('an ordinary 说明 stays between the department and the reviewer', () => {
    expect(caliberFootnotes(swing(), { [SWING_KEY]: '本年申请确实大幅增加，系征地拆迁集中。' })).toEqual([]);
  });

  it('a note on a warning the published figures no longer raise is not shown', () => {
    const previous = realisticReport({ year: 2023 });
    const { warnings } = checkReport({ year: 2024, body: 'x', content: realisticReport(), previous: { year: 2023, content: previous } });
    expect(caliberFootnotes(warnings, { [SWING_KEY]: '口径变化：旧的说明。' })).toEqual([]);
  });

  it('a 口径变化 note on a text warning (no figure to stand beside) is not a footnote', () => {
    const w = [{ rule: 10, severity: 'warning' as const, code: 'previous.sameText', target: 'text.problems', key: 'previous.sameText:text.problems', message: '' }];
    expect(caliberFootnotes(w, { 'previous.sameText:text.problems': '口径变化：x' })).toEqual([]);
  });

  it('numbers notes in the order of the figures, whatever the order of the warnings', () => {
    const w = [
      { rule: 7, severity: 'warning' as const, code: 'crossYear.carriedIn', target: 'requests.carriedIn.natural', key: 'a', message: '' },
      { rule: 12, severity: 'warning' as const, code: 'crossYear.inForce', target: 'proactive.normativeDocs.inForce', key: 'b', message: '' },
    ];
    const notes = caliberFootnotes(w, { a: '【口径变化】上年结转改按受理日期统计', b: '口径变化' });
    expect(notes.map((n) => [n.n, n.figureKey, n.text])).toEqual([
      [1, 'proactive.normativeDocs.inForce', '统计口径变化。'],
      [2, 'requests.carriedIn.natural', '上年结转改按受理日期统计'],
    ]);
  });

  it('recognises the mark with or without colon or brackets, only at the start', () => {
    expect(isCaliberNote('口径变化：…')).toBe(true);
    expect(isCaliberNote(' （口径变化）…')).toBe(true);
    expect(isCaliberNote('因口径变化…')).toBe(false);
    expect(isCaliberNote(undefined)).toBe(false);
    expect(caliberText('口径变化: 改为按件统计')).toBe('改为按件统计');
  });
});

describe('the 校验结果 panel counts what it lists', () => {
  const missing = (target: string) => ({ code: 'value.missing', target, message: '' });

  it('a new report’s blank cells are one item per table, not one per cell', () => {
    const errors = [
      missing('proactive.rules.issued'),
      missing('proactive.rules.repealed'),
      missing('requests.newReceived.natural'),
      missing('requests.granted.natural'),
      missing('requests.granted.commercial'),
      missing('reviews.review.upheld'),
      { code: 'text.required', target: 'text.problems', message: '五、…：未填写' },
    ];
    const items = checkPanelItems(errors);
    expect(items.blanks.map((b) => [b.heading, b.count, b.firstTarget])).toEqual([
      ['二、主动公开政府信息情况', 2, 'proactive.rules.issued'],
      ['三、收到和处理政府信息公开申请情况', 3, 'requests.newReceived.natural'],
      ['四、政府信息公开行政复议、行政诉讼情况', 1, 'reviews.review.upheld'],
    ]);
    expect(items.listed.map((e) => e.target)).toEqual(['text.problems']);
    expect(items.blankCells).toBe(6);
    expect(items.count).toBe(4);
    expect(panelItemCount(errors)).toBe(4);
  });

  it('a report with one slip counts one', () => {
    expect(panelItemCount([{ code: 'requests.balance', target: 'requests.col.natural' }])).toBe(1);
    expect(panelItemCount([])).toBe(0);
  });

  it('a blank contact field is its own item (it is not a table cell)', () => {
    const items = checkPanelItems([missing('contact.person'), missing('requests.carriedOver.other')]);
    expect(items.count).toBe(2);
    expect(items.listed.map((e) => e.target)).toEqual(['contact.person']);
  });
});
