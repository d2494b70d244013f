/**
 * A scanned page's own image (src/ingest/pdf-page-image.ts, poppler.ts extractPageJpeg): found from pdf.js's
 * operator list only when the page is one upright image over the whole page, and taken out as the JPEG it is
 * stored as. Pages built with pdf-lib from the committed scan's own JPEG; pdfimages (poppler-utils) needed for
 * the extraction (skipped, saying so, without it).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { degrees, PDFDocument, pushGraphicsState, popGraphicsState, concatTransformationMatrix } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/eval/harness.js';
import { fullPageImage } from '../src/ingest/pdf-page-image.js';
import { extractPageJpeg, parseImageList } from '../src/ingest/poppler.js';

const ROOT = packageRoot();
const SCAN = join(ROOT, 'fixtures', 'ocr', 'bc-cchc-2019-ubnd-xa-an-thanh.pdf');
const havePdfimages = spawnSync('pdfimages', ['-v']).status === 0;
if (!havePdfimages) console.warn('pdf-page-image.test: pdfimages (poppler-utils) is not installed: extraction tests skipped');

async function pagesImages(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const out = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    const ops = await page.getOperatorList();
    out.push(fullPageImage(ops as { fnArray: number[]; argsArray: unknown[][] }, vp.width, vp.height, page.rotate));
  }
  await pdf.destroy();
  return out;
}

describe('a scanned page\'s own image', () => {
  it('the committed scan: one 1654×2339 JPEG over an A4 page, 200 dpi; a text-layer PDF has none', async () => {
    expect(await pagesImages(new Uint8Array(readFileSync(SCAN)))).toEqual([{ width: 1654, height: 2339, dpi: 200 }]);
    const text = await pagesImages(new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'pdf', 'bc-cchc-2019-ubnd-xa-an-thanh.pdf'))));
    expect(text.every((i) => i === undefined)).toBe(true);
  });

  it.runIf(havePdfimages)('only when upright over the whole page: not rotated, mirrored, on part of the page, or one of two', async () => {
    const jpg = (await extractPageJpeg(new Uint8Array(readFileSync(SCAN)), 1, 1654, 2339, 60_000))!;
    const doc = await PDFDocument.create();
    const img = await doc.embedJpg(jpg);
    const [w, h] = [595.44, 842.04];
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
    const rotated = doc.addPage([w, h]);
    rotated.drawImage(img, { x: 0, y: 0, width: w, height: h });
    rotated.setRotation(degrees(180));
    const mirrored = doc.addPage([w, h]);
    mirrored.pushOperators(pushGraphicsState(), concatTransformationMatrix(-1, 0, 0, 1, w, 0));
    mirrored.drawImage(img, { x: 0, y: 0, width: w, height: h });
    mirrored.pushOperators(popGraphicsState());
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w / 2, height: h / 2 });
    const two = doc.addPage([w, h]);
    two.drawImage(img, { x: 0, y: 0, width: w, height: h });
    two.drawImage(img, { x: 10, y: 10, width: 50, height: 50 });
    const found = await pagesImages(await doc.save());
    expect(found).toEqual([{ width: 1654, height: 2339, dpi: 200 }, undefined, undefined, undefined, undefined]);
  });

  it.runIf(havePdfimages)('taken out as the JPEG stored in the PDF, byte for byte; not when the size is not the listed one', async () => {
    const bytes = new Uint8Array(readFileSync(SCAN));
    const jpeg = await extractPageJpeg(bytes, 1, 1654, 2339, 60_000);
    expect(jpeg).toBeDefined();
    expect([jpeg![0], jpeg![1]]).toEqual([0xff, 0xd8]);
    // the stream as stored: its bytes are inside the PDF
    expect(Buffer.from(bytes).includes(Buffer.from(jpeg!.subarray(0, 4096)))).toBe(true);
    expect(await extractPageJpeg(bytes, 1, 1654, 2338, 60_000)).toBeUndefined();
    const rows = parseImageList(spawnSync('pdfimages', ['-list', SCAN], { encoding: 'utf8' }).stdout);
    expect(rows).toEqual([{ page: 1, type: 'image', width: 1654, height: 2339, color: 'rgb', bpc: 8, enc: 'jpeg' }]);
  });
});
