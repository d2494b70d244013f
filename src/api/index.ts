/**
 * report-metrics as a library: `import { processFile, check } from 'report-metrics'`.
 *
 * - `processFile(path, options)`: one file on disk → one validated Report (ingest + extract + checks);
 * - `ingest(path, options)` / `ingestBytes(name, bytes, options)`: a file or bytes → Document (normalized
 *   text, blocks, pages, source); `extract(document, options)`: Document → validated Report;
 * - `check(target)`: the auditor findings for a report file or a batch output folder (as
 *   `report-metrics check`); `checkReport(report, text)`: the single-report rules on a Report;
 * - `validate(name, value)`, `schema(name)`, `schemaNames()`: the JSON Schemas (schemas/);
 * - the types derived from the schemas: Report, Reference, DateFact, Metric, Finding, Section, ...
 *
 * Every bad input throws an InputError naming the file, the reason and a code (`not-found`, `empty`,
 * `binary`, `encrypted`, `scanned`, `too-large`, ...). Output that fails its schema throws OutputInvalidError.
 */
import { ingestFile, type IngestOptions } from '../ingest/index.js';
import { extractReport, type ExtractOptions } from '../pipeline/extract-report.js';
import { allFindings, runCheck } from '../cli/check-run.js';
import { assertValid, loadSchema } from '../validate/validate.js';
import type { Document } from '../model/document.js';
import type { Finding, Report } from '../model/report.js';

export { ingestBytes, detectFormat, InputError, MEDIA_TYPES, type IngestOptions, type InputFormat } from '../ingest/index.js';
export { processFile, type ProcessOptions } from '../pipeline/process-file.js';
export type { ExtractOptions } from '../pipeline/extract-report.js';
export { checkReport, recheck } from '../check/index.js';
export { OutputInvalidError, schemaNames } from '../validate/validate.js';
export { TOOL_VERSION as VERSION, PIPELINE_NAME, PIPELINE_VERSION } from '../pipeline/version.js';
export { SCHEMA_VERSION } from '../model/report.js';
export type { Report, Section, Reference, DateFact, Metric, Finding, Evidence, ReportMeta, SourceInfo, Period, Language, Span } from '../model/report.js';
export type { Document, DocumentSource, Block, BlockKind, PageInfo, TableContext, IngestMessage } from '../model/document.js';

/** A file on disk → Document (format detected by content: PDF, DOCX, DOC, HTML, Markdown, text in any supported encoding). */
export function ingest(path: string, options: IngestOptions = {}): Promise<Document> {
  return ingestFile(path, options);
}

/** Document → Report (references, dates, metrics, sections, findings), validated against schemas/report.schema.json. */
export function extract(document: Document, options: ExtractOptions = {}): Report {
  return extractReport(document, options);
}

/** Auditor findings for a report file (run through the pipeline) or a batch output folder (with cross-report findings). */
export async function check(target: string): Promise<Finding[]> {
  return allFindings(await runCheck(target));
}

/** Throws OutputInvalidError when `value` does not validate against the schema `name` (`report`, `metrics`, ...). */
export function validate(name: string, value: unknown): void {
  assertValid(name, value);
}

/** The JSON Schema `name` (`report`, `pipeline`, a table name: `report-metrics schema` lists them). */
export function schema(name: string): Record<string, unknown> {
  return loadSchema(name);
}
