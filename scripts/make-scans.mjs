#!/usr/bin/env node
// Scanned versions of PDFs: every page rasterized (pdftoppm, grayscale) at 200–300 dpi, some pages rotated
// 0.5–2° either way, paper noise and JPEG compression (quality 45–75), put back into an image-only PDF
// (no text layer) — what an archive's scanner gives. Seeded: the same input and seed give the same file.
//   node scripts/make-scans.mjs [--in DIR] [--out DIR] [--seed N] [--only NAME-SUBSTRING]
// Defaults: --in fixtures/pdf-fonts/liberation-serif, --out a new temp directory (printed), --seed 1.
// Needs `npm run build` (the project's seedable PRNG) and pdftoppm (poppler-utils).
// OCR accuracy on them: npm run eval -- --format pdf --render-dir <out>
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';

const root = fileURLToPath(new URL('..', import.meta.url));
const { prng } = await import(join(root, 'dist/src/util/prng.js'));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const inDir = arg('--in') ?? join(root, 'fixtures', 'pdf-fonts', 'liberation-serif');
const outDir = arg('--out') ?? mkdtempSync(join(tmpdir(), 'rm-scans-'));
const seed = Number(arg('--seed') ?? 1);
const only = arg('--only');
mkdirSync(outDir, { recursive: true });

/** PGM (P5, 8-bit) → { width, height, data } */
function readPgm(buf) {
  let pos = 0;
  const token = () => {
    while (pos < buf.length) {
      const c = buf[pos];
      if (c === 0x23) while (pos < buf.length && buf[pos] !== 0x0a) pos++;
      else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    const start = pos;
    while (pos < buf.length && ![0x20, 0x0a, 0x0d, 0x09].includes(buf[pos])) pos++;
    return buf.subarray(start, pos).toString('latin1');
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  if (max > 255) throw new Error('16-bit PGM');
  pos++;
  return { width, height, data: buf.subarray(pos, pos + width * height) };
}

/** Rotate a grayscale image by `deg` about its centre (bilinear; white outside), add noise, RGBA out. */
function degrade(img, deg, rnd, noise) {
  const { width: w, height: h, data } = img;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  const out = Buffer.alloc(w * h * 4);
  const px = (x, y) => (x < 0 || y < 0 || x >= w || y >= h ? 255 : data[y * w + x]);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v;
      if (deg === 0) v = data[y * w + x];
      else {
        const sx = cos * (x - cx) + sin * (y - cy) + cx;
        const sy = -sin * (x - cx) + cos * (y - cy) + cy;
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        v = (px(x0, y0) * (1 - fx) + px(x0 + 1, y0) * fx) * (1 - fy) + (px(x0, y0 + 1) * (1 - fx) + px(x0 + 1, y0 + 1) * fx) * fy;
      }
      // paper grain and the occasional speck
      v += (rnd() + rnd() + rnd() - 1.5) * noise;
      if (rnd() < 0.0004) v -= 120;
      v = v < 0 ? 0 : v > 255 ? 255 : v;
      const o = (y * w + x) * 4;
      out[o] = out[o + 1] = out[o + 2] = v;
      out[o + 3] = 255;
    }
  }
  return out;
}

const files = readdirSync(inDir).filter((f) => f.endsWith('.pdf') && (!only || f.includes(only))).sort();
let pagesTotal = 0;
let bytesTotal = 0;
for (const [i, f] of files.entries()) {
  const rnd = prng(seed * 7919 + i);
  const src = join(inDir, f);
  const info = execFileSync('pdfinfo', [src], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const doc = await PDFDocument.create();
  for (let p = 1; p <= pages; p++) {
    const dpi = [200, 240, 300][Math.floor(rnd() * 3)];
    const pgm = execFileSync('pdftoppm', ['-q', '-r', String(dpi), '-gray', '-f', String(p), '-l', String(p), '-singlefile', src], { maxBuffer: 256 * 1024 * 1024 });
    const img = readPgm(pgm);
    // about half the pages askew by 0.5–2°
    const deg = rnd() < 0.5 ? 0 : (0.5 + rnd() * 1.5) * (rnd() < 0.5 ? -1 : 1);
    const rgba = degrade(img, deg, rnd, 18 + rnd() * 20);
    const quality = Math.round(45 + rnd() * 30);
    const jpg = jpeg.encode({ data: rgba, width: img.width, height: img.height }, quality).data;
    const embedded = await doc.embedJpg(jpg);
    const wPt = (img.width * 72) / dpi;
    const hPt = (img.height * 72) / dpi;
    doc.addPage([wPt, hPt]).drawImage(embedded, { x: 0, y: 0, width: wPt, height: hPt });
    pagesTotal++;
  }
  const bytes = await doc.save();
  writeFileSync(join(outDir, f), bytes);
  bytesTotal += bytes.length;
}
for (const f of readdirSync(outDir)) statSync(join(outDir, f));
console.log(`scans: ${files.length} PDFs, ${pagesTotal} pages (200–300 dpi, half rotated 0.5–2°, noise, JPEG 45–75) → ${outDir} (${(bytesTotal / 1048576).toFixed(1)} MB)`);
