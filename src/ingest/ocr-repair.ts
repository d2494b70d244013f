/**
 * Repair of OCR text by the rules of ./rules/ocr-repair.ts, one tesseract line at a time:
 * 1. junk words (specks, stamp edges) dropped;
 * 2. the line's words joined by spaces and rewritten by each text rule in turn (symbols, dates, numbers);
 * 3. the code segments of each document symbol mended against the type and issuer vocabularies;
 * 4. the result split into words again, each word boxed by the source characters it came from (a word split in
 *    two gets the two parts of its box, two words joined get the union), so the line builder still sees the
 *    layout. Every step is one pass over the line: linear time.
 */
import { TYPE_CODES } from '../vocab/document-types.js';
import { kindBySymbol } from '../vocab/agencies.js';
import { loadData } from '../vocab/data.js';
import { pattern } from '../util/pattern.js';
import { OCR_CODE_EDITS, OCR_DIGIT_FRAMES, OCR_JUNK, OCR_TERM_DIGIT, OCR_TEXT_RULES, OCR_UNIT_MARKS } from './rules/ocr-repair.js';

export interface OcrWord {
  text: string;
  left: number;
  width: number;
  /** 0…100, or negative when unknown */
  conf: number;
}

export interface OcrRepairStats {
  dropped: number;
  /** rule id → times applied */
  rules: Record<string, number>;
}

const JUNK = new Set([...OCR_JUNK.chars]);
const WEAK = new Set([...OCR_JUNK.weak]);

/** Whether a word is a speck: made only of junk characters, or a weak one / a single letter at low confidence. */
export function isJunkWord(w: { text: string; conf: number }, first: boolean): boolean {
  const chars = [...w.text];
  if (chars.every((c) => JUNK.has(c))) return true;
  const low = w.conf >= 0;
  if (low && w.conf < OCR_JUNK.weakBelow && chars.every((c) => WEAK.has(c) || JUNK.has(c))) return !(first && w.text === '-' && w.conf >= OCR_JUNK.letterBelow);
  if (low && w.conf < OCR_JUNK.letterBelow && chars.length === 1 && /\p{L}/u.test(w.text)) return true;
  return false;
}

/**
 * Whether a tesseract line is a speck: one letter or digit whose box is smaller, both ways, than OCR_JUNK.speckBelow
 * of the page's median word height (a grain of the scan read as a character, set as a line of its own).
 */
export function isSpeckLine(line: readonly { text: string; width: number; height: number }[], medianHeight: number): boolean {
  if (line.length !== 1 || medianHeight <= 0) return false;
  const w = line[0]!;
  const limit = OCR_JUNK.speckBelow * medianHeight;
  return [...w.text].length === 1 && /[\p{L}\p{N}]/u.test(w.text) && w.width < limit && w.height < limit;
}

const TEXT_RULES = OCR_TEXT_RULES.map((r) => ({ ...r, re: pattern(r.id, r.pattern) }));
const FRAMES = OCR_DIGIT_FRAMES.map((r) => ({ ...r, re: pattern(r.id, r.pattern) }));

/** The match with the frame's figure groups read back into digits (the other groups as they are). */
function readFrame(f: (typeof FRAMES)[number], m: RegExpExecArray): string {
  let out = '';
  for (let g = 1; g < m.length; g++) {
    const field = f.fields.find((x) => x.group === g);
    const v = m[g] ?? '';
    out += field ? [...v].map((c) => field.map[c] ?? c).join('') : v;
  }
  return out;
}
/** A word with its marks stripped (tone and vowel marks, đ → d). */
const bare = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const UNIT_FRAME = pattern(OCR_UNIT_MARKS.id, '([0-9] )([^ /0-9]{1,8})(/)([^ /,.;:)]{1,8})');
const UNIT_PER = new Set(OCR_UNIT_MARKS.per.map((p) => p.split(' ')[0]!));
/** OCR_UNIT_MARKS: the unit of a frequency frame whose marks OCR changed, when exactly one unit fits. */
function mendUnit(m: RegExpExecArray): string | undefined {
  const w = m[2]!;
  if (!UNIT_PER.has(m[4]!) || OCR_UNIT_MARKS.units.includes(w)) return undefined;
  const fits = OCR_UNIT_MARKS.units.filter((u) => bare(u) === bare(w));
  return fits.length === 1 ? `${m[1]}${fits[0]}${m[3]}${m[4]}` : undefined;
}
const SYMBOL = pattern('ocr.symbol', '[0-9]{1,5}(?:/[0-9]{4})?[/-][A-Za-zÀ-ỹ&0-9©€|]+(?:[-/][A-Za-zÀ-ỹ&0-9©€|]+){0,5}');

