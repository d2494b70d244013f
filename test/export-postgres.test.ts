/**
 * SQL-friendly warehouse (issue 19) and the warehouse's findings and indicators (issue 17), on a real batch
 * of fixtures/planted + fixtures/multiyear (link on) plus a report with backslashes, tabs and a `\.` line:
 * - every table, column and view name is snake_case and no reserved word of DuckDB (duckdb_keywords()),
 *   PostgreSQL (pg_get_keywords()) or BigQuery (its documented list);
 * - `export --format postgres` loads with psql into a real PostgreSQL server this test starts (Debian's
 *   postgresql, loopback only, a free port, its socket in a temp folder) and every table's and view's row
 *   count, a sample of joins, the example queries of docs/warehouse.md and the text of every row equal DuckDB's;
 * - the findings table holds the cross-report findings `check DIR` gives, the same ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duck, readNdjson, runCli } from './batch-helpers.js';
import { startPostgres, type PgServer } from './postgres-server.js';
import { loadSchema, schemaNames } from '../src/validate/validate.js';
import { fromRoot } from '../src/util/package-root.js';

const BIGQUERY_RESERVED = new Set(
  `ALL AND ANY ARRAY AS ASC ASSERT_ROWS_MODIFIED AT BETWEEN BY CASE CAST COLLATE CONTAINS CREATE CROSS CUBE CURRENT
  DEFAULT DEFINE DESC DISTINCT ELSE END ENUM ESCAPE EXCEPT EXCLUDE EXISTS EXTRACT FALSE FETCH FOLLOWING FOR FROM FULL
  GROUP GROUPING GROUPS HASH HAVING IF IGNORE IN INNER INTERSECT INTERVAL INTO IS JOIN LATERAL LEFT LIKE LIMIT LOOKUP
  MERGE NATURAL NEW NO NOT NULL NULLS OF ON OR ORDER OUTER OVER PARTITION PRECEDING PROTO QUALIFY RANGE RECURSIVE
  RESPECT RIGHT ROLLUP ROWS SELECT SET SOME STRUCT TABLESAMPLE THEN TO TREAT TRUE UNBOUNDED UNION UNNEST USING WHEN
  WHERE WINDOW WITH WITHIN`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase()),
);

const ESCAPES = 'we\\ird\tname "q" \\N\n\\.\nend.txt';
let tmp: string;
let out: string;
let db: string;
let pg: PgServer | undefined;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-pgexp-'));
  mkdirSync(join(tmp, 'in'));
  // a report whose path holds what COPY's text format must escape: a backslash, a tab, quotes, line breaks
  // around `\.` (the end-of-data line), `\N` (NULL)
  const seed = readFileSync(fromRoot('fixtures', 'planted', 'p01-staff-sum+fields-count.txt'), 'utf8');
  writeFileSync(join(tmp, 'in', ESCAPES), `${seed}\nGhi chú.\n`);
  const r = await runCli(['batch', fromRoot('fixtures', 'planted'), fromRoot('fixtures', 'multiyear'), 'in', '--out', 'out', '-q'], { cwd: tmp });
  expect(r.code, r.stderr).toBe(0);
  out = join(tmp, 'out');
  db = join(out, 'warehouse.duckdb');
  pg = await startPostgres();
  const e = await runCli(['export', 'out', '--format', 'postgres'], { cwd: tmp });
  expect(e.code, e.stderr).toBe(0);
  expect(e.stdout.trim()).toBe(join('out', 'export', 'postgres', 'warehouse.sql'));
  pg.psql(['-q', '-f', join(out, 'export', 'postgres', 'warehouse.sql')]);
});

afterAll(() => {
  pg?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** rows of a query in PostgreSQL, as JSON values */
function pgRows(sql: string): Array<Record<string, unknown>> {
  const q = sql.trim().replace(/;\s*$/, '');
  return JSON.parse(pg!.psql(['-At', '-c', `SELECT coalesce(json_agg(q), '[]'::json) FROM (${q}) q`])) as Array<Record<string, unknown>>;
}

/** a row's values, numbers as numbers (DuckDB's JSON rows give BIGINT as text) */
function norm(rows: Array<Record<string, unknown>>): unknown[][] {
  return rows.map((r) => Object.values(r).map((v) => (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?$/i.test(v) ? Number(v) : v)));
}

async function both(sql: string): Promise<{ duck: unknown[][]; pg: unknown[][] }> {
  return { duck: norm(await duck(db, sql.trim().replace(/;\s*$/, ''))), pg: norm(pgRows(sql)) };
}

async function relations(): Promise<Array<{ name: string; kind: string }>> {
  return (await duck<{ table_name: string; table_type: string }>(db, `SELECT table_name, table_type FROM information_schema.tables ORDER BY table_name`)).map((r) => ({
    name: r.table_name,
    kind: r.table_type,
  }));
}

