/**
 * The layout-blind view of a normalized text: what every rule pack reads.
 *
 * One pass over the text, token by token, drops what is layout and not language:
 * - a soft line break (a wrap inside running text) is one space; a hard one (blank line, list item, heading,
 *   table row: `rules/openers.ts`; a boundary between structural blocks of a DOCX/HTML/PDF) stays a break;
 * - a break after a joining character inside a token (`QĐ-⏎UBND`, `23/2023/⏎QĐ-UBND`) joins without a space;
 * - runs of spaces are one space, spaces at line edges are dropped;
 * - markdown emphasis markers (`**`, `*`) vanish, also inside a word (`ng**ày`); a bullet `* ` and `(*)` stay;
 * - a lower-case word glued to a number (`tháng12`, `11năm`) is two tokens.
 * Every view character keeps the offset of the source character it stands for, so a fact found in the view
 * maps back to an exact source span (`source.slice(span) === fact.text`, line breaks and markers included).
 */
import type { Block } from '../model/document.js';
import { OPENER_RULES } from './rules/openers.js';

export interface LayoutView {
  /** the text rules read */
  text: string;
  /** toSource[i]: source offset of view character i; toSource[text.length] = source length */
  toSource: Int32Array;
  /** fromSource[j]: the first view offset whose source offset is ≥ j */
  fromSource: Int32Array;
}

const OPENER = new RegExp(`(?:${OPENER_RULES.map((r) => r.pattern).join('|')})`, 'y');
/** A lower-case letter run at least this long, glued to digits, is a word of its own. */
const GLUED_WORD_MIN = 3;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9;
/** Character classes of the BMP, computed once: bit 1 letter (has case), bit 2 lower case. */
let CLASSES: Uint8Array | undefined;
function classes(): Uint8Array {
  if (CLASSES) return CLASSES;
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo !== up) t[c] = ch === lo ? 3 : 1;
  }
  return (CLASSES = t);
}
const letterCode = (c: number) => c >= 0 && (classes()[c]! & 1) === 1;
const lowerCode = (c: number) => c >= 0 && (classes()[c]! & 2) === 2;
const alnumCode = (c: number) => isDigit(c) || letterCode(c);

/** The start of a line, past spaces and emphasis markers (a `* ` bullet is kept). */
function lineContentStart(s: string, i: number): number {
  let j = i;
  for (;;) {
    while (j < s.length && isSpace(s.charCodeAt(j))) j++;
    if (s[j] === '*' && s[j + 1] === '*') {
      j += 2;
      continue;
    }
    if (s[j] === '*' && s[j + 1] !== ' ' && s[j + 1] !== undefined) {
      j += 1;
      continue;
    }
    return j;
  }
}

/** true when a line starting at `i` opens a list item, heading or table row (or is blank). */
export function opensLine(s: string, i: number): boolean {
  const j = lineContentStart(s, i);
  if (j >= s.length || s[j] === '\n') return true;
  OPENER.lastIndex = j;
  return OPENER.test(s);
}

/** Offsets of line breaks that separate two structural blocks (paragraphs, cells, headings) of the source. */
function structuralBreaks(blocks: readonly Block[] | undefined, s: string): Set<number> {
  const out = new Set<number>();
  if (!blocks) return out;
  for (const b of blocks) {
    if (b.kind === 'line') continue;
    // the break right after the block (and right before it) is hard
    let e = b.span.end;
    while (e < s.length && s[e] !== '\n' && isSpace(s.charCodeAt(e))) e++;
    if (s[e] === '\n') out.add(e);
    let st = b.span.start - 1;
    while (st >= 0 && s[st] !== '\n' && isSpace(s.charCodeAt(st))) st--;
    if (st >= 0 && s[st] === '\n') out.add(st);
  }
  return out;
}

/**
 * The balance of a line's `**` markers: +1 for each that opens (after a space or the line start, before a
 * non-space), −1 for each that closes (after a non-space, before a space or the line end); a marker inside a
 * word or between spaces counts for nothing.
 */
function emphasisBalance(line: string): number {
  let bal = 0;
  const re = /\*\*+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    const before = line[m.index - 1];
    const after = line[m.index + m[0].length];
    const spaceBefore = before === undefined || before === ' ';
    const spaceAfter = after === undefined || after === ' ';
    if (spaceBefore && !spaceAfter) bal++;
    else if (!spaceBefore && spaceAfter) bal--;
  }
  return bal;
}

