#!/usr/bin/env node
// Scanned versions of born-digital PDFs: every page rasterized (pdftoppm, grayscale) at a resolution drawn
// from --dpi, some pages rotated 0.5–2° either way, paper noise and JPEG compression (quality 45–75), put back
// into an image-only PDF (no text layer) — what an archive's scanner gives. Seeded: the same input and seed give
// the same file. A manifest `scans.json` in the output folder names each scan's source PDF and what was done to
// each page, so `npm run eval:ocr -- --scans DIR` can compare the OCR'd facts with the text layer's.
//   node scripts/make-scans.mjs [--in DIR-or-PDF]... [--out DIR] [--seed N] [--only NAME-SUBSTRING]
//                               [--dpi 200,240,300] [--pages N] [--noise light|archive] [--png]
//   node scripts/make-scans.mjs --fixtures      # regenerate the committed fixtures/ocr/ (small: a few pages)
// Defaults: --in fixtures/pdf-fonts/liberation-serif, --out a new temp directory (printed), --seed 1,
// --noise archive (grain + specks; `light`: specks only, a fraction of the bytes), every page.
// --png also writes each scan's first page as a bilevel (fax-like) PNG: a page image input.
// Needs `npm run build` (the project's seedable PRNG) and pdftoppm (poppler-utils); node only, no ImageMagick.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';

const root = fileURLToPath(new URL('..', import.meta.url));
const { prng } = await import(join(root, 'dist/src/util/prng.js'));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const args = (name) => process.argv.flatMap((a, i) => (a === name && i + 1 < process.argv.length ? [process.argv[i + 1]] : []));

/**
 * The committed fixtures: one page each of four reports (three Vietnamese, one English), at 150, 200 and 300
 * dpi, askew or not, light noise; plus the first page of one as a PNG. Small enough to commit (about 1 MB).
 */
const FIXTURES = [
  { pdf: 'fixtures/pdf-fonts/liberation-serif/bc-cchc-2019-ubnd-xa-an-thanh.pdf', dpi: 200, deg: 0.8, quality: 55 },
  { pdf: 'fixtures/pdf-fonts/liberation-serif/bc-kiem-tra-vbqppl-2022-cuc-ktrvb-btp.pdf', dpi: 300, deg: -1.5, quality: 50 },
  { pdf: 'fixtures/pdf-fonts/dejavu-sans/bc-quy2-2026-skhcn-dong-thap.pdf', dpi: 150, deg: 0, quality: 60 },
  { pdf: 'fixtures/pdf-fonts/liberation-serif/en-ministry-brief-2023-dgt.pdf', dpi: 200, deg: -0.6, quality: 50 },
];
const fixturesMode = process.argv.includes('--fixtures');
const inputs = args('--in');
if (inputs.length === 0) inputs.push(join(root, 'fixtures', 'pdf-fonts', 'liberation-serif'));
const outDir = fixturesMode ? join(root, 'fixtures', 'ocr') : (arg('--out') ?? mkdtempSync(join(tmpdir(), 'rm-scans-')));
const seed = Number(arg('--seed') ?? 1);
const only = arg('--only');
const dpis = (arg('--dpi') ?? '200,240,300').split(',').map(Number);
if (dpis.some((d) => !Number.isInteger(d) || d < 50 || d > 600)) throw new Error('--dpi: comma-separated resolutions between 50 and 600');
const maxPages = Number(arg('--pages') ?? Infinity);
const noiseMode = fixturesMode ? 'light' : (arg('--noise') ?? 'archive');
if (!['light', 'archive'].includes(noiseMode)) throw new Error('--noise: light or archive');
const wantPng = process.argv.includes('--png') || fixturesMode;
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
      // paper grain (none when noise is 0) and the occasional speck
      if (noise > 0) v += (rnd() + rnd() + rnd() - 1.5) * noise;
      if (rnd() < 0.0004) v -= 120;
      v = v < 0 ? 0 : v > 255 ? 255 : v;
      const o = (y * w + x) * 4;
      out[o] = out[o + 1] = out[o + 2] = v;
      out[o + 3] = 255;
    }
  }
  return out;
}


