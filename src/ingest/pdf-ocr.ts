/**
 * OCR of PDF pages (./ocr): in `auto` mode the pages with no usable text layer (no text but an image, or
 * text that scores below OCR_BELOW with both decoders), in `always` mode every page. Each page is rasterized
 * by pdftoppm at the configured resolution (lower for a page so large that it would pass MAX_PIXELS),
 * recognized by tesseract, and its words go through the PDF line builder. With `auto`, an OCR page replaces
 * a text-layer page only when its text scores higher. Each OCR page gets its own time limit: the file's
 * deadline (`budget`) is moved on by it.
 * With `nativeImages` (off by default, see ./ocr), a page with no text layer that is one upright full-page image
 * (./pdf-page-image: a scan) is OCR'd at the image's own resolution when that is not above the configured one: its JPEG as it is stored (pdfimages), other
 * encodings rasterized at that resolution. Rasterizing a 200-dpi scan at 300 dpi only interpolates pixels
 * (2.25× as many for tesseract to read).
 */
import type { PageDecoding } from '../model/document.js';
import { ocrImage, tesseractInstalled, type OcrOptions } from './ocr.js';
import { linesQuality } from './pdf-decoders.js';
import type { PageImage } from './pdf-page-image.js';
import { extractPageJpeg, rasterizePage, type WordItem } from './poppler.js';

export const OCR_BELOW = 0.5;
const MAX_PIXELS = 40e6;

export interface OcrCandidate<L extends { text: string }> {
  number: number;
  /** page size in points */
  width: number;
  height: number;
  lines: L[];
  blank?: boolean;
  /** the page is one full-page image (a scan) */
  image?: PageImage;
  decoding?: PageDecoding;
}

/** below this, an image is rasterized at the configured resolution rather than read as it is: at 150 dpi the letters are too small for tesseract (fixtures/ocr: a reference's date lost) */
export const MIN_NATIVE_DPI = 200;

/**
 * The image to OCR for a page and its resolution: the embedded scan as it is, or the page rasterized.
 * Undefined when pdftoppm is not installed.
 */
async function pageImage(bytes: Uint8Array, p: OcrCandidate<{ text: string }>, opts: OcrOptions, limit: number): Promise<{ image: Uint8Array; dpi: number } | undefined> {
  const inches = (p.width / 72) * (p.height / 72);
  const cap = Math.max(72, Math.min(opts.dpi, Math.floor(Math.sqrt(MAX_PIXELS / Math.max(inches, 1e-6)))));
  const native = opts.nativeImages && p.lines.length === 0 ? p.image : undefined;
  if (native && native.dpi >= MIN_NATIVE_DPI && native.dpi <= cap) {
    const jpeg = await extractPageJpeg(bytes, p.number, native.width, native.height, limit);
    if (jpeg) return { image: jpeg, dpi: native.dpi };
    const png = await rasterizePage(bytes, p.number, native.dpi, limit);
    return png && { image: png, dpi: native.dpi };
  }
  const png = await rasterizePage(bytes, p.number, cap, limit);
  return png && { image: png, dpi: cap };
}

export interface OcrOutcome {
  pages: number[];
  /** why pages that needed OCR did not get it (tool missing, a limit) */
  problems: string[];
}

export function needsOcr(p: OcrCandidate<{ text: string }>, opts: OcrOptions): boolean {
  if (opts.mode === 'never') return false;
  if (opts.mode === 'always') return !p.blank;
  if (p.lines.length === 0) return !p.blank;
  return (p.decoding?.quality ?? 1) < OCR_BELOW;
}

export async function ocrPdfPages<L extends { text: string }>(
  bytes: Uint8Array,
  pages: OcrCandidate<L>[],
  build: (items: WordItem[], page: number) => L[],
  opts: OcrOptions,
  budget: { deadline: number },
): Promise<OcrOutcome> {
  const todo = pages.filter((p) => needsOcr(p, opts));
  const out: OcrOutcome = { pages: [], problems: [] };
  if (todo.length === 0) return out;
  if (!(await tesseractInstalled())) {
    out.problems.push(`tesseract (tesseract-ocr, tesseract-ocr-vie) is not installed: ${todo.length} page(s) not OCR'd`);
    return out;
  }
  for (const p of todo) {
    // each OCR page has its own time limit, on top of the file's
    const t0 = Date.now();
    const limit = opts.pageTimeoutMs;
    budget.deadline = Math.max(budget.deadline, t0 + limit + 1000);
    try {
      const img = await pageImage(bytes, p, opts, limit);
      if (!img) {
        out.problems.push(`pdftoppm (poppler-utils) is not installed: page ${p.number} not OCR'd`);
        continue;
      }
      const ocr = (await ocrImage(img.image, img.dpi, opts, Math.max(1, limit - (Date.now() - t0))))?.[0];
      if (!ocr) continue;
      // the image's height in points is the page's (pdftoppm renders the crop box)
      const lines = build(ocr.items, p.number);
      const quality = linesQuality(lines);
      const ms = Date.now() - t0;
      const had = p.decoding;
      const hadText = p.lines.length > 0;
      if (opts.mode === 'auto' && had && hadText && had.quality >= quality) {
        had.alternative = { decoder: 'ocr', quality };
        continue;
      }
      p.lines = lines;
      p.decoding = { decoder: 'ocr', quality, confidence: ocr.confidence, ms, dpi: img.dpi };
      if (had && hadText) p.decoding.alternative = { decoder: had.decoder, quality: had.quality };
      out.pages.push(p.number);
    } catch (e) {
      out.problems.push(`page ${p.number}: OCR failed (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return out;
}
