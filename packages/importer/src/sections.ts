/**
 * The parts of a report found by their headings: the six sections of SECTION_HEADINGS, the five
 * sub-headings of 一、总体情况, the title and the opening paragraph with its contact.
 */
import { OVERVIEW_PARTS, REPORT_TITLE_SUFFIX, SECTION_HEADINGS, type OverviewPartKey, type SectionKey } from '@ccgov/report';
import { normLabel, type Item, type SourceRef } from './items';

export const SECTION_KEYS = Object.keys(SECTION_HEADINGS) as SectionKey[];

/**
 * Words that identify a section when a report words its heading its own way
 * ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "五、存在的主要问题和改进措施").
 */
const SECTION_WORDS: Record<SectionKey, string[]> = {
  overview: ['总体情况'],
  proactive: ['主动公开'],
  requests: ['收到和处理', '依申请'],
  reviews: ['行政复议', '行政诉讼'],
  problems: ['问题'],
  other: ['其他需要报告', '其他事项'],
};

/** The ordinal a heading starts with, taken from the official heading (一 … 六). */
const ordinalOf = (key: SectionKey) => SECTION_HEADINGS[key].split('、')[0]!;

/** Which section a line heads, if any, and the text that follows the heading on the same line. */
export function sectionHeading(text: string): { key: SectionKey; rest: string } | null {
  const t = text.normalize('NFKC').trim();
  if (t.includes('|') || t.length > 60) return null;
  for (const key of SECTION_KEYS) {
    const official = SECTION_HEADINGS[key];
    if (normLabel(t) === normLabel(official)) return { key, rest: '' };
    if (t.startsWith(official.normalize('NFKC'))) return { key, rest: t.slice(official.length).replace(/^[。：:\s]+/, '') };
    const ord = ordinalOf(key);
    const m = new RegExp(`^${ord}\\s*[、.．,，]\\s*(.*)$`).exec(t);
    if (!m) continue;
    const head = m[1]!;
    if (head.length <= 36 && SECTION_WORDS[key].some((w) => head.includes(w)) && !/[。；;]$/.test(head)) return { key, rest: '' };
  }
  return null;
}

/** Words that identify each sub-heading of 一、总体情况 ("（一）主动公开情况", "(二)依申请公开方面"). */
const PART_WORDS: Record<OverviewPartKey, RegExp> = {
  active: /主动公开/,
  request: /依申请/,
  management: /信息管理/,
  platform: /平台/,
  supervision: /监督|保障/,
};
const PART_ORDINAL = /^[(（]\s*([一二三四五六七八九十])\s*[)）]/;

/** Which overview part a paragraph opens, and the text after its heading (when both share a line). */
export function overviewHeading(text: string): { key: OverviewPartKey; rest: string } | null {
  const t = text.trim();
  const m = PART_ORDINAL.exec(t.normalize('NFKC'));
  if (!m) return null;
  for (const part of OVERVIEW_PARTS) {
    if (normLabel(t) === normLabel(part.label)) return { key: part.key, rest: '' };
  }
  // The heading runs to the first 。：: within a short span, or is the whole short line.
  const end = t.slice(0, 30).search(/[。：:]/);
  const head = end >= 0 ? t.slice(0, end) : t.length <= 24 ? t : null;
  if (head === null) return null;
  const key = OVERVIEW_PARTS.find((p) => PART_WORDS[p.key].test(head))?.key;
  if (!key) return null;
  return { key, rest: end >= 0 ? t.slice(end + 1).trim() : '' };
}

/**
 * The first line of table 二 or 三 where a page leaves out the section's heading (a mirror of a
 * page that starts at its tables): 第二十条第（一）项, the 勾稽 note or 一、本年新收… . The line is
 * the table's own, so it is kept in the section (rest: the line itself).
 */
const TABLE_STARTS: [SectionKey, RegExp][] = [
  ['proactive', /^第二十条第一项$/],
  ['requests', /^(?:本列数据的勾稽关系|一本年新收政府信息公开申请数量)/],
];
function tableStart(text: string): { key: SectionKey; rest: string; keep: true } | null {
  const n = normLabel(text);
  const hit = TABLE_STARTS.find(([, re]) => re.test(n));
  return hit ? { key: hit[0], rest: '', keep: true } : null;
}

export type Zones = {
  /** Lines before 一、总体情况 (title, page furniture, opening). */
  front: Item[];
  /** Items under each section heading found, in order. */
  sections: Partial<Record<SectionKey, Item[]>>;
  /** The heading lines found, for messages. */
  headings: Partial<Record<SectionKey, SourceRef>>;
};

/**
 * Split the items at the section headings, taken in the format's order (a section a report
 * leaves out is skipped). A table row holding nothing but a heading is read as that heading.
 */
