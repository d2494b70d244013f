/**
 * OCR of scanned pages (tesseract + tesseract-ocr-vie, pdftoppm; .ci/run installs them): a text fixture's
 * PDF is turned into a scan by scripts/make-scans.mjs (rasterized at 200–300 dpi, pages askew, noise, JPEG) in a
 * temp dir, then read back through the real pipeline. Skipped, saying so, when tesseract is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/eval/harness.js';
import { ingestFile, InputError } from '../src/ingest/index.js';
import { parseTsv } from '../src/ingest/ocr.js';
import { processFile } from '../src/pipeline/process-file.js';
import { compareReadings, scoreComparison } from '../src/eval/ocr-compare.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { assertValid } from '../src/validate/validate.js';
import { formatSummary, type BatchSummary } from '../src/batch/run.js';
import { runCli } from './batch-helpers.js';
import type { Report } from '../src/model/report.js';

const ROOT = packageRoot();
const haveTesseract = spawnSync('tesseract', ['--list-langs']).stdout?.toString().split('\n').includes('vie') ?? false;
if (!haveTesseract) console.warn('ocr.test: tesseract with the vie language is not installed: OCR tests skipped');

describe('tesseract TSV', () => {
  it('groups words by tesseract line and converts pixels to points with the confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t3000\t4000\t-1\t',
      '5\t1\t1\t1\t1\t1\t300\t300\t100\t50\t90\tKế',
      '5\t1\t1\t1\t1\t2\t420\t302\t150\t50\t80\thoạch',
      '5\t1\t1\t1\t2\t1\t300\t400\t100\t50\t70\t12',
    ].join('\n');
    const [page] = parseTsv(tsv, 72 / 300);
    expect(page!.width).toBeCloseTo(720);
    expect(page!.items.map((i) => [i.str, i.hasEOL, i.spaced === true])).toEqual([['Kế', false, false], ['hoạch', true, true], ['12', true, false]]);
    expect(page!.items[0]!.transform[5]).toBe(page!.items[1]!.transform[5]);
    expect(page!.confidence).toBeCloseTo(0.8);
  });
});

describe.runIf(haveTesseract)('scanned PDF and page images', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-ocr-'));
    execFileSync('node', [join(ROOT, 'scripts', 'make-scans.mjs'), '--in', join(ROOT, 'fixtures', 'pdf-fonts', 'liberation-serif'), '--out', dir, '--only', 'bc-cchc-2019-ubnd-xa-an-thanh', '--seed', '3'], { stdio: 'ignore' });
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('reads a scan with no text layer by OCR: facts carry ocr: true, the confidence and their page', async () => {
    const file = join(dir, 'bc-cchc-2019-ubnd-xa-an-thanh.pdf');
    await expect(ingestFile(file, { ocr: 'never' })).rejects.toThrow(/scanned: no text layer.*OCR is off/);
    const doc = await ingestFile(file);
    const pages = doc.pages!.filter((p) => p.decoding);
    expect(pages.length).toBe(doc.source.pages);
    for (const p of pages) expect(p.decoding!.decoder).toBe('ocr');
    const report = extractReport(doc);
    expect(() => assertValid('report', report)).not.toThrow();
    // the same text's facts (the gold) are mostly found again
    const gold = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'gold', 'bc-cchc-2019-ubnd-xa-an-thanh.gold.json'), 'utf8')) as { metrics: { text: string }[] };
    const found = gold.metrics.filter((g) => report.metrics.some((m) => m.text === g.text)).length;
    expect(found / gold.metrics.length).toBeGreaterThan(0.8);
    expect(report.metrics.length).toBeGreaterThan(0);
    for (const m of report.metrics) {
      expect(m.ocr).toBe(true);
      expect(m.confidence).toBeGreaterThan(0.5);
      expect(m.page).toBeGreaterThanOrEqual(1);
    }
    expect(report.source.pageDecoding!.every((p) => p.decoder === 'ocr' && (p.ms ?? 0) > 0)).toBe(true);
    // by default every page is rasterized at 300 dpi (OcrOptions.nativeImages off), whatever its image's resolution
    expect(report.source.pageDecoding!.map((p) => p.dpi)).toEqual(report.source.pageDecoding!.map(() => 300));
  });

  it('reads a PNG page image the same way; a broken image is a clear error', async () => {
    const png = execFileSync('pdftoppm', ['-q', '-r', '200', '-gray', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'bc-cchc-2019-ubnd-xa-an-thanh.pdf')], { maxBuffer: 64 * 1024 * 1024 });
    const file = join(dir, 'page1.png');
    writeFileSync(file, png);
    const doc = await ingestFile(file);
    expect(doc.source.mediaType).toBe('image/png');
    expect(doc.pages![0]!.decoding!.decoder).toBe('ocr');
    expect(doc.text).toMatch(/cải cách hành chính/);
    await expect(ingestFile(file, { ocr: 'never' })).rejects.toBeInstanceOf(InputError);
    const broken = join(dir, 'broken.png');
    writeFileSync(broken, png.subarray(0, 200));
    await expect(ingestFile(broken)).rejects.toThrow(/broken\.png/);
  });
});

describe.runIf(haveTesseract)('a committed scan (fixtures/ocr, scripts/make-scans.mjs --fixtures) against its text layer', () => {
  it('OCR gives the text layer\'s facts: references within 0.05, dates and metrics within 0.08', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'ocr', 'scans.json'), 'utf8')) as { scans: { scan: string; source: string }[] };
    const entry = manifest.scans.find((s) => s.scan === 'bc-kiem-tra-vbqppl-2022-cuc-ktrvb-btp.pdf')!;
    const text = await processFile(join(ROOT, entry.source), { ocr: 'never' });
    const scan = await processFile(join(ROOT, 'fixtures', 'ocr', entry.scan));
    expect(scan.source.pageDecoding!.every((p) => p.decoder === 'ocr')).toBe(true);
    // the text layer against itself scores 1: the bars are 0.95 and 0.92
    const f1 = scoreComparison(compareReadings(text, scan));
    expect(text.references.length).toBeGreaterThan(3);
    expect(f1.references.f1).toBeGreaterThanOrEqual(0.95);
    expect(f1.dates.f1).toBeGreaterThanOrEqual(0.92);
    expect(f1.metrics.f1).toBeGreaterThanOrEqual(0.92);
  });
});

describe.runIf(haveTesseract)('batch: OCR pages counted apart in the progress lines and the summary', () => {
  it('a committed scan (fixtures/ocr) next to a text-layer PDF and a text file: pages and OCR pages in the progress and the --json summary', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'rm-ocr-batch-'));
    try {
      const scan = join(ROOT, 'fixtures', 'ocr', 'bc-quy2-2026-skhcn-dong-thap.pdf');
      const layer = join(ROOT, 'fixtures', 'pdf', 'bc-cchc-2019-ubnd-xa-an-thanh.pdf');
      const txt = join(ROOT, 'fixtures', 'text', 'bc-cchc-2019-ubnd-xa-an-thanh.txt');
      const pagesOf = (f: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f]).toString())![1]);
      const layerPages = pagesOf(layer);
      const r = await runCli(['batch', scan, layer, txt, '--out', join(tmp, 'out'), '--jobs', '1', '--no-link', '--json', '--progress', 'lines'], { cwd: tmp });
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout) as BatchSummary;
      expect(s.done, JSON.stringify(s.failures)).toBe(3);
      // the text file has no pages; the scan's one page is the only OCR page
      expect(s.pages).toBe(1 + layerPages);
      expect(s.ocr.pages).toBe(1);
      expect(s.ocr.files).toBe(1);
      expect(s.ocr.ms).toBeGreaterThan(0);
      expect(s.ocr.pagesPerSec).toBeGreaterThan(0);
      // rasterized at the configured 300 dpi (its image is 150 dpi)
      const reports = readdirSync(join(tmp, 'out', 'reports')).map((f) => JSON.parse(readFileSync(join(tmp, 'out', 'reports', f), 'utf8')) as Report);
      const scanned = reports.filter((x) => x.source.pageDecoding?.some((p) => p.decoder === 'ocr'));
      expect(scanned.map((x) => x.source.pageDecoding!.map((p) => p.dpi))).toEqual([[300]]);
      // the last progress line (printed when processing ends) counts them
      expect(r.stderr).toMatch(new RegExp(`batch: 3/3 \\(done 3, failed 0, skipped 0\\) ${1 + layerPages} pages \\(1 OCR\\), `));
      expect(formatSummary(s)).toMatch(new RegExp(`^  pages ${1 + layerPages} \\(PDF and images\\) · 1 by OCR in 1 file \\(`, 'm'));
      // the text-layer PDF alone: pages, none by OCR
      const t = JSON.parse((await runCli(['batch', layer, '--out', join(tmp, 'out2'), '--jobs', '1', '--no-link', '--json', '--progress', 'none'], { cwd: tmp })).stdout) as BatchSummary;
      expect([t.pages, t.ocr.pages, t.ocr.files]).toEqual([layerPages, 0, 0]);
      expect(formatSummary(t)).toMatch(/· none by OCR$/m);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
