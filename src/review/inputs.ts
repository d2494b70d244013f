/**
 * What `review` and `check` take: batch output folders (DIR/reports, optionally DIR/tables), Report JSON files
 * (as `extract` writes them), and raw documents (DOCX, PDF, TXT, … — run through the pipeline here, text kept).
 * A report given twice (same id) is kept once. Texts of batch reports are read only when asked for
 * (`textOf`), one report at a time, so that an archive of 10,000 reports is never held in memory as text.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Report } from '../model/report.js';
import type { PageInfo } from '../model/document.js';
import { readBatchDir, type CrossInput } from '../check/cross.js';
import type { IngestOptions } from '../ingest/index.js';
import { processFileWithDocument } from '../pipeline/process-file.js';
import { sourceDocument } from '../pipeline/source-text.js';

export interface LoadedReport {
  report: Report;
  /** where it came from: the batch folder, the Report JSON file or the raw document */
  origin: string;
  kind: 'batch' | 'report-json' | 'document';
  /** the ingested document's pages (raw documents only; batch reports get theirs when their source is read again) */
  pages?: PageInfo[];
}

export interface LoadedInputs {
  reports: LoadedReport[];
  /** what the cross-report checks run on: one batch folder's link tables when it is the only input */
  cross: CrossInput;
}

export interface LoadOptions {
  /** where relative source paths of batch reports are also looked up (default: the current directory) */
  baseDirs?: string[];
  ocr?: IngestOptions['ocr'];
}

function isReportJson(v: unknown): v is Report {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.schemaVersion === 'string' && typeof r.source === 'object' && Array.isArray(r.metrics) && Array.isArray(r.findings);
}

/** Reads every input; an unreadable one is an error naming the file and the reason. */
export async function loadInputs(paths: readonly string[], opts: LoadOptions = {}): Promise<LoadedInputs> {
  if (paths.length === 0) throw new Error('no input given');
  const out: LoadedReport[] = [];
  const seen = new Set<string>();
  const batches: CrossInput[] = [];
  const add = (r: LoadedReport) => {
    if (seen.has(r.report.id)) return;
    seen.add(r.report.id);
    out.push(r);
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new Error(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      const input = readBatchDir(p);
      batches.push(input);
      for (const report of input.reports) add({ report, origin: p, kind: 'batch' });
      continue;
    }
    if (p.toLowerCase().endsWith('.json')) {
      let v: unknown;
      try {
        v = JSON.parse(readFileSync(p, 'utf8'));
      } catch (err) {
        throw new Error(`${p}: not a readable Report JSON (${err instanceof Error ? err.message : String(err)})`);
      }
      if (!isReportJson(v)) throw new Error(`${p}: a JSON file that is not a Report (no id, schemaVersion, source, metrics, findings)`);
      add({ report: v, origin: p, kind: 'report-json' });
      continue;
    }
    const { report, doc } = await processFileWithDocument(p, opts.ocr ? { ocr: opts.ocr, includeText: true } : { includeText: true });
    const r: LoadedReport = { report, origin: p, kind: 'document' };
    if (doc.pages) r.pages = doc.pages;
    add(r);
  }
  const only = batches.length === 1 && out.every((r) => r.kind === 'batch') ? batches[0]! : undefined;
  return { reports: out, cross: only ?? { reports: out.map((r) => r.report) } };
}

/** The report's normalized text and pages: embedded, or its unchanged source read again. */
export async function textOf(r: LoadedReport, opts: LoadOptions = {}): Promise<{ text?: string; pages?: PageInfo[]; note: string }> {
  if (r.kind === 'document') {
    const t: { text?: string; pages?: PageInfo[]; note: string } = { note: `text of ${r.origin}, run through the pipeline` };
    if (r.report.text !== undefined) t.text = r.report.text;
    if (r.pages) t.pages = r.pages;
    return t;
  }
  // a batch records source paths relative to its folder; a Report JSON written by extract -o relative to its own
  const dir = r.kind === 'batch' ? r.origin : dirname(r.origin);
  return sourceDocument(r.report, dir, opts.baseDirs);
}
