/**
 * Indicator-key precision on the hand-labelled sample (fixtures/indicator-sample, issue 15).
 *
 * A sample row is a keyed metric as some build wrote it (file, figure text, key, the ±160/100 characters of text
 * around it, whitespace folded); its label says which key would have been right (`correct: true` — the key written;
 * `false` — `right_key`, or none; `absent-would-be-right` — none). Scoring re-runs the current build over the row's
 * file, finds the same figure (same text, same context) and compares its key with the right one:
 * precision = rows the current build keys with the right key / rows it keys at all. Rows whose figure the current
 * build no longer writes, or no longer keys, leave the denominator and are counted apart (`unmatched`,
 * `unkeyed`; `lostRight`: unkeyed rows that had a right key).
 *
 * It also checks the series condition: in each file, keyed metrics of one indicator and one period with different
 * values (`conflicts`: the same agency's series would get two values for one period).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../ingest/index.js';
import { extractReport } from '../pipeline/extract-report.js';

export interface SampleRow {
  id: number;
  file: string;
  text: string;
  key: string;
  context: string;
}
export interface SampleLabel {
  id: number;
  correct: boolean | string;
  right_key?: string | null;
  why?: string;
}
export interface RowScore {
  id: number;
  file: string;
  text: string;
  /** the key the sampled build wrote */
  sampledKey: string;
  /** the labelled right key (null: no key is right) */
  rightKey: string | null;
  /** the current build's key (null: unkeyed; undefined: the figure is not found) */
  currentKey: string | null | undefined;
  ok: boolean;
}
export interface SampleScore {
  rows: number;
  skipped: number;
  keyed: number;
  correct: number;
  precision: number;
  unmatched: number;
  unkeyed: number;
  lostRight: number;
  /** precision of the sampled build (the labels read as they are) */
  sampledPrecision: number;
  misses: RowScore[];
  scored: RowScore[];
}

/** The right key a label states (null: none is right). */
export function rightKey(row: SampleRow, label: SampleLabel): string | null {
  if (label.correct === true || label.correct === 'true') return row.key;
  if (label.correct === false || label.correct === 'false') return label.right_key ? label.right_key : null;
  return null;
}

export function readNdjson<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

interface FileMetrics {
  byCtx: Map<string, Array<string | null>>;
}

/** Context as the sample builder cut it: 160 characters before the figure, 100 after, whitespace folded. */
function contextOf(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 160), Math.min(text.length, end + 100)).replace(/\s+/g, ' ');
}

async function fileMetrics(path: string): Promise<FileMetrics> {
  const doc = await ingestFile(path);
  const r = extractReport(doc);
  const byCtx = new Map<string, Array<string | null>>();
  for (const m of r.metrics ?? []) {
    if (!m.span) continue;
    const k = `${m.text}\u0001${contextOf(doc.text, m.span.start, m.span.end)}`;
    const l = byCtx.get(k) ?? [];
    l.push(m.indicator ?? null);
    byCtx.set(k, l);
  }
  return { byCtx };
}

/**
 * Score the sample with the current build. `root`: the repository (row files are relative to it, `../shared/…`
 * included); rows whose file is absent are skipped (counted in `skipped`).
 */
export async function scoreIndicatorSample(rows: SampleRow[], labels: SampleLabel[], root: string): Promise<SampleScore> {
  const byId = new Map(labels.map((l) => [Number(l.id), l]));
  const cache = new Map<string, FileMetrics>();
  const scored: RowScore[] = [];
  let skipped = 0;
  let sampledOk = 0;
  let sampledN = 0;
  for (const row of rows) {
    const label = byId.get(row.id);
    if (!label) throw new Error(`indicator sample: row ${row.id} has no label`);
    const right = rightKey(row, label);
    sampledN++;
    if (right === row.key) sampledOk++;
    const path = join(root, row.file);
    if (!existsSync(path)) {
      skipped++;
      continue;
    }
    let fm = cache.get(path);
    if (!fm) cache.set(path, (fm = await fileMetrics(path)));
    const keys = fm.byCtx.get(`${row.text}\u0001${row.context}`);
    // several figures with the same text and context: the one with the sampled key, else the first
    const current = keys === undefined ? undefined : keys.includes(row.key) ? row.key : keys.includes(right ?? '\u0000') ? right : keys[0]!;
    scored.push({ id: row.id, file: row.file, text: row.text, sampledKey: row.key, rightKey: right, currentKey: current, ok: current !== undefined && current !== null && current === right });
  }
  const keyed = scored.filter((s) => s.currentKey !== undefined && s.currentKey !== null);
  const correct = keyed.filter((s) => s.ok).length;
  const unkeyed = scored.filter((s) => s.currentKey === null);
  return {
    rows: rows.length,
    skipped,
    keyed: keyed.length,
    correct,
    precision: keyed.length ? correct / keyed.length : 1,
    unmatched: scored.filter((s) => s.currentKey === undefined).length,
    unkeyed: unkeyed.length,
    lostRight: unkeyed.filter((s) => s.rightKey !== null).length,
    sampledPrecision: sampledN ? sampledOk / sampledN : 1,
    misses: keyed.filter((s) => !s.ok),
    scored,
  };
}

export interface SeriesConflict {
  file: string;
  key: string;
  period: string;
  values: number[];
}

/**
 * Keyed metrics of one file that would give one agency's series two values for one period: same vocabulary key
 * (part keys `total/part` excluded), same period (the figure's, else the report's), different values. Targets and
 * changes are not levels and are left out, as the link step's year-over-year view leaves out other periods.
 */
export async function seriesConflicts(paths: string[]): Promise<SeriesConflict[]> {
  const out: SeriesConflict[] = [];
  for (const path of paths) {
    const r = extractReport(await ingestFile(path));
    const groups = new Map<string, Set<number>>();
    const reportPeriod = r.report?.period?.value ?? '';
    for (const m of r.metrics ?? []) {
      if (!m.indicator || m.indicator.includes('/') || m.target || m.change || m.from) continue;
      const period = m.period ?? reportPeriod;
      const k = `${m.indicator}\u0001${period}`;
      const s = groups.get(k) ?? new Set<number>();
      s.add(m.value);
      groups.set(k, s);
    }
    for (const [k, s] of groups) {
      if (s.size < 2) continue;
      const [key, period] = k.split('\u0001') as [string, string];
      out.push({ file: path, key, period, values: [...s].sort((a, b) => a - b) });
    }
  }
  return out;
}
