/**
 * Property test: published reports with random, mostly non-zero figures, rendered in the layouts
 * real sites and PDF copies produce, read back by the importer. The importer's rule is "never a
 * silent wrong number": for every generated case every figure it places must equal the truth
 * (wrong = 0), and every figure it leaves blank must be listed (unplaced).
 *
 * The tables are built from @ccgov/report's own layouts (TABLE_LAYOUTS, the official labels);
 * the figures come from a seeded PRNG, so a failing case reproduces from its layout name and seed.
 * The measure per layout (right / blank+listed / silently blank / wrong) is printed at the end.
 *
 * Layouts where the importer places a WRONG figure stand under describe.skip with a comment and
 * an entry in /tmp/notes/misreadings.md (the minimal input, what was placed, the truth).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIGURES,
  RESULT_GROUPS,
  RESULT_GROUP_LABEL,
  REQUEST_COLUMNS,
  REQUEST_INPUT_ROWS,
  SECTION_HEADINGS,
  TABLE_LAYOUTS,
  emptyContent,
  figureValues,
  placeCells,
  writeInputs,
  type Cell,
  type FigureTable,
  type LayoutCell,
} from '@ccgov/report';
import { writeFileSync } from 'node:fs';
import { parseHtml, parseText, type ImportResult } from './parse';

// ---------------------------------------------------------------------------------------------
// PRNG and truth
// ---------------------------------------------------------------------------------------------
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T,>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;

type TruthOpts = { big?: boolean; same?: boolean; zeros?: number };
/** A count, mostly non-zero. */
function count(rng: Rng, o: TruthOpts): number {
  const r = rng();
  if (r < (o.zeros ?? 0.15)) return 0;
  if (o.big && r > 0.9) return int(rng, 1000, 25000);
  if (r > 0.85) return int(rng, 41, 999);
  return int(rng, 1, 40);
}
/** Every figure of a report (totals included), as figureValues gives them. */
function makeTruth(rng: Rng, o: TruthOpts = {}): Record<string, number> {
  const typed = new Map<string, Cell>();
  const shared = REQUEST_COLUMNS.map(() => count(rng, o));
  for (const f of FIGURES) {
    if (f.computed) continue;
    if (f.kind === 'amount') {
      const places = int(rng, 0, 4);
      typed.set(f.key, chance(rng, 0.15) ? 0 : Number((rng() * (o.big ? 5000 : 400)).toFixed(places)));
    } else if (o.same && f.table === 'requests' && chance(rng, 0.6)) typed.set(f.key, shared[f.colIndex!]!);
    else typed.set(f.key, count(rng, o));
  }
  const values = figureValues(writeInputs(emptyContent(), typed));
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? 0]));
}

// ---------------------------------------------------------------------------------------------
// The tables as rows of cells (from TABLE_LAYOUTS)
// ---------------------------------------------------------------------------------------------
type TCell = { text: string; key?: string; colSpan: number; rowSpan: number; role?: string; head?: boolean };
type TRow = { cells: TCell[]; kind: 'head' | 'clause' | 'body'; rowKey?: string };

const GROUP_TEXTS = new Set<string>([RESULT_GROUP_LABEL, ...RESULT_GROUPS.map((g) => g.label)]);

function tableRows(table: FigureTable): TRow[] {
  const layout = TABLE_LAYOUTS[table];
  const placed = placeCells(layout);
  return layout.rows.map((cells, r) => {
    const here = placed.filter((c) => c.row === r);
    const out: TCell[] = here.map((c: LayoutCell & { rowSpan: number; colSpan: number }) =>
      c.type === 'label' ? { text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan, role: c.role, head: c.scope === 'col' || c.scope === 'colgroup' } : { text: '', key: c.figure.key, colSpan: c.colSpan, rowSpan: c.rowSpan },
    );
    const fig = out.find((c) => c.key);
    const kind: TRow['kind'] = fig ? 'body' : cells.length === 1 && out[0]!.role === 'clause' ? 'clause' : 'head';
    return { cells: out, kind, rowKey: fig ? fig.key!.split('.')[1] : undefined };
  });
}

// ---------------------------------------------------------------------------------------------
// Figure formatting
// ---------------------------------------------------------------------------------------------
type Fmt = {
  zero?: '0' | '' | '–' | '/' | '—' | '-' | '--' | '无';
  /** 行政事业性收费 written with its unit ("1.5万元"). */
  feeUnit?: boolean;
  fullWidth?: boolean;
  unit?: '' | '件' | ' 件';
  thousands?: boolean;
};
const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/\./g, '．');
function fmt(v: number, key: string, f: Fmt): string {
  const amount = key.startsWith('proactive.fees');
  if (v === 0 && f.zero !== undefined && f.zero !== '0') return f.zero;
  let s = f.thousands ? v.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(v);
  if (f.fullWidth) s = FW(s);
  if (!amount && f.unit) s += f.unit;
  if (amount && f.feeUnit) s += '万元';
  return s;
}
/** Half-width brackets and punctuation in labels (a page typed on an English keyboard). */
const halfWidth = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',').replace(/“|”/g, '"');

// ---------------------------------------------------------------------------------------------
// A case: the input, and for every figure what the importer may place
// ---------------------------------------------------------------------------------------------
/** number: the source holds this figure; 'absent': it does not (placing anything is wrong). */
type Expect = Record<string, number | 'absent'>;
type Case = { input: string; format: 'text' | 'html'; expect: Expect };

/** Mutations of the tables before rendering, shared by the layouts. */
type Mut = {
  /** Row keys of 二/三 left out of the source entirely. */
  drop?: string[];
  /** Table 三's six applicant columns in this order (indexes into REQUEST_COLUMNS). */
  colOrder?: number[];
  /** An extra 合计 row after 二's 第二十条第（一）项 block / after 三's （七）总计. */
  extraTotal?: boolean;
  /** A 序号 column before the labels of 三. */
  serial?: boolean;
  /** Two adjacent figures of this row key printed as one ("3 0" → "30"). */
  merge?: { row: string; at: number };
  /** The text ends inside table 三: after `figures` figures of this row. */
  cut?: { row: string; figures: number };
  /** A unit column "单位：件" after 二's labels. */
  unitColumn?: boolean;
  /** 二's 第二十条第（一）项 columns in this order (indexes into 本年制发/本年废止/现行有效). */
  proactiveOrder?: number[];
  /** 四: each block's 总计 before its four results. */
  reviewTotalFirst?: boolean;
  /** A 小计 row (the group's sums) first in each group of 三 (the group label spanning it too). */
  groupTotals?: boolean;
  /** Every spanned cell repeated in each row it spans (a page built without spans), for text. */
  expand?: boolean;
  /** Prose naming row labels around the tables (a note under 二, a sentence with figures above 三). */
  notes?: boolean;
};

