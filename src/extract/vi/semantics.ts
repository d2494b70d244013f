/**
 * What a Vietnamese figure means (issue 15): durations, ranges, compound units, number words and glosses at
 * the number; changes, transitions, targets and subjects over the extracted list. Vocabulary in
 * ./rules/semantics.ts and ./rules/number-words.ts; examples (must fire / must not fire) in
 * ./corpus/semantics.corpus.ts.
 */
import { ci, escapeRegExp, isDigit, isLetter, pattern, VI_LETTER } from '../../util/pattern.js';
import {
  ANNIVERSARY_AFTER,
  ANNIVERSARY_BEFORE,
  ATTAINMENT_AFTER,
  ATTAINMENT_VERBS,
  BASE_PERIOD_SOURCE,
  YEAR_WORD,
  BASELINE_AFTER,
  CHANGE_BEFORE,
  CLOCK_AFTER,
  CLOCK_BEFORE,
  DURATION_NOT_AFTER_WORDS,
  DURATION_UNITS,
  LENGTH_AFTER,
  UNIT_NAME_AFTER,
  PERIOD_NAME_AFTER,
  RANGE_FROM,
  RANGE_UPPER_QUALIFIERS,
  RANGE_WORDS,
  SUBJECT_EDGE_WORDS,
  SUBJECT_LEAD_ONLY,
  TARGET_AIM,
  TARGET_CUES,
  TARGET_DEADLINE,
  TARGET_HORIZON_SOURCE,
  TARGET_PAST,
  DOCUMENT_DATE_SOURCE,
  HEADING_MARKER_SOURCE,
  TARGET_SECTION_WORDS,
  TARGET_NEEDS_DEADLINE,
  TRANSITION_BETWEEN,
  TRANSITION_FROM,
  type DurationUnit,
} from './rules/semantics.js';
import { AMBIGUOUS_FIVE, ARTICLE_ONE, NEVER_ALONE, DIGIT_AFTER_TEN_ONLY, DIGIT_WORDS, NOT_NUMBER_BEFORE, SCALES, TEN, TENS, ZERO_TENS } from './rules/number-words.js';

const byLength = (a: string, b: string) => b.length - a.length;
const alt = (ws: readonly string[]) => [...ws].sort(byLength).map(escapeRegExp).join('|');

const HEADING_MARKER = pattern('metric.target-heading', HEADING_MARKER_SOURCE, 'g');
const TARGET_HORIZON = pattern('metric.target-horizon', TARGET_HORIZON_SOURCE, 'g');
const DOCUMENT_DATE = pattern('metric.document-date', DOCUMENT_DATE_SOURCE, '');
/** how far into the text the document's own date is looked for */
const HEADER_SPAN = 4000;
const DURATION = pattern('metric.duration', `^[ ]{1,2}(${alt(DURATION_UNITS.map(([w]) => w))})`, '');
const DURATION_UNIT = new Map(DURATION_UNITS.map(([w, u]) => [w, u]));
const NUMBER_AT = pattern('metric.range-upper', '^([0-9]{1,3}(?:\\.[0-9][0-9][0-9])+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)', '');
const DASH_RANGE = pattern('metric.range-dash', '^[ ]{0,1}[-–][ ]{0,1}', '');
const WORD_RANGE = pattern('metric.range-words', `^[ ]{1,2}(?:${alt(RANGE_WORDS)})[ ]{1,2}(?:(?:${alt(RANGE_UPPER_QUALIFIERS)})[ ]{1,2})?`, '');
const PER_AFTER = pattern('metric.per', `^/[ ]{0,1}([${VI_LETTER}][${VI_LETTER}²³0-9]{0,11}(?:/[${VI_LETTER}][${VI_LETTER}²³0-9]{0,11})?)`, '');
const GLOSS = pattern('metric.number-gloss', `^[ ]{0,2}\\(([${VI_LETTER} ]+)\\)`, '');
const DIGIT_GLOSS = pattern('metric.number-gloss-digits', '^[ ]{0,2}\\(([0-9]{1,3}(?:\\.[0-9]{3})*)\\)', '');

