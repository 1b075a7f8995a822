/**
 * The portal's own outputs read back: the Word file of packages/documents, the public page's
 * HTML (the same outline and official tables, with page furniture around it) and a plain-text
 * rendering give back the report they were made from, figures and texts alike.
 */
import { describe, expect, it } from 'vitest';
import { reportDocx, reportOutline, type Block, type PublishedReport } from '@ccgov/documents';
import { checkReport, realisticReport, seedReport2024, type ReportContent } from '@ccgov/report';
import { importReport, type ParsedReport } from './parse';

const reports: [string, ReportContent, string][] = [
  ['the realistic busy report', realisticReport(), '陈仓区市场监督管理局'],
  ['the 2024 report of 陈仓区数据局', seedReport2024(), '陈仓区数据局'],
];

const published = (content: ReportContent, body: string): PublishedReport => ({
  id: 12,
  departmentName: body,
  departmentKind: 'department',
  year: 2024,
  publishedAt: new Date('2025-01-20T02:00:00Z'),
  content,
  correctionNote: null,
  supersedesId: null,
  current: true,
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The public page as a browser saves it: site header and footer, inline styles, th/td with spans. */
function pageHtml(blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      switch (b.type) {
        case 'title':
          return `<h1 class="title" style="text-align:center">${esc(b.text)}</h1>`;
        case 'meta':
          return `<p class="meta"><span>${esc(b.text)}</span></p>`;
        case 'note':
          return `<p><strong>${esc(b.label)}</strong>${esc(b.text)}</p>`;
        case 'h2':
        case 'h3':
          return `<${b.type}>${esc(b.text)}</${b.type}>`;
        case 'p':
          return `<p style="text-indent:2em">${esc(b.text)}</p>`;
        case 'table':
          return `<div class="table-wrap"><table class="official" style="border-collapse:collapse">${b.grid.rows
            .map(
              (cells) =>
                `<tr>${cells
                  .map((c) => {
                    const tag = c.scope ? 'th' : 'td';
                    const spans = `${c.colSpan ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}`;
                    return `<${tag}${spans}${c.scope ? ` scope="${c.scope}"` : ''} style="border:1px solid #8c959f">${esc(c.text)}</${tag}>`;
                  })
                  .join('')}</tr>`,
            )
            .join('\n')}</table></div>`;
      }
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>年报</title><style>th{font-weight:bold}</style><script>var x = "<p>一、总体情况</p>";</script></head>
<body><header><nav><a href="/">首页</a> <a href="/summary">全区汇总</a></nav></header><main><article>${body}</article></main><footer>陈仓区人民政府 版权所有</footer></body></html>`;
}

/** The report as plain text, tables flattened into `|` lines the way a copied web page reads. */
function plainText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'table') return b.grid.rows.map((cells) => cells.map((c) => c.text).join(' | ') + ' |').join('\n');
      if (b.type === 'note') return b.label + b.text;
      return b.text;
    })
    .join('\n');
}

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
