/** Small helpers shared by the check rules: evidence, label context, symbols, dates, number formatting. */
import { work } from './work.js';
import type { Evidence, Metric, Reference, Report, Span } from '../model/report.js';
import { foldForMatch } from '../normalize/fold.js';
import { APPROX, APPROX_INSIDE } from './rules/words.js';

export function evidenceOf(fact: { span: Span; text: string }, reportId?: string): Evidence {
  const e: Evidence = { start: fact.span.start, end: fact.span.end, text: fact.text };
  if (reportId !== undefined) e.reportId = reportId;
  return e;
}

/** Display a number the Vietnamese way for messages (1.245; 12,5). */
export function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

/** A number the Vietnamese way for the Vietnamese messages: thousands dots, decimal comma (12.680.000.000; 30,65). */
export function fmtVi(n: number): string {
  const r = Number.isInteger(n) ? n : Math.round(n * 100) / 100;
  const [int, dec] = String(Math.abs(r)).split('.');
  const grouped = int!.replace(/\B(?=([0-9]{3})+(?![0-9]))/g, '.');
  return `${r < 0 ? '-' : ''}${grouped}${dec ? ',' + dec : ''}`;
}

/** Start of the clause holding `pos`: after the last `;`, `.`+space, newline or `:` … bounded by `limit` chars. */
export function clauseStart(text: string, pos: number, limit = 160): number {
  const from = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= from; i--) {
    const c = text[i]!;
    if (c === '\n' || c === ';') return i + 1;
    if (c === '.' && (text[i + 1] === ' ' || text[i + 1] === '\n') && !/[0-9]/.test(text[i - 1] ?? '')) return i + 1;
  }
  return from;
}

/** Start and end of the sentence holding `pos` (sentence ends: `.`/`!`/`?` + space, newline). */
export function sentenceBounds(text: string, pos: number, limit = 600): { start: number; end: number } {
  let start = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= Math.max(0, pos - limit); i--) {
    const c = text[i]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? ''))) {
      start = i + 1;
      break;
    }
  }
  let end = Math.min(text.length, pos + limit);
  for (let i = pos; i < Math.min(text.length, pos + limit); i++) {
    const c = text[i]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && (i + 1 >= text.length || /\s/.test(text[i + 1]!)))) {
      end = i;
      break;
    }
  }
  return { start, end };
}

/**
 * What a metric is about, folded for matching: its label, indicator and unit, plus (when the text is
 * known) the clause written just before the number (`Văn bản còn hiệu lực: 14 văn bản` → `văn bản còn hiệu lực:`).
 */
export function metricContext(m: Metric, text?: string): string {
  const parts = [m.label, m.indicator ?? '', m.unit ?? ''];
  if (text !== undefined) parts.push(text.slice(clauseStart(text, m.span.start), m.span.end));
  return foldForMatch(parts.join(' | '));
}

export function isApproximate(m: Metric, text?: string): boolean {
  if (m.approximate) return true;
  if (text === undefined) return false;
  const before = foldForMatch(text.slice(Math.max(0, m.span.start - 24), m.span.start));
  return APPROX.test(before) || APPROX_INSIDE.test(foldForMatch(m.text));
}

/** Parsed number+symbol of a document reference. */
export interface ParsedSymbol {
  number: number;
  /** number as written without padding */
  numberText: string;
  /** the `/YYYY/` of normative documents */
  year?: number;
  /** groups of the symbol after the number (and year) */
  groups: string[];
  typeCode?: string;
  issuerCode?: string;
}

const ADMIN_TYPES = new Set([
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ',
  'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'SY', 'TrS', 'SL', 'NĐ', 'TT', 'TTLT', 'L', 'VBHN',
]);

export function isTypeCode(code: string | undefined): boolean {
  return code !== undefined && ADMIN_TYPES.has(code);
}

