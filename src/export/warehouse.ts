/**
 * DIR/warehouse.duckdb: one DuckDB table per NDJSON table (explicit columns from the table schemas),
 * plus views joining facts with their report (src/export/views.ts). Built in a temp file and renamed into place.
 * Also: every table and view to Parquet or CSV files (DuckDB `COPY … TO`), or to one PostgreSQL script
 * (DDL, COPY data, the views: src/export/postgres.ts) (`report-metrics export`).
 * Table and column names are snake_case and no SQL reserved word: no quoting needed in DuckDB,
 * PostgreSQL or BigQuery (test/export.test.ts checks them against each one's keyword list).
 */
import { neutraliseCsv } from './csv-safe.js';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { fsyncDir, tempPathFor } from '../util/atomic.js';
import { columnsOf, quoteIdent, readJsonColumns, type Column } from './columns.js';
import { FACT_TABLES } from './tables.js';
import { VIEWS } from './views.js';
import { writePostgres } from './postgres.js';
import { snakeCase } from '../validate/table-columns.js';
import { schemaNames } from '../validate/validate.js';

export type ExportFormat = 'parquet' | 'csv' | 'duckdb' | 'postgres';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['parquet', 'csv', 'duckdb', 'postgres'];

/**
 * DuckDB settings: by default DuckDB may use 80% of the machine's RAM and keeps what it took until the
 * database is closed. The warehouse is built within a fixed budget instead, one table per open/close
 * (DuckDB spills to a temp folder beside the database when it needs more). Row order is not kept on
 * load (the NDJSON is already in id order; queries and exports order explicitly).
 */
export const DUCKDB_CONFIG = { memory_limit: '64MB', threads: '1', preserve_insertion_order: 'false' } as const;

