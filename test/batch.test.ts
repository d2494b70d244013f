/**
 * `report-metrics batch` over 200+ mixed inputs (good, renamed copies, duplicates, zero-byte, random
 * bytes, one missing; the time limit is tested in batch-pool.test.ts), run as users run it (compiled CLI, worker threads).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FACT_TABLES,
  countsFromReports,
  duck,
  makeCorpus,
  manifestByRel,
  readNdjson,
  runCli,
  tableBytes,
  writePipeline,
  type CliResult,
  type Corpus,
} from './batch-helpers.js';

let tmp: string;
let corpus: Corpus;
let out: string;
let pipeline: string;
let first: CliResult;
let args: string[];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-batch-'));
  corpus = makeCorpus(join(tmp, 'in'), { variants: 150, renamed: 30, duplicates: 10, empty: 5, random: 5 });
  out = join(tmp, 'out');
  pipeline = writePipeline(join(tmp, 'pipeline.yaml'));
  // folder + explicit missing file + a glob that matches a file again (listed once)
  args = ['batch', 'in', 'missing.txt', 'in/renamed-*.md', '--out', 'out', '--jobs', '2', '--pipeline', pipeline, '--progress', 'lines', '--progress-every', '500'];
  first = await runCli(args, { cwd: tmp });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('batch over 200+ mixed inputs', () => {
  it('finishes with a summary and progress lines (files/s, MB/s); exit 1, as missing.txt does not exist', () => {
    expect(first.stderr).toMatch(/batch: \d+\/\d+ \(done \d+, failed \d+, skipped \d+\) \d+\.\d files\/s, \d+\.\d\d MB\/s/);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/^report-metrics: 1 input not found/m);
    expect(first.stdout).toMatch(/^batch: 201 inputs → /);
    expect(first.stdout).toMatch(/done 150 · skipped 40 \(0 already done, 40 duplicate\) · failed 11 \(1 not found\)/);
  });

  it('lists each input exactly once with the right status', () => {
    const lines = readNdjson<{ path: string }>(join(out, 'manifest.ndjson'));
    expect(new Set(lines.map((l) => l.path)).size).toBe(lines.length);
    const m = manifestByRel(out, corpus.dir);
    expect(m.size).toBe(corpus.expect.size + 1); // + missing.txt
    expect(m.has('notes.json')).toBe(false);
    expect(m.get('../missing.txt')).toMatchObject({ status: 'failed', code: 'not-found' });

    const bySha = new Map<string, string[]>();
    for (const [rel, kind] of corpus.expect) {
      const e = m.get(rel);
      expect(e, rel).toBeDefined();
      expect(e!.pipeline).toEqual({ name: 'test', version: '1' });
      if (kind === 'good' || kind === 'dup') {
        expect(['done', 'skipped'], rel).toContain(e!.status);
        expect(e!.reportId).toBe(`rpt_${e!.sha256!.slice(0, 16)}`);
        bySha.set(e!.sha256!, [...(bySha.get(e!.sha256!) ?? []), rel]);
      } else {
        expect(e!.status, rel).toBe('failed');
        expect(e!.reason, rel).toMatch(/\S/);
        expect(e!.reportId).toBeNull();
        if (kind === 'empty') expect(e!.code).toBe('empty');
      }
    }
    // identical bytes under several paths: processed once, every path recorded with the same report
    expect(bySha.size).toBe(150);
    for (const paths of bySha.values()) {
      const statuses = paths.map((p) => m.get(p)!.status);
      expect(statuses.filter((s) => s === 'done')).toHaveLength(1);
      for (const p of paths) if (m.get(p)!.status === 'skipped') expect(m.get(p)!.code).toBe('duplicate');
    }
  });

  it('writes one report per distinct input, and table rows matching the report files', () => {
    const reports = readdirSync(join(out, 'reports')).filter((f) => f.endsWith('.json'));
    expect(reports).toHaveLength(150);
    const want = countsFromReports(out);
    for (const t of FACT_TABLES) {
      const rows = readNdjson<{ id: string; report_id?: string; rule?: string }>(join(out, 'tables', `${t}.ndjson`));
      expect(rows.filter((r) => !r.rule?.startsWith('cross.')).length, t).toBe(want[t]);
      expect(new Set(rows.map((r) => r.id)).size, `${t} ids unique`).toBe(rows.length);
      if (t !== 'reports') for (const r of rows) expect(reports).toContain(`${r.report_id}.json`);
    }
    expect(want.metrics).toBeGreaterThan(150); // real extraction ran
    const report = JSON.parse(readFileSync(join(out, 'reports', reports[0]!), 'utf8')) as { pipeline: unknown };
    expect(report.pipeline).toEqual({ name: 'test', version: '1' });
  });

  it('mirrors every NDJSON table in warehouse.duckdb, with views joining the report', async () => {
    const db = join(out, 'warehouse.duckdb');
    for (const t of FACT_TABLES) {
      const rows = readNdjson<{ id: string }>(join(out, 'tables', `${t}.ndjson`));
      const [c] = await duck<{ n: string; ids: string | null }>(db, `SELECT count(*) AS n, string_agg(id, ',' ORDER BY id) AS ids FROM "${t}"`);
      expect(Number(c!.n), t).toBe(rows.length);
      expect(c!.ids ?? '', t).toBe(rows.map((r) => r.id).sort().join(','));
    }
    const [v] = await duck<{ n: string; nulls: string }>(db, `SELECT count(*) AS n, count(*) FILTER (WHERE report_path IS NULL) AS nulls FROM metrics_by_report`);
    expect(Number(v!.n)).toBe(readNdjson(join(out, 'tables', 'metrics.ndjson')).length);
    expect(Number(v!.nulls)).toBe(0);
    const [m] = await duck<{ n: string }>(db, `SELECT count(*) AS n FROM manifest`);
    expect(Number(m!.n)).toBe(201);
  });

  it('re-running the same command resumes: skips what is done, tables unchanged', async () => {
    const before = tableBytes(out);
    const again = await runCli(args, { cwd: tmp });
    expect(again.code, again.stderr).toBe(1);
    expect(again.stdout).toMatch(/done 0 · skipped 190 \(190 already done, 0 duplicate\) · failed 11/);
    expect(tableBytes(out)).toEqual(before);
    const m = manifestByRel(out, corpus.dir);
    expect(m.size).toBe(201);
    expect([...m.values()].filter((e) => e.code === 'already-done')).toHaveLength(190);
  });
});