function applyMut(table: FigureTable, rows: TRow[], truth: Record<string, number>, mut: Mut, expect: Expect): TRow[] {
  let out = rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) }));
  for (const k of mut.drop ?? []) {
    const i = out.findIndex((r) => r.rowKey === k);
    if (i < 0) continue;
    const gone = out[i]!;
    // A group label spanning this row moves to the next row.
    const spanning = gone.cells.filter((c) => !c.key && c.rowSpan > 1);
    out.splice(i, 1);
    if (spanning.length && out[i]) out[i]!.cells.unshift(...spanning.map((c) => ({ ...c, rowSpan: c.rowSpan - 1 })));
    for (const c of gone.cells) if (c.key) expect[c.key] = 'absent';
    // Group labels spanning it from above now span one row less.
    for (const r of out.slice(0, i)) for (const c of r.cells) if (!c.key && c.rowSpan > 1 && out.indexOf(r) + c.rowSpan > i) c.rowSpan--;
  }
  if (table === 'requests' && mut.colOrder) {
    const order = mut.colOrder;
    for (const r of out) {
      if (r.kind === 'body') {
        const figs = r.cells.filter((c) => c.key);
        const labels = r.cells.filter((c) => !c.key);
        r.cells = [...labels, ...order.map((j) => figs[j]!), figs[6]!];
      }
    }
    // The head shows the columns in the same order: one head row of the seven column labels.
    const note = out[0]!.cells[0]!;
    out.splice(0, 3, { kind: 'head', cells: [{ ...note, rowSpan: 1 }, ...order.map((j) => ({ text: REQUEST_COLUMNS[j]!.label, colSpan: 1, rowSpan: 1, head: true })), { text: '总计', colSpan: 1, rowSpan: 1, head: true }] });
  }
  if (mut.extraTotal) {
    if (table === 'proactive') {
      const i = out.findIndex((r) => r.rowKey === 'normativeDocs');
      const sum = (c: string) => truth[`proactive.rules.${c}`]! + truth[`proactive.normativeDocs.${c}`]!;
      out.splice(i + 1, 0, { kind: 'body', rowKey: '#total', cells: [{ text: '合计', colSpan: 1, rowSpan: 1 }, ...['issued', 'repealed', 'inForce'].map((c) => ({ text: String(sum(c)), colSpan: 1, rowSpan: 1, key: `#${c}` }))] });
    }
    if (table === 'requests') {
      const i = out.findIndex((r) => r.rowKey === 'carriedOver');
      const cols = [...REQUEST_COLUMNS.map((c) => c.key as string), 'total'];
      out.splice(i + 1, 0, { kind: 'body', rowKey: '#total', cells: [{ text: '合计', colSpan: 3, rowSpan: 1 }, ...cols.map((c) => ({ text: String(truth[`requests.newReceived.${c}`]! + truth[`requests.carriedIn.${c}`]!), colSpan: 1, rowSpan: 1, key: `#${c}` }))] });
    }
  }
  if (mut.unitColumn && table === 'proactive') {
    for (const r of out) {
      if (r.kind === 'body') r.cells.splice(1, 0, { text: '件', colSpan: 1, rowSpan: 1 });
      else if (r.kind === 'head') r.cells.splice(1, 0, { text: '单位', colSpan: 1, rowSpan: 1, head: true });
    }
  }
  if (mut.proactiveOrder && table === 'proactive') {
    const o = mut.proactiveOrder;
    const first = out.findIndex((r) => r.kind === 'head');
    for (const r of out.slice(first, first + 3)) r.cells = [r.cells[0]!, ...o.map((j) => r.cells[1 + j]!)];
  }
  if (mut.reviewTotalFirst && table === 'reviews') {
    const perm = [4, 0, 1, 2, 3];
    const head2 = out[1]!;
    head2.cells = [...perm.map((j) => head2.cells[j]!), ...head2.cells.slice(5)];
    out[2]!.cells = [...perm.map((j) => out[2]!.cells[j]!), ...perm.map((j) => out[2]!.cells[5 + j]!)];
    const body = out[3]!;
    body.cells = [0, 1, 2].flatMap((b) => perm.map((j) => body.cells[b * 5 + j]!));
  }
  if (mut.groupTotals && table === 'requests') {
    const cols = [...REQUEST_COLUMNS.map((c) => c.key as string), 'total'];
    let added = 0;
    for (const g of RESULT_GROUPS) {
      const i = out.findIndex((r) => r.cells.some((c) => c.text === g.label && !c.key));
      if (i < 0) continue;
      const first = out[i]!;
      const gc = first.cells.find((c) => c.text === g.label)!;
      const keys = out.filter((r) => r.rowKey && REQUEST_INPUT_ROWS.some((d) => d.key === r.rowKey && 'group' in d && d.group === g.key)).map((r) => r.rowKey!);
      first.cells = first.cells.filter((c) => c !== gc);
      out.splice(i, 0, { kind: 'body', rowKey: `#${g.key}`, cells: [{ ...gc, rowSpan: gc.rowSpan + 1 }, { text: '小计', colSpan: 1, rowSpan: 1 }, ...cols.map((c) => ({ text: String(keys.reduce((s, k) => s + truth[`requests.${k}.${c}`]!, 0)), colSpan: 1, rowSpan: 1, key: `#${c}` }))] });
      added++;
    }
    const top = out.find((r) => r.cells.some((c) => c.text === RESULT_GROUP_LABEL))!.cells.find((c) => c.text === RESULT_GROUP_LABEL)!;
    top.rowSpan += added;
  }
  if (mut.expand) {
    // A label spanning rows repeated in each row it spans, at its own column (a grid without spans).
    const width = out[0]!.cells.reduce((n, c) => n + c.colSpan, 0);
    const down: ({ cell: TCell; left: number } | undefined)[] = Array(width).fill(undefined);
    for (const r of out) {
      const own = [...r.cells];
      const cells: TCell[] = [];
      for (let col = 0; col < width; ) {
        const d = down[col];
        if (d && d.left > 0) {
          cells.push({ ...d.cell, rowSpan: 1 });
          d.left--;
          col += d.cell.colSpan;
          continue;
        }
        const c = own.shift();
        if (!c) break;
        cells.push({ ...c, rowSpan: 1 });
        if (!c.key && c.rowSpan > 1) down[col] = { cell: c, left: c.rowSpan - 1 };
        col += c.colSpan;
      }
      r.cells = cells;
    }
  }
  if (mut.serial && table === 'requests') {
    let n = 0;
    out.forEach((r, i) => {
      if (i === 0) r.cells.unshift({ text: '序号', colSpan: 1, rowSpan: 3, head: true });
      else if (r.kind === 'body') r.cells.unshift({ text: String(++n), colSpan: 1, rowSpan: 1 });
    });
  }
  if (mut.merge) {
    const r = out.find((x) => x.rowKey === mut.merge!.row);
    if (r) {
      const figs = r.cells.filter((c) => c.key);
      const a = figs[mut.merge.at]!;
      const b = figs[mut.merge.at + 1]!;
      a.text = `#merge:${b.key}`;
      r.cells = r.cells.filter((c) => c !== b);
      for (const c of figs) expect[c.key!] = 'absent';
    }
  }
  if (mut.cut) {
    const i = out.findIndex((x) => x.rowKey === mut.cut!.row);
    if (i >= 0) {
      const r = out[i]!;
      const figs = r.cells.filter((c) => c.key);
      for (const c of figs) expect[c.key!] = 'absent';
      for (const x of out.slice(i + 1)) for (const c of x.cells) if (c.key) expect[c.key] = 'absent';
      const keep = figs.slice(0, mut.cut.figures);
      r.cells = [...r.cells.filter((c) => !c.key), ...keep];
      out = out.slice(0, i + 1);
    }
  }
  return out;
}

