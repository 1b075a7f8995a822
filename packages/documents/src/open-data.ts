import {
  CONTACT_FIELDS,
  DEPARTMENT_KIND_LABELS,
  DEPARTMENT_KINDS,
  FIGURES,
  OVERVIEW_PARTS,
  RATE_DEFINITIONS,
  reportTitle,
  SECTION_HEADINGS,
  type Figure,
  type RateKey,
  type ReportContent,
} from '@ccgov/report';
import { z } from 'zod';
import { figureLabel, figuresObject } from '@ccgov/report';
import type { PublishedReport } from './outline';

/**
 * The open-data shapes, as zod schemas: the builders below return their types, the tests check
 * real answers against them, and /api/open/openapi.json is generated from them (openApiDocument).
 * Field names are a public contract (documented in the README): add fields, never rename or
 * remove them.
 */

/** The schemas the OpenAPI description names as components (a local registry, not zod's global one). */
export const openDataRegistry = z.registry<{ id: string; title?: string; description?: string }>();

const kindSchema = z.enum(DEPARTMENT_KINDS).describe(DEPARTMENT_KINDS.map((k) => `${k} ${DEPARTMENT_KIND_LABELS[k]}`).join(' | '));

export const openErrorSchema = z
  .object({ error: z.string().describe('中文错误说明') })
  .register(openDataRegistry, { id: 'Error', description: '参数错误（400）、未公开或不存在（404）时的回答' });

export const openReportListItemSchema = z
  .object({
    id: z.number().int().positive().describe('发布编号 (publications.id)'),
    department: z.string().describe('报告主体（发布时的名称）'),
    departmentKind: kindSchema,
    year: z.number().int().describe('报告年度'),
    title: z.string(),
    publishedAt: z.iso.datetime().describe('发布时间，ISO 8601, UTC'),
    corrected: z.boolean().describe('本次发布是否更正了此前的版本'),
    url: z.string().describe('报告页的路径，例如 /reports/12'),
  })
  .register(openDataRegistry, { id: 'ListItem' });

/** One number or null per figure, grouped table → row → column as the figure keys are. */
function figuresSchemaFrom(figures: readonly Figure[]) {
  const tables = new Map<string, Map<string, Map<string, Figure>>>();
  for (const f of figures) {
    const rows = tables.get(f.table) ?? new Map<string, Map<string, Figure>>();
    tables.set(f.table, rows);
    const cols = rows.get(f.row) ?? new Map<string, Figure>();
    rows.set(f.row, cols);
    cols.set(f.col, f);
  }
  const leaf = (f: Figure) =>
    z
      .number()
      .nullable()
      .describe(`${f.key}: ${figureLabel(f)}${f.kind === 'amount' ? '（万元）' : ''}${f.computed ? '（计算所得）' : ''}`);
  return z.object(
    Object.fromEntries(
      [...tables].map(([table, rows]) => [
        table,
        z
          .strictObject(
            Object.fromEntries([...rows].map(([row, cols]) => [row, z.object(Object.fromEntries([...cols].map(([col, f]) => [col, leaf(f)])))])),
          )
          .describe(SECTION_HEADINGS[table as keyof typeof SECTION_HEADINGS] ?? table),
      ]),
    ),
  );
}

/** Every figure of the format (figure catalogue FIGURES), computed totals included. */
export const openFiguresSchema = figuresSchemaFrom(FIGURES).register(openDataRegistry, {
  id: 'Figures',
  description: '二、三、四 表的全部数字（含计算所得的总计），字段名即数字的键',
});

const labelled = <K extends string>(fields: readonly { key: K; label: string }[]) =>
  z.object(Object.fromEntries(fields.map((f) => [f.key, z.string().describe(f.label)])) as Record<K, z.ZodString>);

export const openReportSchema = openReportListItemSchema
  .extend({
    current: z.boolean().describe('false：已被更正版本取代的早先版本'),
    correctionNote: z.string().nullable().describe('更正说明'),
    previousVersionId: z.number().int().nullable(),
    currentVersionId: z.number().int().nullable(),
    contact: labelled(CONTACT_FIELDS),
    text: z.object({
      opening: z.string(),
      overview: z.object({ lead: z.string(), ...labelled(OVERVIEW_PARTS).shape }).describe(SECTION_HEADINGS.overview),
      problems: z.string().describe(SECTION_HEADINGS.problems),
      other: z.string().describe(SECTION_HEADINGS.other),
    }),
    figures: openFiguresSchema,
  })
  .register(openDataRegistry, { id: 'Report' });

