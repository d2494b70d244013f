/**
 * A scanned PDF page is usually one image XObject drawn over the whole page, upright: its pixels are the scan.
 * Such a page can be OCR'd from the embedded image itself at its own resolution (./pdf-ocr), instead of
 * rasterizing the page again at 300 dpi (which resamples a 200-dpi JPEG up to 2.25× the pixels for tesseract).
 * Found from the page's operator list (pdf.js): exactly one image painted, with a transformation that maps the
 * image square onto the page without rotation or mirroring, on a page with no /Rotate.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IDENTITY, mul, type Matrix } from './pdf-matrix.js';

export interface PageImage {
  /** pixels */
  width: number;
  height: number;
  /** the image's resolution on the page (pixels per inch) */
  dpi: number;
}

/** every operator that paints an image or an image mask */
const PAINT_IMAGE = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

/** how far the image may be from the page's size (a scanner's rounding), and x from y resolution */
const SIZE_TOLERANCE = 0.02;

/**
 * The one full-page image of a page (`width` × `height` points, `rotate` degrees), or undefined when the page
 * paints anything else as an image, more than one, or that one not upright over the whole page.
 */
export function fullPageImage(ops: { fnArray: number[]; argsArray: unknown[][] }, width: number, height: number, rotate = 0): PageImage | undefined {
  if (((rotate % 360) + 360) % 360 !== 0) return undefined;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let found: { ctm: Matrix; w: number; h: number } | undefined;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = (ops.argsArray[i] ?? []) as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args[0] as ArrayLike<number> | null | undefined;
      if (m && m.length === 6) ctm = mul(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (PAINT_IMAGE.has(fn)) {
      if (found || fn !== OPS.paintImageXObject) return undefined;
      const w = Number(args[1]);
      const h = Number(args[2]);
      if (!(w > 0 && h > 0)) return undefined;
      found = { ctm, w, h };
    }
  }
  if (!found) return undefined;
  const [a, b, c, d] = found.ctm;
  // upright and not mirrored: the image's x along the page's x, its y along the page's y
  if (!(a > 0 && d > 0) || Math.abs(b) > a * 1e-3 || Math.abs(c) > d * 1e-3) return undefined;
  if (Math.abs(a - width) > width * SIZE_TOLERANCE || Math.abs(d - height) > height * SIZE_TOLERANCE) return undefined;
  const dpiX = (found.w * 72) / a;
  const dpiY = (found.h * 72) / d;
  if (Math.abs(dpiX - dpiY) > dpiX * SIZE_TOLERANCE) return undefined;
  return { width: found.w, height: found.h, dpi: Math.round((dpiX + dpiY) / 2) };
}