/** The text of a figure cell (merged pairs printed as one figure). */
function cellText(c: TCell, truth: Record<string, number>, f: Fmt): string {
  if (!c.key) return c.text;
  if (c.key.startsWith('#')) return c.text;
  if (c.text.startsWith('#merge:')) return fmt(truth[c.key]!, c.key, f) + fmt(truth[c.text.slice(7)]!, c.key, { ...f, unit: '' }).replace(/^[–/—-]$/, '0');
  return fmt(truth[c.key]!, c.key, f);
}

// ---------------------------------------------------------------------------------------------
// The report around the tables
// ---------------------------------------------------------------------------------------------
const BODIES = ['宝鸡市陈仓区数据局', '某县人民政府办公室', '某市统计局', '某区某某街道办事处', '某县乡村振兴局', '某镇人民政府', '某市自然资源和规划局'];

function front(rng: Rng) {
  const body = pick(rng, BODIES);
  const year = int(rng, 2021, 2025);
  const title = `${body}${year}年政府信息公开工作年度报告`;
  const opening = `本报告根据《中华人民共和国政府信息公开条例》和《国办公开办关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。报告中所列数据的统计期限从${year}年1月1日起至${year}年12月31日止，如对本年度报告有疑问，请与${body}联系（联系人：张某，办公电话：0917-6215992，电子邮箱：zhang@example.cn）。`;
  const overview = [
    '（一）主动公开',
    `全年主动公开政府信息${int(rng, 20, 900)}条，其中政策文件${int(rng, 1, 30)}件。`,
    '（二）依申请公开',
    `全年共受理政府信息公开申请${int(rng, 1, 90)}件，均在法定期限内答复。`,
    '（三）政府信息管理',
    '严格落实公开前保密审查制度。',
    '（四）政府信息公开平台建设',
    '持续优化政府网站信息公开专栏。',
    '（五）监督保障',
    '将政务公开工作纳入年度考核。',
  ];
  return { body, year, title, opening, overview };
}

/** Prose around the tables that names row labels and figures (what real reports write under a table). */
function notesFor(truth: Record<string, number>, mut: Mut) {
  if (!mut.notes) return { before2: [], after2: [], before3: [], after3: [] };
  return {
    before2: [`本年度共制发行政规范性文件 ${truth['proactive.normativeDocs.issued']} 件，作出行政处罚决定 ${truth['proactive.punishment.decisions']} 件。`],
    after2: ['注：表中行政许可、行政处罚、行政强制数据由业务科室提供，规章一栏本机关无制定权。'],
    before3: [`本年度共收到政府信息公开申请 ${truth['requests.newReceived.total']} 件，其中予以公开 ${truth['requests.granted.total']} 件，本机关不掌握相关政府信息 ${truth['requests.unable1.total']} 件。`],
    after3: ['注：（七）总计为（一）至（六）之和；四、结转下年度继续办理 的申请已于次年1月办结。'],
  };
}

const TAIL = [SECTION_HEADINGS.problems, '一是公开内容不够全面。二是解读形式单一。下一步将加强培训。', SECTION_HEADINGS.other, '本年度未收取信息处理费。'];

// ---------------------------------------------------------------------------------------------
// Text renderers
// ---------------------------------------------------------------------------------------------
type TextStyle = 'pipe' | 'pipeOuter' | 'tab' | 'cellLine' | 'cellLineBar';

/** Web copy: one row a line (cells joined by `|` or a tab) or one cell a line. */
function webRows(rows: TRow[], truth: Record<string, number>, f: Fmt, style: TextStyle, labelFix: (s: string) => string): string[] {
  const lines: string[] = [];
  for (const r of rows) {
    const texts = r.cells.map((c) => (c.key ? cellText(c, truth, f) : labelFix(c.text)));
    if (style === 'pipe') lines.push(texts.join(' | ') + ' |');
    else if (style === 'pipeOuter') lines.push('| ' + texts.join(' | ') + ' |' + (r.cells.length < 4 ? '||' : ''));
    else if (style === 'tab') lines.push(texts.join('\t'));
    else if (style === 'cellLine') lines.push(...texts.map((t) => t), '');
    else lines.push(...texts.map((t) => `${t} |`));
  }
  return lines;
}

type PdfOpts = {
  /** Where a group label of 三 stands. */
  groups: 'inline' | 'ownLine' | 'vertical' | 'middle' | 'omitted';
  /** Labels longer than this wrap (0: never). */
  wrap: number;
  /** Where a wrapped row's figures stand. */
  figLine: 'first' | 'middle' | 'last' | 'random';
  /** Heads a character a line (四) / jumbled over lines (三). */
  splitHeads: boolean;
};

/** Split a label into lines of at most w characters. */
const wrapText = (s: string, w: number) => {
  if (!w || s.length <= w) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length; i += w) out.push(s.slice(i, i + w));
  return out;
};

/**
 * A PDF's text layer: each row its label and figures apart on a line; long labels wrapped with the
 * figures on one of their lines; group labels placed as `groups` says. Returns line blocks (one per
 * row) so furniture can be put between rows.
 */
