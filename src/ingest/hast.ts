/**
 * HTML syntax tree (hast, from rehype-parse) → blocks in a TextBuilder. Used for DOCX (mammoth's HTML) and
 * for HTML files. Headings, paragraphs, list items (with depth), tables (rowspan/colspan resolved into a grid;
 * every cell knows its row header, column header and unit) and footnotes (mammoth's `footnote-N` items, put
 * after the body). Footnote reference marks (`[1]`) are left out of the text so sentences stay intact.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { TableContext } from '../model/document.js';
import { oneLine, type CellInput, type TextBuilder } from './builder.js';
import { tableContexts, UNIT_LINE, type GridCell } from './table-grid.js';
import { LIMITS, LimitExceeded } from '../util/limits.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'img', 'svg', 'iframe', 'object', 'button', 'select', 'input', 'textarea']);
const BLOCK_LEAF = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'caption', 'figcaption', 'address']);
const NESTED_BLOCKS = new Set(['ul', 'ol', 'table', 'div', 'p', 'blockquote', 'section', 'article', 'dl', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function isFootnoteRef(el: Element): boolean {
  // mammoth: <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>, and the back link <a href="#footnote-ref-1">↑</a>
  const href = String(el.properties?.href ?? '');
  return el.tagName === 'a' && /^#(?:footnote|endnote)(?:-ref)?-\d+$/.test(href);
}

/** Inline text of an element: text nodes, `<br>` as a line break; nested blocks and footnote marks left out. */
function inlineText(node: Element | Root, out: string[] = []): string[] {
  for (const c of node.children as (RootContent | ElementContent)[]) {
    if (c.type === 'text') out.push(c.value);
    else if (c.type === 'element') {
      if (SKIP.has(c.tagName) || NESTED_BLOCKS.has(c.tagName) || isFootnoteRef(c)) continue;
      if (c.tagName === 'br') out.push('\n');
      else if (c.tagName === 'sup' && c.children.length === 1 && c.children[0]!.type === 'element' && isFootnoteRef(c.children[0] as Element)) continue;
      else inlineText(c, out);
    }
  }
  return out;
}


export interface WalkState {
  tableIndex: number;
  footnotes: { id: string; text: string }[];
  listDepth: number;
}


function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

function span(el: Element, name: 'rowSpan' | 'colSpan'): number {
  const v = Number(el.properties?.[name] ?? 1);
  return Number.isFinite(v) && v >= 1 ? Math.min(Math.floor(v), 1000) : 1;
}

function emitTable(table: Element, b: TextBuilder, state: WalkState, unitBefore: string | undefined): void {
  const rows = tableRows(table);
  const grid: (GridCell | undefined)[][] = [];
  const origins: GridCell[][] = [];
  // the grid costs rows × columns after spans: bounded before it is filled
  let slots = 0;
  const tableNo = state.tableIndex + 1;
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    origins[r] = [];
    let c = 0;
    for (const td of tr.children) {
      if (td.type !== 'element' || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      while (grid[r]![c]) c++;
      // a cell's paragraphs and lists join into one line of cell text
      const cell: GridCell = { text: oneLine(collectText(td)), header: td.tagName === 'th', row: r, col: c };
      origins[r]!.push(cell);
      const rs = Math.min(span(td, 'rowSpan'), rows.length - r);
      const cs = span(td, 'colSpan');
      if (c + cs > LIMITS.tableColumns) throw new LimitExceeded('tableColumns', `table ${tableNo} has ${c + cs} columns (colspan)`);
      slots += rs * cs;
      if (slots > LIMITS.tableCells) throw new LimitExceeded('tableCells', `table ${tableNo} needs ${slots} cells or more (colspan x rowspan)`);
      for (let i = 0; i < rs; i++) {
        grid[r + i] ??= [];
        for (let j = 0; j < cs; j++) grid[r + i]![c + j] = cell;
      }
      c += cs;
    }
  });
  const index = state.tableIndex++;
  const contexts = tableContexts(grid, origins, index, unitBefore);
  origins.forEach((cells, r) => {
    const inputs: CellInput[] = cells.map((cell, i) => ({ text: cell.text, table: contexts[r]![i]! }));
    b.addRow(inputs);
  });
}