/** A string whose characters remember where they came from: (word index, position inside the word, word length). */
interface Traced {
  chars: string[];
  from: { word: number; at: number; len: number }[];
}

function expand(template: string, m: RegExpExecArray): string {
  return template.replace(/\$([1-9])/g, (_, d: string) => m[Number(d)] ?? '');
}

/** Rewrite `t` by one global regex; the replacement's characters take their origins from the match's, in proportion. */
function rewrite(t: Traced, re: RegExp, replacer: (m: RegExpExecArray) => string | undefined): number {
  const s = t.chars.join('');
  re.lastIndex = 0;
  const chars: string[] = [];
  const from: Traced['from'] = [];
  let done = 0;
  let count = 0;
  // work in UTF-16 indices of `s`; map them to char indices
  const idx: number[] = [];
  for (let i = 0, u = 0; i < t.chars.length; i++) {
    idx[u] = i;
    u += t.chars[i]!.length;
  }
  let lastU = 0;
  const toChar = (u: number) => {
    while (u > 0 && idx[u] === undefined) u--;
    return idx[u] ?? 0;
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const out = replacer(m);
    if (out === undefined || out === m[0]) continue;
    const a = toChar(m.index);
    const b = m.index + m[0].length >= s.length ? t.chars.length : toChar(m.index + m[0].length);
    for (let i = toChar(lastU); i < a; i++) {
      chars.push(t.chars[i]!);
      from.push(t.from[i]!);
    }
    const outChars = [...out];
    // characters kept from the match keep their origin (prefix and suffix in common), the rest in proportion
    for (let k = 0; k < outChars.length; k++) {
      const src = a + Math.min(b - a - 1, Math.floor((k * (b - a)) / Math.max(1, outChars.length)));
      chars.push(outChars[k]!);
      from.push(t.from[src]!);
    }
    lastU = m.index + m[0].length;
    done = b;
    count++;
  }
  if (count === 0) return 0;
  for (let i = done; i < t.chars.length; i++) {
    chars.push(t.chars[i]!);
    from.push(t.from[i]!);
  }
  t.chars = chars;
  t.from = from;
  return count;
}

let known: ((code: string) => boolean) | undefined;
function knownCode(code: string): boolean {
  if (!known) {
    const d = loadData<{ typeCodes: string[]; nationalIssuers: string[]; nationalIssuerPatterns: string[] }>('documents');
    const set = new Set([...Object.keys(TYPE_CODES), ...d.typeCodes, ...d.nationalIssuers]);
    const patterns = d.nationalIssuerPatterns.map((p) => new RegExp(`^(?:${p})$`));
    known = (c) => set.has(c) || patterns.some((p) => p.test(c)) || kindBySymbol(c) !== undefined;
  }
  return known(code);
}

/** Characters codes are written with; any other inside a code (`Ñ`, `©`) is a candidate for deletion. */
const CODE_CHAR = /^[A-Za-zĐđƯưƠơ&0-9]$/;

