/**
 * Cross-report linking over a batch output folder (issue 5): DIR/reports/*.json → DIR/tables/
 * agencies, documents, citations, series, changes, report_agencies (.ndjson).
 *
 * Reports are read one at a time in file-name order (a small read-ahead window), so memory holds only the
 * aggregates (agencies, documents, the compact points of each series), never all reports. Every row is
 * validated against its schema, every table is written atomically, and the same input gives
 * byte-identical tables.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agencyFromId, resolveAgency, type ResolvedAgency } from '../vocab/agencies.js';
import { DocumentAggregate, documentIdentity } from './documents.js';
import { indicatorByKey, labelKey, matchIndicator, metricClauses } from '../vocab/indicators.js';
import { NdjsonWriter } from './ndjson.js';
import { findProvinceInTokens, provinceById, resolveProvince, type Province } from '../vocab/provinces.js';
import { seriesChanges } from './series.js';
import { PointSpool } from './spool.js';
import { clean, foldTokens, mostFrequent } from '../vocab/text.js';
import { DocumentGrouper, factTokens, renderingOf, signature, signatureText, type DocumentGroup, type FileIdentity, type Rendering, type SourceIn } from './renderings.js';
import { sha256Hex } from '../util/hash.js';

export { matchIndicator } from '../vocab/indicators.js';

export interface LinkSummary {
  /** report files linked (each rendering of a report counts) */
  reports: number;
  /** reports: the files of one report (its TXT, DOCX, PDF, scan…) are one document (report_documents) */
  reportDocuments: number;
  /** report files that could not be read (each reported as a warning) */
  skipped: number;
  agencies: number;
  documents: number;
  citations: number;
  /** documents whose citations disagree on the date, year or type (subject differences are listed, not counted) */
  conflicts: number;
  series: number;
  /** distinct agency × indicator series */
  seriesKeys: number;
  /** series points whose metric matched a vocabulary indicator */
  matched: number;
  changes: number;
  /** jumps, unit changes and duplicate periods among the changes */
  breaks: number;
  tablesDir: string;
  warnings: string[];
}

export interface LinkOptions {
  /** called once per problem (unreadable report, report without year…) */
  onWarning?: (message: string) => void;
  /** files read ahead of the one being linked */
  readAhead?: number;
}

export class LinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkError';
  }
}

// ---- input shapes (what link needs from a Report; checked per file) ----
interface Sec {
  id: string;
  title: string;
}
interface Ref {
  id: string;
  symbol?: string;
  name?: string;
  self?: boolean;
  key?: string;
  type?: string;
  typeCode?: string;
  category?: string;
  number?: string;
  year?: number;
  issuerCode?: string;
  issuer?: string;
  issuedOn?: string;
  subject?: string;
}
interface Met {
  id: string;
  kind: string;
  value: number;
  unit?: string;
  label: string;
  indicator?: string;
  parent?: string;
  section?: string;
  period?: string;
  span?: { start: number; end: number };
  target?: boolean;
  change?: { baseline?: string };
}
/** A target (`phấn đấu … 98%`) or a change (`tăng 8,3% so với cùng kỳ`; not an attainment of a plan) is no level. */
function notLevel(m: Met): boolean {
  return m.target === true || (m.change !== undefined && m.change.baseline !== 'plan' && m.change.baseline !== 'target');
}
interface DateF {
  value: string;
  end?: string;
}
interface ReportIn {
  id: string;
  language: 'vi' | 'en';
  source?: SourceIn;
  report: {
    number?: string;
    agency?: string;
    parentAgency?: string;
    place?: string;
    province?: string;
    year?: number;
    period?: { value: string; start?: string; end?: string };
    issuedOn?: string;
    title?: string;
  };
  sections: Sec[];
  references: Ref[];
  dates?: DateF[];
  /** the normalized text (present when extracted with --include-text): gives each metric its clause */
  text?: string;
  metrics: Met[];
}

