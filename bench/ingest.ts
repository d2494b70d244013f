/**
 * Ingest benchmark (`npm run bench:ingest`): PDF ingest time next to poppler's `pdftotext -layout` on the same
 * files in the same run (ratio; goal ≤ 2×), DOCX time per MB, throughput and peak RSS.
 * Files: the text-layer PDFs of the repository (../shared/real-pdf/*.pdf when present, fixtures/pdf, the four
 * font renderings in fixtures/pdf-fonts, fixtures/tables) and, so that the measure is over 200+ distinct PDFs,
 * every page of the multi-page ones as a PDF of its own (`pdfseparate`, poppler-utils, into a temp folder:
 * one-page reports are common, and a file's fixed costs weigh most there); fixtures/docx/*.docx.
 * Each file is ingested once to warm up, then timed over REPEAT runs (the median is reported), interleaved
 * with pdftotext on the same file. Then OCR pages/s on the committed scans (fixtures/ocr, tesseract), CPU time
 * of this process and its children (tesseract, poppler): the machine's load does not count.
 * `VERBOSE=1` prints a line per file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../src/eval/harness.js';
import { ingestBytes } from '../src/ingest/index.js';

const REPEAT = Number(process.env.REPEAT ?? 5);
const root = packageRoot();
const list = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIngest(path: string, ocr: 'never' | 'auto' = 'auto'): Promise<{ ms: number; pages: number; chars: number }> {
  const bytes = new Uint8Array(readFileSync(path));
  const doc = await ingestBytes(path, bytes, { ocr }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await ingestBytes(path, bytes, { ocr });
    times.push(performance.now() - t0);
  }
  return { ms: median(times), pages: doc.source.pages ?? 0, chars: doc.text.length };
}

function timePdftotext(path: string): number | undefined {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) return undefined;
    times.push(performance.now() - t0);
  }
  return median(times);
}

const fx = join(root, 'fixtures');
const fontDirs = existsSync(join(fx, 'pdf-fonts')) ? readdirSync(join(fx, 'pdf-fonts')).sort().map((d) => join(fx, 'pdf-fonts', d)) : [];
const whole = [...list(join(root, '..', 'shared', 'real-pdf'), '.pdf'), ...list(join(fx, 'pdf'), '.pdf'), ...fontDirs.flatMap((d) => list(d, '.pdf')), ...list(join(fx, 'tables'), '.pdf')];
const pageCount = (f: string) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [f], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 0);
const split = mkdtempSync(join(tmpdir(), 'rm-bench-pages-'));
const separated: string[] = [];
for (const f of whole) {
  const n = pageCount(f);
  if (n < 2) continue;
  const stem = f.split('/').slice(-2).join('-').replace(/\.pdf$/, '');
  if (spawnSync('pdfseparate', [f, join(split, `${stem}-p%d.pdf`)]).status !== 0) continue;
  for (let i = 1; i <= n; i++) separated.push(join(split, `${stem}-p${i}.pdf`));
}
// distinct bytes only
const seen = new Set<string>();
const distinct = (fs: string[]) =>
  fs.filter((f) => {
    if (!existsSync(f)) return false;
    const h = createHash('sha256').update(readFileSync(f)).digest('hex');
    if (seen.has(h)) return false;
    seen.add(h);
    return true;
  });
const sets = [
  { name: 'whole documents', files: distinct(whole) },
  { name: 'pages of them as PDFs of their own (pdfseparate)', files: distinct(separated) },
];
const verbose = process.env.VERBOSE === '1';
console.log(`PDF ingest vs pdftotext -layout (median of ${REPEAT} runs each, interleaved per file; pdftotext time includes its process start)`);
if (verbose) console.log('file'.padEnd(48) + 'pages'.padStart(6) + 'ingest ms'.padStart(11) + 'pdftotext ms'.padStart(14) + 'ratio'.padStart(8));
const all = { files: 0, pages: 0, ours: 0, poppler: 0, bytes: 0 };
for (const set of sets) {
  const t = { files: 0, pages: 0, ours: 0, poppler: 0, bytes: 0 };
  const ratios: number[] = [];
  let failed = 0;
  for (const f of set.files) {
    // the text layer only (a page of a PDF on its own may be blank or an image: not OCR'd here, left out)
    const r = await timeIngest(f, 'never').catch(() => undefined);
    if (!r) {
      failed++;
      continue;
    }
    const p = timePdftotext(f);
    if (p === undefined) continue;
    t.files++;
    t.ours += r.ms;
    t.poppler += p;
    t.pages += r.pages;
    t.bytes += statSync(f).size;
    ratios.push(r.ms / p);
    if (verbose) console.log(basename(f).slice(-47).padEnd(48) + String(r.pages).padStart(6) + r.ms.toFixed(1).padStart(11) + p.toFixed(1).padStart(14) + (r.ms / p).toFixed(2).padStart(7) + '×');
  }
  for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += t[k];
  if (t.files) {
    console.log(
      `${set.name}: ${t.files} PDFs${failed ? ` (${failed} without text left out)` : ''}, ${t.pages} pages: ingest ${(t.ours / t.pages).toFixed(1)} ms/page vs pdftotext ${(t.poppler / t.pages).toFixed(1)} ms/page → ratio ${(t.ours / t.poppler).toFixed(2)}× (per-file median ${median(ratios).toFixed(2)}×, worst ${Math.max(...ratios).toFixed(2)}×); ${(t.pages / (t.ours / 1000)).toFixed(0)} pages/s, ${(t.bytes / 1048576 / (t.ours / 1000)).toFixed(2)} MB/s`,
    );
  }
}
rmSync(split, { recursive: true, force: true });
if (all.files) {
  console.log(`PDF total: ${all.files} distinct PDFs, ${all.pages} pages, ingest ${all.ours.toFixed(0)} ms vs pdftotext ${all.poppler.toFixed(0)} ms → ratio ${(all.ours / all.poppler).toFixed(2)}× per page (goal ≤ 2×); ${(all.pages / (all.ours / 1000)).toFixed(0)} pages/s`);
}

const docxs = list(join(root, 'fixtures', 'docx'), '.docx');
let docxMs = 0;
let docxBytes = 0;
for (const f of docxs) {
  const r = await timeIngest(f);
  docxMs += r.ms;
  docxBytes += statSync(f).size;
}
if (docxs.length) {
  console.log(`DOCX: ${docxs.length} files, ${(docxBytes / 1024).toFixed(0)} KB, ${docxMs.toFixed(0)} ms → ${(docxMs / (docxBytes / 1048576)).toFixed(0)} ms per MB, ${(docxMs / docxs.length).toFixed(1)} ms per file`);
}
// OCR: the committed scans, every page by tesseract (no output cache), CPU seconds of this process and its children
const scans = list(join(fx, 'ocr'), '.pdf');
if (scans.length && spawnSync('tesseract', ['--version']).status === 0) {
  const cache = process.env['RM_OCR_CACHE'];
  delete process.env['RM_OCR_CACHE'];
  const cpu = () => {
    const self = process.resourceUsage();
    const kids = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // utime + stime of waited-for children (fields 16 and 17 of /proc/self/stat, in clock ticks of 1/100 s)
    return (self.userCPUTime + self.systemCPUTime) / 1e6 + (Number(kids[13]) + Number(kids[14])) / 100;
  };
  let ocrPages = 0;
  const c0 = cpu();
  const t0 = performance.now();
  for (const f of scans) ocrPages += new Set((await ingestBytes(f, new Uint8Array(readFileSync(f)))).pages?.filter((p) => p.decoding?.decoder === 'ocr').map((p) => p.number)).size;
  const secs = cpu() - c0;
  const wall = (performance.now() - t0) / 1000;
  if (cache !== undefined) process.env['RM_OCR_CACHE'] = cache;
  console.log(`OCR: ${scans.length} scans (fixtures/ocr), ${ocrPages} pages: ${(ocrPages / secs).toFixed(3)} pages per CPU second (${(secs / ocrPages).toFixed(1)} CPU s/page; wall ${(wall / ocrPages).toFixed(1)} s/page on this machine's load)`);
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
