/**
 * Atomic NDJSON table writer: every row is validated against schemas/<schema>.schema.json before it is
 * written; the file appears under its name only on commit (the batch's AtomicWriter: temp file with the
 * shared `.tmp-` prefix that readers ignore and the batch cleans up after a kill, fsync, rename).
 */
import { AtomicWriter } from '../util/atomic.js';
import { assertValid } from '../validate/validate.js';

export class NdjsonWriter {
  private readonly out: AtomicWriter;
  rows = 0;

  constructor(
    readonly path: string,
    readonly schema: string,
  ) {
    this.out = new AtomicWriter(path);
  }

  write(row: object): void {
    assertValid(this.schema, row);
    this.out.write(JSON.stringify(row) + '\n');
    this.rows++;
  }

  commit(): void {
    this.out.commit();
  }

  abort(): void {
    this.out.abort();
  }
}