const BASE_PERIOD = pattern('metric.base-period', BASE_PERIOD_SOURCE, '');
const ANNIVERSARY_LOWER = ANNIVERSARY_AFTER.filter((w) => w[0] !== w[0]!.toUpperCase());
const ANNIVERSARY_CAPITAL = ANNIVERSARY_AFTER.filter((w) => w[0] === w[0]!.toUpperCase());
const NOT_AFTER = new Set(DURATION_NOT_AFTER_WORDS);
const CLOCK_BEFORE_SET = new Set(CLOCK_BEFORE);

/** Lower-cased words before `pos`, nearest last, stopping at punctuation (up to n). */
export function wordsBack(text: string, pos: number, n: number): string[] {
  const out: string[] = [];
  let i = pos;
  while (out.length < n) {
    while (i > 0 && text[i - 1] === ' ') i--;
    let j = i;
    while (j > 0 && (isLetter(text[j - 1]) || isDigit(text[j - 1]))) j--;
    if (j === i) break;
    out.unshift(text.slice(j, i).toLowerCase());
    i = j;
  }
  return out;
}

const sortedCache = new WeakMap<readonly string[], string[]>();
/** A phrase list longest first (sorted once per list). */
function longestFirst(phrases: readonly string[]): string[] {
  let s = sortedCache.get(phrases);
  if (!s) sortedCache.set(phrases, (s = [...phrases].sort(byLength)));
  return s;
}

/** Does the text at `pos` (after spaces) start with one of `phrases` as whole words? */
function startsWithPhrase(text: string, pos: number, phrases: readonly string[], caseSensitive = false): string | undefined {
  let i = pos;
  while (text[i] === ' ') i++;
  const head = text.slice(i, i + 40);
  const h = caseSensitive ? head : head.toLowerCase();
  for (const p of longestFirst(phrases)) {
    const q = caseSensitive ? p : p.toLowerCase();
    if (h.startsWith(q) && !isLetter(h[q.length])) return p;
  }
  return undefined;
}

/** The lower-cased 40 characters before `pos`, trailing spaces skipped: what endsWithPhrase compares with. */
function tailBefore(text: string, pos: number): string {
  let i = pos;
  while (i > 0 && text[i - 1] === ' ') i--;
  return text.slice(Math.max(0, i - 40), i).toLowerCase();
}
/** Does `tail` (from tailBefore) end with the phrase `p` as whole words? */
const tailEndsWith = (tail: string, p: string): boolean => tail.endsWith(p) && !isLetter(tail[tail.length - p.length - 1]);

/** Does the text before `pos` end with one of `phrases` as whole words (case-insensitive)? */
function endsWithPhrase(text: string, pos: number, phrases: readonly string[]): string | undefined {
  const tail = tailBefore(text, pos);
  for (const p of longestFirst(phrases)) {
    if (tailEndsWith(tail, p)) return p;
  }
  return undefined;
}

/** The lower-cased 40 characters at `pos` (leading spaces skipped): what startsWithPhrase compares with. */
function headAt(text: string, pos: number): string {
  let i = pos;
  while (text[i] === ' ') i++;
  return text.slice(i, i + 40).toLowerCase();
}
/** Does `head` (from headAt) start with the phrase `p` (lower case) as whole words? */
const headStartsWith = (head: string, p: string): boolean => head.startsWith(p) && !isLetter(head[p.length]);

export interface DurationHit {
  unit: DurationUnit;
  /** characters from the number's end through the unit word */
  len: number;
}

/**
 * A length of time after the number (`03 ngày làm việc`, `80 giờ`, `Hơn 1 năm qua`), or `'not'` when the number
 * and unit are a clock time (`sau 15 giờ hàng ngày`), an anniversary (`78 năm Ngày thành lập`), the name of a
 * period used as a date (`6 tháng đầu năm`) or a date slot (`tháng 6 năm …`); undefined when no unit follows.
 */