function shapeProblem(r: unknown): string | undefined {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return 'not a JSON object';
  const o = r as Record<string, unknown>;
  if (typeof o['id'] !== 'string') return 'no report id';
  if (typeof o['report'] !== 'object' || o['report'] === null) return 'no `report` object';
  for (const k of ['sections', 'references', 'metrics']) if (!Array.isArray(o[k])) return `no \`${k}\` array`;
  for (const m of o['metrics'] as unknown[]) {
    const mm = m as Record<string, unknown>;
    if (typeof mm?.['id'] !== 'string' || typeof mm['value'] !== 'number' || typeof mm['kind'] !== 'string' || typeof mm['label'] !== 'string') return 'a metric lacks id, kind, value or label';
  }
  for (const x of o['references'] as unknown[]) {
    const rr = x as Record<string, unknown>;
    // a reference has a symbol (`42/2013/QH13`) or, cited by name (`Luật Quản lý, sử dụng tài sản công`), a name
    if (typeof rr?.['id'] !== 'string' || (typeof rr['symbol'] !== 'string' && typeof rr['name'] !== 'string')) return 'a reference lacks id, or both symbol and name';
  }
  return undefined;
}

// ---- aggregates ----
class AgencyAgg {
  readonly names = new Map<string, number>();
  reports = 0;
  citedAsIssuer = 0;
  firstYear: number | null = null;
  lastYear: number | null = null;
  constructor(readonly a: ResolvedAgency) {}
  seen(name: string | undefined, year: number | undefined): void {
    if (name && (this.names.size < 50 || this.names.has(name))) this.names.set(name, (this.names.get(name) ?? 0) + 1);
    if (year !== undefined) {
      if (this.firstYear === null || year < this.firstYear) this.firstYear = year;
      if (this.lastYear === null || year > this.lastYear) this.lastYear = year;
    }
  }
  /** canonical name: the registry's; for unregistered agencies the most used non-upper-case variant */
  name(): string {
    if (this.a.registered || this.names.size === 0) return this.a.name;
    const mixed = new Map([...this.names].filter(([n]) => n !== n.toUpperCase()));
    return mostFrequent(mixed.size ? mixed : this.names) ?? this.a.name;
  }
}

/** The day a report speaks for: its date, else its period end, else 14/12 of its year. */
function reportDay(r: ReportIn['report'], year: number | undefined): string | undefined {
  return r.issuedOn ?? r.period?.end ?? (year !== undefined ? `${year}-12-14` : undefined);
}

function reportYear(r: ReportIn['report']): number | undefined {
  if (r.year !== undefined) return r.year;
  const m = /^([0-9]{4})/.exec(r.period?.value ?? '');
  if (m) return Number(m[1]);
  return undefined;
}

/** 15/12 (previous year) → 14/12 (report year) cut-off stated in the report (period or a date range). */
function cutoff(rep: ReportIn, year: number | undefined): { start: string; end: string } | undefined {
  if (year === undefined) return undefined;
  const p = rep.report.period;
  if (p?.start?.endsWith('-12-15') && p.end?.endsWith('-12-14')) return { start: p.start, end: p.end };
  for (const d of rep.dates ?? []) {
    if (d.end && d.value === `${year - 1}-12-15` && d.end === `${year}-12-14`) return { start: d.value, end: d.end };
  }
  return undefined;
}

/** Province of a report: header province, place-date line, agency names, else the provinces its references name. */
function reportProvince(rep: ReportIn, on: string | undefined): Province | undefined {
  const r = rep.report;
  for (const s of [r.province, r.place, r.agency, r.parentAgency]) {
    const p = resolveProvince(s, on);
    if (p) return p;
  }
  const votes = new Map<string, number>();
  for (const ref of rep.references) {
    for (const s of [ref.issuer, ref.subject]) {
      if (!s) continue;
      const m = findProvinceInTokens(foldTokens(s), on);
      if (m) votes.set(m.province.id, (votes.get(m.province.id) ?? 0) + 1);
    }
  }
  const best = mostFrequent(votes);
  return best === undefined ? undefined : provinceById(best);
}

function periodType(period: string): string {
  if (/^[0-9]{4}$/.test(period)) return '';
  const m = /^[0-9]{4}-([A-Z0-9]+)$/.exec(period);
  return m ? m[1]! : 'range';
}