/** All text under an element, blocks separated by spaces (for table cells holding paragraphs). */
function collectText(el: Element): string {
  const parts: string[] = [];
  const visit = (n: Element) => {
    for (const c of n.children) {
      if (c.type === 'text') parts.push(c.value);
      else if (c.type === 'element' && !SKIP.has(c.tagName) && !isFootnoteRef(c)) {
        if (c.tagName === 'br' || BLOCK_LEAF.has(c.tagName) || NESTED_BLOCKS.has(c.tagName)) parts.push(' ');
        visit(c);
      }
    }
  };
  visit(el);
  return parts.join('');
}

function emitLines(b: TextBuilder, kind: 'paragraph' | 'heading' | 'list-item', text: string, extra: { level?: number; number?: string }): void {
  for (const line of text.split('\n')) b.add(kind, line, extra);
}

const LIST_NUMBER = /^((?:[IVXLC]{1,6}|[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}|[a-zđ])[.)])\s/;

export function walkHast(node: Root | Element, b: TextBuilder, state: WalkState): void {
  for (const c of node.children as (RootContent | ElementContent)[]) {
    if (c.type === 'text') {
      if (c.value.trim()) b.add('paragraph', c.value);
      continue;
    }
    if (c.type !== 'element' || SKIP.has(c.tagName)) continue;
    const tag = c.tagName;
    if (tag === 'table') {
      const prev = b.blocks[b.blocks.length - 1];
      const prevText = prev && prev.kind !== 'table-cell' ? b.text().slice(prev.span.start, prev.span.end) : '';
      const m = UNIT_LINE.exec(prevText.trim());
      emitTable(c, b, state, m ? m[1]!.trim() : undefined);
      continue;
    }
    if (tag === 'ul' || tag === 'ol') {
      state.listDepth++;
      walkHast(c, b, state);
      state.listDepth--;
      continue;
    }
    if (tag === 'li') {
      const id = String(c.properties?.id ?? '');
      if (/^(?:footnote|endnote)-\d+$/.test(id)) {
        state.footnotes.push({ id, text: collectText(c) });
        continue;
      }
      const text = inlineText(c).join('');
      const level = Math.max(1, state.listDepth);
      const num = LIST_NUMBER.exec(oneLine(text))?.[1];
      const extra: { level: number; number?: string } = { level };
      if (num) extra.number = num;
      emitLines(b, 'list-item', text, extra);
      walkNestedOnly(c, b, state);
      continue;
    }
    if (/^h[1-6]$/.test(tag)) {
      emitLines(b, 'heading', inlineText(c).join(''), { level: Number(tag[1]) });
      continue;
    }
    if (BLOCK_LEAF.has(tag)) {
      emitLines(b, 'paragraph', inlineText(c).join(''), {});
      walkNestedOnly(c, b, state);
      continue;
    }
    // containers (div, section, blockquote, body, …): inline runs between blocks become paragraphs
    if (!hasBlock(c)) {
      const t = inlineText(c).join('');
      if (t.trim()) emitLines(b, 'paragraph', t, {});
    } else walkHast(c, b, state);
  }
}

const blockCache = new WeakMap<Element, boolean>();
/** Whether an element holds a block element anywhere below it (memoized: linear over the tree). */
function hasBlock(el: Element): boolean {
  let v = blockCache.get(el);
  if (v === undefined) {
    v = el.children.some((k) => k.type === 'element' && !SKIP.has(k.tagName) && (NESTED_BLOCKS.has(k.tagName) || BLOCK_LEAF.has(k.tagName) || k.tagName === 'li' || hasBlock(k)));
    blockCache.set(el, v);
  }
  return v;
}

/** Nested lists/tables inside a list item or paragraph. */
function walkNestedOnly(el: Element, b: TextBuilder, state: WalkState): void {
  for (const c of el.children) {
    if (c.type === 'element' && NESTED_BLOCKS.has(c.tagName)) walkHast({ type: 'root', children: [c] }, b, state);
  }
}

/** Footnotes collected during the walk, as footnote blocks after the body. */
export function emitFootnotes(b: TextBuilder, state: WalkState): void {
  for (const f of state.footnotes) {
    const n = /-(\d+)$/.exec(f.id)?.[1];
    b.add('footnote', n ? `${n} ${f.text}` : f.text, n ? { number: n } : {});
  }
}
