#!/usr/bin/env node
/**
 * `npm run eval:ocr` — OCR against the text layer (./ocr-compare): for every scan listed in a `scans.json`
 * (written by scripts/make-scans.mjs), the facts of the OCR reading against the facts of the text layer of the
 * PDF it was made from, F1 per kind and per file. Default: the committed scans in fixtures/ocr. `--from DIR`
 * makes scans of other PDFs first (in a temp folder, with the generator's options); `--real` is
 * `--from ../shared/real-pdf` (said so, and skipped, when absent). Set RM_OCR_CACHE=DIR to keep tesseract's
 * output between runs (re-scoring after a change to the repair rules does not OCR again).
 *   npm run eval:ocr -- [--scans DIR]... [--from DIR-or-PDF]... [--real] [--dpi 200,300] [--pages N]
 *                       [--noise light|archive] [--seed N] [--lang vie] [--psm 3] [--no-repair] [--native] [--misses] [--json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { runEvalCli } from './cli.js';
import type { Report } from '../model/report.js';
import { processFile } from '../pipeline/process-file.js';
import { packageRoot } from './harness.js';
import { addCounts, FACT_TYPES, prf, type Counts, type FactType } from './match.js';
import { compareReadings, type OcrComparison } from './ocr-compare.js';

interface Manifest {
  scans: { scan: string; source: string; pages: { page: number; dpi: number; rotation: number }[] }[];
}

interface Options {
  scans: string[];
  from: string[];
  real?: boolean;
  dpi?: string;
  pages?: string;
  noise?: string;
  seed?: string;
  lang?: string;
  psm?: string;
  misses?: boolean;
  repair: boolean;
  native?: boolean;
  json?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, v];
const program = new Command();
program
  .exitOverride()
  .name('eval:ocr')
  .description('Facts of OCR readings of scans against the text layer of the PDFs they were made from')
  .option('--scans <dir>', 'a folder with scans.json (repeatable; default fixtures/ocr when no --from/--real)', collect, [])
  .option('--from <path>', 'make scans of these PDFs (a folder or a file; repeatable) and measure them', collect, [])
  .option('--real', 'make scans of ../shared/real-pdf (skipped, saying so, when absent)')
  .option('--dpi <list>', 'generator: resolutions to draw from (comma-separated)')
  .option('--pages <n>', 'generator: at most N pages per PDF')
  .option('--noise <mode>', 'generator: light | archive')
  .option('--seed <n>', 'generator: seed')
  .option('--lang <l>', 'tesseract languages (default: the pipeline\'s)')
  .option('--psm <n>', 'tesseract page segmentation mode (default: the pipeline\'s)')
  .option('--no-repair', 'OCR text as tesseract gives it (to measure the repair rules)')
  .option('--native', 'read a scanned page\'s own image at its own resolution (OcrOptions.nativeImages, off by default) instead of rasterizing it at the pipeline\'s dpi')
  .option('--misses', 'list every fact missed or added by OCR')
  .option('--json', 'machine-readable output')
  .action(async (o: Options) => {
    const root = packageRoot();
    const dirs = o.scans.map((d) => resolve(d));
    const from = [...o.from];
    if (o.real) {
      const real = resolve(root, '..', 'shared', 'real-pdf');
      if (existsSync(real)) from.push(real);
      else process.stderr.write(`eval:ocr: SKIPPED: ../shared/real-pdf is absent (${real})\n`);
    }
    if (from.length > 0) {
      const out = mkdtempSync(join(tmpdir(), 'rm-eval-ocr-'));
      const args = [join(root, 'scripts', 'make-scans.mjs'), '--out', out, ...from.flatMap((f) => ['--in', resolve(f)])];
      for (const [flag, v] of [['--dpi', o.dpi], ['--pages', o.pages], ['--noise', o.noise], ['--seed', o.seed]] as const) if (v !== undefined) args.push(flag, v);
      process.stderr.write(execFileSync('node', args, { encoding: 'utf8' }));
      dirs.push(out);
    }
    if (dirs.length === 0 && !o.real) dirs.push(join(root, 'fixtures', 'ocr'));
    // generous per-page limits: a measurement on a loaded machine must not fail on time
    const ocrOptions: Record<string, unknown> = { pageTimeoutMs: 900_000 };
    if (o.lang !== undefined) ocrOptions['languages'] = o.lang;
    if (o.psm !== undefined) ocrOptions['psm'] = Number(o.psm);
    if (!o.repair) ocrOptions['repair'] = false;
    if (o.native) ocrOptions['nativeImages'] = true;

    const rows: { file: string; pages: number; confidence: number; ms: number; comparison: OcrComparison }[] = [];
    const total: Record<FactType, Counts> = { references: { tp: 0, fp: 0, fn: 0 }, dates: { tp: 0, fp: 0, fn: 0 }, metrics: { tp: 0, fp: 0, fn: 0 } };
    for (const dir of dirs) {
      const manifestPath = join(dir, 'scans.json');
      if (!existsSync(manifestPath)) throw new Error(`${manifestPath}: no scans.json (made by scripts/make-scans.mjs)`);
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      for (const s of manifest.scans) {
        const source = isAbsolute(s.source) ? s.source : join(root, s.source);
        if (!existsSync(source)) {
          process.stderr.write(`eval:ocr: SKIPPED ${s.scan}: its source ${s.source} is absent\n`);
          continue;
        }
        const lastPage = Math.max(...s.pages.map((p) => p.page));
        const text = await processFile(source, { ocr: 'never' });
        const onPages = (r: Report): Report => ({ ...r, references: r.references.filter((f) => (f.page ?? 1) <= lastPage), dates: r.dates.filter((f) => (f.page ?? 1) <= lastPage), metrics: r.metrics.filter((f) => (f.page ?? 1) <= lastPage) });
        const t0 = Date.now();
        let scan: Report;
        try {
          scan = await processFile(join(dir, s.scan), { ocr: 'auto', ocrOptions, timeoutMs: 900_000 });
        } catch (e) {
          // scored as all missed, and said so
          process.stderr.write(`eval:ocr: ${s.scan}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
          scan = { ...text, references: [], dates: [], metrics: [], source: { ...text.source, pageDecoding: [] } };
        }
        const ms = Date.now() - t0;
        const decoded = scan.source.pageDecoding ?? [];
        const confidence = decoded.length ? decoded.reduce((a, p) => a + (p.confidence ?? 0), 0) / decoded.length : 0;
        const comparison = compareReadings(onPages(text), scan);
        for (const k of FACT_TYPES) total[k] = addCounts(total[k], comparison[k]);
        rows.push({ file: relative(process.cwd(), join(dir, s.scan)), pages: s.pages.length, confidence, ms, comparison });
      }
    }
    if (o.json) {
      process.stdout.write(JSON.stringify({ files: rows, overall: Object.fromEntries(FACT_TYPES.map((k) => [k, { ...total[k], ...prf(total[k]) }])) }, null, 2) + '\n');
      return;
    }
    const f1 = (c: Counts) => prf(c).f1.toFixed(3);
    const cell = (c: Counts) => `${f1(c)} (${c.tp}/${c.tp + c.fn}${c.fp ? ` +${c.fp}` : ''})`.padEnd(20);
    const lines = [`OCR vs text layer: F1 (found/text-layer +extra) per file`, `  ${'file'.padEnd(58)}${'pages'.padEnd(6)}${'conf'.padEnd(6)}${'s'.padEnd(6)}${'references'.padEnd(20)}${'dates'.padEnd(20)}metrics`];
    for (const r of rows) {
      lines.push(`  ${r.file.slice(-57).padEnd(58)}${String(r.pages).padEnd(6)}${r.confidence.toFixed(2).padEnd(6)}${(r.ms / 1000).toFixed(0).padEnd(6)}${FACT_TYPES.map((k) => cell(r.comparison[k])).join('')}`);
      if (o.misses) {
        for (const k of FACT_TYPES) {
          for (const m of r.comparison[k].missed) lines.push(`      - ${k} ${JSON.stringify(m.text)} [${m.key}]`);
          for (const m of r.comparison[k].extra) lines.push(`      + ${k} ${JSON.stringify(m.text)} [${m.key}]`);
        }
      }
    }
    const pages = rows.reduce((a, r) => a + r.pages, 0);
    const secs = rows.reduce((a, r) => a + r.ms, 0) / 1000;
    lines.push(`  ${'overall'.padEnd(58)}${String(pages).padEnd(6)}${''.padEnd(6)}${secs.toFixed(0).padEnd(6)}${FACT_TYPES.map((k) => cell(total[k])).join('')}`);
    lines.push(`  ${rows.length} scans, ${pages} pages, ${(pages / Math.max(secs, 1e-9)).toFixed(2)} OCR pages/s (wall, tesseract output cache ${process.env['RM_OCR_CACHE'] ? 'on' : 'off'})`);
    process.stdout.write(lines.join('\n') + '\n');
  });

runEvalCli(program, 'eval:ocr');
