/**
 * Ingest: bytes of any supported format → Document (normalized text + structure + provenance).
 * Format is detected by content (magic bytes) first, extension second.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Document } from '../model/document.js';
import { sha256Hex } from '../util/hash.js';
import { InputError } from './errors.js';
import { decodeTextBytes, textToDocument } from './text.js';

export interface IngestOptions {
  /** force a text encoding (e.g. tcvn3, vni, windows-1258, utf-16le) */
  encoding?: string;
  /** largest accepted input, bytes */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function readInput(path: string, opts: IngestOptions = {}): Promise<Uint8Array> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new InputError(path, 'not-found', 'no such file');
  }
  if (st.isDirectory()) throw new InputError(path, 'directory', 'is a directory, not a file');
  if (!st.isFile()) throw new InputError(path, 'not-file', 'not a regular file');
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (st.size > max) throw new InputError(path, 'too-large', `file is ${st.size} bytes, over the ${max}-byte limit`);
  if (st.size === 0) throw new InputError(path, 'empty', 'file is empty (0 bytes)');
  return new Uint8Array(await readFile(path));
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > n * 0.02;
}

export async function ingestBytes(path: string, bytes: Uint8Array, opts: IngestOptions = {}): Promise<Document> {
  if (bytes.length === 0) throw new InputError(path, 'empty', 'file is empty (0 bytes)');
  if (looksBinary(bytes)) throw new InputError(path, 'binary', 'binary content of an unsupported format');
  const { text, encoding } = decodeTextBytes(path, bytes);
  if (text.trim() === '') throw new InputError(path, 'empty', 'file holds no text');
  return textToDocument(text, {
    path,
    sha256: sha256Hex(bytes),
    mediaType: 'text/plain',
    bytes: bytes.length,
    encoding,
  });
}

export async function ingestFile(path: string, opts: IngestOptions = {}): Promise<Document> {
  const bytes = await readInput(path, opts);
  return ingestBytes(path, bytes, opts);
}
