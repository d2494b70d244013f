/**
 * Language of a document (vi / en), from the function words it uses: English (`the`, `of`, `and`, `were` …)
 * against Vietnamese (`và`, `của`, `các`, `được` …). Function words decide even when an English text quotes
 * Vietnamese names with diacritics (`Sở Khoa học và Công nghệ tỉnh Tiền Giang`) or a Vietnamese text quotes
 * English titles; the share of letters with Vietnamese diacritics decides only when the words are too few.
 * Linear: one pass over at most the first 6,000 characters.
 */
const EN_FUNCTION = new Set(
  'the of and to in is was were with for on by has have that this from are be been which as at or an it its their will shall'.split(' '),
);
const VI_FUNCTION = new Set(
  'và của các được trong những có là cho với đã năm ngày theo tại về này một để không đến từ trên đơn vị việc'.split(' '),
);
const VI_MARKED_CHARS = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
/** per code point below U+1F00: 1 = letter, 2 = letter with a Vietnamese mark (lower case) */
const CLASS = new Uint8Array(0x1f00);
for (let c = 97; c <= 122; c++) CLASS[c] = 1;
for (const ch of VI_MARKED_CHARS) CLASS[ch.charCodeAt(0)] = 2;
/** A word's hash, code unit by code unit (the loop below computes it as it reads, with no slice per word). */
const step = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;
function hashOf(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = step(h, w.charCodeAt(i));
  return h;
}
/** hash → the function words (of either list) with that hash; a word is compared only on a hit */
const BY_HASH = new Map<number, string[]>();
for (const w of [...EN_FUNCTION, ...VI_FUNCTION]) {
  const h = hashOf(w);
  const list = BY_HASH.get(h);
  if (list) list.push(w);
  else BY_HASH.set(h, [w]);
}
/** Is sample[start, end) one of the words with hash h? */
function wordAt(sample: string, start: number, end: number, h: number): string | undefined {
  const list = BY_HASH.get(h);
  if (list === undefined) return undefined;
  for (const w of list) if (w.length === end - start && sample.startsWith(w, start)) return w;
  return undefined;
}

/** Enough text to decide: the language of a report does not change after its first pages. */
const SAMPLE = 6_000;

export function detectLanguage(text: string): 'vi' | 'en' {
  const sample = (text.length > SAMPLE ? text.slice(0, SAMPLE) : text).toLowerCase();
  let en = 0;
  let vi = 0;
  let letters = 0;
  let marked = 0;
  let wordStart = -1;
  let h = 0;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 32;
    const k = c < 0x1f00 ? CLASS[c]! : 0;
    if (k !== 0) {
      letters++;
      if (k === 2) marked++;
      if (wordStart < 0) {
        wordStart = i;
        h = 0;
      }
      h = step(h, c);
    } else if (wordStart >= 0) {
      const w = wordAt(sample, wordStart, i, h);
      if (w !== undefined && EN_FUNCTION.has(w)) en++;
      else if (w !== undefined && VI_FUNCTION.has(w)) vi++;
      wordStart = -1;
    }
  }
  if (letters === 0) return 'vi';
  if (en + vi >= 4) {
    if (en >= 2 * vi) return 'en';
    if (vi >= 2 * en) return 'vi';
  }
  // few words, or a mixed text: diacritics decide (Vietnamese marks ~1 letter in 5; English quoting names far fewer)
  return marked / letters > 0.06 ? 'vi' : 'en';
}
