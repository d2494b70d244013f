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
import { camelCase } from '../src/validate/table-columns.js';
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
  const factDefs: Record<string, string> = { sections: 'section', doc_references: 'reference', dates: 'date', metrics: 'metric', findings: 'finding' };
  it.each(Object.entries(factDefs))('%s has a column for every field of Report.%s', (table, def) => {
    const report = loadSchema('report') as { $defs: Record<string, { properties: Record<string, unknown> }> };
    // every field of the fact is filled into a column (src/validate/table-columns.ts: a column names its
    // field by x-field, else by the camelCase of its name; a nested object's fields go into prefix_field columns)
    const sources = Object.entries((loadSchema(table) as { properties: Record<string, { 'x-field'?: string }> }).properties).map(
      ([c, v]) => (v['x-field'] ?? camelCase(c)).split('.')[0],
    );
    for (const field of Object.keys(report.$defs[def]!.properties)) expect(sources, `${table}.${field}`).toContain(field);
    expect(columnsOf(table).map((c) => c.name)).toContain('report_id');
  });
  it('reports has the contract columns', () => {
    const cols = columnsOf('reports').map((c) => c.name);
    for (const c of ['id', 'path', 'sha256', 'media_type', 'language', 'agency_id', 'year', 'title']) expect(cols).toContain(c);
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
    for (const row of readNdjson<{ pipeline_name: string; pipeline_version: string }>(join(out, 'tables', 'reports.ndjson'))) {
      expect([row.pipeline_name, row.pipeline_version]).toEqual(['exp', '7']);
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
    const rows = readNdjson<{ id: string }>(join(out, 'tables', 'metrics.ndjson'));
    const [c] = await duck<{ n: string }>(join(out, 'warehouse.duckdb'), `SELECT count(*) AS n FROM read_csv('${metricsCsv}', header = true, all_varchar = true)`);
    expect(Number(c!.n)).toBe(rows.length);
    const findingsCsv = join(out, 'export', 'csv', 'findings.csv');
    const [f] = await duck<{ e: string }>(join(out, 'warehouse.duckdb'), `SELECT min(evidence) AS e FROM read_csv('${findingsCsv}', header = true, all_varchar = true)`);
    expect(JSON.parse(f!.e)[0]).toMatchObject({ span_start: expect.any(Number), span_end: expect.any(Number) });
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
  it('link runs before the tables: reports.agency_id is filled, link tables and views are in the warehouse', async () => {
    makeCorpus(join(tmp, 'in-link'), { variants: 6 });
    const pipeline = writePipeline(join(tmp, 'link.yaml'), { link: true });
    const r = await runCli(['batch', 'in-link', '--out', 'out-link', '--pipeline', pipeline, '--jobs', '2', '--progress', 'none'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const dir = join(tmp, 'out-link');
    const links = new Map(readNdjson<{ report_id: string; agency_id: string }>(join(dir, 'tables', 'report_agencies.ndjson')).map((x) => [x.report_id, x.agency_id]));
    const reports = readNdjson<{ id: string; agency_id: string | null }>(join(dir, 'tables', 'reports.ndjson'));
    expect(reports).toHaveLength(6);
    for (const rep of reports) expect(rep.agency_id, rep.id).toBe(links.get(rep.id) ?? null);
    expect(reports.some((x) => x.agency_id !== null)).toBe(true);
    const db = join(dir, 'warehouse.duckdb');
    const [a] = await duck<{ n: string }>(db, `SELECT count(*) AS n FROM agencies`);
    expect(Number(a!.n)).toBe(readNdjson(join(dir, 'tables', 'agencies.ndjson')).length);
    const [v] = await duck<{ n: string; named: string }>(db, `SELECT count(*) AS n, count(agency_name) AS named FROM metrics_by_agency`);
    expect(Number(v!.n)).toBe(readNdjson(join(dir, 'tables', 'metrics.ndjson')).length);
    expect(Number(v!.named)).toBeGreaterThan(0);
  });
});