export function parseSymbol(symbol: string): ParsedSymbol | undefined {
  const s = symbol.normalize('NFC').replace(/\s+/g, '');
  const m = /^([0-9]{1,3}(?:\.[0-9]{3})*|[0-9]+)(?:\.[0-9]+)?[a-z]?\/(?:((?:19|20)[0-9]{2})\/)?(.+)$/.exec(s);
  if (!m) return undefined;
  const numberText = m[1]!.replace(/^0+(?=[0-9])/, '');
  const number = Number(numberText.replace(/\./g, ''));
  if (!Number.isFinite(number)) return undefined;
  const groups = m[3]!.split(/[-/]/).filter((g) => g !== '');
  const out: ParsedSymbol = { number, numberText, groups };
  if (m[2]) out.year = Number(m[2]);
  if (isTypeCode(groups[0])) {
    out.typeCode = groups[0]!;
    if (groups[1]) out.issuerCode = groups[1];
  } else if (groups[0]) {
    out.issuerCode = groups[0];
  }
  return out;
}

/** The code of the issuer that numbered a reference (from the reference, else from its symbol). */
export function issuerCodeOf(r: Reference): string | undefined {
  // công văn `418/SKH&CN-VP`: the issuer is the first group, the drafting unit (VP) is not part of it
  const code = r.issuerCode ?? parseSymbol(r.symbol ?? "")?.issuerCode;
  return code?.split('-')[0] || undefined;
}

export function typeCodeOf(r: Reference): string | undefined {
  const p = parseSymbol(r.symbol ?? "");
  return r.typeCode ?? p?.typeCode;
}

/** Ordinal of a reference (23, 1189; `66.13` → 66). */
export function numberOf(r: Reference): number | undefined {
  const n = Number(String(r.number).replace(/^0+(?=[0-9])/, '').replace(/^([0-9]+)\..*$/, '$1').replace(/[a-z]$/, ''));
  if (Number.isFinite(n) && n > 0) return n;
  return parseSymbol(r.symbol ?? "")?.number;
}

/** true for a real calendar day `YYYY-MM-DD`. */
export function isCalendarDay(iso: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

export function yearOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const m = /^([0-9]{4})/.exec(iso);
  return m ? Number(m[1]) : undefined;
}

/** The last day a report could cite: its issue date, else the end of its year (or of its period's year). */
export function reportCutoff(report: Report): string | undefined {
  const meta = report.report;
  if (meta.issuedOn && isCalendarDay(meta.issuedOn)) return meta.issuedOn;
  const y = meta.year ?? yearOf(meta.period?.end);
  if (y !== undefined) return `${y}-12-31`;
  return undefined;
}

/** Human date dd/mm/yyyy for messages. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d && m ? `${d}/${m}/${y}` : iso;
}

/**
 * The words that say what one number counts, folded: the label just before it (between the previous
 * `:` and the number, or the clause before `X: 22`) plus the words just after it up to the next
 * separator (`950 hồ sơ đúng hạn,`). Falls back to the metric's label without the text.
 */
export function roleText(m: Metric, text?: string): string {
  if (text === undefined) return foldForMatch(`${m.label} ${m.indicator ?? ''}`);
  const cs = clauseStart(text, m.span.start, 200);
  const before = text.slice(cs, m.span.start);
  let label: string;
  const trimmed = before.replace(/[\s:]+$/, '');
  if (trimmed.length < before.length && before.trimEnd().endsWith(':')) {
    // `Văn bản còn hiệu lực: 14` → the words between the previous `:`/`,`-clause and this `:`
    const prevColon = trimmed.lastIndexOf(':');
    label = trimmed.slice(prevColon + 1);
  } else {
    // the words since the last `:`, `,`, bracket or number (`tiếp nhận 4.826 hồ sơ (trực tuyến 3.910` → `trực tuyến`)
    let cut = -1;
    for (let i = before.length - 1; i >= 0; i--) {
      if (/[:,()0-9]/.test(before[i]!)) {
        cut = i;
        break;
      }
    }
    label = before.slice(cut + 1);
    if (label.trim().length < 3) label = before.slice(before.lastIndexOf(':') + 1);
  }
  let after = text.slice(m.span.end, Math.min(text.length, m.span.end + 80));
  const stop = after.search(/[,;.:()\n]|[0-9]/);
  if (stop >= 0) after = after.slice(0, stop);
  // at most four words after the number (`880 hồ sơ đúng hạn`, not `12 thư xin lỗi đối với các hồ sơ trễ hạn`)
  after = after.split(/\s+/).filter((w) => w !== '').slice(0, 4).join(' ');
  return foldForMatch(`${label} ${m.text} ${after} ${m.indicator ?? ''}`);
}

