/**
 * The normalized text of a Report from a batch folder: report.text when the batch embedded it
 * (--include-text), else the source file read again through ingestFile (same normalization, so the
 * spans fit), used only when its sha256 equals report.source.sha256.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Report } from '../model/report.js';
import type { PageInfo } from '../model/document.js';
import { ingestBytes, readInput } from '../ingest/index.js';
import { sha256Hex } from '../util/hash.js';

/**
 * A relative source path is looked up against `dir` (batch outputs record paths relative to their folder),
 * then against `baseDirs` (default: the current directory, where older outputs recorded them from).
 */
export async function sourceText(report: Report, dir: string, baseDirs?: string[]): Promise<{ text?: string; note: string }> {
  const { text, note } = await sourceDocument(report, dir, baseDirs);
  return text !== undefined ? { text, note } : { note };
}

/** As sourceText, plus the pages of the document (their spans index the text) when the source was read again. */
export async function sourceDocument(report: Report, dir: string, baseDirs?: string[]): Promise<{ text?: string; pages?: PageInfo[]; note: string }> {
  if (report.text !== undefined) return { text: report.text, note: 'text from the Report JSON' };
  const p = report.source.path;
  const candidates = isAbsolute(p) ? [p] : [resolve(dir, p), ...(baseDirs ?? [process.cwd()]).map((b) => resolve(b, p))];
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    try {
      // read once: the bytes that are hashed are the bytes that are ingested
      const bytes = await readInput(c);
      if (sha256Hex(bytes) !== report.source.sha256) return { note: `source ${p} has changed since extraction (sha256 differs): text not shown` };
      const doc = await ingestBytes(c, bytes);
      return doc.pages ? { text: doc.text, pages: doc.pages, note: `text re-read from ${p}` } : { text: doc.text, note: `text re-read from ${p}` };
    } catch (err) {
      return { note: `source ${p} could not be read again (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  return { note: `source ${p} not found: text not shown (batch with --include-text to embed it)` };
}
