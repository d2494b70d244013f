/**
 * A second decoding of the PDF pages whose text layer scores poorly (./pdf-quality): poppler's words
 * (./poppler) go through the same line builder as pdf.js's items, and each page keeps the better of the two
 * decodings. One `pdftotext` run covers all poor pages of a file (first..last poor page).
 */
import type { PageDecoding } from '../model/document.js';
import { POOR_QUALITY, textQuality } from './pdf-quality.js';
import { popplerWords, wordsToItems, type WordItem } from './poppler.js';

export interface DecodedPage<L extends { text: string }> {
  number: number;
  lines: L[];
  decoding?: PageDecoding;
}

export const linesQuality = (lines: { text: string }[]) => textQuality(lines.map((l) => l.text).join('\n')).score;

/** pdf.js decodes some glyphs as a base letter plus a mark (dotless `ı` + hook above for `ỉ`): the letter it means. */
export function repairGlyphs(s: string): string {
  return s.includes('ı') ? s.replace(/ı(?=[\u0300-\u036f])/g, 'i').normalize('NFC') : s;
}

export function isPoor(d: PageDecoding | undefined): boolean {
  return d !== undefined && d.quality < POOR_QUALITY;
}

/**
 * Re-decode the poor pages with poppler; replaces a page's lines when poppler's score is higher.
 * Returns a message when poppler is not installed (the pdf.js text is kept).
 */
export async function redecodePoorPages<L extends { text: string }>(
  bytes: Uint8Array,
  pages: DecodedPage<L>[],
  build: (items: WordItem[], page: number) => L[],
  timeoutMs: number,
): Promise<string | undefined> {
  const poor = pages.filter((p) => p.lines.length > 0 && isPoor(p.decoding));
  if (poor.length === 0) return undefined;
  const first = poor[0]!.number;
  const last = poor[poor.length - 1]!.number;
  const alt = await popplerWords(bytes, first, last, timeoutMs);
  if (!alt) return `pdftotext (poppler-utils) is not installed: ${poor.length} page(s) with a poor text layer kept as pdf.js decoded them`;
  for (const p of poor) {
    const pp = alt[p.number - first];
    if (!pp || pp.words.length === 0) continue;
    const lines = build(wordsToItems(pp), p.number);
    const quality = linesQuality(lines);
    const mine = p.decoding!;
    mine.alternative = { decoder: 'poppler', quality };
    if (quality > mine.quality) {
      p.lines = lines;
      p.decoding = { decoder: 'poppler', quality, alternative: { decoder: mine.decoder, quality: mine.quality } };
    }
  }
  return undefined;
}
