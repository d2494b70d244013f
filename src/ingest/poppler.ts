/**
 * poppler (Debian `poppler-utils`) as a second PDF text decoder and as the page rasterizer for OCR:
 * - `pdftotext -bbox-layout` → the words of each page with their boxes (top-left origin, points);
 * - `pdftoppm -r DPI -gray -png` → one page image;
 * - `pdfimages -list` / `pdfimages -j` → a scanned page's embedded JPEG as it is (no second rasterization).
 * Both read the PDF from stdin; nothing is written next to the input. When the tool is missing the caller
 * gets `undefined` (and says so in a message), never a crash.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isViSyllable } from './vi-syllable.js';

export interface PopplerWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PopplerPage {
  width: number;
  height: number;
  words: PopplerWord[];
}

export interface RunResult {
  stdout: Uint8Array;
  ms: number;
}

/** Run a command with `input` on stdin; resolves with stdout, or undefined when the command is not installed. */
export function run(cmd: string, args: string[], input: Uint8Array, timeoutMs: number, maxBuffer = 256 * 1024 * 1024, env?: Record<string, string | undefined>): Promise<RunResult | undefined> {
  const t0 = Date.now();
  return new Promise((resolveRun, reject) => {
    const opts = { encoding: 'buffer' as const, timeout: Math.max(1, timeoutMs), maxBuffer, killSignal: 'SIGKILL' as const, ...(env ? { env } : {}) };
    const child = execFile(cmd, args, opts, (err, stdout) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return resolveRun(undefined);
        const killed = (err as { killed?: boolean }).killed;
        return reject(new Error(killed ? `${cmd} over its time limit (${timeoutMs} ms)` : `${cmd} failed: ${String(err.message).split('\n')[0]}`));
      }
      resolveRun({ stdout, ms: Date.now() - t0 });
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  });
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
    }
    return ENTITY[e.toLowerCase()] ?? m;
  });

/** Parse `pdftotext -bbox-layout` XHTML (one pass, no backtracking: each tag is matched by a fixed shape). */
export function parseBboxLayout(xml: string): PopplerPage[] {
  const pages: PopplerPage[] = [];
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  let m: RegExpExecArray | null;
  let cur: PopplerPage | undefined;
  while ((m = re.exec(xml))) {
    if (m[1] !== undefined) {
      cur = { width: Number(m[1]), height: Number(m[2]), words: [] };
      pages.push(cur);
    } else if (cur) {
      const text = unescape(m[7]!);
      if (text.trim() !== '') cur.words.push({ text, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
    }
  }
  return pages;
}

/** Words of pages `first..last` (1-based) by poppler; undefined when pdftotext is not installed. */
export async function popplerWords(bytes: Uint8Array, first: number, last: number, timeoutMs: number): Promise<PopplerPage[] | undefined> {
  const r = await run('pdftotext', ['-q', '-enc', 'UTF-8', '-bbox-layout', '-f', String(first), '-l', String(last), '-', '-'], bytes, timeoutMs);
  return r && parseBboxLayout(new TextDecoder().decode(r.stdout));
}

/** One page rasterized to a grayscale PNG (or PGM); undefined when pdftoppm is not installed. */
export async function rasterizePage(bytes: Uint8Array, page: number, dpi: number, timeoutMs: number, format: 'png' | 'pgm' = 'png'): Promise<Uint8Array | undefined> {
  const r = await run('pdftoppm', ['-q', '-r', String(dpi), '-gray', ...(format === 'png' ? ['-png'] : []), '-f', String(page), '-l', String(page), '-singlefile', '-'], bytes, timeoutMs);
  return r?.stdout;
}

export interface ListedImage {
  page: number;
  /** image, smask, stencil, mask */
  type: string;
  width: number;
  height: number;
  /** gray, rgb, cmyk, index, … */
  color: string;
  bpc: number;
  /** jpeg, image, jbig2, ccitt, jpx, … */
  enc: string;
}

/** Parse `pdfimages -list` (a header, a rule, then one row per image). */
export function parseImageList(out: string): ListedImage[] {
  const rows: ListedImage[] = [];
  for (const line of out.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 9 || !/^\d+$/.test(f[0]!) || !/^\d+$/.test(f[3]!)) continue;
    rows.push({ page: Number(f[0]), type: f[2]!, width: Number(f[3]), height: Number(f[4]), color: f[5]!, bpc: Number(f[7]), enc: f[8]! });
  }
  return rows;
}

/**
 * A page's embedded image as it is stored, when that is a baseline JPEG of gray or RGB pixels (what tesseract
 * reads as it is) of `width` × `height` pixels and the page's only image: `pdfimages -j` writes the JPEG
 * stream unchanged. Undefined otherwise (CMYK, JPEG 2000, JBIG2, CCITT, a soft mask…; the caller rasterizes),
 * or when pdfimages is not installed.
 */
export async function extractPageJpeg(bytes: Uint8Array, page: number, width: number, height: number, timeoutMs: number): Promise<Uint8Array | undefined> {
  const range = ['-f', String(page), '-l', String(page)];
  const list = await run('pdfimages', ['-q', '-list', ...range, '-'], bytes, timeoutMs);
  if (!list) return undefined;
  const rows = parseImageList(new TextDecoder().decode(list.stdout));
  const img = rows[0];
  if (rows.length !== 1 || !img || img.type !== 'image' || img.enc !== 'jpeg' || img.bpc !== 8) return undefined;
  if (img.color !== 'gray' && img.color !== 'rgb') return undefined;
  if (img.width !== width || img.height !== height) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'rm-pdfimages-'));
  try {
    const r = await run('pdfimages', ['-q', '-j', ...range, '-', join(dir, 'p')], bytes, timeoutMs);
    if (!r) return undefined;
    const files = readdirSync(dir);
    if (files.length !== 1 || !files[0]!.endsWith('.jpg')) return undefined;
    return readFileSync(join(dir, files[0]!));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A text item in pdf.js's shape (baseline origin at the bottom left), built from poppler's words. */
export interface WordItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
  /** a space stands before this item, whatever the gap (poppler split the words) */
  spaced?: boolean;
}

