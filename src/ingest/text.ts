/**
 * Plain text → Document. Decoding: ./encodings (UTF-8 ±BOM, UTF-16 with BOM, CP1258, TCVN3, VNI, NFD);
 * every line becomes a `line` block.
 */
import type { Block, Document, DocumentSource } from '../model/document.js';
import { normalizeText } from '../normalize/normalize-text.js';
import { InputError } from './errors.js';
import { canonicalEncoding, decodeAs, detectAndDecode } from './encodings.js';

/**
 * Decode the bytes of a text file: `encoding` forces one (see canonicalEncoding for the accepted names),
 * otherwise it is detected. NFD (decomposed) Unicode is reported as `<enc>-nfd`; normalizeText composes it.
 */
export function decodeTextBytes(path: string, bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  let text: string;
  let enc: string;
  if (encoding !== undefined) {
    const forced = canonicalEncoding(encoding.replace(/-nfd$/i, ''));
    if (!forced) throw new InputError(path, 'encoding', `unknown encoding "${encoding}" (known: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni)`);
    try {
      text = decodeAs(bytes, forced);
    } catch {
      throw new InputError(path, 'encoding', `not valid ${forced} text`);
    }
    enc = forced;
  } else {
    const r = detectAndDecode(bytes);
    text = r.text;
    enc = r.encoding;
  }
  if (enc.startsWith('utf') && /[\u0300-\u036f]/.test(text) && text !== text.normalize('NFC')) enc += '-nfd';
  return { text, encoding: enc };
}

/** Split normalized text into line blocks (empty lines are skipped). */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start && text.slice(start, end).trim() !== '') blocks.push({ kind: 'line', span: { start, end } });
    start = end + 1;
  }
  return blocks;
}

export function textToDocument(rawText: string, source: DocumentSource): Document {
  const text = normalizeText(rawText);
  return { text, blocks: lineBlocks(text), source, messages: [] };
}
