/**
 * Crash safety: the batch runs as a child process, is killed with SIGKILL at several points (start,
 * mid-processing, manifest compaction, table build, warehouse build; plus a torn manifest line), and
 * is re-run. The final tables equal an uninterrupted run's, ids are unique, every input is accounted for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FACT_TABLES, countsFromReports, duck, makeCorpus, manifestByRel, readNdjson, runCli, tableBytes, writePipeline, type Corpus } from './batch-helpers.js';

let tmp: string;
let corpus: Corpus;
let pipeline: string;
const cmd = (out: string) => ['batch', 'in', '--out', out, '--jobs', '2', '--pipeline', pipeline, '--progress', 'lines', '--progress-every', '40'];

/** After a kill: no partial file anywhere (every report and table parses completely). */
function assertNoPartialFiles(out: string): void {
  const reports = join(out, 'reports');
  if (existsSync(reports)) {
    for (const f of readdirSync(reports)) {
      if (f.startsWith('.tmp-')) continue;
      const r = JSON.parse(readFileSync(join(reports, f), 'utf8')) as { id: string };
      expect(`${r.id}.json`).toBe(f);
    }
  }
  for (const t of FACT_TABLES) {
    const f = join(out, 'tables', `${t}.ndjson`);
    if (!existsSync(f)) continue;
    const text = readFileSync(f, 'utf8');
    if (text !== '') expect(text.endsWith('\n'), f).toBe(true);
    readNdjson(f);
  }
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-crash-'));
  corpus = makeCorpus(join(tmp, 'in'), { variants: 80, renamed: 10, duplicates: 5, empty: 2 });
  pipeline = writePipeline(join(tmp, 'pipeline.yaml'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('kill -9 at any moment, then resume', () => {
  it('ends with exactly the rows of an uninterrupted run', async () => {
    const ref = await runCli(cmd('ref'), { cwd: tmp });
    expect(ref.code, ref.stderr).toBe(0);

    const out = join(tmp, 'crash');
    const kills: Array<{ at: string; when: (s: string) => boolean; mustKill: boolean }> = [
      { at: 'start', when: (s) => /batch: \d+ inputs\n/.test(s), mustKill: true },
      {
        at: 'processing',
        when: (s) => [...s.matchAll(/batch: (\d+)\/\d+ /g)].some((m) => Number(m[1]) >= 10),
        mustKill: true,
      },
      { at: 'manifest', when: (s) => s.includes('batch: writing manifest'), mustKill: false },
      { at: 'tables', when: (s) => s.includes('batch: building tables'), mustKill: true },
      { at: 'warehouse', when: (s) => s.includes('batch: building warehouse'), mustKill: true },
    ];
    for (const k of kills) {
      const r = await runCli(cmd('crash'), { cwd: tmp, killWhen: k.when });
      if (k.mustKill) expect(r.signal, `killed at ${k.at}: ${r.stderr}`).toBe('SIGKILL');
      assertNoPartialFiles(out);
      if (k.at === 'processing') {
        // a process killed while appending leaves a torn last line: the next run must cope
        appendFileSync(join(out, 'manifest.ndjson'), '{"path":"in/torn.txt","sha256":"ab');
      }
    }
    const last = await runCli(cmd('crash'), { cwd: tmp });
    expect(last.code, last.stderr).toBe(0);

    // the same tables, byte for byte
    expect(tableBytes(out)).toEqual(tableBytes(join(tmp, 'ref')));
    const want = countsFromReports(out);
    for (const t of FACT_TABLES) {
      const rows = readNdjson<{ id: string; rule?: string }>(join(out, 'tables', `${t}.ndjson`));
      expect(rows.filter((r) => !r.rule?.startsWith('cross.')).length, t).toBe(want[t]);
      expect(new Set(rows.map((r) => r.id)).size, `${t}: no duplicate ids`).toBe(rows.length);
      const [c] = await duck<{ n: string }>(join(out, 'warehouse.duckdb'), `SELECT count(DISTINCT id) AS n FROM "${t}"`);
      expect(Number(c!.n), `${t} in duckdb`).toBe(rows.length);
    }
    expect(want.reports).toBe(80);

    // every input accounted for, exactly once
    const lines = readNdjson<{ path: string }>(join(out, 'manifest.ndjson'));
    expect(new Set(lines.map((l) => l.path)).size).toBe(lines.length);
    const m = manifestByRel(out, corpus.dir);
    expect(m.size).toBe(corpus.expect.size);
    for (const [rel, kind] of corpus.expect) {
      const e = m.get(rel)!;
      expect(e, rel).toBeDefined();
      if (kind === 'empty') expect(e.status).toBe('failed');
      else {
        expect(['done', 'skipped'], rel).toContain(e.status);
        expect(existsSync(join(out, 'reports', `${e.reportId}.json`)), rel).toBe(true);
      }
    }
    // no temp files left behind
    for (const d of [out, join(out, 'reports'), join(out, 'tables')]) {
      expect(readdirSync(d).filter((f) => f.startsWith('.tmp-')), d).toEqual([]);
    }
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });
});
