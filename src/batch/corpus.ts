/**
 * Synthetic corpora for tests and benchmarks: distinct, valid reports made from the committed fixtures.
 * - text corpus: the plain-text fixtures (fixtures/text), counts varied and a numbered closing line added;
 * - archive corpus: every committed fixture in every format the batch reads (text, DOCX, PDF, legacy DOC,
 *   HTML, the real government PDFs), cycled, each copy made distinct (see archiveVariant).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { fromRoot } from '../util/package-root.js';

export interface FixtureText {
  name: string;
  text: string;
}

export function fixtureTexts(dir = fromRoot('fixtures', 'text')): FixtureText[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no text fixtures in ${dir}`);
  return files.map((f) => ({ name: f.replace(/\.(txt|md)$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}

/** Variant `i` of a report: counts shifted by i, plus a closing line numbered i (so every variant is distinct). */
export function variant(text: string, i: number): string {
  const counted = text.replace(/\b(\d{1,3})( văn bản| TTHC| hồ sơ)/g, (_m, n: string, unit: string) => `${(Number(n) + i) % 1000}${unit}`);
  return `${counted.trimEnd()}\nGhi chú: trong kỳ đã tiếp nhận ${i + 1} hồ sơ.\n`;
}

/** The file name of variant `i` (fixture name + index). */
export function variantName(fx: FixtureText[], i: number): string {
  return `${fx[i % fx.length]!.name}-${String(i).padStart(6, '0')}.txt`;
}

/**
 * Writes copies [from, to) into `dir`, 1,000 per sub-folder (so folders stay listable); `copy(i)` gives copy
 * i's file name and content. Returns the number of bytes written. Memory stays flat: one file at a time.
 */
function writeCopies(dir: string, from: number, to: number, copy: (i: number) => { name: string; data: string | Buffer }): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const sub = join(dir, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i === from || i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const { name, data } = copy(i);
    writeFileSync(join(sub, name), data);
    bytes += Buffer.byteLength(data);
  }
  return bytes;
}

/** Writes text variants [from, to) into `dir` (see writeCopies). */
export function writeVariants(dir: string, from: number, to: number, fx: FixtureText[] = fixtureTexts()): number {
  return writeCopies(dir, from, to, (i) => ({ name: variantName(fx, i), data: variant(fx[i % fx.length]!.text, i) }));
}

/** One committed fixture of the archive corpus: its name, extension and bytes. */
export interface ArchiveSource {
  name: string;
  ext: string;
  bytes: Buffer;
}

/** Fixture folders whose files make the archive corpus (one folder per format, plus the real PDFs), with the extensions taken from each. */
export const ARCHIVE_FOLDERS: Record<string, readonly string[]> = {
  text: ['.txt', '.md'],
  docx: ['.docx'],
  pdf: ['.pdf'],
  doc: ['.doc'],
  html: ['.html'],
  'real-pdf': ['.pdf'],
};

export function archiveSources(root = fromRoot('fixtures')): ArchiveSource[] {
  const out: ArchiveSource[] = [];
  for (const [folder, exts] of Object.entries(ARCHIVE_FOLDERS)) {
    for (const f of readdirSync(join(root, folder)).sort()) {
      const ext = extname(f).toLowerCase();
      if (!exts.includes(ext)) continue;
      out.push({ name: `${folder}-${f.slice(0, -ext.length)}`, ext, bytes: readFileSync(join(root, folder, f)) });
    }
  }
  if (out.length === 0) throw new Error(`no fixtures in ${root}`);
  return out;
}

const closing = (i: number) => `Ghi chú: trong kỳ đã tiếp nhận ${i + 1} hồ sơ.`;

/**
 * Copy `i` of an archive fixture, with bytes no other copy has:
 * - text and HTML: counts shifted and a numbered closing line (text) or paragraph (HTML);
 * - DOCX: a numbered closing paragraph added to word/document.xml, the package zipped again;
 * - PDF and DOC: a numbered comment line after the end of the file (readers ignore bytes after %%EOF and
 *   after the last sector), so the text is the fixture's and only the bytes differ.
 */
export function archiveVariant(src: ArchiveSource, i: number): Buffer {
  switch (src.ext) {
    case '.txt':
    case '.md':
      return Buffer.from(variant(src.bytes.toString('utf8'), i));
    case '.html': {
      const html = src.bytes.toString('utf8');
      const at = html.lastIndexOf('</body>');
      const p = `<p>${closing(i)}</p>\n`;
      return Buffer.from(at < 0 ? html + p : html.slice(0, at) + p + html.slice(at));
    }
    case '.docx': {
      const files = unzipSync(src.bytes);
      const xml = Buffer.from(files['word/document.xml']!).toString('utf8');
      const sectPr = xml.lastIndexOf('<w:sectPr');
      const at = sectPr >= 0 ? sectPr : xml.lastIndexOf('</w:body>');
      const p = `<w:p><w:r><w:t>${closing(i)}</w:t></w:r></w:p>`;
      files['word/document.xml'] = Buffer.from(xml.slice(0, at) + p + xml.slice(at));
      return Buffer.from(zipSync(files, { level: 6 }));
    }
    default:
      return Buffer.concat([src.bytes, Buffer.from(`\n%rm-variant ${i}\n`)]);
  }
}

/** Writes archive copies [from, to) into `dir`, cycling over the sources (see writeCopies). */
export function writeArchiveVariants(dir: string, from: number, to: number, sources: ArchiveSource[] = archiveSources()): number {
  return writeCopies(dir, from, to, (i) => {
    const src = sources[i % sources.length]!;
    return { name: `${src.name}-${String(i).padStart(6, '0')}${src.ext}`, data: archiveVariant(src, i) };
  });
}
