/**
 * DOCX → Document: the package is checked (zip bomb, entity declarations), word/document.xml gets its Word
 * auto-numbering and legacy-font runs put back (./docx-xml), then mammoth convertToHtml → rehype-parse →
 * blocks (./hast).
 */
import mammoth from 'mammoth';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Root } from 'hast';
import type { Document, DocumentSource } from '../model/document.js';
import { TextBuilder } from './builder.js';
import { InputError } from './errors.js';
import { rewriteDocumentXml } from './docx-xml.js';
import { emitFootnotes, walkHast, type WalkState } from './hast.js';
import { readZip, writeZip, type ZipLimits } from './zip.js';
import { checkXmlShape } from './xml-limits.js';

const ENTITY_DECL = /<!(?:DOCTYPE|ENTITY)/i;

export async function ingestDocx(path: string, bytes: Uint8Array, source: DocumentSource, limits?: ZipLimits): Promise<Document> {
  const files = readZip(path, bytes, undefined, limits);
  const docXml = files['word/document.xml'];
  if (!docXml) {
    if (files['EncryptedPackage'] || files['EncryptionInfo']) throw new InputError(path, 'encrypted', 'password-protected document');
    throw new InputError(path, 'unsupported', 'ZIP package without word/document.xml (not a DOCX)');
  }
  // every XML part is decoded once and refused if it declares entities (mammoth's parser would expand them)
  const dec = new TextDecoder('utf-8');
  const xml = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const s = dec.decode(data);
    if (ENTITY_DECL.test(s)) throw new InputError(path, 'unsupported', `${name} declares XML entities or a DOCTYPE (refused: entity expansion)`);
    checkXmlShape(name, s);
    xml.set(name, s);
  }
  const xmlText = (name: string): string | undefined => xml.get(name);
  const rewritten = rewriteDocumentXml(xmlText('word/document.xml')!, xmlText('word/numbering.xml'), xmlText('word/styles.xml'));
  files['word/document.xml'] = new TextEncoder().encode(rewritten.xml);

  let html: string;
  let warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(writeZip(files)) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = result.value;
    warnings = result.messages.filter((m) => m.type === 'error').map((m) => m.message);
  } catch (e) {
    throw new InputError(path, 'truncated', `unreadable DOCX (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const b = new TextBuilder();
  const state: WalkState = { tableIndex: 0, footnotes: [], listDepth: 0 };
  walkHast(tree, b, state);
  emitFootnotes(b, state);
  if (rewritten.numbered > 0) b.warn('ingest-docx-numbering', `rebuilt ${rewritten.numbered} Word auto-numbering labels from word/numbering.xml`, 'info');
  if (rewritten.legacyRuns > 0) b.warn('ingest-legacy-font', `converted ${rewritten.legacyRuns} runs in legacy Vietnamese fonts (TCVN3/VNI) to Unicode`, 'info');
  for (const w of warnings.slice(0, 5)) b.warn('ingest-docx', w);
  return b.finish(source);
}
