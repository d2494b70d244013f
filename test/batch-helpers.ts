/**
 * Shared by the batch / export / queue tests: a corpus generated from the committed fixtures, the CLI
 * as a child process (compiled JS, as users run it), and readers for the outputs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromRoot } from '../src/util/package-root.js';
import { fixtureTexts, variant } from '../src/batch/corpus.js';

export const BIN = fromRoot('bin', 'report-metrics.js');
export const FACT_TABLES = ['reports', 'sections', 'doc_references', 'dates', 'metrics', 'findings'] as const;
/** the Report JSON array each fact table holds */
export const REPORT_FIELD: Record<string, string> = { sections: 'sections', doc_references: 'references', dates: 'dates', metrics: 'metrics', findings: 'findings' };

export interface CorpusSpec {
  variants: number;
  /** same bytes as a variant, another name (and extension .md) */
  renamed?: number;
  /** same bytes as a variant, same name, in a sub-folder */
  duplicates?: number;
  empty?: number;
  random?: number;
}

export interface Corpus {
  dir: string;
  /** relative path (to dir) → expected status class */
  expect: Map<string, 'good' | 'dup' | 'empty' | 'random'>;
}

export function makeCorpus(dir: string, spec: CorpusSpec): Corpus {
  const fx = fixtureTexts();
  mkdirSync(join(dir, 'sub'), { recursive: true });
  const expect: Corpus['expect'] = new Map();
  const put = (rel: string, data: string | Uint8Array, kind: 'good' | 'dup' | 'empty' | 'random') => {
    writeFileSync(join(dir, rel), data);
    expect.set(rel, kind);
  };
  const texts: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < spec.variants; i++) {
    const f = fx[i % fx.length]!;
    const t = variant(f.text, i);
    texts.push(t);
    names.push(`${f.name}-${String(i).padStart(4, '0')}.txt`);
    put(names[i]!, t, 'good');
  }
  for (let i = 0; i < (spec.renamed ?? 0); i++) put(`renamed-${i}.md`, texts[(i * 7) % texts.length]!, 'dup');
  for (let i = 0; i < (spec.duplicates ?? 0); i++) {
    const k = (i * 3) % texts.length;
    put(`sub/${names[k]}`, texts[k]!, 'dup');
  }
  for (let i = 0; i < (spec.empty ?? 0); i++) put(`empty-${i}.txt`, '', 'empty');
  const exts = ['txt', 'pdf', 'docx', 'doc', 'html'];
  for (let i = 0; i < (spec.random ?? 0); i++) {
    const bytes = randomBytes(2000 + i * 100);
    bytes[0] = 0; // never valid text
    put(`random-${i}.${exts[i % exts.length]}`, bytes, 'random');
  }
  writeFileSync(join(dir, 'notes.json'), '{"not": "an input"}\n');
  return { dir, expect };
}

/**
 * A pipeline YAML for tests (no link unless asked). Its per-file time limit is far beyond any real file of the
 * tests, however loaded the machine: the time limit itself is tested where the test decides what hangs
 * (test/batch-pool.test.ts with test/workers/hang-worker.mjs).
 */
export function writePipeline(file: string, extra: Record<string, unknown> = {}): string {
  const p = { name: 'test', version: '1', link: false, exports: ['ndjson', 'duckdb'], limits: { timeoutMs: 600_000, maxMemoryMb: 1024 }, ...extra };
  writeFileSync(file, JSON.stringify(p)); // JSON is YAML
  return file;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `killWhen(stderrSoFar)` returning true sends SIGKILL. */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; killWhen?: (stderr: string) => boolean } = {}): Promise<CliResult> & { child: ChildProcess } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (!killed && opts.killWhen?.(stderr)) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  const p = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))) as Promise<CliResult> & { child: ChildProcess };
  p.child = child;
  return p;
}

export interface ManifestLine {
  path: string;
  sha256: string | null;
  status: 'done' | 'failed' | 'skipped';
  code: string | null;
  reason: string | null;
  reportId: string | null;
  pipeline: { name: string; version: string };
}

export function readNdjson<T = Record<string, unknown>>(file: string): T[] {
  const text = readFileSync(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

export function readManifestLines(out: string): ManifestLine[] {
  return readNdjson<ManifestLine>(join(out, 'manifest.ndjson'));
}

/** Manifest lines keyed by path relative to the corpus folder (recorded paths are relative to the output folder). */
export function manifestByRel(out: string, corpusDir: string): Map<string, ManifestLine> {
  const m = new Map<string, ManifestLine>();
  for (const l of readManifestLines(out)) {
    const abs = l.path.startsWith('/') ? l.path : join(out, l.path);
    m.set(relative(corpusDir, abs), l);
  }
  return m;
}

export function tableBytes(out: string): Record<string, string> {
  const r: Record<string, string> = {};
  for (const t of FACT_TABLES) r[t] = readFileSync(join(out, 'tables', `${t}.ndjson`), 'utf8');
  return r;
}

/** Per table: the number of facts in DIR/reports/*.json (reports: the number of files; findings: the reports' own, not the cross-report ones). */
export function countsFromReports(out: string): Record<string, number> {
  const dir = join(out, 'reports');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^rpt_[0-9a-f]{16}\.json$/.test(f)) : [];
  const c: Record<string, number> = { reports: files.length, sections: 0, doc_references: 0, dates: 0, metrics: 0, findings: 0 };
  for (const f of files) {
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown[]>;
    for (const t of FACT_TABLES) if (t !== 'reports') c[t]! += r[REPORT_FIELD[t]!]!.length;
  }
  return c;
}

export function sha256(s: string | Uint8Array): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Rows of a DuckDB query as JSON-friendly objects. */
export async function duck<T = Record<string, unknown>>(file: string, sql: string): Promise<T[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  try {
    const con = await inst.connect();
    try {
      return (await con.runAndReadAll(sql)).getRowObjectsJson() as T[];
    } finally {
      con.closeSync();
    }
  } finally {
    inst.closeSync();
  }
}
