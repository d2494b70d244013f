/**
 * Text encodings of archived Vietnamese files: detection and decoding.
 *
 * - UTF-8 (with or without BOM), UTF-16 LE/BE with BOM: built-in TextDecoder.
 * - Windows-1258: TextDecoder('windows-1258'), then NFC (CP1258 writes tones as combining marks).
 * - TCVN3 (VN3, "ABC", .VnTime fonts): own table. Bytes < 0x80 are ASCII, 0x80-0x9F CP1252 punctuation,
 *   0xA0-0xFF the VN3 letters (iconv-lite's `tcvn` is VN1 and maps 0x80-0x9F to capitals: wrong here).
 *   VN3 has no toned capitals: they decode to lower case (`.VnTimeH` fonts drew them as capitals).
 * - VNI-Windows: two-byte (base letter + modifier byte) table; no library exists.
 * Detection (domain reference §5.2): signatures per encoding, then re-score candidate decodings by the share
 * of valid Vietnamese syllables.
 */
import { LEGACY_LETTERS } from './legacy-table.js';
import { syllableScore } from './vi-syllable.js';

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni' | 'windows-1252';

/** Accepted spellings of `--encoding` → canonical name. */
const ALIASES: Record<string, EncodingName> = {
  'utf8': 'utf-8', 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8-bom',
  'utf16le': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', 'utf16': 'utf-16le',
  'utf16be': 'utf-16be', 'utf-16be': 'utf-16be',
  'windows-1258': 'windows-1258', 'cp1258': 'windows-1258', 'windows1258': 'windows-1258',
  'tcvn3': 'tcvn3', 'tcvn': 'tcvn3', 'abc': 'tcvn3', 'vn3': 'tcvn3', 'tcvn5712': 'tcvn3',
  'vni': 'vni', 'vni-windows': 'vni', 'vni-win': 'vni',
  'windows-1252': 'windows-1252', 'cp1252': 'windows-1252', 'latin1': 'windows-1252',
};

export function canonicalEncoding(name: string): EncodingName | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

/** CP1252 bytes 0x80-0x9F → Unicode (undefined bytes map to the C1 control of the same value). */
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function cp1252Char(b: number): string {
  return b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
}

/** byte → char for TCVN3; toned capitals share codes with lower case, lower case wins. */
const TCVN3_DECODE: string[] = [];
/** Unicode char → TCVN3 byte. */
const TCVN3_ENCODE = new Map<string, number>();
/** VNI: byte sequence key (one or two latin-1 chars) → Unicode char. */
const VNI_DECODE = new Map<string, string>();
const VNI_ENCODE = new Map<string, number[]>();

for (let b = 0; b < 256; b++) TCVN3_DECODE[b] = cp1252Char(b);
for (const [ch, t, v] of LEGACY_LETTERS) {
  TCVN3_ENCODE.set(ch, t);
  if (t >= 0x80) {
    const cur = TCVN3_DECODE[t]!;
    const isLower = ch === ch.toLowerCase();
    if (cur === cp1252Char(t) || isLower) TCVN3_DECODE[t] = ch;
  }
  VNI_ENCODE.set(ch, [...v]);
  if (v.length > 1 || v[0]! >= 0x80) VNI_DECODE.set(v.map((b) => String.fromCharCode(b)).join(''), ch);
}

/** The byte of a Unicode char as a legacy font saw it: Latin-1 code points and CP1252 punctuation. */
const CP1252_REVERSE = new Map<string, number>([...CP1252_HIGH].map((c, i) => [c, 0x80 + i]));
function legacyByte(c: string): number | undefined {
  const code = c.charCodeAt(0);
  if (code < 0x100) return code;
  return CP1252_REVERSE.get(c);
}

/** Decode TCVN3 bytes. */
export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += TCVN3_DECODE[bytes[i]!];
  return out;
}

/**
 * Convert text whose code points are TCVN3 bytes shown through a legacy font (DOCX runs in `.VnTime`,
 * text read as Latin-1) to Unicode. `upper`: the run used an `H` font (`.VnTimeH`): upper-case it.
 */
export function tcvn3FontToUnicode(s: string, upper = false): string {
  let out = '';
  for (const c of s) {
    const b = legacyByte(c);
    out += b !== undefined && b >= 0xa0 ? TCVN3_DECODE[b]! : c;
  }
  return upper ? out.toUpperCase() : out;
}

/** Decode VNI-Windows bytes (greedy: base letter + modifier byte first, then single byte). */
export function decodeVni(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return vniFontToUnicode(s);
}

