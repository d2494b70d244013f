/**
 * DIR/warehouse.duckdb updated in place for the reports a batch changed (issue 19); kept in src/batch
 * because it reads the batch's outputs index (./outputs.ts).
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tempPathFor } from '../util/atomic.js';
import { quoteIdent } from '../export/columns.js';
import { VIEWS } from '../export/views.js';
import { DUCKDB_CONFIG, buildWarehouse, insertManifest, insertRows, sqlString, warehouseSources, withDb, type WarehouseSummary } from '../export/warehouse.js';
import { STATE_DIR, TABLES, killPoint, readState, sameIdent, writeDelta, writeState } from './outputs.js';

async function countRows(con: DuckDBConnection): Promise<{ tables: Record<string, number>; views: string[] }> {
  const tables: Record<string, number> = {};
  const all = (await con.runAndReadAll(`SELECT table_name, table_type FROM information_schema.tables`)).getRowObjects();
  for (const o of all) {
    if (String(o['table_type']) !== 'BASE TABLE') continue;
    const t = String(o['table_name']);
    const r = await con.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${quoteIdent(t)}`);
    tables[t] = Number(r.getRowObjects()[0]!['n']);
  }
  const views = VIEWS.map((v) => v.name).filter((n) => all.some((o) => String(o['table_name']) === n && String(o['table_type']) === 'VIEW'));
  return { tables, views };
}

export interface WarehouseUpdate extends WarehouseSummary {
  /** 'full': built from scratch; 'delta': DELETE/INSERT of the changed reports; 'none': already up to date */
  mode: 'full' | 'delta' | 'none';
  /** reports whose rows were replaced (delta) */
  reports: number;
}

/**
 * Brings DIR/warehouse.duckdb up to date with DIR/tables after a batch refreshed them (src/batch/outputs.ts):
 * in one transaction, the rows of the reports changed since the warehouse was last updated are deleted by
 * report id and inserted again from the tables, the tables made across reports are emptied and loaded
 * again, and so is the manifest. Built from scratch instead when there is no usable state, the warehouse
 * is not the file the state knows, or the set of tables changed. A kill leaves DuckDB's last committed
 * state (its write-ahead log); the state keeps the pending reports until the update is recorded, and an
 * update applied twice gives the same rows.
 */
export async function updateWarehouse(dir: string): Promise<WarehouseUpdate> {
  const target = join(dir, 'warehouse.duckdb');
  const s = readState(dir);
  const sources = warehouseSources(dir);
  const names = sources.map(([t]) => t);
  const identOf = (f: string) => {
    try {
      const st = statSync(f);
      return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      return null;
    }
  };
  const manifestFile = join(dir, 'manifest.ndjson');
  const record = (w: NonNullable<typeof s>['warehouse']) => {
    if (!s) return;
    s.warehouse = w;
    writeState(dir, s);
  };
  const tailsOf = () => Object.fromEntries(Object.entries(s?.tails ?? {}).map(([t, v]) => [t, v.ids]));
  const wh = s?.warehouse;
  const canDelta = !!s && !!wh && wh.pending !== 'all' && existsSync(target) && !existsSync(`${target}.wal`) && sameIdent(wh.ident, identOf(target)) && wh.sources.join('\n') === names.join('\n');
  if (!canDelta) {
    const summary = await buildWarehouse(dir, target);
    record({ ident: identOf(target), pending: [], manifest: identOf(manifestFile), sources: names, tails: tailsOf() });
    return { ...summary, mode: 'full', reports: 0 };
  }
  const pending = wh.pending as string[];
  const manifestNow = identOf(manifestFile);
  const manifestChanged = names.includes('manifest') && !(wh.manifest === null && manifestNow === null) && !sameIdent(wh.manifest, manifestNow);
  if (pending.length === 0 && !manifestChanged) {
    const counts = await withDb(target, { ...DUCKDB_CONFIG, access_mode: 'READ_ONLY' }, countRows);
    return { file: target, ...counts, mode: 'none', reports: 0 };
  }
  const spec = new Map(TABLES.map((t) => [t.name, t]));
  const tmpDir = join(dir, STATE_DIR);
  // REPORT_METRICS_TRACE=1: the time of each step on stderr
  let tr = performance.now();
  const trace = (what: string) => {
    if (process.env['REPORT_METRICS_TRACE'] !== '1') return;
    const now = performance.now();
    process.stderr.write(`warehouse: ${what} ${Math.round(now - tr)} ms\n`);
    tr = now;
  };
  const tmp: string[] = [];
  const ids = new Set(pending);
  try {
    const counts = await withDb(target, { ...DUCKDB_CONFIG }, async (con) => {
      await con.run('BEGIN TRANSACTION');
      try {
        if (pending.length > 0) {
          const idFile = tempPathFor(join(tmpDir, 'pending.ndjson'));
          tmp.push(idFile);
          writeFileSync(idFile, pending.map((id) => JSON.stringify({ id }) + '\n').join(''));
          await con.run(`CREATE TEMP TABLE rm_pending AS SELECT id FROM read_json(${sqlString(idFile)}, format = 'newline_delimited', columns = {'id': 'VARCHAR'})`);
          for (const [t, f] of sources) {
            const ts = spec.get(t);
            if (!ts) continue;
            if (ts.kind === 'report') {
              const oldTail = wh.tails[t] ?? [];
              await con.run(`DELETE FROM ${quoteIdent(t)} WHERE ${quoteIdent(ts.reportKey!)} IN (SELECT id FROM rm_pending)`);
              if (oldTail.length > 0) {
                const tailFile = tempPathFor(join(tmpDir, `tail-${t}.ndjson`));
                tmp.push(tailFile);
                writeFileSync(tailFile, oldTail.map((id) => JSON.stringify({ id }) + '\n').join(''));
                await con.run(`DELETE FROM ${quoteIdent(t)} WHERE id IN (SELECT id FROM read_json(${sqlString(tailFile)}, format = 'newline_delimited', columns = {'id': 'VARCHAR'}))`);
              }
              const delta = tempPathFor(join(tmpDir, `delta-${t}.ndjson`));
              tmp.push(delta);
              writeDelta(dir, s, t, ids, delta);
              await insertRows(con, t, delta);
              trace(`${t} delete+insert`);
            } else {
              await con.run(`DELETE FROM ${quoteIdent(t)}`);
              await insertRows(con, t, f);
              trace(`${t} reload`);
            }
          }
        }
        killPoint('warehouse-mid-transaction');
        if (manifestChanged) {
          await con.run('DELETE FROM manifest');
          await insertManifest(con, manifestFile);
        }
        trace('manifest');
        await con.run('COMMIT');
        trace('commit');
      } catch (err) {
        await con.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
      killPoint('warehouse-after-commit');
      await con.run('CHECKPOINT');
      trace('checkpoint');
      return countRows(con);
    });
    killPoint('warehouse-before-index');
    record({ ident: identOf(target), pending: [], manifest: identOf(manifestFile), sources: names, tails: tailsOf() });
    return { file: target, ...counts, mode: 'delta', reports: pending.length };
  } finally {
    for (const f of tmp) rmSync(f, { force: true });
  }
}
