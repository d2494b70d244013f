/**
 * Every rule pattern is built here and registered, so that a test can prove each one linear-time:
 * patterns avoid the `i` and `u` flags, lookarounds and back-references, which lets V8's
 * non-backtracking engine (`--enable-experimental-regexp-engine`, flag `l`) accept them.
 * Case-insensitivity is written out as character classes; word boundaries are checked in code.
 */
export interface RegisteredPattern {
  id: string;
  source: string;
  flags: string;
}

const registry: RegisteredPattern[] = [];

/** A global regular expression for rule `id`. Flags may only be `g`, `m`, `y`. */
export function pattern(id: string, source: string, flags = 'g'): RegExp {
  if (/[iu]/.test(flags)) throw new Error(`pattern ${id}: flags i/u are not allowed (keep patterns linear-time)`);
  registry.push({ id, source, flags });
  return new RegExp(source, flags);
}

export function registeredPatterns(): readonly RegisteredPattern[] {
  return registry;
}

/** Vietnamese letters (lower and upper case, precomposed NFC), for building character classes. */
export const VI_LOWER = 'a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
export const VI_UPPER = 'A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ';
export const VI_LETTER = VI_LOWER + VI_UPPER;

/** Non-ASCII Vietnamese letters by code unit, for a constant-time membership test (hot path: boundary checks). */
const NON_ASCII_LETTERS = (() => {
  const chars = [...VI_LETTER.replace(/a-z|A-Z/g, '')].map((c) => c.charCodeAt(0));
  const t = new Uint8Array(Math.max(...chars) + 1);
  for (const c of chars) t[c] = 1;
  return t;
})();

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // one character, a Vietnamese letter (a longer string is no letter, as a member test of single characters said)
  return ch.length === 1 && c < NON_ASCII_LETTERS.length && NON_ASCII_LETTERS[c] === 1;
}
export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}
export function isWordChar(ch: string | undefined): boolean {
  return isLetter(ch) || isDigit(ch);
}

/** A literal string as a regular-expression source. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Case-insensitive class for a literal word: `ngày` → `[Nn]gày`, first letter only (house style). */
export function ci(word: string): string {
  const first = word[0]!;
  const up = first.toUpperCase();
  const low = first.toLowerCase();
  return (up !== low ? `[${up}${low}]` : escapeRegExp(first)) + escapeRegExp(word.slice(1));
}
