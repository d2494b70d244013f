/**
 * Builds a Document's normalized text block by block, so that every span is known as it is written.
 * Each block's text is normalized (normalizeText) and its inner line breaks and runs of spaces collapsed
 * to one space before it is appended: a paragraph is one line, like in the .txt version of a report.
 */
import type { Block, BlockKind, Document, DocumentSource, IngestMessage, PageInfo, TableContext } from '../model/document.js';
import { normalizeText } from '../normalize/normalize-text.js';

/** Normalize and flatten a block's text to one line. */
export function oneLine(raw: string): string {
  return normalizeText(raw).replace(/\s+/g, ' ').trim();
}

export interface CellInput {
  text: string;
  table: TableContext;
}

export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];
  readonly pages: PageInfo[] = [];
  readonly messages: IngestMessage[] = [];

  get offset(): number {
    return this.length;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  /** Append one block as its own line; returns the block (undefined when the text is empty). */
  add(kind: BlockKind, raw: string, extra: Omit<Block, 'kind' | 'span'> = {}): Block | undefined {
    const text = oneLine(raw);
    if (text === '') return undefined;
    const start = this.length;
    this.push(text + '\n');
    const block: Block = { kind, span: { start, end: start + text.length }, ...extra };
    this.blocks.push(block);
    return block;
  }

  /** Append a table row as one line, cells separated by ` | `; every non-empty cell becomes a table-cell block. */
  addRow(cells: CellInput[], page?: number): void {
    const texts = cells.map((c) => oneLine(c.text));
    if (texts.every((t) => t === '')) return;
    let first = true;
    for (let i = 0; i < cells.length; i++) {
      const t = texts[i]!;
      if (!first) this.push(' | ');
      first = false;
      if (t === '') continue;
      const start = this.length;
      this.push(t);
      const block: Block = { kind: 'table-cell', span: { start, end: start + t.length }, table: cells[i]!.table };
      if (page !== undefined) block.page = page;
      this.blocks.push(block);
    }
    this.push('\n');
  }

  /** Append already-normalized text verbatim (caller guarantees it is normalized). */
  raw(s: string): void {
    this.push(s);
  }

  warn(rule: string, message: string, severity: IngestMessage['severity'] = 'warning'): void {
    this.messages.push({ rule, severity, message });
  }

  text(): string {
    const t = this.parts.join('');
    this.parts = [t];
    return t;
  }

  finish(source: DocumentSource): Document {
    const doc: Document = { text: this.text(), blocks: this.blocks, source, messages: this.messages };
    if (this.pages.length > 0) doc.pages = this.pages;
    return doc;
  }
}
