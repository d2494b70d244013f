/**
 * What mammoth drops from a DOCX, put back into word/document.xml before mammoth reads it:
 * - Word auto-numbering (`I.`, `1.`, `a)`, bullets) rebuilt from word/numbering.xml and written as a run
 *   at the start of the paragraph (`1. Về cải cách thể chế:`; bullets become `- ` / `+ `), so the text reads
 *   like the .txt version of the report.
 * - Runs in legacy fonts (`.VnTime*` → TCVN3, `VNI-*` → VNI; w:rFonts direct, from the run or paragraph
 *   style, or the document default) converted to Unicode; `.VnTimeH`-style fonts are upper-cased.
 * The XML is scanned once with a tag tokenizer (linear time); edits are spliced in at the end.
 */
import { XMLParser } from 'fast-xml-parser';
import { tcvn3FontToUnicode, vniFontToUnicode } from './encodings.js';
import { LIMITS } from '../util/limits.js';

/** A list counter value as Word reads it: an integer in 0…32767 (Word's own range; a larger w:start is clamped). */
function listNumber(v: string | undefined, dflt: number): number {
  const n = Number(v ?? dflt);
  if (!Number.isFinite(n)) return dflt;
  return Math.max(0, Math.min(LIMITS.listNumberMax, Math.trunc(n)));
}
/** A list level 0…8 (undefined when out of Word's range). */
function listLevel(v: string | undefined): number | undefined {
  const n = Number(v ?? '0');
  return Number.isInteger(n) && n >= 0 && n <= LIMITS.listLevelMax ? n : undefined;
}

interface Level {
  fmt: string;
  text: string;
  start: number;
}
interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and start overrides per level */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  /** paragraph style id → abstract/level via w:lvl/w:pStyle */
  byStyle: Map<string, { abstractId: string; ilvl: number }>;
}

interface StyleInfo {
  font?: string;
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  isArray: (name) => ['w:abstractNum', 'w:num', 'w:lvl', 'w:lvlOverride', 'w:style'].includes(name),
});

type XmlNode = Record<string, unknown>;
const attr = (n: unknown, a: string): string | undefined => {
  if (!n || typeof n !== 'object') return undefined;
  const v = (n as XmlNode)[`@_${a}`];
  return v === undefined ? undefined : String(v);
};
const child = (n: unknown, name: string): unknown => (n && typeof n === 'object' ? (n as XmlNode)[name] : undefined);
const children = (n: unknown, name: string): unknown[] => {
  const c = child(n, name);
  return Array.isArray(c) ? c : c === undefined ? [] : [c];
};

