/**
 * Worker-thread pool (piscina) with per-file isolation: a file that runs past the time limit or needs
 * more heap than the memory limit fails alone; piscina replaces the worker and the batch goes on.
 */
import { Piscina } from 'piscina';
import { WORKER_FILE } from './paths.js';
import { oneLine, type FileTask, type TaskResult } from './task.js';
import { BatchError } from './errors.js';

export interface PoolOptions {
  threads: number;
  timeoutMs: number;
  maxMemoryMb: number;
  /** worker module (default: the compiled dist/src/batch/worker.js) */
  filename?: string;
  /**
   * replace all threads after this many files (default 2,000): whatever the per-thread caches of the
   * extraction code hold is dropped, so memory stays flat over any number of files (as Tika's
   * maxFilesProcessedPerProcess). 0 = never.
   */
  recycleAfter?: number;
}

interface InFlight {
  started: Float64Array;
  abort: AbortController;
  timedOut: boolean;
}

export class FilePool {
  private piscina: Piscina<FileTask, TaskResult>;
  private sinceRecycle = 0;
  private readonly retiring: Array<Promise<void>> = [];
  /** files running on each pool (an old pool is destroyed once its last file is done) */
  private readonly running = new Map<Piscina<FileTask, TaskResult>, number>();
  private readonly inflight = new Set<InFlight>();
  private readonly watchdog: NodeJS.Timeout;
  /** set when a worker thread cannot even start (broken install): the whole batch stops */
  private fatal: Error | undefined;

  constructor(private readonly opts: PoolOptions) {
    this.piscina = this.createPool();
    // one timer checks every running task; time counts from the moment a worker picked the task up
    this.watchdog = setInterval(() => {
      const now = Date.now();
      for (const f of this.inflight) {
        const t = f.started[0]!;
        if (t > 0 && !f.timedOut && now - t > this.opts.timeoutMs) {
          f.timedOut = true;
          f.abort.abort();
        }
      }
    }, Math.max(10, Math.min(250, Math.floor(opts.timeoutMs / 10))));
    this.watchdog.unref();
  }

  private createPool(): Piscina<FileTask, TaskResult> {
    const opts = this.opts;
    const pool = new Piscina<FileTask, TaskResult>({
      filename: opts.filename ?? WORKER_FILE,
      minThreads: opts.threads,
      maxThreads: opts.threads,
      idleTimeout: 60_000,
      resourceLimits: {
        maxOldGenerationSizeMb: opts.maxMemoryMb,
        // a small young generation keeps each thread's RSS low (64 MB costs ~90 MB RSS for no measurable speed)
        maxYoungGenerationSizeMb: Math.min(16, Math.floor(opts.maxMemoryMb / 4)),
      },
    });
    // an 'error' on the pool (not on a task) means a worker failed outside any file, e.g. cannot load
    pool.on('error', (err: unknown) => {
      this.fatal ??= new BatchError(`worker threads cannot start: ${oneLine(err instanceof Error ? `${err.name}: ${err.message}` : String(err))}`);
      for (const f of this.inflight) f.abort.abort();
    });
    return pool;
  }

  get threads(): number {
    return this.opts.threads;
  }

  /** Runs one file; a failure of the file is a TaskFailed; rejects only when the pool itself is broken. */
  async run(task: FileTask): Promise<TaskResult> {
    if (this.fatal) throw this.fatal;
    const recycleAfter = this.opts.recycleAfter ?? 2000;
    if (recycleAfter > 0 && this.sinceRecycle >= recycleAfter) {
      // new threads take the next files; the old ones finish what they hold, then exit
      const old = this.piscina;
      this.piscina = this.createPool();
      this.sinceRecycle = 0;
      this.retireIfIdle(old);
    }
    this.sinceRecycle++;
    const pool = this.piscina;
    this.running.set(pool, (this.running.get(pool) ?? 0) + 1);
    const sab = new SharedArrayBuffer(8);
    const f: InFlight = { started: new Float64Array(sab), abort: new AbortController(), timedOut: false };
    this.inflight.add(f);
    const t0 = performance.now();
    try {
      return await pool.run({ ...task, started: sab }, { signal: f.abort.signal });
    } catch (err) {
      if (this.fatal) throw this.fatal;
      if (f.started[0] === 0 && !f.timedOut) {
        // the thread died before it ran our code for this file: the worker itself is broken
        this.fatal = new BatchError(`worker threads cannot start: ${oneLine(err instanceof Error ? `${err.name}: ${err.message}` : String(err))}`);
        throw this.fatal;
      }
      const durationMs = performance.now() - t0;
      if (f.timedOut) {
        return { ok: false, code: 'timeout', reason: `processing took longer than the ${this.opts.timeoutMs} ms time limit (worker replaced)`, durationMs };
      }
      const code = (err as { code?: string }).code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
        return { ok: false, code: 'memory', reason: `processing needed more than the ${this.opts.maxMemoryMb} MB memory limit (worker replaced)`, durationMs };
      }
      const msg = err instanceof Error ? err.message : String(err);
      return { ok: false, code: 'crash', reason: oneLine(`worker failed: ${msg}`), durationMs };
    } finally {
      this.inflight.delete(f);
      this.running.set(pool, this.running.get(pool)! - 1);
      this.retireIfIdle(pool);
    }
  }

  private retireIfIdle(pool: Piscina<FileTask, TaskResult>): void {
    if (pool === this.piscina || (this.running.get(pool) ?? 0) > 0) return;
    this.running.delete(pool);
    this.retiring.push(pool.destroy().catch(() => undefined));
  }

  async close(): Promise<void> {
    clearInterval(this.watchdog);
    await Promise.all(this.retiring);
    await this.piscina.destroy();
  }
}
