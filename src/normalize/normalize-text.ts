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

export function normalizeText(raw: string): string {
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