export function durationAt(text: string, start: number, end: number, value: number): DurationHit | 'not' | undefined {
  DURATION.lastIndex = 0;
  const m = DURATION.exec(text.slice(end, end + 24));
  if (!m) return undefined;
  const word = m[1]!;
  const len = m[0].length;
  if (isLetter(text[end + len]) || isDigit(text[end + len])) return undefined;
  const unit = DURATION_UNIT.get(word)!;
  // `01 ngày/tháng`, `2,5 ngày/hồ sơ`: a frequency or a rate is read by its own rule, or as a duration with `per`
  if (text[end + len] === '/' && !isLetter(text[end + len + 1])) return undefined;
  if (startsWithPhrase(text, end + len, UNIT_NAME_AFTER)) return 'not';
  const before = wordsBack(text, start, 2);
  const prev1 = before[before.length - 1] ?? '';
  if (NOT_AFTER.has(prev1) || NOT_AFTER.has(before.join(' '))) return 'not';
  // a group named by an age or a time (`trẻ 18 tháng 2.212`): another number right after the unit
  let k = end + len;
  while (text[k] === ' ') k++;
  if (isDigit(text[k])) return 'not';
  if (unit === 'year') {
    if (value >= 1000) return 'not';
    if (endsWithPhrase(text, start, ANNIVERSARY_BEFORE)) return 'not';
    if (startsWithPhrase(text, end + len, ANNIVERSARY_LOWER) || startsWithPhrase(text, end + len, ANNIVERSARY_CAPITAL, true)) return 'not';
  }
  if (unit === 'month' && startsWithPhrase(text, end + len, PERIOD_NAME_AFTER)) return 'not';
  if (unit === 'hour') {
    const after = end + len;
    // `8 giờ 30`, `14 giờ 00 phút`: a clock
    if (startsWithPhrase(text, after, CLOCK_AFTER)) return 'not';
    if (CLOCK_BEFORE_SET.has(prev1) && Number.isInteger(value) && value <= 24 && !startsWithPhrase(text, after, LENGTH_AFTER)) return 'not';
  }
  return { unit, len };
}

export interface RangeHit {
  /** end of the upper number */
  end: number;
  value: number;
  /** the upper number's start */
  start: number;
}

/**
 * `10 - 12%`, `từ 2,5 đến 5,5 tỷ đồng`, `từ 10 năm đến dưới 15 năm`: the upper bound after the lower number at
 * `[start, end)`. A word range needs `từ` (or `khoảng`, `trong`) before the lower bound; words between the lower
 * number and the connector must be the upper number's own unit (`10 năm đến dưới 15 năm`).
 */
export function rangeAfter(text: string, start: number, end: number, low: number, parse: (s: string) => number): RangeHit | undefined {
  const tail = text.slice(end, end + 60);
  let at = -1;
  DASH_RANGE.lastIndex = 0;
  const dash = DASH_RANGE.exec(tail);
  if (dash) at = end + dash[0].length;
  else {
    // the lower bound's own unit, repeated after the upper one
    let j = 0;
    let words = 0;
    while (j < tail.length && words <= 3) {
      WORD_RANGE.lastIndex = 0;
      const w = WORD_RANGE.exec(tail.slice(j));
      if (w) {
        if (!endsWithPhrase(text, start, RANGE_FROM)) return undefined;
        const between = tail.slice(0, j).trim();
        const upperAt = end + j + w[0].length;
        NUMBER_AT.lastIndex = 0;
        const n = NUMBER_AT.exec(text.slice(upperAt, upperAt + 24));
        if (!n) return undefined;
        const afterUpper = text.slice(upperAt + n[0].length, upperAt + n[0].length + between.length + 2).trim();
        if (between !== '' && !afterUpper.startsWith(between)) return undefined;
        at = upperAt;
        break;
      }
      // skip one word of the lower bound's unit
      let q = j;
      while (tail[q] === ' ') q++;
      if (tail[q] === '%') {
        j = q + 1;
        words++;
        continue;
      }
      let r = q;
      while (r < tail.length && isLetter(tail[r])) r++;
      if (r === q) return undefined;
      j = r;
      words++;
    }
    if (at < 0) return undefined;
  }
  NUMBER_AT.lastIndex = 0;
  const n = NUMBER_AT.exec(text.slice(at, at + 24));
  if (!n) return undefined;
  const e = at + n[0].length;
  if (isDigit(text[e]) || (text[e] === '.' && isDigit(text[e + 1])) || (text[e] === '/' && isDigit(text[e + 1]))) return undefined;
  // a dash between two bare numbers that end the clause is a code or a count pair, not a range
  const v = parse(n[0]);
  if (!(v > low)) return undefined;
  return { end: e, value: v, start: at };
}