function listReports(dir: string): { reportsDir: string; files: string[] } {
  if (!existsSync(dir)) throw new LinkError(`${dir}: no such directory`);
  if (!statSync(dir).isDirectory()) throw new LinkError(`${dir}: not a directory`);
  const reportsDir = join(dir, 'reports');
  if (!existsSync(reportsDir) || !statSync(reportsDir).isDirectory()) throw new LinkError(`${dir}: not a batch output folder (no reports/ directory)`);
  const files = readdirSync(reportsDir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .sort();
  return { reportsDir, files };
}

/**
 * What the first pass keeps of one file (plain JSON, so that an incremental batch keeps it per report in
 * DIR/.state and groups again without reading the file): `A` its agency, `row` its report_agencies row
 * without its document, `g` what the grouper compares (the facts as their MinHash signature).
 */
export interface LinkIdent {
  A: ResolvedAgency;
  row: { id: string; reportId: string; agencyId: string; agencyName: string | null; provinceId: string | null; year: number | null; period: string | null; day: string | null; rendering: Rendering };
  g: FileIdentity;
}

/** The per-report link tables, in the order their rows are written. */
export const LINK_REPORT_TABLES = ['report_agencies', 'citations', 'series'] as const;
/** The link tables made across every report (agencies, documents, changes, the report documents). */
export const LINK_DERIVED_TABLES = ['agencies', 'documents', 'changes', 'report_documents'] as const;

/** The rows of the per-report link tables one file gives (citations and series only from a document's chosen file). */
export interface LinkRows {
  report_agencies: object[];
  citations: object[];
  series: object[];
}

/**
 * What a document's chosen file adds to the aggregates (agencies, documents, changes): plain JSON, so that an
 * incremental run keeps it per report (DIR/.state) and folds the kept ones with the new ones instead of
 * reading every report again. `A`: the agencies it names (id → resolved), `a`: its agency, `w`: the name as
 * written, `y`: its year, `d`: its citations (document identity, citation, issuer agency id, issuer as written),
 * `P`: the year, period type and period of its series points, `p`: the points (indicator key, value, unit,
 * kind, metric id without the `<report id>:` it starts with, else `\u0002` + the whole id), `m`: its metrics
 * that matched an indicator, `Y`/`r`: what the date-conflict findings read of it (year and period start; the
 * dated references: id, symbol, text, date, span). Every series key of a report is `<a>\u0001<indicator key>`.
 */
export interface LinkContribution {
  A: Record<string, ResolvedAgency>;
  a: string;
  w: string | null;
  y: number | null;
  d: Array<[ReturnType<typeof documentIdentity>, Parameters<DocumentAggregate['add']>[0], string | null, string | null]>;
  P: [number, string, string] | null;
  Y: [number | null, string | null];
  r: Array<[string, string | null, string, string, number, number]>;
  p: Array<[string, number, string | null, string, string]>;
  m: number;
}

/** Checks the shape of a parsed report file; undefined when link can use it. */
export function linkShapeProblem(r: unknown): string | undefined {
  return shapeProblem(r);
}

/** The report's year, day, province and agency (agency:unknown@<id> when its header names none). */
function reportContext(rep: ReportIn, path: string, warn: ((msg: string) => void) | undefined) {
  const meta = rep.report;
  const year = reportYear(meta);
  const on = reportDay(meta, year);
  const province = reportProvince(rep, on);
  const written = meta.agency ?? meta.parentAgency;
  let agency = written
    ? resolveAgency({ name: written, provinceHints: [meta.province, meta.place, meta.parentAgency], ...(province ? { province } : {}), ...(on ? { on } : {}) })
    : undefined;
  if (!agency) {
    warn?.(`${path}: no agency in the report header; its facts are kept under agency:unknown@${rep.id}`);
    agency = {
      id: `agency:unknown@${rep.id}`,
      name: 'Không xác định',
      kindKey: 'unknown',
      registered: false,
      level: province ? 'province' : 'national',
      validFrom: null,
      validTo: null,
      relation: null,
      successorIds: [],
      ...(province ? { province } : {}),
    };
  }
  return { year, on, province, written, agency, jurisdiction: agency.province ?? province };
}

/** Pass 1 of one file: its agency, its report_agencies row (less the document) and its identity for the grouper. */
export function linkIdentity(rep: ReportIn, path: string, warn: (msg: string) => void): LinkIdent {
  const ctx = reportContext(rep, path, warn);
  const rendering = renderingOf(rep.source);
  const g: FileIdentity = { reportId: rep.id, rendering, agencyId: ctx.agency.id, language: rep.language, agencyRegistered: ctx.agency.registered, sig: signatureText(signature(factTokens(rep))) };
  if (rep.report.number) g.number = rep.report.number;
  if (rep.report.issuedOn) g.issuedOn = rep.report.issuedOn;
  if (ctx.year !== undefined) g.year = ctx.year;
  if (rep.report.period?.value) g.period = rep.report.period.value;
  if (rep.report.title) g.title = rep.report.title;
  return {
    A: ctx.agency,
    row: {
      id: rep.id,
      reportId: rep.id,
      agencyId: ctx.agency.id,
      agencyName: ctx.written ? clean(ctx.written) : null,
      provinceId: ctx.jurisdiction?.id ?? null,
      year: ctx.year ?? null,
      period: rep.report.period?.value ?? (ctx.year !== undefined ? String(ctx.year) : null),
      day: ctx.on ?? null,
      rendering,
    },
    g,
  };
}

/** Groups the files (their identities in report-id order) into documents. */
export function groupDocuments(idents: Iterable<FileIdentity>): DocumentGroup[] {
  const grouper = new DocumentGrouper();
  for (const g of idents) grouper.add(g);
  return grouper.documents((seed) => `rdoc_${sha256Hex(seed).slice(0, 16)}`);
}

/** A file's report_agencies row, with its document. */
export function reportAgencyRow(ident: LinkIdent, g: DocumentGroup): object {
  return { ...ident.row, documentId: g.id, chosen: g.files[0]!.reportId === ident.row.reportId };
}

/** The report_documents rows of the documents, by id. */
export function reportDocumentRows(groups: DocumentGroup[]): object[] {
  return [...groups]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((g) => ({
      id: g.id,
      groupedBy: g.groupedBy,
      reportId: g.files[0]!.reportId,
      rendering: g.files[0]!.rendering,
      agencyId: g.agencyId,
      number: g.number,
      issuedOn: g.issuedOn,
      year: g.year,
      period: g.period,
      title: g.title,
      files: g.files.length,
      reportIds: g.files.map((f) => f.reportId),
      renderings: g.files.map((f) => f.rendering),
    }));
}

type MetricsOnly = { id: string; metrics: Array<{ kind: string; value: number; unit?: string }> };

/**
 * For each metric of a document's chosen rendering, the files of the document that give the same fact
 * (kind, value, unit): the chosen one first, then the others that agree (`others`: the document's other
 * files, best rendering first; an unreadable one is left out).
 */
export function agreement(rep: ReportIn, others: Array<MetricsOnly | undefined>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const factKey = (m: { kind: string; value: number; unit?: string }) => `${m.kind}\u0001${m.value}\u0001${m.unit === undefined ? '' : clean(m.unit).toLowerCase()}`;
  for (const m of rep.metrics) out.set(m.id, [rep.id]);
  for (const other of others) {
    if (!other) continue;
    const have = new Map<string, number>();
    for (const m of other.metrics) have.set(factKey(m), (have.get(factKey(m)) ?? 0) + 1);
    for (const m of rep.metrics) {
      const k = factKey(m);
      const n = have.get(k) ?? 0;
      if (n > 0) {
        have.set(k, n - 1);
        out.get(m.id)!.push(other.id);
      }
    }
  }
  return out;
}

/** A report file read and checked for link: the report, or undefined when it cannot be used. */
export function readLinkReport(file: string): ReportIn | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return shapeProblem(parsed) ? undefined : (parsed as ReportIn);
  } catch {
    return undefined;
  }
}

