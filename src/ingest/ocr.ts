/**
 * OCR of page images with tesseract (Debian `tesseract-ocr` + `tesseract-ocr-vie`; no download at run time):
 * `tesseract stdin stdout -l vie tsv` gives words with boxes and confidences, grouped by tesseract's own
 * lines (so a page scanned a degree or two askew still reads line by line). The words become text items in
 * pdf.js's shape (points, origin bottom left) for the same line builder as the PDF text layer.
 * Limits per page: a time limit (the process is killed) and an address-space limit (`prlimit --as`, when
 * util-linux has it); one thread per tesseract (the batch runs files in parallel already).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSpeckLine, mendTermDigits, repairOcrLine, type OcrRepairStats } from './ocr-repair.js';
import { OCR_TERM_DIGIT } from './rules/ocr-repair.js';
import { run } from './poppler.js';
import type { WordItem } from './poppler.js';

export type OcrMode = 'auto' | 'never' | 'always';

export interface OcrOptions {
  /** auto: pages without a usable text layer; always: every page; never: no OCR */
  mode: OcrMode;
  /** tesseract languages (`vie`, `vie+eng`) */
  languages: string;
  /** rasterization resolution for PDF pages */
  dpi: number;
  /** tesseract page segmentation mode (3: automatic; 4: one column of text; 6: one block) */
  psm: number;
  /**
   * a scanned page that is one full-page image is read at the image's own resolution, its JPEG as stored
   * (./pdf-ocr). Off by default: about 40 % less CPU per page, but on the 43-page seed-1 scan set reference F1
   * fell from 0.990 to 0.949 (tesseract dropped a whole paragraph of a 240-dpi RGB page that it reads from the
   * same page rasterized in gray); `eval:ocr --native` measures it
   */
  nativeImages: boolean;
  /** repair OCR text by the rules of ./rules/ocr-repair.ts (off only to measure what they do) */
  repair: boolean;
  /** time limit per page (rasterize + recognize), milliseconds */
  pageTimeoutMs: number;
  /** address-space limit of the tesseract process, MB */
  pageMemoryMb: number;
}

export const DEFAULT_OCR: OcrOptions = { mode: 'auto', languages: 'vie', dpi: 300, psm: 3, nativeImages: false, repair: true, pageTimeoutMs: 120_000, pageMemoryMb: 2048 };

export interface OcrPage {
  /** page size in points (pixels × 72 / dpi) */
  width: number;
  height: number;
  items: WordItem[];
  /** mean word confidence, 0…1 */
  confidence: number;
  words: number;
  ms: number;
}

/**
 * Told when a tesseract run starts (with its time limit) and, by the function it returns, when it ends: the
 * batch worker (src/batch/worker.ts) leaves OCR time out of the file's time limit, as each OCR page has its own.
 */
export type OcrTimeHook = (limitMs: number) => () => void;
let timeHook: OcrTimeHook | undefined;
export function onOcrRun(hook: OcrTimeHook | undefined): void {
  timeHook = hook;
}

let prlimit: boolean | undefined;
async function hasPrlimit(): Promise<boolean> {
  if (prlimit === undefined) prlimit = (await run('prlimit', ['--version'], new Uint8Array(), 5000).catch(() => undefined)) !== undefined;
  return prlimit;
}

