/**
 * The batch's tables, updated for what changed in DIR/reports since they were last written (issue 19):
 * a report file added, rewritten or removed is the only thing read again; every other report's rows are
 * copied from the previous tables as bytes. The result equals a build from scratch byte for byte, because a
 * build from scratch is the same code with nothing kept (no state).
 *
 * Tables come in two kinds (TABLES below, the registry):
 * - per-report tables: every row belongs to one report and depends only on that report (the fact tables,
 *   and link's report_agencies, citations and series). A table file is the reports' blocks of rows in
 *   report-id order, then an optional tail of rows made across reports (the cross-report findings).
 * - derived tables: made across all reports (link's agencies, documents, changes). They are folded again
 *   from each report's *contribution* — a small JSON value kept per report in DIR/.state/contrib.ndjson —
 *   so an update reads the new reports in full and the kept contributions of the others, never their files.
 *
 * DIR/.state/index.json (the outputs manifest) records, per report, its file's identity (inode, size, mtime)
 * and the bytes and rows it has in each per-report file; per table file, the identity it had when written.
 * Crash safety: every file is written to a temp file and renamed; the index is written last. A kill between
 * the renames and the index leaves files whose identity the index does not know: the next run then builds
 * everything again from DIR/reports (correct, slower). The warehouse is updated from the same index
 * (./warehouse-update.ts, updateWarehouse): `warehouse.pending` lists the reports changed since it was
 * last brought up to date.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../model/report.js';
import { AtomicWriter, TEMP_PREFIX, fsyncDir, writeFileAtomic } from '../util/atomic.js';
import { assertValid } from '../validate/validate.js';
import { toRow } from '../validate/table-columns.js';
import { FACT_TABLES, INDICATORS, indicatorRows, rowsOf, type FactTable, type TablesSummary } from '../export/tables.js';
import { crossFindings, type JumpMemo } from '../export/cross-findings.js';
import type { Finding } from '../model/report.js';
import {
  LINK_DERIVED_TABLES,
  LINK_REPORT_TABLES,
  LinkFold,
  agreement,
  groupDocuments,
  linkIdentity,
  linkOne,
  linkShapeProblem,
  readLinkReport,
  reportAgencyRow,
  reportDocumentRows,
  type LinkContribution,
  type LinkIdent,
  type LinkSummary,
} from '../link/index.js';
import type { DocumentGroup } from '../link/renderings.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { sha256Hex } from '../util/hash.js';
import { fromRoot } from '../util/package-root.js';

export const STATE_DIR = '.state';
const INDEX = 'index.json';
const CONTRIB = 'contrib.ndjson';
const IDENT = 'ident.ndjson';
const JUMPS = 'jumps.tsv';
const STATE_VERSION = 4;

type Row = Record<string, unknown>;

export interface OutputOptions {
  /** link tables (agencies, documents, citations, series, changes, report_agencies) */
  link: boolean;
  onWarning?: (message: string) => void;
  /** ignore the kept state: build every table from DIR/reports */
  full?: boolean;
}

/** One table of DIR/tables: its rows are per report (`report`) or made across reports (`derived`). */
export interface TableSpec {
  name: string;
  kind: 'report' | 'derived';
  /** the column naming the report (per-report tables), for the warehouse's DELETE */
  reportKey?: string;
  /** made when link runs */
  link?: boolean;
}

/**
 * The registry: every table the batch writes under DIR/tables, in the order they are written. A table of
 * another step slots in here (its rows per report from `reportRows`, or folded in `derive`).
 */
export const TABLES: readonly TableSpec[] = [
  ...FACT_TABLES.map((name): TableSpec => ({ name, kind: 'report', reportKey: name === 'reports' ? 'id' : 'report_id' })),
  ...LINK_REPORT_TABLES.map((name): TableSpec => ({ name, kind: 'report', reportKey: 'report_id', link: true })),
  ...LINK_DERIVED_TABLES.map((name): TableSpec => ({ name, kind: 'derived', link: true })),
  { name: INDICATORS, kind: 'derived' },
];

export function activeTables(o: { link: boolean }): TableSpec[] {
  return TABLES.filter((t) => !t.link || o.link);
}