function pdfBlocks(table: FigureTable, rows: TRow[], truth: Record<string, number>, f: Fmt, o: PdfOpts, rng: Rng, labelFix: (s: string) => string): string[][] {
  const blocks: string[][] = [];
  // A row's own label wraps inside its cell; a group label beside it stays on the first line.
  const rowLine = (groups: string[], own: string[], figs: string[]): string[] => {
    const parts = wrapText(own.join(' '), o.wrap);
    if (groups.length) parts[0] = [...groups, parts[0]].join(' ');
    const at = o.figLine === 'first' ? 0 : o.figLine === 'last' ? parts.length - 1 : o.figLine === 'middle' ? Math.floor((parts.length - 1) / 2) : int(rng, 0, parts.length - 1);
    return parts.map((p, i) => (i === at && figs.length ? [p, ...figs].join(' ') : p));
  };
  // Head rows.
  const heads = rows.filter((r) => r.kind === 'head');
  const bodyRows = rows.filter((r) => r.kind !== 'head' || table === 'proactive');
  if (table === 'reviews') {
    const headText = heads.flatMap((r) => r.cells.map((c) => labelFix(c.text)));
    if (o.splitHeads) {
      // 行 行 / 政 政 / 复 诉 / 议 讼 … a character a line, side by side.
      const cols = headText.map((t) => [...t]);
      const h = Math.max(...cols.map((c) => c.length));
      const lines: string[] = [];
      for (let i = 0; i < h; i++) lines.push(cols.map((c) => c[i] ?? '').filter(Boolean).join(' '));
      blocks.push(lines);
    } else blocks.push(heads.map((r) => r.cells.map((c) => labelFix(c.text)).join(' ')));
    const body = rows.find((r) => r.kind === 'body');
    if (body) blocks.push([body.cells.map((c) => cellText(c, truth, f)).join(' ')]);
    return blocks;
  }
  if (table === 'requests') {
    const note = labelFix(heads[0]!.cells.find((c) => c.role === 'note')?.text ?? '');
    const colHeads = heads.flatMap((r) => r.cells.filter((c) => c.role !== 'note').map((c) => labelFix(c.text)));
    if (o.splitHeads) {
      // The note wrapped beside the heads; the column heads left to right, broken in two (商业 / 企业).
      const noteParts = wrapText(note, 12);
      const leaves = [REQUEST_COLUMNS[0].label, ...REQUEST_COLUMNS.slice(1).map((c) => c.label), '总计'].map(labelFix);
      const halves = leaves.map((h) => (h.length > 3 ? [h.slice(0, 2), h.slice(2)] : [h, '']));
      const heads = ['申请人情况', '法人或其他组织', halves.map((x) => x[0]).join(' '), halves.map((x) => x[1]).filter(Boolean).join(' ')];
      const lines: string[] = [];
      for (let i = 0; i < Math.max(noteParts.length, heads.length); i++) lines.push([noteParts[i] ?? '', heads[i] ?? ''].filter(Boolean).join(' '));
      blocks.push(lines);
    } else blocks.push([note, colHeads.join(' ')]);
  }
  // Body rows (and 二's clause and head rows).
  type Pending = { lines: string[]; groupStarts: { text: string; span: number }[] };
  const pend: Pending[] = [];
  for (const r of bodyRows) {
    if (r.kind !== 'body') {
      pend.push({ lines: [r.cells.map((c) => labelFix(c.text)).join(' ')], groupStarts: [] });
      continue;
    }
    const labelCells = r.cells.filter((c) => !c.key);
    const groupCells = labelCells.filter((c) => GROUP_TEXTS.has(c.text) && c.rowSpan > 1);
    const own = labelCells.filter((c) => !groupCells.includes(c)).map((c) => labelFix(c.text));
    const figs = r.cells.filter((c) => c.key).map((c) => cellText(c, truth, f)).filter((t) => t !== '');
    const inline = o.groups === 'inline' ? groupCells.map((c) => labelFix(c.text)) : [];
    pend.push({ lines: rowLine(inline, own, figs), groupStarts: groupCells.map((c) => ({ text: labelFix(c.text), span: c.rowSpan })) });
  }
  if (o.groups === 'ownLine' || o.groups === 'vertical' || o.groups === 'middle') {
    // Place each group label over the rows it spans, outermost first.
    const inserts: { at: number; lines: string[]; prefix?: boolean }[] = [];
    pend.forEach((p, i) => {
      for (const g of p.groupStarts) {
        const span = Math.min(g.span, pend.length - i);
        const chars = [...g.text.replace(/[（）()、]/g, (ch) => (ch === '、' ? '' : ch))].filter((ch) => ch.trim());
        if (o.groups === 'ownLine') inserts.push({ at: i, lines: [g.text] });
        else if (o.groups === 'middle') inserts.push({ at: i + Math.floor(span / 2), lines: [g.text], prefix: chance(rng, 0.5) });
        else {
          // One character a line, spread over the group's rows: between rows or at the start of a row's line.
          chars.forEach((ch, k) => inserts.push({ at: i + Math.floor((k * span) / chars.length), lines: [ch], prefix: chance(rng, 0.4) }));
        }
      }
    });
    // Apply from the end so indexes hold; a prefix goes on the row's first line.
    const extra: string[][] = pend.map(() => []);
    const prefix: string[][] = pend.map(() => []);
    for (const ins of inserts) {
      if (ins.at >= pend.length) continue;
      if (ins.prefix) prefix[ins.at]!.push(...ins.lines);
      else extra[ins.at]!.push(...ins.lines);
    }
    pend.forEach((p, i) => {
      if (prefix[i]!.length) p.lines[0] = `${prefix[i]!.join(' ')} ${p.lines[0]}`;
      p.lines.unshift(...extra[i]!);
    });
  }
  for (const p of pend) blocks.push(p.lines);
  return blocks;
}

type Furniture = 'none' | 'dash' | 'page' | 'flip' | 'bare' | 'header' | 'mix';
function furnitureLines(kind: Exclude<Furniture, 'none' | 'mix'>, page: number, title: string): string[] {
  switch (kind) {
    case 'dash':
      return [`— ${page} —`];
    case 'page':
      return [`第${page}页 共${page + 3}页`];
    case 'flip':
      return [`Page ${page + 1} - ${title}`, `P. ${page + 1}`];
    case 'bare':
      return [String(page), title];
    case 'header':
      return [`- ${page} -`, title];
  }
}

/** Line blocks with page ends put between some of them (and inside a wrapped row). */
function withFurniture(blocks: string[][], kind: Furniture, rng: Rng, title: string, pageRef: { n: number }): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const lines = [...b];
    if (kind !== 'none' && i > 0 && chance(rng, 0.12)) {
      const k: Exclude<Furniture, 'none' | 'mix'> = kind === 'mix' ? pick(rng, ['dash', 'page', 'flip', 'bare', 'header'] as const) : kind;
      const fl = furnitureLines(k, pageRef.n++, title);
      // Inside a wrapped row now and then, else before the row.
      if (lines.length > 1 && chance(rng, 0.3)) lines.splice(1, 0, ...fl);
      else lines.unshift(...fl);
    }
    out.push(...lines);
  });
  return out;
}

type TextLayout = {
  style: TextStyle | 'pdf';
  fmt?: Fmt;
  pdf?: Partial<PdfOpts>;
  furniture?: Furniture;
  halfWidth?: boolean;
  mut?: (rng: Rng) => Mut;
  truth?: TruthOpts;
};

function textCase(seed: number, L: TextLayout): Case {
  const rng = mulberry32(seed);
  const truth = makeTruth(rng, L.truth);
  const fr = front(rng);
  const expect: Expect = { ...truth };
  const mut = L.mut?.(rng) ?? {};
  const f = L.fmt ?? {};
  const labelFix = L.halfWidth ? halfWidth : (s: string) => s;
  const pdf: PdfOpts = { groups: 'inline', wrap: 0, figLine: 'first', splitHeads: false, ...L.pdf };
  const page = { n: 2 };
  const tableLines = (t: FigureTable): string[] => {
    const rows = applyMut(t, tableRows(t), truth, mut, expect);
    if (L.style === 'pdf') return withFurniture(pdfBlocks(t, rows, truth, f, pdf, rng, labelFix), L.furniture ?? 'none', rng, fr.title, page);
    return webRows(rows, truth, f, L.style, labelFix);
  };
  const h = (s: string) => (L.halfWidth ? halfWidth(s) : s);
  const n = notesFor(truth, mut);
  const lines = [fr.title, fr.opening, SECTION_HEADINGS.overview, ...fr.overview, h(SECTION_HEADINGS.proactive), ...n.before2, ...tableLines('proactive'), ...n.after2, h(SECTION_HEADINGS.requests), ...n.before3, ...tableLines('requests'), ...n.after3];
  if (mut.cut) {
    for (const k of Object.keys(expect)) if (k.startsWith('reviews.')) expect[k] = 'absent';
  } else lines.push(h(SECTION_HEADINGS.reviews), ...tableLines('reviews'), ...TAIL);
  return { input: lines.join('\n') + '\n', format: 'text', expect };
}

