/**
 * `npm run fuzz` (= node dist/bench/fuzz.js [--cases 10000] [--seed 20] [--chunk 1000] [--jobs 2]
 * [--timeout-ms 30000] [--max-memory-mb 512] [--save] [--dir DIR]): the fixed-seed mutation fuzzer
 * (./fuzz-cases.ts) run through the real CLI — `report-metrics batch` over chunks of cases with the
 * worker time and memory limits, exports to DuckDB, Parquet and CSV included — so that a crash, a hang,
 * a memory blow-up or a schema failure anywhere (ingest, extraction, checks, tables, warehouse, exports)
 * is seen as users would see it. Prints, per run: cases, outcomes by code, crashes (a batch that died, a
 * worker crash, an internal error), hangs (the time limit), schema failures, memory-limit failures,
 * inputs missing from the manifest, and the peak RSS of each batch process. With --save every bug case
 * is minimised (delta debugging on its bytes, under the same guard) and written to fixtures/hostile/
 * as fuzz-<code>-<index>.<ext>, where test/hostile.test.ts picks it up as a regression test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzCase, seedFiles, type FuzzCase } from './fuzz-cases.js';
import { fromRoot } from '../src/util/package-root.js';
import { processGuarded } from '../src/batch/guarded.js';

const args = process.argv.slice(2);
const opt = (name: string, d: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const CASES = opt('cases', 10_000);
const SEED = opt('seed', 20);
const CHUNK = opt('chunk', 1000);
const JOBS = opt('jobs', 2);
const TIMEOUT_MS = opt('timeout-ms', 30_000);
const MAX_MEMORY_MB = opt('max-memory-mb', 512);
const SAVE = args.includes('--save');
const dirArg = args.indexOf('--dir');
const root = dirArg >= 0 ? args[dirArg + 1]! : mkdtempSync(join(tmpdir(), 'rm-fuzz-'));
const BIN = fromRoot('bin', 'report-metrics.js');
mkdirSync(root, { recursive: true });

interface Line {
  path: string;
  status: string;
  code: string | null;
  reason: string | null;
}

/** The outcome classes the fuzzer must never see. */
function bugClass(l: Line): 'crash' | 'hang' | 'schema' | 'memory' | 'internal' | undefined {
  if (l.status !== 'failed') return undefined;
  if (l.code === 'crash') return 'crash';
  if (l.code === 'timeout') return 'hang';
  if (l.code === 'memory') return 'memory';
  if (l.code === 'error') return /schema|must (NOT )?have|must be/.test(l.reason ?? '') ? 'schema' : 'internal';
  return undefined;
}

const seeds = seedFiles();
const t0 = performance.now();
const codes = new Map<string, number>();
const bugs: Array<{ c: FuzzCase; line: Line; kind: string }> = [];
const byMutation = new Map<string, number>();
let missing = 0;
let batchDeaths = 0;
const rss: number[] = [];
const pipeline = join(root, 'fuzz.yaml');
writeFileSync(
  pipeline,
  JSON.stringify({ name: 'fuzz', version: '1', link: false, exports: ['ndjson', 'duckdb', 'parquet', 'csv'], limits: { timeoutMs: TIMEOUT_MS, maxMemoryMb: MAX_MEMORY_MB } }),
);
console.log(`fuzz: ${CASES} cases, seed ${SEED}, ${seeds.length} seed files, chunks of ${CHUNK}, ${JOBS} workers, limits ${TIMEOUT_MS} ms / ${MAX_MEMORY_MB} MB, in ${root}`);