/** A file's identity: a change of any of these means it was written again. */
export interface FileIdent {
  ino: number;
  size: number;
  mtimeMs: number;
}
function identOf(file: string): FileIdent | null {
  try {
    const st = statSync(file);
    return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}
export function sameIdent(a: FileIdent | null | undefined, b: FileIdent | null | undefined): boolean {
  return !!a && !!b && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Per report: [id, file signature, unreadable reason or null, group signature or null, then bytes and rows in
 * each per-report file]. The group signature (link only) is what its rows take from the other files of its
 * document: the document id and whether it is the chosen file; for a chosen file of several, each other file's
 * id and file signature (its series rows name the files that agree).
 */
type ReportEntry = [string, string, string | null, string | null, ...number[]];
/** index in a ReportEntry of the bytes of per-report file 0 (its rows follow) */
const E = 4;
const bytesIn = (e: ReportEntry, f: number) => e[E + 2 * f] as number;
const rowsIn = (e: ReportEntry, f: number) => e[E + 2 * f + 1] as number;

export interface OutputState {
  v: number;
  /** what the tables depend on besides the reports: tool version, table schemas, link on or off */
  key: string;
  /** per-report files in index order: the per-report tables, then the contributions */
  files: string[];
  idents: Record<string, FileIdent>;
  reports: ReportEntry[];
  /** rows after the reports' blocks (cross-report findings): bytes, rows, their ids */
  tails: Record<string, { bytes: number; rows: number; ids: string[] }>;
  /** rows of each derived table */
  derivedRows: Record<string, number>;
  link: Omit<LinkSummary, 'warnings' | 'tablesDir'> | null;
  crossFindings: number;
  warehouse: {
    /** the warehouse as this index last left it (null: build it from scratch) */
    ident: FileIdent | null;
    /** reports changed since then ('all': rebuild) */
    pending: string[] | 'all';
    manifest: FileIdent | null;
    /** the tables it holds */
    sources: string[];
    /** ids of the tail rows it holds, per table */
    tails: Record<string, string[]>;
  };
}

/**
 * Test hook (test/batch-incremental.test.ts): REPORT_METRICS_KILL_AT=<point> makes the process SIGKILL itself
 * at that point of the update, so that the test can kill it between two given writes.
 */
export function killPoint(name: string): void {
  if (process.env['REPORT_METRICS_KILL_AT'] === name) process.kill(process.pid, 'SIGKILL');
}

let schemaDigest: string | undefined;
/** The table schemas' text: a change (a new column) rebuilds every table. */
function schemasDigest(): string {
  if (schemaDigest) return schemaDigest;
  const dir = fromRoot('schemas');
  const parts = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`);
  return (schemaDigest = sha256Hex(Buffer.from(parts.join('\n'))).slice(0, 16));
}

function stateKey(o: OutputOptions): string {
  return `${TOOL_VERSION}/${schemasDigest()}/link=${o.link}/tables=${activeTables(o)
    .map((t) => t.name)
    .join(',')}`;
}

export function statePath(dir: string): string {
  return join(dir, STATE_DIR, INDEX);
}

export function readState(dir: string): OutputState | undefined {
  try {
    const s = JSON.parse(readFileSync(statePath(dir), 'utf8')) as OutputState;
    return s.v === STATE_VERSION ? s : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(dir: string, s: OutputState): void {
  mkdirSync(join(dir, STATE_DIR), { recursive: true });
  writeFileAtomic(statePath(dir), JSON.stringify(s));
}

/** Report files of DIR/reports (rpt_<16 hex>.json) and their signatures (inode, size, mtime), by id. */
function currentReports(reportsDir: string): Array<[string, string]> {
  if (!existsSync(reportsDir)) return [];
  const out: Array<[string, string]> = [];
  for (const f of readdirSync(reportsDir)) {
    if (f.startsWith(TEMP_PREFIX) || !/^rpt_[0-9a-f]{16}\.json$/.test(f)) continue;
    try {
      const st = statSync(join(reportsDir, f));
      out.push([f.slice(0, -5), `${st.ino}:${st.size}:${st.mtimeMs}`]);
    } catch {
      /* removed meanwhile */
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Sequential reads of byte ranges of one file (ranges in ascending order), through a large buffer. */
class RangeReader {
  private fd: number;
  private buf = Buffer.alloc(1 << 22);
  private bufStart = 0;
  private bufLen = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }
  read(offset: number, length: number): Buffer {
    if (length === 0) return Buffer.alloc(0);
    if (offset >= this.bufStart && offset + length <= this.bufStart + this.bufLen) return this.buf.subarray(offset - this.bufStart, offset - this.bufStart + length);
    if (length > this.buf.length) this.buf = Buffer.alloc(length);
    const n = readSync(this.fd, this.buf, 0, this.buf.length, offset);
    if (n < length) throw new Error('a table file is shorter than its index says');
    this.bufStart = offset;
    this.bufLen = n;
    return this.buf.subarray(0, length);
  }
  /** Copies a range to `w` in chunks. */
  copy(offset: number, length: number, w: AtomicWriter): void {
    let pos = offset;
    const end = offset + length;
    while (pos < end) {
      const n = Math.min(end - pos, 1 << 22);
      w.writeBytes(this.read(pos, n));
      pos += n;
    }
  }
  close(): void {
    closeSync(this.fd);
  }
}

export interface OutputsSummary {
  tables: TablesSummary;
  link?: LinkSummary;
  /** reports read again, removed, kept */
  added: number;
  changed: number;
  removed: number;
  kept: number;
  /** false when nothing changed: no table was written */
  written: boolean;
  /** built from scratch (no usable state) */
  full: boolean;
}

function tablesSummaryOf(s: OutputState, unreadableMsgs: string[]): TablesSummary {
  const rows = Object.fromEntries(FACT_TABLES.map((t) => [t, 0])) as Record<FactTable, number>;
  let reports = 0;
  for (const e of s.reports) {
    if (e[2] === null) reports++;
    FACT_TABLES.forEach((t, i) => (rows[t] += rowsIn(e, i)));
  }
  for (const [t, tail] of Object.entries(s.tails)) if (t in rows) rows[t as FactTable] += tail.rows;
  return { reports, rows, crossFindings: s.crossFindings, indicators: s.derivedRows[INDICATORS] ?? 0, unreadable: unreadableMsgs };
}

/**
 * Brings DIR/tables up to date with DIR/reports: only reports added, rewritten or removed since the last
 * call are read (all of them when there is no usable DIR/.state). Returns what it did.
 */
export function refreshOutputs(dir: string, o: OutputOptions): OutputsSummary {
  const reportsDir = join(dir, 'reports');
  const tablesDir = join(dir, 'tables');
  const stateDir = join(dir, STATE_DIR);
  mkdirSync(tablesDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  const tables = activeTables(o);
  const perReport = tables.filter((t) => t.kind === 'report');
  const derived = tables.filter((t) => t.kind === 'derived');
  // per-report files: the per-report tables, then (link) each report's identity for the grouper, then the contributions
  const stateFiles = [...(o.link ? [IDENT] : []), CONTRIB];
  const files = [...perReport.map((t) => join(tablesDir, `${t.name}.ndjson`)), ...stateFiles.map((f) => join(stateDir, f))];
  const fileNames = [...perReport.map((t) => t.name), ...stateFiles.map((f) => STATE_DIR + '/' + f)];
  const derivedFiles = derived.map((t) => join(tablesDir, `${t.name}.ndjson`));
  const key = stateKey(o);

  // the kept state, when every file it describes is still the one it wrote
  let old = o.full ? undefined : readState(dir);
  if (old) {
    const usable =
      old.key === key &&
      old.files.join('\n') === fileNames.join('\n') &&
      [...fileNames, ...derived.map((t) => t.name)].every((n, i) => sameIdent(old!.idents[n], identOf(i < files.length ? files[i]! : derivedFiles[i - files.length]!)));
    if (!usable) old = undefined;
  }
  const current = currentReports(reportsDir);
  const warnings: string[] = [];
  const warn = (m: string) => {
    if (warnings.length < 100) warnings.push(m);
    o.onWarning?.(m);
  };

  // what changed
  const oldById = new Map<string, { e: ReportEntry; offsets: number[] }>();
  if (old) {
    const off = files.map(() => 0);
    for (const e of old.reports) {
      oldById.set(e[0], { e, offsets: [...off] });
      for (let f = 0; f < files.length; f++) off[f]! += bytesIn(e, f);
    }
  }
  let added = 0;
  let changed = 0;
  let kept = 0;
  const curIds = new Set<string>();
  for (const [id, sig] of current) {
    curIds.add(id);
    const k = oldById.get(id);
    if (!k) added++;
    else if (k.e[1] !== sig) changed++;
    else kept++;
  }
  const removedIds = old ? old.reports.map((e) => e[0]).filter((id) => !curIds.has(id)) : [];
  const unreadableOf = (s: OutputState) => s.reports.filter((e) => e[2] !== null).map((e) => `${e[0]}.json: ${e[2]}`);
  if (old && added === 0 && changed === 0 && removedIds.length === 0) {
    return {
      tables: tablesSummaryOf(old, unreadableOf(old)),
      ...(old.link ? { link: { ...old.link, tablesDir, warnings: [] } } : {}),
      added,
      changed,
      removed: 0,
      kept,
      written: false,
      full: false,
    };
  }

  // ---- write every table again: kept reports' rows copied as bytes, the others made from their files ----
  const writers = files.map((f) => new AtomicWriter(f));
  const derivedWriters = derived.map((t, i) => new AtomicWriter(derivedFiles[i]!));
  const readers = old ? files.map((f) => new RangeReader(f)) : [];
  // per report: what the date-conflict findings read (its dated references), kept from the contributions
  const citing = new Map<string, Report>();
  const keepCiting = (id: string, c: LinkContribution) => {
    const report: Record<string, unknown> = {};
    if (c.Y[0] !== null) report['year'] = c.Y[0];
    if (c.Y[1] !== null) report['period'] = { start: c.Y[1] };
    const references = c.r.map(([rid, symbol, text, issuedOn, start, end]) => ({ id: rid, ...(symbol !== null ? { symbol } : {}), text, issuedOn, span: { start, end } }));
    citing.set(id, { id, report, references } as unknown as Report);
  };
  const fold = o.link ? new LinkFold(join(stateDir, `${TEMP_PREFIX}link-spool-${process.pid}`)) : undefined;
  const entries: ReportEntry[] = [];
  const touched: string[] = [...removedIds];
  let linked = 0;
  let linkSkipped = 0;
  let citations = 0;
  let series = 0;
  const perReportIndex = new Map(perReport.map((t, i) => [t.name, i]));
  const contribIndex = files.length - 1;
  const identIndex = o.link ? files.length - 2 : -1;
  const sigs = new Map(current);
  const readReport = (id: string): { report?: Report; unreadable: string | null } => {
    try {
      const report = JSON.parse(readFileSync(join(reportsDir, `${id}.json`), 'utf8')) as Report;
      if (report.id !== id) throw new Error(`holds report ${String(report.id)}`);
      return { report, unreadable: null };
    } catch (err) {
      return { unreadable: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
    }
  };
  // a run of kept reports is copied in one piece per file
  const run = files.map(() => ({ start: 0, length: 0 }));
  const flushRuns = () => {
    run.forEach((r, f) => {
      if (r.length > 0 && f !== contribIndex) readers[f]!.copy(r.start, r.length, writers[f]!);
      r.length = 0;
    });
  };
  try {
    // ---- link, phase A: every file's identity (kept ones from DIR/.state, the others from their files), then the documents ----
    const identOfReport = new Map<string, LinkIdent>();
    const docOf = new Map<string, DocumentGroup>();
    const groupSig = new Map<string, string>();
    let groups: DocumentGroup[] = [];
    if (fold) {
      const identReader = old ? new RangeReader(files[identIndex]!) : undefined;
      try {
        for (const [id, sig] of current) {
          const k = oldById.get(id);
          if (k && k.e[1] === sig) {
            if (k.e[2] !== null) continue;
            const v = JSON.parse(identReader!.read(k.offsets[identIndex]!, bytesIn(k.e, identIndex)).toString('utf8')) as LinkIdent | null;
            if (v) identOfReport.set(id, v);
            continue;
          }
          const { report } = readReport(id);
          if (!report || linkShapeProblem(report)) continue;
          // through JSON, as a kept one comes back
          identOfReport.set(id, JSON.parse(JSON.stringify(linkIdentity(report as unknown as Parameters<typeof linkIdentity>[0], join(reportsDir, `${id}.json`), warn))) as LinkIdent);
        }
      } finally {
        identReader?.close();
      }
      groups = groupDocuments([...identOfReport.values()].map((i) => i.g));
      for (const g of groups) {
        for (const f of g.files) docOf.set(f.reportId, g);
        const others = g.files.slice(1).map((f) => `${f.reportId}:${sigs.get(f.reportId)!}`);
        g.files.forEach((f, i) => groupSig.set(f.reportId, i === 0 ? `${g.id}:1${others.length ? '|' + others.join(',') : ''}` : `${g.id}:0`));
      }
      for (const i of identOfReport.values()) fold.seeAgency(i.A);
    }

    // ---- phase B: each report's rows, copied when neither its file nor its document changed ----
    for (const [id, sig] of current) {
      const k = oldById.get(id);
      const gSig = groupSig.get(id) ?? null;
      if (k && k.e[1] === sig && k.e[3] === gSig) {
        const e = k.e;
        for (let f = 0; f < files.length; f++) {
          const len = bytesIn(e, f);
          if (f === contribIndex) continue;
          const r = run[f]!;
          if (r.length > 0 && r.start + r.length === k.offsets[f]) r.length += len;
          else {
            if (r.length > 0) readers[f]!.copy(r.start, r.length, writers[f]!);
            r.start = k.offsets[f]!;
            r.length = len;
          }
        }
        // the contribution is read (the fold needs it) and written again as it was
        const bytes = readers[contribIndex]!.read(k.offsets[contribIndex]!, bytesIn(e, contribIndex));
        writers[contribIndex]!.writeBytes(bytes);
        if (fold) {
          if (identOfReport.has(id)) linked++;
          else linkSkipped++;
          const c = JSON.parse(bytes.toString('utf8')) as { link?: LinkContribution | null };
          if (c.link) {
            fold.add(id, c.link);
            keepCiting(id, c.link);
          }
          citations += rowsIn(e, perReportIndex.get('citations')!);
          series += rowsIn(e, perReportIndex.get('series')!);
        }
        entries.push(e);
        continue;
      }
      flushRuns();
      touched.push(id);
      const path = join(reportsDir, `${id}.json`);
      const lines = files.map(() => [] as string[]);
      const rowCounts = files.map(() => 0);
      const { report, unreadable } = readReport(id);
      if (!report && o.link) {
        linkSkipped++;
        warn(`${path}: cannot be read (${unreadable})`);
      }
      const contribution: { link?: LinkContribution | null } = {};
      const ident = identOfReport.get(id);
      if (report) {
        let agencyId: string | null = null;
        if (o.link) {
          const problem = linkShapeProblem(report);
          if (problem || !ident) {
            linkSkipped++;
            warn(`${path}: ${problem ? `not a Report JSON (${problem})` : 'changed while the tables were updated'}`);
            contribution.link = null;
          } else {
            const g = docOf.get(id)!;
            agencyId = ident.A.id;
            const linkRows: Record<(typeof LINK_REPORT_TABLES)[number], object[]> = { report_agencies: [reportAgencyRow(ident, g)], citations: [], series: [] };
            if (g.files[0]!.reportId === id) {
              // the document's chosen file: its facts, with the files of the document that agree
              const others = g.files.slice(1).map((f) => readLinkReport(join(reportsDir, `${f.reportId}.json`)));
              const rep = report as unknown as Parameters<typeof linkOne>[0];
              const l = linkOne(rep, path, agreement(rep, others), warn);
              linkRows.citations = l.rows.citations;
              linkRows.series = l.rows.series;
              contribution.link = l.contribution;
            } else contribution.link = null;
            for (const t of LINK_REPORT_TABLES) {
              const f = perReportIndex.get(t)!;
              for (const fields of linkRows[t]) {
                const row = toRow(t, fields);
                assertValid(t, row);
                lines[f]!.push(JSON.stringify(row) + '\n');
                rowCounts[f]!++;
              }
            }
            linked++;
          }
        }
        const rs = rowsOf(report, agencyId);
        for (const t of FACT_TABLES) {
          const f = perReportIndex.get(t)!;
          for (const row of rs[t]) lines[f]!.push(JSON.stringify(row) + '\n');
          rowCounts[f]! += rs[t].length;
        }
      }
      if (o.link) {
        lines[identIndex]!.push(JSON.stringify(ident ?? null) + '\n');
        rowCounts[identIndex] = 1;
      }
      const cLine = JSON.stringify(contribution) + '\n';
      lines[contribIndex]!.push(cLine);
      rowCounts[contribIndex] = 1;
      const e: ReportEntry = [id, sig, unreadable, gSig];
      for (let f = 0; f < files.length; f++) {
        const text = lines[f]!.join('');
        writers[f]!.write(text);
        e.push(Buffer.byteLength(text, 'utf8'), rowCounts[f]!);
      }
      if (o.link) {
        citations += rowCounts[perReportIndex.get('citations')!]!;
        series += rowCounts[perReportIndex.get('series')!]!;
      }
      // folded from the JSON text, as a kept contribution is: the same aggregates either way
      if (fold && contribution.link) {
        const c = (JSON.parse(cLine) as { link: LinkContribution }).link;
        fold.add(id, c);
        keepCiting(id, c);
      }
      entries.push(e);
    }
    flushRuns();
    for (const r of readers) r.close();
    readers.length = 0;

    // ---- derived tables ----
    const derivedRows: Record<string, number> = {};
    const dIndex = new Map(derived.map((t, i) => [t.name, i]));
    const writeDerived = (table: string, fields: object, asRow = false) => {
      const row = asRow ? (fields as Row) : toRow(table, fields);
      assertValid(table, row);
      derivedWriters[dIndex.get(table)!]!.write(JSON.stringify(row) + '\n');
      derivedRows[table] = (derivedRows[table] ?? 0) + 1;
    };
    for (const t of derived) derivedRows[t.name] = 0;
    let linkSummary: LinkSummary | undefined;
    if (fold) {
      const f = fold.finish(writeDerived);
      for (const row of reportDocumentRows(groups)) writeDerived('report_documents', row);
      linkSummary = {
        reports: linked,
        reportDocuments: groups.length,
        skipped: linkSkipped,
        agencies: f.agencies,
        documents: f.documents,
        citations,
        conflicts: f.conflicts,
        series,
        seriesKeys: f.seriesKeys,
        matched: f.matched,
        changes: f.changes,
        breaks: f.breaks,
        tablesDir,
        warnings,
      };
    }
    for (const row of indicatorRows()) writeDerived(INDICATORS, row, true);

    // ---- the cross-report findings: the tail of `findings` (from the link tables not yet committed) ----
    const pending: Record<string, string> = {};
    if (o.link) {
      pending['citations'] = writers[perReportIndex.get('citations')!]!.sync();
      for (const t of ['changes', 'documents']) pending[t] = derivedWriters[dIndex.get(t)!]!.sync();
    }
    const readable = entries.filter((e) => e[2] === null).map((e) => e[0]);
    const readableSet = new Set(readable);
    const load = (id: string): Report | undefined => {
      if (!readableSet.has(id)) return undefined;
      try {
        return JSON.parse(readFileSync(join(reportsDir, `${id}.json`), 'utf8')) as Report;
      } catch {
        return undefined;
      }
    };
    // jump findings kept by (change row, both reports' signatures): only new ones read their two reports
    const oldMemo = new Map<string, string>();
    if (old) {
      try {
        const lines = readFileSync(join(stateDir, JUMPS), 'utf8').split('\n');
        if (lines[0] === JSON.stringify(key)) {
          for (const l of lines.slice(1)) {
            const i = l.indexOf('\t');
            if (i > 0) oldMemo.set(l.slice(0, i), l.slice(i + 1));
          }
        }
      } catch {
        /* none kept: every jump reads its reports */
      }
    }
    const memoOut = new AtomicWriter(join(stateDir, JUMPS));
    derivedWriters.push(memoOut);
    memoOut.write(JSON.stringify(key) + '\n');
    const memo: JumpMemo = {
      sig: (id) => sigs.get(id),
      get: (k) => {
        const v = oldMemo.get(k);
        if (v === undefined) return undefined;
        memoOut.write(`${k}\t${v}\n`);
        return JSON.parse(v) as Finding[];
      },
      set: (k, f) => memoOut.write(`${k}\t${JSON.stringify(f)}\n`),
      citing: (id) => citing.get(id),
    };
    const findingsW = writers[perReportIndex.get('findings')!]!;
    const tailIds: string[] = [];
    let tailBytes = 0;
    for (const f of crossFindings(dir, readable, load, (t) => pending[t] ?? join(stateDir, `${TEMP_PREFIX}none-${t}`), o.link ? memo : undefined)) {
      const row = toRow('findings', f);
      assertValid('findings', row);
      const line = JSON.stringify(row) + '\n';
      findingsW.write(line);
      tailBytes += Buffer.byteLength(line, 'utf8');
      tailIds.push(String(row['id']));
    }

    // ---- commit: every file renamed into place, then the index ----
    killPoint('tables-before-commit');
    let committed = 0;
    for (const w of [...writers, ...derivedWriters]) {
      w.commit();
      if (++committed === 3) killPoint('tables-mid-commit');
    }
    fsyncDir(tablesDir);
    fsyncDir(stateDir);
    if (!o.link) for (const t of TABLES.filter((x) => x.link)) rmSync(join(tablesDir, `${t.name}.ndjson`), { force: true });
    const idents: Record<string, FileIdent> = {};
    fileNames.forEach((n, i) => (idents[n] = identOf(files[i]!)!));
    derived.forEach((t, i) => (idents[t.name] = identOf(derivedFiles[i]!)!));
    const prevWh = old?.warehouse;
    const state: OutputState = {
      v: STATE_VERSION,
      key,
      files: fileNames,
      idents,
      reports: entries,
      tails: { findings: { bytes: tailBytes, rows: tailIds.length, ids: tailIds } },
      derivedRows,
      link: linkSummary ? (({ warnings: _w, tablesDir: _t, ...rest }) => rest)(linkSummary) : null,
      crossFindings: tailIds.length,
      warehouse: {
        ident: prevWh?.ident ?? null,
        pending: !prevWh || prevWh.pending === 'all' ? 'all' : [...new Set([...prevWh.pending, ...touched])].sort(),
        manifest: prevWh?.manifest ?? null,
        sources: prevWh?.sources ?? [],
        tails: prevWh?.tails ?? {},
      },
    };
    killPoint('tables-before-index');
    writeState(dir, state);
    killPoint('tables-after-index');
    return {
      tables: tablesSummaryOf(state, unreadableOf(state)),
      ...(linkSummary ? { link: linkSummary } : {}),
      added,
      changed,
      removed: removedIds.length,
      kept,
      written: true,
      full: !old,
    };
  } catch (err) {
    for (const r of readers) r.close();
    for (const w of [...writers, ...derivedWriters]) w.abort();
    fold?.close();
    throw err;
  }
}

/**
 * The rows of `ids` (those still present) in a per-report table file, then its tail: what the warehouse
 * inserts after deleting those reports' rows. Written to `to`.
 */
export function writeDelta(dir: string, s: OutputState, table: string, ids: ReadonlySet<string>, to: string): number {
  const f = s.files.indexOf(table);
  if (f < 0) throw new Error(`${table}: not a per-report table`);
  const file = join(dir, 'tables', `${table}.ndjson`);
  const r = new RangeReader(file);
  const w = new AtomicWriter(to);
  let off = 0;
  let rows = 0;
  try {
    for (const e of s.reports) {
      const len = bytesIn(e, f);
      if (ids.has(e[0]) && len > 0) {
        r.copy(off, len, w);
        rows += rowsIn(e, f);
      }
      off += len;
    }
    const tail = s.tails[table];
    if (tail && tail.bytes > 0) {
      r.copy(off, tail.bytes, w);
      rows += tail.rows;
    }
    w.commit();
  } catch (err) {
    w.abort();
    throw err;
  } finally {
    r.close();
  }
  return rows;
}
