/**
 * PDF → Document via pdf-parse (pdf.js). Text items with their positions are grouped into lines; lines into
 * paragraphs (a paragraph is one line of text, like the .txt version of a report):
 * - a new paragraph starts at a list/heading marker (`1.`, `a)`, `-`, `+`), after a line ending a sentence
 *   followed by a capital, at a first-line indent, after a vertical gap, or where a column jumps back up;
 * - a physical line splits into blocks at a blank wider than three em (two-column header, table cells);
 * - wrapped lines are joined with a space, except inside a symbol cut at the line end (`39/QĐ-⏎TrTNCƯD`,
 *   `4625/⏎BNV-CCHC`, `213/KH⏎-UBND`);
 * - text stamped by e-office signature fields (number, day, month of issue) is read from the annotation
 *   appearances and put into its line;
 * - tables with numeric cells are rebuilt from positions (./pdf-table) into table-cell blocks with headers;
 * - running headers/footers and page numbers (in the top/bottom margin: a page-number pattern, or text
 *   repeated on other pages) are kept out of the text and listed in `pages[].furniture`;
 * - footnotes (smaller type at the foot of the page, starting with their number) become footnote blocks after
 *   the body; their superscript marks are left out of the body text; each page keeps its page number;
 * - text-layer spacing damage is repaired by Vietnamese syllable structure (./repair).
 * Password-protected → `encrypted` error; no text layer → `scanned` error, never an empty success.
 */
import { PDFParse } from 'pdf-parse';
// pdf.js itself (the exact version pdf-parse pins and loads): operator codes to read annotation appearances
import { AnnotationMode, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Document, DocumentSource, PageDecoding, PageInfo, TableContext } from '../model/document.js';
import { linesQuality, redecodePoorPages, repairGlyphs } from './pdf-decoders.js';
import { ocrPdfPages } from './pdf-ocr.js';
import { fullPageImage, type PageImage } from './pdf-page-image.js';
import { DEFAULT_OCR, type OcrOptions } from './ocr.js';
import { continuesTable, findTables, repeatsHeader, type PdfTable, type TableLine } from './pdf-table.js';
import { TextBuilder, oneLine } from './builder.js';
import { InputError } from './errors.js';
import { repairSpacing } from './repair.js';
import { IDENTITY, mul, type Matrix } from './pdf-matrix.js';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
  /** drawn by an annotation appearance (a stamped field), not by the page content */
  stamp?: boolean;
  /** a space stands before this item whatever the gap (the second decoder split the words there) */
  spaced?: boolean;
}
interface PdfAnnotation {
  subtype?: string;
  hidden?: boolean;
  rect?: number[];
}
interface PdfPage {
  /** the page's /Rotate, degrees */
  rotate?: number;
  getViewport(o: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: (TextItem | { type: string })[] }>;
  getAnnotations(): Promise<PdfAnnotation[]>;
  getOperatorList(o: { annotationMode: number }): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}

/** A block of text on one physical line (the table finder's line, plus what the page classifier needs). */
interface Line extends TableLine {
  /** superscript number at the start of the line (a footnote's own number) */
  leadMark?: string;
  /** the physical line this block of text belongs to (blocks split at wide gaps share it) */
  group: number;
}

export interface Word {
  text: string;
  x0: number;
  x1: number;
}

interface Seg {
  str: string;
  stamp?: boolean;
  spaced?: boolean;
  x: number;
  w: number;
  y: number;
  size: number;
}

const MARKER = /^(?:(?:[IVXLC]{1,6}\.|\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ]\))\s|[-+•–*]|(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:[IVXLC]{1,6}|\d{1,2}|thứ)(?![\p{L}\p{N}])|Điều\s+\d{1,3}\.)/u;
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–])?$/i;

const ANNOTATION_TEXT_KINDS = new Set(['Widget', 'FreeText', 'Stamp']);
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup]);

/**
 * Text drawn by annotation appearances, which pdf.js leaves out of getTextContent. Vietnamese e-office
 * systems stamp the document number (`Số: 228`), the day and month of issue into the header as
 * signature-field appearances at signing time, so without them the header reads `Số: /BC-SNV … ngày tháng 11`.
 * The appearance streams are read from the page's operator list (only on pages that have such annotations):
 * each text-showing operation becomes a text item at its page position.
 */
