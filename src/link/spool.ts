/**
 * Series points spilled to disk, partitioned by series key, so that grouping them for the year-over-year
 * view needs memory for one partition at a time, not for every point of every report.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SeriesPoint } from './series.js';
import { fnv1a } from '../util/hash.js';

const BUCKETS = 64;
const FLUSH_AT = 1 << 14;

const clean = (s: string) => s.replace(/[\t\n]/g, ' ');

export class PointSpool {
  private readonly fds: number[] = [];
  private readonly bufs: string[] = [];
  private series = 0;
  count = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    for (let b = 0; b < BUCKETS; b++) {
      this.fds.push(openSync(join(dir, `${b}.tsv`), 'w'));
      this.bufs.push('');
    }
  }

  add(key: string, p: SeriesPoint): void {
    const b = fnv1a(key) % BUCKETS;
    this.bufs[b] += `${clean(key)}\t${p.year}\t${p.periodType}\t${p.period}\t${p.value}\t${p.unit === null ? '\u0000' : clean(p.unit)}\t${p.kind}\t${p.reportId}\t${clean(p.metricId)}\n`;
    this.count++;
    if (this.bufs[b]!.length >= FLUSH_AT) this.flush(b);
  }

  private flush(b: number): void {
    if (this.bufs[b]!.length) writeSync(this.fds[b]!, this.bufs[b]!);
    this.bufs[b] = '';
  }

  /** Each series (key → points), partition by partition, keys sorted within a partition; then removes the files. */
  *groups(): Generator<[string, SeriesPoint[]]> {
    for (let b = 0; b < BUCKETS; b++) this.flush(b);
    for (const fd of this.fds.splice(0)) closeSync(fd);
    for (let b = 0; b < BUCKETS; b++) {
      const map = new Map<string, SeriesPoint[]>();
      const data = readFileSync(join(this.dir, `${b}.tsv`), 'utf8');
      let i = 0;
      while (i < data.length) {
        let j = data.indexOf('\n', i);
        if (j < 0) j = data.length;
        const f = data.slice(i, j).split('\t');
        i = j + 1;
        if (f.length < 9) continue;
        const p: SeriesPoint = { year: Number(f[1]), periodType: f[2]!, period: f[3]!, value: Number(f[4]), unit: f[5] === '\u0000' ? null : f[5]!, kind: f[6]!, reportId: f[7]!, metricId: f[8]! };
        let l = map.get(f[0]!);
        if (!l) map.set(f[0]!, (l = []));
        l.push(p);
      }
      this.series += map.size;
      for (const k of [...map.keys()].sort()) yield [k, map.get(k)!];
    }
    this.close();
  }

  /** Number of distinct series seen (after groups() ran). */
  get seriesCount(): number {
    return this.series;
  }

  close(): void {
    for (const fd of this.fds.splice(0)) {
      try {
        closeSync(fd);
      } catch {
        /* closed */
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
