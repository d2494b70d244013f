/**
 * Comparison key of a document number+symbol: NFC, Ð→Đ, no spaces, diacritics stripped (Đ→D), upper-case,
 * `&` and thousands dots dropped. `23/2023/QĐ-UBND`, `23/2023/QD-UBND` and `23 /2023/ QĐ- UBND` share one key.
 * Mixed-case official codes (CTr/CT, TTr/TT, TrS/TS) are told apart before upper-casing by marking their
 * lower-case letters.
 */
import { asciiFold } from '../normalize/fold.js';

const MIXED_CASE_CODES: Record<string, string> = { CTr: 'CTR~', TTr: 'TTR~', TrS: 'TRS~', QyĐ: 'QYD~', QyD: 'QYD~' };

/** Keys already computed (a report cites the same documents many times; the key is a pure function of the symbol). */
const cache = new Map<string, string>();
const CACHE_MAX = 20_000;

export function symbolKey(symbol: string): string {
  let key = cache.get(symbol);
  if (key === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(symbol, (key = computeKey(symbol)));
  }
  return key;
}

function computeKey(symbol: string): string {
  let s = symbol.normalize('NFC').replace(/\u00D0/g, 'Đ').replace(/\u00F0/g, 'đ').replace(/\s+/g, '');
  // thousands dots in the number part only: 1.189/… → 1189/…
  s = s.replace(/^(\d{1,3})\.(\d{3})(?=[/-])/, '$1$2');
  s = s.replace(/(^|[-/])(CTr|TTr|TrS|QyĐ|QyD)(?=$|[-/])/g, (_m, sep: string, code: string) => sep + MIXED_CASE_CODES[code]!);
  return asciiFold(s).toUpperCase().replace(/&/g, '');
}
