/**
 * `report-metrics batch`: inputs → DIR/reports/<id>.json + DIR/manifest.ndjson, then tables, link,
 * warehouse and exports updated for the reports added, rewritten or removed (src/batch/outputs.ts).
 *
 * Crash safety (kill -9 at any moment): a report JSON is written atomically BEFORE its manifest line;
 * the manifest is an append log (torn last line dropped) compacted atomically at the end; every table is
 * written to a temp file and renamed, the outputs index (DIR/.state/index.json) last, and the warehouse is
 * updated in one DuckDB transaction. A resumed run skips what the manifest says is done (same sha256, same
 * pipeline, report file present) and ends with exactly the rows of an uninterrupted run.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { reportIdFromSha, sha256Hex } from '../util/hash.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import type { LinkSummary } from '../link/index.js';
import type { TablesSummary } from '../export/tables.js';
import type { WarehouseUpdate } from './warehouse-update.js';
import { STATE_DIR, refreshOutputs } from './outputs.js';
import { InputHashCache } from './stat-cache.js';
import { removeStaleTemps } from '../util/atomic.js';
import { forTerminal } from '../util/escape.js';
import { BatchError } from './errors.js';
import { expandInputs, formatOf, type BatchInput } from './inputs.js';
import { InflightLog, SOLO_RETRIES } from './inflight.js';
import { runSolo } from './solo.js';
import { ManifestLog, compactManifest, doneIndex, readManifest, type ManifestEntry } from './manifest.js';
import { loadPipeline, pipelineKey, processOptions, type Pipeline } from './pipeline.js';
import { FilePool } from './pool.js';
import { Progress, type Counts, type ProgressMode } from './progress.js';
import { outLayout } from './paths.js';
import type { FileTask, TaskResult } from './task.js';

/** Runs tasks: the local thread pool, or a queue of remote workers. */
export interface Executor {
  /** how many inputs may be in flight at once */
  readonly window: number;
  run(task: FileTask): Promise<TaskResult>;
  close(): Promise<void>;
}

export interface BatchOptions {
  inputs: string[];
  out: string;
  /** worker threads (local mode) */
  jobs?: number;
  pipelineFile?: string;
  pipeline?: Pipeline;
  force?: boolean;
  /** false = skip `link` even when the pipeline asks for it */
  link?: boolean;
  /** an executor other than the local pool (queue mode) */
  executor?: (p: Pipeline) => Promise<Executor>;
  progress?: ProgressMode;
  progressEveryMs?: number;
  /**
   * fsync every report before its rename (default false). Without it a report survives any process
   * kill (the rename is atomic, the data is in the page cache); with it, also a power cut.
   */
  fsync?: boolean;
  /** OCR of scanned pages and images (default auto) */
  ocr?: 'auto' | 'always' | 'never';
  log?: (line: string) => void;
}

export interface BatchSummary {
  out: string;
  pipeline: { name: string; version: string; file: string };
  inputs: number;
  done: number;
  failed: number;
  skipped: number;
  alreadyDone: number;
  duplicates: number;
  /** inputs named on the command line that do not exist (each also a failed input) */
  missing: number;
  failures: Array<{ path: string; code: string; reason: string }>;
  warnings: string[];
  tables: TablesSummary;
  link?: LinkSummary | { error: string };
  warehouse?: WarehouseUpdate;
  /** what the tables update read again (added, changed, removed reports) and kept */
  incremental: { full: boolean; written: boolean; added: number; changed: number; removed: number; kept: number };
  exports: string[];
  bytes: number;
  /** PDF and image pages of the inputs processed in this run (done) */
  pages: number;
  /** OCR, counted apart (far slower than a text layer): pages read by OCR, inputs with such a page, time on them */
  ocr: { pages: number; files: number; ms: number; pagesPerSec: number };
  ms: { total: number; process: number; tables: number; link: number; warehouse: number };
  /** CPU time of the whole process (main thread, worker threads, DuckDB), per phase: on a shared machine a steadier measure than ms */
  cpuMs: { total: number; process: number; tables: number; warehouse: number };
  /** time worker threads spent on files (sum over files): busyMs / (ms.process × jobs) = how busy they were */
  busyMs: number;
  /** inputs finished (done, failed or skipped) per second of processing */
  filesPerSec: number;
  reportsPerSec: number;
  mbPerSec: number;
  peakRssMb: number;
  /** the process's peak RSS up to the end of each phase (MB): where the peak was reached */
  peakRssByPhaseMb: { process: number; tables: number; warehouse: number };
}

export { BatchError };

