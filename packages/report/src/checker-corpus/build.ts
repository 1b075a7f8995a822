/**
 * Test support for the corpora: a consistent report whose tables hold the given figures (the rest
 * 0), and the false variant of a sentence (one number changed).
 */
import { REQUEST_ROWS, RESULT_GROUPS, RESULT_ROW_KEYS, type RequestInputRowKey, type ReviewBlockKey } from '../format';
import type { ReportContent } from '../content';
import { seedReport2024 } from '../fixtures';
import type { Facts } from './narrative-corpus';

const GROUP_ROWS = Object.fromEntries(
  RESULT_GROUPS.map((g) => [g.key, REQUEST_ROWS.filter((r) => 'group' in r && r.group === g.key).map((r) => r.key as RequestInputRowKey)]),
) as Record<string, RequestInputRowKey[]>;

/** The real 陈仓区数据局 2024 report (all zeros) with the figures of `facts`, every column balanced. */
export function reportWithFacts(facts: Facts, text: string, section: 'request' | 'supervision' | 'other' = 'request'): ReportContent {
  const c = seedReport2024();
  const f = (k: keyof Facts) => facts[k];
  const received = f('received') ?? (f('receivedNatural') ?? 0) + (f('receivedOrgs') ?? 0);
  const carriedIn = f('carriedIn') ?? 0;
  const handled = f('handled') ?? received + carriedIn - (f('carriedOver') ?? 0);
  const carriedOver = received + carriedIn - handled;
  if (carriedOver < 0) throw new Error(`facts do not balance: ${JSON.stringify(facts)}`);

  // Result rows by total: explicit sub-rows, then groups into a free sub-row, the rest to 予以公开.
  const rows = new Map<RequestInputRowKey, number>();
  for (const key of RESULT_ROW_KEYS) if (facts[key as keyof Facts] !== undefined) rows.set(key, facts[key as keyof Facts]!);
  for (const g of RESULT_GROUPS) {
    const want = facts[g.key];
    if (want === undefined) continue;
    const given = GROUP_ROWS[g.key]!.reduce((a, r) => a + (rows.get(r) ?? 0), 0);
    const free = GROUP_ROWS[g.key]!.filter((r) => !rows.has(r)).at(-1)!;
    rows.set(free, want - given);
  }
  const assigned = [...rows.values()].reduce((a, b) => a + b, 0);
  const rest = handled - assigned;
  if (rest !== 0) {
    const sink = (['granted', 'otherHandling3', 'partial'] as const).find(
      (r) => !rows.has(r) && (r === 'granted' || facts.otherHandling === undefined),
    );
    if (!sink || rest < 0) throw new Error(`results do not add up to ${handled}: ${JSON.stringify(facts)}`);
    rows.set(sink, rest);
  }

  // Column 自然人 holds everything but the organisations' new requests (商业企业), moved row by row.
  const orgs = f('receivedOrgs') ?? (f('receivedNatural') !== undefined ? received - f('receivedNatural')! : 0);
  c.requests.newReceived = [received - orgs, orgs, 0, 0, 0, 0];
  c.requests.carriedIn = [carriedIn, 0, 0, 0, 0, 0];
  c.requests.carriedOver = [carriedOver, 0, 0, 0, 0, 0];
  let toMove = orgs;
  for (const [row, n] of rows) {
    const moved = Math.min(toMove, n);
    toMove -= moved;
    c.requests[row] = [n - moved, moved, 0, 0, 0, 0];
  }
  if (toMove > 0) throw new Error('organisations’ requests exceed the results');

  const block = (key: ReviewBlockKey, prefix: 'review' | 'suits', total: number | undefined) => {
    const get = (x: 'upheld' | 'corrected' | 'pending') => facts[`${prefix}.${x}` as keyof Facts];
    const corrected = get('corrected') ?? 0;
    const pending = get('pending') ?? 0;
    const all = Math.max(total ?? 0, (get('upheld') ?? 0) + corrected + pending);
    const upheld = get('upheld') ?? all - corrected - pending;
    c.reviews[key] = { upheld, corrected, otherResult: all - upheld - corrected - pending, pending };
  };
  block('review', 'review', f('review'));
  const direct = f('suitDirect') ?? (f('suits') ?? 0) - (f('suitAfterReview') ?? 0);
  block('suitDirect', 'suits', direct);
  c.reviews.suitAfterReview = { upheld: f('suitAfterReview') ?? 0, corrected: 0, otherResult: 0, pending: 0 };

  c.overview.request = '';
  if (section === 'request') c.overview.request = text;
  else if (section === 'supervision') c.overview.supervision = text;
  else c.other = text;
  return c;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chinese(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
}

/** `text` with the number inside `at` changed (n → n + 1, written the same way). */
export function changeNumber(text: string, at: string): string {
  const i = text.indexOf(at);
  if (i < 0) throw new Error(`“${at}” is not in “${text}”`);
  const changed = at.replace(/[0-9]+|[零〇一二两三四五六七八九十]+/, (raw) =>
    /^[0-9]+$/.test(raw) ? String(Number(raw) + 1) : chinese((raw === '两' ? 2 : CN.indexOf(raw.at(-1)!) + (raw.length > 1 ? 10 : 0)) + 1),
  );
  return text.slice(0, i) + changed + text.slice(i + at.length);
}