/**
 * Pass 2 of a document's chosen file: its citations and series rows (each series row with the files that give
 * the same fact, `agree`) and what it adds to the aggregates. A pure function of the report and `agree`.
 */
export function linkOne(rep: ReportIn, path: string, agree: Map<string, string[]>, warn: (msg: string) => void): { rows: Pick<LinkRows, 'citations' | 'series'>; contribution: LinkContribution } {
  const rows: Pick<LinkRows, 'citations' | 'series'> = { citations: [], series: [] };
  const meta = rep.report;
  const { year, on, written, agency, jurisdiction } = reportContext(rep, path, undefined);
  const contribution: LinkContribution = { A: { [agency.id]: agency }, a: agency.id, w: written ? clean(written) : null, y: year ?? null, d: [], P: null, p: [], m: 0, Y: [meta.year ?? null, meta.period?.start ?? null], r: [] };

  // ---- citations ----
  for (const ref of rep.references) {
    // the report naming itself (`Kèm theo Quyết định số …` of its own annex) cites nothing
    if (ref.self) continue;
    const full = ref as Ref & { text?: unknown; span?: { start?: unknown; end?: unknown } };
    if (ref.issuedOn && typeof full.text === 'string' && typeof full.span?.start === 'number' && typeof full.span.end === 'number') {
      contribution.r.push([ref.id, ref.symbol ?? null, full.text, ref.issuedOn, full.span.start, full.span.end]);
    }
    const ident = documentIdentity(ref, { ...(jurisdiction ? { province: jurisdiction } : {}), ...(on ? { on } : {}) });
    const c: Parameters<DocumentAggregate['add']>[0] = { reportId: rep.id, symbol: ref.symbol ?? ref.name ?? '' };
    if (year !== undefined) c.reportYear = year;
    for (const k of ['type', 'typeCode', 'category', 'number', 'issuedOn', 'subject', 'issuerCode', 'issuer'] as const) {
      const v = ref[k];
      if (typeof v === 'string' && v) c[k] = v;
    }
    if (typeof ref.year === 'number') c.year = ref.year;
    // the issuing agency: named (`của UBND tỉnh Long An`) or from the symbol's issuer group
    const issuerOn = ref.issuedOn ?? on;
    const iss = ref.issuer
      ? resolveAgency({ name: ref.issuer, ...(ident.scope === 'local' && ident.jurisdiction !== 'unknown' ? { province: provinceById(ident.jurisdiction)! } : {}), ...(issuerOn ? { on: issuerOn } : {}) })
      : undefined;
    if (iss && iss.registered) {
      contribution.A[iss.id] ??= iss;
      contribution.d.push([ident, c, iss.id, clean(ref.issuer!)]);
    } else contribution.d.push([ident, c, null, null]);
    rows.citations.push({
      id: `cit:${ref.id}`,
      documentId: ident.id,
      referenceId: ref.id,
      reportId: rep.id,
      agencyId: agency.id,
      symbol: ref.symbol ?? ref.name ?? null,
      issuedOn: ref.issuedOn ?? null,
      reportYear: year ?? null,
    });
  }

  // ---- series ----
  if (year === undefined) {
    if (rep.metrics.length) warn(`${path}: no report year; its ${rep.metrics.length} metrics are left out of the series`);
    return { rows, contribution };
  }
  const period = meta.period?.value && /^[0-9]{4}/.test(meta.period.value) ? meta.period.value : String(year);
  const cut = cutoff(rep, year);
  const sectionTitle = new Map(rep.sections.map((s) => [s.id, s.title]));
  const byId = new Map(rep.metrics.map((m) => [m.id, m]));
  const contexts = new Map<string, { context: string; parts: string }>();
  if (typeof rep.text === 'string') {
    const withSpan = rep.metrics.filter((m) => m.span && m.span.end <= rep.text!.length);
    metricClauses(rep.text, withSpan.map((m) => m.span!)).forEach((c, i) => contexts.set(withSpan[i]!.id, c));
  }
  const keyOf = new Map<string, { key: string; score: number | null; matched: boolean }>();
  const resolve = (m: Met, depth: number): { key: string; score: number | null; matched: boolean } => {
    const known = keyOf.get(m.id);
    if (known) return known;
    const input: Parameters<typeof matchIndicator>[0] = { label: m.label, kind: m.kind, language: rep.language };
    if (m.unit !== undefined) input.unit = m.unit;
    const st = m.section !== undefined ? sectionTitle.get(m.section) : undefined;
    if (st !== undefined) input.sectionTitle = st;
    const parent = m.parent !== undefined && depth < 4 ? byId.get(m.parent) : undefined;
    if (parent) input.parentLabel = parent.label;
    const ctx = contexts.get(m.id);
    if (ctx !== undefined) {
      input.context = ctx.context;
      if (ctx.parts) input.parts = ctx.parts;
    }
    // a target or a change is no level of an indicator (as in the pipeline's keys): it keeps its label key
    const level = !notLevel(m);
    let own: { key: string; score: number } | undefined = level ? matchIndicator(input) : undefined;
    if (level && !own && m.indicator && indicatorByKey(m.indicator)) own = { key: m.indicator, score: 0.5 };
    let out: { key: string; score: number | null; matched: boolean };
    if (parent) {
      const pk = resolve(parent, depth + 1);
      const pInd = pk.matched ? indicatorByKey(pk.key) : undefined;
      if (own && (!pk.matched || (pInd && pInd.parts.has(own.key)))) out = { key: own.key, score: own.score, matched: true };
      else out = { key: `${pk.key}/${labelKey(m.label).slice('label:'.length)}`, score: pk.score, matched: pk.matched };
    } else if (own) out = { key: own.key, score: own.score, matched: true };
    else out = { key: labelKey(m.label, m.unit), score: null, matched: false };
    keyOf.set(m.id, out);
    return out;
  };
  const prefix = `${rep.id}:`;
  for (const m of rep.metrics) {
    if (!Number.isFinite(m.value)) continue;
    const k = resolve(m, 0);
    if (k.matched) contribution.m++;
    const unit = m.unit !== undefined ? clean(m.unit) : m.kind === 'percent' ? '%' : null;
    rows.series.push({
      id: `ser:${m.id}`,
      agencyId: agency.id,
      indicator: k.key,
      matched: k.matched,
      score: k.score,
      label: m.label,
      kind: m.kind,
      unit,
      period,
      periodStart: cut?.start ?? meta.period?.start ?? null,
      periodEnd: cut?.end ?? meta.period?.end ?? null,
      cutoff: cut !== undefined,
      year,
      value: m.value,
      factPeriod: m.period ?? null,
      reportId: rep.id,
      metricId: m.id,
      parentMetricId: m.parent ?? null,
      files: agree.get(m.id)?.length ?? 1,
      fileReportIds: agree.get(m.id) ?? [rep.id],
    });
    // a fact about another period (`so với năm 2022`) is kept in the table but not in the year-over-year view
    if (m.period !== undefined && m.period !== period && m.period !== String(year)) continue;
    // nor is a target or a change a point of the series
    if (notLevel(m)) continue;
    contribution.P ??= [year, periodType(period), period];
    contribution.p.push([k.key, m.value, unit === null ? null : unit.toLowerCase(), m.kind, m.id.startsWith(prefix) ? m.id.slice(prefix.length) : `\u0002${m.id}`]);
  }
  return { rows, contribution };
}