/** CPU time of the process so far (user + system, every thread), ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The process's peak resident set so far (main thread and worker threads), MB. */
function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * What a later input with the same bytes needs to know about the first one. Kept for every input of the
 * run, so it is small: `path` is the input's own string, `mediaType` an interned one, and `reportId` is
 * present only when it is not the one the bytes give (reportIdFromSha), i.e. when the file changed between
 * the main thread's read and the worker's.
 */
type FirstOutcome = { path: string; ok: true; mediaType: string; reportId?: string } | { path: string; ok: false; code: string; reason: string };

const mediaTypes = new Map<string, string>();
function interned(s: string): string {
  const known = mediaTypes.get(s);
  if (known !== undefined) return known;
  mediaTypes.set(s, s);
  return s;
}

function outcomeOf(path: string, sha: string, r: TaskResult): FirstOutcome {
  if (!r.ok) return { path, ok: false, code: r.code, reason: r.reason };
  const o: FirstOutcome = { path, ok: true, mediaType: interned(r.mediaType) };
  if (r.reportId !== reportIdFromSha(sha)) o.reportId = r.reportId;
  return o;
}

/** DIR/.lock: one batch at a time per output folder (a lock left by a killed process is taken over). */
function takeLock(dir: string): () => void {
  const lock = join(dir, '.lock');
  const me = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, me);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lock, 'utf8') === me) rmSync(lock, { force: true });
        } catch {
          /* gone */
        }
      };
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
      const holder = (() => {
        try {
          return readFileSync(lock, 'utf8');
        } catch {
          return '';
        }
      })();
      const [pidText, host] = holder.split('@');
      const pid = Number(pidText);
      let alive = false;
      if (host === hostname() && Number.isInteger(pid) && pid > 0) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch (e) {
          alive = (e as { code?: string }).code === 'EPERM';
        }
      } else if (host && host !== hostname()) alive = true;
      if (alive) throw new BatchError(`${dir}: another batch is writing this folder (${holder}); remove ${lock} if it is gone`);
      rmSync(lock, { force: true });
    }
  }
  throw new BatchError(`${dir}: cannot take the lock ${lock}`);
}

