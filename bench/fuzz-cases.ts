/**
 * The mutation fuzzer's cases (`npm run fuzz`, test/fuzz-sample.test.ts): fixed-seed mutations of the
 * committed fixtures. Every case is a pure function of (seed, index): the same seed gives the same bytes
 * on every machine, so a crasher is reproduced by its index.
 *
 * Mutations: for any file byte flips, truncation, chunk deletion/duplication, random insertion and a
 * splice with another seed; for DOCX, ZIP-entry mutations (drop, rename with control characters, junk
 * entry) and XML mutations of word/document.xml, numbering.xml and styles.xml (unclosed and removed tags,
 * deep nesting, huge or negative attribute values, control characters and invalid UTF-8 in the text,
 * spans); for PDF, object mutations (numbers made huge or negative, endobj/endstream removed, the xref
 * start broken, objects duplicated) and content-stream mutations (decoded, mutated, encoded again:
 * nested q, text blocks never closed, huge operands); for text and HTML, pathological text (thousands
 * of references, numbering, brackets, digits, invisible characters, table rows, huge spans, deep nesting,
 * lone surrogates in UTF-16).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { prng } from '../src/util/prng.js';
import { fromRoot } from '../src/util/package-root.js';

export interface SeedFile {
  name: string;
  ext: string;
  bytes: Uint8Array;
}

export interface FuzzCase {
  index: number;
  /** file name for the case: `<index>-<mutation>-<seed name>` */
  name: string;
  seed: string;
  mutation: string;
  bytes: Uint8Array;
}

const SEED_DIRS = ['text', 'docx', 'pdf', 'doc', 'html', 'encodings', 'bad', 'hostile', 'planted'];
const MAX_SEED_BYTES = 400_000;
const MAX_CASE_BYTES = 4_000_000;

/** The committed fixtures the cases start from (sorted: the same list everywhere). */
export function seedFiles(): SeedFile[] {
  const out: SeedFile[] = [];
  for (const d of SEED_DIRS) {
    const dir = fromRoot('fixtures', d);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const ext = extname(n).toLowerCase();
      if (!['.txt', '.md', '.docx', '.pdf', '.doc', '.html', '.htm'].includes(ext)) continue;
      if (n.startsWith('fuzz-')) continue; // the fuzzer's own finds: not seeds (the case list of a seed stays put)
      const f = join(dir, n);
      if (statSync(f).size > MAX_SEED_BYTES || statSync(f).size === 0) continue;
      out.push({ name: `${d}-${n}`, ext, bytes: new Uint8Array(readFileSync(f)) });
    }
  }
  return out;
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
};
const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

// ---- any bytes -------------------------------------------------------------------------------------
function flip(r: Rand, b: Uint8Array): Uint8Array {
  const out = b.slice();
  const n = 1 + int(r, 8);
  for (let i = 0; i < n && out.length > 0; i++) out[int(r, out.length)] = int(r, 256);
  return out;
}
const truncate = (r: Rand, b: Uint8Array) => b.slice(0, int(r, b.length));
function deleteChunk(r: Rand, b: Uint8Array): Uint8Array {
  const at = int(r, b.length);
  return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(r, 2000))));
}
function duplicateChunk(r: Rand, b: Uint8Array): Uint8Array {
  const at = int(r, b.length);
  const chunk = b.subarray(at, Math.min(b.length, at + 1 + int(r, 5000)));
  const times = 1 + int(r, 50);
  return concat(b.subarray(0, at), ...Array.from({ length: times }, () => chunk), b.subarray(at));
}
function insertRandom(r: Rand, b: Uint8Array): Uint8Array {
  const at = int(r, b.length);
  const junk = new Uint8Array(1 + int(r, 3000)).map(() => int(r, 256));
  return concat(b.subarray(0, at), junk, b.subarray(at));
}

