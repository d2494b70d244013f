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
/** Enough text to decide: the language of a report does not change after its first pages. */
const SAMPLE = 6_000;

export function detectLanguage(text: string): 'vi' | 'en' {
  const sample = (text.length > SAMPLE ? text.slice(0, SAMPLE) : text).toLowerCase();
  let en = 0;
  let vi = 0;
  let letters = 0;
  let marked = 0;
  let wordStart = -1;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 32;
    const k = c < 0x1f00 ? CLASS[c]! : 0;
    if (k !== 0) {
      letters++;
      if (k === 2) marked++;
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      const w = sample.slice(wordStart, i);
      if (EN_FUNCTION.has(w)) en++;
      else if (VI_FUNCTION.has(w)) vi++;
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