/**
 * Line breaks inside one emphasised phrase that the source wrapped (`**THỦ TƯỚNG CHÍNH⏎PHỦ**`): a line that
 * leaves a `**` open, up to 5 balanced lines, and a line that closes it.
 */
function emphasisWraps(s: string, until: number): Set<number> {
  const out = new Set<number>();
  const lines: { start: number; end: number }[] = [];
  for (let i = 0, st = 0; i <= s.length && st < until; i++) {
    if (i === s.length || s[i] === '\n') {
      lines.push({ start: st, end: i });
      st = i + 1;
    }
  }
  const bal = lines.map((l) => emphasisBalance(s.slice(l.start, l.end)));
  for (let k = 0; k < lines.length; k++) {
    if (bal[k] !== 1) continue;
    for (let m = k + 1; m < lines.length && m <= k + 6; m++) {
      if (bal[m] === 0 && s.slice(lines[m]!.start, lines[m]!.end).trim() !== '') continue;
      if (bal[m] === -1) for (let j = k; j < m; j++) out.add(lines[j]!.end);
      break;
    }
  }
  return out;
}

/** Is the `*` run at i..j (exclusive) content, not emphasis? A line-start bullet `* ` or a footnote mark `(*)`. */
function starIsContent(s: string, i: number, j: number, atLineStart: boolean): boolean {
  if (atLineStart && j - i === 1 && s[j] === ' ') return true;
  return s[i - 1] === '(' && s[j] === ')';
}

export interface LayoutViewOptions {
  /** keep every line break (a header block is read line by line) except wraps inside one emphasised phrase;
   * spaces, emphasis and glue are still cleaned. `withKeptLines` applies it to a header window only. */
  keepLines?: boolean;
}

let scratchOut = new Uint16Array(0);
let scratchMap = new Int32Array(0);
function scratch(size: number): { out: Uint16Array; map: Int32Array } {
  if (scratchOut.length < size) {
    const cap = Math.max(size, scratchOut.length * 2, 1 << 16);
    scratchOut = new Uint16Array(cap);
    scratchMap = new Int32Array(cap);
  }
  return { out: scratchOut, map: scratchMap };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/**
 * The first `len` UTF-16 code units of `units` as a string, code unit for code unit (lone surrogates kept):
 * one native copy on a little-endian machine, else fromCharCode in chunks.
 */
function viewText(units: Uint16Array, len: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset, len * 2).toString('utf16le');
  let text = '';
  for (let a = 0; a < len; a += 8192) text += String.fromCharCode.apply(null, units.subarray(a, Math.min(len, a + 8192)) as unknown as number[]);
  return text;
}

