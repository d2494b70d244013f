/**
 * Incremental batch (issue 19): a re-run updates the tables, link and the DuckDB warehouse for the inputs it
 * added, re-did (bytes changed) or removed, and ends with exactly what a batch of the same inputs from scratch
 * writes: every DIR/tables/*.ndjson byte for byte, every warehouse table row for row (the manifest aside: it
 * records the runs). Also when the update is killed with SIGKILL at several points and the batch re-run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureTexts, variant } from '../src/batch/corpus.js';
import { duck, runCli, writePipeline } from './batch-helpers.js';
import { refreshOutputs } from '../src/batch/outputs.js';
import { buildWarehouse } from '../src/export/warehouse.js';
import { fromRoot } from '../src/util/package-root.js';

let tmp: string;
let pipeline: string;
const fx = fixtureTexts();
const put = (i: number, salt = 0) => {
  const f = fx[i % fx.length]!;
  writeFileSync(join(tmp, 'in', `${f.name}-${String(i).padStart(4, '0')}.txt`), variant(f.text, i + salt * 1000));
};
const cmd = (out: string) => ['batch', 'in', '--out', out, '--jobs', '2', '--pipeline', pipeline, '--progress', 'none', '--json'];

function tables(out: string): Record<string, string> {
  const r: Record<string, string> = {};
  for (const f of readdirSync(join(out, 'tables')).filter((x) => x.endsWith('.ndjson')).sort()) r[f] = readFileSync(join(out, 'tables', f), 'utf8');
  return r;
}

/** Every warehouse table but the manifest, its rows sorted, as text. */
async function warehouse(out: string): Promise<Record<string, string>> {
  const file = join(out, 'warehouse.duckdb');
  const names = (await duck<{ table_name: string }>(file, `SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY table_name`)).map((r) => r.table_name);
  const r: Record<string, string> = {};
  for (const t of names) {
    if (t === 'manifest') continue;
    r[t] = (await duck(file, `SELECT * FROM ${t} ORDER BY ALL`)).map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).join('\n');
  }
  return r;
}

