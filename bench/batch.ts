/**
 * `npm run bench:batch`: throughput of `report-metrics batch` with 1 and 2 worker threads on generated
 * corpora (default 5,000 reports each), and peak RSS at 5,000 vs 50,000 reports (flat = streaming works).
 *
 *   node dist/bench/batch.js [--corpus text|archive|both] [--small N] [--large N] [--repeats N] [--keep] [--dir DIR]
 *   node dist/bench/batch.js --incremental N     (full run, re-runs with nothing new and with 1% new or changed)
 *
 * Two corpora (src/batch/corpus.ts):
 * - text: copies of the 25 plain-text fixtures (3.8 KB each, ~1.6 ms of work per file). The worst case for
 *   scaling: each worker thread's V8 compiles the extraction code for ~3–4 s of CPU, which with one worker
 *   runs on the idle second core and with two competes with both workers; at 5,000 such files that is
 *   about as much CPU as the files themselves. The RSS runs (5,000 vs 50,000) use this corpus.
 * - archive: copies of every committed fixture in every format (text, DOCX, PDF, DOC, HTML and the real
 *   government PDFs), cycled: what an archive holds, ~10 ms of work per file.
 *
 * Each run is the real CLI in a child process (default pipeline, --no-link, fresh output folder);
 * numbers come from its `--json` summary: processing-phase reports/s, end-to-end reports/s, and the
 * process's peak RSS (main thread + worker threads).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveSources, fixtureTexts, writeArchiveVariants, writeVariants } from '../src/batch/corpus.js';
import { fromRoot } from '../src/util/package-root.js';
import { writeFileAtomic } from '../src/util/atomic.js';
import type { BatchSummary } from '../src/batch/run.js';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}
const SMALL = arg('--small', 5000);
const corpusArg = process.argv.includes('--corpus') ? process.argv[process.argv.indexOf('--corpus') + 1]! : 'both';
if (!['text', 'archive', 'both'].includes(corpusArg)) throw new Error('--corpus must be text, archive or both');
const LARGE = arg('--large', 50000);
const keep = process.argv.includes('--keep');
const dirArg = process.argv.indexOf('--dir');
/**
 * Where the corpus and outputs go: --dir, else /dev/shm (tmpfs) when present, else the temp folder. On a
 * tmpfs the runs measure the batch, not the disk: on this machine's ext4 a new file costs 0.04 ms, or up
 * to 0.8 ms for some minutes after many files were deleted, and the 2 worker threads then queue on the
 * file system (`--dir` on a disk folder measures that case).
 */
const shm = '/dev/shm';
const base = existsSync(shm) && statfsSync(shm).bavail * statfsSync(shm).bsize > 8e9 ? shm : tmpdir();
const root = dirArg >= 0 ? process.argv[dirArg + 1]! : mkdtempSync(join(base, 'rm-bench-batch-'));

/**
 * Output folders are deleted only at the end. Deleting thousands of files just before a measured run
 * slows that run down: ext4 skips recently freed inodes when it allocates new ones (`recently_deleted`
 * in ialloc.c, for 60–300 s), so every new report file costs a scan, in kernel time, in the worker
 * thread. A bench that removed the 1-worker output before the 2-worker run measured that, not the batch.
 */
const outs: string[] = [];
const BIN = fromRoot('bin', 'report-metrics.js');

/** The CLI's arguments for one measured run (its output folder is deleted at the end). */
function batchArgs(corpus: string, out: string, jobs: number): string[] {
  outs.push(out);
  return [BIN, 'batch', corpus, '--out', out, '--jobs', String(jobs), '--no-link', '--progress', 'none', '--json'];
}

/** The run's `--json` summary; a failed run or a failed input stops the bench. */
function summaryOfRun(status: number | null, stdout: string, stderr: string): BatchSummary {
  if (status !== 0) throw new Error(`batch failed (${status}): ${stderr}`);
  const s = JSON.parse(stdout) as BatchSummary;
  if (s.failed > 0) throw new Error(`${s.failed} inputs failed: ${JSON.stringify(s.failures.slice(0, 3))}`);
  return s;
}

function batch(corpus: string, out: string, jobs: number, pinToCpu?: number): BatchSummary {
  const args = batchArgs(corpus, out, jobs);
  const r =
    pinToCpu === undefined
      ? spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 })
      : spawnSync('taskset', ['-c', String(pinToCpu), process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return summaryOfRun(r.status, r.stdout, r.stderr);
}

/** As batch() held to one CPU, without waiting: for runs that share the machine at the same time. */
function batchAsync(corpus: string, out: string, jobs: number, pinToCpu: number): Promise<BatchSummary> {
  const args = ['-c', String(pinToCpu), process.execPath, ...batchArgs(corpus, out, jobs)];
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(summaryOfRun(code, stdout, stderr));
      } catch (err) {
        reject(err);
      }
    });
  });
}