// ---- pathological text -------------------------------------------------------------------------------
const PATHOLOGICAL: Array<(r: Rand) => string> = [
  (r) => Array.from({ length: 1 + int(r, 3000) }, (_, i) => `Quyết định số ${int(r, 9999)}/QĐ-UBND ngày ${1 + (i % 31)}/${1 + (i % 13)}/${1990 + int(r, 50)} về việc năm ${2000 + int(r, 30)}; `).join(''),
  (r) => Array.from({ length: 1 + int(r, 5000) }, (_, i) => `${'1.'.repeat(1 + (i % 12))} Mục\n`).join(''),
  (r) => '('.repeat(int(r, 50_000)) + ')'.repeat(int(r, 50_000)),
  (r) => '9'.repeat(1 + int(r, 200_000)),
  (r) => '1.000.000.'.repeat(1 + int(r, 20_000)) + ' tỷ đồng',
  (r) => '\u00a0\u200b\u200d\ufeff\u00ad\u2028'.repeat(1 + int(r, 20_000)),
  (r) => Array.from({ length: 1 + int(r, 2000) }, () => `| ${int(r, 100)} | ${int(r, 1000)}% | ${int(r, 99)}/${int(r, 99)} |`).join('\n'),
  (r) => 'I. II. III. IV. '.repeat(1 + int(r, 10_000)),
  (r) => `trong đó: ${Array.from({ length: 1 + int(r, 5000) }, () => `${int(r, 100)} hồ sơ`).join(', ')}`,
  (r) => 'ngày 30/02/2023, ngày 31/13/2024, '.repeat(1 + int(r, 5000)),
  (r) => `gồm ${2 + int(r, 28)} lĩnh vực: ${'lĩnh vực A, '.repeat(int(r, 10_000))}`,
  (r) => '\u202e\u2066\u001b[2J\u0007\u0000\u007f\u0085'.repeat(1 + int(r, 5000)),
  (r) => '%'.repeat(int(r, 100_000)) + '/'.repeat(int(r, 100_000)),
  (r) => 'Số: 1/BC-UBND\n'.repeat(1 + int(r, 5000)),
  (r) => 'Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025, '.repeat(1 + int(r, 3000)),
];
function pathologicalText(r: Rand, b: Uint8Array): Uint8Array {
  const text = Buffer.from(b).toString('utf8');
  const at = int(r, text.length + 1);
  const add = pick(r, PATHOLOGICAL)(r);
  return strToU8(text.slice(0, at) + add + text.slice(at));
}
function utf16WithSurrogates(r: Rand, b: Uint8Array): Uint8Array {
  const text = Buffer.from(b).toString('utf8');
  const buf = Buffer.from('\ufeff' + text, 'utf16le');
  for (let i = 0; i < 1 + int(r, 20); i++) buf.writeUInt16LE(0xd800 + int(r, 0x800), 2 + 2 * int(r, Math.max(1, (buf.length - 2) / 2)));
  return new Uint8Array(buf);
}
const HTML_BITS: Array<(r: Rand) => string> = [
  (r) => `<table><tr><td colspan="${int(r, 100_000)}" rowspan="${int(r, 100_000)}">1</td><td>2</td></tr>${'<tr><td rowspan="1000" colspan="1000">3</td></tr>'.repeat(int(r, 300))}</table>`,
  (r) => '<div>'.repeat(int(r, 100_000)),
  (r) => `<table>${('<tr>' + '<td>1</td>'.repeat(1 + int(r, 500)) + '</tr>').repeat(1 + int(r, 300))}</table>`,
  (r) => Array.from({ length: int(r, 30_000) }, (_, i) => `<h3>${i + 1}. M</h3>`).join(''),
  (r) => `<ul>${'<li><ul>'.repeat(int(r, 5000))}`,
  (r) => '<script>'.repeat(int(r, 1000)) + '<!--',
];
function htmlMutation(r: Rand, b: Uint8Array): Uint8Array {
  const text = Buffer.from(b).toString('utf8');
  const at = int(r, text.length + 1);
  return strToU8(text.slice(0, at) + pick(r, HTML_BITS)(r) + text.slice(at));
}

