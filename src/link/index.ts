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
import { DocumentGrouper, factTokens, renderingOf, type DocumentGroup, type SourceIn } from './renderings.js';
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

export async function runLink(dir: string, opts: LinkOptions = {}): Promise<LinkSummary> {
  const { reportsDir, files } = listReports(dir);
  const tablesDir = join(dir, 'tables');
  mkdirSync(tablesDir, { recursive: true });
  const warnings: string[] = [];
  const warn = (msg: string) => {
    if (warnings.length < 100) warnings.push(msg);
    opts.onWarning?.(msg);
  };

  const writers = {
    citations: new NdjsonWriter(join(tablesDir, 'citations.ndjson'), 'citations'),
    series: new NdjsonWriter(join(tablesDir, 'series.ndjson'), 'series'),
    reportAgencies: new NdjsonWriter(join(tablesDir, 'report_agencies.ndjson'), 'report_agencies'),
    reportDocuments: new NdjsonWriter(join(tablesDir, 'report_documents.ndjson'), 'report_documents'),
  };
  const late: NdjsonWriter[] = [];
  const all = () => [...Object.values(writers), ...late];

  const agencies = new Map<string, AgencyAgg>();
  const documents = new Map<string, DocumentAggregate>();
  const docIssuer = new Map<string, Map<string, number>>();
  const spool = new PointSpool(join(tablesDir, `.link-spool-${process.pid}`));
  let reports = 0;
  let skipped = 0;
  let matched = 0;

  const agencyAgg = (a: ResolvedAgency): AgencyAgg => {
    let g = agencies.get(a.id);
    if (!g) agencies.set(a.id, (g = new AgencyAgg(a)));
    return g;
  };

  const ahead = Math.max(1, opts.readAhead ?? 16);
  /** report id → its file name in reportsDir */
  const fileName = new Map<string, string>();
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
    const grouper = new DocumentGrouper();
    const fileRows: Array<Record<string, unknown>> = [];
    for await (const [rep, path] of readReports(files, (path, why) => {
      skipped++;
      warn(`${path}: ${why}`);
    })) {
      reports++;
      const ctx = reportContext(rep, path, true);
      // every file's agency is a row of agencies (report_agencies.agency_id resolves), counted by its documents
      agencyAgg(ctx.agency);
      fileName.set(rep.id, path.slice(reportsDir.length + 1));
      const rendering = renderingOf(rep.source);
      fileRows.push({
        id: rep.id,
        reportId: rep.id,
        agencyId: ctx.agency.id,
        agencyName: ctx.written ? clean(ctx.written) : null,
        provinceId: ctx.jurisdiction?.id ?? null,
        year: ctx.year ?? null,
        period: rep.report.period?.value ?? (ctx.year !== undefined ? String(ctx.year) : null),
        day: ctx.on ?? null,
        rendering,
      });
      const ident: Parameters<DocumentGrouper['add']>[0] = { reportId: rep.id, rendering, agencyId: ctx.agency.id, language: rep.language, agencyRegistered: ctx.agency.registered, tokens: factTokens(rep) };
      if (rep.report.number) ident.number = rep.report.number;
      if (rep.report.issuedOn) ident.issuedOn = rep.report.issuedOn;
      if (ctx.year !== undefined) ident.year = ctx.year;
      if (rep.report.period?.value) ident.period = rep.report.period.value;
      if (rep.report.title) ident.title = rep.report.title;
      grouper.add(ident);
    }
    const groups = grouper.documents((seed) => `rdoc_${sha256Hex(seed).slice(0, 16)}`);
    const docOf = new Map<string, DocumentGroup>();
    for (const g of groups) for (const f of g.files) docOf.set(f.reportId, g);
    for (const row of fileRows) {
      const g = docOf.get(row['reportId'] as string)!;
      writers.reportAgencies.write({ ...row, documentId: g.id, chosen: g.files[0]!.reportId === row['reportId'] });
    }
    fileRows.length = 0;
    for (const g of [...groups].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      writers.reportDocuments.write({
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
      });
    }

    // ---- pass 2: the facts of each document, from its best rendering, with the files that agree ----
    const chosen = groups.map((g) => g.files[0]!.reportId).sort();
    for await (const [rep, path] of readReports(chosen.map((id) => fileName.get(id)!))) {
      const g = docOf.get(rep.id)!;
      linkReport(rep, path, agreement(rep, g));
    }

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
    const agencyWriter = new NdjsonWriter(join(tablesDir, 'agencies.ndjson'), 'agencies');
    late.push(agencyWriter);
    for (const id of [...agencies.keys()].sort()) {
      const g = agencies.get(id)!;
      const a = g.a;
      agencyWriter.write({
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

    // ---- documents ----
    const docWriter = new NdjsonWriter(join(tablesDir, 'documents.ndjson'), 'documents');
    late.push(docWriter);
    let conflicts = 0;
    for (const id of [...documents.keys()].sort()) {
      const row = documents.get(id)!.row();
      if (row.conflicts.some((c) => c.severity === 'warning')) conflicts++;
      const iss = docIssuer.get(id);
      docWriter.write({ ...row, issuerAgencyId: iss ? (mostFrequent(iss) ?? null) : null });
    }

    // ---- changes ----
    const changeWriter = new NdjsonWriter(join(tablesDir, 'changes.ndjson'), 'changes');
    late.push(changeWriter);
    let breaks = 0;
    for (const [key, pts] of spool.groups()) {
      const [agencyId, indicator] = key.split('\u0001') as [string, string];
      for (const c of seriesChanges(agencyId, indicator, pts)) {
        if (c.type !== 'change') breaks++;
        changeWriter.write(c);
      }
    }

    for (const w of all()) w.commit();
    return {
      reports,
      reportDocuments: writers.reportDocuments.rows,
      skipped,
      agencies: agencies.size,
      documents: documents.size,
      citations: writers.citations.rows,
      conflicts,
      series: writers.series.rows,
      seriesKeys: spool.seriesCount,
      matched,
      changes: changeWriter.rows,
      breaks,
      tablesDir,
      warnings,
    };
  } catch (err) {
    for (const w of all()) w.abort();
    spool.close();
    throw err;
  }

  /**
   * For each metric of a document's chosen rendering, the files of the document that give the same fact
   * (kind, value, unit): the chosen one first, then the others that agree, best rendering first.
   */
  function agreement(rep: ReportIn, g: DocumentGroup): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const factKey = (m: Met) => `${m.kind}\u0001${m.value}\u0001${m.unit === undefined ? '' : clean(m.unit).toLowerCase()}`;
    for (const m of rep.metrics) out.set(m.id, [rep.id]);
    for (const f of g.files.slice(1)) {
      let other: ReportIn;
      try {
        const parsed: unknown = JSON.parse(readFileSync(join(reportsDir, fileName.get(f.reportId)!), 'utf8'));
        if (shapeProblem(parsed)) continue;
        other = parsed as ReportIn;
      } catch {
        continue;
      }
      const have = new Map<string, number>();
      for (const m of other.metrics) have.set(factKey(m), (have.get(factKey(m)) ?? 0) + 1);
      for (const m of rep.metrics) {
        const k = factKey(m);
        const n = have.get(k) ?? 0;
        if (n > 0) {
          have.set(k, n - 1);
          out.get(m.id)!.push(f.reportId);
        }
      }
    }
    return out;
  }

  /** The report's year, day, province and agency (agency:unknown@<id> when its header names none). */
  function reportContext(rep: ReportIn, path: string, warnUnknown: boolean) {
    const meta = rep.report;
    const year = reportYear(meta);
    const on = reportDay(meta, year);
    const province = reportProvince(rep, on);
    const written = meta.agency ?? meta.parentAgency;
    let agency = written
      ? resolveAgency({ name: written, provinceHints: [meta.province, meta.place, meta.parentAgency], ...(province ? { province } : {}), ...(on ? { on } : {}) })
      : undefined;
    if (!agency) {
      if (warnUnknown) warn(`${path}: no agency in the report header; its facts are kept under agency:unknown@${rep.id}`);
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

  function linkReport(rep: ReportIn, path: string, agree: Map<string, string[]>): void {
    const meta = rep.report;
    const { year, on, written, agency, jurisdiction } = reportContext(rep, path, false);
    const ag = agencyAgg(agency);
    ag.reports++;
    ag.seen(written ? clean(written) : undefined, year);

    // ---- citations ----
    for (const ref of rep.references) {
      // the report naming itself (`Kèm theo Quyết định số …` of its own annex) cites nothing
      if (ref.self) continue;
      const ident = documentIdentity(ref, { ...(jurisdiction ? { province: jurisdiction } : {}), ...(on ? { on } : {}) });
      let d = documents.get(ident.id);
      if (!d) documents.set(ident.id, (d = new DocumentAggregate(ident)));
      const c: Parameters<DocumentAggregate['add']>[0] = { reportId: rep.id, symbol: ref.symbol ?? ref.name ?? '' };
      if (year !== undefined) c.reportYear = year;
      for (const k of ['type', 'typeCode', 'category', 'number', 'issuedOn', 'subject', 'issuerCode', 'issuer'] as const) {
        const v = ref[k];
        if (typeof v === 'string' && v) c[k] = v;
      }
      if (typeof ref.year === 'number') c.year = ref.year;
      d.add(c);
      // the issuing agency: named (`của UBND tỉnh Long An`) or from the symbol's issuer group
      const issuerOn = ref.issuedOn ?? on;
      const iss = ref.issuer
        ? resolveAgency({ name: ref.issuer, ...(ident.scope === 'local' && ident.jurisdiction !== 'unknown' ? { province: provinceById(ident.jurisdiction)! } : {}), ...(issuerOn ? { on: issuerOn } : {}) })
        : undefined;
      if (iss && iss.registered) {
        const g = agencyAgg(iss);
        g.citedAsIssuer++;
        g.seen(clean(ref.issuer!), undefined);
        let m = docIssuer.get(ident.id);
        if (!m) docIssuer.set(ident.id, (m = new Map()));
        m.set(iss.id, (m.get(iss.id) ?? 0) + 1);
      }
      writers.citations.write({
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
      return;
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
    for (const m of rep.metrics) {
      if (!Number.isFinite(m.value)) continue;
      const k = resolve(m, 0);
      if (k.matched) matched++;
      const unit = m.unit !== undefined ? clean(m.unit) : m.kind === 'percent' ? '%' : null;
      writers.series.write({
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
      spool.add(`${agency.id}\u0001${k.key}`, { year, periodType: periodType(period), period, value: m.value, unit: unit === null ? null : unit.toLowerCase(), kind: m.kind, reportId: rep.id, metricId: m.id });
    }
  }
}
