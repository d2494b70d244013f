/**
 * `export --format postgres`: one script, DIR/export/postgres/warehouse.sql, that `psql -f` loads into an
 * empty database (or schema: set search_path first) in one transaction: CREATE TABLE for every warehouse
 * table (PostgreSQL types from the DuckDB columns; PRIMARY KEY (id) where the table has an id), its rows as
 * `COPY … FROM stdin` (text format, the layout pg_dump writes), then the views (src/export/views.ts: the
 * same SQL as in DuckDB). Streams row chunks out of DuckDB, so memory does not grow with the tables.
 *
 * Types: VARCHAR → text, BIGINT → bigint, INTEGER → integer, DOUBLE → double precision, BOOLEAN →
 * boolean, a list of scalars → an array (text[], bigint[], double precision[]); STRUCT, lists of STRUCT,
 * MAP and JSON → jsonb (query with `->`/`->>`: `evidence -> 0 ->> 'text'`).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { renameSync, rmSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tempPathFor } from '../util/atomic.js';
import { VIEWS } from './views.js';

const SCALAR: Record<string, string> = {
  VARCHAR: 'text',
  BIGINT: 'bigint',
  INTEGER: 'integer',
  SMALLINT: 'smallint',
  TINYINT: 'smallint',
  UBIGINT: 'numeric',
  UINTEGER: 'bigint',
  HUGEINT: 'numeric',
  DOUBLE: 'double precision',
  FLOAT: 'real',
  BOOLEAN: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz',
  UUID: 'uuid',
};

type Kind = 'scalar' | 'array' | 'json';
interface PgColumn {
  name: string;
  pg: string;
  kind: Kind;
}

/** The PostgreSQL type of a DuckDB column type. */
export function pgType(duck: string): { pg: string; kind: Kind } {
  if (SCALAR[duck]) return { pg: SCALAR[duck]!, kind: 'scalar' };
  const list = /^(.+)\[\]$/.exec(duck);
  if (list && SCALAR[list[1]!]) return { pg: `${SCALAR[list[1]!]}[]`, kind: 'array' };
  if (/^DECIMAL/.test(duck)) return { pg: duck.replace('DECIMAL', 'numeric'), kind: 'scalar' };
  return { pg: 'jsonb', kind: 'json' };
}

/** a value in COPY's text format: backslash, tab, line breaks escaped; NULL as \N */
function copyText(v: string | null): string {
  if (v === null) return '\\N';
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** a JSON array of scalars → a PostgreSQL array literal (`{"a","b",NULL}`) */
function pgArray(json: string): string {
  const items = JSON.parse(json) as unknown[];
  const one = (x: unknown): string =>
    x === null || x === undefined ? 'NULL' : typeof x === 'number' || typeof x === 'boolean' ? String(x) : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${items.map(one).join(',')}}`;
}

const quoteSql = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Writes the script to `file` (atomically); returns its path. */
export async function writePostgres(con: DuckDBConnection, file: string): Promise<string> {
  const tmp = tempPathFor(file);
  const out = createWriteStream(tmp);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  try {
    const tables = (await con.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY table_name`))
      .getRowObjects()
      .map((o) => String(o['table_name']));
    await write('-- report-metrics warehouse for PostgreSQL: psql -v ON_ERROR_STOP=1 -f warehouse.sql\n');
    await write("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nBEGIN;\n\n");
    for (const t of tables) {
      const cols: PgColumn[] = (
        await con.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${quoteSql(t)} ORDER BY ordinal_position`)
      )
        .getRowObjects()
        .map((o) => ({ name: String(o['column_name']), ...pgType(String(o['data_type'])) }));
      const pk = cols.some((c) => c.name === 'id') ? ',\n  PRIMARY KEY (id)' : '';
      await write(`CREATE TABLE ${t} (\n${cols.map((c) => `  ${c.name} ${c.pg}${c.name === 'id' ? ' NOT NULL' : ''}`).join(',\n')}${pk}\n);\n`);
      await write(`COPY ${t} (${cols.map((c) => c.name).join(', ')}) FROM stdin;\n`);
      const select = cols.map((c) => (c.kind === 'scalar' ? `CAST("${c.name}" AS VARCHAR)` : `CAST(to_json("${c.name}") AS VARCHAR)`)).join(', ');
      const result = await con.stream(`SELECT ${select} FROM "${t}"`);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const lines: string[] = [];
        for (const row of chunk.getRows()) {
          lines.push(
            row
              .map((v, i) => {
                if (v === null) return '\\N';
                const s = String(v);
                return copyText(cols[i]!.kind === 'array' ? pgArray(s) : s);
              })
              .join('\t'),
          );
        }
        await write(lines.join('\n') + '\n');
      }
      await write('\\.\n\n');
    }
    const present = new Set(tables);
    for (const v of VIEWS) {
      if (!v.needs.every((t) => present.has(t))) continue;
      await write(`-- ${v.description}\nCREATE VIEW ${v.name} AS ${v.sql(present)};\n\n`);
    }
    await write('COMMIT;\n');
    out.end();
    await once(out, 'finish');
    renameSync(tmp, file);
  } catch (err) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
  return file;
}
