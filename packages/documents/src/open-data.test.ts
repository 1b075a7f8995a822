import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { computeTotals, disclosureRates, FIGURES, realisticReport, seedReport2024 } from '@ccgov/report';
import { bulkArchive, bulkEntryNames } from './bulk';
import { reportFiguresCsv } from './csv';
import {
  openFiguresSchema,
  openReport,
  openReportList,
  openReportListSchema,
  openReportSchema,
  openSummary,
  openSummarySchema,
} from './open-data';
import { OPEN_API_PATHS, openApiDocument } from './openapi';
import { published } from './published.testing';

const leafKeys = (o: unknown, prefix = ''): string[] =>
  o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

describe('the open-data schemas', () => {
  it('accept a real report answer, with every figure of the catalogue and nothing else', () => {
    for (const r of [published, { ...published, id: 8, content: seedReport2024(), supersedesId: null, correctionNote: null }]) {
      const answer = JSON.parse(JSON.stringify(openReport(r, r.id)));
      expect(openReportSchema.strict().safeParse(answer).success).toBe(true);
      expect(leafKeys(answer.figures).sort()).toEqual(FIGURES.map((f) => f.key).sort());
    }
  });

  it('refuse an answer with a figure missing or of the wrong type', () => {
    const answer = JSON.parse(JSON.stringify(openReport(published, 7)));
    delete answer.figures.requests.granted.natural;
    expect(openReportSchema.safeParse(answer).success).toBe(false);
    const wrong = JSON.parse(JSON.stringify(openReport(published, 7)));
    wrong.figures.proactive.fees.amount = '18.871';
    expect(openFiguresSchema.safeParse(wrong.figures).success).toBe(false);
  });

  it('accept a real list and summary answer', () => {
    const list = openReportList([{ ...published, corrected: true }]);
    expect(openReportListSchema.safeParse(JSON.parse(JSON.stringify(list))).success).toBe(true);
    const sums = realisticReport();
    const summary = openSummary({
      year: 2024,
      departmentCount: 2,
      published: [{ ...published, corrected: true, newReceived: 859 }],
      notPublished: [{ name: '陈仓区数据局', kind: 'department' }],
      sums,
      rates: disclosureRates(sums, computeTotals(sums)),
      topRequests: [{ id: 7, departmentName: published.departmentName, newReceived: 859 }],
    });
    const parsed = openSummarySchema.safeParse(JSON.parse(JSON.stringify(summary)));
    expect(parsed.error).toBeUndefined();
  });
});

describe('the OpenAPI description', () => {
  const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
    openapi: string;
    paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    components: { schemas: Record<string, unknown> };
  };

  it('is OpenAPI 3 JSON whose every reference names a component', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const id of refs) expect(doc.components.schemas, id).toHaveProperty(id);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Report', 'ListItem', 'Summary', 'ReportList', 'Figures', 'Error']));
  });

  it('describes every route under /api/open, each with a 200 answer', () => {
    const openDir = fileURLToPath(new URL('../../../apps/web/src/app/api/open', import.meta.url));
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f === 'route.ts') routes.push(`/api/open/${relative(openDir, dir)}`);
      }
    };
    walk(openDir);
    // Next's folder names as the OpenAPI paths write them: [id] → {id}, bulk/[file] is {year}.zip.
    const asPath = (r: string) => r.replace('/bulk/[file]', '/bulk/{year}.zip').replace(/\[(\w+)\]/g, '{$1}');
    expect(routes.map(asPath).sort()).toEqual([...OPEN_API_PATHS].sort());
    expect(Object.keys(doc.paths).sort()).toEqual([...OPEN_API_PATHS].sort());
    for (const p of OPEN_API_PATHS) expect(doc.paths[p]!.get.responses, p).toHaveProperty('200');
  });

  it('shows each figure with its official label', () => {
    const figures = doc.components.schemas.Figures as { properties: Record<string, { properties: Record<string, { properties: Record<string, { description: string }> }> }> };
    expect(figures.properties.requests!.properties.newReceived!.properties.total!.description).toContain('一、本年新收政府信息公开申请数量');
  });
});

describe('the bulk archive of a year', () => {
  it('holds one JSON, CSV and PDF per report, plus the year’s table and index', async () => {
    const reports = [published, { ...published, id: 9, departmentName: '陈仓区数据局', content: seedReport2024(), supersedesId: null, correctionNote: null }];
    const zip = await JSZip.loadAsync(await bulkArchive(2024, reports, { pdf: async (r) => Buffer.from(`%PDF-${r.id}`) }));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['7-陈仓区市场监督管理局.csv', '7-陈仓区市场监督管理局.json', '7-陈仓区市场监督管理局.pdf', '9-陈仓区数据局.csv', '9-陈仓区数据局.json', '9-陈仓区数据局.pdf', 'index.json', 'reports.csv']);
    const json = JSON.parse(await zip.file(bulkEntryNames(published).json)!.async('string'));
    expect(json).toEqual(JSON.parse(JSON.stringify(openReport(published, 7))));
    expect(await zip.file(bulkEntryNames(published).csv)!.async('string')).toBe(reportFiguresCsv(published));
    expect(await zip.file('9-陈仓区数据局.pdf')!.async('string')).toBe('%PDF-9');
    expect(JSON.parse(await zip.file('index.json')!.async('string')).count).toBe(2);
  });

  it('is the same bytes when built twice from the same reports', async () => {
    const pdf = async () => Buffer.from('%PDF-');
    expect((await bulkArchive(2024, [published], { pdf })).equals(await bulkArchive(2024, [published], { pdf }))).toBe(true);
  });
});