export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const c0 = cpuMs();
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const pipeline = opts.pipeline ?? loadPipeline(opts.pipelineFile);
  const key = pipelineKey(pipeline);
  const L = outLayout(resolve(opts.out));
  // paths recorded relative to the output folder: `review` and `check` read them from any directory
  const { inputs, warnings } = await expandInputs(opts.inputs, pipeline.ingest.extensions, [L.dir], process.cwd(), L.dir);
  if (inputs.length === 0 && opts.inputs.length > 0 && warnings.length === opts.inputs.length) {
    throw new BatchError(`no input files (${warnings.join('; ')})`);
  }
  // nothing to read at all: fail before creating an output folder
  if (inputs.length > 0 && inputs.every((i) => !existsSync(i.abs))) {
    const shown = opts.inputs.slice(0, 3).join(', ') + (opts.inputs.length > 3 ? ', …' : '');
    throw new BatchError(`no input exists (${shown}: no such file or folder)`);
  }
  for (const w of warnings) log(forTerminal(`report-metrics: warning: ${w}`));
  mkdirSync(L.reports, { recursive: true });
  mkdirSync(L.tables, { recursive: true });
  const unlock = takeLock(L.dir);
  try {
    // leftovers of a killed run (in queue mode, workers elsewhere may be writing: only old ones)
    const minAge = opts.executor ? 10 * 60_000 : 0;
    mkdirSync(join(L.dir, STATE_DIR), { recursive: true });
    for (const d of [L.dir, L.reports, L.tables, join(L.dir, STATE_DIR)]) removeStaleTemps(d, minAge);
    // sha256 of inputs whose identity (inode, size, mtime, ctime) is unchanged since they were last read
    const hashes = new InputHashCache(join(L.dir, STATE_DIR, 'inputs.ndjson'));

    const { entries } = await readManifest(L.manifest);
    const previouslyDone = opts.force ? new Map<string, string>() : doneIndex(entries.values(), key);
    entries.clear();

    const counts: Counts = { done: 0, failed: 0, skipped: 0, bytes: 0, pages: 0, ocrPages: 0 };
    const ocr = { files: 0, ms: 0 };
    const progress = new Progress(opts.progress ?? 'auto', counts, process.stderr, opts.progressEveryMs);
    const manifest = new ManifestLog(L.manifest);
    const inflight = new InflightLog(join(L.dir, '.inflight.ndjson'));
    if (opts.force) inflight.clear();
    const failures: BatchSummary['failures'] = [];
    let alreadyDone = 0;
    let duplicates = 0;
    let missing = 0;
    let busyMs = 0;

    const executor = opts.executor ? await opts.executor(pipeline) : await localExecutor(pipeline, opts.jobs);
    const pOpts = processOptions(pipeline);
    if (opts.ocr !== undefined) pOpts.ocr = opts.ocr;
    const pipe = { name: pipeline.name, version: pipeline.version };
    /** sha256 → outcome of the first input with these bytes in this run */
    // while the first input runs: its promise; once done: only what a duplicate needs (flat memory at 50k+)
    const firstBySha = new Map<string, Promise<FirstOutcome> | FirstOutcome>();

    const record = (input: BatchInput, e: Partial<ManifestEntry> & Pick<ManifestEntry, 'status'>) => {
      const entry: ManifestEntry = {
        path: input.path,
        sha256: e.sha256 ?? null,
        bytes: e.bytes ?? null,
        format: formatOf(input.path),
        mediaType: e.mediaType ?? null,
        status: e.status,
        code: e.code ?? null,
        reason: e.reason ?? null,
        durationMs: Math.round((e.durationMs ?? 0) * 10) / 10,
        pipeline: pipe,
        tool: TOOL_VERSION,
        reportId: e.reportId ?? null,
        at: new Date().toISOString(),
      };
      manifest.append(entry);
      counts[entry.status]++;
      if (entry.status === 'failed' && failures.length < 1000) {
        failures.push({ path: input.path, code: entry.code ?? 'error', reason: entry.reason ?? '' });
      }
      progress.tick();
    };

    const handle = async (input: BatchInput, solo = false): Promise<void> => {
      const t = performance.now();
      let size: number;
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(input.abs);
        if (!st.isFile()) {
          record(input, { status: 'failed', code: st.isDirectory() ? 'directory' : 'not-file', reason: 'not a regular file' });
          return;
        }
        size = st.size;
      } catch {
        missing++;
        record(input, { status: 'failed', code: 'not-found', reason: 'no such file' });
        return;
      }
      if (size > pipeline.limits.maxBytes) {
        record(input, { status: 'failed', bytes: size, code: 'too-large', reason: `file is ${size} bytes, over the ${pipeline.limits.maxBytes}-byte limit` });
        return;
      }
      let sha: string | undefined = opts.force ? undefined : hashes.lookup(input.abs, st!);
      try {
        if (sha === undefined) {
          const readAt = Date.now();
          // small files: one synchronous read is cheaper than four thread-pool round trips
          sha = sha256Hex(size <= 4 * 1024 * 1024 ? readFileSync(input.abs) : await readFile(input.abs));
          hashes.record(input.abs, st!, sha, readAt);
        }
      } catch (err) {
        record(input, { status: 'failed', bytes: size, code: 'unreadable', reason: `cannot read: ${(err as { code?: string }).code ?? 'error'}` });
        return;
      }
      const known = previouslyDone.get(sha);
      if (known && reportPresent(join(L.reports, `${known}.json`))) {
        alreadyDone++;
        record(input, { status: 'skipped', sha256: sha, bytes: size, code: 'already-done', reason: 'already done (same bytes, same pipeline)', reportId: known, durationMs: performance.now() - t });
        return;
      }
      const first = firstBySha.get(sha);
      if (first) {
        const o = await first;
        if (o.ok) {
          duplicates++;
          record(input, { status: 'skipped', sha256: sha, bytes: size, mediaType: o.mediaType, code: 'duplicate', reason: `same bytes as ${o.path}`, reportId: o.reportId ?? reportIdFromSha(sha), durationMs: performance.now() - t });
        } else {
          record(input, { status: 'failed', sha256: sha, bytes: size, code: o.code, reason: `same bytes as ${o.path}: ${o.reason}`, durationMs: performance.now() - t });
        }
        return;
      }
      if (inflight.suspects.get(input.abs)?.soloCrash) {
        record(input, {
          status: 'failed',
          sha256: sha,
          bytes: size,
          code: 'crash',
          reason: `the batch process died ${SOLO_RETRIES} times while processing this file alone; not retried (use --force)`,
        });
        inflight.finish(input.abs);
        return;
      }
      inflight.start(input.abs, solo);
      const task: FileTask = { abs: input.abs, path: input.path, reportsDir: L.reports, options: pOpts, checks: pipeline.checks, fsync: opts.fsync === true };
      // a suspect runs alone in a child process of its own (local mode): only its own crash fails it
      const running = solo && !opts.executor ? runSolo({ task, limits: pipeline.limits, marker: join(L.dir, '.solo.json') }) : executor.run(task);
      firstBySha.set(sha, running.then((r) => outcomeOf(input.path, sha, r)));
      const result = await running;
      firstBySha.set(sha, outcomeOf(input.path, sha, result));
      inflight.finish(input.abs);
      counts.bytes += size;
      busyMs += result.durationMs;
      if (result.ok && result.pages) {
        counts.pages += result.pages.total;
        counts.ocrPages += result.pages.ocr;
        if (result.pages.ocr > 0) ocr.files++;
        ocr.ms += result.pages.ocrMs;
      }
      if (result.ok) {
        record(input, { status: 'done', sha256: sha, bytes: size, mediaType: result.mediaType, reportId: result.reportId, durationMs: result.durationMs });
      } else {
        record(input, { status: 'failed', sha256: sha, bytes: size, code: result.code, reason: result.reason, durationMs: result.durationMs });
      }
    };

    progress.start(inputs.length);
    const tProc = performance.now();
    try {
      // inputs in flight when an earlier run died go first, one at a time, to find the culprit
      const suspects = inputs.filter((i) => inflight.suspects.has(i.abs));
      for (const input of suspects) await handle(input, true);
      const rest = suspects.length > 0 ? inputs.filter((i) => !inflight.suspects.has(i.abs)) : inputs;
      let next = 0;
      const lanes = Array.from({ length: Math.max(1, Math.min(executor.window, rest.length)) }, async () => {
        while (next < rest.length) {
          const input = rest[next++]!;
          await handle(input);
        }
      });
      await Promise.all(lanes);
      inflight.clear();
    } finally {
      progress.stop();
      manifest.close();
      inflight.close();
      await executor.close();
    }
    const processMs = performance.now() - tProc;
    const cProcess = cpuMs();
    const rssProcess = peakRssMb();
    firstBySha.clear();

    progress.phase('writing manifest');
    const { reportIds: named } = await compactManifest(L.manifest);
    hashes.save();
    // a report no manifest line names any more (its input's bytes changed, or it was redone under another
    // id) is removed, so that the tables hold what a batch of the same inputs from scratch holds
    for (const f of readdirSync(L.reports)) {
      const m = /^(rpt_[0-9a-f]{16})\.json$/.exec(f);
      if (m && !named.has(m[1]!)) rmSync(join(L.reports, f), { force: true });
    }

    // tables and link, updated for the reports added, rewritten or removed since they were last written
    // (link gives each report its agency: reports.agency_id); everything from scratch without a usable state
    let link: BatchSummary['link'];
    const linkMs = 0;
    progress.phase('building tables');
    const tT = performance.now();
    const out = refreshOutputs(L.dir, { link: pipeline.link && opts.link !== false });
    const tables = out.tables;
    if (out.link) link = out.link;
    for (const u of tables.unreadable) log(forTerminal(`report-metrics: warning: ${L.reports}/${u}`));
    const tablesMs = performance.now() - tT;
    const cTables = cpuMs();
    const rssTables = peakRssMb();

    const tW = performance.now();
    // DuckDB is loaded only now: its native library would otherwise add to the RSS of the whole run
    const { exportTables } = await import('../export/warehouse.js');
    const { updateWarehouse } = await import('./warehouse-update.js');
    let warehouse: WarehouseUpdate | undefined;
    const exports: string[] = [];
    if (pipeline.exports.includes('duckdb')) {
      progress.phase('building warehouse');
      warehouse = await updateWarehouse(L.dir);
      exports.push(warehouse.file);
    }
    for (const f of ['parquet', 'csv'] as const) {
      if (!pipeline.exports.includes(f)) continue;
      // written again only when the warehouse changed (or they are missing)
      if (warehouse?.mode === 'none' && existsSync(join(L.dir, 'export', f))) {
        exports.push(...readdirSync(join(L.dir, 'export', f)).filter((n) => !n.startsWith('.')).map((n) => join(L.dir, 'export', f, n)));
        continue;
      }
      progress.phase(`exporting ${f}`);
      exports.push(...(await exportTables(L.dir, f)).files);
    }
    const warehouseMs = performance.now() - tW;
    progress.phase('finished');

    const total = performance.now() - t0;
    const summary: BatchSummary = {
      out: L.dir,
      pipeline: { name: pipeline.name, version: pipeline.version, file: pipeline.file },
      inputs: inputs.length,
      done: counts.done,
      failed: counts.failed,
      skipped: counts.skipped,
      alreadyDone,
      duplicates,
      missing,
      failures,
      warnings,
      tables,
      incremental: { full: out.full, written: out.written, added: out.added, changed: out.changed, removed: out.removed, kept: out.kept },
      exports,
      bytes: counts.bytes,
      pages: counts.pages,
      // pages/s of one worker thread on OCR pages (OCR time summed over threads)
      ocr: { pages: counts.ocrPages, files: ocr.files, ms: Math.round(ocr.ms), pagesPerSec: ocr.ms > 0 ? Math.round((counts.ocrPages / ocr.ms) * 1000 * 100) / 100 : 0 },
      busyMs: Math.round(busyMs),
      cpuMs: { total: Math.round(cpuMs() - c0), process: Math.round(cProcess - c0), tables: Math.round(cTables - cProcess), warehouse: Math.round(cpuMs() - cTables) },
      ms: { total: Math.round(total), process: Math.round(processMs), tables: Math.round(tablesMs), link: Math.round(linkMs), warehouse: Math.round(warehouseMs) },
      filesPerSec: processMs > 0 ? Math.round(((counts.done + counts.failed + counts.skipped) / processMs) * 1000 * 10) / 10 : 0,
      reportsPerSec: processMs > 0 ? Math.round((counts.done / processMs) * 1000 * 10) / 10 : 0,
      mbPerSec: processMs > 0 ? Math.round((counts.bytes / 1e6 / (processMs / 1000)) * 100) / 100 : 0,
      peakRssMb: peakRssMb(),
      peakRssByPhaseMb: { process: rssProcess, tables: rssTables, warehouse: peakRssMb() },
    };
    if (link) summary.link = link;
    if (warehouse) summary.warehouse = warehouse;
    return summary;
  } finally {
    unlock();
  }
}