describe('names need no quoting in DuckDB, PostgreSQL or BigQuery', () => {
  it('every table, view, column and nested field is snake_case and not reserved', async () => {
    const names = new Set<string>();
    for (const r of await relations()) names.add(r.name);
    for (const r of await duck<{ column_name: string }>(db, `SELECT DISTINCT column_name FROM information_schema.columns`)) names.add(r.column_name);
    // nested fields (evidence, conflicts) from the table schemas
    const walk = (s: { properties?: Record<string, unknown>; items?: unknown }) => {
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        names.add(k);
        walk(v as never);
      }
      if (s.items) walk(s.items as never);
    };
    for (const t of schemaNames().filter((n) => !['report', 'pipeline', 'manifest'].includes(n))) walk(loadSchema(t) as never);
    expect(names.size).toBeGreaterThan(150);
    for (const n of names) expect(n, n).toMatch(/^[a-z][a-z0-9_]*$/);
    const duckReserved = new Set(
      (await duck<{ keyword_name: string }>(db, `SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category IN ('reserved', 'type_function')`)).map((r) => r.keyword_name),
    );
    const pgReserved = new Set(pgRows(`SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T')`).map((r) => String(r['word'])));
    expect(duckReserved.has('references') && pgReserved.has('references') && BIGQUERY_RESERVED.has('at')).toBe(true); // the lists are real
    const bad = [...names].filter((n) => duckReserved.has(n) || pgReserved.has(n) || BIGQUERY_RESERVED.has(n));
    expect(bad).toEqual([]);
  });

  it('no view repeats a column (no period_1)', async () => {
    const cols = await duck<{ table_name: string; column_name: string }>(db, `SELECT table_name, column_name FROM information_schema.columns`);
    expect(cols.filter((c) => /_[0-9]+$/.test(c.column_name)).map((c) => `${c.table_name}.${c.column_name}`)).toEqual([]);
  });
});

describe('export --format postgres, loaded into a real PostgreSQL server', () => {
  it('has every table and view of the warehouse, with the same row counts', async () => {
    const rels = await relations();
    expect(rels.filter((r) => r.kind === 'VIEW').map((r) => r.name)).toEqual(
      expect.arrayContaining(['metrics_by_report', 'doc_references_by_report', 'metrics_by_agency', 'series_by_agency', 'document_citations']),
    );
    const pgRels = pgRows(`SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    expect(pgRels.map((r) => `${String(r['table_name'])} ${r['table_type'] === 'VIEW' ? 'VIEW' : 'BASE TABLE'}`)).toEqual(rels.map((r) => `${r.name} ${r.kind}`));
    for (const r of rels) {
      const { duck: d, pg: p } = await both(`SELECT count(*) AS n FROM ${r.name}`);
      expect(p, r.name).toEqual(d);
      if (['reports', 'metrics', 'findings', 'indicators', 'citations', 'metrics_by_agency'].includes(r.name)) expect(Number(d[0]![0]), r.name).toBeGreaterThan(0);
    }
  });

  it('primary keys on id, and PostgreSQL types for the columns', () => {
    const pks = pgRows(
      `SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public' ORDER BY 1`,
    );
    const withId = pgRows(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE') ORDER BY 1`);
    expect(pks.map((r) => `${String(r['table_name'])}.${String(r['column_name'])}`)).toEqual(withId.map((r) => `${String(r['table_name'])}.id`));
    const types = new Map(
      pgRows(`SELECT table_name || '.' || column_name AS c, data_type AS t FROM information_schema.columns WHERE table_schema = 'public'`).map((r) => [String(r['c']), String(r['t'])]),
    );
    expect(types.get('metrics.value')).toBe('double precision');
    expect(types.get('metrics.span_start')).toBe('bigint');
    expect(types.get('findings.evidence')).toBe('jsonb');
    expect(types.get('findings.report_ids')).toBe('ARRAY');
    expect(types.get('agencies.names')).toBe('ARRAY');
    expect(types.get('metrics.approximate')).toBe('boolean');
  });

  it('a sample of joins gives the same rows', async () => {
    const queries = [
      `SELECT a.name, CAST(count(*) AS INTEGER) AS n FROM metrics m JOIN reports r ON r.id = m.report_id JOIN agencies a ON a.id = r.agency_id GROUP BY a.name ORDER BY a.name`,
      `SELECT c.id, d.symbol, r.path FROM citations c JOIN documents d ON d.id = c.document_id JOIN reports r ON r.id = c.report_id ORDER BY c.id`,
      `SELECT i.id, i.name_en, CAST(count(m.id) AS INTEGER) AS n FROM indicators i LEFT JOIN metrics m ON split_part(m.indicator, '/', 1) = i.id GROUP BY i.id, i.name_en ORDER BY i.id`,
      `SELECT s.id, s.value, a.name FROM series s JOIN agencies a ON a.id = s.agency_id JOIN metrics m ON m.id = s.metric_id ORDER BY s.id`,
      `SELECT f.id, f.rule, r.title FROM findings f JOIN reports r ON r.id = f.report_id ORDER BY f.id`,
      `SELECT d.id, d.value, d.value_end, x.symbol FROM dates d LEFT JOIN doc_references x ON x.id = d.reference_id ORDER BY d.id`,
    ];
    for (const q of queries) {
      const { duck: d, pg: p } = await both(q);
      expect(d.length, q).toBeGreaterThan(0);
      expect(p, q).toEqual(d);
    }
  });

  it("the example queries of docs/warehouse.md give the same rows, and some", async () => {
    const doc = readFileSync(fromRoot('docs', 'warehouse.md'), 'utf8');
    const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const q of blocks) {
      const { duck: d, pg: p } = await both(q);
      expect(d.length, q).toBeGreaterThan(0);
      expect(p, q).toEqual(d);
    }
  });

  it('every text, list and nested value arrives as written', async () => {
    const text = [
      `SELECT id, title, agency, path FROM reports ORDER BY id`,
      `SELECT id, title FROM sections ORDER BY id`,
      `SELECT id, text, label, subject, unit FROM metrics ORDER BY id`,
      `SELECT id, message, message_vi FROM findings ORDER BY id`,
      `SELECT id, symbol, text, subject FROM doc_references ORDER BY id`,
    ];
    for (const q of text) {
      const { duck: d, pg: p } = await both(q);
      expect(p, q).toEqual(d);
    }
    const { pg: paths } = await both(`SELECT path FROM reports`);
    expect(paths.flat().some((p) => typeof p === 'string' && p.endsWith(ESCAPES))).toBe(true); // the escapes report got through
    // lists and nested values: compared as JSON
    const dj = await duck<{ id: string; e: string; r: string }>(db, `SELECT id, CAST(to_json(evidence) AS VARCHAR) AS e, CAST(to_json(report_ids) AS VARCHAR) AS r FROM findings ORDER BY id`);
    const pj = pgRows(`SELECT id, evidence AS e, to_json(report_ids) AS r FROM findings ORDER BY id`);
    expect(pj.map((x) => [x['id'], x['e'], x['r']])).toEqual(dj.map((x) => [x.id, JSON.parse(x.e), JSON.parse(x.r)]));
    const da = await duck<{ id: string; n: string }>(db, `SELECT id, CAST(to_json(names) AS VARCHAR) AS n FROM agencies ORDER BY id`);
    const pa = pgRows(`SELECT id, to_json(names) AS n FROM agencies ORDER BY id`);
    expect(pa.map((x) => [x['id'], x['n']])).toEqual(da.map((x) => [x.id, JSON.parse(x.n)]));
  });
});

