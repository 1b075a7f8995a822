import { describe, expect, it } from 'vitest';
import { checkReport } from './checker';
import { readStatements } from './narrative';
import { NARRATIVE_CORPUS, type CorpusSentence, type Facts } from './checker-corpus/narrative-corpus';
import { changeNumber, reportWithFacts } from './checker-corpus/build';

const narrativeWarnings = (s: CorpusSentence, text = s.text, tables: Facts = s.tables) =>
  checkReport({ year: 2024, body: '陈仓区数据局', content: reportWithFacts(tables, text, s.section) }).warnings.filter((w) => w.rule === 8);

/** What else changes in the table so that a lie about one figure keeps the table consistent. */
const LIE_BALANCE: Partial<Record<string, (t: Facts) => Facts>> = {
  received: () => ({ handled: 2 }),
  carriedIn: (t) => ({ carriedOver: (t.carriedOver ?? 0) + 2 }),
  carriedOver: (t) => ({ carriedIn: (t.carriedIn ?? 0) + 2 }),
};

/** Every false variant of a sentence: each stated number changed, or (statements of none) the table. */
function lies(s: CorpusSentence): { what: string; text: string; tables: Facts }[] {
  return s.reads.map(([q, n, at]) =>
    at
      ? { what: `${q} ${n}→${n + 1}`, text: changeNumber(s.text, at), tables: s.tables }
      : { what: `${q} 0 in the table → 2`, text: s.text, tables: { ...s.tables, [q]: 2, ...LIE_BALANCE[q]?.(s.tables) } },
  );
}

const truthful = NARRATIVE_CORPUS.filter((s) => !s.conflict);
const real = (s: CorpusSentence) => !s.source.startsWith('constructed');

describe('rule 8 corpus: sentences of published reports', () => {
  it('holds at least 60 distinct real sentences from many bodies and the years 2021–2025', () => {
    const sentences = new Set(NARRATIVE_CORPUS.filter(real).flatMap((s) => s.text.split(/(?<=[。！？])/).filter((x) => x.trim())));
    expect(sentences.size).toBeGreaterThanOrEqual(60);
    expect(new Set(NARRATIVE_CORPUS.map((s) => s.source)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(NARRATIVE_CORPUS.map((s) => s.year))).toEqual(new Set([2021, 2022, 2023, 2024, 2025]));
  });

  describe.each(truthful.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    it('is read as the statements it makes', () => {
      const found = readStatements(s.text);
      for (const [q, n] of s.reads) {
        expect(found.some((f) => f.value === n && f.quantities.includes(q)), `${q} = ${n} in ${JSON.stringify(found)}`).toBe(true);
      }
    });

    it('raises no warning against tables that agree with it', () => {
      expect(narrativeWarnings(s)).toEqual([]);
    });

    if (s.reads.length > 0) {
      it('raises a warning when one of its numbers is changed', () => {
        for (const lie of lies(s)) expect(narrativeWarnings(s, lie.text, lie.tables), lie.what).not.toEqual([]);
      });
    }
  });

  it('reports the real conflicts of published reports against their own tables', () => {
    for (const s of NARRATIVE_CORPUS.filter((x) => x.conflict)) expect(narrativeWarnings(s), s.id).not.toEqual([]);
  });

  it('catches at least 90 % of false sentences and raises a false alarm on at most 1 % of true ones', () => {
    const variants = truthful.flatMap((s) => lies(s).map((lie) => ({ s, lie })));
    const caught = variants.filter(({ s, lie }) => narrativeWarnings(s, lie.text, lie.tables).length > 0);
    const alarms = truthful.filter((s) => narrativeWarnings(s).length > 0);
    const missed = variants.filter((v) => !caught.includes(v)).map(({ s, lie }) => `${s.id}: ${lie.what}`);
    // The measured rates are printed for the note.
    console.info(
      `rule 8 corpus: ${truthful.length} true sentences, ${alarms.length} false alarms (${((alarms.length / truthful.length) * 100).toFixed(1)} %); ` +
        `${variants.length} false variants, ${caught.length} caught (${((caught.length / variants.length) * 100).toFixed(1)} %)` +
        (missed.length ? `; missed: ${missed.join('; ')}` : ''),
    );
    expect(caught.length / variants.length).toBeGreaterThanOrEqual(0.9);
    expect(alarms.length / truthful.length).toBeLessThanOrEqual(0.01);
  });
});

describe('rule 8 messages', () => {
  it('names the figure in words and both numbers', () => {
    const s = NARRATIVE_CORPUS.find((x) => x.id === 'datong-2021')!;
    const [w] = narrativeWarnings(s, s.text.replace('结转下年3件', '结转下年4件'));
    expect(w?.key).toBe('narrative.carriedOver:text.overview.request');
    expect(w?.message).toBe('一、总体情况（二）依申请公开：文中“结转下年4件”（4）≠ 表三“四、结转下年度继续办理”总计（3）');
  });

  it('compares 未发生…被行政复议纠错 with 结果纠正, not with the number of cases', () => {
    const s = NARRATIVE_CORPUS.find((x) => x.id === 'constructed-no-correction')!;
    expect(narrativeWarnings(s)).toEqual([]);
    const [w] = narrativeWarnings(s, s.text, { review: 2, 'review.corrected': 1 });
    expect(w?.message).toContain('表四“行政复议”“结果纠正”（1）');
  });
});
