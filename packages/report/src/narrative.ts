/**
 * Reading the counts a report's text states about its own tables (rule 8).
 *
 * `readStatements` turns free text into statements such as “一 总计 = 32” or “行政复议 结果纠正 = 0”,
 * each with the words it was read from. It follows how published reports are written (see
 * checker-corpus/narrative-corpus.ts, real sentences with their sources): the verb decides what a
 * count means (收到 → 一, 办结/答复 → （七）总计, 办理 → 一+二 or （七）总计), the number may stand before
 * or after its noun, in Arabic or Chinese numerals, in 件/份/宗/起/封/件次; statements of none
 * (未收到…申请, 未发生…行政诉讼) are counts of 0. What is not about these tables is left alone:
 * licence applications, 12345 hotline cases, deadlines (15个工作日内), the remedies a refusal
 * letter names, the 信息处理费 of section 六.
 *
 * Sentences are cut into pieces at commas, semicolons, colons, brackets and a 、 after a count
 * (予以公开2件、部分公开1件); a piece inherits the topic (申请 / 行政复议 / 行政诉讼 / something else)
 * of the piece before it in the same sentence, so “收到申请32件，办结30件” reads 办结 as requests.
 */
import { REQUEST_COLUMN_COUNT, RESULT_GROUPS, REQUEST_ROWS, requestRowFullLabel, type RequestInputRowKey } from './format';
import type { ReportContent } from './content';
import type { ComputedTotals } from './totals';

