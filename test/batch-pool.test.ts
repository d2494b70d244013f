/**
 * Per-file isolation in the worker-thread pool: a file past the memory limit or the time limit fails
 * alone and the worker is replaced; a worker that cannot start stops the batch with one clear error.
 * The time-limit cases run test/workers/hang-worker.mjs: the test names the file that hangs, and every
 * other file is off the clock, so a loaded machine cannot make a good file time out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilePool } from '../src/batch/pool.js';
import { BatchError } from '../src/batch/errors.js';
import { SOLO_RETRIES } from '../src/batch/inflight.js';
import type { FileTask } from '../src/batch/task.js';
import { manifestByRel, runCli, writePipeline } from './batch-helpers.js';
import { fixtureTexts, variant, type FixtureText } from '../src/batch/corpus.js';
import { fromRoot } from '../src/util/package-root.js';

let tmp: string;
let good: string;
let huge: string;
let hang: string;
const HANG_WORKER = fromRoot('test', 'workers', 'hang-worker.mjs');
const task = (abs: string, reportsDir: string): FileTask => ({ abs, path: abs, reportsDir, options: {}, checks: { enabled: true, disable: [] }, fsync: false });

/** `n` distinct report files `<prefix>-<i>.txt` in tmp: variants first, first+1, … of one text fixture. */
function variantFiles(prefix: string, fx: FixtureText, n: number, first: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const f = join(tmp, `${prefix}-${i}.txt`);
    writeFileSync(f, variant(fx.text, first + i));
    return f;
  });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-pool-'));
  mkdirSync(join(tmp, 'reports'));
  const fx = fixtureTexts()[0]!;
  good = join(tmp, 'good.txt');
  writeFileSync(good, variant(fx.text, 1));
  huge = join(tmp, 'huge.txt');
  writeFileSync(huge, fx.text.repeat(Math.ceil(20e6 / fx.text.length)));
  hang = join(tmp, 'runaway.hang.txt');
  writeFileSync(hang, fx.text);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('memory limit', () => {
  // Node enforces worker heap limits best-effort: depending on the allocation the worker is stopped
  // (ERR_WORKER_OUT_OF_MEMORY → code memory) or the whole process aborts (nodejs/node#47224); then
  // re-runs process the suspect alone and record it as failed (code crash) instead of dying forever.
  it('a file needing more than the memory limit ends failed, the other file done, within three runs', async () => {
    const pipeline = writePipeline(join(tmp, 'mem.yaml'), { limits: { timeoutMs: 120_000, maxMemoryMb: 64 } });
    const args = ['batch', 'good.txt', 'huge.txt', '--out', 'mem-out', '--jobs', '1', '--pipeline', pipeline, '--progress', 'none'];
    let runs = 0;
    let last;
    do {
      last = await runCli(args, { cwd: tmp });
      runs++;
    } while (last.code !== 0 && runs < 3);
    expect(last.code, last.stderr).toBe(0);
    const m = manifestByRel(join(tmp, 'mem-out'), tmp);
    expect(['done', 'skipped']).toContain(m.get('good.txt')?.status);
    expect(m.get('good.txt')?.reportId).toMatch(/^rpt_/);
    expect(m.get('huge.txt')?.status).toBe('failed');
    expect(['memory', 'crash']).toContain(m.get('huge.txt')?.code);
  });
});