/** One edit of OCR_CODE_EDITS that makes an unknown code known, when exactly one does. */
export function mendCode(code: string): string | undefined {
  if (code.length < 2 || code.length > 12 || !/[A-ZĐ]/.test(code) || /^[0-9]+$/.test(code) || knownCode(code)) return undefined;
  const found = new Set<string>();
  const chars = [...code];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    // a character added (an inserted one, or a doubled letter)
    if (chars.length >= 3 && (OCR_CODE_EDITS.insertions.includes(c) || chars[i - 1] === c || chars.length >= 5 || !CODE_CHAR.test(c))) {
      const cand = [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
      if (cand.length >= 2 && knownCode(cand)) found.add(cand);
    }
    for (const [from, to] of OCR_CODE_EDITS.substitute) {
      if (c !== from) continue;
      const cand = [...chars.slice(0, i), to, ...chars.slice(i + 1)].join('');
      if (knownCode(cand)) found.add(cand);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function mendSymbol(sym: string): string | undefined {
  // the number (and year) are digits; the code segments follow, split at - and /
  const parts = sym.split(/([-/])/);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const p = parts[i]!;
    if (/^[0-9]+$/.test(p)) continue;
    const fixed = mendCode(p);
    if (fixed !== undefined) {
      parts[i] = fixed;
      changed = true;
    }
  }
  return changed ? parts.join('') : undefined;
}

/** Repair one tesseract line: the words kept, rewritten and re-boxed. */
export function repairOcrLine(words: OcrWord[], stats?: OcrRepairStats): OcrWord[] {
  const kept = words.filter((w, i) => {
    const junk = isJunkWord(w, i === 0);
    if (junk && stats) stats.dropped++;
    return !junk;
  });
  if (kept.length === 0) return kept;
  const t: Traced = { chars: [], from: [] };
  kept.forEach((w, wi) => {
    if (wi > 0) {
      t.chars.push(' ');
      t.from.push({ word: -1, at: 0, len: 1 });
    }
    const cs = [...w.text];
    cs.forEach((c, at) => {
      t.chars.push(c);
      t.from.push({ word: wi, at, len: cs.length });
    });
  });
  const before = t.chars.join('');
  for (const r of TEXT_RULES) {
    const n = rewrite(t, r.re, (m) => expand(r.replace, m));
    if (n > 0 && stats) stats.rules[r.id] = (stats.rules[r.id] ?? 0) + n;
  }
  for (const f of FRAMES) {
    const k = rewrite(t, f.re, (m) => readFrame(f, m));
    if (k > 0 && stats) stats.rules[f.id] = (stats.rules[f.id] ?? 0) + k;
  }
  const u = rewrite(t, UNIT_FRAME, mendUnit);
  if (u > 0 && stats) stats.rules[OCR_UNIT_MARKS.id] = (stats.rules[OCR_UNIT_MARKS.id] ?? 0) + u;
  const n = rewrite(t, SYMBOL, (m) => mendSymbol(m[0]));
  if (n > 0 && stats) stats.rules[OCR_CODE_EDITS.id] = (stats.rules[OCR_CODE_EDITS.id] ?? 0) + n;
  if (t.chars.join('') === before) return kept;
  // split again at spaces; each word's box from its characters' origins
  const out: OcrWord[] = [];
  let cur: { chars: string[]; from: Traced['from'] } = { chars: [], from: [] };
  const flush = () => {
    if (cur.chars.length === 0) return;
    let left = Infinity;
    let right = -Infinity;
    let conf = 100;
    for (const f of cur.from) {
      const w = kept[f.word];
      if (!w) continue;
      left = Math.min(left, w.left + (w.width * f.at) / f.len);
      right = Math.max(right, w.left + (w.width * (f.at + 1)) / f.len);
      conf = Math.min(conf, w.conf);
    }
    if (left === Infinity) {
      const prev = out[out.length - 1];
      left = prev ? prev.left + prev.width : 0;
      right = left + 1;
    }
    out.push({ text: cur.chars.join(''), left, width: Math.max(1, right - left), conf });
    cur = { chars: [], from: [] };
  };
  t.chars.forEach((c, i) => {
    if (c === ' ') flush();
    else {
      cur.chars.push(c);
      cur.from.push(t.from[i]!);
    }
  });
  flush();
  return out;
}

/** Repair a line given as text (tests, the rule corpus): words boxed one unit per character. */
export function repairOcrText(line: string, stats?: OcrRepairStats): string {
  let x = 0;
  const words = line
    .split(' ')
    .filter((w) => w !== '')
    .map((text) => {
      const w = { text, left: x, width: text.length, conf: 96 };
      x += text.length + 1;
      return w;
    });
  return repairOcrLine(words, stats)
    .map((w) => w.text)
    .join(' ');
}

interface Terms {
  /** a symbol's last code: issuer with a term number (`UBTVQH5`), and what follows it (`,`) */
  code: RegExp;
  /** term number → [first year, last year] */
  years: [number, number, number][];
}
let terms: Terms | undefined;
function termsOf(): Terms {
  if (!terms) {
    const d = loadData<{ nationalIssuerPatterns: string[]; legislatureTerms: Record<string, number> }>('documents');
    // the issuer patterns that end in a term number (`UBTVQH[0-9]{0,2}`)
    const issuers = d.nationalIssuerPatterns.flatMap((p) => /^([A-Z]+)\[0-9\]\{0,2\}$/.exec(p)?.[1] ?? []);
    const starts = Object.entries(d.legislatureTerms).map(([t, y]) => [Number(t), y] as const).sort((a, b) => a[1] - b[1]);
    terms = {
      code: pattern(OCR_TERM_DIGIT.id, `^([0-9]{1,5}(?:/((?:19|20)[0-9]{2}))?[/-](?:[A-Za-zĐ&]+[/-])?(?:${issuers.join('|')}))([0-9]{1,2})([^0-9A-Za-z]*)$`, ''),
      years: starts.map(([t, y], i) => [t, y, starts[i + 1]?.[1] ?? y + 5]),
    };
  }
  return terms;
}
const DATE_YEAR = /^\(?[0-3]?[0-9][/.-][01]?[0-9][/.-]((?:19|20)[0-9]{2})/;

/**
 * OCR_TERM_DIGIT over the words of a page in reading order: a term number that disagrees with the symbol's year
 * (or its citation date within `lookahead` words) is given back its dropped digit when exactly one term fits.
 * Returns the number of words changed; `words` is changed in place.
 */
export function mendTermDigits(words: string[]): number {
  const t = termsOf();
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length > 40) continue;
    const m = t.code.exec(w);
    if (!m) continue;
    let year = m[2] !== undefined ? Number(m[2]) : undefined;
    for (let k = i + 1; year === undefined && k <= i + OCR_TERM_DIGIT.lookahead && k < words.length; k++) {
      const d = DATE_YEAR.exec(words[k]!);
      if (d) year = Number(d[1]);
    }
    if (year === undefined) continue;
    const read = m[3]!;
    const fits = t.years.filter(([, a, b]) => year >= a && year <= b).map(([term]) => String(term));
    if (fits.includes(read) || t.years.some(([term]) => String(term) === read)) continue;
    const found = fits.filter((term) => [...term].some((_, j) => term.slice(0, j) + term.slice(j + 1) === read));
    if (found.length !== 1) continue;
    words[i] = `${m[1]}${found[0]}${m[4] ?? ''}`;
    n++;
  }
  return n;
}

/** Repair the lines of a page given as text (tests, the rule corpus): each line by repairOcrText, then the terms. */
export function repairOcrPageText(text: string, stats?: OcrRepairStats): string {
  const words = text
    .split('\n')
    .map((l) => repairOcrText(l, stats))
    .join(' ')
    .split(' ')
    .filter((w) => w !== '');
  const k = mendTermDigits(words);
  if (k > 0 && stats) stats.rules[OCR_TERM_DIGIT.id] = (stats.rules[OCR_TERM_DIGIT.id] ?? 0) + k;
  return words.join(' ');
}
