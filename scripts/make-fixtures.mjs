#!/usr/bin/env node
// Generates the ingest fixtures (commit the output; tests need no LibreOffice):
//   fixtures/text/*.txt → fixtures/docx/*.docx, fixtures/pdf/*.pdf, fixtures/doc/*.doc  (LibreOffice headless)
//   fixtures/docx/table-numbering.docx   a DOCX built by hand: Word auto-numbering, a table with merged cells,
//                                         ĐVT unit line and year columns, legacy-font runs, a footnote
//   fixtures/encodings/seed.*.txt         the seed report in UTF-8 (±BOM), UTF-16 LE/BE, NFD, CP1258, TCVN3, VNI
//   fixtures/bad/*                        zero-byte, truncated DOCX, encrypted PDF, zip bomb, random bytes, …
// Needs `npm run build` first (uses the project's own TCVN3/VNI encoders) and `soffice` on PATH.
// Usage: npm run fixtures [-- --only-missing]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { zipSync, strToU8 } from 'fflate';
import { buildTableDocx, buildEntityDocx } from './fixtures/docx-builder.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fx = (...p) => join(root, 'fixtures', ...p);
const onlyMissing = process.argv.includes('--only-missing');
const { encodeTcvn3, encodeVni } = await import(join(root, 'dist/src/ingest/encodings.js'));

for (const d of ['docx', 'pdf', 'doc', 'encodings', 'bad', 'html']) mkdirSync(fx(d), { recursive: true });

