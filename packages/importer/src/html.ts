/**
 * An HTML page (saved from a government site, or made from a DOCX by mammoth) as reading items:
 * the text of block elements as lines, every data table as cells row by row. A table that holds
 * other tables is page layout, not data: its cells are read as ordinary page text.
 */
import { HTMLElement, NodeType, TextNode, parse, type Node } from 'node-html-parser';
import type { Item } from './items';

// Page furniture is not read: scripts, the site's header, navigation and footer, forms.
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'select', 'button', 'iframe', 'svg', 'header', 'nav', 'footer', 'aside', 'form']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'form', 'fieldset', 'figure', 'figcaption', 'hr',
  'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot', 'caption', 'center', 'address',
]);

const clean = (s: string) => s.replace(/[\u00a0\u200b\ufeff]/g, ' ').replace(/[ \t\r\n\u3000]+/g, ' ').trim();

/** The text of a cell: line breaks and paragraphs inside it join with nothing (a label split over lines). */
function cellText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return (node as TextNode).text;
  if (node.nodeType !== NodeType.ELEMENT_NODE) return '';
  const el = node as HTMLElement;
  if (SKIP.has(el.rawTagName?.toLowerCase() ?? '')) return '';
  return el.childNodes.map(cellText).join('');
}

export function htmlItems(html: string): Item[] {
  const root = parse(html.replace(/<!doctype[^>]*>/gi, '').replace(/<\?xml[^>]*>/gi, ''), { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const items: Item[] = [];
  let line = '';
  let lineStart = 0;
  let tableNo = 0;
  const flush = () => {
    const text = clean(line);
    if (text) items.push({ kind: 'line', text, ref: { offset: lineStart, text } });
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      if (!line) lineStart = node.range[0];
      line += (node as TextNode).text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') return flush();
    if (tag === 'table' && !el.querySelector('table')) {
      flush();
      tableNo++;
      readTable(el, tableNo, items);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    el.childNodes.forEach(walk);
    if (block) flush();
  };
  root.childNodes.forEach(walk);
  flush();
  return items;
}

function readTable(table: HTMLElement, tableNo: number, items: Item[]) {
  const rows = table.querySelectorAll('tr');
  rows.forEach((tr, r) => {
    const cells = tr.childNodes.filter(
      (n): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE && /^t[dh]$/i.test((n as HTMLElement).rawTagName ?? ''),
    );
    cells.forEach((td, c) => {
      const text = clean(cellText(td));
      items.push({ kind: 'cell', text, ref: { offset: td.range[0], table: tableNo, row: r + 1, cell: c + 1, text } });
    });
    items.push({ kind: 'rowEnd' });
  });
}