/** `/người/buổi`, `/tháng`, `/m²` right after a unit: the rest of a compound unit. */
export function perAfter(text: string, pos: number): { per: string; len: number } | undefined {
  PER_AFTER.lastIndex = 0;
  const m = PER_AFTER.exec(text.slice(pos, pos + 40));
  if (!m || isLetter(text[pos + m[0].length])) return undefined;
  // a two-word noun that ends the phrase (`2,5 ngày/hồ sơ;`), not the next words of the sentence (`đồng/tháng áp dụng`)
  let e = pos + m[0].length;
  if (text[e] === ' ' && isLetter(text[e + 1]) && m[1]!.indexOf('/') < 0) {
    let k = e + 1;
    while (k < text.length && isLetter(text[k])) k++;
    // … or a table cell (`500.000 đồng/hồ sơ |`)
    const after = text[k] === ' ' && text[k + 1] === '|' ? '|' : text[k];
    if (k - e <= 9 && (after === undefined || after === ',' || after === ';' || after === '.' || after === ')' || after === '\n' || after === '|')) return { per: text.slice(pos + m[0].length - m[1]!.length, k), len: k - pos };
  }
  return { per: m[1]!, len: e - pos };
}

// ---------------------------------------------------------------- number words

const NUMBER_WORD_LIST = [...Object.keys(DIGIT_WORDS), TEN, TENS, ...ZERO_TENS, ...Object.keys(SCALES)];
const NUMBER_WORD_SET = new Set(NUMBER_WORD_LIST);
const NUMBER_WORD_ALT = [...NUMBER_WORD_LIST].sort(byLength).map(ci).join('|');
const NUMBER_WORDS = pattern('metric.number-words', `(?:${NUMBER_WORD_ALT})(?:[ ]{1,2}(?:${NUMBER_WORD_ALT}))*`);
const AFTER_TEN_ONLY = new Set(DIGIT_AFTER_TEN_ONLY);

/**
 * The value of number words (`hai mươi lăm` 25, `một trăm lẻ năm` 105, `một nghìn hai trăm` 1200) and how many
 * words it used; the longest prefix that reads as a number. `năm` (five, or year) is a digit only before a ten
 * or a scale word, after `lẻ`, or alone.
 */
export function readNumberWords(words: readonly string[]): { value: number; used: number } | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let used = 0;
  let best: { value: number; used: number } | undefined;
  let afterTen = false;
  let zeroTens = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w === TEN) {
      if (digit !== undefined) break;
      section += 10;
      afterTen = true;
    } else if (w === TENS) {
      if (digit === undefined || digit < 2) break;
      section += digit * 10;
      digit = undefined;
      afterTen = true;
    } else if (ZERO_TENS.includes(w)) {
      if (digit !== undefined || section % 100 !== 0 || section === 0) break;
      zeroTens = true;
      continue;
    } else if (SCALES[w] !== undefined) {
      const s = SCALES[w]!;
      const lead = section + (digit ?? 0);
      if (s === 100) {
        if (digit === undefined || section % 1000 !== 0) break;
        section = section - (section % 1000) + digit * 100;
      } else {
        if (lead === 0) break;
        total += lead * s;
        section = 0;
      }
      digit = undefined;
      afterTen = false;
    } else {
      const d = DIGIT_WORDS[w];
      if (d === undefined || digit !== undefined) break;
      if (AFTER_TEN_ONLY.has(w) && !afterTen) break;
      // `năm` is five before `mươi`/`trăm`/a scale, after `lẻ`, or after a ten (`mười năm` is ten years: not)
      if (w === AMBIGUOUS_FIVE && !zeroTens && !(next !== undefined && (next === TENS || SCALES[next] !== undefined)) && i > 0) break;
      if (afterTen || zeroTens) {
        section += d;
        afterTen = false;
        zeroTens = false;
        used = i + 1;
        best = { value: total + section, used };
        continue;
      }
      digit = d;
    }
    used = i + 1;
    best = { value: total + section + (digit ?? 0), used };
  }
  return best;
}

export interface WordNumber {
  start: number;
  end: number;
  value: number;
  words: number;
  /** `Mười (10)`: the digits written after the words */
  glossed: boolean;
}

/**
 * A run of number words as matched → its reading and the length of the words used (a pure function of the
 * run; runs repeat — most are one word, `năm` or `hai` — so it is memoized, bounded).
 */