/**
 * Diagnostic: two independent 1-worker batches at the same time, each process held to its own CPU, on the
 * even- and the odd-numbered reports. They share nothing: not the pool, not the main thread, not V8's
 * compiler threads (each process keeps its own on its CPU). Their combined rate is what 2 workers that
 * share nothing do on this machine, to compare with 2 workers in one batch.
 */
async function twoPinnedProcesses(name: string, corpus: string): Promise<{ rps: number; runs: BatchSummary[] }> {
  const halves = ['[02468]', '[13579]'].map((d) => `${corpus}/**/*${d}.*`);
  const runs = await Promise.all(halves.map((g, cpu) => batchAsync(g, join(root, `out-${name}-half-${cpu}`), 1, cpu)));
  const done = runs.reduce((a, s) => a + s.done, 0);
  return { rps: Math.round(done / Math.max(...runs.map((s) => s.ms.process / 1000))), runs };
}

function line(label: string, s: BatchSummary, jobs: number): string {
  const e2e = (s.done / (s.ms.total / 1000)).toFixed(1);
  const busy = ((100 * s.busyMs) / (s.ms.process * jobs)).toFixed(0);
  const perFile = (s.busyMs / Math.max(1, s.done)).toFixed(1);
  return `${label.padEnd(18)} ${String(s.done).padStart(6)} reports  processing ${String(s.reportsPerSec).padStart(6)} reports/s  end-to-end ${e2e.padStart(6)} reports/s  (${perFile} ms/file in a thread, threads ${busy}% busy; tables ${(s.ms.tables / 1000).toFixed(1)} s, warehouse ${(s.ms.warehouse / 1000).toFixed(1)} s)  peak RSS ${s.peakRssMb} MB (processing ${s.peakRssByPhaseMb.process}, tables ${s.peakRssByPhaseMb.tables}, warehouse ${s.peakRssByPhaseMb.warehouse})`;
}

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

const REPEATS = arg('--repeats', 2);
if (REPEATS < 1) throw new Error('--repeats must be ≥ 1');
console.log(`bench:batch — ${availableParallelism()} CPUs; node ${process.version}${process.env.NODE_OPTIONS ? ` NODE_OPTIONS=${process.env.NODE_OPTIONS}` : ''}; files in ${root}`);

// how much a new file costs on this disk right now (the report files are most of a worker's kernel time)
function createCostMs(dir: string, n = 1000): number {
  mkdirSync(dir, { recursive: true });
  outs.push(dir);
  const t = performance.now();
  for (let i = 0; i < n; i++) writeFileAtomic(join(dir, `f${i}.json`), '{}\n', { fsync: false });
  return (performance.now() - t) / n;
}
const probe = createCostMs(join(root, 'fs-probe'));
console.log(
  `file-system probe: ${probe.toFixed(3)} ms per new file (temp + rename)` +
    (probe > 0.2 ? ' — slow: files deleted in the last minutes make ext4 scan for free inodes; the runs below pay this per report' : ''),
);

interface Pair {
  one: BatchSummary;
  two: BatchSummary;
  speedup: number;
  speedupE2e: number;
  pinned: BatchSummary | undefined;
  /** two 1-worker processes, each on its own CPU, at once (reports/s together) */
  twoProcesses: number | undefined;
}

