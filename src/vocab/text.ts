/** Folding helpers for linking keys (never for display). */
import { asciiFold } from '../normalize/fold.js';

/** NFC, Ð/ð look-alikes → Đ/đ, diacritics stripped, lower case, `&` → ` va `; then split into [a-z0-9] tokens. */
export function foldTokens(s: string): string[] {
  // short strings (labels, units, section titles) repeat across metrics and reports: memoized, bounded
  if (s.length <= 200) {
    const hit = foldMemo.get(s);
    if (hit) return hit;
  }
  const f = asciiFold(s.normalize('NFC').replace(/\u00D0/g, 'Đ').replace(/\u00F0/g, 'đ'))
    .toLowerCase()
    .replace(/&/g, ' va ');
  const tokens = f.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
  if (s.length <= 200) {
    if (foldMemo.size > 5_000) foldMemo.clear();
    foldMemo.set(s, tokens);
  }
  return tokens;
}
const foldMemo = new Map<string, string[]>();

/** URL-safe slug: folded tokens joined by `-`. */
export function slug(s: string): string {
  return foldTokens(s).join('-');
}

/** Tokens joined without separators: `Sở KH&CN` → `sokhvacn`. */
export function compact(tokens: readonly string[]): string {
  return tokens.join('');
}

/** Compact form with every `va` token dropped: `Sở KH&CN` ≡ `Sở KHCN` → `sokhcn`. */
export function compactNoVa(tokens: readonly string[]): string {
  return tokens.filter((t) => t !== 'va').join('');
}

/** Collapse whitespace, NFC. */
export function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The value seen most often; ties → the lexicographically smallest (deterministic). */
export function mostFrequent<T extends string>(counts: Map<T, number>): T | undefined {
  let best: T | undefined;
  let n = -1;
  for (const [v, c] of counts) {
    if (c > n || (c === n && best !== undefined && v < best)) {
      best = v;
      n = c;
    }
  }
  return best;
}

/** Index of `needle` as a contiguous token run inside `hay` at or after `from`, or -1. */
export function indexOfTokens(hay: readonly string[], needle: readonly string[], from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