function readRun(run: string): { value: number; used: number; length: number } | undefined {
  const hit = runMemo.get(run);
  if (hit !== undefined || runMemo.has(run)) return hit;
  const parts = run.split(/([ ]+)/);
  const words = parts.filter((_, k) => k % 2 === 0).map((w) => w.toLowerCase());
  const r = readNumberWords(words);
  const out = r ? { value: r.value, used: r.used, length: parts.slice(0, r.used * 2 - 1).join('').length } : undefined;
  if (runMemo.size > 5_000) runMemo.clear();
  runMemo.set(run, out);
  return out;
}
const runMemo = new Map<string, { value: number; used: number; length: number } | undefined>();

/** Every run of number words in the text (`hai mươi lăm`, `Mười (10)`), with the digit gloss after it when there is one. */
export function wordNumbers(text: string): WordNumber[] {
  const out: WordNumber[] = [];
  NUMBER_WORDS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_WORDS.exec(text)) !== null) {
    const s = m.index;
    if (isLetter(text[s - 1]) || isDigit(text[s - 1])) continue;
    const read = readRun(m[0]);
    if (!read) continue;
    const r = read;
    // the span of the words used; each must end at a word boundary (`chín` is not the start of `chính`)
    const e = s + read.length;
    if (isLetter(text[e]) || isDigit(text[e])) continue;
    const item: WordNumber = { start: s, end: e, value: r.value, words: r.used, glossed: false };
    DIGIT_GLOSS.lastIndex = 0;
    const g = DIGIT_GLOSS.exec(text.slice(e, e + 16));
    if (g) {
      const v = Number(g[1]!.replace(/\./g, ''));
      if (v === r.value) {
        item.end = e + g[0].length;
        item.glossed = true;
      }
    }
    out.push(item);
    if (NUMBER_WORDS.lastIndex < e) NUMBER_WORDS.lastIndex = e;
  }
  return out;
}

/** May a run of number words stand as a figure here? One word needs a gloss or a duration unit (`một tháng`), or is not `một`/`năm`. */
export function wordNumberAllowed(text: string, wn: WordNumber, durationNext: boolean): boolean {
  if (wn.glossed) return true;
  const before = wordsBack(text, wn.start, 2);
  if (NOT_NUMBER_BEFORE.includes(before[before.length - 1] ?? '') || NOT_NUMBER_BEFORE.includes(before.join(' '))) return false;
  if (wn.words >= 2) return true;
  const w = text.slice(wn.start, wn.end).toLowerCase();
  if (NEVER_ALONE.includes(w)) return false;
  if (w === ARTICLE_ONE) return durationNext;
  return true;
}

/** `03 (ba) năm`: the number words in parentheses right after digits that say the same number; the end of the gloss. */
export function glossAfter(text: string, end: number, value: number): number {
  if (text[end] !== ' ' && text[end] !== '(') return end;
  GLOSS.lastIndex = 0;
  const g = GLOSS.exec(text.slice(end, end + 48));
  if (!g) return end;
  const words = g[1]!.trim().toLowerCase().split(/[ ]+/);
  if (!words.every((w) => NUMBER_WORD_SET.has(w))) return end;
  const r = readNumberWords(words);
  return r && r.used === words.length && r.value === value ? end + g[0].length : end;
}

// ---------------------------------------------------------------- over the extracted list

export interface SemanticMetric {
  kind: string;
  value: number;
  valueMax?: number;
  unit?: string;
  label: string;
  text: string;
  span: { start: number; end: number };
  change?: { direction: 'up' | 'down'; baseline?: 'same-period' | 'previous-period' | 'plan' | 'target' | 'other'; basePeriod?: string };
  fromIndex?: number;
  target?: boolean;
  subject?: string;
}

const SENTENCE_END = /[.;:\n!?]/;

/** The clause before `pos` (back to `.`, `;`, `:` or a line break; at most `max` characters). */
function clauseBefore(text: string, pos: number, max: number): string {
  let i = pos;
  const limit = Math.max(0, pos - max);
  // a colon right before the figure ends its label, not its clause (`tỷ lệ vốn … dự kiến: 85%-90%`)
  while (i > limit && text[i - 1] === ' ') i--;
  if (i > limit && text[i - 1] === ':') i--;
  else i = pos;
  while (i > limit && !(SENTENCE_END.test(text[i - 1]!) && !(text[i - 1] === '.' && isDigit(text[i - 2]) && isDigit(text[i])))) i--;
  return text.slice(i, pos);
}

