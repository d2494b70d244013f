/**
 * Ingest benchmark (`npm run bench:ingest`): PDF ingest time next to poppler's `pdftotext -layout` on the same
 * files in the same run (ratio; goal ≤ 2×), DOCX time per MB, throughput and peak RSS.
 * Files: ../shared/real-pdf/*.pdf (when present) and fixtures/pdf/*.pdf; fixtures/docx/*.docx.
 * Each file is ingested once to warm up, then timed over REPEAT runs (the median is reported).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../src/eval/harness.js';
import { ingestBytes } from '../src/ingest/index.js';

const REPEAT = Number(process.env.REPEAT ?? 5);
const root = packageRoot();
const list = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIngest(path: string): Promise<{ ms: number; pages: number; chars: number }> {
  const bytes = new Uint8Array(readFileSync(path));
  const doc = await ingestBytes(path, bytes); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await ingestBytes(path, bytes);
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

const pdfs = [...list(join(root, '..', 'shared', 'real-pdf'), '.pdf'), ...list(join(root, 'fixtures', 'pdf'), '.pdf')];
let ours = 0;
let poppler = 0;
let pages = 0;
let pdfBytes = 0;
console.log(`PDF ingest vs pdftotext -layout (median of ${REPEAT} runs; pdftotext time includes its process start)`);
console.log('file'.padEnd(48) + 'pages'.padStart(6) + 'ingest ms'.padStart(11) + 'pdftotext ms'.padStart(14) + 'ratio'.padStart(8));
for (const f of pdfs) {
  const r = await timeIngest(f);
  const p = timePdftotext(f);
  ours += r.ms;
  poppler += p ?? 0;
  pages += r.pages;
  pdfBytes += statSync(f).size;
  const name = f.split('/').slice(-2).join('/');
  console.log(name.slice(-47).padEnd(48) + String(r.pages).padStart(6) + r.ms.toFixed(1).padStart(11) + (p === undefined ? 'n/a' : p.toFixed(1)).padStart(14) + (p ? (r.ms / p).toFixed(2) + '×' : '').padStart(8));
}
if (pdfs.length) {
  console.log(`PDF total: ${pdfs.length} files, ${pages} pages, ingest ${ours.toFixed(0)} ms vs pdftotext ${poppler.toFixed(0)} ms → ratio ${(ours / poppler).toFixed(2)}× (goal ≤ 2×); ${(pages / (ours / 1000)).toFixed(0)} pages/s, ${(pdfBytes / 1048576 / (ours / 1000)).toFixed(2)} MB/s`);
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
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