for (let from = 0; from < CASES; from += CHUNK) {
  const dir = join(root, `chunk-${from}`);
  const inDir = join(dir, 'in');
  mkdirSync(inDir, { recursive: true });
  const cases = new Map<string, FuzzCase>();
  for (let i = from; i < Math.min(CASES, from + CHUNK); i++) {
    const c = fuzzCase(seeds, SEED, i);
    cases.set(c.name, c);
    byMutation.set(c.mutation, (byMutation.get(c.mutation) ?? 0) + 1);
    writeFileSync(join(inDir, c.name), c.bytes);
  }
  // a batch that dies is resumed (as a user would), up to three times; each death is counted
  let summary: { peakRssMb?: number } | undefined;
  let keep = false;
  for (let attempt = 0; attempt < 4 && !summary; attempt++) {
    const r = spawnSync(process.execPath, [BIN, 'batch', 'in', '--out', 'out', '--jobs', String(JOBS), '--pipeline', pipeline, '--progress', 'none', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.status === 0) summary = JSON.parse(r.stdout) as { peakRssMb: number };
    else {
      batchDeaths++;
      keep = true;
      writeFileSync(join(dir, `stderr-${attempt}.txt`), r.stderr ?? '');
      console.log(`  chunk ${from}: the batch died (${r.signal ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().split('\n')[0]} (all in ${dir}/stderr-${attempt}.txt)`);
    }
  }
  if (summary?.peakRssMb !== undefined) rss.push(summary.peakRssMb);
  const lines = readFileSync(join(dir, 'out', 'manifest.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
  const seen = new Set<string>();
  for (const l of lines) {
    const name = l.path.slice(l.path.lastIndexOf('/') + 1);
    seen.add(name);
    const key = l.status === 'failed' ? `failed:${l.code}` : l.status;
    codes.set(key, (codes.get(key) ?? 0) + 1);
    const kind = bugClass(l);
    if (kind) bugs.push({ c: cases.get(name)!, line: l, kind });
  }
  for (const name of cases.keys()) if (!seen.has(name)) missing++;
  console.log(`  cases ${from}–${Math.min(CASES, from + CHUNK) - 1}: ${lines.length} in the manifest, peak RSS ${summary?.peakRssMb ?? '?'} MB, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

const count = (k: string) => bugs.filter((b) => b.kind === k).length;
console.log(`\nfuzz: ${CASES} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
console.log(`  mutations: ${[...byMutation].sort().map(([m, n]) => `${m} ${n}`).join(' · ')}`);
console.log(`  outcomes: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(' · ')}`);
console.log(`  crashes ${count('crash') + count('internal')} (worker crash ${count('crash')}, internal error ${count('internal')}) · batch deaths ${batchDeaths} · hangs ${count('hang')} · schema failures ${count('schema')} · memory-limit failures ${count('memory')} · missing from the manifest ${missing}`);
console.log(`  peak RSS per batch process (main thread + ${JOBS} workers + DuckDB): max ${Math.max(0, ...rss)} MB, min ${Math.min(...rss)} MB; worker heap limit ${MAX_MEMORY_MB} MB`);
for (const b of bugs.slice(0, 50)) console.log(`  BUG ${b.kind}: case ${b.c.index} (${b.c.mutation} of ${b.c.seed}): ${b.line.code}: ${b.line.reason}`);

if (SAVE && bugs.length > 0) {
  for (const b of bugs) {
    const min = await minimise(b.c, b.line.code!);
    const file = fromRoot('fixtures', 'hostile', `fuzz-${b.line.code}-${b.c.index}${b.c.name.slice(b.c.name.lastIndexOf('.'))}`);
    writeFileSync(file, min);
    console.log(`  saved ${file} (${b.c.bytes.length} → ${min.length} bytes)`);
  }
}
if (dirArg < 0 && batchDeaths === 0) rmSync(root, { recursive: true, force: true });
process.exitCode = bugs.length + missing + batchDeaths > 0 ? 1 : 0;

/** ddmin over the bytes: the smallest input (within a budget of runs) that still fails with `code`. */
async function minimise(c: FuzzCase, code: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'rm-fuzz-min-'));
  const file = join(dir, c.name);
  const fails = async (b: Uint8Array) => {
    writeFileSync(file, b);
    const r = await processGuarded(file, {}, { timeoutMs: TIMEOUT_MS, maxMemoryMb: MAX_MEMORY_MB });
    return !r.ok && r.code === code;
  };
  let cur = c.bytes;
  let n = 2;
  let budget = 80;
  while (cur.length > 1 && budget > 0) {
    const size = Math.ceil(cur.length / n);
    let reduced = false;
    for (let i = 0; i < n && budget > 0; i++, budget--) {
      const cand = new Uint8Array(Buffer.concat([cur.subarray(0, i * size), cur.subarray((i + 1) * size)]));
      if (cand.length > 0 && (await fails(cand))) {
        cur = cand;
        n = Math.max(2, n - 1);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= cur.length) break;
      n = Math.min(cur.length, n * 2);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return cur;
}