/** Convert text whose code points are VNI bytes (Latin-1 / CP1252 view) to Unicode. */
export function vniFontToUnicode(s: string): string {
  let out = '';
  const chars = [...s].map((c) => {
    const b = legacyByte(c);
    return b === undefined ? c : String.fromCharCode(b);
  });
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const two = i + 1 < chars.length ? c + chars[i + 1]! : '';
    const hit2 = two ? VNI_DECODE.get(two) : undefined;
    if (hit2 !== undefined) {
      out += hit2;
      i++;
      continue;
    }
    const hit1 = VNI_DECODE.get(c);
    if (hit1 !== undefined) out += hit1;
    else out += c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) < 0xa0 ? cp1252Char(c.charCodeAt(0)) : c;
  }
  return out;
}

/** Encode Unicode text to TCVN3 bytes (for fixtures and tests); unmappable chars become `?`. */
export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const c of text.normalize('NFC')) {
    const code = c.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(TCVN3_ENCODE.get(c) ?? 0x3f);
  }
  return Uint8Array.from(out);
}

/** Encode Unicode text to VNI-Windows bytes (for fixtures and tests); unmappable chars become `?`. */
export function encodeVni(text: string): Uint8Array {
  const out: number[] = [];
  for (const c of text.normalize('NFC')) {
    const code = c.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(VNI_ENCODE.get(c) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

export function decodeAs(bytes: Uint8Array, enc: EncodingName): string {
  switch (enc) {
    case 'utf-8':
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    case 'utf-8-bom':
      return new TextDecoder('utf-8', { fatal: true }).decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
    case 'utf-16le':
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2) : bytes);
    case 'utf-16be':
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes);
    case 'windows-1258':
      return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
    case 'windows-1252':
      return new TextDecoder('windows-1252').decode(bytes);
    case 'tcvn3':
      return decodeTcvn3(bytes);
    case 'vni':
      return decodeVni(bytes);
  }
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** Signature hits per encoding in text read as CP1252 (domain reference §5.2); never one character alone. */
const SIGNATURES: Record<'tcvn3' | 'vni' | 'windows-1258', RegExp> = {
  // TCVN3 letters inside words: µ ¸ ¶ · ¹ ¨ © ª « ¬ ® Ö Þ ß ñ × and the ư byte (U+00AD)
  tcvn3: /\p{L}[µ¸¶·¹¨©ª«¬®ÖÞßñ×\u00AD]|[µ¸¶·¹¨©ª«¬®ÖÞßñ×\u00AD]\p{L}/gu,
  // VNI: letter followed by a modifier byte
  vni: /[A-Za-z][ùøûõïâáàåãäêéèúüëöô]/g,
  // CP1258: đ/Đ as ð/Ð, ư as ý, tone bytes after a letter
  'windows-1258': /[ðÐ]\p{L}|\p{L}[ÌìÒÞò]/gu,
};

export interface DetectResult {
  text: string;
  encoding: EncodingName;
  /** share of valid Vietnamese syllables in the decoded text */
  score: number;
}

/**
 * Detect and decode. BOMs first; valid UTF-8 is UTF-8 unless it is pure ASCII-with-legacy-look (it never is
 * for 8-bit legacy bytes, which are invalid UTF-8 almost always). Otherwise: signature counts pick the
 * candidates, the syllable score decides.
 */
export function detectAndDecode(bytes: Uint8Array): DetectResult {
  // Unicode is decided by its BOM or by decoding without error: no candidates to compare, so no syllable
  // score is computed (it was a measurable share of batch time); `score` 1 means "not compared".
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeAs(bytes, 'utf-16le'), encoding: 'utf-16le', score: 1 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeAs(bytes, 'utf-16be'), encoding: 'utf-16be', score: 1 };
  if (hasUtf8Bom(bytes)) return { text: decodeAs(bytes, 'utf-8-bom'), encoding: 'utf-8-bom', score: 1 };
  try {
    return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', score: 1 };
  } catch {
    /* not UTF-8: a legacy 8-bit encoding */
  }
  const latin = decodeAs(bytes, 'windows-1252');
  const candidates: EncodingName[] = [];
  for (const enc of ['tcvn3', 'vni', 'windows-1258'] as const) {
    const hits = latin.match(SIGNATURES[enc])?.length ?? 0;
    if (hits > 0) candidates.push(enc);
  }
  if (candidates.length === 0) candidates.push('tcvn3', 'vni', 'windows-1258');
  let best: DetectResult | undefined;
  for (const enc of candidates) {
    const r = scored(decodeAs(bytes, enc), enc);
    if (!best || r.score > best.score) best = r;
  }
  const fallback = scored(latin, 'windows-1252');
  return best && best.score >= fallback.score ? best : fallback;
}

function scored(text: string, encoding: EncodingName): DetectResult {
  // score a bounded sample: detection must stay linear and cheap on large files
  return { text, encoding, score: syllableScore(text.length > 200_000 ? text.slice(0, 200_000) : text).score };
}
