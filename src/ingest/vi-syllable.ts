/**
 * Vietnamese syllable structure: (initial consonant) + rime (vowel cluster + final) + at most one tone.
 * Used to score decodings (share of valid syllables) and to repair PDF text-layer spacing damage.
 * Everything here works on one token at a time, in linear time.
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);

/** Initial consonants, longest first. */
const INITIALS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
const FINALS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't', ''];

/** Vowel clusters (tone removed) that may end a syllable (no final consonant). */
const OPEN = new Set([
  'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oe', 'oi', 'ôi', 'ơi', 'ua', 'uê', 'ui', 'uơ', 'uy',
  'ưa', 'ưi', 'ưu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'uya', 'uyu', 'ươi', 'ươu', 'iêu', 'yêu', 'uai', 'uay',
]);
/** Vowel clusters that may stand before a final consonant. */
const CLOSED = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư',
  'oa', 'oă', 'oe', 'uâ', 'uê', 'uy', 'uyê', 'iê', 'yê', 'uô', 'ươ', 'oo',
]);

function stripTone(s: string): { base: string; tones: number } {
  const d = s.normalize('NFD');
  let tones = 0;
  const base = d.replace(TONES, () => {
    tones++;
    return '';
  });
  return { base: base.normalize('NFC'), tones };
}

function toneOf(s: string): string {
  const m = /[\u0300\u0301\u0303\u0309\u0323]/.exec(s.normalize('NFD'));
  return m ? m[0] : '';
}

function rimeOk(rime: string, tone: string): boolean {
  for (const f of FINALS) {
    if (!rime.endsWith(f)) continue;
    const v = rime.slice(0, rime.length - f.length);
    if (v === '') continue;
    if (f === '') {
      if (OPEN.has(v)) return true;
      continue;
    }
    if (!CLOSED.has(v)) continue;
    if (STOP_FINALS.has(f) && tone !== '' && tone !== '\u0301' && tone !== '\u0323') continue;
    if ((f === 'ch' || f === 'nh') && !/^(a|ê|i|y|oa|uê|uy)$/.test(v)) continue;
    return true;
  }
  return false;
}

/** Whether a single token (letters only, any case) is a well-formed Vietnamese syllable. */
export function isViSyllable(token: string): boolean {
  if (token.length === 0 || token.length > 8) return false;
  const lower = token.toLowerCase();
  const { base, tones } = stripTone(lower);
  if (tones > 1) return false;
  if (!/^[a-zđăâêôơư]+$/.test(base)) return false;
  const tone = toneOf(lower);
  for (const ini of INITIALS) {
    if (!base.startsWith(ini)) continue;
    let rime = base.slice(ini.length);
    if (ini === 'gi' && rime === '') rime = 'i'; // gì
    if (rime === '') continue;
    if (ini === 'qu' && rime.startsWith('u')) continue;
    if (ini === 'k' && !/^[iyeê]/.test(rime)) continue;
    if ((ini === 'gh' || ini === 'ngh') && !/^[ieê]/.test(rime)) continue;
    if (rimeOk(rime, tone)) return true;
  }
  return false;
}

const VI_SPECIFIC = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Whether a token carries a letter that only Vietnamese uses (not plain ASCII). */
export function hasVietnameseLetter(token: string): boolean {
  return VI_SPECIFIC.test(token);
}

const WORD = /\p{L}+/gu;

/** Share (0..1) of letter tokens in `text` that are valid Vietnamese syllables, and how many tokens were seen. */
export function syllableScore(text: string): { score: number; tokens: number } {
  let ok = 0;
  let n = 0;
  for (const m of text.matchAll(WORD)) {
    n++;
    if (isViSyllable(m[0])) ok++;
  }
  return { score: n === 0 ? 0 : ok / n, tokens: n };
}