async function annotationTextItems(page: PdfPage): Promise<TextItem[]> {
  const annots = await page.getAnnotations();
  // field stamps are one line high (a signature image or a seal is taller): only then is the operator list,
  // which costs about as much as the page's text, worth reading
  const oneLine = (r: number[] | undefined) => !!r && r.length === 4 && Math.abs(r[3]! - r[1]!) <= 32;
  if (!annots.some((a) => a.subtype !== undefined && ANNOTATION_TEXT_KINDS.has(a.subtype) && !a.hidden && (a.subtype !== 'Widget' || oneLine(a.rect)))) return [];
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  const out: TextItem[] = [];
  let depth = 0;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let fontSize = 0;
  let leading = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.beginAnnotation) {
      depth++;
      stack.length = 0;
      ctm = mul(mul(IDENTITY, args[2] as number[]), args[3] as number[]);
      continue;
    }
    if (fn === OPS.endAnnotation) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0) continue;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = mul(ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (args[0]) ctm = mul(ctm, args[0] as number[]);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.beginText:
        tm = tlm = IDENTITY;
        break;
      case OPS.setFont:
        fontSize = Number(args[1]) || 0;
        break;
      case OPS.setLeading:
        leading = Number(args[0]) || 0;
        break;
      case OPS.setTextMatrix:
        tm = tlm = Array.from(args[0] as ArrayLike<number>) as Matrix;
        break;
      case OPS.moveText:
      case OPS.setLeadingMoveText:
        if (fn === OPS.setLeadingMoveText) leading = -Number(args[1]);
        tm = tlm = mul(tlm, [1, 0, 0, 1, Number(args[0]), Number(args[1])]);
        break;
      case OPS.nextLine:
        tm = tlm = mul(tlm, [1, 0, 0, 1, 0, -leading]);
        break;
      case OPS.showText:
      case OPS.showSpacedText: {
        const glyphs = (args[0] ?? []) as ({ unicode?: string; width?: number; isSpace?: boolean } | number | null)[];
        let str = '';
        let advance = 0;
        for (const g of glyphs) {
          if (typeof g === 'number') {
            const shift = (-g / 1000) * fontSize;
            if (shift > fontSize * 0.25 && !str.endsWith(' ')) str += ' ';
            advance += shift;
          } else if (g) {
            str += g.unicode ?? '';
            advance += ((g.width ?? 0) / 1000) * fontSize;
          }
        }
        const m = mul(ctm, tm);
        const scale = Math.hypot(m[2], m[3]);
        if (str.trim() !== '' && fontSize > 0) {
          const size = fontSize * scale;
          out.push({ str, transform: [size, 0, 0, size, m[4], m[5]], width: advance * Math.hypot(m[0], m[1]), height: size, hasEOL: false, stamp: true });
        }
        tm = mul(tm, [1, 0, 0, 1, advance, 0]);
        break;
      }
    }
  }
  return out;
}

/**
 * Put annotation text items into the page's item stream where they are read: on the text line at their
 * baseline, after the item to their left (a stamped `228` between `Số:` and `/BC-SNV`). Items on no text
 * line (an e-signature box: signer, time) are returned apart: they are page furniture, not body text.
 */
function placeAnnotationItems(items: TextItem[], extra: TextItem[]): { items: TextItem[]; loose: string[] } {
  if (extra.length === 0) return { items, loose: [] };
  const out = items.slice();
  const loose: string[] = [];
  for (const e of extra) {
    const ey = e.transform[5]!;
    const ex = e.transform[4]!;
    let after = -1;
    let afterX = -Infinity;
    let before = -1;
    let beforeX = Infinity;
    out.forEach((it, k) => {
      if (it.str.trim() === '' && it.width === 0) return;
      const size = Math.hypot(it.transform[2]!, it.transform[3]!) || it.height || 1;
      if (Math.abs(it.transform[5]! - ey) > Math.max(size, e.height) * 0.5) return;
      const x = it.transform[4]!;
      if (x <= ex && x > afterX) [after, afterX] = [k, x];
      if (x > ex && x < beforeX) [before, beforeX] = [k, x];
    });
    if (after >= 0) {
      // the line ends after the stamp now, if it ended at the item it follows
      const prev = out[after]!;
      if (prev.hasEOL) {
        out[after] = { ...prev, hasEOL: false };
        out.splice(after + 1, 0, { ...e, hasEOL: true });
      } else out.splice(after + 1, 0, e);
    }
    else if (before >= 0) out.splice(before, 0, e);
    else loose.push(e.str.trim());
  }
  return { items: out, loose };
}

