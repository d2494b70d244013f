/**
 * Repair of PDF text-layer spacing damage by Vietnamese syllable structure (conservative: a change is made
 * only when the result is made of valid syllables and the damaged form is not one):
 * - a space inside a syllable: `quyề n` → `quyền`, `đượ c` → `được`
 * - two syllables run together: `Tổchức` → `Tổ chức` (only tokens with a Vietnamese letter, only when exactly
 *   one split gives two valid syllables)
 * - a word run into a number: `số77/2015/QH13` → `số 77/2015/QH13` (the word is a valid syllable with a
 *   Vietnamese letter; `m2`, `QH13`, `km2` stay)
 * All patterns are single-pass over letter tokens: linear time.
 */
import { hasVietnameseLetter, isViSyllable } from './vi-syllable.js';

export interface RepairResult {
  text: string;
  repairs: number;
}

const LETTERS = /^\p{L}+$/u;
const isWord = (s: string) => LETTERS.test(s);

function splitGlued(token: string): string | undefined {
  if (token.length < 3 || token.length > 14 || !hasVietnameseLetter(token) || isViSyllable(token)) return undefined;
  let found: string | undefined;
  for (let i = 1; i < token.length; i++) {
    const a = token.slice(0, i);
    const b = token.slice(i);
    // the second syllable starts lower case (a capital inside a word is a name or acronym: leave it)
    if (b[0] !== b[0]!.toLowerCase()) continue;
    if (isViSyllable(a) && isViSyllable(b)) {
      if (found !== undefined) return undefined; // ambiguous: leave it
      found = `${a} ${b}`;
    }
  }
  return found;
}

/** Repair one line (or paragraph) of NFC text. */
export function repairSpacing(text: string): RepairResult {
  let repairs = 0;
  // 1. spaces inside a syllable: join `A B` when A+B is a syllable and A or B alone is not
  const tokens = text.split(/( +)/);
  for (let i = 0; i + 2 < tokens.length; i += 2) {
    const a = tokens[i]!;
    const sp = tokens[i + 1]!;
    const b = tokens[i + 2]!;
    if (sp !== ' ' || !isWord(a) || !isWord(b) || b[0] !== b[0]!.toLowerCase()) continue;
    if (isViSyllable(a) && isViSyllable(b)) continue;
    const joined = a + b;
    if ((hasVietnameseLetter(joined)) && isViSyllable(joined)) {
      tokens.splice(i, 3, joined);
      repairs++;
      i -= 2;
    }
  }
  let out = tokens.join('');
  // 2. glued syllables and 3. a word glued to a number
  out = out.replace(/\p{L}+(?=\d)|\p{L}+/gu, (tok, off: number, s: string) => {
    const next = s[off + tok.length];
    if (next !== undefined && /\d/.test(next)) {
      const prev = off > 0 ? s[off - 1]! : ' ';
      if (/[\p{L}\p{N}/.-]/u.test(prev)) return tok;
      if (tok.length >= 2 && tok === tok.toLowerCase() && hasVietnameseLetter(tok) && isViSyllable(tok)) {
        repairs++;
        return `${tok} `;
      }
      return tok;
    }
    const split = splitGlued(tok);
    if (split === undefined) return tok;
    repairs++;
    return split;
  });
  return { text: out, repairs };
}
