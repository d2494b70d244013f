/**
 * Ingest: bytes of any supported format → Document (normalized text + structure + provenance).
 * Format is detected by content (magic bytes) first, extension second:
 * `%PDF-` → PDF, ZIP with word/document.xml → DOCX, OLE2 compound file → legacy .doc, otherwise text
 * (HTML by markup or extension, Markdown by extension, else plain text in any supported encoding).
 * Every failure is an InputError naming the file and the reason; each file has a time limit.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Document, DocumentSource } from '../model/document.js';
import { LimitExceeded } from '../util/limits.js';
import { sanitizeText } from '../normalize/sanitize.js';
import { sha256Hex } from '../util/hash.js';
import { InputError } from './errors.js';
import { decodeTextBytes, textToDocument } from './text.js';
import type { ZipLimits } from './zip.js';
import { DEFAULT_OCR, type OcrMode, type OcrOptions } from './ocr.js';

export { InputError } from './errors.js';

export interface IngestOptions {
  /** force a text encoding (e.g. tcvn3, vni, windows-1258, utf-16le) */
  encoding?: string;
  /** largest accepted input, bytes */
  maxBytes?: number;
  /** time limit per file, milliseconds (default 60 000) */
  timeoutMs?: number;
  /** DOCX package limits (total unpacked size, compression ratio) */
  zip?: ZipLimits;
  /** OCR of scanned pages and image files: auto (pages without a usable text layer, default), always, never */
  ocr?: OcrMode;
  /** OCR details: languages, resolution, time and memory limits per page (defaults: DEFAULT_OCR) */
  ocrOptions?: Partial<Omit<OcrOptions, 'mode'>>;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;

export type InputFormat = 'pdf' | 'docx' | 'doc' | 'html' | 'markdown' | 'text' | 'png' | 'jpeg' | 'tiff';

export const MEDIA_TYPES: Record<InputFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

const SYNC_READ_MAX = 8 * 1024 * 1024;

export async function readInput(path: string, opts: IngestOptions = {}): Promise<Uint8Array> {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError(path, 'not-found', 'no such file');
  }
  if (st.isDirectory()) throw new InputError(path, 'directory', 'is a directory, not a file');
  if (!st.isFile()) throw new InputError(path, 'not-file', 'not a regular file');
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (st.size > max) throw new InputError(path, 'too-large', `file is ${st.size} bytes, over the ${max}-byte limit`);
  if (st.size === 0) throw new InputError(path, 'empty', 'file is empty (0 bytes)');
  // small files: one synchronous read (the worker thread has nothing else to do meanwhile) instead of four
  // round trips through libuv's thread pool, which cost more CPU than the read itself
  return new Uint8Array(st.size <= SYNC_READ_MAX ? readFileSync(path) : await readFile(path));
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > n * 0.02;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF_MAGIC = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];

function findPdfMagic(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= n; i++) if (startsWith(bytes, PDF_MAGIC, i)) return true;
  return false;
}

/** The format by content; the extension only separates HTML/Markdown/text and names the mismatch in errors. */
export function detectFormat(path: string, bytes: Uint8Array): InputFormat {
  const ext = extname(path).toLowerCase();
  if (findPdfMagic(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) return 'docx';
  if (startsWith(bytes, OLE_MAGIC)) return 'doc';
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, JPEG_MAGIC)) return 'jpeg';
  if (startsWith(bytes, TIFF_LE) || startsWith(bytes, TIFF_BE)) return 'tiff';
  if (startsWith(bytes, RTF_MAGIC)) throw new InputError(path, 'unsupported', 'RTF documents are not supported (save as DOCX)');
  const named = { '.pdf': 'PDF (no %PDF- header)', '.docx': 'DOCX (not a ZIP package)', '.doc': 'Word .doc (not an OLE2 file)' }[ext];
  if (looksBinary(bytes)) {
    throw new InputError(path, 'binary', named ? `not a valid ${named}: binary content of an unknown format` : 'binary content of an unsupported format');
  }
  if (named) throw new InputError(path, 'unsupported', `named ${ext} but holds text, not a ${named.split(' ')[0]}`);
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return 'text';
}

export function ocrOptionsOf(opts: IngestOptions): OcrOptions {
  return { ...DEFAULT_OCR, ...opts.ocrOptions, mode: opts.ocr ?? DEFAULT_OCR.mode };
}

async function ingestByFormat(path: string, bytes: Uint8Array, format: InputFormat, opts: IngestOptions, budget: { deadline: number }): Promise<Document> {
  const source: DocumentSource = { path, sha256: sha256Hex(bytes), mediaType: MEDIA_TYPES[format], bytes: bytes.length };
  const deadline = budget.deadline;
  switch (format) {
    case 'pdf':
      (await import('./pdf-limits.js')).checkPdfLimits(bytes);
      return (await import('./pdf.js')).ingestPdf(path, bytes, source, deadline, ocrOptionsOf(opts), budget);
    case 'png':
    case 'jpeg':
    case 'tiff':
      return (await import('./image.js')).ingestImage(path, bytes, source, ocrOptionsOf(opts), budget);
    case 'docx':
      return (await import('./docx.js')).ingestDocx(path, bytes, source, opts.zip);
    case 'doc':
      return (await import('./doc.js')).ingestDoc(path, bytes, source);
    case 'html':
    case 'markdown': {
      const { text, encoding } = decodeTextBytes(path, bytes, opts.encoding);
      source.encoding = encoding;
      const mod = await import('./markup.js');
      const doc = format === 'html' ? mod.ingestHtml(text, source) : mod.ingestMarkdown(text, source);
      if (doc.text.trim() === '') throw new InputError(path, 'empty', 'file holds no text');
      return doc;
    }
    case 'text': {
      const { text, encoding } = decodeTextBytes(path, bytes, opts.encoding);
      if (text.trim() === '') throw new InputError(path, 'empty', 'file holds no text');
      source.encoding = encoding;
      return textToDocument(text, source);
    }
  }
}

export async function ingestBytes(path: string, bytes: Uint8Array, opts: IngestOptions = {}): Promise<Document> {
  if (bytes.length === 0) throw new InputError(path, 'empty', 'file is empty (0 bytes)');
  const format = detectFormat(path, bytes);
  const ms = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // the file's deadline; OCR moves it on by each OCR page's own time limit
  const budget = { deadline: Date.now() + ms };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const arm = () => {
      timer = setTimeout(() => (Date.now() < budget.deadline - 5 ? arm() : reject(new InputError(path, 'timeout', `ingest took longer than ${ms} ms (time limit per file)`))), Math.max(1, budget.deadline - Date.now()));
      timer.unref?.();
    };
    arm();
  });
  try {
    const doc = await Promise.race([ingestByFormat(path, bytes, format, opts, budget), timeout]);
    // no lone surrogate or control character reaches a report, a table or the warehouse (same length: spans hold)
    doc.text = sanitizeText(doc.text);
    for (const m of doc.messages) m.message = sanitizeText(m.message);
    return doc;
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof LimitExceeded) throw new InputError(path, 'limit', e.message);
    if (e instanceof RangeError) throw new InputError(path, 'limit', `cannot read ${format}: ${e.message.split('\n')[0]} (the structure is too large or too deep)`);
    throw new InputError(path, 'unsupported', `cannot read ${format}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

export async function ingestFile(path: string, opts: IngestOptions = {}): Promise<Document> {
  const bytes = await readInput(path, opts);
  return ingestBytes(path, bytes, opts);
}
