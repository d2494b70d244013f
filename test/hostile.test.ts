/**
 * Hostile and broken files (fixtures/hostile/, made by scripts/make-hostile.mjs): each reproduced a crash,
 * a hang, a memory blow-up or an output that failed its own schema. Now each gives a valid report or fails
 * alone with code `limit` (or another input code) and a reason; nothing reaches a terminal raw; a batch
 * over them records every input, builds its warehouse and exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/process-file.js';
import { InputError } from '../src/ingest/errors.js';
import { validatorFor } from '../src/validate/validate.js';
import { fromRoot } from '../src/util/package-root.js';
import { duck, readManifestLines, runCli, writePipeline } from './batch-helpers.js';
import type { Report } from '../src/model/report.js';

const H = (f: string) => fromRoot('fixtures', 'hostile', f);
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

async function failure(file: string): Promise<InputError> {
  try {
    await processFile(H(file));
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`${file}: processed, but should have failed`);
}

/** A report that passes its schema, and whose every fact quotes text. */
function assertSound(r: Report): void {
  expect(validatorFor('report')(r), JSON.stringify(validatorFor('report').errors)).toBe(true);
  // no string anywhere in the report (labels, table headers, names…) holds a lone surrogate or a control character
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(r);
  expect(strings.filter((x) => LONE_SURROGATE.test(x) || RAW_CONTROL.test(x.replace(/[\n\t\r]/g, ' '))).slice(0, 3)).toEqual([]);
  for (const f of [...r.references, ...r.dates, ...r.metrics]) {
    expect(f.text.trim(), f.id).not.toBe('');
    expect(LONE_SURROGATE.test(f.text) || RAW_CONTROL.test(f.text), f.id).toBe(false);
  }
}

describe('limits where the input decides the work', () => {
  it('a DOCX list starting at 10^15 in Roman numerals: the start is clamped to Word’s 32767, numbers over 3999 written in digits', async () => {
    const r = await processFile(H('docx-roman-start.docx'), { includeText: true });
    assertSound(r);
    expect(r.text).toContain('32767. Mục một');
    expect(r.text).toContain('32768. Mục hai');
    expect(r.text!.length).toBeLessThan(2000);
    const l = await processFile(H('docx-letter-override.docx'), { includeText: true });
    assertSound(l);
    expect(l.text!.length).toBeLessThan(2000);
  });

  it('a DOCX with one unclosed tag of 1 MB fails on the tag length (was: over 2 minutes)', async () => {
    const e = await failure('docx-long-tag.docx');
    expect(e.code).toBe('limit');
    expect(e.reason).toMatch(/word\/document\.xml: a tag of 1000015 characters, over the limit .*xmlTagChars/);
  });

  it('a DOCX nested 120,000 elements deep fails on the depth', async () => {
    const e = await failure('docx-deep-xml.docx');
    expect(e.code).toBe('limit');
    expect(e.reason).toMatch(/nested 1001 deep.*xmlDepth/);
  });

  it('an HTML table whose colspan × rowspan asks for 2 × 10^9 cells fails on the cell count (was: 4 GB, abort)', async () => {
    for (const f of ['html-huge-span.html']) {
      const e = await failure(f);
      expect(e.code, f).toBe('limit');
      expect(e.reason, f).toMatch(/^table 1 needs \d+ cells or more \(colspan x rowspan\).*tableCells/);
    }
  });

  it('a PDF with 200,000 nested q operators fails on the nesting; a content stream of 300 MB on its size (were: over 2 minutes, 30 s)', async () => {
    const q = await failure('pdf-nested-q.pdf');
    expect(q.code).toBe('limit');
    expect(q.reason).toMatch(/nests operators 200001 deep.*pdfNesting/);
    const big = await failure('pdf-huge-stream.pdf');
    expect(big.code).toBe('limit');
    expect(big.reason).toMatch(/decodes to more than 33554432 bytes.*pdfContentBytes/);
  });

  it('260,000 sections fail on the section count (a safety net: 200,000 made the Parquet export run out of memory, fixed below)', async () => {
    const e = await failure('text-260000-sections.txt');
    expect(e.code).toBe('limit');
    expect(e.reason).toMatch(/^260000 sections, over the limit of 250,000 \(sections\)/);
  });

  it('a report citing 15,000 documents gives a valid report, checks included (was: number-order out of memory)', async () => {
    const r = await processFile(H('text-15000-references.txt'));
    assertSound(r);
    expect(r.references.length).toBe(15_000);
    // numbers out of date order: found, and at most one finding per reference
    const order = r.findings.filter((f) => f.rule === 'ref.number-order');
    expect(order.length).toBeGreaterThan(0);
    expect(order.length).toBeLessThanOrEqual(15_000);
    expect(r.findings.some((f) => f.rule === 'check.internal')).toBe(false);
  });
});