// ---------------------------------------------------------------------------------------------
// HTML renderers
// ---------------------------------------------------------------------------------------------
type HtmlLayout = {
  /** official: th/td with the layout's spans; plain: every cell a td with <p><span>; expanded: no spans, a spanned cell repeated in every slot. */
  cells: 'official' | 'plain' | 'expanded' | 'mergedLabels';
  fmt?: Fmt;
  /** <br> inside long labels. */
  br?: boolean;
  /** 二's four blocks as four tables. */
  splitProactive?: boolean;
  /** Blank cells written as &nbsp;. */
  nbsp?: boolean;
  mut?: (rng: Rng) => Mut;
  truth?: TruthOpts;
  /** 四 as three rows (one a block) instead of one row of 15. */
  reviewsByRow?: boolean;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlTable(rows: TRow[], truth: Record<string, number>, L: HtmlLayout, rng: Rng): string {
  const f = L.fmt ?? {};
  const inner = (c: TCell) => {
    let t = c.key ? cellText(c, truth, f) : c.text;
    if (t === '' && L.nbsp) return '&nbsp;';
    t = esc(t);
    if (L.br && !c.key && t.length > 12) t = t.slice(0, 9) + '<br/>' + t.slice(9);
    if (L.cells === 'plain') return `<p style="text-align:center;line-height:150%"><span style="font-family:仿宋_GB2312;font-size:14pt">${t}</span></p>`;
    return t;
  };
  let body: string;
  if (L.cells === 'expanded') {
    // Every slot of the grid holds the text of the cell covering it (a page built without spans).
    const width = Math.max(...rows.map((r) => r.cells.reduce((s, c) => s + c.colSpan, 0)));
    const grid: (TCell | null)[][] = rows.map(() => Array(width).fill(null));
    rows.forEach((r, ri) => {
      let col = 0;
      for (const c of r.cells) {
        while (grid[ri]![col]) col++;
        for (let i = ri; i < Math.min(rows.length, ri + c.rowSpan); i++) for (let j = col; j < col + c.colSpan; j++) grid[i]![j] = c.key && (i !== ri || j !== col) ? { text: '', colSpan: 1, rowSpan: 1, head: true } : c;
        col += c.colSpan;
      }
    });
    body = grid.map((r) => `<tr>${r.map((c) => (c && c.key ? `<td>${inner(c)}</td>` : c && c.text ? `<td>${inner(c)}</td>` : '')).join('')}</tr>`).join('\n');
  } else if (L.cells === 'mergedLabels') {
    // A body row's label cells in one cell ("（三）不予公开1.属于国家秘密"), the group label not spanning.
    body = rows
      .map((r) => {
        if (r.kind !== 'body') return `<tr>${r.cells.map((c) => `<td colspan="${c.colSpan}" rowspan="${c.rowSpan}">${inner(c)}</td>`).join('')}</tr>`;
        const labels = r.cells.filter((c) => !c.key);
        const figs = r.cells.filter((c) => c.key);
        const own = labels.filter((c) => !(GROUP_TEXTS.has(c.text) && c.rowSpan > 1)).map((c) => c.text).join('');
        const span = rows[0]!.cells.reduce((s, c) => s + c.colSpan, 0) - figs.reduce((s, c) => s + c.colSpan, 0);
        return `<tr><td colspan="${Math.max(1, span)}">${esc(own)}</td>${figs.map((c) => `<td colspan="${c.colSpan}">${inner(c)}</td>`).join('')}</tr>`;
      })
      .join('\n');
    // Group labels are lost in this form: the row label must still identify the row.
    body = body.replace(/（三）不予公开|（四）无法提供|（五）不予处理|（六）其他处理/g, '');
  } else {
    body = rows
      .map((r) => {
        const cells = r.cells.map((c) => {
          const tag = L.cells === 'official' && !c.key ? 'th' : 'td';
          const spans = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
          return `<${tag}${spans} style="border:1px solid #000;width:${int(rng, 40, 120)}px">${inner(c)}</${tag}>`;
        });
        return `<tr style="height:24px">${cells.join('')}</tr>`;
      })
      .join('\n');
  }
  return `<div class="TRS_Editor"><table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse" width="100%"><colgroup><col width="120"/></colgroup><tbody>\n${body}\n</tbody></table></div>`;
}

function htmlCase(seed: number, L: HtmlLayout): Case {
  const rng = mulberry32(seed);
  const truth = makeTruth(rng, L.truth);
  const fr = front(rng);
  const expect: Expect = { ...truth };
  const mut = L.mut?.(rng) ?? {};
  const p = (s: string) => `<p style="text-indent:2em"><span>${esc(s)}</span></p>`;
  const notes = notesFor(truth, mut);
  const heading = (s: string) => `<p><strong>${esc(s)}</strong></p>`;
  const tables = (t: FigureTable) => {
    let rows = applyMut(t, tableRows(t), truth, mut, expect);
    if (t === 'reviews' && L.reviewsByRow) {
      const body = rows.find((r) => r.kind === 'body')!;
      const figs = body.cells;
      rows = [
        { kind: 'head', cells: [{ text: '', colSpan: 1, rowSpan: 1 }, ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((text) => ({ text, colSpan: 1, rowSpan: 1, head: true }))] },
        ...['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'].map((text, b) => ({ kind: 'body' as const, cells: [{ text, colSpan: 1, rowSpan: 1 }, ...figs.slice(b * 5, b * 5 + 5)] })),
      ];
    }
    if (t === 'proactive' && L.splitProactive) {
      const parts: TRow[][] = [];
      for (const r of rows) (r.kind === 'clause' || !parts.length ? parts[parts.push([]) - 1]! : parts[parts.length - 1]!).push(r);
      return parts.map((part) => htmlTable(part, truth, L, rng)).join('\n<p></p>\n');
    }
    return htmlTable(rows, truth, L, rng);
  };
  const html = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title><script>var a="<p>一、总体情况</p>";</script></head><body>',
    '<div class="header"><a href="/">首页</a> &gt; <a href="#">政府信息公开年报</a></div>',
    `<div class="article"><h1 style="text-align:center">${esc(fr.title)}</h1>`,
    p(fr.opening),
    heading(SECTION_HEADINGS.overview),
    ...fr.overview.map(p),
    heading(SECTION_HEADINGS.proactive),
    ...notes.before2.map(p),
    tables('proactive'),
    ...notes.after2.map(p),
    heading(SECTION_HEADINGS.requests),
    ...notes.before3.map(p),
    tables('requests'),
    ...notes.after3.map(p),
    ...(mut.cut ? [] : [heading(SECTION_HEADINGS.reviews), tables('reviews'), ...TAIL.map(p)]),
    '</div><div class="footer">版权所有</div></body></html>',
  ].join('\n');
  if (mut.cut) for (const k of Object.keys(expect)) if (k.startsWith('reviews.')) expect[k] = 'absent';
  return { input: html, format: 'html', expect };
}