export function parseNumbering(xml: string | undefined): Numbering {
  const out: Numbering = { abstract: new Map(), nums: new Map(), byStyle: new Map() };
  if (!xml) return out;
  const root = child(parser.parse(xml), 'w:numbering');
  for (const an of children(root, 'w:abstractNum')) {
    const id = attr(an, 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const lvl of children(an, 'w:lvl')) {
      const ilvl = listLevel(attr(lvl, 'w:ilvl'));
      if (ilvl === undefined) continue;
      const lv: Level = {
        fmt: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
        text: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
        start: listNumber(attr(child(lvl, 'w:start'), 'w:val'), 1),
      };
      levels.set(ilvl, lv);
      const ps = attr(child(lvl, 'w:pStyle'), 'w:val');
      if (ps !== undefined) out.byStyle.set(ps, { abstractId: id, ilvl });
    }
    out.abstract.set(id, levels);
  }
  for (const num of children(root, 'w:num')) {
    const id = attr(num, 'w:numId');
    const abstractId = attr(child(num, 'w:abstractNumId'), 'w:val');
    if (id === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, number>();
    for (const o of children(num, 'w:lvlOverride')) {
      const so = attr(child(o, 'w:startOverride'), 'w:val');
      const l = listLevel(attr(o, 'w:ilvl'));
      if (so !== undefined && l !== undefined) overrides.set(l, listNumber(so, 1));
    }
    out.nums.set(id, { abstractId, overrides });
  }
  return out;
}

function fontOf(rFonts: unknown): string | undefined {
  return attr(rFonts, 'w:ascii') ?? attr(rFonts, 'w:hAnsi') ?? attr(rFonts, 'w:cs');
}

export function parseStyles(xml: string | undefined): { styles: Map<string, StyleInfo>; defaultFont?: string } {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return { styles };
  const root = child(parser.parse(xml), 'w:styles');
  const defaultFont = fontOf(child(child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'), 'w:rFonts'));
  for (const st of children(root, 'w:style')) {
    const id = attr(st, 'w:styleId');
    if (id === undefined) continue;
    const info: StyleInfo = {};
    const font = fontOf(child(child(st, 'w:rPr'), 'w:rFonts'));
    if (font !== undefined) info.font = font;
    const numPr = child(child(st, 'w:pPr'), 'w:numPr');
    const numId = attr(child(numPr, 'w:numId'), 'w:val');
    if (numId !== undefined) {
      info.numId = numId;
      info.ilvl = listLevel(attr(child(numPr, 'w:ilvl'), 'w:val')) ?? 0;
    }
    const basedOn = attr(child(st, 'w:basedOn'), 'w:val');
    if (basedOn !== undefined) info.basedOn = basedOn;
    styles.set(id, info);
  }
  const out: { styles: Map<string, StyleInfo>; defaultFont?: string } = { styles };
  if (defaultFont !== undefined) out.defaultFont = defaultFont;
  return out;
}

function styleFont(styles: Map<string, StyleInfo>, id: string | undefined): string | undefined {
  for (let i = 0; id !== undefined && i < 10; i++) {
    const s = styles.get(id);
    if (!s) return undefined;
    if (s.font !== undefined) return s.font;
    id = s.basedOn;
  }
  return undefined;
}

export type LegacyFont = 'tcvn3' | 'tcvn3-upper' | 'vni';

export function legacyFontKind(font: string | undefined): LegacyFont | undefined {
  if (!font) return undefined;
  if (/^\.?vn[a-z]/i.test(font) && !/^vni/i.test(font)) return /h$/i.test(font) ? 'tcvn3-upper' : 'tcvn3';
  if (/^vni[-_ ]/i.test(font)) return 'vni';
  return undefined;
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) while (n >= v) (s += r), (n -= v);
  return s;
}
/** Vietnamese letter sequence used by Word for lowerLetter lists is the plain Latin one (a, b, c, …). */
function letters(n: number): string {
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A list label; Roman numerals above 3999 and letters above 780 (zz…z, 30 times) are written in digits. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman': return n >= 1 && n <= 3999 ? roman(n) : String(n);
    case 'lowerRoman': return n >= 1 && n <= 3999 ? roman(n).toLowerCase() : String(n);
    case 'upperLetter': return n >= 1 && n <= 780 ? letters(n).toUpperCase() : String(n);
    case 'lowerLetter': return n >= 1 && n <= 780 ? letters(n) : String(n);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'none': return '';
    default: return String(n);
  }
}

const XML_ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : XML_ENT[e]!,
  );
}
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// attributes start with a space: the name cannot give characters back to them, so one unclosed tag costs
// one pass over it, not one per character of its name
const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s[^<>]*?)?)(\/?)>/g;
const VAL = /\bw:val="([^"]*)"/;

export interface RewriteResult {
  xml: string;
  numbered: number;
  legacyRuns: number;
}

interface Para {
  insertAt: number;
  numId?: string;
  ilvl?: number;
  pStyle?: string;
}
interface Run {
  font?: string;
  rStyle?: string;
  textStart?: number;
}