describe('export of a batch with 200,000 sections', () => {
  it('Parquet stays inside DuckDB\'s 64 MB memory limit (was: Out of Memory Error)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rm-sections-'));
    try {
      mkdirSync(join(dir, 'tables'));
      const rid = 'rpt_0123456789abcdef';
      const rows: string[] = [];
      let at = 8;
      for (let i = 0; i < 200_000; i++, at += 5) {
        const sp = { start: at, end: at + 4 };
        rows.push(JSON.stringify({ id: `${rid}:sec:${sp.start}-${sp.end}`, report_id: rid, number: String(i + 1), title: `Mục số ${i + 1} của báo cáo`, level: 2, parent: `${rid}:sec:0-7`, span_start: sp.start, span_end: sp.end, heading_start: sp.start, heading_end: sp.end, page: null }));
      }
      writeFileSync(join(dir, 'tables', 'sections.ndjson'), rows.join('\n') + '\n');
      for (const t of ['reports', 'doc_references', 'dates', 'metrics', 'findings']) writeFileSync(join(dir, 'tables', `${t}.ndjson`), '');
      const { exportTables } = await import('../src/export/warehouse.js');
      const s = await exportTables(dir, 'parquet');
      expect(s.files.some((f) => f.endsWith('sections.parquet'))).toBe(true);
      const c = await exportTables(dir, 'csv');
      expect(readFileSync(c.files.find((f) => f.endsWith('sections.csv'))!, 'utf8').split('\n').length).toBe(200_002);
      const [n] = await duck<{ n: bigint }>(join(dir, 'warehouse.duckdb'), `SELECT count(*) AS n FROM read_parquet('${join(dir, 'export', 'parquet', 'sections.parquet')}')`);
      expect(Number(n!.n)).toBe(200_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('crashers found by `npm run fuzz` (fixtures/hostile/fuzz-*, minimised)', () => {
  const found = readdirSync(fromRoot('fixtures', 'hostile')).filter((f) => f.startsWith('fuzz-'));
  it.skipIf(found.length === 0)('each gives a valid report or fails with an input code and a reason', async () => {
    for (const f of found) {
      try {
        assertSound(await processFile(H(f)));
      } catch (e) {
        expect(e, `${f}: ${String(e)}`).toBeInstanceOf(InputError);
        expect((e as InputError).code, f).not.toMatch(/^(timeout|error|crash)$/);
      }
    }
  });
});

describe('output always schema-valid', () => {
  it('8 bytes of text (m 2 l + NBSP): a valid report whose facts all quote text', async () => {
    assertSound(await processFile(H('text-spacing-metric.txt')));
  });

  it('an amount too large for a double (found by npm run fuzz): the metric is left out, the report valid', async () => {
    const r = await processFile(H('text-infinite-money.txt'));
    assertSound(r);
    expect(r.metrics.some((m) => m.value === 12e9)).toBe(true);
    expect(r.metrics.every((m) => Number.isFinite(m.value))).toBe(true);
  });

  it('control characters and a line separator in a text: replaced, spans exact', async () => {
    const raw = readFileSync(H('text-control-chars.txt'), 'utf8');
    expect(RAW_CONTROL.test(raw)).toBe(true);
    const r = await processFile(H('text-control-chars.txt'), { includeText: true });
    assertSound(r);
    expect(RAW_CONTROL.test(r.text!)).toBe(false);
    for (const m of r.metrics) expect(r.text!.slice(m.span.start, m.span.end)).toBe(m.text);
    expect(r.metrics.some((m) => m.value === 12)).toBe(true);
  });

  it('a .doc whose text holds lone UTF-16 surrogates: U+FFFD in their place, the rest intact', async () => {
    const r = await processFile(H('doc-lone-surrogate.doc'), { includeText: true });
    assertSound(r);
    expect(LONE_SURROGATE.test(r.text!)).toBe(false);
    expect(r.text).toContain('\ufffd');
    expect(r.references.length).toBeGreaterThan(3);
  });
});

describe('CSV cells neutralised for spreadsheets', () => {
  it('text columns get a quote before = + - @ (quoted or not, across chunks and line breaks); numbers stay', async () => {
    const { neutraliseCsv } = await import('../src/export/csv-safe.js');
    const dir = mkdtempSync(join(tmpdir(), 'rm-csv-'));
    try {
      const rows = ['id,value,text', 'a,-5,=SUM(A1)', 'b,3,"@x, ""quoted"" ', '-more"', 'c,-1.5,"+1 line', '=not a cell start"', 'd,0,-2 hồ sơ', 'e,1,plain'];
      const big = Array.from({ length: 20_000 }, (_, i) => `r${i},-${i},=${i}`);
      writeFileSync(join(dir, 'in.csv'), [...rows, ...big].join('\n') + '\n');
      await neutraliseCsv(join(dir, 'in.csv'), join(dir, 'out.csv'), new Set([0, 2]));
      const out = readFileSync(join(dir, 'out.csv'), 'utf8').split('\n');
      expect(out.slice(0, 8)).toEqual(['id,value,text', "a,-5,'=SUM(A1)", `b,3,"'@x, ""quoted"" `, '-more"', `c,-1.5,"'+1 line`, '=not a cell start"', "d,0,'-2 hồ sơ", 'e,1,plain']);
      expect(out[8 + 19_999]).toBe("r19999,-19999,'=19999");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the CLI', () => {
  it('extract prints a ZIP entry name with terminal escape sequences escaped', async () => {
    const r = await runCli(['extract', H('zip-escape-name.docx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('word/\\x1b]0;pwned\\x07\\x1b[2J.xml declares XML entities');
  });

  it('extract runs under the batch workers’ time and memory limits', async () => {
    const t = await runCli(['extract', H('text-15000-references.txt'), '--timeout', '200']);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/text-15000-references\.txt: processing took longer than the 200 ms time limit/);
    const m = await runCli(['extract', H('text-15000-references.txt'), '--max-memory', '16']);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/processing needed more than the 16 MB memory limit/);
    const ok = await runCli(['extract', H('docx-roman-start.docx'), '--compact']);
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as Report).source.path).toBe(H('docx-roman-start.docx'));
  });
});

describe('a batch over hostile files', () => {
  let tmp: string;
  const ESC_NAME = 'esc-\u001b]0;title\u0007-\u001b[2J.docx';
  const FORMULA_NAME = "=HYPERLINK('x')+1.txt";
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'rm-hostile-'));
    mkdirSync(join(tmp, 'in'));
    for (const f of readdirSync(fromRoot('fixtures', 'hostile'))) {
      if (f === 'text-15000-references.txt' || f === 'pdf-huge-stream.pdf' || f === 'text-260000-sections.txt') continue; // covered above; slow
      copyFileSync(H(f), join(tmp, 'in', f));
    }
    copyFileSync(H('zip-escape-name.docx'), join(tmp, 'in', ESC_NAME));
    // at the top of the batch's inputs, so that its recorded path starts with `=`
    writeFileSync(join(tmp, FORMULA_NAME), '@SUM(1+1) Báo cáo năm 2023: -5 hồ sơ, =12 hồ sơ, +3 hồ sơ đúng hạn.\n');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('records every input, builds the warehouse and the exports; the summary and CSV are neutralised', async () => {
    const pipeline = writePipeline(join(tmp, 'p.yaml'), { exports: ['ndjson', 'duckdb', 'parquet', 'csv'], limits: { timeoutMs: 60_000, maxMemoryMb: 1024 } });
    const r = await runCli(['batch', 'in', FORMULA_NAME, '--out', 'out', '--jobs', '2', '--pipeline', pipeline, '--progress', 'none'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('esc-\\x1b]0;title\\x07-\\x1b[2J.docx');
    const lines = readManifestLines(join(tmp, 'out'));
    const inputs = readdirSync(join(tmp, 'in'));
    const base = (p: string) => p.replace(/^(\.\.\/)?(in\/)?/, '');
    expect(lines.map((l) => base(l.path)).sort()).toEqual([...inputs, FORMULA_NAME].sort());
    const by = new Map(lines.map((l) => [base(l.path), l]));
    for (const f of ['docx-long-tag.docx', 'docx-deep-xml.docx', 'html-huge-span.html', 'pdf-nested-q.pdf']) {
      expect(by.get(f)?.status, f).toBe('failed');
      expect(by.get(f)?.code, f).toBe('limit');
    }
    for (const f of ['docx-roman-start.docx', 'doc-lone-surrogate.doc', 'text-control-chars.txt', 'text-spacing-metric.txt', FORMULA_NAME]) {
      expect(by.get(f)?.status, f).toBe('done');
    }
    // the warehouse holds the report of the .doc with the broken text
    const [n] = await duck<{ n: bigint }>(join(tmp, 'out', 'warehouse.duckdb'), `SELECT count(*) AS n FROM reports`);
    expect(Number(n!.n)).toBe([...by.values()].filter((l) => l.status === 'done').length);
    // CSV: no text cell starts with a formula character
    for (const t of ['reports', 'metrics', 'doc_references']) {
      const rows = await duck<Record<string, unknown>>(
        join(tmp, 'out', 'warehouse.duckdb'),
        `SELECT * FROM read_csv('${join(tmp, 'out', 'export', 'csv', `${t}.csv`)}', header = true, all_varchar = true)`,
      );
      for (const row of rows) for (const v of Object.values(row)) if (typeof v === 'string') expect(v, t).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(readdirSync(join(tmp, 'out', 'export', 'parquet'))).toContain('sections.parquet');
  });
});
