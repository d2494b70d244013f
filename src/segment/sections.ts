/**
 * Segment: the section tree from the report's own numbering.
 * Heading styles: `PHẦN I`/`Phần thứ nhất`, Roman `I.`, Arabic `1.` / `1.2.`, letters `a)`.
 * Levels follow the order in which styles nest (like Markdown setext inference): the first style seen
 * is level 1, a new style under it is level 2, and meeting a style already on the stack closes deeper ones.
 * Bullets (`-`, `+`, `•`) are list items, not sections.
 */
import type { Document } from '../model/document.js';
import type { Span } from '../model/report.js';

export interface RawSection {
  number?: string;
  title: string;
  level: number;
  span: Span;
  headingSpan: Span;
  numberSpan?: Span;
  parentIndex?: number;
}

type Style = 'part' | 'roman' | 'arabic1' | 'arabic2' | 'arabic3' | 'letter';

const PART = /^(PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)[ ]+(thứ [a-zà-ỹ]+|[IVXLC]{1,6}|[0-9]{1,2})[.:]?[ ]*/;
const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX)[.)][ ]*/;
/** `1.2 Title` may omit the final dot; a single number must have it (`22 documents…` is a sentence) */
const ARABIC = /^([0-9]{1,2})((?:\.[0-9]{1,2}){1,3})[ ]+/;
const ARABIC_STRICT = /^([0-9]{1,2})((?:\.[0-9]{1,2}){0,3})[.)][ ]*/;
const LETTER = /^([a-zđ])\)[ ]*/;

const MAX_TITLE = 160;

function headingTitle(line: string): string {
  let t = line.trim();
  // a heading line that runs on into a paragraph: keep up to the first colon or sentence end
  const colon = t.indexOf(':');
  if (colon > 0 && colon < MAX_TITLE) t = t.slice(0, colon);
  else if (t.length > MAX_TITLE) {
    const dot = t.search(/[.;](\s|$)/);
    t = dot > 0 && dot < MAX_TITLE ? t.slice(0, dot) : t.slice(0, MAX_TITLE);
  }
  return t.replace(/[:.\s]+$/, '').trim();
}

function matchHeading(line: string): { style: Style; number: string; len: number } | undefined {
  let m = PART.exec(line);
  if (m) return { style: 'part', number: `${m[1]} ${m[2]}`, len: m[0].length };
  m = ROMAN.exec(line);
  if (m && line.length > m[0].length) return { style: 'roman', number: m[1]!, len: m[0].length };
  m = ARABIC_STRICT.exec(line) ?? ARABIC.exec(line);
  if (m && line.length > m[0].length) {
    // `1.245 hồ sơ` is a number, not a heading: a section number is followed by a letter
    const next = line[m[0].length]!;
    if (/[0-9%]/.test(next)) return undefined;
    const depth = m[2] ? m[2].split('.').length - 1 : 0;
    const style: Style = depth === 0 ? 'arabic1' : depth === 1 ? 'arabic2' : 'arabic3';
    return { style, number: m[1]! + (m[2] ?? ''), len: m[0].length };
  }
  m = LETTER.exec(line);
  if (m && line.length > m[0].length) return { style: 'letter', number: m[1]!, len: m[0].length };
  return undefined;
}

export function segmentSections(doc: Document): RawSection[] {
  const text = doc.text;
  const out: RawSection[] = [];
  const stack: { style: Style; index: number }[] = [];
  const candidates = doc.blocks.filter((b) => b.kind !== 'table-cell' && b.kind !== 'footnote');
  for (const block of candidates) {
    const raw = text.slice(block.span.start, block.span.end);
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trimStart();
    const h = matchHeading(line);
    const isHeadingBlock = block.kind === 'heading';
    if (!h && !isHeadingBlock) continue;
    const start = block.span.start + lead;
    const style: Style = h?.style ?? 'part';
    const title = headingTitle(h ? line.slice(h.len) : line) || line.trim();
    // close sections of the same or deeper style
    const pos = stack.findIndex((s) => s.style === style);
    if (pos >= 0) stack.length = pos;
    const parent = stack[stack.length - 1];
    const sec: RawSection = {
      title,
      level: stack.length + 1,
      span: { start, end: text.length },
      headingSpan: { start, end: block.span.end },
    };
    if (h) {
      sec.number = h.number;
      sec.numberSpan = { start, end: start + h.len };
    } else if (block.number) sec.number = block.number;
    if (parent) sec.parentIndex = parent.index;
    out.push(sec);
    stack.push({ style, index: out.length - 1 });
  }
  // a section ends where the next section of the same or a higher level begins (one pass with a stack)
  const open: number[] = [];
  for (let i = 0; i < out.length; i++) {
    while (open.length && out[open[open.length - 1]!]!.level >= out[i]!.level) out[open.pop()!]!.span.end = out[i]!.span.start;
    open.push(i);
  }
  for (const sec of out) {
    let e = sec.span.end;
    while (e > sec.span.start && /\s/.test(text[e - 1]!)) e--;
    sec.span.end = e;
  }
  return out;
}
