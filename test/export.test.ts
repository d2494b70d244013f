/**
 * Table schemas, pipelines and `report-metrics export` (parquet, csv, duckdb) on a real small batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema } from '../src/validate/validate.js';
import { loadPipeline, parsePipeline } from '../src/batch/pipeline.js';
import { columnsOf } from '../src/export/columns.js';
import { FACT_TABLES, duck, makeCorpus, readNdjson, runCli, writePipeline } from './batch-helpers.js';

let tmp: string;
let out: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-export-'));
  makeCorpus(join(tmp, 'in'), { variants: 12 });
  const pipeline = writePipeline(join(tmp, 'p.yaml'), { name: 'exp', version: '7', exports: ['ndjson', 'duckdb', 'parquet'], checks: { enabled: true, disable: ['sum-mismatch'] } });
  out = join(tmp, 'out');
  const r = await runCli(['batch', 'in', '--out', 'out', '--pipeline', pipeline, '--jobs', '2', '--progress', 'none', '--json'], { cwd: tmp });
  expect(r.code, r.stderr).toBe(0);
  const s = JSON.parse(r.stdout) as { done: number; pipeline: { name: string; version: string } };
  expect(s.done).toBe(12);
  expect(s.pipeline).toMatchObject({ name: 'exp', version: '7' });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('table schemas', () => {
  const factDefs: Record<string, string> = { sections: 'section', references: 'reference', dates: 'date', metrics: 'metric', findings: 'finding' };
  it.each(Object.entries(factDefs))('%s has a column for every field of Report.%s', (table, def) => {
    const report = loadSchema('report') as { $defs: Record<string, { properties: Record<string, unknown> }> };
    const cols = columnsOf(table).map((c) => c.name);
    for (const field of Object.keys(report.$defs[def]!.properties)) expect(cols, `${table}.${field}`).toContain(field);
    expect(cols).toContain('reportId');
  });
  it('reports has the contract columns', () => {
    const cols = columnsOf('reports').map((c) => c.name);
    for (const c of ['id', 'path', 'sha256', 'mediaType', 'language', 'agencyId', 'year', 'title']) expect(cols).toContain(c);
  });
});

describe('pipelines', () => {
  it('pipelines/default.yaml is valid and complete', () => {
    const p = loadPipeline();
    expect(p.name).toBe('default');
    expect(p.exports).toContain('duckdb');
    expect(p.limits.timeoutMs).toBeGreaterThan(0);
  });
  it('rejects an invalid pipeline with a one-line reason naming the file', async () => {
    expect(() => parsePipeline('name: x\nversion: 1\nlimits: { timeoutMs: -5 }\n', 'bad.yaml')).toThrow(/^bad\.yaml: not a valid pipeline: \/limits\/timeoutMs/);
    expect(() => parsePipeline('name: [', 'broken.yaml')).toThrow(/^broken\.yaml: not valid YAML/);
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'name: x\nversion: "1"\nexports: [xlsx]\n');
    const r = await runCli(['batch', 'in', '--out', 'o2', '--pipeline', bad], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${bad}: not a valid pipeline`);
  });
  it("writes the pipeline's name and version into every report, and drops disabled check rules", () => {
    for (const f of readdirSync(join(out, 'reports'))) {
      const r = JSON.parse(readFileSync(join(out, 'reports', f), 'utf8')) as { pipeline: unknown; findings: Array<{ rule: string }> };
      expect(r.pipeline).toEqual({ name: 'exp', version: '7' });
      expect(r.findings.map((x) => x.rule)).not.toContain('sum-mismatch');
    }
    for (const row of readNdjson<{ pipelineName: string; pipelineVersion: string }>(join(out, 'tables', 'reports.ndjson'))) {
      expect([row.pipelineName, row.pipelineVersion]).toEqual(['exp', '7']);
    }
  });
});

describe('report-metrics export', () => {
  it('the batch wrote parquet files (pipeline exports) holding every table row', async () => {
    for (const t of FACT_TABLES) {
      const n = readNdjson(join(out, 'tables', `${t}.ndjson`)).length;
      const [c] = await duck<{ n: string }>(join(out, 'warehouse.duckdb'), `SELECT count(*) AS n FROM read_parquet('${join(out, 'export', 'parquet', `${t}.parquet`)}')`);
      expect(Number(c!.n), t).toBe(n);
    }
  });

  it('--format csv writes one CSV per table with nested values as JSON text', async () => {
    const r = await runCli(['export', 'out', '--format', 'csv'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const metricsCsv = join(out, 'export', 'csv', 'metrics.csv');
    expect(r.stdout.split('\n')).toContain('out/export/csv/metrics.csv');
    const rows = readNdjson<{ id: string; span: { start: number; end: number } }>(join(out, 'tables', 'metrics.ndjson'));
    const [c] = await duck<{ n: string; s: string }>(
      join(out, 'warehouse.duckdb'),
      `SELECT count(*) AS n, min(span) AS s FROM read_csv('${metricsCsv}', header = true, all_varchar = true)`,
    );
    expect(Number(c!.n)).toBe(rows.length);
    expect(JSON.parse(c!.s)).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
  });

  it('--format duckdb --to FILE builds a warehouse copy', async () => {
    const file = join(tmp, 'copy.duckdb');
    const r = await runCli(['export', 'out', '--format', 'duckdb', '--to', file], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const [c] = await duck<{ n: string }>(file, `SELECT count(*) AS n FROM reports`);
    expect(Number(c!.n)).toBe(12);
  });

  it('a folder that is not a batch output is a one-line error', async () => {
    const r = await runCli(['export', 'in', '--format', 'parquet'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^report-metrics: in: not a batch output folder/);
  });
});

describe('batch with link', () => {
  it('link runs before the tables: reports.agencyId is filled, link tables and views are in the warehouse', async () => {
    makeCorpus(join(tmp, 'in-link'), { variants: 6 });
    const pipeline = writePipeline(join(tmp, 'link.yaml'), { link: true });
    const r = await runCli(['batch', 'in-link', '--out', 'out-link', '--pipeline', pipeline, '--jobs', '2', '--progress', 'none'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const dir = join(tmp, 'out-link');
    const links = new Map(readNdjson<{ reportId: string; agencyId: string }>(join(dir, 'tables', 'report_agencies.ndjson')).map((x) => [x.reportId, x.agencyId]));
    const reports = readNdjson<{ id: string; agencyId: string | null }>(join(dir, 'tables', 'reports.ndjson'));
    expect(reports).toHaveLength(6);
    for (const rep of reports) expect(rep.agencyId, rep.id).toBe(links.get(rep.id) ?? null);
    expect(reports.some((x) => x.agencyId !== null)).toBe(true);
    const db = join(dir, 'warehouse.duckdb');
    const [a] = await duck<{ n: string }>(db, `SELECT count(*) AS n FROM agencies`);
    expect(Number(a!.n)).toBe(readNdjson(join(dir, 'tables', 'agencies.ndjson')).length);
    const [v] = await duck<{ n: string; named: string }>(db, `SELECT count(*) AS n, count(agencyName) AS named FROM metrics_by_agency`);
    expect(Number(v!.n)).toBe(readNdjson(join(dir, 'tables', 'metrics.ndjson')).length);
    expect(Number(v!.named)).toBeGreaterThan(0);
  });
});