/** how far back a sentence-initial aim is looked for (AIM_SENTENCE_SPAN characters) */
const AIM_SENTENCE_SPAN = 400;
/** a list marker or bullet at a sentence's start (`a)`, `2.`, `-`, `*`) */
const LEAD_MARKER = /^[\s*+\-–]*(?:[a-zđ0-9]{1,2}[.)][ ]+)?/;

/**
 * Is the figure at `pos` in a `;` item of a sentence that opens with an aim (TARGET_AIM: `Phấn đấu …; giải ngân … đạt
 * trên 65%`), with no past marker (TARGET_PAST: `đã`) in the items after the first? The sentence runs back to `.`, `:`
 * or a line break (not `;`).
 */
function aimCarried(text: string, pos: number): boolean {
  let i = pos;
  const limit = Math.max(0, pos - AIM_SENTENCE_SPAN);
  while (i > limit && !(SENTENCE_END.test(text[i - 1]!) && text[i - 1] !== ';' && !(text[i - 1] === '.' && isDigit(text[i - 2]) && isDigit(text[i])))) i--;
  const sentence = text.slice(i, pos).toLowerCase();
  const semi = sentence.indexOf(';');
  if (semi < 0) return false;
  const head = sentence.slice(LEAD_MARKER.exec(sentence)![0].length);
  return TARGET_AIM.some((a) => head.startsWith(a) && !isLetter(head[a.length])) && !hasAnyWord(sentence.slice(semi), TARGET_PAST);
}

/** how many characters of a heading are read after its marker (a wrapped heading runs over a line break) */
const HEADING_WORDS_SPAN = 40;

/**
 * For each metric: is it under a numbered heading that opens a zone of targets (TARGET_SECTION_WORDS), with no
 * heading of the same or a higher level between? Levels: roman numeral 1, `1.` 2, `1.2.` 3 …, `a)` 9.
 */
function targetZones(text: string, metrics: readonly SemanticMetric[]): boolean[] {
  const heads: Array<{ at: number; level: number; target: boolean }> = [];
  HEADING_MARKER.lastIndex = 0;
  let h: RegExpExecArray | null;
  while ((h = HEADING_MARKER.exec(text)) !== null) {
    const marker = h[1]!;
    const level = /^[IVX]/.test(marker) ? 1 : /^[0-9]/.test(marker) ? 2 + (marker.replace(/\.$/, '').split('.').length - 1) : 9;
    const words = text
      .slice(h.index + h[0].length, h.index + h[0].length + HEADING_WORDS_SPAN)
      .replace(/\s+/g, ' ')
      .replace(/^[* ]+/, '')
      .toLowerCase();
    heads.push({ at: h.index, level, target: TARGET_SECTION_WORDS.some((w) => words.startsWith(w) && !isLetter(words[w.length])) });
    if (h[0].length === 0) HEADING_MARKER.lastIndex++;
  }
  const out = new Array<boolean>(metrics.length).fill(false);
  if (!heads.some((x) => x.target)) return out;
  const order = metrics.map((_, i) => i).sort((a, b) => metrics[a]!.span.start - metrics[b]!.span.start);
  const stack: Array<{ level: number; target: boolean }> = [];
  let targets = 0;
  let k = 0;
  for (const i of order) {
    const pos = metrics[i]!.span.start;
    while (k < heads.length && heads[k]!.at < pos) {
      const head = heads[k++]!;
      while (stack.length && stack[stack.length - 1]!.level >= head.level) if (stack.pop()!.target) targets--;
      stack.push(head);
      if (head.target) targets++;
    }
    out[i] = targets > 0;
  }
  return out;
}

/** Does the clause name a horizon year after `year` with no past marker after it (`đến năm 2030, 100% …`)? */
function horizonAfter(clauseLow: string, year: number): boolean {
  TARGET_HORIZON.lastIndex = 0;
  let hit: RegExpExecArray | null;
  let found = false;
  while ((hit = TARGET_HORIZON.exec(clauseLow)) !== null) {
    const rest = clauseLow.slice(hit.index + hit[0].length);
    found = Number(hit[1]) > year && !hasAnyWord(rest, TARGET_PAST);
  }
  return found;
}