// ---- DOCX ----------------------------------------------------------------------------------------------
const XML_OPS: Array<(r: Rand, x: string) => string> = [
  // an unclosed tag: a '>' removed
  (r, x) => {
    const at = x.indexOf('>', int(r, x.length));
    return at < 0 ? x : x.slice(0, at) + x.slice(at + 1);
  },
  // closing tags removed
  (r, x) => {
    let n = 1 + int(r, 50);
    return x.replace(/<\/w:[a-zA-Z]+>/g, (m) => (n-- > 0 && r() < 0.3 ? '' : m));
  },
  // deep nesting
  (r, x) => {
    const at = x.indexOf('<w:p>', int(r, x.length));
    const k = int(r, 5000);
    return at < 0 ? x : x.slice(0, at) + '<w:p><w:r>'.repeat(k) + x.slice(at);
  },
  // attribute values huge, negative or not numbers
  (r, x) => x.replace(/w:val="([^"]*)"/g, (m) => (r() < 0.2 ? `w:val="${pick(r, ['99999999999999999999', '-1', 'NaN', '1e308', '', '4294967296', '32768'])}"` : m)),
  // control characters, invalid UTF-8 surrogate bytes (ED A0 80) and long runs in the text
  (r, x) => x.replace(/<w:t([^>]*)>([^<]*)</g, (m, a: string, t: string) => (r() < 0.3 ? `<w:t${a}>${t}${pick(r, ['\u0001\u0007\u001b[2J', '\u00ed\u00a0\u0080', 'x'.repeat(int(r, 100_000)), '&#0;&#xD800;', '&amp;&lt;'])}<` : m)),
  // a slice duplicated
  (r, x) => {
    const at = int(r, x.length);
    const s = x.slice(at, at + int(r, 3000));
    return x.slice(0, at) + s.repeat(1 + int(r, 30)) + x.slice(at);
  },
  // spans and list levels
  (r, x) => x.replace(/<w:tcPr>/g, () => `<w:tcPr><w:gridSpan w:val="${int(r, 100_000)}"/><w:vMerge w:val="restart"/>`).replace(/<w:ilvl w:val="[0-9]+"\/>/g, () => `<w:ilvl w:val="${pick(r, ['9', '100000', '-3', '8'])}"/>`),
  // numbering starts
  (r, x) => x.replace(/<w:start w:val="[0-9]+"\/>/g, () => `<w:start w:val="${pick(r, ['1000000000000000', '0', '-5', '3999', '4000', '32767'])}"/>`).replace(/w:val="(decimal|upperRoman|lowerLetter)"/g, () => `w:val="${pick(r, ['upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'decimalZero'])}"`),
];
function docxMutation(r: Rand, b: Uint8Array): Uint8Array | undefined {
  let files: Unzipped;
  try {
    files = unzipSync(b);
  } catch {
    return undefined;
  }
  const names = Object.keys(files);
  const op = int(r, 10);
  if (op === 0 && names.length > 0) delete files[pick(r, names)];
  else if (op === 1 && names.length > 0) {
    const n = pick(r, names);
    files[`${n}\u001b]0;x\u0007\u001b[2J`] = files[n]!;
    delete files[n];
  } else if (op === 2) files[`word/junk${int(r, 9)}.xml`] = new Uint8Array(int(r, 5000)).map(() => int(r, 256));
  else {
    const xmlNames = names.filter((n) => /^word\/(document|numbering|styles)\.xml$/.test(n));
    if (xmlNames.length === 0) return undefined;
    const n = pick(r, xmlNames);
    let x = strFromU8(files[n]!);
    const times = 1 + int(r, 3);
    for (let i = 0; i < times; i++) x = pick(r, XML_OPS)(r, x);
    // invalid UTF-8 stays invalid: the XML is written back as latin1 bytes where it holds them
    files[n] = /[\u0080-\u00ff]{3}/.test(x) && r() < 0.5 ? fromLatin1(x) : strToU8(x);
  }
  return zipSync(files, { level: 1, mtime: new Date('2024-01-01T00:00:00Z') });
}