export function splitSections(items: readonly Item[]): Zones {
  const zones: Zones = { front: [], sections: {}, headings: {} };
  let current: Item[] = zones.front;
  let last = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'rowEnd') {
      current.push(item);
      continue;
    }
    const standalone =
      item.kind === 'line' ||
      (item.kind === 'cell' && items[i + 1]?.kind === 'rowEnd' && (i === 0 || items[i - 1]!.kind === 'rowEnd' || items[i - 1]!.kind === 'line'));
    const h = standalone ? (sectionHeading(item.text) ?? tableStart(item.text)) : null;
    if (h && SECTION_KEYS.indexOf(h.key) > last) {
      last = SECTION_KEYS.indexOf(h.key);
      current = zones.sections[h.key] = [];
      zones.headings[h.key] = item.ref;
      if ('keep' in h) {
        current.push(item);
        continue;
      }
      if (h.rest && item.kind === 'line') current.push({ kind: 'line', text: h.rest, ref: item.ref });
      if (item.kind === 'cell') i++; // its rowEnd
      continue;
    }
    current.push(item);
  }
  return zones;
}

export type FrontMatter = {
  title: string | null;
  body: string | null;
  year: number | null;
  /** The publication date the page shows, when it shows one (YYYY-MM-DD). */
  publishedDate: string | null;
  opening: string;
  contact: { unit: string; person: string; phone: string; email: string };
};

/** 政府信息公开工作年度报告, or as some sites word their titles, 信息公开工作年度报告. */
const SUFFIX = REPORT_TITLE_SUFFIX.replace(/^政府/, '(?:政府)?');
const TITLE = new RegExp(`^(.*?)(\\d{4})\\s*年度?\\s*(?:的)?${SUFFIX}$`);
/** Page furniture around an article: dates, sources, font-size switches, breadcrumbs. */
const FURNITURE = /^(发布时间|发布日期|发布机构|成文日期|来源|信息来源|字号|作者|浏览|点击|阅读|打印|关闭|分享|索引号|文号|主题分类|【|首页|当前位置|您当前的位置)/;

/** An organisation name standing alone on a line above a title that has none ("桃江县松木塘镇人民政府"). */
const ORG_LINE = /^[^，,。；;:：\d\s|]{2,30}(政府|局|办公室|委员会|办|委|处|街道|镇|乡|中心|院|所|站|队|会|厅|署)$/;

function findTitle(lines: readonly string[]): { title: string; body: string; year: number; lines: string[] } | null {
  let bare: { title: string; body: string; year: number; lines: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    // A title may be broken over two lines ("…2023年度政府" / "信息公开工作年度报告").
    for (const n of [1, 2]) {
      const parts = lines.slice(i, i + n);
      // A site's menu ("首 页 走进汉台 新闻中心 …") above the title is not its first half.
      if (n === 2 && parts[0]!.trim().split(/[\s\u3000]+/).length > 2) continue;
      const t = parts.map(squash).join('');
      const m = TITLE.exec(t);
      if (!m || m[1]!.length > 40 || /[，。,；]/.test(m[1]!)) continue;
      // A page prefix a flip-book or PDF viewer puts before the title ("Page 8 - …", "P.3") is no part of the name.
      let body = m[1]!.replace(/^[A-Za-z0-9.\-–—_:：|]+/, '').replace(/^关于/, '');
      // A field of the page's metadata list ("• 发布日期:") above the title is no part of it.
      if (/[:：•·]/.test(body)) continue;
      const used = [...parts];
      if (body.length < 2) {
        const prev = i > 0 ? squash(lines[i - 1]!) : '';
        if (!ORG_LINE.test(prev)) {
          bare ??= { title: t, body: '', year: Number(m[2]), lines: used };
          break;
        }
        body = prev;
        used.unshift(lines[i - 1]!);
      }
      return { title: `${body}${t.slice(m[1]!.length)}`, body, year: Number(m[2]), lines: used };
    }
  }
  return bare;
}
const squash = (l: string) => l.replace(/[\s\u3000]+/g, '').replace(/^[《“"]|[》”"]$/g, '');

function findDate(lines: readonly string[]): string | null {
  for (const l of lines) {
    const m = /(?:发布时间|发布日期|成文日期)[\s|:：]*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(l.normalize('NFKC'));
    if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  return null;
}

/** 联系人, 电话, 邮箱 and the unit (请与……联系) as the opening states them. */
export function readContact(text: string): FrontMatter['contact'] {
  const t = text;
  const unit = /联系单位[:：]\s*([^,，;；)）\s]{2,40})/.exec(t)?.[1] ?? /请与\s*([^,，;；。(（]{2,40}?)\s*联系/.exec(t)?.[1] ?? '';
  const person = /联系人[:：]\s*([^,，;；)）、\s]{2,12})/.exec(t)?.[1] ?? '';
  const phone = /(?:办公电话|联系电话|咨询电话|电话)[:：]\s*([0-9０-９()（）\-－—+＋ ]{7,24}?)(?=[,，;；)）。、\s]|$)/.exec(t)?.[1]?.trim() ?? '';
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/.exec(t)?.[0] ?? '';
  return { unit: unit.trim(), person, phone, email };
}