// ---------------------------------------------------------------------------------------------
// Numbers written in text: Arabic (half- or full-width) or Chinese numerals
// ---------------------------------------------------------------------------------------------
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const toAsciiDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** "859", "８５９", "十二", "一百零五", "两千三百", "二〇二四" → number; null when not a number. */
export function parseTextNumber(raw: string): number | null {
  const s = toAsciiDigits(raw.trim());
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

// ---------------------------------------------------------------------------------------------
// What a statement is about
// ---------------------------------------------------------------------------------------------
type SubRow = Exclude<RequestInputRowKey, 'newReceived' | 'carriedIn' | 'carriedOver' | 'granted' | 'partial'>;
type CaseKind = 'review' | 'suits' | 'suitDirect' | 'suitAfterReview';
type CaseResult = 'upheld' | 'corrected' | 'pending';

/**
 * A figure (or a sum of figures) the text can state. Table 三 quantities are the 总计 column.
 * `inHand` is 一 + 二; `handled` is （七）总计; a group (withheld …) is the sum of its sub-rows;
 * `suits` is 未经复议直接起诉 + 复议后起诉; `review.corrected` is one result of a block.
 */
export type Quantity =
  | 'received'
  | 'receivedNatural'
  | 'receivedOrgs'
  | 'carriedIn'
  | 'inHand'
  | 'handled'
  | 'carriedOver'
  | 'granted'
  | 'partial'
  | (typeof RESULT_GROUPS)[number]['key']
  | SubRow
  | CaseKind
  | `${CaseKind}.${CaseResult}`;

export type Statement = {
  /** What the count may refer to; the first is the likeliest reading. Any that fits the tables is accepted. */
  quantities: Quantity[];
  value: number;
  /** The words it was read from. */
  quote: string;
};

const sum = (xs: readonly (number | null | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
const rowTotal = (c: ReportContent, row: RequestInputRowKey) => sum(c.requests[row] ?? []);
const rowsOf = (group: string) => REQUEST_ROWS.filter((r) => 'group' in r && r.group === group).map((r) => r.key as RequestInputRowKey);
const GROUP_KEYS = new Set<string>(RESULT_GROUPS.map((g) => g.key));
const CASE_KINDS = new Set<string>(['review', 'suits', 'suitDirect', 'suitAfterReview']);

function caseValue(c: ReportContent, totals: ComputedTotals, kind: CaseKind, result?: CaseResult): number {
  const blocks = kind === 'suits' ? (['suitDirect', 'suitAfterReview'] as const) : ([kind] as const);
  return blocks.reduce((a, b) => a + (result ? c.reviews[b][result] ?? 0 : totals.reviews[b]), 0);
}

/** The value in the tables of what a statement is about. */
export function quantityValue(q: Quantity, c: ReportContent, totals: ComputedTotals): number {
  const t = totals.requests.rowTotal;
  switch (q) {
    case 'received':
      return t.newReceived;
    case 'receivedNatural':
      return c.requests.newReceived[0] ?? 0;
    case 'receivedOrgs':
      return sum(c.requests.newReceived.slice(1, REQUEST_COLUMN_COUNT));
    case 'inHand':
      return t.newReceived + t.carriedIn;
    case 'handled':
      return totals.requests.resultTotal.at(-1)!;
  }
  if (GROUP_KEYS.has(q)) return rowsOf(q).reduce((a, r) => a + rowTotal(c, r), 0);
  const [kind, result] = q.split('.') as [string, CaseResult | undefined];
  if (CASE_KINDS.has(kind)) return caseValue(c, totals, kind as CaseKind, result);
  return rowTotal(c, q as RequestInputRowKey);
}

const RESULT_LABELS: Record<CaseResult, string> = { upheld: '结果维持', corrected: '结果纠正', pending: '尚未审结' };
const CASE_LABELS: Record<CaseKind, string> = {
  review: '表四“行政复议”',
  suits: '表四“行政诉讼”两项',
  suitDirect: '表四“行政诉讼（未经复议直接起诉）”',
  suitAfterReview: '表四“行政诉讼（复议后起诉）”',
};

/** The figure in words, as a clerk finds it in the tables. */
export function quantityLabel(q: Quantity): string {
  switch (q) {
    case 'received':
      return `表三“${requestRowFullLabel('newReceived')}”总计`;
    case 'receivedNatural':
      return `表三“${requestRowFullLabel('newReceived')}”自然人`;
    case 'receivedOrgs':
      return `表三“${requestRowFullLabel('newReceived')}”法人或其他组织五列之和`;
    case 'inHand':
      return '表三第一项+第二项总计';
    case 'handled':
      return `表三“${requestRowFullLabel('resultTotal')}”总计`;
  }
  if (GROUP_KEYS.has(q)) return `表三“${RESULT_GROUPS.find((g) => g.key === q)!.label}”各项总计之和`;
  const [kind, result] = q.split('.') as [CaseKind, CaseResult | undefined];
  if (CASE_KINDS.has(kind)) {
    if (result) return `${CASE_LABELS[kind]}“${RESULT_LABELS[result]}”${kind === 'suits' ? '之和' : ''}`;
    return `${CASE_LABELS[kind]}总计${kind === 'suits' ? '之和' : ''}`;
  }
  return `表三“${requestRowFullLabel(q as RequestInputRowKey)}”总计`;
}

// ---------------------------------------------------------------------------------------------
// Cutting text into sentences and pieces
// ---------------------------------------------------------------------------------------------
const NUM = '[0-9]+|[零〇一二两三四五六七八九十百千万]+';
const REQ_UNIT = '件次|件|份|宗|起|封';
const CASE_UNIT = '件次|件|起|宗|次|例';

/** Full-width digits and brackets to half-width, spaces out, thousands separators joined. */
function normalise(text: string): string {
  return toAsciiDigits(text)
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[ \t\u3000\u00a0]+/g, '')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

const sentencesOf = (text: string) => text.split(/[。！!？?\n]/).filter((s) => s.trim() !== '');
// A 、 only ends a piece after a count: “予以公开2件、部分公开1件”, not “行政复议、行政诉讼”.
const piecesOf = (sentence: string) =>
  sentence
    .split(/[，,；;：:()]|(?<=件|份|宗|起)、/)
    .map((s) => s.trim())
    .filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------------------------
type Topic = 'request' | 'case' | 'other' | null;

/** Words that make a piece about something other than disclosure requests and their cases. */
const OTHER_TOPIC =
  /热线|留言|信箱|信件|代表建议|建议|提案|行政许可|许可申请|咨询|网民|12345|处理费|收费|培训|主动公开|政务新媒体|发布信息|栏目|公众号|微博|访谈|解读|规范性文件|决定书|人次/;
/** Review or lawsuit words, once the remedies a refusal letter names are set aside. */
const CASE_WORDS = /复议|诉讼|起诉/;
const REMEDY = /可(以)?(依法)?(申请|提起)|告知|有权|救济/;

function topicOf(piece: string, inherited: Topic): Topic {
  if (CASE_WORDS.test(piece) && !REMEDY.test(piece)) return 'case';
  if (/依申请|公开申请|信息公开的?申请/.test(piece)) return 'request';
  if (/申请/.test(piece) && !OTHER_TOPIC.test(piece.replace(/信访举报投诉类?申请/, ''))) return 'request';
  if (OTHER_TOPIC.test(piece) || /申请/.test(piece)) return 'other';
  return inherited;
}

// ---------------------------------------------------------------------------------------------
// Readers of one piece
// ---------------------------------------------------------------------------------------------
type Reading = { quantities: Quantity[]; value: number; quote: string };

/** A keyword with a count after it (within `gap` characters) or a count before it. */
function countNear(piece: string, keyword: string, unit = REQ_UNIT, gap = 8): { value: number; quote: string } | null {
  const after = new RegExp(`(?:${keyword})[^0-9零〇一二两三四五六七八九十百千万，]{0,${gap}}?(${NUM})\\s*(?:${unit})`).exec(piece);
  if (after) {
    const v = parseTextNumber(after[1]!);
    if (v !== null) return { value: v, quote: after[0] };
  }
  const before = new RegExp(`(${NUM})\\s*(?:${unit})[^0-9，]{0,${gap}}?(?:${keyword})`).exec(piece);
  if (before) {
    const v = parseTextNumber(before[1]!);
    if (v !== null) return { value: v, quote: before[0] };
  }
  return null;
}

/** Sub-rows of （三）–（六）, named the way reports name them. */
const SUB_ROWS: [string, SubRow][] = [
  ['国家秘密', 'withheld1'],
  ['法律行政法规禁止', 'withheld2'],
  ['三安全一稳定', 'withheld3'],
  ['第三方合法权益', 'withheld4'],
  ['内部事务', 'withheld5'],
  ['过程性', 'withheld6'],
  ['行政执法案卷', 'withheld7'],
  ['行政查询', 'withheld8'],
  ['不掌握|信息不存在', 'unable1'],
  ['另行制作|没有现成', 'unable2'],
  ['仍不明确', 'unable3'],
  ['信访举报投诉', 'notProcessed1'],
  ['重复申请', 'notProcessed2'],
  ['公开出版物', 'notProcessed3'],
  ['大量反复', 'notProcessed4'],
  ['确认或重新出具', 'notProcessed5'],
  ['逾期不补正', 'otherHandling1'],
  ['逾期未按收费通知', 'otherHandling2'],
];

const GROUPS: [string, Quantity][] = [
  ['予以公开|同意公开|全部公开', 'granted'],
  ['部分公开', 'partial'],
  ['不予公开', 'withheld'],
  ['无法提供', 'unable'],
  ['不予处理', 'notProcessed'],
  ['其他处理', 'otherHandling'],
];

const CARRIED_IN = '上一?年度?结转|上一?年度?转结|往年结转|转至(?:今年|本年)|上年度?转入';
const CARRIED_OVER =
  '结转(?:至|到)?下一?年|转(?:至|到|入)?下一?年|下一?年度?继续办理|结转(?:至|到)?[0-9]{4}年|转入下一?年|尚在(?:法定)?(?:答复)?期限内|尚未办结|正在办理';
const HANDLED = '办结|办理完毕|处理完毕|完成办理|答复完成|完成答复|予以答复|作出答复|进行了?答复|已答复|答复|已处理|处理';
const RECEIVED_VERBS = '收到|新收|接收|接到|收悉|受理|办理|登记';

/** A negation that a piece states none of something (未收到…, 没有…, 无依申请…), not 无法提供. */
const NONE = '(?:未(?!经|按|能)|没有|无(?!法|正当|论|需|须))';
const NO_REQUESTS = new RegExp(`${NONE}(?:收到|受理|接到|接收|发生|产生|新收|出现)?[^0-9，]{0,30}?申请`);
const NO_CASES = new RegExp(`${NONE}(?:发生|收到|出现|涉及|产生|接到|引发|引起|被|因|有)?[^0-9]{0,30}?(?:复议|诉讼|起诉)`);
const NO_CARRIED_OVER = new RegExp(`${NONE}(?:下一?年度?)?结转(?!申请)|${NONE}[^，]{0,4}结转下一?年`);

function readRequestPiece(piece: string): Reading | null {
  // Sub-rows first (重复申请 is a kind of 不予处理, not a count of requests handled).
  for (const [words, row] of SUB_ROWS) {
    const m = countNear(piece, words);
    if (m) return { quantities: [row], ...m };
  }
  for (const [words, q] of GROUPS) {
    const m = countNear(piece, words, '件次|件|份|宗', 4);
    if (m) return { quantities: [q], ...m };
  }
  const natural = new RegExp(`自然人(?:申请|提出)?[^0-9，]{0,3}?(${NUM})\\s*(?:${REQ_UNIT})`).exec(piece);
  if (natural) return { quantities: ['receivedNatural'], value: parseTextNumber(natural[1]!)!, quote: natural[0] };
  const orgs = new RegExp(`法人或其他组织(?:申请|提出)?[^0-9，]{0,3}?(${NUM})\\s*(?:${REQ_UNIT})`).exec(piece);
  if (orgs) return { quantities: ['receivedOrgs'], value: parseTextNumber(orgs[1]!)!, quote: orgs[0] };

  const carriedIn = countNear(piece, CARRIED_IN, REQ_UNIT, 12);
  if (carriedIn) return { quantities: ['carriedIn'], ...carriedIn };
  if (new RegExp(`${NONE}上一?年度?(?:结转|转结)`).test(piece)) return { quantities: ['carriedIn'], value: 0, quote: piece };
  const carriedOver = countNear(piece, CARRIED_OVER, REQ_UNIT, 12);
  if (carriedOver) return { quantities: ['carriedOver'], ...carriedOver };
  if (NO_CARRIED_OVER.test(piece)) return { quantities: ['carriedOver'], value: 0, quote: piece };

  // 收到/受理/办理 … N件 (the count after the verb, 申请 between them or right after the count).
  const received = new RegExp(`(${RECEIVED_VERBS})([^0-9零〇一二两三四五六七八九十百千万]{0,30}?)(${NUM})\\s*(${REQ_UNIT}|条)`).exec(piece);
  if (received) {
    const rest = piece.slice(received.index + received[0].length);
    const named = /申请/.test(received[2]!) || (received[4] !== '条' && /^[^0-9]{0,8}申请/.test(rest));
    const value = parseTextNumber(received[3]!);
    if (named && value !== null) {
      const verb = received[1]!;
      const quantities: Quantity[] = verb === '办理' ? ['inHand', 'handled'] : verb === '受理' ? ['received', 'inHand'] : ['received'];
      return { quantities, value, quote: received[0] };
    }
  }
  const handled = countNear(piece, HANDLED, REQ_UNIT, 16);
  if (handled && !/答复(?:期限|时限|率)|工作日/.test(handled.quote)) return { quantities: ['handled'], ...handled };
  // No verb: “政府信息公开申请数量为5件”, “共5件申请”.
  const bare = new RegExp(`(?:公开申请|依申请公开|依申请)(?:事项|信息|件)?(?:数量|总数|总量)?(?:为|共|合计|共计|总计)?(${NUM})\\s*(?:${REQ_UNIT})`).exec(piece);
  if (bare) return { quantities: ['received', 'inHand'], value: parseTextNumber(bare[1]!)!, quote: bare[0] };
  const total = new RegExp(`共(?:计|有)?(${NUM})\\s*(?:件|份)[^0-9，]{0,8}?申请`).exec(piece);
  if (total) return { quantities: ['received', 'inHand'], value: parseTextNumber(total[1]!)!, quote: total[0] };

  if (NO_REQUESTS.test(piece) && !/结转/.test(piece)) return { quantities: ['received'], value: 0, quote: piece };
  return null;
}

/** Words only a request's result uses: they name the topic by themselves (“经依法办理，予以公开4件”). */
const RESULT_WORDS = /予以公开|部分公开|不予公开|无法提供|不予处理|其他处理/;

/** Which cases a piece names: 行政复议, 行政诉讼 (both blocks), or one of the two lawsuit blocks. */
function casesNamed(piece: string): CaseKind[] {
  const out: CaseKind[] = [];
  const withoutSuitWords = piece.replace(/未经(?:行政)?复议直接起诉|(?:经)?(?:行政)?复议后(?:起诉|提起)/g, '');
  if (/复议/.test(withoutSuitWords)) out.push('review');
  if (/直接起诉/.test(piece)) out.push('suitDirect');
  if (/复议后(?:起诉|提起)/.test(piece)) out.push('suitAfterReview');
  if (/诉讼/.test(piece) && !out.includes('suitDirect') && !out.includes('suitAfterReview')) out.push('suits');
  return out;
}

function readCasePiece(piece: string, inherited: CaseKind[]): { readings: Reading[]; named: CaseKind[] } {
  const named = casesNamed(piece);
  const kinds = named.length > 0 ? named : inherited;
  const readings: Reading[] = [];
  const each = new RegExp(`行政复议(?:、|和|及|与)?行政诉讼各(${NUM})\\s*(?:${CASE_UNIT})`).exec(piece);
  if (each) {
    const v = parseTextNumber(each[1]!)!;
    return { readings: [{ quantities: ['review'], value: v, quote: each[0] }, { quantities: ['suits'], value: v, quote: each[0] }], named };
  }
  if (NO_CASES.test(piece) && !new RegExp(`(?:${NUM})\\s*(?:${CASE_UNIT})`).test(piece)) {
    // 未发生…被纠错 is about the result 结果纠正, not about the number of cases.
    const corrected = /纠错|纠正|败诉/.test(piece);
    for (const k of kinds) readings.push({ quantities: [corrected ? `${k}.corrected` : k], value: 0, quote: piece });
    return { readings, named };
  }
  for (const [words, result] of [['维持', 'upheld'], ['纠正|纠错', 'corrected'], ['尚未审结|正在审理|审理中', 'pending']] as const) {
    const m = countNear(piece, words, CASE_UNIT, 4);
    if (m && kinds.length === 1) readings.push({ quantities: [`${kinds[0]!}.${result}`], ...m });
  }
  if (readings.length > 0) return { readings, named };
  for (const [words, kind] of [
    ['直接起诉', 'suitDirect'],
    ['复议后起诉|复议后提起', 'suitAfterReview'],
    ['行政复议(?!后)', 'review'],
    ['行政诉讼', 'suits'],
  ] as const) {
    const m = countNear(piece, words, CASE_UNIT, 12);
    if (m) readings.push({ quantities: [kind], ...m });
  }
  // “全年发生行政复议5件、行政诉讼4件” is cut in two; “复议1件、诉讼2件” alike.
  if (readings.length === 0 && kinds.length === 1) {
    const bare = new RegExp(`^[^0-9]{0,10}?(${NUM})\\s*(?:${CASE_UNIT})`).exec(piece);
    if (bare && named.length === 0 && /^(?:其中|另有|共|合计)/.test(piece)) {
      readings.push({ quantities: [kinds[0]!], value: parseTextNumber(bare[1]!)!, quote: bare[0] });
    }
  }
  return { readings, named };
}

/** Every statement the text makes about the counts of tables 三 and 四. */
export function readStatements(text: string): Statement[] {
  const out: Statement[] = [];
  for (const paragraph of normalise(text).split('\n')) {
    // The topic runs on across sentences of a paragraph: “收到申请8件。其中，予以公开2件……”.
    let topic: Topic = null;
    let cases: CaseKind[] = [];
    for (const sentence of sentencesOf(paragraph)) {
      let lastNone = false;
      for (const piece of piecesOf(sentence)) {
        topic = topicOf(piece, topic);
        if (topic === 'request' || (topic === null && RESULT_WORDS.test(piece))) {
          const r = readRequestPiece(piece);
          if (r) out.push(r);
          lastNone = false;
        } else if (topic === 'case') {
          let { readings, named } = readCasePiece(piece, cases);
          // “无因政府信息产生行政复议，提起行政诉讼情况发生”: the negation reaches the next piece.
          if (readings.length === 0 && lastNone && named.length > 0 && /^(?:提起|或|和|及|也|亦)/.test(piece) && !/\d/.test(piece)) {
            readings = named.map((k) => ({ quantities: [k], value: 0, quote: piece }));
          }
          lastNone = readings.length > 0 && readings.every((r) => r.value === 0 && r.quote === piece);
          if (named.length > 0) cases = named;
          out.push(...readings);
        } else lastNone = false;
      }
    }
  }
  return out;
}