// ---- PDF -----------------------------------------------------------------------------------------------
const CONTENT_OPS: Array<(r: Rand, c: string) => string> = [
  (r, c) => 'q '.repeat(int(r, 5000)) + c,
  (r, c) => c + ' BT '.repeat(int(r, 2000)),
  (r, c) => c.replace(/-?[0-9]+(\.[0-9]+)?/g, (m) => (r() < 0.1 ? pick(r, ['1e308', '-99999999999', '0', 'NaN', '3.4e38']) : m)),
  (r, c) => c + ' /F1 1e30 Tf 1e30 1e30 Td (' + 'x'.repeat(int(r, 50_000)) + ') Tj',
  (r, c) => c.replace(/\)/g, (m) => (r() < 0.05 ? '' : m)),
  (r, c) => c + ' [' + '('.repeat(int(r, 5000)),
];
function pdfMutation(r: Rand, b: Uint8Array): Uint8Array {
  let s = latin1(b);
  const op = int(r, 7);
  if (op === 0) s = s.replace(/\b[0-9]{1,6}\b/g, (m) => (r() < 0.02 ? pick(r, ['2147483648', '-1', '99999999999999', '0']) : m));
  else if (op === 1) s = s.replace(/endobj|endstream/g, (m) => (r() < 0.3 ? '' : m));
  else if (op === 2) s = s.replace(/startxref\s+[0-9]+/, `startxref\n${int(r, s.length * 2)}`);
  else if (op === 3) {
    const at = s.indexOf(' obj', int(r, s.length));
    const end = s.indexOf('endobj', at);
    if (at > 0 && end > at) s = s.slice(0, end + 6) + s.slice(s.lastIndexOf('\n', at), end + 6).repeat(1 + int(r, 20)) + s.slice(end + 6);
  } else {
    // a FlateDecode stream decoded, mutated, encoded again (its /Length fixed)
    const streams = [...s.matchAll(/\/Length (\d+)([^>]*?\/Filter\s*\/FlateDecode[^>]*)?>>\s*stream\r?\n/g)];
    if (streams.length === 0) return flip(r, b);
    const m = pick(r, streams);
    const start = m.index! + m[0].length;
    const len = Number(m[1]);
    let content: string;
    try {
      content = m[2] !== undefined ? inflateSync(Buffer.from(s.slice(start, start + len), 'latin1')).toString('latin1') : s.slice(start, start + len);
    } catch {
      return flip(r, b);
    }
    content = pick(r, CONTENT_OPS)(r, content);
    const data = m[2] !== undefined ? deflateSync(Buffer.from(content, 'latin1')).toString('latin1') : content;
    s = s.slice(0, m.index!) + m[0].replace(/\/Length \d+/, `/Length ${data.length}`) + data + s.slice(start + len);
  }
  return fromLatin1(s);
}

const GENERIC = { flip, truncate, deleteChunk, duplicateChunk, insertRandom } as const;

/** Case `index` of the run with `seed`. */
export function fuzzCase(seeds: SeedFile[], seed: number, index: number): FuzzCase {
  const r = prng((seed * 1_000_003 + index) >>> 0);
  const s = seeds[index % seeds.length]!;
  let mutation: string;
  let bytes: Uint8Array | undefined;
  const structural = r() < 0.6;
  if (structural && s.ext === '.docx') {
    mutation = 'docx';
    bytes = docxMutation(r, s.bytes);
  } else if (structural && s.ext === '.pdf') {
    mutation = 'pdf';
    bytes = pdfMutation(r, s.bytes);
  } else if (structural && (s.ext === '.html' || s.ext === '.htm')) {
    mutation = r() < 0.5 ? 'html' : 'text';
    bytes = mutation === 'html' ? htmlMutation(r, s.bytes) : pathologicalText(r, s.bytes);
  } else if (structural && (s.ext === '.txt' || s.ext === '.md')) {
    mutation = r() < 0.15 ? 'utf16' : 'text';
    bytes = mutation === 'utf16' ? utf16WithSurrogates(r, s.bytes) : pathologicalText(r, s.bytes);
  } else if (r() < 0.1 && seeds.length > 1) {
    mutation = 'splice';
    const o = seeds[int(r, seeds.length)]!;
    bytes = concat(s.bytes.subarray(0, int(r, s.bytes.length)), o.bytes.subarray(int(r, o.bytes.length)));
  } else {
    const [name, fn] = pick(r, Object.entries(GENERIC));
    mutation = name;
    bytes = fn(r, s.bytes);
  }
  if (bytes === undefined) {
    mutation = 'flip';
    bytes = flip(r, s.bytes);
  }
  if (bytes.length > MAX_CASE_BYTES) bytes = bytes.subarray(0, MAX_CASE_BYTES);
  const base = s.name.replace(/\.[^.]+$/, '').slice(0, 40);
  return { index, name: `${String(index).padStart(5, '0')}-${mutation}-${base}${s.ext}`, seed: s.name, mutation, bytes };
}
