/**
 * How trustworthy a decoded PDF text layer is, page by page: a score in 0..1 from
 * - control and replacement characters (a font whose ToUnicode map is broken decodes tone marks into
 *   U+0000–U+001F, U+FFFD, or stray punctuation glued to a letter);
 * - the share of tokens carrying a Vietnamese letter that are valid Vietnamese syllables (./vi-syllable);
 * - glued words (two valid syllables with no space between them: a lost space glyph).
 * Text without Vietnamese letters (English) is scored on control characters only. Linear in the text.
 */
import { hasVietnameseLetter, isViSyllable } from './vi-syllable.js';

export interface TextQuality {
  /** 0 (garbage) … 1 (clean) */
  score: number;
  /** non-space characters */
  chars: number;
  /** control, replacement and private-use characters */
  control: number;
  /** letter tokens carrying a Vietnamese letter or a combining mark */
  viTokens: number;
  /** of those, tokens that are no Vietnamese syllable */
  invalid: number;
  /** of the invalid ones, tokens that split into two valid syllables */
  glued: number;
  /** syllables cut in two by a space (`hi ện`, `đạ o`): the second part starts with a vowel and the two make one syllable */
  split: number;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/g;
const TOKEN = /[\p{L}\p{M}]+/gu;
// a tone or vowel mark that is not part of a letter (left over from a broken decoding)
const LOOSE_MARK = /(?:^|[^\p{L}])\p{M}|[\p{L}][`´'ˆ˜][\p{L}]/gu;
const VOWEL_START = /^[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/;
const UPPER_SHORT = /^\p{Lu}{1,4}$/u;

function gluedPair(token: string): boolean {
  if (token.length < 4 || token.length > 14) return false;
  for (let i = 1; i < token.length; i++) {
    if (isViSyllable(token.slice(0, i)) && isViSyllable(token.slice(i))) return true;
  }
  return false;
}

export function textQuality(text: string): TextQuality {
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) chars++;
  }
  const control = (text.match(CONTROL)?.length ?? 0) + (text.match(LOOSE_MARK)?.length ?? 0);
  let viTokens = 0;
  let invalid = 0;
  let glued = 0;
  let split = 0;
  let prev: { t: string; end: number } | undefined;
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0].normalize('NFC');
    const before = prev;
    prev = { t, end: m.index + m[0].length };
    if (before && before.end === m.index - 1 && text[before.end] === ' ' && VOWEL_START.test(t) && hasVietnameseLetter(before.t + t) && isViSyllable(before.t + t)) split++;
    if (!hasVietnameseLetter(t) && !/\p{M}/u.test(t)) continue;
    // short capitals are abbreviations (`QĐ`, `ĐVT`), not syllables
    if (UPPER_SHORT.test(t) && !isViSyllable(t)) continue;
    viTokens++;
    if (isViSyllable(t)) continue;
    invalid++;
    if (gluedPair(t)) glued++;
  }
  const bad = viTokens === 0 ? 0 : Math.min(1, (invalid + split) / viTokens);
  const score = chars === 0 ? 0 : Math.max(0, 1 - bad - (10 * control) / chars);
  return { score: Math.round(score * 1000) / 1000, chars, control, viTokens, invalid, glued, split };
}

/** Below this a page's text layer is decoded a second way and the better decoding kept. */
export const POOR_QUALITY = 0.97;