export async function withDb<T>(file: string, config: Record<string, string>, fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(file, config);
  try {
    const con = await instance.connect();
    try {
      return await fn(con);
    } finally {
      con.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * NDJSON files of a batch folder that go into the warehouse: [table, file]. The fact tables, then every
 * other table in DIR/tables (link: agencies, documents, citations, series, ...), then the manifest.
 */
export function warehouseSources(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const tablesDir = join(dir, 'tables');
  const others = existsSync(tablesDir)
    ? readdirSync(tablesDir)
        .filter((f) => /^[a-z][a-z0-9_]*\.ndjson$/.test(f))
        .map((f) => f.slice(0, -'.ndjson'.length))
        .filter((t) => !(FACT_TABLES as readonly string[]).includes(t))
        .sort()
    : [];
  for (const t of [...FACT_TABLES, ...others]) {
    const f = join(tablesDir, `${t}.ndjson`);
    if (existsSync(f)) out.push([t, f]);
  }
  const m = join(dir, 'manifest.ndjson');
  if (existsSync(m)) out.push(['manifest', m]);
  return out;
}

/**
 * The manifest (DIR/manifest.ndjson keeps its camelCase fields: it is the batch's own file) as a warehouse
 * table with snake_case columns: `durationMs` → duration_ms, `pipeline` → pipeline_name, pipeline_version,
 * `at` (reserved in BigQuery) → recorded_at.
 */
const MANIFEST_RENAMES: Record<string, string> = { at: 'recorded_at' };
function manifestSelect(): { defs: string[]; list: string[]; cols: Column[] } {
  const cols: Column[] = columnsOf('manifest');
  const list: string[] = [];
  const defs: string[] = [];
  for (const c of cols) {
    const m = /^STRUCT\((.*)\)$/.exec(c.sql);
    if (m) {
      for (const part of m[1]!.split(', ')) {
        const [, field, type] = /^"([^"]+)" (.+)$/.exec(part)!;
        const name = `${snakeCase(c.name)}_${snakeCase(field!)}`;
        list.push(`${quoteIdent(c.name)}.${quoteIdent(field!)} AS ${name}`);
        defs.push(`${name} ${type}`);
      }
      continue;
    }
    const name = MANIFEST_RENAMES[c.name] ?? snakeCase(c.name);
    list.push(`${quoteIdent(c.name)} AS ${name}`);
    defs.push(`${name} ${c.sql}`);
  }
  return { defs, list, cols };
}

export async function insertManifest(con: DuckDBConnection, file: string): Promise<void> {
  const { list, cols } = manifestSelect();
  if (statSync(file).size > 0) {
    await con.run(
      `INSERT INTO manifest SELECT ${list.join(', ')} FROM read_json(${sqlString(file)}, format = 'newline_delimited', columns = ${readJsonColumns(cols)})`,
    );
  }
}

async function loadManifest(con: DuckDBConnection, file: string): Promise<void> {
  await con.run(`CREATE TABLE manifest (${manifestSelect().defs.join(', ')})`);
  await insertManifest(con, file);
}

/** Appends the rows of an NDJSON file to a table of the warehouse (columns from its schema). */
export async function insertRows(con: DuckDBConnection, table: string, file: string): Promise<void> {
  if (!existsSync(file) || statSync(file).size === 0) return;
  await con.run(
    `INSERT INTO ${quoteIdent(table)} SELECT * FROM read_json(${sqlString(file)}, format = 'newline_delimited', columns = ${readJsonColumns(columnsOf(table))})`,
  );
}

async function loadTable(con: DuckDBConnection, table: string, file: string, known: Set<string>): Promise<void> {
  const size = statSync(file).size;
  const q = quoteIdent(table);
  if (table === 'manifest') await loadManifest(con, file);
  else if (known.has(table)) {
    const cols: Column[] = columnsOf(table);
    await con.run(`CREATE TABLE ${q} (${cols.map((c) => `${quoteIdent(c.name)} ${c.sql}`).join(', ')})`);
    if (size > 0) await insertRows(con, table, file);
  } else if (size > 0) {
    await con.run(`CREATE TABLE ${q} AS SELECT * FROM read_json_auto(${sqlString(file)}, format = 'newline_delimited')`);
  }
}

async function createViews(con: DuckDBConnection, tables: Set<string>): Promise<string[]> {
  const views: string[] = [];
  for (const v of VIEWS) {
    if (!v.needs.every((t) => tables.has(t))) continue;
    await con.run(`CREATE VIEW ${v.name} AS ${v.sql(tables)}`);
    views.push(v.name);
  }
  return views;
}

export interface WarehouseSummary {
  file: string;
  tables: Record<string, number>;
  views: string[];
}

/** Builds DIR/warehouse.duckdb (or `target`) from the NDJSON tables; atomic swap. */
export async function buildWarehouse(dir: string, target = join(dir, 'warehouse.duckdb')): Promise<WarehouseSummary> {
  const tmp = tempPathFor(target);
  const known = new Set(schemaNames());
  const tables: Record<string, number> = {};
  let views: string[] = [];
  try {
    for (const [t, f] of warehouseSources(dir)) {
      await withDb(tmp, { ...DUCKDB_CONFIG }, async (con) => {
        await loadTable(con, t, f, known);
        await con.run('CHECKPOINT');
      });
    }
    await withDb(tmp, { ...DUCKDB_CONFIG }, async (con) => {
      const present = new Set((await con.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'`)).getRowObjects().map((o) => String(o['table_name'])));
      for (const t of present) {
        const r = await con.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${quoteIdent(t)}`);
        tables[t] = Number(r.getRowObjects()[0]!['n']);
      }
      views = await createViews(con, present);
      await con.run('CHECKPOINT');
    });
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw err;
  }
  rmSync(`${target}.wal`, { force: true });
  renameSync(tmp, target);
  fsyncDir(dir);
  return { file: target, tables, views };
}

export interface ExportSummary {
  format: ExportFormat;
  files: string[];
}

/**
 * Exports every table and view of DIR/warehouse.duckdb (built first when missing) to DIR/export/<format>/ (or
 * `to`). CSV flattens nested columns (evidence, conflicts) to JSON text; Parquet keeps them nested;
 * postgres writes one script, `warehouse.sql` (load it with `psql -f`).
 */
export async function exportTables(dir: string, format: ExportFormat, to?: string): Promise<ExportSummary> {
  const wh = join(dir, 'warehouse.duckdb');
  if (format === 'duckdb') {
    const s = await buildWarehouse(dir, to ?? wh);
    return { format, files: [s.file] };
  }
  if (!existsSync(wh)) await buildWarehouse(dir);
  const outDir = to ?? join(dir, 'export', format);
  mkdirSync(outDir, { recursive: true });
  if (format === 'postgres') {
    const file = await withDb(wh, { ...DUCKDB_CONFIG, preserve_insertion_order: 'true', access_mode: 'READ_ONLY' }, (con) => writePostgres(con, join(outDir, 'warehouse.sql')));
    return { format, files: [file] };
  }
  const files: string[] = [];
  await withDb(wh, { ...DUCKDB_CONFIG, preserve_insertion_order: 'true', access_mode: 'READ_ONLY' }, async (con) => {
    {
      // the tables, then the views (a view is exported as the rows it gives)
      const tables = (await con.runAndReadAll(`SELECT table_name FROM information_schema.tables ORDER BY table_type = 'VIEW', table_name`)).getRowObjects().map((o) => String(o['table_name']));
      for (const t of tables) {
        const file = join(outDir, `${t}.${format}`);
        const tmp = tempPathFor(file);
        let select = `SELECT * FROM ${quoteIdent(t)}`;
        const textColumns = new Set<number>();
        if (format === 'csv') {
          const cols = (await con.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${sqlString(t)} ORDER BY ordinal_position`)).getRowObjects();
          const list = cols.map((c, i) => {
            const name = String(c['column_name']);
            const type = String(c['data_type']);
            if (type === 'VARCHAR') textColumns.add(i);
            return /^(STRUCT|MAP)|\[\]$/.test(type) ? `to_json(${quoteIdent(name)}) AS ${quoteIdent(name)}` : quoteIdent(name);
          });
          select = `SELECT ${list.join(', ')} FROM ${quoteIdent(t)}`;
        }
        // the rows in the order the warehouse holds them (the tables' order: report id, then each report's
        // own order), not sorted again: a sort of 123,000 findings with their evidence lists ran past DuckDB's
        // 64 MB (npm run fuzz), and the order is already deterministic
        const orderBy = '';
        // row groups of 10,000 rows: DuckDB buffers a whole row group of a sorted COPY in memory (its default 122,880
        // rows of 200,000 sections ran past the 64 MB limit)
        const opts = format === 'parquet' ? `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 10000)` : `(FORMAT csv, HEADER true)`;
        if (format === 'csv') {
          // a text cell a spreadsheet would read as a formula gets a ' before it, as the file streams through
          // (in SQL, the CASE over every text column ran past DuckDB's 64 MB on 63,000 references: npm run fuzz)
          const raw = `${tmp}.raw`;
          await con.run(`COPY (${select}${orderBy}) TO ${sqlString(raw)} ${opts}`);
          await neutraliseCsv(raw, tmp, textColumns);
          rmSync(raw, { force: true });
        } else await con.run(`COPY (${select}${orderBy}) TO ${sqlString(tmp)} ${opts}`);
        renameSync(tmp, file);
        files.push(file);
      }
    }
  });
  return { format, files };
}