/** Rewrite word/document.xml: numbering labels written into the text, legacy-font runs converted. */
export function rewriteDocumentXml(xml: string, numberingXml: string | undefined, stylesXml: string | undefined): RewriteResult {
  const numbering = parseNumbering(numberingXml);
  const { styles, defaultFont } = parseStyles(stylesXml);
  const counters = new Map<string, number[]>();
  const seenNum = new Set<string>();
  const edits: { at: number; end: number; text: string }[] = [];
  const paras: Para[] = [];
  let run: Run | undefined;
  let inPPr = 0;
  let numbered = 0;
  let legacyRuns = 0;

  const label = (p: Para): string | undefined => {
    let numId = p.numId;
    let ilvl = p.ilvl;
    let abstractId: string | undefined;
    if (numId === undefined && p.pStyle !== undefined) {
      const st = styles.get(p.pStyle);
      if (st?.numId !== undefined) {
        numId = st.numId;
        ilvl = st.ilvl;
      } else {
        const bs = numbering.byStyle.get(p.pStyle);
        if (bs) {
          abstractId = bs.abstractId;
          ilvl = bs.ilvl;
        }
      }
    }
    if (numId === '0') return undefined;
    const num = numId !== undefined ? numbering.nums.get(numId) : undefined;
    abstractId ??= num?.abstractId;
    if (abstractId === undefined) return undefined;
    const levels = numbering.abstract.get(abstractId);
    const lv = levels?.get(ilvl ?? 0);
    if (!levels || !lv) return undefined;
    const level = ilvl ?? 0;
    let arr = counters.get(abstractId);
    if (!arr) counters.set(abstractId, (arr = []));
    if (numId !== undefined && num && !seenNum.has(numId)) {
      seenNum.add(numId);
      for (const [l, start] of num.overrides) {
        arr[l] = start - 1;
        arr.length = Math.min(arr.length, l + 1);
      }
    }
    arr[level] = (arr[level] ?? (levels.get(level)?.start ?? 1) - 1) + 1;
    arr.length = level + 1;
    if (lv.fmt === 'bullet') return lv.text.trim() === '+' || level > 0 ? '+' : '-';
    if (lv.fmt === 'none') return undefined;
    const text = lv.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const l2 = levels.get(k);
      return formatNumber(arr![k] ?? l2?.start ?? 1, l2?.fmt ?? 'decimal');
    });
    return text.trim() === '' ? undefined : text.trim();
  };

  for (const m of xml.matchAll(TAG)) {
    const [whole, close, name, attrs, selfClose] = m;
    const at = m.index!;
    const end = at + whole.length;
    if (!close) {
      switch (name) {
        case 'w:p':
          if (!selfClose) paras.push({ insertAt: end });
          break;
        case 'w:pPr':
          if (!selfClose) inPPr++;
          break;
        case 'w:pStyle':
        case 'w:numId':
        case 'w:ilvl': {
          const p = paras[paras.length - 1];
          const v = VAL.exec(attrs!)?.[1];
          if (!p || v === undefined || inPPr === 0) break;
          if (name === 'w:pStyle') p.pStyle = v;
          else if (name === 'w:numId') p.numId = v;
          else p.ilvl = listLevel(v) ?? 0;
          break;
        }
        case 'w:r':
          if (!selfClose) run = {};
          break;
        case 'w:rFonts':
          if (run) {
            const f = /\bw:(?:ascii|hAnsi)="([^"]*)"/.exec(attrs!)?.[1];
            if (f !== undefined) run.font = f;
          }
          break;
        case 'w:rStyle':
          if (run) run.rStyle = VAL.exec(attrs!)?.[1];
          break;
        case 'w:t':
          if (run && !selfClose) run.textStart = end;
          break;
      }
    } else {
      switch (name) {
        case 'w:pPr':
          inPPr = Math.max(0, inPPr - 1);
          if (paras.length) paras[paras.length - 1]!.insertAt = end;
          break;
        case 'w:t':
          if (run?.textStart !== undefined) {
            const p = paras[paras.length - 1];
            const font = run.font ?? styleFont(styles, run.rStyle) ?? styleFont(styles, p?.pStyle) ?? defaultFont;
            const kind = legacyFontKind(font);
            if (kind) {
              const rawText = xmlUnescape(xml.slice(run.textStart, at));
              const conv = kind === 'vni' ? vniFontToUnicode(rawText) : tcvn3FontToUnicode(rawText, kind === 'tcvn3-upper');
              if (conv !== rawText) {
                edits.push({ at: run.textStart, end: at, text: xmlEscape(conv) });
                legacyRuns++;
              }
            }
            run.textStart = undefined;
          }
          break;
        case 'w:r':
          run = undefined;
          break;
        case 'w:p': {
          const p = paras.pop();
          if (!p) break;
          const l = label(p);
          if (l !== undefined) {
            edits.push({ at: p.insertAt, end: p.insertAt, text: `<w:r><w:t xml:space="preserve">${xmlEscape(l)} </w:t></w:r>` });
            numbered++;
          }
          break;
        }
      }
    }
  }
  if (edits.length === 0) return { xml, numbered, legacyRuns };
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += xml.slice(pos, e.at) + e.text;
    pos = e.end;
  }
  out += xml.slice(pos);
  return { xml: out, numbered, legacyRuns };
}