/** Group the page's text items into lines (sequential: a new line where the baseline moves). */
let groupSeq = 0;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_ONLY = /^\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}\s*$/;
/** superscript digits right after a word or number: a footnote mark glued to it */
const SUPERSCRIPT_IN = /(?<=[\p{L}\p{N}.,;:)”"])[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}/gu;
const fromSuperscript = (s: string) => s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(SUPERSCRIPT_DIGITS.indexOf(c)));

function pageLines(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let cur: Seg[] = [];
  let baseY = 0;
  let baseSize = 0;
  const flush = () => {
    if (cur.length === 0) return;
    // the line's type size: the size carrying most characters
    const bySize = new Map<number, number>();
    for (const s of cur) bySize.set(Math.round(s.size), (bySize.get(Math.round(s.size)) ?? 0) + s.str.length);
    const size = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const baseline = cur.find((s) => Math.round(s.size) === size)!.y;
    // a run of blank space wider than three em splits the physical line into blocks: the agency and the
    // national motto of a two-column header, `Số: …` and the place-date, the cells of a table row
    const gapSplit = size * 3;
    let text = '';
    let leadMark: string | undefined;
    let prevEnd: number | undefined;
    let inkEnd: number | undefined;
    let prevStamp = false;
    let x0: number | undefined;
    let x1 = 0;
    const group = groupSeq++;
    let words: Word[] = [];
    let joinNext = false;
    // words with their extent: an item's width is shared out over its characters
    const addWords = (sg: Seg) => {
      const per = sg.str.length > 0 ? sg.w / sg.str.length : 0;
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      let first = true;
      while ((m = re.exec(sg.str))) {
        const w: Word = { text: m[0], x0: sg.x + m.index * per, x1: sg.x + (m.index + m[0].length) * per };
        const last = words[words.length - 1];
        // an item continuing the previous word (`Ỉ` `NH`): one word
        if (first && m.index === 0 && joinNext && last && w.x0 - last.x1 < sizeRef * 0.15) {
          last.text += w.text;
          last.x1 = w.x1;
        } else words.push(w);
        first = false;
      }
      joinNext = sg.str.length > 0 && !/\s$/.test(sg.str);
    };
    const sizeRef = size;
    const emit = () => {
      let t = text.trim();
      // a footnote written with Unicode superscript digits at the start of its line: `¹ Khảo sát …`
      const lead = leadMark === undefined ? /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*/.exec(t) : null;
      if (lead) {
        leadMark = fromSuperscript(lead[1]!);
        t = t.slice(lead[0].length);
      }
      if (t !== '' || leadMark) {
        const line: Line = { page, text: t, x0: x0 ?? cur[0]!.x, x1, y: baseline, size, group, words };
        if (leadMark) line.leadMark = leadMark;
        lines.push(line);
      }
      text = '';
      leadMark = undefined;
      x0 = undefined;
      words = [];
      joinNext = false;
    };
    for (const s of cur) {
      // a footnote mark: small raised digits, or Unicode superscript digits (`2025²`)
      const sup = (s.size < size * 0.8 && s.y - baseline > size * 0.15 && /^\s*\d{1,3}\s*$/.test(s.str)) || SUPERSCRIPT_ONLY.test(s.str);
      if (!sup && SUPERSCRIPT_IN.test(s.str)) s.str = s.str.replace(SUPERSCRIPT_IN, '');
      if (sup) {
        if (text.trim() === '') leadMark = fromSuperscript(s.str.trim());
        // a footnote mark in running text: left out (the footnote itself keeps the number)
        prevEnd = s.x + s.w;
        continue;
      }
      const ink = s.str.trim() !== '';
      if (ink && inkEnd !== undefined && s.x - inkEnd > gapSplit && text.trim() !== '') {
        emit();
        prevEnd = undefined;
      }
      // a stamped field fills a blank: it is a word of its own (`ngày` `28` `tháng`)
      const apart = s.stamp || prevStamp;
      if (prevEnd !== undefined && (s.x - prevEnd > size * 0.2 || apart || s.spaced) && !/\s$/.test(text) && !/^\s/.test(s.str)) text += ' ';
      prevStamp = s.stamp === true;
      text += s.str;
      if (prevEnd !== undefined && (s.x - prevEnd > size * 0.2 || s.spaced)) joinNext = false;
      addWords(s);
      prevEnd = s.x + s.w;
      if (ink) {
        if (x0 === undefined) x0 = s.x;
        inkEnd = s.x + s.w;
        x1 = inkEnd;
      }
    }
    emit();
    cur = [];
  };
  for (const it of items) {
    const size = Math.hypot(it.transform[2]!, it.transform[3]!) || it.height || 1;
    const x = it.transform[4]!;
    const y = it.transform[5]!;
    if (it.str !== '') {
      if (cur.length > 0 && Math.abs(y - baseY) > Math.max(size, baseSize) * 0.5) flush();
      if (cur.length === 0) {
        baseY = y;
        baseSize = size;
      }
      if (size > baseSize) {
        baseSize = size;
        baseY = y;
      }
      const seg: Seg = { str: it.str, x, w: it.width, y, size };
      if (it.stamp) seg.stamp = true;
      if (it.spaced) seg.spaced = true;
      cur.push(seg);
    }
    if (it.hasEOL) flush();
  }
  flush();
  return lines;
}

