/**
 * Cross-report checks over a batch output folder (`report-metrics check DIR`):
 * - cross.yoy-jump: one agency's indicator moving by a factor ≥ 3 (and ≥ 10 units; from or to zero only
 *   when the other value is ≥ 100) from one year to the next, or by ≥ 30 points for percentages;
 * - cross.document-date: one cited document (same folded symbol, same jurisdiction for local issuers)
 *   given different issue dates by different reports (for symbols without a year, which agencies reuse
 *   every year, only dates within the same year are compared).
 * Sources, best first: the link step's tables (DIR/tables/changes.ndjson rows of type `jump`;
 * documents.ndjson `conflicts` on issuedOn with citations.ndjson), else the same computed here from
 * DIR/reports/*.json (agency = report agency + province, series = metrics by indicator, else by label).
 * Each finding belongs to the later (or disagreeing) report, with evidence in both reports and
 * `otherReport` naming the other one.
 *
 * Premises (issue 17): a jump compares one agency's SAME indicator in the SAME unit and kind in two
 * consecutive years (`17 tin bài` one year and `02 Tập san` the next are two indicators, whatever key the
 * vocabulary gave them); neither figure is a target or a part of another figure. A jump is a question
 * to ask, not proof of an error: confidence 0.7 (0.5, an info note, when both values are under 100 and
 * the change is under ×5 — small counts move a lot). The Vietnamese message says `tăng` for a rise,
 * `giảm` for a drop. A document date conflict: one document has one issue date (confidence 0.8).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence, Finding, Metric, Reference, Report } from '../model/report.js';
import { factId } from '../util/hash.js';
import { foldForMatch } from '../normalize/fold.js';
import { symbolKey } from '../extract/symbol-key.js';
import { fmt, fmtVi, issuerCodeOf, sameNounOrInitials, viDate } from './util.js';
import { CONFIDENT } from './types.js';
import { CROSS_RULES, dateMessages, jumpMessages, premiseOf, unitWords } from './rules/cross.js';
import { fromRow } from '../validate/table-columns.js';

export interface CrossInput {
  reports: Report[];
  changes?: ChangeRow[];
  documents?: DocumentRow[];
  citations?: CitationRow[];
}

interface ChangeRow {
  type: string;
  indicator: string;
  fromPeriod: string;
  toPeriod: string;
  fromValue: number;
  toValue: number;
  fromReportId: string;
  toReportId: string;
  fromMetricId: string;
  toMetricId: string;
}
interface DocumentRow {
  id: string;
  symbol: string;
  conflicts: Array<{ field: string; values: Array<{ value: string; count: number; reportIds: string[] }> }>;
}
interface CitationRow {
  documentId: string;
  referenceId: string;
  reportId: string;
  issuedOn: string | null;
}

export { CROSS_RULES };

function ev(fact: { span: { start: number; end: number }; text: string }, reportId: string): Evidence {
  return { start: fact.span.start, end: fact.span.end, text: fact.text, reportId };
}

/** DIR/tables/<table>.ndjson with each row's fields in camelCase (the tables' columns are snake_case). */
export function readNdjson<T>(tablesDir: string, table: string): T[] | undefined {
  return readNdjsonFile<T>(join(tablesDir, `${table}.ndjson`), table);
}

/** The rows of one table's NDJSON file at `path` (camelCase records), undefined when there is no such file. */
export function readNdjsonFile<T>(path: string, table: string): T[] | undefined {
  if (!existsSync(path)) return undefined;
  const out: T[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim() !== '') out.push(fromRow<T>(table, JSON.parse(line) as object));
  return out;
}

