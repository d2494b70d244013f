/**
 * Crash-safe file writes: write a temp file in the same folder, fsync it, rename it over the target,
 * fsync the folder. A reader (or a process killed at any moment) sees the old file or the new one, never
 * a partial one. Temp files start with `.tmp-` so that every reader can ignore leftovers.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const TEMP_PREFIX = '.tmp-';

export function tempPathFor(target: string): string {
  return join(dirname(target), `${TEMP_PREFIX}${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}`);
}

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* some file systems refuse fsync on folders; the rename is still atomic */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `data` to `target` atomically (temp + fsync + rename). */
export function writeFileAtomic(target: string, data: string | Uint8Array, opts: { fsync?: boolean } = {}): void {
  const tmp = tempPathFor(target);
  const fd = openSync(tmp, 'w');
  try {
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
    if (opts.fsync !== false) fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, target);
}

/**
 * A file written in chunks (tables of any size with flat memory) that appears under its final name
 * only when `commit()` is called.
 */
export class AtomicWriter {
  private readonly tmp: string;
  private fd: number;
  private buf: string[] = [];
  private bufLen = 0;
  bytes = 0;

  constructor(
    readonly target: string,
    private readonly flushAt = 1 << 20,
  ) {
    this.tmp = tempPathFor(target);
    this.fd = openSync(this.tmp, 'w');
  }

  write(s: string): void {
    this.buf.push(s);
    this.bufLen += s.length;
    if (this.bufLen >= this.flushAt) this.flush();
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    const data = Buffer.from(this.buf.join(''), 'utf8');
    writeSync(this.fd, data);
    this.bytes += data.length;
    this.buf = [];
    this.bufLen = 0;
  }

  /** Writes bytes as they are (after what is buffered). */
  writeBytes(b: Uint8Array): void {
    this.flush();
    writeSync(this.fd, b);
    this.bytes += b.length;
  }

  /** Bytes written so far, buffered ones included (each string's UTF-8 length). */
  get written(): number {
    return this.bytes + this.buf.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
  }

  /** Flushes what is buffered and returns the temp file's path (to read it before the commit). */
  sync(): string {
    this.flush();
    return this.tmp;
  }

  /** Flushes, fsyncs and renames the temp file over the target. */
  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = -1;
    renameSync(this.tmp, this.target);
  }

  /** Drops the temp file (on error). */
  abort(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.tmp, { force: true });
  }
}

/** Removes leftover temp files (from a killed run) older than `minAgeMs` in `dir`. */
export function removeStaleTemps(dir: string, minAgeMs = 0): number {
  let n = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const p = join(dir, name);
    try {
      if (minAgeMs > 0 && now - statSync(p).mtimeMs < minAgeMs) continue;
      rmSync(p, { force: true, recursive: true });
      n++;
    } catch {
      /* already gone */
    }
  }
  return n;
}
