/**
 * The portal's own outputs read back: the Word file of packages/documents, the public page's
 * HTML (the same outline and official tables, with page furniture around it) and a plain-text
 * rendering give back the report they were made from, figures and texts alike.
 */
import { describe, expect, it } from 'vitest';
import { reportDocx, reportOutline } from '@ccgov/documents';
import { checkReport, realisticReport, seedReport2024, type ReportContent } from '@ccgov/report';
import { importReport, type ParsedReport } from './parse';
import { pageHtml, plainText, published } from './renderings.fixture';

const reports: [string, ReportContent, string][] = [
  ['the realistic busy report', realisticReport(), '陈仓区市场监督管理局'],
  ['the 2024 report of 陈仓区数据局', seedReport2024(), '陈仓区数据局'],
];

function expectSameReport(result: Awaited<ReturnType<typeof importReport>>, content: ReportContent, body: string): ParsedReport {
  if (!result.ok) throw new Error(result.error);
  expect(result.unplaced).toEqual([]);
  expect(result.content).toEqual(content);
  expect(result.body).toBe(body);
  expect(result.year).toBe(2024);
  expect(result.publishedDate).toBe('2025-01-20');
  // The published totals agree with the figures: the checker finds no total error.
  const { errors } = checkReport({ year: 2024, body, content: result.content, declaredTotals: result.declaredTotals });
  expect(errors.filter((e) => e.code.startsWith('total'))).toEqual([]);
  return result;
}

describe('the portal’s own outputs import back unchanged', () => {
  for (const [name, content, body] of reports) {
    it(`the Word file of ${name} gives back the same content`, async () => {
      const docx = await reportDocx(published(content, body));
      const result = expectSameReport(await importReport('report.docx', new Uint8Array(docx)), content, body);
      expect(result.format).toBe('docx');
      expect(result.sources['requests.newReceived.natural']).toMatchObject({ table: 2 });
    });

    it(`the public page of ${name}, saved as HTML, gives back the same content`, async () => {
      const result = expectSameReport(await importReport('report.html', pageHtml(reportOutline(published(content, body)))), content, body);
      expect(result.format).toBe('html');
    });

    it(`a plain-text rendering of ${name} gives back the same content`, async () => {
      const result = expectSameReport(await importReport('report.txt', plainText(reportOutline(published(content, body)))), content, body);
      expect(result.sources['reviews.review.upheld']?.line).toBeGreaterThan(0);
    });
  }

  it('every figure of the busy report keeps the source cell it came from', async () => {
    const result = await importReport('report.html', pageHtml(reportOutline(published(realisticReport(), '陈仓区市场监督管理局'))));
    if (!result.ok) throw new Error(result.error);
    expect(Object.keys(result.sources)).toHaveLength(200);
    expect(result.sources['proactive.fees.amount']?.text).toBe('18.871');
    expect(result.sources['requests.newReceived.natural']?.text).toBe('702');
  });
});