export interface LinkFoldSummary {
  agencies: number;
  documents: number;
  conflicts: number;
  seriesKeys: number;
  matched: number;
  changes: number;
  breaks: number;
}

/**
 * The link tables made across reports (agencies, documents, changes) folded from the chosen files'
 * contributions, given in report-id order: memory holds the aggregates and one partition of series points
 * at a time (spooled to disk).
 */
export class LinkFold {
  private readonly agencies = new Map<string, AgencyAgg>();
  private readonly documents = new Map<string, DocumentAggregate>();
  private readonly docIssuer = new Map<string, Map<string, number>>();
  private readonly spool: PointSpool;
  private matched = 0;

  constructor(spoolDir: string) {
    this.spool = new PointSpool(spoolDir);
  }

  private agencyAgg(a: ResolvedAgency): AgencyAgg {
    let g = this.agencies.get(a.id);
    if (!g) this.agencies.set(a.id, (g = new AgencyAgg(a)));
    return g;
  }

  /** Every file's agency is a row of agencies (report_agencies.agency_id resolves), counted by its documents. */
  seeAgency(a: ResolvedAgency): void {
    this.agencyAgg(a);
  }

  add(reportId: string, c: LinkContribution): void {
    const ag = this.agencyAgg(c.A[c.a]!);
    ag.reports++;
    ag.seen(c.w ?? undefined, c.y ?? undefined);
    for (const [ident, cit, issId, issName] of c.d) {
      let d = this.documents.get(ident.id);
      if (!d) this.documents.set(ident.id, (d = new DocumentAggregate(ident)));
      d.add(cit);
      if (issId !== null) {
        const g = this.agencyAgg(c.A[issId]!);
        g.citedAsIssuer++;
        g.seen(issName!, undefined);
        let m = this.docIssuer.get(ident.id);
        if (!m) this.docIssuer.set(ident.id, (m = new Map()));
        m.set(issId, (m.get(issId) ?? 0) + 1);
      }
    }
    if (c.P) {
      const [year, pt, period] = c.P;
      for (const [ind, value, unit, kind, mid] of c.p) {
        const metricId = mid.startsWith('\u0002') ? mid.slice(1) : `${reportId}:${mid}`;
        this.spool.add(`${c.a}\u0001${ind}`, { year, periodType: pt, period, value, unit, kind, reportId, metricId });
      }
    }
    this.matched += c.m;
  }

