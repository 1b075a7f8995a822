/**
 * Checker rules that read the free text: 8 (narrative against numbers), 9 (year mentions) and
 * 11 (错敏词). The patterns follow how these reports are customarily written; they are meant to
 * catch the common slip (a count copied from last year, a year not updated), not to parse Chinese.
 * Everything here is a warning, so a miss or a false alarm costs a reviewer a glance, no more.
 */
import { requestRowFullLabel } from './format';
import type { ReportContent } from './content';
import type { ComputedTotals } from './totals';
import { TEXT_SECTIONS, type TextSection } from './targets';
import { makeIssue, type CheckIssue, type SensitiveWord } from './issues';

// ---------------------------------------------------------------------------------------------
// Numbers written in text: Arabic (half- or full-width) or Chinese numerals
// ---------------------------------------------------------------------------------------------
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUM = '[0-9０-９]+|[零〇一二两三四五六七八九十百千万]+';
const NOT_NUM = '0-9０-９零〇一二两三四五六七八九十百千万';

const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** "859", "８５９", "十二", "一百零五", "两千三百", "二〇二四" → number; null when not a number. */
export function parseTextNumber(raw: string): number | null {
  const s = toAscii(raw.trim());
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '' || ![...s].every((ch) => ch in CN_DIGITS || ch in CN_UNITS || ch === '万')) return null;
  // Digit by digit, as years are written: 二〇二四.
  if (s.length > 1 && [...s].every((ch) => ch in CN_DIGITS)) return Number([...s].map((ch) => CN_DIGITS[ch]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    } else {
      section += (digit ?? 1) * CN_UNITS[ch]!; // 十二: a bare 十 means 一十
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Clause by clause: the checks below never let a pattern reach across a comma or a full stop. */
function clauses(text: string): string[] {
  return text.split(/[，,。；;！!？?：:\n]/).map((s) => s.trim()).filter(Boolean);
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

// ---------------------------------------------------------------------------------------------
// Rule 8: narrative against numbers
// ---------------------------------------------------------------------------------------------
const NO_REQUESTS = /(?:未|没有|无)(?:收到|受理|接到|接收)[^]{0,20}?申请/;
// "共收到政府信息公开申请859件" and "共收到12件政府信息公开申请". Requests are counted in 件 (or
// 份); 个 is left out because "受理申请后15个工作日内答复" is a deadline, not a count.
const COUNT_AFTER = new RegExp(`(收到|新收|接收|受理|办理)([^${NOT_NUM}]{0,25}?申请[^${NOT_NUM}]{0,6}?)(${NUM})\\s*[件份]`);
const COUNT_BEFORE = new RegExp(`(收到|新收|接收|受理|办理)[^${NOT_NUM}]{0,6}?(${NUM})\\s*[件份][^]{0,20}?申请`);
// A negation with its verb ("未发生", "没有被"), so that "无法提供…可申请行政复议" is no claim of zero.
const NEGATION_BEFORE_CASE = /(?:(?:未|没有)(?:发生|收到|出现|涉及|产生|接到|引发|引起|被)|无(?:因|涉及))[^]{0,20}?(?:行政复议|行政诉讼)/;
const caseCount = (kind: string) => new RegExp(`${kind}[^${NOT_NUM}]{0,10}?(${NUM})\\s*[件起宗次]`);

type RequestClaim = { verb: string; count: number; quote: string };

function requestClaim(clause: string): RequestClaim | null {
  // Counts of 上年结转 or of review cases are not counts of requests received.
  if (/复议|诉讼|结转/.test(clause)) return null;
  const m = COUNT_AFTER.exec(clause) ?? COUNT_BEFORE.exec(clause);
  if (!m) return null;
  const count = parseTextNumber(m[3] ?? m[2]!);
  return count === null ? null : { verb: m[1]!, count, quote: m[0] };
}

export function checkNarrative(content: ReportContent, totals: ComputedTotals): CheckIssue[] {
  const received = totals.requests.rowTotal.newReceived;
  const inHand = received + totals.requests.rowTotal.carriedIn;
  const handled = totals.requests.resultTotal.at(-1)!;
  const reviewCases = totals.reviews.review;
  const lawsuitCases = totals.reviews.suitDirect + totals.reviews.suitAfterReview;
  const newLabel = `表三“${requestRowFullLabel('newReceived')}”总计`;
  const out: CheckIssue[] = [];

  for (const s of TEXT_SECTIONS) {
    const warn = (code: string, message: string) => out.push(makeIssue(8, 'warning', code, s.target, `${s.label}：${message}`));
    for (const clause of clauses(s.read(content))) {
      if (received > 0 && NO_REQUESTS.test(clause) && !/复议|诉讼/.test(clause)) {
        warn('narrative.noRequests', `文中“${short(clause)}”（0件）≠ ${newLabel}（${received}）`);
      }

      const claim = requestClaim(clause);
      if (claim) {
        // 办理 may mean the requests in hand this year (一+二) or those concluded (（七）总计); 受理
        // is used both for 一 and for 一+二. Either reading that fits is accepted.
        const handling = claim.verb === '办理';
        const fits = handling
          ? [inHand, handled]
          : claim.verb === '受理'
            ? [received, inHand]
            : [received];
        if (!fits.includes(claim.count)) {
          const expected = handling
            ? `表三第一项+第二项总计（${inHand}）`
            : `${newLabel}（${received}）`;
          warn(handling ? 'narrative.handled' : 'narrative.received', `文中“${short(claim.quote)}”（${claim.count}）≠ ${expected}`);
        }
      }

      const negated = NEGATION_BEFORE_CASE.test(clause);
      for (const [kind, actual, code, tableLabel] of [
        ['行政复议', reviewCases, 'narrative.review', '表四“行政复议”总计'],
        ['行政诉讼', lawsuitCases, 'narrative.lawsuit', '表四“行政诉讼”两项总计之和'],
      ] as const) {
        if (!clause.includes(kind)) continue;
        const m = caseCount(kind).exec(clause);
        const stated = m ? parseTextNumber(m[1]!) : negated ? 0 : null;
        if (stated !== null && stated !== actual) {
          warn(code, `文中“${short(m ? m[0] : clause)}”（${stated}）≠ ${tableLabel}（${actual}）`);
        }
      }
      // Section 六's 信息处理费 is not table 二's 行政事业性收费: deliberately never compared.
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 9: year mentions
// ---------------------------------------------------------------------------------------------
const YEAR = /([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年/g;
const PERIOD = /统计(?:期限|时限|期间|区间)/;

function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => parseTextNumber(m[1]!)).filter((y): y is number => y !== null);
}

function sentences(text: string): string[] {
  return text.split(/[。！!？?\n]/).filter((s) => s.trim() !== '');
}

export function checkYearMentions(year: number, content: ReportContent): CheckIssue[] {
  const out: CheckIssue[] = [];
  const opening = TEXT_SECTIONS[0]!;
  const openingText = opening.read(content);

  // An empty opening is already a rule 6 error; do not pile a warning on it.
  if (openingText.trim() !== '') {
    if (!yearsIn(openingText).includes(year)) {
      out.push(makeIssue(9, 'warning', 'year.opening', opening.target, `${opening.label}：未写明报告年度${year}年`));
    }
    const period = findPeriodSentence(content);
    if (!period) {
      out.push(makeIssue(9, 'warning', 'year.periodMissing', opening.target,
        `${opening.label}：未找到统计期限的说明（应为“统计期限从${year}年1月1日起至${year}年12月31日止”）`));
    } else {
      const years = yearsIn(period.sentence);
      const wrong = years.filter((y) => y !== year);
      if (years.length === 0 || wrong.length > 0) {
        out.push(makeIssue(9, 'warning', 'year.period', period.section.target,
          `${period.section.label}：统计期限写的是${years.length ? `${unique(years).join('、')}年` : '（未写年份）'}，报告年度为${year}年`));
      }
    }
  }

  for (const s of TEXT_SECTIONS) {
    const late = unique(yearsIn(s.read(content)).filter((y) => y > year + 1));
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
