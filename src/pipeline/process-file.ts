/** One file on disk → one validated Report. */
import { ingestFile, InputError, type IngestOptions } from '../ingest/index.js';
import { LimitExceeded } from '../util/limits.js';
import type { Report } from '../model/report.js';
import type { Document } from '../model/document.js';
import { extractReport, type ExtractOptions } from './extract-report.js';

export type ProcessOptions = IngestOptions & ExtractOptions;

export async function processFile(path: string, opts: ProcessOptions = {}): Promise<Report> {
  return (await processFileWithDocument(path, opts)).report;
}

/** As processFile, with the ingested Document (its pages, blocks) beside the Report. */
export async function processFileWithDocument(path: string, opts: ProcessOptions = {}): Promise<{ report: Report; doc: Document }> {
  const doc = await ingestFile(path, opts);
  try {
    return { report: extractReport(doc, opts), doc };
  } catch (e) {
    // a report that asks for more facts than a limit allows fails as its input's fault, with the reason
    if (e instanceof LimitExceeded) throw new InputError(path, 'limit', e.message);
    if (e instanceof RangeError) throw new InputError(path, 'limit', `${e.message.split('\n')[0]} (the document's structure is too large)`);
    throw e;
  }
}