  /** Writes agencies, documents and changes (rows as camelCase records) through `write`. */
  finish(write: (table: 'agencies' | 'documents' | 'changes', fields: object) => void): LinkFoldSummary {
    const agencies = this.agencies;
    try {
      // ---- agencies: those seen, plus their successors (so every successorId resolves) ----
      const queue = [...agencies.values()].map((g) => g.a);
      while (queue.length) {
        const a = queue.pop()!;
        for (const s of a.successorIds) {
          if (agencies.has(s)) continue;
          const sa = agencyFromId(s);
          if (sa) {
            agencies.set(s, new AgencyAgg(sa));
            queue.push(sa);
          }
        }
      }
      const predecessors = new Map<string, string[]>();
      for (const g of agencies.values()) for (const s of g.a.successorIds) predecessors.set(s, [...(predecessors.get(s) ?? []), g.a.id]);
      for (const id of [...agencies.keys()].sort()) {
        const g = agencies.get(id)!;
        const a = g.a;
        write('agencies', {
          id,
          name: g.name(),
          names: [...g.names.keys()].sort(),
          kind: a.kindKey,
          level: a.level,
          registered: a.registered,
          province: a.province?.name ?? null,
          provinceId: a.province?.id ?? null,
          validFrom: a.validFrom,
          validTo: a.validTo,
          relation: a.relation,
          successorIds: a.successorIds.filter((s) => agencies.has(s)),
          predecessorIds: (predecessors.get(id) ?? []).sort(),
          reports: g.reports,
          citedAsIssuer: g.citedAsIssuer,
          firstYear: g.firstYear,
          lastYear: g.lastYear,
        });
      }
      let conflicts = 0;
      for (const id of [...this.documents.keys()].sort()) {
        const row = this.documents.get(id)!.row();
        if (row.conflicts.some((c) => c.severity === 'warning')) conflicts++;
        const iss = this.docIssuer.get(id);
        write('documents', { ...row, issuerAgencyId: iss ? (mostFrequent(iss) ?? null) : null });
      }
      let changes = 0;
      let breaks = 0;
      for (const [key, pts] of this.spool.groups()) {
        const [agencyId, indicator] = key.split('\u0001') as [string, string];
        for (const c of seriesChanges(agencyId, indicator, pts)) {
          if (c.type !== 'change') breaks++;
          write('changes', c);
          changes++;
        }
      }
      return { agencies: agencies.size, documents: this.documents.size, conflicts, seriesKeys: this.spool.seriesCount, matched: this.matched, changes, breaks };
    } finally {
      this.spool.close();
    }
  }

