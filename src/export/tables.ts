/**
 * Fact tables: DIR/reports/*.json → DIR/tables/{reports,sections,doc_references,dates,metrics,findings}.ndjson
 * (the Report's `references` are the table `doc_references`: `references` is reserved in SQL).
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
import { toRow } from '../validate/table-columns.js';
import { indicatorName, indicatorVocabulary } from '../vocab/indicators.js';
import { crossFindings } from './cross-findings.js';

/** The indicator vocabulary as a table (DIR/tables/indicators.ndjson): names for metrics.indicator. */
export const INDICATORS = 'indicators';

export function indicatorRows(): Row[] {
  return indicatorVocabulary()
    .map((i) => {
      const area = indicatorName(i.key)?.area;
      return toRow(INDICATORS, { ...i, areaVi: area?.vi ?? i.area, areaEn: area?.en ?? i.area });
    })
    .sort((a, b) => (String(a['id']) < String(b['id']) ? -1 : 1));
}

type Row = Record<string, unknown>;

export const FACT_TABLES = ['reports', 'sections', 'doc_references', 'dates', 'metrics', 'findings'] as const;
export type FactTable = (typeof FACT_TABLES)[number];
/** `link` writes the canonical agency of each report here (report_id → agency_id). */
export const REPORT_AGENCIES = 'report_agencies';

/** The `reports` row of a report (agency_id: from `link`, null until it has run). */
export function reportRow(r: Report, agencyId: string | null = null): Row {
  const m = r.report;
  return toRow('reports', {
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

/** Every table row of one report, validated (columns and their sources: the table schemas, src/validate/table-columns.ts). */
export function rowsOf(r: Report, agencyId: string | null = null): Record<FactTable, Row[]> {
  const fk = { reportId: r.id };
  const out: Record<FactTable, Row[]> = {
    reports: [reportRow(r, agencyId)],
    sections: r.sections.map((f) => toRow('sections', { ...f, ...fk })),
    doc_references: r.references.map((f) => toRow('doc_references', { ...f, ...fk })),
    dates: r.dates.map((f) => toRow('dates', { ...f, ...fk })),
    metrics: r.metrics.map((f) => toRow('metrics', { ...f, ...fk })),
    findings: r.findings.map((f) => toRow('findings', { ...f, ...fk, reportIds: [r.id] })),
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
  /** of rows.findings: the cross-report ones */
  crossFindings: number;
  /** rows of the indicators table */
  indicators: number;
  /** report files that could not be read (listed, not fatal) */
  unreadable: string[];
}

/** report_id → agency_id from DIR/tables/report_agencies.ndjson (written by `link`), if present. */
export function reportAgencies(tablesDir: string): Map<string, string> {
  const m = new Map<string, string>();
  const f = join(tablesDir, `${REPORT_AGENCIES}.ndjson`);
  if (!existsSync(f)) return m;
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      const r = JSON.parse(line) as { report_id?: unknown; agency_id?: unknown };
      if (typeof r.report_id === 'string' && typeof r.agency_id === 'string') m.set(r.report_id, r.agency_id);
    } catch {
      /* a damaged line: that report keeps agencyId null */
    }
  }
  return m;
}

/**
 * Rebuilds DIR/tables/<fact table>.ndjson from DIR/reports/*.json; `reports.agency_id` comes from the
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
  const indicators = new AtomicWriter(join(tablesDir, `${INDICATORS}.ndjson`));
  let reports = 0;
  let cross = 0;
  let indicatorCount = 0;
  try {
    const load = (id: string): Report | undefined => {
      try {
        const report = JSON.parse(readFileSync(join(reportsDir, `${id}.json`), 'utf8')) as Report;
        if (report.id !== id) throw new Error(`holds report ${String(report.id)}`);
        return report;
      } catch (err) {
        unreadable.push(`${id}.json: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        return undefined;
      }
    };
    ids.forEach((id, i) => {
      const report = load(id);
      if (!report) return;
      const rs = rowsOf(report, agencyOf.get(id) ?? null);
      for (const t of FACT_TABLES) {
        for (const row of rs[t]) writers[t].write(JSON.stringify(row) + '\n');
        rows[t] += rs[t].length;
      }
      reports++;
      if (onProgress && (i + 1) % 500 === 0) onProgress(i + 1, ids.length);
    });
    // after every report's own findings: the cross-report ones (read again only the reports they concern)
    const readable = new Set(ids);
    for (const u of unreadable) readable.delete(u.slice(0, u.indexOf('.json')));
    const quiet = (id: string) => (readable.has(id) ? load(id) : undefined);
    for (const f of crossFindings(dir, ids, quiet)) {
      const row = toRow('findings', f);
      assertValid('findings', row);
      writers.findings.write(JSON.stringify(row) + '\n');
      rows.findings++;
      cross++;
    }
    const ind = indicatorRows();
    for (const row of ind) {
      assertValid(INDICATORS, row);
      indicators.write(JSON.stringify(row) + '\n');
    }
    for (const t of FACT_TABLES) writers[t].commit();
    indicators.commit();
    fsyncDir(tablesDir);
    indicatorCount = ind.length;
  } catch (err) {
    for (const t of FACT_TABLES) writers[t].abort();
    indicators.abort();
    throw err;
  }
  return { reports, rows, crossFindings: cross, indicators: indicatorCount, unreadable };
}
