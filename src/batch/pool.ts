/**
 * Worker-thread pool (piscina) with per-file isolation: a file that runs past the time limit or needs
 * more heap than the memory limit fails alone; piscina replaces the worker and the batch goes on.
 *
 * Files travel in chunks (up to `chunk` files per message, default 8): a thread finishing a file starts
 * the next one at once instead of waiting for the main thread to answer, which on a machine whose cores
 * are all busy can take longer than the file itself. The time limit still counts per file (the worker
 * stamps each file's start in shared memory). When a chunk fails (time limit, memory, crash), the file
 * that was running gets that failure and the others of the chunk run again, one per message.
 */
import { Piscina } from 'piscina';
import { WORKER_FILE } from './paths.js';
import { oneLine, type ChunkTask, type FileTask, type TaskResult } from './task.js';
import { BatchError } from './errors.js';
import { tuneV8ForPool } from './v8-tuning.js';

export interface PoolOptions {
  threads: number;
  timeoutMs: number;
  maxMemoryMb: number;
  /** worker module (default: the compiled dist/src/batch/worker.js) */
  filename?: string;
  /**
   * replace all threads once a thread's heap, measured after a file, holds more than this many MB
   * (default: a quarter of maxMemoryMb, at least 64): whatever a thread's caches hold is dropped, so memory
   * stays flat over any number of files. Measured, not counted: a fresh thread must compile the
   * extraction code again (its first ~2,000 files run at half speed), so threads whose heap stays flat
   * are kept for the whole batch.
   */
  recycleHeapMb?: number;
  /**
   * also replace all threads after this many files per thread (a safety net, as Tika's
   * maxFilesProcessedPerProcess; default 50,000). 0 = never.
   */
  recycleAfter?: number;
  /** files per message to a thread (default 8; 1 = one file per message) */
  chunk?: number;
}

interface InFlight {
  /** [0] = when the running file started (ms since epoch; 0 = not started), [1] = its index in the chunk */
  state: Float64Array;
  abort: AbortController;
  timedOut: boolean;
}

interface Waiting {
  task: FileTask;
  resolve: (r: TaskResult) => void;
  reject: (e: unknown) => void;
}

type Pool = Piscina<ChunkTask, TaskResult[]>;

export class FilePool {
  private piscina: Pool;
  private sinceRecycle = 0;
  /** a thread of the current pool reported a heap above recycleHeapMb: replace the threads before the next file */
  private heapHigh = false;
  private readonly recycleHeapMb: number;
  private readonly chunkSize: number;
  /** how many times the threads were replaced (all of them at once) */
  recycled = 0;
  private readonly retiring: Array<Promise<void>> = [];
  /** chunks running on each pool (an old pool is destroyed once its last chunk is done) */
  private readonly running = new Map<Pool, number>();
  private readonly inflight = new Set<InFlight>();
  private readonly watchdog: NodeJS.Timeout;
  /** files waiting to be sent as one chunk */
  private waiting: Waiting[] = [];
  private flushScheduled = false;

  /** set when a worker thread cannot even start (broken install): the whole batch stops */
  private fatal: Error | undefined;

  constructor(private readonly opts: PoolOptions) {
    this.recycleHeapMb = opts.recycleHeapMb ?? Math.max(64, Math.floor(opts.maxMemoryMb / 4));
    this.chunkSize = Math.max(1, opts.chunk ?? 8);
    tuneV8ForPool(opts.threads);
    this.piscina = this.createPool();
    // one timer checks every running chunk; time counts from the moment a worker started the current file
    this.watchdog = setInterval(() => {
      const now = Date.now();
      for (const f of this.inflight) {
        const t = f.state[0]!;
        if (t > 0 && !f.timedOut && now - t > this.opts.timeoutMs) {
          f.timedOut = true;
          f.abort.abort();
        }
      }
    }, Math.max(10, Math.min(250, Math.floor(opts.timeoutMs / 10))));
    this.watchdog.unref();
  }

  private createPool(): Pool {
    const opts = this.opts;
    const pool: Pool = new Piscina<ChunkTask, TaskResult[]>({
      filename: opts.filename ?? WORKER_FILE,
      minThreads: opts.threads,
      maxThreads: opts.threads,
      idleTimeout: 60_000,
      resourceLimits: {
        maxOldGenerationSizeMb: opts.maxMemoryMb,
        // a small young generation keeps each thread's RSS low: 64 MB cost ~90 MB RSS and 16 MB ~10 MB more
        // than 8 MB per thread, for no measurable speed (bench:batch, 5,000 reports)
        maxYoungGenerationSizeMb: Math.min(8, Math.floor(opts.maxMemoryMb / 4)),
      },
    });
    // an 'error' on the pool (not on a task) means a worker failed outside any file, e.g. cannot load
    pool.on('error', (err: unknown) => {
      this.fatal ??= cannotStart(err);
      for (const f of this.inflight) f.abort.abort();
    });
    return pool;
  }