  close(): void {
    this.spool.close();
  }
}

/** Through JSON, as an incremental batch keeps it: the same values either way. */
function viaJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * `report-metrics link DIR`: two passes over DIR/reports in file-name order. Pass 1 reads each file's agency
 * and identity and groups the files of one report into one document; pass 2 reads each document's chosen
 * file (its best rendering) for citations, series and the aggregates, so each report counts once. The same
 * functions as an incremental batch (src/batch/outputs.ts), so both give the same tables byte for byte.
 */
export async function runLink(dir: string, opts: LinkOptions = {}): Promise<LinkSummary> {
  const { reportsDir, files } = listReports(dir);
  const tablesDir = join(dir, 'tables');
  mkdirSync(tablesDir, { recursive: true });
  const warnings: string[] = [];
  const warn = (msg: string) => {
    if (warnings.length < 100) warnings.push(msg);
    opts.onWarning?.(msg);
  };
  const writers = Object.fromEntries([...LINK_REPORT_TABLES, ...LINK_DERIVED_TABLES].map((t) => [t, new NdjsonWriter(join(tablesDir, `${t}.ndjson`), t)])) as Record<
    (typeof LINK_REPORT_TABLES)[number] | (typeof LINK_DERIVED_TABLES)[number],
    NdjsonWriter
  >;
  const fold = new LinkFold(join(tablesDir, `.link-spool-${process.pid}`));
  let reports = 0;
  let skipped = 0;
  const ahead = Math.max(1, opts.readAhead ?? 16);
  /** the reports of `names` (file names in reportsDir), in order, read `ahead` at a time; unreadable ones → onBad */
  async function* readReports(names: string[], onBad?: (path: string, why: string) => void): AsyncGenerator<[ReportIn, string]> {
    const pending = new Map<number, Promise<string | Error>>();
    const load = (i: number) => {
      if (i < names.length && !pending.has(i)) pending.set(i, readFile(join(reportsDir, names[i]!), 'utf8').catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    };
    for (let i = 0; i < names.length; i++) {
      for (let j = i; j < i + ahead; j++) load(j);
      const raw = await pending.get(i)!;
      pending.delete(i);
      const path = join(reportsDir, names[i]!);
      if (raw instanceof Error) {
        onBad?.(path, `cannot read (${raw.message})`);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (e) {
        onBad?.(path, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
        continue;
      }
      const problem = shapeProblem(parsed);
      if (problem) {
        onBad?.(path, `not a Report JSON (${problem})`);
        continue;
      }
      yield [parsed as ReportIn, path];
    }
  }
  try {
    // ---- pass 1: each file's agency and identity; the files of one report grouped into one document ----
    const idents: LinkIdent[] = [];
    const fileName = new Map<string, string>();
    for await (const [rep, path] of readReports(files, (path, why) => {
      skipped++;
      warn(`${path}: ${why}`);
    })) {
      reports++;
      fileName.set(rep.id, path.slice(reportsDir.length + 1));
      idents.push(viaJson(linkIdentity(rep, path, warn)));
    }
    const groups = groupDocuments(idents.map((i) => i.g));
    const docOf = new Map<string, DocumentGroup>();
    for (const g of groups) for (const f of g.files) docOf.set(f.reportId, g);
    for (const i of idents) {
      fold.seeAgency(i.A);
      writers.report_agencies.write(reportAgencyRow(i, docOf.get(i.row.reportId)!));
    }
    idents.length = 0;
    for (const row of reportDocumentRows(groups)) writers.report_documents.write(row);

    // ---- pass 2: the facts of each document, from its best rendering, with the files that agree ----
    const chosen = groups.map((g) => g.files[0]!.reportId).sort();
    for await (const [rep, path] of readReports(chosen.map((id) => fileName.get(id)!))) {
      const g = docOf.get(rep.id)!;
      const others = g.files.slice(1).map((f) => readLinkReport(join(reportsDir, fileName.get(f.reportId)!)));
      const { rows, contribution } = linkOne(rep, path, agreement(rep, others), warn);
      for (const r of rows.citations) writers.citations.write(r);
      for (const r of rows.series) writers.series.write(r);
      fold.add(rep.id, viaJson(contribution));
    }
    const f = fold.finish((t, fields) => writers[t].write(fields));
    for (const w of Object.values(writers)) w.commit();
    return {
      reports,
      reportDocuments: writers.report_documents.rows,
      skipped,
      agencies: f.agencies,
      documents: f.documents,
      citations: writers.citations.rows,
      conflicts: f.conflicts,
      series: writers.series.rows,
      seriesKeys: f.seriesKeys,
      matched: f.matched,
      changes: f.changes,
      breaks: f.breaks,
      tablesDir,
      warnings,
    };
  } catch (err) {
    for (const w of Object.values(writers)) w.abort();
    fold.close();
    throw err;
  }
}
