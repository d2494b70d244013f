/**
 * DIR/manifest.ndjson: one line per input, the outcome of the latest run that saw it.
 *
 * During a run, outcomes are appended (a log; several lines may then exist for one path, the last wins);
 * at the end of the run the file is compacted to one line per path, sorted by path, and swapped in
 * atomically. A torn last line (a process killed mid-write) is dropped on the next open.
 */
import { closeSync, createReadStream, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AtomicWriter } from '../util/atomic.js';
import { pipelineKey } from './pipeline.js';
import { assertValid } from '../validate/validate.js';

export type Status = 'done' | 'failed' | 'skipped';

export interface ManifestEntry {
  path: string;
  sha256: string | null;
  bytes: number | null;
  format: string;
  mediaType: string | null;
  status: Status;
  code: string | null;
  reason: string | null;
  durationMs: number;
  pipeline: { name: string; version: string };
  tool: string;
  reportId: string | null;
  at: string;
}

/** Drops a torn last line (no trailing newline) so that appends start on a fresh line. Returns bytes dropped. */
export function repairManifest(file: string): number {
  if (!existsSync(file)) return 0;
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return 0;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] === 0x0a) return 0;
    // find the last newline, reading backwards in chunks
    const chunk = Buffer.alloc(64 * 1024);
    let pos = size;
    let keep = 0;
    while (pos > 0) {
      const n = Math.min(chunk.length, pos);
      pos -= n;
      readSync(fd, chunk, 0, n, pos);
      const i = chunk.subarray(0, n).lastIndexOf(0x0a);
      if (i >= 0) {
        keep = pos + i + 1;
        break;
      }
    }
    ftruncateSync(fd, keep);
    fsyncSync(fd);
    return size - keep;
  } finally {
    closeSync(fd);
  }
}

/** Reads the manifest: the last valid line per path. Unparseable lines are counted and ignored. */
export async function readManifest(file: string): Promise<{ entries: Map<string, ManifestEntry>; bad: number }> {
  const entries = new Map<string, ManifestEntry>();
  let bad = 0;
  if (!existsSync(file)) return { entries, bad };
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    try {
      const e = JSON.parse(line) as ManifestEntry;
      if (typeof e.path !== 'string' || typeof e.status !== 'string') throw new Error('not an entry');
      entries.set(e.path, e);
    } catch {
      bad++;
    }
  }
  return { entries, bad };
}

/** sha256 → reportId of reports already done by this pipeline (what a resumed run may skip). */
export function doneIndex(entries: Iterable<ManifestEntry>, key: string): Map<string, string> {
  const done = new Map<string, string>();
  for (const e of entries) {
    if ((e.status === 'done' || e.status === 'skipped') && e.sha256 && e.reportId && pipelineKey(e.pipeline, e.tool) === key) {
      done.set(e.sha256, e.reportId);
    }
  }
  return done;
}

/** Appends outcomes to the manifest log, in batches (one write + fsync per flush). */
export class ManifestLog {
  private fd: number;
  private pending: string[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly file: string,
    private readonly flushEveryMs = 250,
    private readonly flushAtLines = 256,
  ) {
    repairManifest(file);
    this.fd = openSync(file, 'a');
  }

  append(e: ManifestEntry): void {
    assertValid('manifest', e);
    this.pending.push(JSON.stringify(e) + '\n');
    if (this.pending.length >= this.flushAtLines) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.flushEveryMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 || this.fd < 0) return;
    writeSync(this.fd, this.pending.join(''));
    fsyncSync(this.fd);
    this.pending = [];
  }

  close(): void {
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * Rewrites the manifest as one line per path (the last outcome), sorted by path; atomic swap. Returns the
 * count per status and the report ids its lines name.
 */
export async function compactManifest(file: string): Promise<Map<string, number> & { reportIds: Set<string> }> {
  repairManifest(file);
  const { entries } = await readManifest(file);
  const counts = new Map<string, number>() as Map<string, number> & { reportIds: Set<string> };
  counts.reportIds = new Set();
  for (const e of entries.values()) if (e.reportId) counts.reportIds.add(e.reportId);
  const w = new AtomicWriter(file);
  try {
    const paths = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const p of paths) {
      const e = entries.get(p)!;
      counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
      w.write(JSON.stringify(e) + '\n');
    }
    w.commit();
  } catch (err) {
    w.abort();
    throw err;
  }
  return counts;
}
