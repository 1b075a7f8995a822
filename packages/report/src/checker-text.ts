/**
 * Checker rules that read the free text: 8 (narrative against numbers), 9 (year mentions) and
 * 11 (错敏词). The patterns follow how these reports are customarily written; they are meant to
 * catch the common slip (a count copied from last year, a year not updated), not to parse Chinese.
 * Everything here is a warning, so a miss or a false alarm costs a reviewer a glance, no more.
 */
import { parseTextNumber, quantityLabel, quantityValue, readStatements, type Statement } from './narrative';
import type { ReportContent } from './content';
import type { ComputedTotals } from './totals';
import { TEXT_SECTIONS, type TextSection } from './targets';
import { makeIssue, type CheckIssue, type SensitiveWord } from './issues';

export { parseTextNumber } from './narrative';

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

// ---------------------------------------------------------------------------------------------
// Rule 8: narrative against numbers (the reading itself is in narrative.ts)
// ---------------------------------------------------------------------------------------------
/** The issue code of a statement: the names rule 8 has always used, then one per figure. */
function narrativeCode(s: Statement): string {
  const q = s.quantities[0]!;
  if (q === 'received') return s.value === 0 ? 'narrative.noRequests' : 'narrative.received';
  if (q === 'inHand' || q === 'handled') return 'narrative.handled';
  if (q === 'suits') return 'narrative.lawsuit';
  if (q.startsWith('suits.')) return `narrative.lawsuit.${q.slice('suits.'.length)}`;
  return `narrative.${q}`;
}

/** `numbers` holds the valid figures (the checker's cleaned copy); the text is read from `content`. */
export function checkNarrative(content: ReportContent, totals: ComputedTotals, numbers: ReportContent = content): CheckIssue[] {
  const out: CheckIssue[] = [];
  for (const s of TEXT_SECTIONS) {
    for (const st of readStatements(s.read(content))) {
      const values = st.quantities.map((q) => quantityValue(q, numbers, totals));
      if (values.includes(st.value)) continue;
      const q = st.quantities[0]!;
      const words = st.value === 0 && st.quote.length > 12 ? `${short(st.quote)}”（0件）` : `${short(st.quote)}”（${st.value}）`;
      out.push(makeIssue(8, 'warning', narrativeCode(st), s.target, `${s.label}：文中“${words}≠ ${quantityLabel(q)}（${values[0]}）`));
    }
    // Section 六's 信息处理费 is not table 二's 行政事业性收费: never compared (narrative.ts reads no fee).
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 9: year mentions
// ---------------------------------------------------------------------------------------------
const Y = '[0-9０-９]{4}|[〇零一二三四五六七八九]{4}';
const YEAR = new RegExp(`(${Y})\\s*年`, 'g');
/**
 * The statistical-period sentence in the ways reports write it: 统计期限/时限/周期/时间范围…,
 * 统计数据的期限, 数据统计时间为…, 本报告统计数据从…, 内容涵盖…期间.
 */
const PERIOD =
  /统计(?:期限|时限|期间|区间|周期|时间范围|时间段|时段|时间|截止时间)|统计期(?=为|自|从|是)|统计数据的?(?:期限|时限|时间|期间|范围)|数据统计(?:时间|期限|时限|区间|周期|范围)|统计数据(?:从|自|为)|报告期(?:为|自|从)|涵盖(?=[^。]{0,40}期间)/;
/** The report naming itself: 现将《XX2024年政府信息公开工作年度报告》公布如下, 特编制…2024年政府信息公开工作年度报告. */
const OWN_TITLE = new RegExp(
  `(?:现将|现公布|现予公布|现予发布|特编制|编制了?|编制完成|形成)[^。，,；;]{0,40}?(${Y})\\s*年度?的?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)`,
  'g',
);
/** A range of years (2021—2025年, 2024－2027年): part of a plan's or a document's name, not a slip. */
const YEAR_RANGE = new RegExp(`(${Y})\\s*年?\\s*[—–\\-－~～至到]\\s*(${Y})\\s*年`, 'g');

const yearOf = (raw: string) => parseTextNumber(raw);

function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => yearOf(m[1]!)).filter((y): y is number => y !== null);
}

function sentences(text: string): string[] {
  return text.split(/[。！!？?\n]/).filter((s) => s.trim() !== '');
}

/**
 * Years later than the next one that are not a plan's horizon: years inside a document title
 * 《…》, the end of a range (规划（2021—2025年）), a target (到2027年, 2035年远景目标) are left alone.
 */
