/**
 * DIR/.state/inputs.ndjson: the sha256 of each input as last read, with the file's identity then (inode,
 * size, mtime, ctime). A re-run takes the sha256 from here instead of reading the file again when the
 * identity is unchanged — hashing every input was most of a re-run with nothing new.
 *
 * Why this is safe: any write to a file changes its ctime, which no program can set back (utimes sets
 * mtime and atime only, and sets ctime to now). A hash is trusted only when the ctime it was recorded with
 * is more than CTIME_MARGIN_MS older than the moment the file was read: a write in the same clock tick as
 * the read (file systems stamp times from a coarse clock) cannot then go unseen. What it does not catch:
 * a file changed while the system clock was set back, or a file system that does not keep ctime. For
 * those, `--force` reads and redoes every input.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { writeFileAtomic } from '../util/atomic.js';

export const CTIME_MARGIN_MS = 2000;

interface Entry {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  sha256: string;
  /** when the bytes were read (ms since the epoch) */
  readAt: number;
}

export class InputHashCache {
  private readonly old = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();

  constructor(readonly file: string) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        const [path, ino, size, mtimeMs, ctimeMs, sha256, readAt] = JSON.parse(line) as [string, number, number, number, number, string, number];
        if (typeof path === 'string' && typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)) this.old.set(path, { ino, size, mtimeMs, ctimeMs, sha256, readAt });
      } catch {
        /* a damaged line: that input is read again */
      }
    }
  }

  /** The sha256 of `abs` when its identity is the one recorded and the record is safe to trust. */
  lookup(abs: string, st: Stats): string | undefined {
    const e = this.old.get(abs);
    if (!e || e.ino !== st.ino || e.size !== st.size || e.mtimeMs !== st.mtimeMs || e.ctimeMs !== st.ctimeMs) return undefined;
    if (e.ctimeMs >= e.readAt - CTIME_MARGIN_MS) return undefined;
    this.next.set(abs, e);
    return e.sha256;
  }

  /** Records a hash just computed from bytes read at `readAt` (stat taken before the read). */
  record(abs: string, st: Stats, sha256: string, readAt: number): void {
    this.next.set(abs, { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, sha256, readAt });
  }

  /** Writes the inputs seen in this run (atomic). */
  save(): void {
    const lines: string[] = [];
    for (const [p, e] of [...this.next].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      lines.push(JSON.stringify([p, e.ino, e.size, e.mtimeMs, e.ctimeMs, e.sha256, e.readAt]) + '\n');
    }
    writeFileAtomic(this.file, lines.join(''));
  }
}

/** statSync as the batch uses it (kept here so both sides compare the same fields). */
export function statInput(abs: string): Stats {
  return statSync(abs);
}
