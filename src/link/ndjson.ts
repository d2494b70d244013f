/**
 * Atomic NDJSON table writer: every row is validated against schemas/<schema>.schema.json before it is
 * written; rows go to a temporary file next to the table, renamed over it on commit (readers never see a
 * half-written table); abort removes the temporary file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { assertValid } from '../validate/validate.js';

const FLUSH_AT = 1 << 20;

export class NdjsonWriter {
  readonly tmpPath: string;
  private fd: number | undefined;
  private buf = '';
  rows = 0;

  constructor(
    readonly path: string,
    readonly schema: string,
  ) {
    this.tmpPath = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
    this.fd = openSync(this.tmpPath, 'w');
  }

  write(row: object): void {
    assertValid(this.schema, row);
    this.buf += JSON.stringify(row) + '\n';
    this.rows++;
    if (this.buf.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined) throw new Error(`${this.path}: writer already closed`);
    if (this.buf.length) writeSync(this.fd, this.buf);
    this.buf = '';
  }

  commit(): void {
    this.flush();
    fsyncSync(this.fd!);
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.tmpPath, this.path);
  }

  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
      this.fd = undefined;
    }
    rmSync(this.tmpPath, { force: true });
  }
}
