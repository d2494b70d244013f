/**
 * Queue mode for many machines: BullMQ on Redis.
 *
 * The producer (`batch --queue URL`) enqueues one job per input and waits for each; any number of
 * `report-metrics worker --queue URL` processes (on machines sharing the input and output paths) take
 * jobs, run them in their own thread pool (same time and memory limits), write DIR/reports/<id>.json
 * and return the outcome. Only the producer writes the manifest and rebuilds the tables, so the
 * outputs are the same as a local run's.
 */
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Executor } from '../batch/run.js';
import { BatchError } from '../batch/errors.js';
import { FilePool } from '../batch/pool.js';
import type { Pipeline } from '../batch/pipeline.js';
import { oneLine, type FileTask, type TaskResult } from '../batch/task.js';

import { DEFAULT_QUEUE_NAME } from './name.js';

export { DEFAULT_QUEUE_NAME };

/** What a job carries: the task plus the limits the worker must enforce. */
export interface QueueJobData {
  task: FileTask;
  limits: { timeoutMs: number; maxMemoryMb: number };
}

function connection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/** Fails fast with a one-line error when Redis is not reachable (instead of retrying forever). */
export async function checkRedis(url: string): Promise<void> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
  } catch (err) {
    throw new BatchError(`cannot reach Redis at ${url}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    r.disconnect();
  }
}

export interface QueueExecutorOptions {
  url: string;
  name?: string;
  pipeline: Pipeline;
  /** inputs in flight at once (jobs enqueued and awaited) */
  window?: number;
  log?: (line: string) => void;
}

/** The producer side: an Executor whose tasks run on remote workers. */
export async function queueExecutor(o: QueueExecutorOptions): Promise<Executor> {
  await checkRedis(o.url);
  const name = o.name ?? DEFAULT_QUEUE_NAME;
  const log = o.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const conns = [connection(o.url), connection(o.url)];
  const queue = new Queue<QueueJobData, TaskResult>(name, { connection: conns[0]! });
  const events = new QueueEvents(name, { connection: conns[1]! });
  events.setMaxListeners(0);
  await events.waitUntilReady();
  if ((await queue.getWorkersCount()) === 0) {
    log(`report-metrics: no worker is listening on queue "${name}" yet; start some with: report-metrics worker --queue ${o.url} --queue-name ${name}`);
  }
  const limits = { timeoutMs: o.pipeline.limits.timeoutMs, maxMemoryMb: o.pipeline.limits.maxMemoryMb };
  return {
    window: o.window ?? 256,
    async run(task: FileTask): Promise<TaskResult> {
      const t0 = performance.now();
      const job = await queue.add('file', { task, limits }, { removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 }, attempts: 1 });
      try {
        return await job.waitUntilFinished(events);
      } catch (err) {
        return { ok: false, code: 'crash', reason: oneLine(`queue job failed: ${err instanceof Error ? err.message : String(err)}`), durationMs: performance.now() - t0 };
      }
    },
    async close() {
      await events.close();
      await queue.close();
      for (const c of conns) c.disconnect();
    },
  };
}

export interface WorkerOptions {
  url: string;
  name?: string;
  /** jobs processed at once (threads) */
  jobs: number;
  /** exit after this many ms without work (0 = run until stopped) */
  idleExitMs?: number;
  log?: (line: string) => void;
}

export interface WorkerStats {
  processed: number;
  failed: number;
}

/** The worker side: takes jobs until stopped (SIGINT/SIGTERM) or idle for `idleExitMs`. */
export async function runWorker(o: WorkerOptions): Promise<WorkerStats> {
  await checkRedis(o.url);
  const name = o.name ?? DEFAULT_QUEUE_NAME;
  const log = o.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const pools = new Map<string, FilePool>();
  const poolFor = (l: QueueJobData['limits']) => {
    const k = `${l.timeoutMs}/${l.maxMemoryMb}`;
    let p = pools.get(k);
    if (!p) {
      p = new FilePool({ threads: o.jobs, timeoutMs: l.timeoutMs, maxMemoryMb: l.maxMemoryMb });
      pools.set(k, p);
    }
    return p;
  };
  const stats: WorkerStats = { processed: 0, failed: 0 };
  let active = 0;
  let last = Date.now();
  const conn = connection(o.url);
  const worker = new Worker<QueueJobData, TaskResult>(
    name,
    async (job: Job<QueueJobData, TaskResult>) => {
      active++;
      try {
        const r = await poolFor(job.data.limits).run(job.data.task);
        stats.processed++;
        if (!r.ok) stats.failed++;
        return r;
      } finally {
        active--;
        last = Date.now();
      }
    },
    { connection: conn, concurrency: o.jobs },
  );
  worker.on('error', (err) => log(`report-metrics worker: ${err.message}`));
  await worker.waitUntilReady();
  log(`report-metrics worker: listening on queue "${name}" at ${o.url} with ${o.jobs} thread(s)`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (o.idleExitMs && o.idleExitMs > 0) {
      const t = setInterval(() => {
        if (active === 0 && Date.now() - last > o.idleExitMs!) {
          clearInterval(t);
          resolve();
        }
      }, Math.min(1000, o.idleExitMs));
    }
  });
  await worker.close();
  conn.disconnect();
  for (const p of pools.values()) await p.close();
  log(`report-metrics worker: stopped after ${stats.processed} job(s) (${stats.failed} failed)`);
  return stats;
}