export { NON_ADDITIVE } from './rules/words.js';

/**
 * The metrics (sorted by start) whose start lies in [from, to): a binary search plus the slice, so that a
 * rule looking around each of n figures stays O(n log n + output) instead of O(n²) on table-heavy reports.
 */
export function startingWithin(sorted: readonly Metric[], from: number, to: number): Metric[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    work.steps++;
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.span.start < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && sorted[end]!.span.start < to) end++, work.steps++;
  return sorted.slice(lo, end);
}

/**
 * Spans seen so far, asked whether a new span overlaps any of them (`a < end && start < b`), in
 * O(log n) per add and per question: the ends of every span that will be added or asked about are given
 * up front; the cells between them are counted in two Fenwick trees (range add, range sum).
 */
export class SpanSet {
  private readonly xs: number[];
  private readonly t1: Float64Array;
  private readonly t2: Float64Array;
  /** zero-length spans added (rare: they overlap a span only strictly inside it) */
  private readonly points: Array<{ start: number; end: number }> = [];

  constructor(spans: Iterable<{ start: number; end: number }>) {
    const xs = new Set<number>();
    for (const s of spans) xs.add(s.start).add(s.end);
    this.xs = [...xs].sort((a, b) => a - b);
    this.t1 = new Float64Array(this.xs.length + 2);
    this.t2 = new Float64Array(this.xs.length + 2);
  }

  private cell(x: number): number {
    let lo = 0;
    let hi = this.xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.xs[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (this.xs[lo] !== x) throw new Error(`SpanSet: ${x} was not announced`);
    return lo + 1;
  }
  private upd(t: Float64Array, i: number, v: number): void {
    for (; i < t.length; i += i & -i) (t[i]! += v), work.steps++;
  }
  private sum(t: Float64Array, i: number): number {
    let s = 0;
    for (; i > 0; i -= i & -i) (s += t[i]!), work.steps++;
    return s;
  }
  /** cells 1..i */
  private prefix(i: number): number {
    return this.sum(this.t1, i) * i - this.sum(this.t2, i);
  }

  add(s: { start: number; end: number }): void {
    if (s.end <= s.start) {
      this.points.push(s);
      return;
    }
    // cells [l, r]: from the cell starting at start to the one ending at end
    const l = this.cell(s.start);
    const r = this.cell(s.end) - 1;
    this.upd(this.t1, l, 1);
    this.upd(this.t1, r + 1, -1);
    this.upd(this.t2, l, l - 1);
    this.upd(this.t2, r + 1, -r);
  }

  overlaps(s: { start: number; end: number }): boolean {
    for (const p of this.points) if ((work.steps++, p.start < s.end && s.start < p.end)) return true;
    if (s.end <= s.start) return false;
    const l = this.cell(s.start);
    const r = this.cell(s.end) - 1;
    return this.prefix(r) - this.prefix(l - 1) > 0;
  }
}

/** the words of a folded noun (`thủ tục hành chính` → [thủ, tục, hành, chính]) */
function words(s: string): string[] {
  return foldForMatch(s).split(/[^\p{L}\p{N}&]+/u).filter((w) => w !== '');
}
const bare = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');

/** One noun written as the initials of the other (`TTHC` / `thủ tục hành chính`), or the two the same once folded. */
export function sameNounOrInitials(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.join(' ') === wb.join(' ')) return true;
  const initials = (ws: string[]) => ws.map((w) => bare(w)[0]).join('');
  if (wa.length === 1 && wb.length > 1 && bare(wa[0]!) === initials(wb)) return true;
  return wb.length === 1 && wa.length > 1 && bare(wb[0]!) === initials(wa);
}

/**
 * Whether two counted nouns (metric units) name the same thing: equal once folded, one the initials of the
 * other (`thủ tục hành chính` / `TTHC`), or one the first words of the other (`hồ sơ` / `hồ sơ trực tuyến`).
 * A missing unit agrees with any (labelled items: `Khối Văn phòng Sở: 24`). Pure string work, no vocabulary.
 */
export function sameCountedNoun(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === '' || b === '') return true;
  if (sameNounOrInitials(a, b)) return true;
  const wa = words(a);
  const wb = words(b);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.length > 0 && short.every((w, i) => long[i] === w);
}
