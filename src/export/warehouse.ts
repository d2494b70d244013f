/**
 * DIR/warehouse.duckdb: one DuckDB table per NDJSON table (explicit columns from the table schemas),
 * plus views joining facts with their report. Built in a temp file and renamed into place.
 * Also: COPY of every table to Parquet or CSV (`report-metrics export`).
 */
import { neutraliseCsv } from './csv-safe.js';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { fsyncDir, tempPathFor } from '../util/atomic.js';
import { columnsOf, quoteIdent, readJsonColumns, type Column } from './columns.js';
import { FACT_TABLES } from './tables.js';
import { schemaNames } from '../validate/validate.js';

export type ExportFormat = 'parquet' | 'csv' | 'duckdb';

/**
 * DuckDB settings: by default DuckDB may use 80% of the machine's RAM and keeps what it took until the
 * database is closed. The warehouse is built within a fixed budget instead, one table per open/close
 * (DuckDB spills to a temp folder beside the database when it needs more). Row order is not kept on
 * load (the NDJSON is already in id order; queries and exports order explicitly).
 */
export const DUCKDB_CONFIG = { memory_limit: '64MB', threads: '1', preserve_insertion_order: 'false' } as const;

async function withDb<T>(file: string, config: Record<string, string>, fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
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

function sqlString(s: string): string {
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

async function loadTable(con: DuckDBConnection, table: string, file: string, known: Set<string>): Promise<void> {
  const size = statSync(file).size;
  const q = quoteIdent(table);
  if (known.has(table)) {
    const cols: Column[] = columnsOf(table);
    await con.run(`CREATE TABLE ${q} (${cols.map((c) => `${quoteIdent(c.name)} ${c.sql}`).join(', ')})`);
    if (size > 0) {
      await con.run(
        `INSERT INTO ${q} SELECT * FROM read_json(${sqlString(file)}, format = 'newline_delimited', columns = ${readJsonColumns(cols)})`,
      );
    }
  } else if (size > 0) {
    await con.run(`CREATE TABLE ${q} AS SELECT * FROM read_json_auto(${sqlString(file)}, format = 'newline_delimited')`);
  }
}

async function columnsOfTable(con: DuckDBConnection, table: string): Promise<Set<string>> {
  const r = await con.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = ${sqlString(table)}`);
  return new Set(r.getRowObjects().map((o) => String(o['column_name'])));
}

async function createViews(con: DuckDBConnection, tables: Set<string>): Promise<string[]> {
  const views: string[] = [];
  if (!tables.has('reports')) return views;
  const ctx = `r.path AS reportPath, r.agencyId, r.agency, r.province, r.year, r.period, r.language`;
  for (const t of ['metrics', 'references', 'dates', 'findings']) {
    if (!tables.has(t)) continue;
    const v = `${t}_by_report`;
    await con.run(`CREATE VIEW ${quoteIdent(v)} AS SELECT f.*, ${ctx} FROM ${quoteIdent(t)} f JOIN reports r ON r.id = f.reportId`);
    views.push(v);
  }
  if (tables.has('agencies') && tables.has('metrics')) {
    const ac = await columnsOfTable(con, 'agencies');
    if (ac.has('id') && ac.has('name')) {
      await con.run(
        `CREATE VIEW metrics_by_agency AS SELECT m.*, a.name AS agencyName FROM metrics_by_report m LEFT JOIN agencies a ON a.id = m.agencyId`,
      );
      views.push('metrics_by_agency');
    }
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
 * Exports every table of DIR/warehouse.duckdb (built first when missing) to DIR/export/<format>/ (or
 * `to`). CSV flattens nested columns (spans, evidence) to JSON text; Parquet keeps them nested.
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
  const files: string[] = [];
  await withDb(wh, { ...DUCKDB_CONFIG, preserve_insertion_order: 'true', access_mode: 'READ_ONLY' }, async (con) => {
    {
      const tables = (await con.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY table_name`)).getRowObjects().map((o) => String(o['table_name']));
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