/** Reads DIR/reports/*.json (sorted by file name) and the link tables when present. */
export function readBatchDir(dir: string): CrossInput {
  const rdir = join(dir, 'reports');
  if (!existsSync(rdir)) throw new Error(`${dir}: not a batch output folder (no reports/ inside)`);
  const reports: Report[] = [];
  for (const f of readdirSync(rdir).filter((x) => x.endsWith('.json')).sort()) {
    try {
      reports.push(JSON.parse(readFileSync(join(rdir, f), 'utf8')) as Report);
    } catch (err) {
      throw new Error(`${join(rdir, f)}: not a readable Report JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const input: CrossInput = { reports };
  const t = join(dir, 'tables');
  const changes = readNdjson<ChangeRow>(t, 'changes');
  const documents = readNdjson<DocumentRow>(t, 'documents');
  const citations = readNdjson<CitationRow>(t, 'citations');
  if (changes) input.changes = changes;
  if (documents && citations) {
    input.documents = documents;
    input.citations = citations;
  }
  return input;
}

const yearOfReport = (r: Report): number | undefined => r.report.year ?? (r.report.period?.start ? Number(r.report.period.start.slice(0, 4)) : undefined);
const agencyKey = (r: Report): string | undefined =>
  r.report.agency ? `${foldForMatch(r.report.agency)}|${foldForMatch(r.report.province ?? r.report.place ?? '')}` : undefined;

function jumpFinding(a: { report: Report; m: Metric }, b: { report: Report; m: Metric }, indicator: string): Finding {
  const ratio = a.m.value === 0 ? Infinity : b.m.value / a.m.value;
  const ya = yearOfReport(a.report);
  const yb = yearOfReport(b.report);
  const delta = Math.round((b.m.value - a.m.value) * 100) / 100;
  const factor = Math.round(ratio * 100) / 100;
  const how =
    b.m.kind === 'percent'
      ? { points: { en: fmt(delta), vi: fmtVi(delta) } }
      : Number.isFinite(ratio)
        ? { factor: { en: fmt(factor), vi: fmtVi(factor) } }
        : {};
  const up = b.m.value >= a.m.value;
  const u = unitWords(b.m.kind, b.m.unit);
  const lo = Math.min(Math.abs(a.m.value), Math.abs(b.m.value));
  const hi = Math.max(Math.abs(a.m.value), Math.abs(b.m.value));
  const small = b.m.kind !== 'percent' && hi < 100 && (lo === 0 || hi / lo < 5);
  const confidence = small ? 0.5 : 0.7;
  const arithmetic =
    b.m.kind === 'percent'
      ? `${fmt(b.m.value)} − ${fmt(a.m.value)} = ${fmt(delta)}`
      : Number.isFinite(ratio)
        ? `${fmt(b.m.value)} / ${fmt(a.m.value)} = ${fmt(factor)}`
        : `${fmt(a.m.value)} → ${fmt(b.m.value)}`;
  return {
    id: factId(b.report.id, 'fnd-cross.yoy-jump', b.m.span.start, b.m.span.end),
    rule: 'cross.yoy-jump',
    severity: confidence >= CONFIDENT ? 'warning' : 'info',
    ...jumpMessages({ indicator, up, from: fmt(a.m.value), to: fmt(b.m.value), fromVi: fmtVi(a.m.value), toVi: fmtVi(b.m.value), fromYear: ya ?? '?', toYear: yb ?? '?', ...how, unit: u }),
    evidence: [ev(b.m, b.report.id), ev(a.m, a.report.id)],
    facts: [b.m.id, a.m.id],
    otherReport: a.report.id,
    arithmetic,
    ...premiseOf('cross.yoy-jump'),
    confidence,
  };
}

/** the premise of a jump: the same indicator in the same kind and unit, neither figure a target or a part */
function comparable(a: Metric, b: Metric): boolean {
  if (a.kind !== b.kind || a.target || b.target || a.parent || b.parent) return false;
  return (a.unit === undefined) === (b.unit === undefined) && sameUnit(a.unit, b.unit);
}
/** stricter than sameCountedNoun: two different nouns of one key (`tin bài`, `Tập san`) are not one unit */
function sameUnit(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return sameNounOrInitials(a, b);
}

function isJump(kind: string, a: number, b: number): boolean {
  const d = Math.abs(b - a);
  if (kind === 'percent') return d >= 30;
  if (d < 10) return false;
  const lo = Math.min(Math.abs(a), Math.abs(b));
  const hi = Math.max(Math.abs(a), Math.abs(b));
  if (lo === 0) return hi >= 100;
  return hi / lo >= 3;
}

function yoyFromReports(reports: Report[]): Finding[] {
  // agency|indicator → year → the single value of that report (several values: ambiguous, left out)
  const series = new Map<string, Map<number, { report: Report; m: Metric } | null>>();
  for (const r of reports) {
    const ak = agencyKey(r);
    const y = yearOfReport(r);
    if (!ak || y === undefined) continue;
    for (const m of r.metrics) {
      if (m.parent || m.period || !['count', 'money', 'percent', 'quantity'].includes(m.kind)) continue;
      // the vocabulary indicator, else the folded label (the same wording year after year)
      const ind = m.indicator ?? `label:${foldForMatch(m.label)}`;
      const k = `${ak}|${ind}|${m.kind}|${m.unit ?? ''}`;
      let s = series.get(k);
      if (!s) series.set(k, (s = new Map()));
      const prev = s.get(y);
      if (prev === undefined) s.set(y, { report: r, m });
      else if (prev !== null && (prev.m.value !== m.value || prev.report.id !== r.id)) s.set(y, null);
    }
  }
  const out: Finding[] = [];
  for (const [k, s] of series) {
    const years = [...s.keys()].sort((a, b) => a - b);
    for (let i = 1; i < years.length; i++) {
      if (years[i]! - years[i - 1]! !== 1) continue;
      const a = s.get(years[i - 1]!);
      const b = s.get(years[i]!);
      if (!a || !b || !comparable(a.m, b.m)) continue;
      if (isJump(b.m.kind, a.m.value, b.m.value)) out.push(jumpFinding(a, b, k.split('|')[2]!));
    }
  }
  return out;
}

function yoyFromChanges(input: CrossInput): Finding[] {
  const byId = new Map(input.reports.map((r) => [r.id, r]));
  const out: Finding[] = [];
  for (const c of input.changes ?? []) {
    if (c.type !== 'jump') continue;
    const ra = byId.get(c.fromReportId);
    const rb = byId.get(c.toReportId);
    const ma = ra?.metrics.find((m) => m.id === c.fromMetricId);
    const mb = rb?.metrics.find((m) => m.id === c.toMetricId);
    if (!ra || !rb || !ma || !mb || !comparable(ma, mb)) continue;
    // the link step's thresholds, plus: a count rising from zero to a small number is not a jump
    if (!isJump(mb.kind, ma.value, mb.value)) continue;
    out.push(jumpFinding({ report: ra, m: ma }, { report: rb, m: mb }, c.indicator));
  }
  return out;
}

const NATIONAL = /^(CP|TTG|QH[0-9]*|UBTVQH[0-9]*|VPCP|NHNN|TTCP|KTNN|TANDTC|VKSNDTC|CTN|B[A-Z]{1,8}|TW|VPTW)$/;

/** Same document in the same jurisdiction: folded symbol, plus the report's province for local issuers. */
function documentKey(ref: Reference, report: Report): string {
  if (ref.symbol === undefined) return ref.key ?? ref.name ?? ref.id;
  const key = symbolKey(ref.symbol).replace(/^0+(?=[0-9])/, '');
  const issuer = (issuerCodeOf(ref) ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[Đđ]/g, 'D').toUpperCase().replace(/&/g, '');
  if (NATIONAL.test(issuer) && !/^BC/.test(issuer)) return key;
  return `${key}@${foldForMatch(report.report.province ?? report.report.place ?? '?')}`;
}

interface Cite {
  report: Report;
  ref: Reference;
}

function dateConflictFindings(groups: Iterable<Cite[]>): Finding[] {
  const out: Finding[] = [];
  for (const cites of groups) {
    const dated = cites.filter((c) => c.ref.issuedOn);
    // an administrative number without a year (`1230/KH-SNV`) is reused every year: dates in different
    // years are different documents, only dates within one year disagree
    const withYear = dated.some((c) => /\/(19|20)[0-9]{2}\//.test(c.ref.symbol ?? ""));
    if (!withYear) {
      const years = new Map<string, Cite[]>();
      for (const c of dated) {
        const y = c.ref.issuedOn!.slice(0, 4);
        years.set(y, [...(years.get(y) ?? []), c]);
      }
      if (years.size > 1) {
        out.push(...dateConflictFindings([...years.values()].filter((l) => l.length > 1)));
        continue;
      }
    }
    const byDate = new Map<string, Cite[]>();
    for (const c of dated) {
      const l = byDate.get(c.ref.issuedOn!) ?? [];
      l.push(c);
      byDate.set(c.ref.issuedOn!, l);
    }
    if (byDate.size < 2) continue;
    // the date most reports give (ties: the one cited first, by report year then id) is taken as the reference
    const year = (c: Cite) => yearOfReport(c.report) ?? 0;
    const ranked = [...byDate.entries()].sort(
      (a, b) => new Set(b[1].map((c) => c.report.id)).size - new Set(a[1].map((c) => c.report.id)).size || Math.min(...a[1].map(year)) - Math.min(...b[1].map(year)),
    );
    const [majorDate, majorCites] = ranked[0]!;
    const anchor = majorCites[0]!;
    for (const [date, cs] of ranked.slice(1)) {
      const seen = new Set<string>();
      for (const c of cs) {
        if (c.report.id === anchor.report.id || seen.has(c.report.id)) continue;
        seen.add(c.report.id);
        out.push({
          id: factId(c.report.id, 'fnd-cross.document-date', c.ref.span.start, c.ref.span.end),
          rule: 'cross.document-date',
          severity: 'warning',
          ...dateMessages(c.ref.symbol ?? c.ref.text, viDate(date), viDate(majorDate)),
          evidence: [ev(c.ref, c.report.id), ev(anchor.ref, anchor.report.id)],
          facts: [c.ref.id, anchor.ref.id],
          otherReport: anchor.report.id,
          arithmetic: `${viDate(date)} ≠ ${viDate(majorDate)}`,
          ...premiseOf('cross.document-date'),
          confidence: 0.8,
        });
      }
    }
  }
  return out;
}

function documentDatesFromReports(reports: Report[]): Finding[] {
  const groups = new Map<string, Cite[]>();
  for (const r of reports)
    for (const ref of r.references) {
      const k = documentKey(ref, r);
      const l = groups.get(k) ?? [];
      l.push({ report: r, ref });
      groups.set(k, l);
    }
  return dateConflictFindings(groups.values());
}

function documentDatesFromTables(input: CrossInput): Finding[] {
  const byId = new Map(input.reports.map((r) => [r.id, r]));
  const conflicted = new Set(input.documents!.filter((d) => d.conflicts.some((c) => c.field === 'issuedOn')).map((d) => d.id));
  const groups = new Map<string, Cite[]>();
  for (const c of input.citations!) {
    if (!conflicted.has(c.documentId)) continue;
    const report = byId.get(c.reportId);
    const ref = report?.references.find((x) => x.id === c.referenceId);
    if (!report || !ref) continue;
    const l = groups.get(c.documentId) ?? [];
    l.push({ report, ref });
    groups.set(c.documentId, l);
  }
  return dateConflictFindings(groups.values());
}

/** Cross-report findings of a batch. */
export function checkAcross(input: CrossInput): Finding[] {
  const jumps = input.changes ? yoyFromChanges(input) : yoyFromReports(input.reports);
  const dates = input.documents && input.citations ? documentDatesFromTables(input) : documentDatesFromReports(input.reports);
  return [...jumps, ...dates];
}
