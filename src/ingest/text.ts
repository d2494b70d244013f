/**
 * Plain text → Document. Decoding is done by ./decode-text (UTF-8 with or without BOM, UTF-16 with BOM);
 * every line becomes a `line` block.
 */
import type { Block, Document, DocumentSource } from '../model/document.js';
import { normalizeText } from '../normalize/normalize-text.js';
import { InputError } from './errors.js';

export function decodeTextBytes(path: string, bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    throw new InputError(path, 'encoding', 'not valid UTF-8 text (use --encoding to name a legacy encoding)');
  }
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
