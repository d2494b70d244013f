/**
 * `report-metrics check` and `review` as users run them (the compiled CLI, bin/report-metrics.js):
 * exit codes, text and JSON output, batch folders with cross-report findings, one-line errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/process-file.js';
import { runLink } from '../src/link/index.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'report-metrics.js');
// the seed report (a byte-identical copy of ../shared/seed's; test/eval.test.ts checks that)
const SEED = join(ROOT, 'fixtures', 'text', 'seed-cchc-2023-skhcn-tien-giang.txt');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rm-check-cli-'));
  mkdirSync(join(dir, 'reports'));
  for (const y of ['2021', '2022', '2023']) {
    const r = await processFile(join(ROOT, `fixtures/planted/series/snv-ben-tre-${y}.txt`));
    writeFileSync(join(dir, 'reports', `${r.id}.json`), JSON.stringify(r));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report-metrics check FILE', () => {
  it('flags the seed (exit 1) in text and JSON', () => {
    const t = run('check', SEED);
    expect(t.code).toBe(1);
    expect(t.out).toContain('ref.date-year-suspect');
    expect(t.out).toContain('Kế hoạch số 286/KH-SKH&CN ngày 02/3/2022');
    const j = run('check', SEED, '--format', 'json');
    expect(j.code).toBe(1);
    const { findings } = JSON.parse(j.out) as { findings: Array<{ rule: string; severity: string }> };
    expect(findings.map((f) => f.rule)).toEqual(['ref.date-year-suspect']);
  });
  it('exits 0 on a clean report', () => {
    const r = run('check', join(ROOT, 'fixtures/clean/stp-2022.txt'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ findings: [] });
  });
  it('finds planted enumeration and sum errors through the pipeline', () => {
    const r = run('check', join(ROOT, 'fixtures/planted/p01-staff-sum+fields-count.txt'), '--format', 'json');
    expect(r.code).toBe(1);
    const rules = (JSON.parse(r.out) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule).sort();
    expect(rules).toEqual(['enum.count', 'sum.breakdown']);
  });
  it('answers bad input with one line naming the file (exit 2)', () => {
    const bad = join(dir, 'random.bin');
    writeFileSync(bad, Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256)));
    for (const target of [bad, join(dir, 'missing.txt')]) {
      const r = run('check', target);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(target);
    }
    expect(run('check', SEED, '--format', 'xml').code).toBe(2);
  });
});

describe('report-metrics check DIR and review', () => {
  it('reports cross-report findings of a batch folder, from the reports and from the link tables', async () => {
    for (const pass of ['reports', 'tables']) {
      if (pass === 'tables') await runLink(dir);
      const r = run('check', dir, '--format', 'json');
      expect(r.code, pass).toBe(1);
      const f = (JSON.parse(r.out) as { findings: Array<{ rule: string; otherReport?: string; evidence: Array<{ reportId?: string }> }> }).findings;
      const cross = f.filter((x) => x.rule.startsWith('cross.')).map((x) => x.rule).sort();
      expect(cross, pass).toEqual(['cross.document-date', 'cross.yoy-jump']);
      for (const x of f.filter((y) => y.rule.startsWith('cross.'))) {
        expect(x.otherReport).toMatch(/^rpt_/);
        expect(x.evidence.some((e) => e.reportId === x.otherReport)).toBe(true);
      }
    }
    const t = run('check', dir);
    expect(t.out).toMatch(/in 3 reports/);
  });
  it('writes a review page', () => {
    const out = join(dir, 'review.html');
    const r = run('review', dir, '--html', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('id="filters"');
    expect(readFileSync(join(dir, 'review.files', 'data', 'findings-000.js'), 'utf8')).toContain('cross.yoy-jump');
    expect(readdirSync(join(dir, 'review.files', 'r')).filter((f) => f.endsWith('.html'))).toHaveLength(3);
    expect(run('review', join(dir, 'nope'), '--html', out).code).toBe(2);
  });
});
