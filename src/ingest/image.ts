/**
 * Image files of scanned pages (PNG, JPEG, TIFF; a multi-page TIFF is several pages) → Document by OCR
 * (./ocr), each page through the PDF line builder so paragraphs, tables and footnotes come out as from a PDF.
 * `--ocr never` or no tesseract: a clear `scanned` error, never an empty success.
 */
import type { Document, DocumentSource } from '../model/document.js';
import { InputError } from './errors.js';
import { ocrImage, type OcrOptions } from './ocr.js';

export async function ingestImage(path: string, bytes: Uint8Array, source: DocumentSource, ocr: OcrOptions, budget: { deadline: number }): Promise<Document> {
  if (ocr.mode === 'never') throw new InputError(path, 'scanned', 'scanned page image: OCR is off (--ocr never)');
  // one time limit per page; a multi-page TIFF is recognized in one run, so it gets a limit per page up to 50
  const pagesGuess = source.mediaType === 'image/tiff' ? Math.min(50, countTiffPages(bytes)) : 1;
  const limit = ocr.pageTimeoutMs * pagesGuess;
  budget.deadline = Math.max(budget.deadline, Date.now() + limit + 1000);
  let pages;
  try {
    // image resolution unknown here: coordinates in 300-dpi points (the layout rules are relative to type size)
    pages = await ocrImage(bytes, 300, ocr, limit);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new InputError(path, /time limit/.test(msg) ? 'timeout' : 'truncated', `damaged image or OCR failure (${msg})`);
  }
  if (!pages) throw new InputError(path, 'scanned', 'scanned page image: tesseract (tesseract-ocr, tesseract-ocr-vie) is not installed');
  const { buildPdfLikeDocument } = await import('./pdf.js');
  return buildPdfLikeDocument(path, source, pages);
}

/** Number of images (IFDs) in a TIFF, for the time limit (bounded walk). */
function countTiffPages(b: Uint8Array): number {
  const le = b[0] === 0x49;
  const u16 = (o: number) => (le ? b[o]! | (b[o + 1]! << 8) : (b[o]! << 8) | b[o + 1]!);
  const u32 = (o: number) => (le ? (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 2 ** 24 : b[o]! * 2 ** 24 + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!));
  let off = u32(4);
  let n = 0;
  const seen = new Set<number>();
  while (off > 0 && off + 2 <= b.length && n < 1000 && !seen.has(off)) {
    seen.add(off);
    n++;
    const entries = u16(off);
    const next = off + 2 + entries * 12;
    if (next + 4 > b.length) break;
    off = u32(next);
  }
  return Math.max(1, n);
}