/** Parse tesseract's TSV into pages of items; `scale` converts pixels to points. */
export function parseTsv(tsv: string, scale: number, stats?: OcrRepairStats, repair = true): Omit<OcrPage, 'ms'>[] {
  const pages: Omit<OcrPage, 'ms'>[] = [];
  const confs: number[][] = [];
  let lineKey = '';
  let line: { left: number; top: number; width: number; height: number; text: string; conf: number }[] = [];
  const rows = tsv.split('\n').map((row) => row.split('\t'));
  // the median word height of each page (a speck line is measured against it)
  const heights: number[][] = [];
  for (const f of rows) {
    if (f.length < 12 || f[0] === 'level') continue;
    if (f[0] === '1') heights.push([]);
    else if (f[0] === '5' && f.slice(11).join('\t').trim() !== '') heights[heights.length - 1]?.push(Number(f[9]));
  }
  const medians = heights.map((h) => h.sort((a, b) => a - b)[Math.floor(h.length / 2)] ?? 0);
  const flush = () => {
    const page = pages[pages.length - 1];
    if (!page || line.length === 0) return;
    if (repair && isSpeckLine(line, medians[pages.length - 1] ?? 0)) {
      if (stats) stats.dropped++;
      line = [];
      return;
    }
    const bottom = Math.max(...line.map((w) => w.top + w.height));
    const h = Math.max(...line.map((w) => w.height));
    const size = h * scale * 0.8;
    const y = page.height - bottom * scale + h * scale * 0.2;
    // OCR repair (./ocr-repair): specks dropped, symbols, dates and numbers mended, words re-boxed
    const words = repair ? repairOcrLine(line, stats) : line;
    words.forEach((w, i) => {
      const item: WordItem = { str: w.text, transform: [size, 0, 0, size, w.left * scale, y], width: w.width * scale, height: size, hasEOL: i === words.length - 1 };
      if (i > 0) item.spaced = true;
      page.items.push(item);
    });
    line = [];
  };
  for (const f of rows) {
    if (f.length < 12 || f[0] === 'level') continue;
    const level = Number(f[0]);
    if (level === 1) {
      flush();
      pages.push({ width: Number(f[8]) * scale, height: Number(f[9]) * scale, items: [], confidence: 0, words: 0 });
      confs.push([]);
      continue;
    }
    if (level !== 5) continue;
    const text = f.slice(11).join('\t').trim();
    if (text === '') continue;
    const key = `${f[1]}.${f[2]}.${f[3]}.${f[4]}`;
    if (key !== lineKey) {
      flush();
      lineKey = key;
    }
    const conf = Number(f[10]);
    line.push({ left: Number(f[6]), top: Number(f[7]), width: Number(f[8]), height: Number(f[9]), text, conf });
    if (conf >= 0) confs[confs.length - 1]!.push(conf / 100);
  }
  flush();
  if (repair) {
    // the legislature term of a symbol, read against its year or the citation date after it (maybe on the next line)
    for (const p of pages) {
      const strs = p.items.map((it) => it.str);
      const k = mendTermDigits(strs);
      if (k > 0) strs.forEach((s, i) => (p.items[i]!.str = s));
      if (k > 0 && stats) stats.rules[OCR_TERM_DIGIT.id] = (stats.rules[OCR_TERM_DIGIT.id] ?? 0) + k;
    }
  }
  pages.forEach((p, i) => {
    const c = confs[i]!;
    p.words = c.length;
    p.confidence = c.length ? Math.round((c.reduce((a, b) => a + b, 0) / c.length) * 1000) / 1000 : 0;
  });
  return pages;
}

/**
 * OCR an image (PNG, JPEG, TIFF — a multi-page TIFF gives several pages). `dpi` is the image's resolution
 * (for coordinates in points). Undefined when tesseract is not installed; throws on a time or memory limit.
 */
export async function ocrImage(image: Uint8Array, dpi: number, opts: OcrOptions, timeoutMs = opts.pageTimeoutMs): Promise<OcrPage[] | undefined> {
  if (!(await tesseractInstalled())) return undefined;
  const t0 = Date.now();
  const args = ['stdin', 'stdout', '-l', opts.languages, '--psm', String(opts.psm), '--dpi', String(dpi), 'tsv'];
  const tsv = await cached(image, args, async () => {
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const limited = await hasPrlimit();
    const end = timeHook?.(timeoutMs);
    try {
      const r = limited
        ? await run('prlimit', [`--as=${opts.pageMemoryMb * 1024 * 1024}`, '--', 'tesseract', ...args], image, timeoutMs, 64 * 1024 * 1024, env)
        : await run('tesseract', args, image, timeoutMs, 64 * 1024 * 1024, env);
      return r && new TextDecoder().decode(r.stdout);
    } finally {
      end?.();
    }
  });
  if (tsv === undefined) return undefined;
  const pages = parseTsv(tsv, 72 / dpi, undefined, opts.repair);
  const ms = Date.now() - t0;
  return pages.map((p) => ({ ...p, ms: Math.round(ms / Math.max(1, pages.length)) }));
}

/**
 * Measurement aid: with `RM_OCR_CACHE=DIR` tesseract's TSV is kept in DIR, keyed by the image bytes and the
 * arguments, so re-scoring the same scans after a change to the text repair does not OCR them again.
 * Off unless set; the output is what tesseract gave for exactly these bytes and options.
 */
async function cached(image: Uint8Array, args: string[], compute: () => Promise<string | undefined>): Promise<string | undefined> {
  const dir = process.env['RM_OCR_CACHE'];
  if (!dir) return compute();
  const key = createHash('sha256').update(image).update(`\0${args.join('\0')}\0${await tesseractVersion()}`).digest('hex');
  const file = join(dir, `${key}.tsv`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const tsv = await compute();
  if (tsv !== undefined) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.${process.pid}`, tsv);
    renameSync(`${file}.${process.pid}`, file);
  }
  return tsv;
}

let version: string | undefined;
async function tesseractVersion(): Promise<string> {
  if (version === undefined) {
    const r = await run('tesseract', ['--version'], new Uint8Array(), 10_000).catch(() => undefined);
    version = r ? new TextDecoder().decode(r.stdout).split('\n')[0]! : '';
  }
  return version;
}

let installed: boolean | undefined;
export async function tesseractInstalled(): Promise<boolean> {
  if (installed === undefined) installed = (await run('tesseract', ['--version'], new Uint8Array(), 10_000).catch(() => undefined)) !== undefined;
  return installed;
}