export const openReportListSchema = z
  .object({ count: z.number().int().nonnegative(), reports: z.array(openReportListItemSchema) })
  .register(openDataRegistry, { id: 'ReportList' });

const RATE_KEYS = Object.keys(RATE_DEFINITIONS) as [RateKey, ...RateKey[]];

export const openSummarySchema = z
  .object({
    year: z.number().int(),
    departments: z.object({
      total: z.number().int().nonnegative(),
      published: z.number().int().nonnegative(),
      notPublished: z.array(z.object({ department: z.string(), departmentKind: kindSchema })),
    }),
    reports: z.array(openReportListItemSchema),
    figures: openFiguresSchema.describe('全区合计'),
    rates: z.array(
      z.object({
        key: z.enum(RATE_KEYS).describe(RATE_KEYS.map((k) => `${k} ${RATE_DEFINITIONS[k].label}`).join(' | ')),
        label: z.string(),
        definition: z.string(),
        numerator: z.number(),
        denominator: z.number(),
        value: z.number().min(0).max(1).nullable().describe('0–1；分母为0时为 null'),
      }),
    ),
    topRequests: z.array(z.object({ id: z.number().int(), department: z.string(), newReceived: z.number() })).describe('本年新收申请最多的十家'),
  })
  .register(openDataRegistry, { id: 'Summary' });

export type OpenReportListItem = z.infer<typeof openReportListItemSchema>;
export type OpenReport = z.infer<typeof openReportSchema>;
export type OpenReportList = z.infer<typeof openReportListSchema>;
export type OpenSummary = z.infer<typeof openSummarySchema>;
export type OpenFigures = z.infer<typeof openFiguresSchema>;

type ListSource = Pick<PublishedReport, 'id' | 'departmentName' | 'departmentKind' | 'year' | 'publishedAt'> & {
  corrected: boolean;
};

/** The figures of a content in the open-data shape (figuresObject walks the same catalogue). */
export function openFigures(content: ReportContent): OpenFigures {
  return figuresObject(content) as OpenFigures;
}

export function openReportListItem(r: ListSource): OpenReportListItem {
  return {
    id: r.id,
    department: r.departmentName,
    departmentKind: r.departmentKind as OpenReportListItem['departmentKind'],
    year: r.year,
    title: reportTitle(r.departmentName, r.year),
    publishedAt: r.publishedAt.toISOString(),
    corrected: r.corrected,
    url: `/reports/${r.id}`,
  };
}

export function openReportList(items: readonly ListSource[]): OpenReportList {
  const reports = items.map(openReportListItem);
  return { count: reports.length, reports };
}

export function openReport(r: PublishedReport, currentVersionId: number | null): OpenReport {
  const c = r.content;
  return {
    ...openReportListItem({ ...r, corrected: r.supersedesId != null }),
    current: r.current,
    correctionNote: r.correctionNote,
    previousVersionId: r.supersedesId,
    currentVersionId,
    contact: { ...c.contact },
    text: { opening: c.opening, overview: { ...c.overview }, problems: c.problems, other: c.other },
    figures: openFigures(c),
  };
}

/** What the summary builder needs of the 全区汇总 (the api's public.summary answer satisfies it). */
export type SummarySource = {
  year: number;
  departmentCount: number;
  published: readonly (Omit<ListSource, 'year'> & { newReceived: number })[];
  notPublished: readonly { name: string; kind: string }[];
  sums: ReportContent;
  rates: readonly { key: RateKey; label: string; definition: string; numerator: number; denominator: number; value: number | null }[];
  topRequests: readonly { id: number; departmentName: string; newReceived: number }[];
};

export function openSummary(s: SummarySource): OpenSummary {
  return {
    year: s.year,
    departments: {
      total: s.departmentCount,
      published: s.published.length,
      notPublished: s.notPublished.map((d) => ({ department: d.name, departmentKind: d.kind as OpenReportListItem['departmentKind'] })),
    },
    reports: s.published.map((p) => openReportListItem({ ...p, year: s.year })),
    figures: openFigures(s.sums),
    rates: s.rates.map(({ key, label, definition, numerator, denominator, value }) => ({ key, label, definition, numerator, denominator, value })),
    topRequests: s.topRequests.map((p) => ({ id: p.id, department: p.departmentName, newReceived: p.newReceived })),
  };
}