describe('inputs in flight when the process died', () => {
  const log = (out: string, entries: Array<{ s: string; solo: boolean }>) =>
    writeFileSync(join(out, '.inflight.ndjson'), entries.map((e) => JSON.stringify(e)).join('\n') + '\n');

  it('are retried alone first; a retry cut off by the death of the batch is retried again, done', async () => {
    const out = join(tmp, 'susp-out');
    mkdirSync(out, { recursive: true });
    const fx = fixtureTexts()[0]!;
    for (const n of ['a', 'b', 'c']) writeFileSync(join(tmp, `${n}.txt`), variant(fx.text, n.charCodeAt(0)));
    // as left by a run killed while a.txt was in flight with b.txt, then by one killed while a.txt ran alone
    log(out, [{ s: join(tmp, 'a.txt'), solo: false }, { s: join(tmp, 'b.txt'), solo: false }, { s: join(tmp, 'a.txt'), solo: true }]);
    const pipeline = writePipeline(join(tmp, 'susp.yaml'));
    const r = await runCli(['batch', 'a.txt', 'b.txt', 'c.txt', '--out', 'susp-out', '--jobs', '2', '--pipeline', pipeline, '--progress', 'none'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const m = manifestByRel(out, tmp);
    for (const f of ['a.txt', 'b.txt', 'c.txt']) expect(m.get(f)?.status, f).toBe('done');
    expect(readFileSync(join(out, '.inflight.ndjson'), 'utf8')).toBe('');
  });

  it(`one whose solo retries were cut off ${SOLO_RETRIES} times is given up (failed: crash)`, async () => {
    const out = join(tmp, 'susp3-out');
    mkdirSync(out, { recursive: true });
    const fx = fixtureTexts()[0]!;
    writeFileSync(join(tmp, 'd.txt'), variant(fx.text, 100));
    log(out, [{ s: join(tmp, 'd.txt'), solo: false }, ...Array.from({ length: SOLO_RETRIES }, () => ({ s: join(tmp, 'd.txt'), solo: true }))]);
    const pipeline = writePipeline(join(tmp, 'susp3.yaml'));
    const r = await runCli(['batch', 'd.txt', 'c.txt', '--out', 'susp3-out', '--pipeline', pipeline, '--progress', 'none'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const m = manifestByRel(out, tmp);
    expect(m.get('d.txt')).toMatchObject({ status: 'failed', code: 'crash' });
    expect(m.get('c.txt')?.status).toBe('done');
  });

  it('a suspect that crashes its own process while alone is failed at once; the others are done', async () => {
    const out = join(tmp, 'abort-out');
    mkdirSync(out, { recursive: true });
    const fx = fixtureTexts()[1]!;
    writeFileSync(join(tmp, 'poison.txt'), variant(fx.text, 7));
    log(out, [{ s: join(tmp, 'poison.txt'), solo: false }, { s: join(tmp, 'c.txt'), solo: false }]);
    const pipeline = writePipeline(join(tmp, 'abort.yaml'));
    // the crash-injection hook of the solo child: the file aborts the process processing it (as a V8 fatal error would)
    const r = await runCli(['batch', 'poison.txt', 'c.txt', '--out', 'abort-out', '--pipeline', pipeline, '--progress', 'none'], {
      cwd: tmp,
      env: { REPORT_METRICS_TEST_ABORT_ON: 'poison.txt' },
    });
    expect(r.code, r.stderr).toBe(0);
    const m = manifestByRel(out, tmp);
    expect(m.get('poison.txt')).toMatchObject({ status: 'failed', code: 'crash' });
    expect(m.get('poison.txt')?.reason).toMatch(/processing this file alone killed its process \(SIGABRT/);
    expect(m.get('c.txt')?.status).toBe('done');
    expect(existsSync(join(out, '.solo.json'))).toBe(false);
  });

  it('kill -9 of the batch during a suspect’s solo retry: the file is not failed, and ends done after the resume', async () => {
    const out = join(tmp, 'kill-out');
    mkdirSync(out, { recursive: true });
    const fx = fixtureTexts()[0]!;
    // a file that takes a second or more alone, so that the kill lands while it runs
    const slow = join(tmp, 'slow.txt');
    writeFileSync(slow, fx.text.repeat(Math.ceil(3e6 / fx.text.length)));
    log(out, [{ s: slow, solo: false }, { s: join(tmp, 'c.txt'), solo: false }]);
    const pipeline = writePipeline(join(tmp, 'kill.yaml'), { limits: { timeoutMs: 120_000, maxMemoryMb: 1024 } });
    const args = ['batch', 'slow.txt', 'c.txt', '--out', 'kill-out', '--pipeline', pipeline, '--progress', 'none'];
    const marker = join(out, '.solo.json');
    const run = runCli(args, { cwd: tmp });
    // the marker appears when the solo child starts the file: kill the batch (its parent) then
    let soloPid = 0;
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if (existsSync(marker)) {
          try {
            soloPid = (JSON.parse(readFileSync(marker, 'utf8')) as { pid: number }).pid;
          } catch {
            return; // being written
          }
          clearInterval(t);
          run.child.kill('SIGKILL');
          resolve();
        }
      }, 10);
      void run.then((r) => {
        clearInterval(t);
        reject(new Error(`the batch ended before the solo retry was seen: ${r.stderr}`));
      });
    });
    const killed = await run;
    expect(killed.signal).toBe('SIGKILL');
    // nothing recorded against the file; the marker left as it was; the child gone with its parent
    const m1 = existsSync(join(out, 'manifest.ndjson')) ? manifestByRel(out, tmp) : new Map();
    expect(m1.get('slow.txt')?.status).not.toBe('failed');
    expect(existsSync(marker)).toBe(true);
    await expect.poll(() => alive(soloPid), { timeout: 10_000 }).toBe(false);

    const resumed = await runCli(args, { cwd: tmp });
    expect(resumed.code, resumed.stderr).toBe(0);
    const m = manifestByRel(out, tmp);
    expect(m.get('slow.txt')?.status).toBe('done');
    expect(existsSync(join(out, 'reports', `${m.get('slow.txt')!.reportId}.json`))).toBe(true);
    expect(m.get('c.txt')?.status).toBe('done');
    expect(existsSync(marker)).toBe(false);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('FilePool', () => {
  it('a file past the time limit fails with code timeout; the next file still works', async () => {
    const pool = new FilePool({ threads: 1, timeoutMs: 1500, maxMemoryMb: 2048, filename: HANG_WORKER });
    try {
      const r = await pool.run(task(hang, join(tmp, 'reports')));
      expect(r).toMatchObject({ ok: false, code: 'timeout' });
      expect((await pool.run(task(good, join(tmp, 'reports')))).ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('in a chunk of files, the one past the time limit fails alone; the others before and after it are done', async () => {
    const fx = fixtureTexts()[2]!;
    const before = join(tmp, 'chunk-before.txt');
    const after = join(tmp, 'chunk-after.txt');
    writeFileSync(before, variant(fx.text, 301));
    writeFileSync(after, variant(fx.text, 302));
    const pool = new FilePool({ threads: 1, timeoutMs: 1500, maxMemoryMb: 2048, chunk: 3, filename: HANG_WORKER });
    try {
      // handed over in one turn: one message with the three files
      const [a, h, b] = await Promise.all([before, hang, after].map((f) => pool.run(task(f, join(tmp, 'reports')))));
      expect(h).toMatchObject({ ok: false, code: 'timeout' });
      expect(a).toMatchObject({ ok: true });
      expect(b).toMatchObject({ ok: true });
    } finally {
      await pool.close();
    }
  });

  it('replacing all threads every N files loses no file (in-flight files finish on the old threads)', async () => {
    const files = variantFiles('recycle', fixtureTexts()[0]!, 9, 100);
    const pool = new FilePool({ threads: 2, timeoutMs: 30_000, maxMemoryMb: 512, recycleAfter: 2 });
    try {
      const results = await Promise.all(files.map((f) => pool.run(task(f, join(tmp, 'reports')))));
      for (const r of results) expect(r).toMatchObject({ ok: true });
      expect(new Set(results.map((r) => (r.ok ? r.reportId : ''))).size).toBe(9);
    } finally {
      await pool.close();
    }
  });

  it('a thread whose heap grows past recycleHeapMb is replaced; no file is lost', async () => {
    const files = variantFiles('heap', fixtureTexts()[1]!, 5, 200);
    const low = new FilePool({ threads: 1, timeoutMs: 30_000, maxMemoryMb: 512, recycleHeapMb: 1 });
    const high = new FilePool({ threads: 1, timeoutMs: 30_000, maxMemoryMb: 512 });
    try {
      for (const f of files) {
        const r = await low.run(task(f, join(tmp, 'reports')));
        expect(r).toMatchObject({ ok: true });
        expect(r.heapMb).toBeGreaterThan(1);
        expect((await high.run(task(f, join(tmp, 'reports')))).ok).toBe(true);
      }
      // every file but the last left a heap over 1 MB behind: the threads were replaced before the next one
      expect(low.recycled).toBe(files.length - 1);
      expect(high.recycled).toBe(0);
    } finally {
      await Promise.all([low.close(), high.close()]);
    }
  });

  it('a worker that cannot load rejects with a BatchError (the batch stops, the process does not crash)', async () => {
    const broken = join(tmp, 'broken-worker.mjs');
    writeFileSync(broken, 'const a = 1;\nconst a = 2;\nexport default () => a;\n');
    const pool = new FilePool({ threads: 1, timeoutMs: 10_000, maxMemoryMb: 256, filename: broken });
    try {
      const err = await pool.run(task(good, join(tmp, 'reports'))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BatchError);
      expect((err as Error).message).toMatch(/^worker threads cannot start: SyntaxError/);
    } finally {
      await pool.close();
    }
  });
});