const TAIL = /\p{L}+$/u;
const HEAD = /^\p{L}+/u;
/**
 * Two words poppler split with no gap between them (a run in a fallback font: `đ` `ạ` `o,`; or a lost space
 * glyph: `Về` `công`) are one word unless letters meet and together are no syllable.
 */
function continuesWord(a: string, b: string): boolean {
  const tail = TAIL.exec(a)?.[0];
  const head = HEAD.exec(b)?.[0];
  if (!tail || !head) return true;
  return isViSyllable(tail + head) || !(isViSyllable(tail) && isViSyllable(head));
}

const LETTERS_ONLY = /^\p{L}+$/u;
/** The last index m ≥ j such that `a`'s last letters + pieces j..m make one syllable, or -1. */
function completesSyllable(a: string, line: PopplerWord[], j: number, touches: (a: PopplerWord, b: PopplerWord) => boolean): number {
  const tail = TAIL.exec(a)?.[0];
  if (!tail) return -1;
  let letters = tail;
  let best = -1;
  for (let k = j; k < line.length && k < j + 4; k++) {
    if (k > j && !touches(line[k - 1]!, line[k]!)) break;
    const piece = line[k]!.text;
    const head = HEAD.exec(piece)?.[0];
    if (!head) break;
    if (isViSyllable(letters + head) && (letters + head).length > tail.length) best = k;
    if (!LETTERS_ONLY.test(piece)) break;
    letters += piece;
  }
  return best;
}

/**
 * poppler's words as text items, line by line (words sharing a baseline, left to right). A word that starts
 * well inside the previous one's box continues it (a glyph drawn, the pen moved back, the rest drawn:
 * `điề` + `u`); other words are apart.
 */
export function wordsToItems(page: PopplerPage): WordItem[] {
  const words = page.words.slice().sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const lines: PopplerWord[][] = [];
  for (const w of words) {
    const h = w.yMax - w.yMin;
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (ref && Math.abs(ref.yMax - w.yMax) <= Math.max(h, ref.yMax - ref.yMin) * 0.35) line!.push(w);
    else lines.push([w]);
  }
  const out: WordItem[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.xMin - b.xMin);
    let cur: (PopplerWord & { spaced: boolean }) | undefined;
    const emit = (eol: boolean) => {
      if (!cur) return;
      const h = cur.yMax - cur.yMin;
      const size = h * 0.8;
      const item: WordItem = { str: cur.text, transform: [size, 0, 0, size, cur.xMin, page.height - cur.yMax + h * 0.2], width: cur.xMax - cur.xMin, height: size, hasEOL: eol };
      if (cur.spaced) item.spaced = true;
      out.push(item);
    };
    const touches = (a: PopplerWord, b: PopplerWord) => b.xMin - a.xMax < (a.yMax - a.yMin) * 0.8 * 0.12;
    const join = (w: PopplerWord) => {
      cur = { ...cur!, text: cur!.text + w.text, xMax: Math.max(cur!.xMax, w.xMax), yMin: Math.min(cur!.yMin, w.yMin) };
    };
    for (let j = 0; j < line.length; j++) {
      const w = line[j]!;
      if (!cur) {
        cur = { ...w, spaced: false };
        continue;
      }
      const charW = (cur.xMax - cur.xMin) / Math.max(1, [...cur.text].length);
      if (w.xMin < cur.xMax - charW * 0.3) {
        join(w);
        continue;
      }
      if (touches(cur, w)) {
        // the longest run of touching pieces that completes the current syllable (`tri` `ệ` `u` → `triệu`)
        const m = completesSyllable(cur.text, line, j, touches);
        if (m >= j) {
          for (let k = j; k <= m; k++) join(line[k]!);
          j = m;
          continue;
        }
        if (continuesWord(cur.text, w.text)) {
          join(w);
          continue;
        }
      }
      emit(false);
      cur = { ...w, spaced: true };
    }
    emit(true);
  }
  return out;
}
