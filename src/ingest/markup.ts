/**
 * HTML (rehype-parse) and Markdown (remark-parse) → Document. HTML shares the walker used for DOCX
 * (./hast). Markdown: headings, paragraphs, list items (bullets written as `- `, ordered items with their
 * number), tables (GFM pipes are not parsed by plain remark-parse: such lines stay as text lines), code.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import type { Root as HastRoot } from 'hast';
import type { List, ListItem, Root as MdRoot, RootContent } from 'mdast';
import type { Document, DocumentSource } from '../model/document.js';
import { TextBuilder } from './builder.js';
import { emitFootnotes, walkHast, type WalkState } from './hast.js';

export function ingestHtml(html: string, source: DocumentSource): Document {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const b = new TextBuilder();
  const state: WalkState = { tableIndex: 0, footnotes: [], listDepth: 0 };
  walkHast(tree, b, state);
  emitFootnotes(b, state);
  return b.finish(source);
}

/** Source text of an mdast node (keeps emphasis markers out: only text, inline code and breaks). */
function mdText(node: RootContent | MdRoot): string {
  // soft line breaks inside a Markdown paragraph are spaces; hard breaks end a line
  if (node.type === 'text') return node.value.replace(/\n/g, ' ');
  if (node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'html') return '';
  if ('children' in node) {
    return (node.children as RootContent[])
      .filter((c) => c.type !== 'list')
      .map((c) => mdText(c) + (c.type === 'paragraph' ? '\n' : ''))
      .join('');
  }
  return '';
}

export function ingestMarkdown(md: string, source: DocumentSource): Document {
  const tree = unified().use(remarkParse).parse(md) as MdRoot;
  const b = new TextBuilder();
  const addLines = (kind: 'paragraph' | 'heading' | 'list-item', text: string, extra: { level?: number; number?: string }) => {
    for (const line of text.split('\n')) b.add(kind, line, extra);
  };
  const list = (l: List, depth: number) => {
    let n = l.start ?? 1;
    for (const item of l.children as ListItem[]) {
      const label = l.ordered ? `${n++}.` : depth > 1 ? '+' : '-';
      const body = mdText(item).replace(/\n+$/, '');
      const [first, ...rest] = body.split('\n');
      const extra: { level: number; number?: string } = { level: depth };
      if (l.ordered) extra.number = label;
      b.add('list-item', `${label} ${first ?? ''}`, extra);
      for (const r of rest) b.add('list-item', r, extra);
      for (const c of item.children) if (c.type === 'list') list(c, depth + 1);
    }
  };
  const visit = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'heading') addLines('heading', mdText(n), { level: n.depth });
      else if (n.type === 'paragraph') addLines('paragraph', mdText(n), {});
      else if (n.type === 'list') list(n, 1);
      else if (n.type === 'blockquote') visit(n.children);
      else if (n.type === 'code') addLines('paragraph', n.value, {});
      else if (n.type === 'html') {
        const sub = ingestHtml(n.value, source);
        for (const blk of sub.blocks) b.add(blk.kind === 'table-cell' ? 'paragraph' : blk.kind, sub.text.slice(blk.span.start, blk.span.end), {});
      }
    }
  };
  visit(tree.children);
  return b.finish(source);
}