describe('the warehouse findings and indicators', () => {
  it('findings holds the cross-report findings check DIR gives: the same ids, each with its reports', async () => {
    const c = await runCli(['check', 'out', '--format', 'json'], { cwd: tmp });
    const checked = (JSON.parse(c.stdout) as { findings: Array<{ id: string; rule: string }> }).findings;
    const rows = readNdjson<{ id: string; rule: string; report_id: string; report_ids: string[]; other_report: string | null }>(join(out, 'tables', 'findings.ndjson'));
    expect(rows.map((r) => r.id).sort()).toEqual(checked.map((f) => f.id).sort());
    const cross = rows.filter((r) => r.rule.startsWith('cross.'));
    expect(cross.length).toBeGreaterThan(0);
    for (const f of cross) {
      expect(f.report_ids[0]).toBe(f.report_id);
      expect(f.report_ids).toContain(f.other_report);
    }
    for (const f of rows.filter((r) => !r.rule.startsWith('cross.'))) expect(f.report_ids).toEqual([f.report_id]);
    const [n] = await duck<{ n: string }>(db, `SELECT count(*) AS n FROM findings WHERE rule LIKE 'cross.%'`);
    expect(Number(n!.n)).toBe(cross.length);
  });

  it('indicators: every vocabulary key with its Vietnamese and English name, and the metrics join it', async () => {
    const ind = readNdjson<{ id: string; name_vi: string; name_en: string; unit: string }>(join(out, 'tables', 'indicators.ndjson'));
    expect(ind.length).toBeGreaterThan(50);
    for (const i of ind) {
      expect(i.name_vi.length, i.id).toBeGreaterThan(2);
      expect(i.name_en, i.id).toMatch(/^[A-Z][\x20-\x7e]+$/);
    }
    const [m] = await duck<{ keyed: string; named: string }>(db, `SELECT count(indicator) AS keyed, count(indicator_name_en) AS named FROM metrics_by_report`);
    expect(Number(m!.named)).toBe(Number(m!.keyed));
  });
});
