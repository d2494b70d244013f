/**
 * Folding for matching keys (never for display): lower case, old/new tone placement unified
 * (hoà → hòa, thuỷ → thủy), diacritics optionally stripped, Đ → D.
 */
/**
 * Where foldTonePlacement may change anything: an o/u right before a precomposed toned a/e/y that ends the
 * syllable (NFC text: `hoà`, not `hoàn`), or any combining mark (text not in NFC). Anything else comes out
 * as its NFC form.
 */
const TONE_MOVE_CANDIDATE = /[oOuU][àáãảạÀÁÃẢẠèéẽẻẹÈÉẼẺẸỳýỹỷỵỲÝỸỶỴ](?![\p{L}\p{M}])|[\u0300-\u036f]/u;

/** Move a tone mark written on the second vowel of open `oa`, `oe`, `uy` syllables to the first (hoà → hòa). */
export function foldTonePlacement(s: string): string {
  // most keys have nothing to move: skip the NFD round trip (a hot path: units, cues, context windows)
  return TONE_MOVE_CANDIDATE.test(s) ? moveTones(s) : s.normalize('NFC');
}

/** foldTonePlacement without its shortcut: every string through NFD, the move, NFC (the shortcut's test oracle). */
export function moveTones(s: string): string {
  const d = s.normalize('NFD');
  // o/u + [a|e|y] + tone at end of syllable (not followed by a letter) → put tone on first vowel
  const out = d.replace(/([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu, (m, v1: string, v2: string, tone: string, off: number, str: string) => {
    const prev = off > 0 ? str[off - 1] : '';
    if ((v1 === 'u' || v1 === 'U') && (prev === 'q' || prev === 'Q')) return m; // quý, quà keep
    return v1 + tone + v2;
  });
  return out.normalize('NFC');
}

/** Lower-case, tone placement folded, NFC. */
export function foldForMatch(s: string): string {
  return foldTonePlacement(s.toLowerCase().replace(/\s+/g, ' ').trim());
}

/** ASCII key: strip all diacritics, Đ→D, upper-case, drop spaces; for symbol/agency keys. */
export function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'));
}