// ---------------------------------------------------------------------------------------------
// Measure
// ---------------------------------------------------------------------------------------------
type Measure = { right: number; blank: number; silent: number; wrong: number; failed: number; wrongs: string[] };
const emptyMeasure = (): Measure => ({ right: 0, blank: 0, silent: 0, wrong: 0, failed: 0, wrongs: [] });

function measure(c: Case, seed: number, m: Measure) {
  if (process.env.LAYOUT_DUMP === String(seed)) writeFileSync(`/tmp/layout-case-${seed}.${c.format === 'html' ? 'html' : 'txt'}`, c.input);
  const r: ImportResult = c.format === 'html' ? parseHtml(c.input) : parseText(c.input);
  if (!r.ok) {
    m.failed++;
    m.blank += Object.keys(c.expect).length;
    return;
  }
  const listed = new Set(r.unplaced.flatMap((u) => u.keys));
  if (process.env.LAYOUT_DEBUG) {
    const blanks = Object.keys(c.expect).filter((k) => r.published[k] === undefined && c.expect[k] !== 'absent');
    if (blanks.length) console.log(`seed ${seed} blank: ${[...new Set(blanks.map((k) => k.split('.').slice(0, 2).join('.')))].join(' ')}\n` + r.unplaced.filter((u) => u.keys.some((k) => blanks.includes(k))).map((u) => u.message + ' :: ' + u.snippet).join('\n'));
  }
  for (const [k, want] of Object.entries(c.expect)) {
    const got = r.published[k];
    if (got === undefined) {
      if (want === 'absent' || listed.has(k)) m.blank++;
      else m.silent++;
    } else if (want !== 'absent' && Math.abs(got - want) < 1e-9) m.right++;
    else {
      m.wrong++;
      if (m.wrongs.length < 6) m.wrongs.push(`seed ${seed}: ${k} placed ${got}, truth ${want === 'absent' ? 'not in the source' : want}`);
    }
  }
  // Nothing placed outside the catalogue.
  for (const k of Object.keys(r.published)) if (!(k in c.expect)) m.wrong++;
}

const RESULTS = new Map<string, Measure>();
const N = 12;

type Spec = { name: string; make: (seed: number) => Case; /** Every figure the source holds must be read (a layout read fully today). */ full?: boolean };

function run(spec: Spec, base: number): Measure {
  const m = emptyMeasure();
  for (let i = 0; i < N; i++) measure(spec.make(base + i * 7919), base + i * 7919, m);
  RESULTS.set(spec.name, m);
  return m;
}

function check(spec: Spec, base: number) {
  it(spec.name, () => {
    const m = run(spec, base);
    expect(m.wrongs, spec.name).toEqual([]);
    expect(m.wrong).toBe(0);
    expect(m.silent, 'a figure left blank without being listed').toBe(0);
    if (spec.full) expect({ blank: m.blank, failed: m.failed }).toEqual({ blank: 0, failed: 0 });
  });
}

afterAll(() => {
  const rows = [...RESULTS].map(([name, m]) => {
    const total = m.right + m.blank + m.silent + m.wrong;
    return `${name.padEnd(58)} right ${String(m.right).padStart(5)}  blank+listed ${String(m.blank).padStart(5)}  silent ${String(m.silent).padStart(3)}  wrong ${String(m.wrong).padStart(4)}  (${((100 * m.right) / total).toFixed(0)}% right${m.failed ? `, ${m.failed} refused` : ''})`;
  });
  console.log(`layouts × ${N} random reports:\n` + rows.join('\n'));
});