/** The sentence after `pos` (to `.` + space, `;` or a line break; at most `max` characters). */
function sentenceAfter(text: string, pos: number, max: number): string {
  const s = text.slice(pos, pos + max);
  const m = /\.(?:\s|$)|;|\n/.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** Does the lower-cased `h` hold the word (or phrase) `w` with no letter on either side? */
const hasWordLower = (h: string, w: string): boolean => {
  let i = h.indexOf(w);
  while (i >= 0) {
    if (!isLetter(h[i - 1]) && !isLetter(h[i + w.length])) return true;
    i = h.indexOf(w, i + 1);
  }
  return false;
};

const hasAnyWord = (h: string, ws: readonly string[]): boolean => ws.some((w) => hasWordLower(h, w));

/**
 * Changes (`tăng 8,3% so với cùng kỳ năm 2024`), attainment (`đạt 102% kế hoạch`), transitions (`từ 10 ngày
 * xuống còn 07 ngày`: the second gets `fromIndex` and a change), targets and subjects, in place.
 */
export function annotateSemantics(text: string, metrics: SemanticMetric[]): void {
  const dated = DOCUMENT_DATE.exec(text.slice(0, HEADER_SPAN).toLowerCase());
  const documentYear = dated ? Number(dated[1]) : undefined;
  const inTargetZone = targetZones(text, metrics);
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i]!;
    const { start, end } = m.span;
    // transitions: `từ A … xuống còn B`
    const prev = metrics[i - 1];
    if (prev && start - prev.span.end <= 40 && prev.kind === m.kind) {
      const between = text.slice(prev.span.end, start);
      const b = /[.;:\n()]/.test(between) ? undefined : between.trim().toLowerCase();
      const conn = b === undefined ? undefined : TRANSITION_BETWEEN.find(([w]) => b.endsWith(w) && !isLetter(b.slice(-w.length - 1, -w.length)));
      const lead = text.slice(Math.max(0, prev.span.start - 6), prev.span.start).trimEnd().toLowerCase();
      if (conn && lead.endsWith(TRANSITION_FROM) && !isLetter(lead[lead.length - TRANSITION_FROM.length - 1])) {
        m.fromIndex = i - 1;
        m.change = { direction: m.value >= prev.value ? 'up' : 'down', baseline: 'other' };
      }
    }
    if (!m.change) {
      const tail = tailBefore(text, start);
      const dir = CHANGE_BEFORE.find(([w]) => tailEndsWith(tail, w));
      // a change word right before the figure (not the label: `vốn điều chỉnh tăng 396,2 triệu USD` is still a change of capital)
      if (dir && m.kind !== 'duration') {
        const after = sentenceAfter(text, end, 80);
        const after40 = after.slice(0, 40).toLowerCase();
        const base = BASELINE_AFTER.find(([w]) => hasWordLower(after40, w));
        const change: NonNullable<SemanticMetric['change']> = { direction: dir[1] };
        if (base) {
          change.baseline = base[1];
          const at = after.toLowerCase().indexOf(base[0]);
          const rest = after.slice(at + base[0].length).trim();
          BASE_PERIOD.lastIndex = 0;
          const period = BASE_PERIOD.exec(rest);
          if (period) change.basePeriod = period[0];
          else if (base[1] === 'previous-period') {
            const y = /[0-9]{4}/.exec(after.slice(at, at + base[0].length + 6));
            if (y) change.basePeriod = `${YEAR_WORD} ${y[0]}`;
          }
        }
        m.change = change;
      } else if (m.kind === 'percent') {
        const head = headAt(text, end);
        const att = ATTAINMENT_AFTER.find(([w]) => headStartsWith(head, w.toLowerCase()));
        if (att && endsWithPhrase(text, start, ATTAINMENT_VERBS) !== undefined) {
          m.change = { direction: m.value >= 100 ? 'up' : 'down', baseline: att[1] };
        }
      }
    }
    // targets: a planned, required or aimed-at figure (never a legal time limit, never a change)
    const attainment = m.change !== undefined && (m.change.baseline === 'plan' || m.change.baseline === 'target');
    if (m.kind !== 'duration' && (!m.change || attainment)) {
      const clause = clauseBefore(text, start, 160);
      const clauseLow = clause.toLowerCase();
      const cue = TARGET_CUES.find((c) => hasWordLower(clauseLow, c));
      if (attainment) {
        // `phấn đấu hoàn thành 100% chỉ tiêu`: aimed at, not attained
        if (TARGET_AIM.some((c) => hasWordLower(clauseLow, c))) m.target = true;
      } else if (cue) {
        const needsDeadline = TARGET_NEEDS_DEADLINE.includes(cue) && !TARGET_CUES.some((c) => !TARGET_NEEDS_DEADLINE.includes(c) && hasWordLower(clauseLow, c));
        // `hoàn thành 100% … trước ngày …` sets a goal; `hoàn thành 02 công trình` names what is to be finished
        if (!needsDeadline || (m.kind === 'percent' && hasAnyWord(sentenceAfter(text, end, 200).toLowerCase(), TARGET_DEADLINE))) m.target = true;
      }
      // `Phấn đấu tổng thu … đạt 86.000 triệu đồng; giải ngân … đạt trên 65%`: a sentence-initial aim carries over its `;` items
      if (!m.target && aimCarried(text, start)) m.target = true;
      // `Đến năm 2030, 100% …` in a 2025 document: a horizon after the document's date
      if (!m.target && !attainment && documentYear !== undefined && horizonAfter(clauseLow, documentYear)) m.target = true;
      // a figure under a plan's `Mục tiêu` heading, not stated as done
      if (!m.target && !attainment && inTargetZone[i] && !hasAnyWord(clauseLow, TARGET_PAST)) m.target = true;
    }
    // a label that is only the figure itself (`500.000 đồng/m²`) names nothing
    let subject = m.subject === undefined && m.label === m.text ? undefined : cleanSubject(m.subject ?? m.label, m.value);
    if (subject !== undefined && subject === m.unit && (m.kind === 'money' || m.kind === 'duration' || m.kind === 'multiplier')) subject = undefined;
    // the second figure of a transition measures what the first one does
    if (m.fromIndex !== undefined && metrics[m.fromIndex]!.subject) subject = metrics[m.fromIndex]!.subject;
    if (subject) m.subject = subject;
    else delete m.subject;
  }
}