export function lateYears(text: string, year: number): number[] {
  const skipped = new Set<number>();
  // Offsets inside 《…》.
  for (const m of text.matchAll(/《[^《》]*》/g)) for (let i = m.index; i < m.index + m[0].length; i++) skipped.add(i);
  for (const m of text.matchAll(YEAR_RANGE)) {
    const from = yearOf(m[1]!);
    if (from !== null && from <= year + 1) for (let i = m.index; i < m.index + m[0].length; i++) skipped.add(i);
  }
  const out: number[] = [];
  for (const m of text.matchAll(YEAR)) {
    const y = yearOf(m[1]!);
    if (y === null || y <= year + 1 || skipped.has(m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (/(?:到|至|力争|展望|截至)$/.test(before) || /^(?:远景|愿景|前|以前|年底前)/.test(after)) continue;
    out.push(y);
  }
  return unique(out);
}

/**
 * Years other than the report year in the opening, outside document names 《…》, the period
 * sentence (checked on its own) and dates of regulations (2019年修订, 2019年5月15日起施行).
 */
function otherYears(text: string, year: number, periodSentence: string | null): number[] {
  const masked = (periodSentence ? text.replace(periodSentence, '') : text).replace(/《[^《》]*》/g, '').replace(OWN_TITLE, '');
  const out: number[] = [];
  for (const m of masked.matchAll(YEAR)) {
    const y = yearOf(m[1]!);
    const after = masked.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (y === null || y === year || /^(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:修订|修正|起?施行|颁布|印发|公布)/.test(after)) continue;
    out.push(y);
  }
  return unique(out);
}

/** The statistical period: its sentence from the keyword on (统计期限为2024年1月1日至…). */
function periodSpan(sentence: string): string {
  const m = PERIOD.exec(sentence);
  return m ? sentence.slice(m.index) : sentence;
}
const periodYears = (sentence: string) => yearsIn(periodSpan(sentence));

export function checkYearMentions(year: number, content: ReportContent): CheckIssue[] {
  const out: CheckIssue[] = [];
  const opening = TEXT_SECTIONS[0]!;
  const openingText = opening.read(content);

  // An empty opening is already a rule 6 error; do not pile a warning on it.
  if (openingText.trim() !== '') {
    const period = findPeriodSentence(content);
    const others = otherYears(openingText, year, period?.section === opening ? periodSpan(period.sentence) : null);
    if (!yearsIn(openingText).includes(year)) {
      out.push(makeIssue(9, 'warning', 'year.opening', opening.target, `${opening.label}：未写明报告年度${year}年`));
    } else if (others.length > 0) {
      out.push(makeIssue(9, 'warning', 'year.opening', opening.target,
        `${opening.label}：出现${others.map((y) => `“${y}年”`).join('、')}，报告年度为${year}年，请核实是否沿用了其他年份的报告`));
    }
    const titled = unique([...openingText.matchAll(OWN_TITLE)].map((m) => yearOf(m[1]!)).filter((y): y is number => y !== null && y !== year));
    if (titled.length > 0) {
      out.push(makeIssue(9, 'warning', 'year.title', opening.target,
        `${opening.label}：文中报告名称写的是${titled.map((y) => `${y}年`).join('、')}，报告年度为${year}年`));
    }
    if (!period) {
      out.push(makeIssue(9, 'warning', 'year.periodMissing', opening.target,
        `${opening.label}：未找到统计期限的说明（应为“统计期限从${year}年1月1日起至${year}年12月31日止”）`));
    } else {
      const years = periodYears(period.sentence);
      const wrong = years.filter((y) => y !== year);
      if (years.length === 0 || wrong.length > 0) {
        out.push(makeIssue(9, 'warning', 'year.period', period.section.target,
          `${period.section.label}：统计期限写的是${years.length ? `${unique(years).join('、')}年` : '（未写年份）'}，报告年度为${year}年`));
      }
    }
  }

  for (const s of TEXT_SECTIONS) {
    const late = lateYears(s.read(content), year);
    if (late.length > 0) {
      out.push(makeIssue(9, 'warning', 'year.future', s.target,
        `${s.label}：出现${late.map((y) => `“${y}年”`).join('、')}，晚于报告年度（${year}年）的下一年，请核实是否笔误或沿用了其他年份的报告`));
    }
  }
  return out;
}

function findPeriodSentence(content: ReportContent): { section: TextSection; sentence: string } | null {
  for (const section of TEXT_SECTIONS) {
    const sentence = sentences(section.read(content)).find((x) => PERIOD.test(x));
    if (sentence) return { section, sentence };
  }
  return null;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

// ---------------------------------------------------------------------------------------------
// Rule 11: 错敏词
// ---------------------------------------------------------------------------------------------
function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

/**
 * One warning per word and section. The word is part of the code so that a 说明 given for one
 * word ("此处为文件原名") does not silently cover another word found later in the same section.
 */
export function checkSensitiveWords(content: ReportContent, words: readonly SensitiveWord[]): CheckIssue[] {
  const out: CheckIssue[] = [];
  const list = [...new Map(words.filter((w) => w.word.trim() !== '').map((w) => [w.word.trim(), w])).entries()];
  for (const s of TEXT_SECTIONS) {
    const text = s.read(content);
    for (const [word, entry] of list) {
      const n = occurrences(text, word);
      if (n === 0) continue;
      const suggestion = entry.suggestion?.trim() ? `，建议改为“${entry.suggestion.trim()}”` : '';
      const note = entry.note?.trim() ? `（${entry.note.trim()}）` : '';
      out.push(makeIssue(11, 'warning', `sensitive.${word}`, s.target, `${s.label}：含错敏词“${word}”${n > 1 ? `（${n}处）` : ''}${suggestion}${note}`));
    }
  }
  return out;
}
