/**
 * Queue mode on a real Redis with BullMQ: a producer (`batch --queue`) and two `worker` processes give
 * the same outputs as a local batch. Starts its own redis-server (Debian's, on a free loopback port, no
 * persistence) and stops it at the end; REDIS_URL, when set, points it at a Redis of your own instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { BIN, makeCorpus, manifestByRel, runCli, tableBytes, writePipeline, type Corpus } from './batch-helpers.js';

let tmp: string;
let corpus: Corpus;
let pipeline: string;
let url: string;
let redis: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitForRedis(u: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const r = new Redis(u, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    try {
      await r.connect();
      await r.ping();
      r.disconnect();
      return;
    } catch {
      r.disconnect();
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  throw new Error(`Redis at ${u} did not come up`);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-queue-'));
  corpus = makeCorpus(join(tmp, 'in'), { variants: 40, duplicates: 5, empty: 2, random: 2 });
  pipeline = writePipeline(join(tmp, 'pipeline.yaml'));
  if (process.env['REDIS_URL']) url = process.env['REDIS_URL'];
  else {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const failed = new Promise<never>((_, reject) =>
      redis!.on('error', (e) => reject(new Error(`cannot start redis-server (${e.message}): install it (apt-get install redis-server; npm test does it as root)`))),
    );
    url = `redis://127.0.0.1:${port}`;
    await Promise.race([waitForRedis(url), failed]);
    return;
  }
  await waitForRedis(url);
});

afterAll(() => {
  redis?.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

function startWorker(queueName: string): { child: ChildProcess; ready: Promise<void>; done: Promise<string> } {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--queue-name', queueName, '--jobs', '1'], {
    cwd: tmp,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((res) => (onReady = res));
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.includes('listening on queue')) onReady();
  });
  const done = new Promise<string>((res) => child.on('close', () => res(err)));
  return { child, ready, done };
}

describe('batch --queue with report-metrics worker (BullMQ on Redis)', () => {
  it('two workers produce the same manifest and tables as a local batch', async () => {
    const local = await runCli(['batch', 'in', '--out', 'local', '--jobs', '2', '--pipeline', pipeline, '--progress', 'none'], { cwd: tmp });
    expect(local.code, local.stderr).toBe(0);

    const queueName = `rm-test-${process.pid}-${Date.now()}`;
    const workers = [startWorker(queueName), startWorker(queueName)];
    await Promise.all(workers.map((w) => w.ready));
    const q = await runCli(['batch', 'in', '--out', 'queued', '--pipeline', pipeline, '--progress', 'none', '--queue', url, '--queue-name', queueName], { cwd: tmp });
    for (const w of workers) w.child.kill('SIGTERM');
    const logs = await Promise.all(workers.map((w) => w.done));
    expect(q.code, q.stderr).toBe(0);

    expect(tableBytes(join(tmp, 'queued'))).toEqual(tableBytes(join(tmp, 'local')));
    const a = manifestByRel(join(tmp, 'queued'), corpus.dir);
    const b = manifestByRel(join(tmp, 'local'), corpus.dir);
    expect(a.size).toBe(corpus.expect.size);
    for (const [rel, e] of b) {
      expect({ status: a.get(rel)?.status, code: a.get(rel)?.code, reportId: a.get(rel)?.reportId }, rel).toEqual({ status: e.status, code: e.code, reportId: e.reportId });
    }
    // both workers took jobs; together they ran each distinct input once
    const jobs = logs.map((l) => Number(/stopped after (\d+) job/.exec(l)?.[1] ?? NaN));
    for (const n of jobs) expect(n).toBeGreaterThan(0);
    const dispatched = [...a.values()].filter((e) => e.status === 'done' || (e.status === 'failed' && !e.reason?.startsWith('same bytes as'))).length;
    expect(jobs[0]! + jobs[1]!).toBe(dispatched);
  });

  it('an unreachable Redis is a one-line error, not a hang', async () => {
    const r = await runCli(['batch', 'in', '--out', 'nowhere', '--pipeline', pipeline, '--queue', 'redis://127.0.0.1:1'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^report-metrics: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: /);
  });
});
