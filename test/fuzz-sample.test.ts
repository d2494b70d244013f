/**
 * A small fixed sample of the mutation fuzzer (`npm run fuzz` runs 10,000 cases through the CLI): 160 cases
 * of seed 1 through the batch's worker pool with its time and memory guard. None may crash a worker, hit the
 * time or memory limit, or end in an internal error (a schema failure is one); each is done or fails with
 * an input code and a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzCase, seedFiles, type SeedFile } from '../bench/fuzz-cases.js';
import { FilePool } from '../src/batch/pool.js';
import type { TaskResult } from '../src/batch/task.js';

const N = 160;
let tmp: string;
let seeds: SeedFile[];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-fuzz-sample-'));
  mkdirSync(join(tmp, 'reports'));
  seeds = seedFiles();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('fuzz sample', () => {
  it('cases are a pure function of (seed, index)', () => {
    const h = (i: number) => createHash('sha256').update(fuzzCase(seeds, 1, i).bytes).digest('hex');
    expect(h(17)).toBe(h(17));
    expect(h(17)).not.toBe(h(18));
    expect(seeds.length).toBeGreaterThan(50);
  });

  it(`${N} mutated fixtures: no crash, hang, memory blow-up or internal error`, async () => {
    const pool = new FilePool({ threads: 2, timeoutMs: 60_000, maxMemoryMb: 512 });
    const runs: Array<Promise<[string, TaskResult]>> = [];
    const mutations = new Set<string>();
    try {
      for (let i = 0; i < N; i++) {
        const c = fuzzCase(seeds, 1, i);
        mutations.add(c.mutation);
        const abs = join(tmp, c.name);
        writeFileSync(abs, c.bytes);
        const options = {};
        runs.push(pool.run({ abs, path: c.name, reportsDir: join(tmp, 'reports'), options, checks: { enabled: true, disable: [] } }).then((r) => [c.name, r]));
      }
      const results = await Promise.all(runs);
      const bad = results.filter(([, r]) => !r.ok && ['crash', 'error', 'timeout', 'memory'].includes(r.code)).map(([n, r]) => `${n}: ${!r.ok ? `${r.code}: ${r.reason}` : ''}`);
      expect(bad).toEqual([]);
      // the sample exercises both outcomes and the structural mutations
      expect(results.filter(([, r]) => r.ok).length).toBeGreaterThan(N / 4);
      expect(results.filter(([, r]) => !r.ok).length).toBeGreaterThan(N / 10);
      for (const m of ['docx', 'pdf', 'text', 'flip', 'truncate']) expect([...mutations], m).toContain(m);
    } finally {
      await pool.close();
    }
  });
});