export function layoutView(source: string, blocks?: readonly Block[], opts: LayoutViewOptions = {}): LayoutView {
  const n = source.length;
  const hardByBlock = structuralBreaks(blocks, source);
  // when lines are kept, a wrap inside one emphasised phrase is still soft
  const keepLines = opts.keepLines === true;
  const softInEmphasis = keepLines ? emphasisWraps(source, n) : new Set<number>();
  const cls = classes();
  // at most one inserted space per source character; the scratch buffers are reused across calls
  const { out, map } = scratch(2 * n + 1);
  let len = 0;
  const fromSource = new Int32Array(n + 1);
  let pendingSpace = -1; // source offset of a pending separator (space or soft break), -1 = none
  let lineStart = true; // nothing emitted since the last hard break
  let lastLine = 0; // source offset where the current source line starts
  let lowerRun = 0; // length of the lower-case letter run just emitted (0 when broken)
  let runClean = true; // that run started at a non-letter (a real word, not the tail of `QH14a`)
  let lastCh = -1;

  for (let i = 0; i < n; i++) {
    fromSource[i] = len + (pendingSpace >= 0 && !lineStart ? 1 : 0);
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (c === 10) {
      const lineIsRow = source.charCodeAt(lineContentStart(source, lastLine)) === 124;
      lastLine = i + 1;
      const kept = keepLines && !softInEmphasis.has(i);
      const hard = kept || hardByBlock.has(i) || lineIsRow || opensLine(source, i + 1);
      if (hard) {
        pendingSpace = -1;
        out[len] = 10;
        map[len++] = i;
        lastCh = 10;
        lineStart = true;
        lowerRun = 0;
        continue;
      }
      // a wrap right after a joining character inside a token: `QĐ-⏎UBND`, `2023/⏎QĐ`
      // (only when the break touches both characters: `2021-* *2030` keeps its space)
      const next = i + 1 < n ? source.charCodeAt(i + 1) : -1;
      const touching = pendingSpace < 0 && len > 0 && map[len - 1] === i - 1 && next >= 0;
      if (touching && (lastCh === 45 || lastCh === 47) && len >= 2 && alnumCode(out[len - 2]!) && alnumCode(next)) continue;
      if (touching && next === 47 && alnumCode(lastCh)) continue;
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (c === 42) {
      let j = i;
      while (j < n && source.charCodeAt(j) === 42) j++;
      if (!starIsContent(source, i, j, lineStart)) {
        for (let k = i + 1; k < j; k++) fromSource[k] = fromSource[i]!;
        i = j - 1;
        continue;
      }
    }
    if (pendingSpace >= 0 && !lineStart) {
      out[len] = 32;
      map[len++] = pendingSpace;
      lastCh = 32;
      lowerRun = 0;
    }
    pendingSpace = -1;
    const k = cls[c]!;
    // a lower-case word glued to digits: `tháng12`, `11năm`
    if (isDigit(c) && lowerRun >= GLUED_WORD_MIN && runClean) {
      out[len] = 32;
      map[len++] = i;
    } else if ((k & 2) === 2 && lowerRun === 0 && isDigit(lastCh)) {
      let e = i;
      while (e < n && (cls[source.charCodeAt(e)]! & 2) === 2) e++;
      if (e - i >= GLUED_WORD_MIN) {
        out[len] = 32;
        map[len++] = i;
      }
    }
    if ((k & 2) === 2) {
      if (lowerRun === 0) runClean = !letterCode(lastCh);
      lowerRun++;
    } else lowerRun = 0;
    out[len] = c;
    map[len++] = i;
    lastCh = c;
    lineStart = false;
  }
  fromSource[n] = len;
  const text = viewText(out, len);
  const toSource = new Int32Array(len + 1);
  toSource.set(map.subarray(0, len));
  toSource[len] = n;
  return { text, toSource, fromSource };
}

/**
 * The view with every line break kept in the source's first `windowEnd` characters (a header block is read
 * line by line) and the rest as in `view`: one extra pass over the window only.
 */
export function withKeptLines(source: string, view: LayoutView, windowEnd: number): LayoutView {
  let cut = source.indexOf('\n', Math.min(windowEnd, source.length));
  cut = cut < 0 ? source.length : cut;
  const head = layoutView(source.slice(0, cut), undefined, { keepLines: true });
  const vk = view.fromSource[cut]!;
  const text = head.text + view.text.slice(vk);
  const toSource = new Int32Array(text.length + 1);
  toSource.set(head.toSource.subarray(0, head.text.length));
  toSource.set(view.toSource.subarray(vk), head.text.length);
  const fromSource = new Int32Array(source.length + 1);
  fromSource.set(head.fromSource.subarray(0, cut));
  for (let j = cut; j <= source.length; j++) fromSource[j] = view.fromSource[j]! - vk + head.text.length;
  return { text, toSource, fromSource };
}

/** The view of `source.slice(start, end)`, cut out of the view of the whole source (offsets relative to start). */
export function subView(view: LayoutView, start: number, end: number): LayoutView {
  const a = view.fromSource[start]!;
  const b = view.fromSource[end]!;
  const toSource = new Int32Array(b - a + 1);
  for (let k = a; k < b; k++) toSource[k - a] = view.toSource[k]! - start;
  toSource[b - a] = end - start;
  const fromSource = new Int32Array(end - start + 1);
  for (let j = start; j <= end; j++) fromSource[j - start] = view.fromSource[j]! - a;
  return { text: view.text.slice(a, b), toSource, fromSource };
}

/** A view span → the source span it was read from (end exclusive, exact). */
export function spanToSource(view: LayoutView, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = view.toSource[start]!;
    return { start: at, end: at };
  }
  return { start: view.toSource[start]!, end: view.toSource[end - 1]! + 1 };
}

/** A source span → the view span that holds it. */
export function spanToView(view: LayoutView, start: number, end: number): { start: number; end: number } {
  return { start: view.fromSource[start]!, end: view.fromSource[end]! };
}
