/**
 * Fact tables: DIR/reports/*.json → DIR/tables/{reports,sections,references,dates,metrics,findings}.ndjson.
 *
 * Tables are always REBUILT from the per-report JSON files, streaming one report at a time in id order,
 * every row validated against its schema, each table written to a temp file and renamed into place.
 * So a run that was killed and resumed ends with exactly the rows of an uninterrupted run, and memory
 * stays flat whatever the number of reports.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../model/report.js';
import { assertValid } from '../validate/validate.js';
import { AtomicWriter, TEMP_PREFIX, fsyncDir } from '../util/atomic.js';
import { columnsOf } from './columns.js';

export const FACT_TABLES = ['reports', 'sections', 'references', 'dates', 'metrics', 'findings'] as const;
export type FactTable = (typeof FACT_TABLES)[number];
/** `link` writes the canonical agency of each report here (reportId → agencyId). */
export const REPORT_AGENCIES = 'report_agencies';

type Row = Record<string, unknown>;

const columnNames = new Map<FactTable, string[]>();
function names(t: FactTable): string[] {
  let n = columnNames.get(t);
  if (!n) {
    n = columnsOf(t).map((c) => c.name);
    columnNames.set(t, n);
  }
  return n;
}

/** A row with every column of the table schema, in schema order; null where the fact has no value. */
function shape(t: FactTable, fact: Record<string, unknown>, extra: Row): Row {
  const row: Row = {};
  for (const c of names(t)) {
    const v = c in extra ? extra[c] : fact[c];
    row[c] = v === undefined ? null : v;
  }
  return row;
}

/** The `reports` row of a report (agencyId: from `link`, null until it has run). */
export function reportRow(r: Report, agencyId: string | null = null): Row {
  const m = r.report;
  return shape('reports', {}, {
    id: r.id,
    path: r.source.path,
    sha256: r.source.sha256,
    mediaType: r.source.mediaType,
    bytes: r.source.bytes,
    pages: r.source.pages,
    encoding: r.source.encoding,
    textLength: r.source.textLength,
    language: r.language,
    agencyId,
    agency: m.agency,
    parentAgency: m.parentAgency,
    place: m.place,
    province: m.province,
    number: m.number,
    title: m.title,
    year: m.year,
    period: m.period?.value,
    periodStart: m.period?.start,
    periodEnd: m.period?.end,
    issuedOn: m.issuedOn,
    schemaVersion: r.schemaVersion,
    pipelineName: r.pipeline.name,
    pipelineVersion: r.pipeline.version,
    sectionCount: r.sections.length,
    referenceCount: r.references.length,
    dateCount: r.dates.length,
    metricCount: r.metrics.length,
    findingCount: r.findings.length,
  });
}

/** Every table row of one report, validated. */
export function rowsOf(r: Report, agencyId: string | null = null): Record<FactTable, Row[]> {
  const fk = { reportId: r.id };
  const out: Record<FactTable, Row[]> = {
    reports: [reportRow(r, agencyId)],
    sections: r.sections.map((f) => shape('sections', f, fk)),
    references: r.references.map((f) => shape('references', f, fk)),
    dates: r.dates.map((f) => shape('dates', f, fk)),
    metrics: r.metrics.map((f) => shape('metrics', f, fk)),
    findings: r.findings.map((f) => shape('findings', f, fk)),
  };
  for (const t of FACT_TABLES) for (const row of out[t]) assertValid(t, row);
  return out;
}

/** Report ids present in DIR/reports, sorted (temp files and anything else ignored). */
export function reportIds(reportsDir: string): string[] {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir)
    .filter((f) => !f.startsWith(TEMP_PREFIX) && /^rpt_[0-9a-f]{16}\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .sort();
}

export interface TablesSummary {
  reports: number;
  rows: Record<FactTable, number>;
  /** report files that could not be read (listed, not fatal) */
  unreadable: string[];
}

/** reportId → agencyId from DIR/tables/report_agencies.ndjson (written by `link`), if present. */
export function reportAgencies(tablesDir: string): Map<string, string> {
  const m = new Map<string, string>();
  const f = join(tablesDir, `${REPORT_AGENCIES}.ndjson`);
  if (!existsSync(f)) return m;
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      const r = JSON.parse(line) as { reportId?: unknown; agencyId?: unknown };
      if (typeof r.reportId === 'string' && typeof r.agencyId === 'string') m.set(r.reportId, r.agencyId);
    } catch {
      /* a damaged line: that report keeps agencyId null */
    }
  }
  return m;
}

/**
 * Rebuilds DIR/tables/<fact table>.ndjson from DIR/reports/*.json; `reports.agencyId` comes from the
 * link step's report_agencies table when it exists (run `link` first).
 */
export function buildTables(dir: string, onProgress?: (done: number, total: number) => void): TablesSummary {
  const reportsDir = join(dir, 'reports');
  const tablesDir = join(dir, 'tables');
  mkdirSync(tablesDir, { recursive: true });
  const agencyOf = reportAgencies(tablesDir);
  const ids = reportIds(reportsDir);
  const writers = Object.fromEntries(FACT_TABLES.map((t) => [t, new AtomicWriter(join(tablesDir, `${t}.ndjson`))])) as Record<FactTable, AtomicWriter>;
  const rows = Object.fromEntries(FACT_TABLES.map((t) => [t, 0])) as Record<FactTable, number>;
  const unreadable: string[] = [];
  let reports = 0;
  try {
    ids.forEach((id, i) => {
      let report: Report;
      try {
        report = JSON.parse(readFileSync(join(reportsDir, `${id}.json`), 'utf8')) as Report;
        if (report.id !== id) throw new Error(`holds report ${String(report.id)}`);
      } catch (err) {
        unreadable.push(`${id}.json: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        return;
      }
      const rs = rowsOf(report, agencyOf.get(id) ?? null);
      for (const t of FACT_TABLES) {
        for (const row of rs[t]) writers[t].write(JSON.stringify(row) + '\n');
        rows[t] += rs[t].length;
      }
      reports++;
      if (onProgress && (i + 1) % 500 === 0) onProgress(i + 1, ids.length);
    });
    for (const t of FACT_TABLES) writers[t].commit();
    fsyncDir(tablesDir);
  } catch (err) {
    for (const t of FACT_TABLES) writers[t].abort();
    throw err;
  }
  return { reports, rows, unreadable };
}
