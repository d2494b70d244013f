#!/usr/bin/env node
// Renders every text fixture (fixtures/text/*.txt) to PDF with LibreOffice in four fonts, one folder per font:
//   fixtures/pdf-fonts/<font>/<basename>.pdf     font ∈ liberation-serif, liberation-mono, dejavu-sans, dejavu-sans-mono
// (LibreOffice writes DejaVu fonts with a text layer pdf.js mis-decodes: the second decoder's test case), and
// with --scans DIR also scanned versions of them (see scripts/make-scans.mjs).
// Each text becomes a flat ODT (.fodt) whose default paragraph style names the font, so no other font is used.
// Needs `soffice` (Debian libreoffice-writer-nogui) and the fonts (fonts-liberation, fonts-dejavu-core) on PATH
// at generation time only; the PDFs are committed. Usage: node scripts/make-font-pdfs.mjs [--only-missing] [--out DIR]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONTS = {
  'liberation-serif': 'Liberation Serif',
  'liberation-mono': 'Liberation Mono',
  'dejavu-sans': 'DejaVu Sans',
  'dejavu-sans-mono': 'DejaVu Sans Mono',
};

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const outRoot = arg('--out') ?? join(root, 'fixtures', 'pdf-fonts');
const onlyMissing = process.argv.includes('--only-missing');

const fc = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
for (const family of Object.values(FONTS)) {
  if (!fc.split('\n').some((l) => l.split(',').includes(family))) throw new Error(`font not installed: ${family} (apt-get install fonts-liberation fonts-dejavu-core)`);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function fodt(text, family) {
  const paras = text.replace(/\r\n?/g, '\n').split('\n').map((l) => `<text:p text:style-name="P">${esc(l)}</text:p>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'${family}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="F" fo:font-size="12pt"/></style:default-style>
<style:style style:name="P" style:family="paragraph"><style:text-properties style:font-name="F" fo:font-size="12pt"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>
${paras}
</office:text></office:body></office:document>
`;
}

const texts = readdirSync(join(root, 'fixtures', 'text')).filter((f) => f.endsWith('.txt')).sort();
const work = mkdtempSync(join(tmpdir(), 'rm-fonts-'));
try {
  let total = 0;
  for (const [slug, family] of Object.entries(FONTS)) {
    const outDir = join(outRoot, slug);
    mkdirSync(outDir, { recursive: true });
    const src = join(work, slug);
    mkdirSync(src, { recursive: true });
    const todo = texts.filter((t) => !onlyMissing || !existsSync(join(outDir, t.replace(/\.txt$/, '.pdf'))));
    for (const t of todo) writeFileSync(join(src, t.replace(/\.txt$/, '.fodt')), fodt(readFileSync(join(root, 'fixtures', 'text', t), 'utf8').normalize('NFC'), family));
    if (todo.length > 0) {
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', outDir, ...todo.map((t) => join(src, t.replace(/\.txt$/, '.fodt')))], {
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 900_000,
      });
    }
    for (const f of readdirSync(outDir)) total += statSync(join(outDir, f)).size;
  }
  console.log(`pdf-fonts: ${texts.length} texts × ${Object.keys(FONTS).length} fonts → ${outRoot} (${(total / 1048576).toFixed(2)} MB)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