// ---------------------------------------------------------------------------------------------
// The layouts
// ---------------------------------------------------------------------------------------------
const ROW_KEYS = REQUEST_INPUT_ROWS.map((r) => r.key as string);
const permutation = (rng: Rng) => {
  const p = [0, 1, 2, 3, 4, 5];
  for (let i = 5; i > 0; i--) {
    const j = int(rng, 0, i);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p.join('') === '012345' ? [1, 0, 2, 3, 4, 5] : p;
};

const WEB: Spec[] = [
  { name: 'web | rows', make: (s) => textCase(s, { style: 'pipe' }), full: true },
  { name: 'web | rows, outer bars and || fills', make: (s) => textCase(s, { style: 'pipeOuter' }), full: true },
  { name: 'web tab rows', make: (s) => textCase(s, { style: 'tab' }), full: true },
  { name: 'web one cell a line', make: (s) => textCase(s, { style: 'cellLine' }) },
  // Timid: （六）其他处理 in a cell of its own after 5.要求行政机关确认… leaves that row blank (misreadings.md).
  { name: 'web one cell a line ending " |"', make: (s) => textCase(s, { style: 'cellLineBar' }) },
  { name: 'web | rows, blank for 0', make: (s) => textCase(s, { style: 'pipe', fmt: { zero: '' } }) },
  { name: 'web | rows, – for 0', make: (s) => textCase(s, { style: 'pipe', fmt: { zero: '–' } }), full: true },
  { name: 'web | rows, / for 0', make: (s) => textCase(s, { style: 'pipe', fmt: { zero: '/' } }), full: true },
  { name: 'web tab rows, — for 0', make: (s) => textCase(s, { style: 'tab', fmt: { zero: '—' } }), full: true },
  { name: 'web " |" cells, blank for 0', make: (s) => textCase(s, { style: 'cellLineBar', fmt: { zero: '' } }) },
  { name: 'web | rows, full-width digits, half-width brackets', make: (s) => textCase(s, { style: 'pipe', fmt: { fullWidth: true }, halfWidth: true }), full: true },
  { name: 'web | rows, 件 after figures', make: (s) => textCase(s, { style: 'pipe', fmt: { unit: '件' } }), full: true },
  { name: 'web | rows, thousands separators', make: (s) => textCase(s, { style: 'pipe', fmt: { thousands: true }, truth: { big: true } }), full: true },
  { name: 'web | rows, rows with the same numbers', make: (s) => textCase(s, { style: 'pipe', truth: { same: true } }), full: true },
  { name: 'web | rows, a row missing', make: (s) => textCase(s, { style: 'pipe', mut: (r) => ({ drop: [pick(r, ROW_KEYS), pick(r, ['rules', 'licensing', 'enforcement'])] }) }) },
  { name: 'web | rows, blank for 0, a row missing', make: (s) => textCase(s, { style: 'pipe', fmt: { zero: '' }, mut: (r) => ({ drop: [pick(r, ROW_KEYS)] }) }) },
  { name: 'web | rows, extra 合计 rows', make: (s) => textCase(s, { style: 'pipe', mut: () => ({ extraTotal: true }) }) },
  { name: 'web | rows, 序号 column in 三', make: (s) => textCase(s, { style: 'pipe', mut: () => ({ serial: true }) }) },
  { name: 'web | rows, unit column in 二', make: (s) => textCase(s, { style: 'pipe', mut: () => ({ unitColumn: true }) }) },
  { name: 'web | rows, cut inside 三', make: (s) => textCase(s, { style: 'pipe', mut: (r) => ({ cut: { row: pick(r, ROW_KEYS.slice(2)), figures: int(r, 0, 6) } }) }) },
  { name: 'web | rows, -- for 0', make: (s) => textCase(s, { style: 'pipe', fmt: { zero: '--' } }) },
  { name: 'web | rows, 无 for 0', make: (s) => textCase(s, { style: 'pipe', fmt: { zero: '无' } }) },
  { name: 'web | rows, fees "1,234.5万元"', make: (s) => textCase(s, { style: 'pipe', fmt: { thousands: true, feeUnit: true }, truth: { big: true } }), full: true },
  { name: 'web | rows, spanned cells repeated in each row', make: (s) => textCase(s, { style: 'pipe', mut: () => ({ expand: true }) }), full: true },
  { name: 'web | rows, 小计 row in each group of 三', make: (s) => textCase(s, { style: 'pipe', mut: () => ({ groupTotals: true }) }) },
  { name: 'web | rows, prose naming rows around the tables', make: (s) => textCase(s, { style: 'pipe', mut: () => ({ notes: true }) }) },
  { name: 'web one cell a line, 序号 column in 三', make: (s) => textCase(s, { style: 'cellLine', mut: () => ({ serial: true }) }) },
  { name: 'web one cell a line, blank for 0, a row missing', make: (s) => textCase(s, { style: 'cellLine', fmt: { zero: '' }, mut: (r) => ({ drop: [pick(r, ROW_KEYS), pick(r, ['licensing', 'enforcement'])] }) }) },
  { name: 'web | rows, two figures merged', make: (s) => textCase(s, { style: 'pipe', mut: (r) => ({ merge: { row: pick(r, ROW_KEYS), at: int(r, 0, 5) } }) }) },
];

const PDF: Spec[] = [
  { name: 'pdf rows on one line', make: (s) => textCase(s, { style: 'pdf' }), full: true },
  { name: 'pdf group labels on their own line', make: (s) => textCase(s, { style: 'pdf', pdf: { groups: 'ownLine' } }), full: true },
  { name: 'pdf group labels vertical', make: (s) => textCase(s, { style: 'pdf', pdf: { groups: 'vertical' } }), full: true },
  { name: 'pdf group labels beside the middle row', make: (s) => textCase(s, { style: 'pdf', pdf: { groups: 'middle' } }), full: true },
  { name: 'pdf group labels omitted', make: (s) => textCase(s, { style: 'pdf', pdf: { groups: 'omitted' } }), full: true },
  { name: 'pdf labels wrapped, figures on the first line', make: (s) => textCase(s, { style: 'pdf', pdf: { wrap: 14, figLine: 'first' } }), full: true },
  { name: 'pdf labels wrapped, figures on the middle line', make: (s) => textCase(s, { style: 'pdf', pdf: { wrap: 10, figLine: 'middle' } }), full: true },
  { name: 'pdf labels wrapped, figures on the last line', make: (s) => textCase(s, { style: 'pdf', pdf: { wrap: 12, figLine: 'last' } }), full: true },
  { name: 'pdf wrapped (random line), vertical groups, split heads', make: (s) => textCase(s, { style: 'pdf', pdf: { wrap: 11, figLine: 'random', groups: 'vertical', splitHeads: true } }), full: true },
  { name: 'pdf furniture — N —', make: (s) => textCase(s, { style: 'pdf', furniture: 'dash', pdf: { wrap: 14 } }), full: true },
  { name: 'pdf furniture 第N页 共M页', make: (s) => textCase(s, { style: 'pdf', furniture: 'page', pdf: { wrap: 14 } }), full: true },
  { name: 'pdf furniture Page N - title / P. N', make: (s) => textCase(s, { style: 'pdf', furniture: 'flip', pdf: { wrap: 14, groups: 'vertical' } }), full: true },
  { name: 'pdf furniture bare page number + running header', make: (s) => textCase(s, { style: 'pdf', furniture: 'bare' }) },
  { name: 'pdf furniture mixed, wrapped, vertical groups', make: (s) => textCase(s, { style: 'pdf', furniture: 'mix', pdf: { wrap: 12, figLine: 'random', groups: 'vertical', splitHeads: true } }) },
  { name: 'pdf full-width digits, half-width brackets', make: (s) => textCase(s, { style: 'pdf', fmt: { fullWidth: true }, halfWidth: true }), full: true },
  { name: 'pdf 件 after figures (attached / apart)', make: (s) => textCase(s, { style: 'pdf', fmt: { unit: s % 2 ? '件' : ' 件' } }), full: true },
  { name: 'pdf – for 0', make: (s) => textCase(s, { style: 'pdf', fmt: { zero: '–' }, pdf: { wrap: 13 } }), full: true },
  { name: 'pdf blank for 0 (cells vanish)', make: (s) => textCase(s, { style: 'pdf', fmt: { zero: '' } }) },
  { name: 'pdf thousands separators', make: (s) => textCase(s, { style: 'pdf', fmt: { thousands: true }, truth: { big: true } }), full: true },
  { name: 'pdf rows with the same numbers', make: (s) => textCase(s, { style: 'pdf', truth: { same: true }, pdf: { wrap: 12, figLine: 'random', groups: 'vertical' } }), full: true },
  { name: 'pdf a row missing', make: (s) => textCase(s, { style: 'pdf', mut: (r) => ({ drop: [pick(r, ROW_KEYS), pick(r, ['normativeDocs', 'punishment', 'fees'])] }), pdf: { wrap: 12, groups: 'vertical' } }) },
  { name: 'pdf extra 合计 rows', make: (s) => textCase(s, { style: 'pdf', mut: () => ({ extraTotal: true }) }) },
  { name: 'pdf 序号 column in 三', make: (s) => textCase(s, { style: 'pdf', mut: () => ({ serial: true }) }) },
  { name: 'pdf cut inside 三', make: (s) => textCase(s, { style: 'pdf', mut: (r) => ({ cut: { row: pick(r, ROW_KEYS.slice(2)), figures: int(r, 0, 6) } }), pdf: { wrap: 12 } }) },
  { name: 'pdf blank for 0, furniture mixed', make: (s) => textCase(s, { style: 'pdf', fmt: { zero: '' }, furniture: 'mix', pdf: { wrap: 12, figLine: 'random', groups: 'vertical' } }) },
  { name: 'pdf 无 for 0', make: (s) => textCase(s, { style: 'pdf', fmt: { zero: '无' } }) },
  { name: 'pdf fees "1,234.5万元", thousands', make: (s) => textCase(s, { style: 'pdf', fmt: { thousands: true, feeUnit: true }, truth: { big: true } }), full: true },
  { name: 'pdf 小计 row in each group of 三', make: (s) => textCase(s, { style: 'pdf', mut: () => ({ groupTotals: true }), pdf: { groups: 'vertical', wrap: 13 } }) },
  { name: 'pdf prose naming rows around the tables', make: (s) => textCase(s, { style: 'pdf', mut: () => ({ notes: true }), pdf: { wrap: 13 } }) },
  { name: 'pdf 序号 column in 三, blank for 0', make: (s) => textCase(s, { style: 'pdf', fmt: { zero: '' }, mut: () => ({ serial: true }) }) },
  { name: 'pdf two figures merged ("3 0" → "30")', make: (s) => textCase(s, { style: 'pdf', mut: (r) => ({ merge: { row: pick(r, ROW_KEYS), at: int(r, 0, 5) } }) }) },
];

const HTML: Spec[] = [
  { name: 'html th/td with the official spans', make: (s) => htmlCase(s, { cells: 'official' }), full: true },
  { name: 'html td with <p><span> and inline styles, <br> in labels', make: (s) => htmlCase(s, { cells: 'plain', br: true }), full: true },
  { name: 'html 二 as four tables', make: (s) => htmlCase(s, { cells: 'official', splitProactive: true }), full: true },
  { name: 'html no spans (spanned cells repeated)', make: (s) => htmlCase(s, { cells: 'expanded' }) },
  { name: 'html group and row label in one cell', make: (s) => htmlCase(s, { cells: 'mergedLabels' }), full: true },
  { name: 'html blank (&nbsp;) for 0', make: (s) => htmlCase(s, { cells: 'plain', fmt: { zero: '' }, nbsp: true }), full: true },
  { name: 'html / for 0, full-width digits', make: (s) => htmlCase(s, { cells: 'official', fmt: { zero: '/', fullWidth: true } }), full: true },
  { name: 'html thousands separators, decimals in 万元', make: (s) => htmlCase(s, { cells: 'official', fmt: { thousands: true }, truth: { big: true } }), full: true },
  { name: 'html a row missing', make: (s) => htmlCase(s, { cells: 'official', mut: (r) => ({ drop: [pick(r, ROW_KEYS), pick(r, ['rules', 'punishment'])] }) }) },
  { name: 'html extra 合计 rows', make: (s) => htmlCase(s, { cells: 'official', mut: () => ({ extraTotal: true }) }) },
  { name: 'html 序号 column in 三', make: (s) => htmlCase(s, { cells: 'official', mut: () => ({ serial: true }) }) },
  { name: 'html unit column in 二', make: (s) => htmlCase(s, { cells: 'official', mut: () => ({ unitColumn: true }) }) },
  { name: 'html cut inside 三', make: (s) => htmlCase(s, { cells: 'official', mut: (r) => ({ cut: { row: pick(r, ROW_KEYS.slice(2)), figures: int(r, 0, 6) } }) }) },
  { name: 'html two figures merged in one cell', make: (s) => htmlCase(s, { cells: 'official', mut: (r) => ({ merge: { row: pick(r, ROW_KEYS), at: int(r, 0, 5) } }) }) },
  { name: 'html 小计 row in each group of 三', make: (s) => htmlCase(s, { cells: 'official', mut: () => ({ groupTotals: true }) }) },
  { name: 'html prose naming rows around the tables', make: (s) => htmlCase(s, { cells: 'plain', mut: () => ({ notes: true }) }) },
  { name: 'html 序号 column in 三, blank for 0', make: (s) => htmlCase(s, { cells: 'official', fmt: { zero: '' }, mut: () => ({ serial: true }) }) },
  { name: 'html fees "1,234.5万元", 件 after counts', make: (s) => htmlCase(s, { cells: 'plain', fmt: { thousands: true, feeUnit: true, unit: '件' }, truth: { big: true } }), full: true },
  { name: 'html 无 for 0', make: (s) => htmlCase(s, { cells: 'official', fmt: { zero: '无' } }) },
  { name: 'html 四 one row a block', make: (s) => htmlCase(s, { cells: 'official', reviewsByRow: true }) },
];

/**
 * Layouts where today's importer places a wrong figure — each under describe.skip below with its
 * entry in /tmp/notes/misreadings.md (H2 fixes the importer; then the case moves up and must pass).
 */
const WRONG: { spec: Spec; why: string }[] = [
  // wrong figure: 三's columns printed in another order (head shows it) are placed in the official order — see /tmp/notes/misreadings.md
  { spec: { name: 'web | rows, 三 columns in another order', make: (s) => textCase(s, { style: 'pipe', mut: (r) => ({ colOrder: permutation(r) }) }) }, why: 'columns' },
  { spec: { name: 'pdf 三 columns in another order', make: (s) => textCase(s, { style: 'pdf', mut: (r) => ({ colOrder: permutation(r) }) }) }, why: 'columns' },
  { spec: { name: 'html 三 columns in another order', make: (s) => htmlCase(s, { cells: 'official', mut: (r) => ({ colOrder: permutation(r) }) }) }, why: 'columns' },
  // wrong figure: 二's 第二十条第（一）项 columns in another order (本年制发/现行有效/本年废止) placed in the official order — see /tmp/notes/misreadings.md
  { spec: { name: 'web | rows, 二 columns in another order', make: (s) => textCase(s, { style: 'pipe', mut: (r) => ({ proactiveOrder: pick(r, [[0, 2, 1], [1, 0, 2], [2, 1, 0]]) }) }) }, why: 'columns' },
  { spec: { name: 'html 二 columns in another order', make: (s) => htmlCase(s, { cells: 'official', mut: (r) => ({ proactiveOrder: pick(r, [[0, 2, 1], [1, 0, 2], [2, 1, 0]]) }) }) }, why: 'columns' },
  // wrong figure: 四 with each block's 总计 first — the 15 figures placed in the official order — see /tmp/notes/misreadings.md
  { spec: { name: 'web | rows, 四 总计 first in each block', make: (s) => textCase(s, { style: 'pipe', mut: () => ({ reviewTotalFirst: true }) }) }, why: 'columns' },
  { spec: { name: 'html 四 总计 first in each block', make: (s) => htmlCase(s, { cells: 'official', mut: () => ({ reviewTotalFirst: true }) }) }, why: 'columns' },
  // wrong figure: a 序号 column in a | copy with blank cells for 0: the next row's 序号 becomes a row's 7th figure — see /tmp/notes/misreadings.md
  { spec: { name: 'web | rows, 序号 column in 三, blank for 0', make: (s) => textCase(s, { style: 'pipe', fmt: { zero: '' }, mut: () => ({ serial: true }) }) }, why: 'serial' },
  // wrong figure: a row whose only cell is blank, then a bare page number and the running header: the page number is taken as its figure — see /tmp/notes/misreadings.md
  { spec: { name: 'pdf blank for 0, bare page numbers + running header', make: (s) => textCase(s, { style: 'pdf', fmt: { zero: '' }, furniture: 'bare', pdf: { wrap: 14 } }) }, why: 'page' },
];

describe('layouts a person reads: no figure placed wrong, every blank listed', () => {
  describe('web copies', () => WEB.forEach((s, i) => check(s, 1000 + i * 101)));
  describe('PDF text layers', () => PDF.forEach((s, i) => check(s, 5000 + i * 101)));
  describe('HTML pages', () => HTML.forEach((s, i) => check(s, 9000 + i * 101)));
});

describe('layouts that placed wrong figures until this stop (L1–L5: columns of 二/三/四 in another order, 序号 with blank cells, a page number after a blank row)', () => WRONG.forEach((w, i) => check(w.spec, 13000 + i * 101)));