/** Every PDF of the inputs (folders or files), sorted by name. */
function listInputs() {
  const out = [];
  for (const p of inputs) {
    const abs = resolve(p);
    if (statSync(abs).isDirectory()) for (const f of readdirSync(abs).sort()) f.endsWith('.pdf') && out.push(join(abs, f));
    else out.push(abs);
  }
  return out.filter((f) => !only || basename(f).includes(only));
}

const jobs = fixturesMode
  ? FIXTURES.map((f) => ({ src: join(root, f.pdf), pages: 1, fixed: f }))
  : listInputs().map((src) => ({ src, pages: maxPages }));
const manifest = [];
let pagesTotal = 0;
let bytesTotal = 0;
for (const [i, job] of jobs.entries()) {
  const rnd = prng(seed * 7919 + i);
  const { src } = job;
  const info = execFileSync('pdfinfo', [src], { encoding: 'utf8' });
  const pages = Math.min(job.pages, Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0));
  const doc = await PDFDocument.create({ updateMetadata: false });
  const done = [];
  const images = [];
  const name = basename(src);
  for (let p = 1; p <= pages; p++) {
    const dpi = job.fixed?.dpi ?? dpis[Math.floor(rnd() * dpis.length)];
    const pgm = execFileSync('pdftoppm', ['-q', '-r', String(dpi), '-gray', '-f', String(p), '-l', String(p), '-singlefile', src], { maxBuffer: 256 * 1024 * 1024 });
    const img = readPgm(pgm);
    // about half the pages askew by 0.5–2°
    const deg = job.fixed?.deg ?? (rnd() < 0.5 ? 0 : (0.5 + rnd() * 1.5) * (rnd() < 0.5 ? -1 : 1));
    const grain = noiseMode === 'light' ? 0 : 18 + rnd() * 20;
    const rgba = degrade(img, deg, rnd, grain);
    const quality = job.fixed?.quality ?? Math.round(45 + rnd() * 30);
    const jpg = jpeg.encode({ data: rgba, width: img.width, height: img.height }, quality).data;
    const embedded = await doc.embedJpg(jpg);
    const wPt = (img.width * 72) / dpi;
    const hPt = (img.height * 72) / dpi;
    doc.addPage([wPt, hPt]).drawImage(embedded, { x: 0, y: 0, width: wPt, height: hPt });
    if (wantPng && p === 1) {
      const png = execFileSync('pdftoppm', ['-q', '-r', String(dpi), '-mono', '-png', '-f', '1', '-l', '1', '-singlefile', src], { maxBuffer: 256 * 1024 * 1024 });
      if (!fixturesMode || i === 0) {
        writeFileSync(join(outDir, name.replace(/\.pdf$/, '.p1.png')), png);
        images.push({ image: name.replace(/\.pdf$/, '.p1.png'), dpi, page: 1 });
      }
    }
    done.push({ page: p, dpi, rotation: Math.round(deg * 100) / 100, grain: Math.round(grain), jpegQuality: quality });
    pagesTotal++;
  }
  const bytes = await doc.save({ useObjectStreams: false });
  writeFileSync(join(outDir, name), bytes);
  bytesTotal += bytes.length;
  // the source as a path relative to the repository when inside it (the committed manifest works from any clone)
  const rel = relative(root, src);
  const source = rel.startsWith('..') || isAbsolute(rel) ? src : rel;
  manifest.push({ scan: name, source, pages: done });
  for (const im of images) manifest.push({ scan: im.image, source, pages: [{ page: 1, dpi: im.dpi, rotation: 0, grain: 0, bilevel: true }] });
}
writeFileSync(join(outDir, 'scans.json'), JSON.stringify({ generator: 'scripts/make-scans.mjs', seed, noise: noiseMode, scans: manifest }, null, 2) + '\n');
console.log(`scans: ${jobs.length} PDFs, ${pagesTotal} pages (${fixturesMode ? 'committed fixtures' : `${dpis.join('/')} dpi, half rotated 0.5–2°`}, ${noiseMode} noise, JPEG 45–75) → ${outDir} (${(bytesTotal / 1048576).toFixed(1)} MB)`);