/** 1 and 2 workers on one corpus: interleaved repeats (1,2 then 2,1, ...), a fresh output folder each, best of each. */
async function pair(name: string, corpus: string): Promise<Pair> {
  let one: BatchSummary | undefined;
  let two: BatchSummary | undefined;
  for (let r = 0; r < REPEATS; r++) {
    for (const jobs of r % 2 === 0 ? [1, 2] : [2, 1]) {
      const s = batch(corpus, join(root, `out-${name}-${jobs}w-${r}`), jobs);
      console.log(line(jobs === 1 ? '1 worker' : '2 workers', s, jobs) + `  [load ${load()}]`);
      if (jobs === 1 && (!one || s.reportsPerSec > one.reportsPerSec)) one = s;
      if (jobs === 2 && (!two || s.reportsPerSec > two.reportsPerSec)) two = s;
    }
  }
  const speedup = two!.reportsPerSec / one!.reportsPerSec;
  const speedupE2e = one!.ms.total / two!.ms.total;
  console.log(`${name} corpus — speed-up 1→2 workers (best of ${REPEATS} each): processing ${speedup.toFixed(2)}×, end-to-end ${speedupE2e.toFixed(2)}× (goal ≥ 1.8×)`);
  // diagnostic: one worker with the whole process held to one CPU (taskset) shows how much of the second CPU
  // V8's own threads (optimizing compiler, concurrent GC) use in the 1-worker run
  let pinned: BatchSummary | undefined;
  if (availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0) {
    pinned = batch(corpus, join(root, `out-${name}-1w-pinned`), 1, 0);
    console.log(line('1 worker, 1 CPU', pinned, 1) + `  [load ${load()}]`);
    console.log(
      `  V8's compiler and GC threads: 1 worker runs ${(one!.reportsPerSec / pinned.reportsPerSec).toFixed(2)}× faster with a second CPU than held to one; 2 workers on 2 CPUs vs 1 worker on 1 CPU: ${(two!.reportsPerSec / pinned.reportsPerSec).toFixed(2)}×`,
    );
  }
  let twoProcesses: number | undefined;
  if (pinned) {
    const t = await twoPinnedProcesses(name, corpus);
    twoProcesses = t.rps;
    console.log(
      `  sharing nothing: two 1-worker processes at once, each held to its own CPU, half the reports each: ${t.rps} reports/s together (${t.runs.map((s) => s.reportsPerSec).join(' + ')}), ${(t.rps / pinned.reportsPerSec).toFixed(2)}× the 1-CPU run, ${(t.rps / one!.reportsPerSec).toFixed(2)}× the 1-worker run; 2 workers in one batch: ${two!.reportsPerSec} reports/s  [load ${load()}]`,
    );
  }
  console.log(
    `  (time per file in a thread: ${(one!.busyMs / one!.done).toFixed(1)} ms with 1 worker, ${(two!.busyMs / two!.done).toFixed(1)} ms with 2: a rise means the threads share CPUs with other processes or with V8's compiler threads; load average ${load()} on ${availableParallelism()} CPUs)`,
  );
  return { one: one!, two: two!, speedup, speedupE2e, pinned, twoProcesses };
}

/**
 * `--incremental N`: the incremental batch (issue 19) on N text reports with the default pipeline (link and
 * warehouse on): the full run, a re-run with nothing new, a re-run with 1% new or changed inputs (half new
 * files, half existing files with new bytes), then a batch of the final inputs from scratch whose tables must
 * equal the incremental ones byte for byte. Prints each run's time, its ratio to the full run, peak RSS.
 */