/** The tables and warehouse of the same DIR/reports built from scratch (no state), in a copy. */
async function fromScratchOf(out: string, name: string): Promise<{ t: Record<string, string>; w: Record<string, string> }> {
  const copy = join(tmp, name);
  rmSync(copy, { recursive: true, force: true });
  cpSync(join(out, 'reports'), join(copy, 'reports'), { recursive: true });
  refreshOutputs(copy, { link: true, full: true });
  await buildWarehouse(copy);
  return { t: tables(copy), w: await warehouse(copy) };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-incremental-'));
  mkdirSync(join(tmp, 'in'));
  for (let i = 0; i < 30; i++) put(i);
  pipeline = writePipeline(join(tmp, 'pipeline.yaml'), { link: true });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('incremental batch', () => {
  it('updates for added, changed and removed inputs and equals a from-scratch batch', async () => {
    const first = await runCli(cmd('inc'), { cwd: tmp });
    expect(first.code, first.stderr).toBe(0);
    const s1 = JSON.parse(first.stdout) as { incremental: { full: boolean } };
    expect(s1.incremental.full).toBe(true);

    // nothing new: no table written, the warehouse left as it is but for the manifest
    const again = await runCli(cmd('inc'), { cwd: tmp });
    expect(again.code, again.stderr).toBe(0);
    const s2 = JSON.parse(again.stdout) as { incremental: { written: boolean; kept: number }; alreadyDone: number };
    expect(s2.incremental.written).toBe(false);
    expect(s2.alreadyDone).toBe(30);

    // 3 new inputs, 2 changed, 1 removed (input and report)
    for (const i of [30, 31, 32]) put(i);
    put(3, 1);
    put(7, 1);
    const gone = readdirSync(join(tmp, 'in')).sort()[10]!;
    const goneId = (JSON.parse(readFileSync(join(tmp, 'inc', 'manifest.ndjson'), 'utf8').split('\n').find((l) => l.includes(gone))!) as { reportId: string }).reportId;
    rmSync(join(tmp, 'in', gone));
    rmSync(join(tmp, 'inc', 'reports', `${goneId}.json`));
    const third = await runCli(cmd('inc'), { cwd: tmp });
    expect(third.code, third.stderr).toBe(0);
    const s3 = JSON.parse(third.stdout) as { incremental: { full: boolean; added: number; removed: number; kept: number }; warehouse: { mode: string } };
    expect(s3.incremental.full).toBe(false);
    expect(s3.incremental.added).toBe(5);
    // the removed report and the two superseded by their inputs' new bytes
    expect(s3.incremental.removed).toBe(3);
    expect(s3.warehouse.mode).toBe('delta');

    const ref = await runCli(cmd('ref'), { cwd: tmp });
    expect(ref.code, ref.stderr).toBe(0);
    const a = tables(join(tmp, 'inc'));
    const b = tables(join(tmp, 'ref'));
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a)).toContain('changes.ndjson');
    for (const k of Object.keys(b)) expect(a[k], k).toBe(b[k]);
    expect(a['reports.ndjson']!.split('\n').filter(Boolean)).toHaveLength(32);
    expect(await warehouse(join(tmp, 'inc'))).toEqual(await warehouse(join(tmp, 'ref')));
  });

  it('killed with SIGKILL at each point of the update, a re-run ends with the from-scratch result', async () => {
    const points = ['tables-before-commit', 'tables-mid-commit', 'tables-before-index', 'tables-after-index', 'warehouse-mid-transaction', 'warehouse-after-commit', 'warehouse-before-index'];
    let next = 40;
    for (const at of points) {
      // something new each time, so that the update runs (and the warehouse takes the delta path)
      put(next++);
      put(next % 30, next);
      const killed = await runCli(cmd('inc'), { cwd: tmp, env: { REPORT_METRICS_KILL_AT: at } });
      expect(killed.signal, `${at}: ${killed.stderr}`).toBe('SIGKILL');
      const rerun = await runCli(cmd('inc'), { cwd: tmp });
      expect(rerun.code, rerun.stderr).toBe(0);
      const want = await fromScratchOf(join(tmp, 'inc'), `scratch-${at}`);
      const got = tables(join(tmp, 'inc'));
      expect(Object.keys(got), at).toEqual(Object.keys(want.t));
      for (const k of Object.keys(want.t)) expect(got[k], `${at}: ${k}`).toBe(want.t[k]);
      expect(await warehouse(join(tmp, 'inc')), at).toEqual(want.w);
    }
    // and the same as a batch of these inputs from scratch
    rmSync(join(tmp, 'ref'), { recursive: true, force: true });
    const ref = await runCli(cmd('ref'), { cwd: tmp });
    expect(ref.code, ref.stderr).toBe(0);
    const a = tables(join(tmp, 'inc'));
    const b = tables(join(tmp, 'ref'));
    for (const k of Object.keys(b)) expect(a[k], k).toBe(b[k]);
    expect(await warehouse(join(tmp, 'inc'))).toEqual(await warehouse(join(tmp, 'ref')));
  });

  it('a file joining or leaving a document re-links the files of that document, as from scratch', async () => {
    // three reports as TXT, then their DOCX (the better rendering: it becomes the chosen file), then one DOCX removed
    const fxDir = fromRoot('fixtures');
    const stems = readdirSync(join(fxDir, 'docx'))
      .filter((f) => f.endsWith('.docx') && existsSync(join(fxDir, 'text', f.replace(/\.docx$/, '.txt'))))
      .sort()
      .slice(0, 3)
      .map((f) => f.replace(/\.docx$/, ''));
    expect(stems).toHaveLength(3);
    const inDir = join(tmp, 'in-docs');
    mkdirSync(inDir);
    for (const s of stems) copyFileSync(join(fxDir, 'text', `${s}.txt`), join(inDir, `${s}.txt`));
    const docCmd = ['batch', 'in-docs', '--out', 'docs', '--jobs', '2', '--pipeline', pipeline, '--progress', 'none', '--json'];
    const docsOf = (out: string) => readFileSync(join(out, 'tables', 'report_documents.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { files: number });
    const check = async (step: string, files: number[]) => {
      const r = await runCli(docCmd, { cwd: tmp });
      expect(r.code, `${step}: ${r.stderr}`).toBe(0);
      const out = join(tmp, 'docs');
      expect(docsOf(out).map((d) => d.files).sort(), step).toEqual(files);
      const want = await fromScratchOf(out, `scratch-docs-${step}`);
      const got = tables(out);
      expect(Object.keys(got), step).toEqual(Object.keys(want.t));
      for (const k of Object.keys(want.t)) expect(got[k], `${step}: ${k}`).toBe(want.t[k]);
      expect(await warehouse(out), step).toEqual(want.w);
    };
    await check('text', [1, 1, 1]);
    for (const s of stems) copyFileSync(join(fxDir, 'docx', `${s}.docx`), join(inDir, `${s}.docx`));
    await check('with-docx', [2, 2, 2]);
    const gone = `${stems[0]}.docx`;
    const goneId = (JSON.parse(readFileSync(join(tmp, 'docs', 'manifest.ndjson'), 'utf8').split('\n').find((l) => l.includes(`${gone}"`))!) as { reportId: string }).reportId;
    rmSync(join(inDir, gone));
    rmSync(join(tmp, 'docs', 'reports', `${goneId}.json`));
    await check('docx-removed', [1, 2, 2]);
  });
});
