import 'server-only';
import { FIGURES, figureLabel, figureValues, formatFigure, type Figure } from '@ccgov/report';
import { disclosureRates, formatRate, RATE_DEFINITIONS, SECTION_HEADINGS, type RateKey } from '@ccgov/report';
import { publishedContents } from '@ccgov/api';
import { getDb } from '@ccgov/db';
import { loadList } from '@/server/public-data';

/** A figure the compare page can show: one of the format's figures, or a derived rate. */
export type CompareFigure = { key: string; label: string; group: string };

const RATE_KEYS: RateKey[] = ['disclosure', 'reviewCorrection', 'suitCorrection'];
const RATES_GROUP = '比率';

const figureOption = (f: Figure): CompareFigure => ({ key: f.key, label: figureLabel(f), group: f.sectionLabel });

/** Offered in the form: all of 二 and 四, the 总计 column of each row of 三, and the rates. */
export const FIGURE_OPTIONS: CompareFigure[] = [
  ...FIGURES.filter((f) => f.table !== 'requests' || f.key.endsWith('.total')).map(figureOption),
  ...RATE_KEYS.map((k) => ({ key: `rate.${k}`, label: RATE_DEFINITIONS[k].label, group: RATES_GROUP })),
];
export const FIGURE_GROUPS = [SECTION_HEADINGS.proactive, SECTION_HEADINGS.requests, SECTION_HEADINGS.reviews, RATES_GROUP];
export const ALL_FIGURES = 'all';

export const DEFAULT_FIGURES = [
  'requests.newReceived.total',
  'requests.granted.total',
  'requests.partial.total',
  'requests.resultTotal.total',
  'rate.disclosure',
  'proactive.licensing.decisions',
  'proactive.punishment.decisions',
  'reviews.review.total',
  'reviews.suitDirect.total',
  'reviews.suitAfterReview.total',
];

export type CompareQuery = { d?: string | string[]; y?: string | string[]; f?: string | string[] };
const many = (v: string | string[] | undefined) => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** Bounds of one comparison: columns are departments × years, so both are capped (environment may raise them; the bench's scale run does). */
const bound = (raw: string | undefined, fallback: number) => (raw && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : fallback);
export const COMPARE_MAX_DEPARTMENTS = bound(process.env.COMPARE_MAX_DEPARTMENTS, 10);
export const COMPARE_MAX_YEARS = bound(process.env.COMPARE_MAX_YEARS, 5);
const COMPARE_MAX_FIGURE_PARAMS = 300;

/** Why a selection is refused (too many departments, years or figures), or null. Nothing is loaded. */
export function selectionProblem(q: CompareQuery): string | null {
  const d = new Set(many(q.d)).size;
  const y = new Set(many(q.y)).size;
  if (d > COMPARE_MAX_DEPARTMENTS) return `最多可同时对比${COMPARE_MAX_DEPARTMENTS}个部门和镇街（本次选了${d}个），请减少后再对比`;
  if (y > COMPARE_MAX_YEARS) return `最多可同时对比${COMPARE_MAX_YEARS}个年度（本次选了${y}个），请减少后再对比`;
  if (many(q.f).length > COMPARE_MAX_FIGURE_PARAMS) return '所选数字过多，请选择“全部数字”或减少后再对比';
  return null;
}

export type Selection = { departmentIds: number[]; years: number[]; figures: string[]; all: boolean; chosen: boolean };

/** What the visitor chose, keeping only values that exist; unknown values are dropped. */
export async function parseSelection(q: CompareQuery): Promise<Selection> {
  const list = await loadList();
  const departmentIds = [...new Set(many(q.d).map(Number))].filter((id) => list.some((r) => r.departmentId === id));
  const allYears = [...new Set(list.map((r) => r.year))].sort((a, b) => b - a);
  const chosenYears = [...new Set(many(q.y).map(Number))].filter((y) => allYears.includes(y)).sort((a, b) => a - b);
  const f = many(q.f);
  const all = f.includes(ALL_FIGURES);
  const known = new Set([...FIGURES.map((x) => x.key), ...FIGURE_OPTIONS.map((x) => x.key)]);
  const figures = all ? [] : f.filter((k) => known.has(k));
  return {
    departmentIds,
    years: chosenYears.length ? chosenYears : allYears.slice(0, 1),
    figures: all ? [] : figures.length ? figures : DEFAULT_FIGURES,
    all,
    chosen: departmentIds.length > 0,
  };
}

export type CompareTable = {
  columns: { id: number; departmentName: string; year: number }[];
  missing: { departmentName: string; year: number }[];
  rows: { key: string; group: string; label: string; values: string[] }[];
};

/** The chosen figures of the chosen departments and years, side by side (one column per report). */
export async function compareTable(sel: Selection): Promise<CompareTable> {
  const list = await loadList();
  const names = new Map(list.map((r) => [r.departmentId, r.departmentName]));
  const columns: CompareTable['columns'] = [];
  const missing: CompareTable['missing'] = [];
  for (const departmentId of sel.departmentIds) {
    for (const year of sel.years) {
      const item = list.find((r) => r.departmentId === departmentId && r.year === year);
      if (item) columns.push({ id: item.id, departmentName: item.departmentName, year });
      else missing.push({ departmentName: names.get(departmentId) ?? '', year });
    }
  }
  // One query for the figures of every column (the list above holds only readable publications).
  const byId = publishedContents(getDb(), columns.map((c) => c.id));
  const contents = columns.map((c) => byId.get(c.id)!);
  const values = contents.map(figureValues);
  const rates = contents.map((c) => Object.fromEntries(disclosureRates(c).map((r) => [r.key, r.value])));
  const chosen = sel.all
    ? [...FIGURES.map(figureOption), ...FIGURE_OPTIONS.filter((o) => o.group === RATES_GROUP)]
    : sel.figures.map((k) => FIGURE_OPTIONS.find((o) => o.key === k) ?? figureOption(FIGURES.find((f) => f.key === k)!));
  // Shown grouped by section, in the order of the report.
  const figures = FIGURE_GROUPS.flatMap((g) => chosen.filter((c) => c.group === g));
  const rows = figures.map((fig) => {
    if (fig.key.startsWith('rate.')) {
      const k = fig.key.slice(5) as RateKey;
      return { key: fig.key, group: fig.group, label: fig.label, values: rates.map((r) => formatRate(r[k] ?? null)) };
    }
    const field = FIGURES.find((f) => f.key === fig.key)!;
    return { key: fig.key, group: fig.group, label: fig.label, values: values.map((v) => formatFigure(v[fig.key], field.kind)) };
  });
  return { columns, missing, rows };
}