const INCREMENTAL = arg('--incremental', 0);
if (INCREMENTAL > 0) {
  const { createHash } = await import('node:crypto');
  const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const fx = fixtureTexts();
  const dir = join(root, 'inc-corpus');
  writeVariants(dir, 0, INCREMENTAL, fx);
  const run = (out: string): BatchSummary => {
    outs.push(out);
    const r = spawnSync(process.execPath, [BIN, 'batch', dir, '--out', out, '--jobs', '2', '--progress', 'none', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return summaryOfRun(r.status, r.stdout, r.stderr);
  };
  const show = (label: string, s: BatchSummary, full?: BatchSummary) =>
    console.log(
      `${label.padEnd(22)} ${(s.ms.total / 1000).toFixed(1).padStart(7)} s${full ? ` = ${((100 * s.ms.total) / full.ms.total).toFixed(2)}% of the full run` : ''}, CPU ${(s.cpuMs.total / 1000).toFixed(1)} s${full ? ` = ${((100 * s.cpuMs.total) / full.cpuMs.total).toFixed(2)}%` : ''} (process ${(s.cpuMs.process / 1000).toFixed(1)}, tables ${(s.cpuMs.tables / 1000).toFixed(1)}, warehouse ${(s.cpuMs.warehouse / 1000).toFixed(1)})  (processing ${(s.ms.process / 1000).toFixed(1)} s, tables+link ${(s.ms.tables / 1000).toFixed(1)} s, warehouse ${(s.ms.warehouse / 1000).toFixed(1)} s [${s.warehouse?.mode}]; done ${s.done}, skipped ${s.skipped}; reports read again ${s.incremental.added}, removed ${s.incremental.removed}, kept ${s.incremental.kept})  peak RSS ${s.peakRssMb} MB  [load ${load()}]`,
    );
  console.log(`\nincremental: ${INCREMENTAL} text reports, default pipeline (link, warehouse), 2 workers`);
  const out = join(root, 'inc-out');
  const full = run(out);
  show('full run', full);
  const none = run(out);
  show('re-run, nothing new', none, full);
  // 1%: half new inputs, half existing inputs with new bytes
  const k = Math.max(2, Math.round(INCREMENTAL / 100));
  writeVariants(dir, INCREMENTAL, INCREMENTAL + Math.floor(k / 2), fx);
  const parts = readdirSync(dir).sort();
  let changed = 0;
  outer: for (const p of parts) {
    for (const f of readdirSync(join(dir, p)).sort()) {
      if (changed >= k - Math.floor(k / 2)) break outer;
      const file = join(dir, p, f);
      writeFileSync(file, readFileSync(file, 'utf8') + `\n(${changed})\n`);
      changed++;
    }
  }
  const one = run(out);
  show(`re-run, ${k} new/changed`, one, full);
  const scratch = run(join(root, 'inc-scratch'));
  show('from scratch (same inputs)', scratch);
  const digest = (o: string) =>
    readdirSync(join(o, 'tables'))
      .filter((f) => f.endsWith('.ndjson'))
      .sort()
      .map((f) => `${f}:${createHash('sha256').update(readFileSync(join(o, 'tables', f))).digest('hex')}`)
      .join('\n');
  const same = digest(out) === digest(join(root, 'inc-scratch'));
  console.log(`incremental tables = from-scratch tables, byte for byte: ${same ? 'yes' : 'NO'}`);
  console.log(
    JSON.stringify({
      incremental: INCREMENTAL,
      fullS: full.ms.total / 1000,
      nothingNewPct: Number(((100 * none.ms.total) / full.ms.total).toFixed(2)),
      onePctPct: Number(((100 * one.ms.total) / full.ms.total).toFixed(2)),
      nothingNewCpuPct: Number(((100 * none.cpuMs.total) / full.cpuMs.total).toFixed(2)),
      onePctCpuPct: Number(((100 * one.cpuMs.total) / full.cpuMs.total).toFixed(2)),
      peakRssMb: { full: full.peakRssMb, nothingNew: none.peakRssMb, onePct: one.peakRssMb },
      same,
    }),
  );
  if (!keep) for (const o of outs) rmSync(o, { recursive: true, force: true });
  if (!keep && dirArg < 0) rmSync(root, { recursive: true, force: true });
  process.exit(same ? 0 : 1);
}

let text: Pair | undefined;
let archive: Pair | undefined;
let large: BatchSummary | undefined;
let largeOne: BatchSummary | undefined;
const textCorpus = join(root, 'corpus');
if (corpusArg !== 'archive') {
  const fx = fixtureTexts();
  let t = Date.now();
  const bytesSmall = writeVariants(textCorpus, 0, SMALL, fx);
  console.log(`\ntext corpus: ${SMALL} reports from ${fx.length} fixtures/text files (${(bytesSmall / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  text = await pair('text', textCorpus);
  if (LARGE > SMALL) {
    t = Date.now();
    const bytesLarge = writeVariants(textCorpus, SMALL, LARGE, fx);
    console.log(`generated ${LARGE - SMALL} more text reports (${(bytesLarge / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    large = batch(textCorpus, join(root, 'out-large'), 2);
    console.log(line('2 workers, large', large, 2) + `  [load ${load()}]`);
    // the same number of reports with 1 worker: each thread's compile warm-up weighs less over 50,000 files
    largeOne = batch(textCorpus, join(root, 'out-large-1w'), 1);
    console.log(line('1 worker, large', largeOne, 1) + `  [load ${load()}]`);
    console.log(`speed-up 1→2 workers at ${large.done} reports: ${(large.reportsPerSec / largeOne.reportsPerSec).toFixed(2)}× (one run each)`);
    console.log(`peak RSS (2 workers): ${text.two.peakRssMb} MB at ${text.two.done} reports vs ${large.peakRssMb} MB at ${large.done} reports (goal: flat, ≤ 300 MB)`);
  }
  rmSync(textCorpus, { recursive: true, force: true });
}
if (corpusArg !== 'text') {
  const sources = archiveSources();
  const t = Date.now();
  const dir = join(root, 'archive');
  const bytes = writeArchiveVariants(dir, 0, SMALL, sources);
  const formats = [...new Set(sources.map((x) => x.ext))].join(' ');
  console.log(`\narchive corpus: ${SMALL} reports cycled from ${sources.length} fixtures (${formats}; ${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  archive = await pair('archive', dir);
  rmSync(dir, { recursive: true, force: true });
}
function summaryOf(p: Pair) {
  return {
    rps1: p.one.reportsPerSec,
    rps2: p.two.reportsPerSec,
    speedup: Number(p.speedup.toFixed(2)),
    speedupEndToEnd: Number(p.speedupE2e.toFixed(2)),
    rps1OneCpu: p.pinned?.reportsPerSec,
    rpsTwoOneCpuProcesses: p.twoProcesses,
    peakRssMb: { one: p.one.peakRssMb, two: p.two.peakRssMb },
  };
}
console.log(
  JSON.stringify({
    reports: SMALL,
    text: text && summaryOf(text),
    archive: archive && summaryOf(archive),
    peakRssSmallMb: text?.two.peakRssMb,
    peakRssLargeMb: large?.peakRssMb,
    largeReports: large?.done,
    largeSpeedup: large && largeOne ? Number((large.reportsPerSec / largeOne.reportsPerSec).toFixed(2)) : undefined,
  }),
);
if (!keep) for (const o of outs) rmSync(o, { recursive: true, force: true });
if (!keep && dirArg < 0) rmSync(root, { recursive: true, force: true });
