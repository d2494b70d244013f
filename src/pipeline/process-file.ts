/** One file on disk → one validated Report. */
import { ingestFile, type IngestOptions } from '../ingest/index.js';
import type { Report } from '../model/report.js';
import { extractReport, type ExtractOptions } from './extract-report.js';

export type ProcessOptions = IngestOptions & ExtractOptions;

export async function processFile(path: string, opts: ProcessOptions = {}): Promise<Report> {
  const doc = await ingestFile(path, opts);
  return extractReport(doc, opts);
}
