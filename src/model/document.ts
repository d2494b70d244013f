/**
 * The document model every ingester produces and every later stage reads.
 *
 * `text` is the normalized text (see src/normalize): the coordinate system of all spans.
 * Blocks describe the structure that the source format knew (paragraphs, headings, list items,
 * table cells, footnotes); for plain text every line is a block.
 */
import type { PageDecodingInfo, Span } from './report.js';

export type BlockKind = 'line' | 'paragraph' | 'heading' | 'list-item' | 'table-cell' | 'footnote';

export interface TableContext {
  /** 0-based index of the table in the document */
  index: number;
  row: number;
  col: number;
  /** text of the header cell(s) of this row (first column(s)), if any */
  rowHeader?: string;
  /** text of the header cell(s) above this column, if any */
  colHeader?: string;
  /** a unit stated for the whole table, e.g. `ĐVT: triệu đồng` */
  unit?: string;
  /** the cell stands in a row-number column (`STT`): it numbers the row, it is no figure */
  ordinal?: boolean;
  /** the cell is a formula (`0,006 x a`): a way to compute a value, no figure (vocab/table-words FORMULA_CELL) */
  formula?: boolean;
}

export interface Block {
  kind: BlockKind;
  span: Span;
  /** heading level or list depth, 1-based */
  level?: number;
  /** numbering rebuilt from the source (e.g. Word auto-numbering), already present in `text` */
  number?: string;
  page?: number;
  table?: TableContext;
}

export interface PageInfo {
  /** 1-based page number */
  number: number;
  span: Span;
  /** running header / footer / page-number text removed from `text` but kept for provenance */
  furniture?: string[];
  /** how the page's text was obtained (PDF and image inputs) */
  decoding?: PageDecoding;
}

/** Which decoder gave a page's text and how well it scored (schemas/report.schema.json `pageDecoding`, without the page number). */
export type PageDecoding = Omit<PageDecodingInfo, 'page'>;

/** A message about the input (vfile-message shape): reason, place, rule, severity. */
export interface IngestMessage {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  span?: Span;
}

export interface DocumentSource {
  path: string;
  sha256: string;
  mediaType: string;
  bytes: number;
  pages?: number;
  encoding?: string;
}

export interface Document {
  text: string;
  blocks: Block[];
  pages?: PageInfo[];
  source: DocumentSource;
  messages: IngestMessage[];
}