const squashAll = (l: string) => l.replace(/[\s\u3000]+/g, '');
/** "统计期限为2024年1月1日至…", "统计起止时间为2023年1月1日-…": the year the figures cover. */
const PERIOD = /(?:统计|数据)[^。]{0,16}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;
/** "现公布区统计局2023年政府信息公开工作年度报告", "特编制湛江市人民政府地方志办公室2023年…". */
const NAMED = new RegExp(`(?:编制|公布|发布|现将)(?:完成|了)?《?([^，,。；;《》“”"\\s\\d]{2,30}?)\\s*(\\d{4})\\s*年度?${SUFFIX}`);
/** "现将我办2022年度政府信息公开情况报告如下", "汇报我镇2023年政府信息公开工作": the body's own year, in its own words. */
const OWN_YEAR = /(?:现将|汇报|报告|总结)(?:我|本)[^\d，。,；;《》“”]{0,8}?(\d{4})\s*年度?\s*(?:政府信息公开|政务公开)/;

/**
 * Title, body, year, publication date, opening paragraph and contact. `lead` is the start of
 * 一、总体情况, where some reports put what others put in the opening.
 */
export function readFrontMatter(front: readonly Item[], lead: readonly string[] = []): FrontMatter {
  const lines = front.flatMap((i) => (i.kind === 'line' ? [i.text] : []));
  const title = findTitle(lines);
  const titleLines = new Set(title?.lines ?? []);
  const opening: string[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (!t || titleLines.has(l) || TITLE.test(squash(t)) || FURNITURE.test(squashAll(t)) || t.includes('|')) continue;
    if (t.length < 15 && !/[。)）]$/.test(t)) continue; // menu entries and breadcrumbs
    opening.push(t);
  }
  const text = opening.join('\n');
  const context = [text, ...lead].join('\n').normalize('NFKC');
  const period = PERIOD.exec(context);
  const named = NAMED.exec(context.replace(/\s+/g, ''));
  const namedOk = named && !/^(本|该|我)/.test(named[1]!) ? named : null;
  const own = OWN_YEAR.exec(context.replace(/\s+/g, ''));
  const year = title?.year ?? (period ? Number(period[1]) : namedOk ? Number(namedOk[2]) : own ? Number(own[1]) : null);
  const body = title?.body || namedOk?.[1] || null;
  const contact = readContact(text || lead.join('\n'));
  return { title: title?.body ? title.title : null, body, year, publishedDate: findDate(lines), opening: text, contact };
}

/** 一、总体情况 split into its lead and its five parts; a sub-heading it cannot map stays text. */
export function readOverview(items: readonly Item[]): { overview: Record<'lead' | OverviewPartKey, string>; unmapped: string[] } {
  const parts: Record<'lead' | OverviewPartKey, string[]> = { lead: [], active: [], request: [], management: [], platform: [], supervision: [] };
  const unmapped: string[] = [];
  let current: 'lead' | OverviewPartKey = 'lead';
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'line') continue;
    const h = overviewHeading(item.text);
    if (h && !seen.has(h.key)) {
      seen.add(h.key);
      current = h.key;
      if (h.rest) parts[current].push(h.rest);
      continue;
    }
    if (PART_ORDINAL.test(item.text.normalize('NFKC').trim()) && item.text.length <= 30) unmapped.push(item.text.trim());
    parts[current].push(item.text.trim());
  }
  const overview = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.join('\n')])) as Record<'lead' | OverviewPartKey, string>;
  return { overview, unmapped };
}

/** Where an article ends and the page's footer begins. */
const PAGE_END = /(版权所有|主办单位|承办单位|网站标识码|ICP备|打印本页|关闭窗口|【打印】|【关闭】|上一篇|下一篇|相关链接|扫一扫)/;

/** The text of a section (五、六、): its paragraphs, one a line, up to the page's footer. */
export function sectionText(items: readonly Item[] | undefined): string {
  const out: string[] = [];
  for (const i of items ?? []) {
    if (i.kind !== 'line' || !i.text.trim()) continue;
    if (PAGE_END.test(i.text) && i.text.length < 80) break;
    out.push(i.text.trim());
  }
  return out.join('\n');
}