const EDGE = [...SUBJECT_EDGE_WORDS].sort(byLength);
/** per edge word (longest first): the word with its space after (a lead), before (a tail), and whether it may be a tail */
const EDGE_LEAD = EDGE.map((w) => w + ' ');
const EDGE_TAIL = EDGE.map((w) => ' ' + w);
const EDGE_TAIL_OK = EDGE.map((w) => !SUBJECT_LEAD_ONLY.includes(w));

/** A subject from the label: markup, numbers and edge words (prepositions, limits) removed; undefined when nothing is left. */
export function cleanSubject(label: string, value: number): string | undefined {
  let s = cleanLabel(label);
  // numbers left inside (`lớp 10` stays; a leading number and its unit go)
  s = s.replace(/^[0-9][0-9.,]*[ ]*/, '');
  for (let changed = true; changed; ) {
    changed = false;
    const low = s.toLowerCase();
    for (let k = 0; k < EDGE.length; k++) {
      const w = EDGE[k]!;
      if (low.startsWith(EDGE_LEAD[k]!) || low === w) {
        s = s.slice(w.length).trim();
        changed = true;
        break;
      }
      if (EDGE_TAIL_OK[k] && low.endsWith(EDGE_TAIL[k]!)) {
        s = s.slice(0, s.length - w.length).trim();
        changed = true;
        break;
      }
    }
  }
  s = s.replace(/^[-+•,;:()]+[ ]*/, '').replace(/[ ]*[-+•,;:(]+$/, '').trim();
  if (s === '' || !isLetter(s[0]) || String(value) === s) return undefined;
  return s;
}

/** what any step of cleanLabel would change: markup, spacing other than single spaces, a leading number or mark */
const LABEL_TO_CLEAN = /[*_|#>`]|[^\S ]| {2}|^ | $|^[-+•,;:.)0-9]/;
/** A clean label: no markup (`***`, `|`, `_`), no cut number at its start (`000 đồng đến`), single spaces. */
export function cleanLabel(label: string): string {
  // most labels are clean already: no markup, single spaces inside, none at the edges, no number or mark first
  if (!LABEL_TO_CLEAN.test(label)) return label;
  let s = label.replace(/[*_|#>`]+/g, ' ').replace(/\s+/g, ' ').trim();
  // a number cut at a thousands dot or decimal comma, with its unit and a connector after it
  s = s.replace(/^[0-9][0-9.,]*[ ]*%?[ ]*/, '');
  s = s.replace(/^[-+•,;:.)]+[ ]*/, '').trim();
  return s;
}

export { SENTENCE_END };
