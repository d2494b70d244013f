/**
 * Legacy Word .doc (OLE2 compound file) → Document via word-extractor (no LibreOffice at run time).
 * word-extractor gives the body as text: one paragraph per line, table cells separated by tabs. Lines with
 * tabs become table rows (` | `-separated, one table-cell block per cell); footnotes and endnotes follow the
 * body as footnote blocks; running headers and footers stay out of the text.
 */
import WordExtractor from 'word-extractor';
import type { Document, DocumentSource } from '../model/document.js';
import { TextBuilder } from './builder.js';
import { InputError } from './errors.js';

const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

export async function ingestDoc(path: string, bytes: Uint8Array, source: DocumentSource): Promise<Document> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.includes(ENCRYPTED_STREAM)) throw new InputError(path, 'encrypted', 'password-protected document (encrypted Office package)');
  let extracted;
  try {
    extracted = await new WordExtractor().extract(buf);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    if (/encrypt|password/i.test(msg)) throw new InputError(path, 'encrypted', 'password-protected document');
    throw new InputError(path, 'truncated', `unreadable Word .doc (${msg})`);
  }
  const b = new TextBuilder();
  let tableIndex = -1;
  let row = 0;
  let inTable = false;
  for (const line of extracted.getBody({ filterUnicode: false }).split('\n')) {
    if (line.includes('\t')) {
      if (!inTable) {
        tableIndex++;
        row = 0;
        inTable = true;
      }
      const cells = line.split('\t');
      b.addRow(cells.map((text, col) => ({ text, table: { index: tableIndex, row, col } })));
      row++;
      continue;
    }
    inTable = false;
    b.add('paragraph', line);
  }
  const notes = [extracted.getFootnotes({ filterUnicode: false }), extracted.getEndnotes({ filterUnicode: false })].join('\n');
  for (const line of notes.split('\n')) b.add('footnote', line);
  const doc = b.finish(source);
  if (doc.text.trim() === '') throw new InputError(path, 'empty', 'Word document holds no text');
  return doc;
}
