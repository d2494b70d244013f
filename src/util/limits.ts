/**
 * Limits on the work an input can ask for. Each is far above what a real report needs (the largest of 437
 * official documents and 1,000 web articles is noted beside it) and far below what exhausts a worker: a file
 * over one fails alone with code `limit` and a reason naming the limit, never the process or the batch.
 */
export const LIMITS = {
  /** Word list counters: Word's own maximum start value (w:start, w:startOverride) */
  listNumberMax: 32_767,
  /** Word list levels 0–8 */
  listLevelMax: 8,
  /** nesting depth of one XML part (real DOCX: < 40) */
  xmlDepth: 1_000,
  /** characters of one XML tag, from `<` to `>` (real DOCX: < 2,000) */
  xmlTagChars: 65_536,
  /** grid slots of one HTML/DOCX table (rows × columns after colspan/rowspan; real: < 5,000) */
  tableCells: 100_000,
  /** columns of one table after colspan (real: < 40) */
  tableColumns: 1_000,
  /** nesting of PDF graphics-state (`q`), marked-content and text blocks in one content stream (real: < 30) */
  pdfNesting: 256,
  /** decoded bytes of one page's content streams (real: < 2 MB) */
  pdfContentBytes: 32 * 1024 * 1024,
  /**
   * facts per report (real: < 1,000 references, < 3,000 metrics, < 600 sections). A safety net above what
   * the later stages were shown to handle (checks O(n log n), Parquet of 200,000 sections in 64 MB) and
   * above what 1 MB of adversarial text gives (test/linear-time.test.ts: 209,715 dates or sections)
   */
  sections: 250_000,
  references: 250_000,
  dates: 500_000,
  metrics: 500_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** The input asks for more work than a limit allows; ingest turns it into InputError(code 'limit'). */
export class LimitExceeded extends Error {
  override name = 'LimitExceeded';
  readonly code = 'limit';
  constructor(
    readonly limit: LimitName,
    what: string,
  ) {
    super(`${what}, over the limit of ${LIMITS[limit].toLocaleString('en-US')} (${limit})`);
  }
}

/** Throws LimitExceeded when `n` is over the limit. */
export function checkLimit(limit: LimitName, n: number, what: (n: number) => string): void {
  if (n > LIMITS[limit]) throw new LimitExceeded(limit, what(n));
}