/** A report file that exists and is not empty (a power cut can leave renamed files without data). */
function reportPresent(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

async function localExecutor(pipeline: Pipeline, jobs?: number): Promise<Executor> {
  const threads = Math.max(1, jobs ?? 1);
  // the threads start with the first input to process: a re-run with nothing new starts none
  let pool: FilePool | undefined;
  const get = () => (pool ??= new FilePool({ threads, timeoutMs: pipeline.limits.timeoutMs, maxMemoryMb: pipeline.limits.maxMemoryMb }));
  return {
    window: FilePool.windowFor(threads),
    run: (task) => get().run(task),
    close: () => (pool ? pool.close() : Promise.resolve()),
  };
}

/** The summary printed at the end of a batch (stdout). */
export function formatSummary(s: BatchSummary): string {
  const lines: string[] = [];
  lines.push(`batch: ${s.inputs} inputs → ${s.out} (pipeline ${s.pipeline.name}@${s.pipeline.version})`);
  const skipped = s.skipped > 0 ? ` (${s.alreadyDone} already done, ${s.duplicates} duplicate)` : '';
  lines.push(`  done ${s.done} · skipped ${s.skipped}${skipped} · failed ${s.failed}${s.missing ? ` (${s.missing} not found)` : ''}`);
  const r = s.tables.rows;
  lines.push(
    `  tables: reports ${r.reports} · sections ${r.sections} · references ${r.doc_references} · dates ${r.dates} · metrics ${r.metrics} · findings ${r.findings}`,
  );
  if (s.pages > 0) {
    const o = s.ocr;
    const ocr = o.pages > 0 ? `${o.pages} by OCR in ${o.files} file${o.files === 1 ? '' : 's'} (${(o.ms / 1000).toFixed(1)} s, ${o.pagesPerSec} pages/s per thread)` : 'none by OCR';
    lines.push(`  pages ${s.pages} (PDF and images) · ${ocr}`);
  }
  if (s.link) {
    lines.push('error' in s.link ? `  link: failed: ${s.link.error}` : `  link: agencies ${s.link.agencies} · documents ${s.link.documents} · citations ${s.link.citations} · series ${s.link.series}`);
  }
  lines.push(
    `  time ${(s.ms.total / 1000).toFixed(1)} s (processing ${(s.ms.process / 1000).toFixed(1)} s: ${s.filesPerSec} files/s, ${s.reportsPerSec} reports/s, ${s.mbPerSec} MB/s) · peak RSS ${s.peakRssMb} MB`,
  );
  if (s.failures.length > 0) {
    lines.push(`  failed inputs${s.failures.length > 10 ? ' (first 10; all in manifest.ndjson)' : ''}:`);
    for (const f of s.failures.slice(0, 10)) lines.push(forTerminal(`    ${f.path}: ${f.reason} [${f.code}]`));
  }
  lines.push(`  outputs: ${s.out}/manifest.ndjson, ${s.out}/reports/, ${s.out}/tables/*.ndjson${s.exports.map((e) => ', ' + e).join('')}`);
  return lines.join('\n') + '\n';
}