const digitsKey = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

function mode(values: number[]): number {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

interface PageData {
  number: number;
  height: number;
  body: Line[];
  furniture: string[];
  notes: Line[];
}

/** lines of an e-signature box drawn in the page (`Ký bởi: …`, `Thời gian ký: 28.11.2025 09:15:32 +07:00`) */
const SIGNATURE_STRONG = /^(?:Ký bởi|Người ký|Được ký bởi|Thời gian ký|Ngày ký|Signed by|Digitally signed by|Signing time|Signature Not Verified|Signature Valid)\b\s*:?/i;
const SIGNATURE_WEAK = /^(?:Email|E-mail|Cơ quan|Chức vụ|Đơn vị|Tổ chức|Reason|Location|Date|Lý do|Vị trí)\s*:/i;

/** The lines of e-signature boxes on a page: strong-label lines and label lines right beside them. */
function signatureBox(lines: Line[]): Set<Line> {
  const out = new Set<Line>();
  lines.forEach((l, i) => {
    if (!SIGNATURE_STRONG.test(l.text)) return;
    out.add(l);
    for (const dir of [-1, 1]) {
      for (let k = i + dir, prev = l; k >= 0 && k < lines.length; k += dir) {
        const o = lines[k]!;
        if (Math.abs(o.y - prev.y) > o.size * 2.5 || !(SIGNATURE_WEAK.test(o.text) || SIGNATURE_STRONG.test(o.text))) break;
        out.add(o);
        prev = o;
      }
    }
  });
  return out;
}

/** Split each page's lines into furniture, body and footnote lines. */
function classify(pages: { number: number; height: number; lines: Line[]; furniture?: string[] }[]): PageData[] {
  // margin text repeated on several pages (digits ignored) is a running header/footer
  const marginCount = new Map<string, number>();
  const inMargin = (l: Line, h: number) => l.y > h * 0.9 || l.y < h * 0.08;
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (inMargin(l, p.height)) seen.add(digitsKey(l.text));
    for (const k of seen) marginCount.set(k, (marginCount.get(k) ?? 0) + 1);
  }
  const allSizes = pages.flatMap((p) => p.lines.flatMap((l) => Array<number>(Math.min(l.text.length, 200)).fill(l.size)));
  const bodySize = mode(allSizes);
  const out: PageData[] = [];
  let openNote = false;
  for (const p of pages) {
    const furniture: string[] = [...(p.furniture ?? [])];
    const rest: Line[] = [];
    const edge = new Set<Line>();
    // only the first two and last two lines of a page can be furniture
    [p.lines[0], p.lines[1], p.lines[p.lines.length - 1], p.lines[p.lines.length - 2]].forEach((l) => l && edge.add(l));
    const stamp = signatureBox(p.lines);
    // a page number stands alone on its line: a figure sharing a line with other blocks is a table cell
    const perGroup = new Map<number, number>();
    for (const l of p.lines) perGroup.set(l.group, (perGroup.get(l.group) ?? 0) + 1);
    const alone = (l: Line) => perGroup.get(l.group) === 1;
    for (const l of p.lines) {
      const repeated = pages.length >= 3 && (marginCount.get(digitsKey(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
      if (stamp.has(l) || (edge.has(l) && inMargin(l, p.height) && ((PAGE_NUMBER.test(l.text) && alone(l)) || repeated))) furniture.push(l.text);
      else rest.push(l);
    }
    // footnotes: the run of smaller lines at the foot of the page, starting with a footnote number
    let k = rest.length;
    while (k > 0 && rest[k - 1]!.size < bodySize * 0.9 && rest[k - 1]!.y < p.height * 0.5) k--;
    let notes = rest.slice(k);
    const startsNote = (l: Line) => l.leadMark !== undefined || /^\d{1,3}\s/.test(l.text);
    if (notes.length > 0 && !startsNote(notes[0]!) && !openNote) {
      // not footnotes after all unless a numbered line follows and the first continues the last page's note
      const firstNumbered = notes.findIndex(startsNote);
      notes = firstNumbered >= 0 ? notes.slice(firstNumbered) : [];
    }
    // a table set in small type at the foot of the page is no footnote (`1  Sở Nội vụ  12  15` starts with a number)
    const inTable = findTables(notes).flatMap((t) => [...t.lines]);
    if (inTable.length > 0) {
      const after = Math.max(...inTable.map((l) => notes.indexOf(l))) + 1;
      notes = notes.slice(after);
      const firstNumbered = notes.findIndex(startsNote);
      notes = firstNumbered >= 0 ? notes.slice(firstNumbered) : [];
    }
    const body = rest.slice(0, rest.length - notes.length);
    if (notes.length > 0) openNote = true;
    else if (body.length > 0) openNote = false;
    out.push({ number: p.number, height: p.height, body, furniture, notes });
  }
  return out;
}

function endsSymbolHyphen(s: string): boolean {
  return /[\p{L}\p{N}][-/]$/u.test(s);
}

/** a document symbol cut before its hyphen or slash: `… số 213/KH` ⏎ `-UBND ngày …` */
const SYMBOL_HEAD = /(?:^|\s)\d{1,5}(?:\/\d{4})?[/-][\p{Lu}\p{N}&.]*\p{Lu}[\p{Lu}\p{N}&.]*$/u;
const SYMBOL_REST = /^[-/][\p{Lu}\p{N}]/u;
function continuesSymbol(para: string, next: string): boolean {
  return SYMBOL_REST.test(next) && SYMBOL_HEAD.test(para);
}

function joinLine(para: string, next: string): string {
  if (para === '') return next;
  return endsSymbolHyphen(para) || continuesSymbol(para, next) ? para + next : `${para} ${next}`;
}

function startsNewParagraph(prev: Line, next: Line, leftMargin: number, rightEdge: number, lineGap: number): boolean {
  if (next.page === prev.page && continuesSymbol(prev.text, next.text) && prev.y - next.y < lineGap * 1.7 && prev.y > next.y) return false;
  // blocks of one physical line: separate (two header columns) unless a label's value stands apart (`… giao:      36`)
  if (next.group === prev.group) return !(/:$/.test(prev.text) || /^[-+]?\d/.test(next.text));
  if (MARKER.test(next.text)) return true;
  if (next.page === prev.page) {
    if (next.y > prev.y + 1) return true; // a column or block jumps back up
    if (prev.y - next.y > lineGap * 1.7) return true; // vertical gap
  }
  const size = prev.size;
  const startsUpper = /^["“(]?\p{Lu}/u.test(next.text);
  if (/[.!?]["”)]?$/.test(prev.text) && startsUpper) return true;
  if (next.page === prev.page) {
    // first-line indent after a line at the margin; a line back at the margin after a centred one
    if (prev.x0 <= leftMargin + size * 0.5 && next.x0 > leftMargin + size * 1.2) return true;
    if (prev.x0 > leftMargin + size * 4 && prev.x0 - next.x0 > size * 2) return true;
  }
  // a short line: the next line's first word would have fitted after it (average glyph ≈ half the size)
  const firstWord = /^\S+/.exec(next.text)?.[0] ?? '';
  if (/^["“(]?[\p{Lu}\p{N}]/u.test(next.text) && prev.x1 + (firstWord.length + 1) * size * 0.5 < rightEdge - size) return true;
  return false;
}

export async function ingestPdf(path: string, bytes: Uint8Array, source: DocumentSource, deadline = Infinity, ocr: OcrOptions = DEFAULT_OCR, budget: { deadline: number } = { deadline }): Promise<Document> {
  const parser = new PDFParse({ data: bytes.slice(), verbosity: 0 });
  let pdf: PdfDoc;
  try {
    pdf = await (parser as unknown as { load(): Promise<PdfDoc> }).load();
  } catch (e) {
    await parser.destroy().catch(() => undefined);
    const name = e instanceof Error ? e.name : '';
    const msg = e instanceof Error ? e.message : String(e);
    if (name === 'PasswordException' || /password/i.test(msg)) throw new InputError(path, 'encrypted', 'password-protected PDF');
    throw new InputError(path, 'truncated', `damaged or truncated PDF (${msg.split('\n')[0]})`);
  }
  const raw: (RawPage & { stamps?: TextItem[] })[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      if (Date.now() > deadline) throw new InputError(path, 'timeout', `ingest stopped at page ${n}: over the time limit per file`);
      const page = await pdf.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const tc = await page.getTextContent();
      const stamps = await annotationTextItems(page);
      const placed = placeAnnotationItems(
        tc.items.filter((i): i is TextItem => 'str' in i).map((i) => (i.str.includes('ı') ? { ...i, str: repairGlyphs(i.str) } : i)),
        stamps,
      );
      const rp: (typeof raw)[number] = { number: n, width: vp.width, height: vp.height, lines: pageLines(placed.items, n) };
      if (placed.loose.length > 0) rp.furniture = placed.loose;
      if (rp.lines.length > 0) rp.decoding = { decoder: 'pdfjs', quality: linesQuality(rp.lines) };
      if (stamps.length > 0) rp.stamps = stamps;
      if (rp.lines.length === 0) {
        // no text: a scanned page paints an image; a page that paints nothing is just blank
        const ops = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
        rp.blank = !ops.fnArray.some((fn) => IMAGE_OPS.has(fn));
        // a scan: one image over the whole page, OCR'd at its own resolution (./pdf-page-image)
        const image = rp.blank ? undefined : fullPageImage(ops, vp.width, vp.height, page.rotate ?? 0);
        if (image) rp.image = image;
      }
      raw.push(rp);
      page.cleanup();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, 'truncated', `damaged PDF (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  source.pages = pdf.numPages;
  // pages whose text layer scores poorly: decoded a second way (poppler), the better decoding kept
  const redecodeNote = await redecodePoorPages(bytes, raw, (items, n) => pageLines(placeAnnotationItems(items, raw[n - 1]?.stamps ?? []).items, n), Math.min(60_000, deadline - Date.now()));
  // pages with no usable text layer (scans): OCR (--ocr auto|always|never)
  const ocrDone = await ocrPdfPages(bytes, raw, (items, n) => pageLines(items, n), ocr, budget);
  const chars = raw.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
  if (chars < 20) {
    const why = ocr.mode === 'never' ? 'OCR is off (--ocr never)' : ocrDone.problems.length > 0 ? ocrDone.problems.join('; ') : 'OCR found no text';
    throw new InputError(path, 'scanned', `scanned: no text layer (${pdf.numPages} pages, ${chars} characters of text; ${why})`);
  }

  const notes: { rule: string; message: string }[] = [];
  if (redecodeNote) notes.push({ rule: 'ingest-pdf-decoder', message: redecodeNote });
  for (const message of ocrDone.problems) notes.push({ rule: 'ingest-ocr', message });
  return assemble(source, raw, notes, ocrDone.pages);
}

/** A page as read: its lines (from the text layer, poppler or OCR), size, and how its text was obtained. */
interface RawPage {
  number: number;
  width: number;
  height: number;
  lines: Line[];
  furniture?: string[];
  blank?: boolean;
  /** the page is one full-page image (a scan) */
  image?: PageImage;
  decoding?: PageDecoding;
}

/** OCR'd page images (./image) → Document, through the same page classification and paragraph building as a PDF. */
export function buildPdfLikeDocument(path: string, source: DocumentSource, ocrPages: { width: number; height: number; items: TextItem[]; confidence: number; ms: number }[]): Document {
  const raw: RawPage[] = ocrPages.map((p, i) => {
    const lines = pageLines(p.items, i + 1);
    return { number: i + 1, width: p.width, height: p.height, lines, decoding: { decoder: 'ocr', quality: linesQuality(lines), confidence: p.confidence, ms: p.ms } };
  });
  source.pages = raw.length;
  const chars = raw.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
  if (chars < 20) throw new InputError(path, 'scanned', `scanned page image: OCR found no text (${raw.length} page(s), ${chars} characters)`);
  const withText = raw.filter((p) => p.lines.length > 0).map((p) => p.number);
  return assemble(source, raw, [], withText);
}

function assemble(source: DocumentSource, raw: RawPage[], notesOut: { rule: string; message: string }[], ocrPages: number[]): Document {
  const pages = classify(raw);
  const b = new TextBuilder();
  let repairs = 0;
  const fix = (s: string) => {
    const r = repairSpacing(oneLine(s));
    repairs += r.repairs;
    return r.text;
  };
  // body: paragraphs may run across pages; remember where each page starts inside the text
  const pageStart = new Map<number, number>();
  let para = '';
  let paraPage = 0;
  let prev: Line | undefined;
  const flush = () => {
    if (para !== '') b.add('paragraph', para, { page: paraPage });
    para = '';
  };
  let tableIndex = 0;
  // the table that ended the page before (its last body line was a table line), to go on over a page break
  // (`last`), and the table that holds the column headers and unit of that run of pages (`head`)
  let open: { last: PdfTable<Line>; head: PdfTable<Line>; index: number; rows: number } | undefined;
  for (const p of pages) {
    // tables rebuilt from text positions leave the running text; each is written where its first line was
    const tables = findTables(p.body);
    const tableOf = new Map<Line, PdfTable<Line>>();
    for (const t of tables) for (const l of t.lines) tableOf.set(l, t);
    const running = p.body.filter((l) => !tableOf.has(l));
    const leftMargin = mode(running.map((l) => Math.round(l.x0)));
    // the right margin: where the longer lines end (90th percentile; works for justified and ragged text)
    const ends = running.map((l) => l.x1).sort((a, b) => a - b);
    const rightEdge = ends.length ? ends[Math.floor((ends.length - 1) * 0.9)]! : 0;
    const gaps: number[] = [];
    for (let i = 1; i < running.length; i++) {
      const d = running[i - 1]!.y - running[i]!.y;
      if (d > 0) gaps.push(Math.round(d));
    }
    const lineGap = gaps.length ? mode(gaps) : 16;
    if (p.body.length === 0 && para === '') pageStart.set(p.number, b.offset);
    const written = new Set<PdfTable<Line>>();
    for (const l of p.body) {
      const table = tableOf.get(l);
      if (table) {
        if (written.has(table)) continue;
        written.add(table);
        flush();
        prev = undefined;
        if (!pageStart.has(p.number)) pageStart.set(p.number, b.offset);
        // a table heading the page with no header of its own goes on with the one that ended the page before:
        // the same table, its rows counted on, its column headers and unit carried over
        const goesOn = open && l === p.body[0] && continuesTable(open.last, table, open.head) ? open : undefined;
        // a repeated header is the page's copy of the one above: not written again, its rows not counted
        const repeated = goesOn !== undefined && repeatsHeader(goesOn.head, table);
        const index = goesOn ? goesOn.index : tableIndex++;
        const rowBase = goesOn ? goesOn.rows : 0;
        const headOf = goesOn?.head;
        const rows = repeated ? table.rows.slice(1) : table.rows;
        rows.forEach((cells, row) => {
          b.addRow(
            cells.map((c) => {
              const ctx: TableContext = { index, row: rowBase + row, col: c.col };
              if (c.ordinal) ctx.ordinal = true;
              if (c.rowHeader !== undefined) ctx.rowHeader = fix(c.rowHeader);
              const colHeader = c.colHeader ?? (c.figureCol !== undefined ? headOf?.colHeader?.[c.figureCol] : undefined);
              if (colHeader !== undefined) ctx.colHeader = fix(colHeader);
              const unit = c.unit ?? (c.figureCol !== undefined ? headOf?.unit : undefined);
              if (unit !== undefined) ctx.unit = fix(unit);
              return { text: fix(c.text), table: ctx };
            }),
            p.number,
          );
        });
        // it can go on over the next break only when it ends the page
        open = table.lines.has(p.body[p.body.length - 1]!) ? { last: table, head: headOf ?? table, index, rows: rowBase + rows.length } : undefined;
        continue;
      }
      const text = fix(l.text);
      if (text === '') continue;
      open = undefined;
      if (prev && para !== '' && startsNewParagraph(prev, l, leftMargin, rightEdge, lineGap)) flush();
      if (!pageStart.has(p.number)) pageStart.set(p.number, b.offset + (para === '' ? 0 : para.length + (endsSymbolHyphen(para) || continuesSymbol(para, text) ? 0 : 1)));
      if (para === '') paraPage = p.number;
      para = joinLine(para, text);
      prev = l;
    }
    if (p.body.length === 0 && !pageStart.has(p.number)) pageStart.set(p.number, b.offset);
  }
  flush();
  const bodyEnd = b.offset;
  const infos: PageInfo[] = [];
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    const start = pageStart.get(p.number) ?? bodyEnd;
    const nextStart = i + 1 < pages.length ? pageStart.get(pages[i + 1]!.number) ?? bodyEnd : bodyEnd;
    const info: PageInfo = { number: p.number, span: { start, end: Math.max(start, nextStart) } };
    if (p.furniture.length) info.furniture = p.furniture;
    const decoding = raw[p.number - 1]?.decoding;
    if (decoding) info.decoding = decoding;
    infos.push(info);
  }
  // footnotes after the body, each page's notes with their page number (a second entry for that page)
  let last: { text: string; page: number; number?: string } | undefined;
  const notes: { text: string; page: number; number?: string }[] = [];
  for (const p of pages) {
    for (const l of p.notes) {
      const m = l.leadMark ?? /^(\d{1,3})\s/.exec(l.text)?.[1];
      const text = fix(l.text);
      if (m !== undefined) {
        const body = l.leadMark !== undefined ? text : text.replace(/^\d{1,3}\s+/, '');
        last = { text: `${m} ${body}`.trim(), page: p.number, number: m };
        notes.push(last);
      } else if (last) last.text = joinLine(last.text, text);
      else notes.push((last = { text, page: p.number }));
    }
  }
  for (const n of notes) {
    const start = b.offset;
    const blk = b.add('footnote', n.text, n.number !== undefined ? { page: n.page, number: n.number } : { page: n.page });
    if (!blk) continue;
    const lastInfo = infos[infos.length - 1];
    if (lastInfo && lastInfo.number === n.page && lastInfo.span.start >= bodyEnd) lastInfo.span.end = blk.span.end;
    else infos.push({ number: n.page, span: { start, end: blk.span.end } });
  }
  b.pages.push(...infos);
  for (const note of notesOut) b.warn(note.rule, note.message);
  if (ocrPages.length > 0) b.warn('ingest-ocr', `OCR (tesseract) on pages ${ocrPages.join(', ')}: facts there carry ocr: true and the page's confidence`, 'info');
  const redecoded = raw.filter((p) => p.decoding?.decoder === 'poppler').map((p) => p.number);
  if (redecoded.length > 0) b.warn('ingest-pdf-decoder', `poor text layer (broken font encoding?) on pages ${redecoded.join(', ')}: read with poppler instead`, 'info');
  if (repairs > 0) b.warn('ingest-pdf-repair', `repaired ${repairs} text-layer spacing errors by Vietnamese syllable structure`, 'info');
  const blank = new Set(raw.filter((p) => p.blank).map((p) => p.number));
  const empty = pages.filter((p) => p.body.length === 0 && p.notes.length === 0 && !blank.has(p.number)).map((p) => p.number);
  if (empty.length > 0) b.warn('ingest-pdf-no-text', `pages without a text layer (scanned?): ${empty.join(', ')}`);
  if (blank.size > 0) b.warn('ingest-pdf-blank', `blank pages (nothing drawn): ${[...blank].join(', ')}`, 'info');
  return b.finish(source);
}
