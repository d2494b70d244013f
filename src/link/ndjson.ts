/**
 * Atomic NDJSON table writer: every row is validated against schemas/<schema>.schema.json before it is
 * written; the file appears under its name only on commit (the batch's AtomicWriter: temp file with the
 * shared `.tmp-` prefix that readers ignore and the batch cleans up after a kill, fsync, rename).
 */
import { AtomicWriter } from '../util/atomic.js';
import { assertValid } from '../validate/validate.js';
import { toRow } from '../validate/table-columns.js';

export class NdjsonWriter {
  private readonly out: AtomicWriter;
  rows = 0;

  constructor(
    readonly path: string,
    readonly schema: string,
  ) {
    this.out = new AtomicWriter(path);
  }

  /** `fields`: the record with camelCase fields; written as the table's snake_case columns (src/validate/table-columns.ts) */
  write(fields: object): void {
    const row = toRow(this.schema, fields);
    assertValid(this.schema, row);
    this.out.write(JSON.stringify(row) + '\n');
    this.rows++;
  }

  /** Flushes and returns the temp file's path (to read the rows before the commit). */
  sync(): string {
    return this.out.sync();
  }

  commit(): void {
    this.out.commit();
  }

  abort(): void {
    this.out.abort();
  }
}