// 1. LibreOffice twins of every text fixture
const profile = mkdtempSync(join(tmpdir(), 'rm-lo-'));
const texts = readdirSync(fx('text')).filter((f) => f.endsWith('.txt')).sort();
function convert(format, outDir) {
  const todo = texts.filter((t) => !onlyMissing || !existsSync(join(outDir, t.replace(/\.txt$/, `.${format}`))));
  if (todo.length === 0) return;
  execFileSync('soffice', [
    '--headless', `-env:UserInstallation=file://${profile}`, '--infilter=Text (encoded):UTF8,LF,,,',
    '--convert-to', format, '--outdir', outDir, ...todo.map((t) => fx('text', t)),
  ], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
}
convert('docx', fx('docx'));
convert('pdf', fx('pdf'));
convert('doc', fx('doc'));

// 2. the hand-built DOCX: numbering.xml, a real table, legacy fonts, a footnote
writeFileSync(fx('docx', 'table-numbering.docx'), buildTableDocx({ encodeTcvn3, encodeVni }));

// 3. the seed report in legacy encodings
const seedSrc = [fileURLToPath(new URL('../../shared/seed/bao-cao-cchc-2023-so-khcn-tien-giang.txt', import.meta.url)), fx('text', 'seed-cchc-2023-skhcn-tien-giang.txt'), fx('encodings', 'seed.utf8.txt')].find((p) => existsSync(p));
const seed = readFileSync(seedSrc, 'utf8').normalize('NFC');
if (seedSrc !== fx('encodings', 'seed.utf8.txt')) writeFileSync(fx('encodings', 'seed.utf8.txt'), seed);
const bom = (b, bytes) => Buffer.concat([Buffer.from(b), bytes]);
writeFileSync(fx('encodings', 'seed.utf8-bom.txt'), bom([0xef, 0xbb, 0xbf], Buffer.from(seed, 'utf8')));
writeFileSync(fx('encodings', 'seed.utf16le.txt'), bom([0xff, 0xfe], Buffer.from(seed, 'utf16le')));
const be = Buffer.from(seed, 'utf16le');
be.swap16();
writeFileSync(fx('encodings', 'seed.utf16be.txt'), bom([0xfe, 0xff], be));
writeFileSync(fx('encodings', 'seed.nfd.txt'), Buffer.from(seed.normalize('NFD'), 'utf8'));
// CP1258: vowel shapes precomposed (â ê ô ă ơ ư đ), tones as combining marks
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const cp1258Text = [...seed].map((c) => {
  const d = c.normalize('NFD');
  const tones = d.match(TONE)?.join('') ?? '';
  return d.replace(TONE, '').normalize('NFC') + tones;
}).join('');
writeFileSync(fx('encodings', 'seed.cp1258.txt'), iconv.encode(cp1258Text, 'windows1258'));
writeFileSync(fx('encodings', 'seed.tcvn3.txt'), encodeTcvn3(seed));
writeFileSync(fx('encodings', 'seed.vni.txt'), encodeVni(seed));

// 4. HTML and Markdown versions of the seed
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const seedLines = seed.split('\n').filter((l) => l.trim() !== '');
writeFileSync(fx('html', 'seed.html'), `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo CCHC 2023</title><style>p{margin:0}</style></head>\n<body>\n${seedLines.map((l) => (/^\d+\. /.test(l) ? `<h2>${esc(l)}</h2>` : `<p>${esc(l)}</p>`)).join('\n')}\n<script>var x = "không phải văn bản";</script>\n</body></html>\n`);
writeFileSync(fx('html', 'seed.md'), seedLines.map((l) => (/^\d+\. /.test(l) ? `## ${l.replace(/^(\d+)\. /, '$1\\. ')}` : l.replace(/^([-+]) /, '\\$1 '))).join('\n\n') + '\n');

// 5. bad files
writeFileSync(fx('bad', 'empty.txt'), '');
const seedDocx = readFileSync(fx('docx', texts.includes('seed-cchc-2023-skhcn-tien-giang.txt') ? 'seed-cchc-2023-skhcn-tien-giang.docx' : 'table-numbering.docx'));
writeFileSync(fx('bad', 'truncated.docx'), seedDocx.subarray(0, Math.floor(seedDocx.length / 2)));
let x = 0x2545f491; // xorshift: deterministic "random" bytes
const random = Buffer.alloc(4096).map(() => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x & 0xff));
writeFileSync(fx('bad', 'random-bytes.pdf'), random);
writeFileSync(fx('bad', 'random-bytes.docx'), random.reverse());
// zip bomb: a 64 MB document.xml that deflates to ~64 KB (ratio ~1000)
writeFileSync(fx('bad', 'zip-bomb.docx'), zipSync({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  'word/document.xml': [new Uint8Array(64 * 1024 * 1024).fill(0x20), { level: 9 }],
}, { mtime: new Date('2024-01-01T00:00:00Z') }));
writeFileSync(fx('bad', 'xml-entities.docx'), buildEntityDocx());
// encrypted PDF: LibreOffice's PDF export with an open password (its bytes differ on every run: kept if present)
if (!onlyMissing || !existsSync(fx('bad', 'encrypted.pdf'))) {
const encDir = mkdtempSync(join(tmpdir(), 'rm-enc-'));
copyFileSync(seedSrc, join(encDir, 'encrypted.txt'));
execFileSync('soffice', [
  '--headless', `-env:UserInstallation=file://${profile}`, '--infilter=Text (encoded):UTF8,LF,,,',
  '--convert-to', 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}',
  '--outdir', encDir, join(encDir, 'encrypted.txt'),
], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
copyFileSync(join(encDir, 'encrypted.pdf'), fx('bad', 'encrypted.pdf'));
rmSync(encDir, { recursive: true, force: true });
}
// scanned: a valid PDF whose page has no text layer (only a drawn rectangle)
writeFileSync(fx('bad', 'scanned.pdf'), minimalPdf('0.5 g 72 72 450 650 re f'));
rmSync(profile, { recursive: true, force: true });

function minimalPdf(content) {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

let total = 0;
for (const d of ['docx', 'pdf', 'doc', 'encodings', 'bad', 'html']) for (const f of readdirSync(fx(d))) total += statSync(fx(d, f)).size;
console.log(`fixtures: ${texts.length} text fixtures → docx/pdf/doc; encodings, html, bad files; ${(total / 1024 / 1024).toFixed(2)} MB generated in total`);
