/**
 * Numbers in English text: digit tokens (`1,250`, `1.25`, `03`, `00`) and number words (`twenty-two`,
 * `one hundred and five`, `a dozen`). compromise turns a run of number words into its value.
 */
import { compromise } from './nlp.js';
import { isDigit, pattern } from '../../util/pattern.js';
import { NUMBER_WORDS, QUANTITY_WORDS } from './lexicon.js';

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /** true for number words (`twenty-two`), false for digits */
  words: boolean;
  /** digit tokens only: how the separators were read */
  format?: 'plain' | 'thousands-comma' | 'decimal-dot' | 'thousands-dot' | 'decimal-comma';
}

/** A digit run with separators; trailing separators are trimmed in code. */
export const DIGITS = pattern('en.number.digits', '[0-9][0-9.,]*');

const wordAlt = [...NUMBER_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
/** `twenty-two`, `one hundred and five`, `a dozen`, `two dozen` */
export const NUMBER_WORD_RUN = pattern(
  'en.number.words',
  `(?:[Aa] (?:[Dd]ozen|[Hh]undred|[Tt]housand|[Ss]core)|(?:${wordAlt})(?:(?:[- ]|-and-| and )(?:${wordAlt}|dozen)){0,8})`,
);

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/**
 * Reads a digit token as written. English style first (`1,250` = 1250, `1.25` = 1.25); Vietnamese style when
 * the separators can only mean that (`1.234.567`, `98,5`).
 */
export function parseDigits(raw: string): { value: number; format: NumberToken['format'] } | undefined {
  if (/^[0-9]+$/.test(raw)) return { value: Number(raw), format: 'plain' };
  if (/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/.test(raw)) return { value: Number(raw.replace(/,/g, '')), format: 'thousands-comma' };
  if (/^[0-9]{1,3}(\.[0-9]{3}){2,}(,[0-9]+)?$/.test(raw))
    return { value: Number(raw.replace(/\./g, '').replace(',', '.')), format: 'thousands-dot' };
  if (/^[0-9]+\.[0-9]+$/.test(raw)) return { value: Number(raw), format: 'decimal-dot' };
  if (/^[0-9]+,[0-9]{1,2}$/.test(raw)) return { value: Number(raw.replace(',', '.')), format: 'decimal-comma' };
  return undefined;
}

/** Digit tokens of `text` within [from, to), with word boundaries checked. */
export function digitTokens(text: string, from: number, to: number): NumberToken[] {
  const out: NumberToken[] = [];
  const re = new RegExp(DIGITS.source, 'g');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    let raw = m[0];
    while (raw.length && (raw.endsWith('.') || raw.endsWith(','))) raw = raw.slice(0, -1);
    const start = m.index;
    const end = start + raw.length;
    re.lastIndex = Math.max(end, start + 1);
    if (isAsciiLetter(text[start - 1]) || isDigit(text[start - 1])) continue;
    // a run longer than any real figure (IDs, hostile input) is not a number we read
    if (raw.length > 24) continue;
    const parsed = parseDigits(raw);
    if (!parsed || !Number.isFinite(parsed.value)) continue;
    out.push({ start, end, value: parsed.value, words: false, format: parsed.format });
  }
  return out;
}

/** Value of a run of number words, via compromise (`twenty-two` → 22); `a dozen` → 12. */
const valueCache = new Map<string, number | undefined>();

export function wordsValue(run: string): number | undefined {
  const lower = run.toLowerCase().trim().replace(/\s+/g, ' ');
  // `billion` alone (as in `VND 1 billion`) is a multiplier, not a number
  if (/^(hundred|thousand|million|billion)( |$)/.test(lower)) return undefined;
  if (valueCache.has(lower)) return valueCache.get(lower);
  const v = wordsValueUncached(lower);
  if (valueCache.size > 2048) valueCache.clear();
  valueCache.set(lower, v);
  return v;
}

function wordsValueUncached(lower: string): number | undefined {
  const q = /^(a|one|two|three|four|five|six|seven|eight|nine|ten) (dozen|score)$/.exec(lower) ?? /^(a) (hundred|thousand)$/.exec(lower);
  if (q) {
    const mult = q[1] === 'a' ? 1 : ((compromise()(q[1]!).numbers().get() as unknown[])[0] as number | undefined) ?? NaN;
    const unit = QUANTITY_WORDS[q[2]!] ?? (q[2] === 'hundred' ? 100 : 1000);
    return Number.isFinite(mult) ? mult * unit : undefined;
  }
  const vals = compromise()(lower).numbers().get() as unknown[];
  if (vals.length !== 1 || typeof vals[0] !== 'number') return undefined;
  return vals[0];
}

/** Number-word tokens of `text` within [from, to). */
export function wordTokens(text: string, from: number, to: number): NumberToken[] {
  const out: NumberToken[] = [];
  const re = new RegExp(NUMBER_WORD_RUN.source, 'g');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const start = m.index;
    const end = start + m[0].length;
    if (isAsciiLetter(text[start - 1]) || isAsciiLetter(text[end]) || text[end] === '-') {
      // inside a longer word (`someone`, `tone`, `often`): skip this start only
      re.lastIndex = start + 1;
      continue;
    }
    // "one" as a pronoun (`one of the`, `the one`) is not a count; keep `one` before a noun only (checked by caller)
    const value = wordsValue(m[0]);
    if (value === undefined) continue;
    out.push({ start, end, value, words: true });
  }
  return out;
}
