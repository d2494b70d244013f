/**
 * Normalize decoded text into the coordinate system of all spans:
 * Unicode NFC, Ð/ð (Icelandic eth) → Đ/đ, dash and space look-alikes folded, CR/LF unified,
 * BOM, soft hyphens and zero-width characters dropped, Cyrillic look-alikes next to Latin capitals folded.
 * Run it on text that is already decoded (soft hyphen is ư in TCVN3: decode first, then normalize).
 */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
const INVISIBLE = /[\uFEFF\u00AD\u200B\u200C\u200D\u2060]/g;
const SLASHES = /[\u2044\u2215\uFF0F]/g;
const CYRILLIC: Record<string, string> = {
  'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'К': 'K', 'М': 'M', 'О': 'O', 'Р': 'P', 'Т': 'T', 'Х': 'X',
};
const CYRILLIC_NEAR_LATIN = /([A-Z])([АВСЕНКМОРТХ]+)|([АВСЕНКМОРТХ]+)([A-Z])/g;

/**
 * Every character any step below reads (CR, the invisible, eth, dash, space, slash and line-separator look-alikes,
 * the Cyrillic capitals): a text without one of them only needs NFC. NFC itself makes none of them from other
 * characters (its singletons map U+2000/U+2001 to U+2002/U+2003, both already listed).
 */
const STEP_CHARS = /[\r\uFEFF\u00AD\u200B\u200C\u200D\u2060\u00D0\u00F0\u0189\u0256\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v\u2044\u2215\uFF0F\u2028\u2029АВСЕНКМОРТХ]/;
/** STEP_CHARS as a table of the BMP (all of them are in it): one lookup per code unit, faster than the class */
const STEP_TABLE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (STEP_CHARS.test(String.fromCharCode(c))) STEP_TABLE[c] = 1;
function hasStepChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (STEP_TABLE[s.charCodeAt(i)] === 1) return true;
  return false;
}

export function normalizeText(raw: string): string {
  // most texts hold none of them: one scan and NFC instead of eleven replace passes
  return hasStepChar(raw) ? normalizeTextFull(raw) : raw.normalize('NFC');
}

/** normalizeText without its shortcut: every step on every text (the shortcut's test oracle). */
export function normalizeTextFull(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n');
  s = s.replace(INVISIBLE, '');
  s = s.normalize('NFC');
  s = s.replace(/\u00D0/g, '\u0110').replace(/\u00F0/g, '\u0111').replace(/\u0189/g, '\u0110').replace(/\u0256/g, '\u0111');
  s = s.replace(DASHES, '-').replace(SPACES, ' ').replace(SLASHES, '/');
  s = s.replace(/[\u2028\u2029]/g, '\n');
  s = s.replace(CYRILLIC_NEAR_LATIN, (_m, a?: string, cyr1?: string, cyr2?: string, b?: string) =>
    a !== undefined ? a + [...cyr1!].map((c) => CYRILLIC[c]).join('') : [...cyr2!].map((c) => CYRILLIC[c]).join('') + b!,
  );
  return s;
}
