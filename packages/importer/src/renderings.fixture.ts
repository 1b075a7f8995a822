/**
 * The portal's own renderings of a published report, as the round-trip tests read them back: the
 * public page as a browser saves it (HTML with page furniture) and a plain-text rendering (tables
 * flattened into `|` lines, as a copied web page reads).
 */
import type { Block, PublishedReport } from '@ccgov/documents';
import type { ReportContent } from '@ccgov/report';

export const published = (
  content: ReportContent,
  body: string,
  { year = 2024, publishedAt = new Date('2025-01-20T02:00:00Z'), kind = 'department' }: { year?: number; publishedAt?: Date; kind?: string } = {},
): PublishedReport => ({
  id: 12,
  departmentName: body,
  departmentKind: kind,
  year,
  publishedAt,
  content,
  correctionNote: null,
  supersedesId: null,
  current: true,
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The public page as a browser saves it: site header and footer, inline styles, th/td with spans. */
export function pageHtml(blocks: Block[]): string {
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
export function plainText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'table') return b.grid.rows.map((cells) => cells.map((c) => c.text).join(' | ') + ' |').join('\n');
      if (b.type === 'note') return b.label + b.text;
      return b.text;
    })
    .join('\n');
}