  get threads(): number {
    return this.opts.threads;
  }

  /** Files that may usefully wait in the pool at once (two chunks per thread: one running, one queued). */
  get window(): number {
    return this.opts.threads * this.chunkSize * 2;
  }

  /** `window` of a pool of `threads` threads with the default chunk size, before one is made. */
  static windowFor(threads: number): number {
    return threads * 8 * 2;
  }

  /** Runs one file; a failure of the file is a TaskFailed; rejects only when the pool itself is broken. */
  run(task: FileTask): Promise<TaskResult> {
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise<TaskResult>((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      if (this.waiting.length >= this.chunkSize) this.flush();
      else if (!this.flushScheduled) {
        // files handed over in the same turn of the event loop travel together
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    while (this.waiting.length > 0) {
      const chunk = this.waiting.splice(0, this.chunkSize);
      void this.runChunk(chunk);
    }
  }

  private acquire(files: number): Pool {
    const recycleAfter = (this.opts.recycleAfter ?? 50_000) * this.opts.threads;
    if (this.heapHigh || (recycleAfter > 0 && this.sinceRecycle >= recycleAfter)) {
      // new threads take the next files; the old ones finish what they hold, then exit
      const old = this.piscina;
      this.piscina = this.createPool();
      this.sinceRecycle = 0;
      this.heapHigh = false;
      this.recycled++;
      this.retireIfIdle(old);
    }
    this.sinceRecycle += files;
    const pool = this.piscina;
    this.running.set(pool, (this.running.get(pool) ?? 0) + 1);
    return pool;
  }

  private async runChunk(chunk: Waiting[]): Promise<void> {
    if (this.fatal) {
      for (const w of chunk) w.reject(this.fatal);
      return;
    }
    const pool = this.acquire(chunk.length);
    const sab = new SharedArrayBuffer(16);
    const f: InFlight = { state: new Float64Array(sab), abort: new AbortController(), timedOut: false };
    this.inflight.add(f);
    try {
      const results = await pool.run({ tasks: chunk.map((w) => w.task), state: sab }, { signal: f.abort.signal });
      const last = results[results.length - 1];
      if (last?.heapMb !== undefined && last.heapMb > this.recycleHeapMb && pool === this.piscina) this.heapHigh = true;
      chunk.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      // the thread died before it ran our code for any file (the time limit needs a started file): broken worker
      if (f.state[0] === 0) this.fatal ??= cannotStart(err);
      if (this.fatal) {
        for (const w of chunk) w.reject(this.fatal);
        return;
      }
      const culprit = Math.min(chunk.length - 1, Math.max(0, f.state[1]!));
      const durationMs = Date.now() - f.state[0]!;
      chunk[culprit]!.resolve(this.failure(err, f.timedOut, durationMs));
      // the others (done before the failure, or not reached) run again, alone: a failure is then theirs
      for (let i = 0; i < chunk.length; i++) if (i !== culprit) void this.runChunk([chunk[i]!]);
    } finally {
      this.inflight.delete(f);
      this.running.set(pool, this.running.get(pool)! - 1);
      this.retireIfIdle(pool);
    }
  }

  private failure(err: unknown, timedOut: boolean, durationMs: number): TaskResult {
    if (timedOut) {
      return { ok: false, code: 'timeout', reason: `processing took longer than the ${this.opts.timeoutMs} ms time limit (worker replaced)`, durationMs };
    }
    const code = (err as { code?: string }).code;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return { ok: false, code: 'memory', reason: `processing needed more than the ${this.opts.maxMemoryMb} MB memory limit (worker replaced)`, durationMs };
    }
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, code: 'crash', reason: oneLine(`worker failed: ${msg}`), durationMs };
  }

  private retireIfIdle(pool: Pool): void {
    if (pool === this.piscina || (this.running.get(pool) ?? 0) > 0) return;
    this.running.delete(pool);
    this.retiring.push(pool.destroy().catch(() => undefined));
  }

  async close(): Promise<void> {
    this.flush();
    clearInterval(this.watchdog);
    await Promise.all(this.retiring);
    await this.piscina.destroy();
  }
}

/** The batch-stopping error of a worker thread that cannot run our code at all. */
function cannotStart(err: unknown): BatchError {
  return new BatchError(`worker threads cannot start: ${oneLine(err instanceof Error ? `${err.name}: ${err.message}` : String(err))}`);
}
