/**
 * Cited documents: one canonical key per document (folded symbol + jurisdiction when the issuer is local),
 * and the aggregate of all its citations with the conflicts between them (dates, types, subjects).
 */
import { symbolKey } from '../extract/symbol-key.js';
import { kindBySymbol, symbolFold } from '../vocab/agencies.js';
import { loadData } from '../vocab/data.js';
import { findProvinceInTokens, provinceAt, type Province } from '../vocab/provinces.js';
import { foldTokens, mostFrequent } from '../vocab/text.js';

interface DocData {
  typeCodes: string[];
  nationalIssuers: string[];
  nationalIssuerPatterns: string[];
  examples: Array<{ symbol: string; scope: 'national' | 'local' }>;
}

interface DocRules {
  typeCodes: Set<string>;
  national: Set<string>;
  nationalRe: RegExp;
  examples: DocData['examples'];
}
let rules: DocRules | undefined;
function r(): DocRules {
  if (!rules) {
    const d = loadData<DocData>('documents');
    rules = {
      typeCodes: new Set(d.typeCodes.map((c) => c.normalize('NFC'))),
      national: new Set(d.nationalIssuers.map(symbolFold)),
      nationalRe: new RegExp(`^(?:${d.nationalIssuerPatterns.join('|')})$`),
      examples: d.examples,
    };
  }
  return rules;
}

export function documentExamples(): DocData['examples'] {
  return r().examples;
}

/** Code groups of a symbol: `23/2023/QĐ-UBND` → [QĐ, UBND]; `57-NQ/TW` → [NQ, TW]. */
export function symbolGroups(symbol: string): string[] {
  return symbol
    .normalize('NFC')
    .replace(/\u00D0/g, 'Đ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .split(/[/-]/)
    .filter((g) => g.length > 0 && !/^[0-9]+(?:\.[0-9]+)?[a-z]?$/.test(g));
}

/** The issuer group: the first code group that is not a type code. */
export function issuerGroup(symbol: string): string | undefined {
  const rr = r();
  return symbolGroups(symbol).find((g) => !rr.typeCodes.has(g));
}

export function isNationalIssuer(code: string): boolean {
  const rr = r();
  const f = symbolFold(code);
  if (rr.national.has(f) || rr.nationalRe.test(code.toUpperCase())) return true;
  return kindBySymbol(code)?.level === 'national';
}

/** Comparison key: symbolKey (NFC, Ð, spaces, diacritics, case, `&`) plus unpadded number (`02/…` ≡ `2/…`). */
export function documentSymbolKey(symbol: string): string {
  return symbolKey(symbol).replace(/^0+(?=[0-9])/, '');
}

export interface DocumentIdentity {
  id: string;
  key: string;
  scope: 'national' | 'local';
  /** province id, `national`, or `unknown` (local issuer and no province known) */
  jurisdiction: string;
  /**
   * a local document older than the merged province that cites it (a 2026 Đồng Tháp report citing a 2023
   * QĐ-UBND): the former provinces it may belong to; the key keeps the merged province
   */
  jurisdictionCandidates?: string[];
  issuerGroup?: string;
}

export interface ReferenceLike {
  /** absent for a document cited by name (then `key` is its name key) */
  symbol?: string;
  key?: string;
  issuerCode?: string;
  issuer?: string;
  issuedOn?: string;
  year?: number;
}

/** Identity of a cited document, given the citing report's province and date. */
export function documentIdentity(ref: ReferenceLike, ctx: { province?: Province; on?: string }): DocumentIdentity {
  // a law cited by name (`Luật Đầu tư năm 2020`) is national; its key is (type, folded name, date or year)
  if (ref.symbol === undefined) {
    const key = ref.key ?? 'name:?';
    return { id: `doc:${key}`, key, scope: 'national', jurisdiction: 'national' };
  }
  const key = documentSymbolKey(ref.symbol);
  const group = (ref.issuerCode ? ref.issuerCode.split('-')[0] : undefined) || issuerGroup(ref.symbol);
  let national = group !== undefined && isNationalIssuer(group);
  if (group === undefined && ref.issuer) national = /chinh phu|thu tuong|quoc hoi|\bbo\b/.test(foldTokens(ref.issuer).join(' '));
  if (national) {
    const id: DocumentIdentity = { id: `doc:${key}`, key, scope: 'national', jurisdiction: 'national' };
    if (group !== undefined) id.issuerGroup = group;
    return id;
  }
  const docDay = ref.issuedOn ?? (ref.year !== undefined ? `${ref.year}-06-30` : ctx.on);
  let province: Province | undefined;
  if (ref.issuer) province = findProvinceInTokens(foldTokens(ref.issuer), docDay)?.province;
  province ??= ctx.province;
  // a report of a merged province citing an older local document: the document keeps the current unit
  if (province && ctx.on && !ref.issuer) province = provinceAt(province.id, ctx.on) ?? province;
  const jurisdiction = province?.id ?? 'unknown';
  const id: DocumentIdentity = { id: `doc:${key}@${jurisdiction}`, key, scope: 'local', jurisdiction };
  const docYear = ref.issuedOn?.slice(0, 4) ?? (ref.year !== undefined ? String(ref.year) : undefined);
  if (province && province.validFrom !== null && province.predecessorIds.length && docYear !== undefined && (ref.issuedOn ?? `${docYear}-12-31`) < province.validFrom) {
    id.jurisdictionCandidates = [...province.predecessorIds].sort();
  }
  if (group !== undefined) id.issuerGroup = group;
  return id;
}

/** Folded subject for comparison. */
function subjectKey(s: string): string {
  return foldTokens(s).join(' ');
}

const MAX_VALUES = 16;
const MAX_REPORTS_PER_VALUE = 5;
const NO_REPORTS: string[] = [];
const CONFLICT_FIELDS = new Set<string>(['issuedOn', 'year', 'type', 'subject']);

interface ValueStat {
  count: number;
  reportIds: string[];
}

/**
 * Counts per distinct value, keeping a few example report ids; bounded in size. Most documents are cited
 * with one value per field, so the first value lives in fields and a Map is made only for a second one.
 */
class ValueCounter {
  /** keepReports: keep example report ids per value (fields that can conflict) */
  constructor(private readonly keepReports = true) {}
  private v0: string | undefined;
  private s0: ValueStat | undefined;
  private rest: Map<string, ValueStat> | undefined;
  overflow = 0;

  add(value: string, reportId: string): void {
    let v: ValueStat | undefined;
    if (this.v0 === undefined) {
      this.v0 = value;
      this.s0 = { count: 1, reportIds: this.keepReports ? [reportId] : NO_REPORTS };
      return;
    } else if (this.v0 === value) v = this.s0!;
    else {
      this.rest ??= new Map();
      v = this.rest.get(value);
      if (!v) {
        if (this.rest.size + 1 >= MAX_VALUES) {
          this.overflow++;
          return;
        }
        this.rest.set(value, { count: 1, reportIds: this.keepReports ? [reportId] : NO_REPORTS });
        return;
      }
    }
    v.count++;
    if (this.keepReports && v.reportIds.length < MAX_REPORTS_PER_VALUE && v.reportIds[v.reportIds.length - 1] !== reportId) v.reportIds.push(reportId);
  }
  get size(): number {
    return (this.v0 === undefined ? 0 : 1) + (this.rest?.size ?? 0);
  }
  entries(): Array<[string, ValueStat]> {
    const out: Array<[string, ValueStat]> = this.v0 === undefined ? [] : [[this.v0, this.s0!]];
    if (this.rest) out.push(...this.rest);
    return out;
  }
  get(value: string): ValueStat | undefined {
    return value === this.v0 ? this.s0 : this.rest?.get(value);
  }
  keys(): string[] {
    return this.entries().map(([k]) => k);
  }
  counts(): Map<string, number> {
    return new Map(this.entries().map(([k, v]) => [k, v.count]));
  }
  static of(entries: Array<[string, ValueStat]>): ValueCounter {
    const vc = new ValueCounter();
    for (const [k, v] of entries) {
      if (vc.v0 === undefined) {
        vc.v0 = k;
        vc.s0 = v;
      } else (vc.rest ??= new Map()).set(k, v);
    }
    return vc;
  }
}

type Field = 'symbol' | 'type' | 'typeCode' | 'category' | 'number' | 'year' | 'issuedOn' | 'subject' | 'issuerCode' | 'issuer';

export interface ConflictValue {
  value: string;
  count: number;
  reportIds: string[];
}
export interface DocumentConflict {
  field: 'issuedOn' | 'type' | 'subject' | 'year';
  /** warning: dates, years, types disagree; info: subjects differ (cited subjects are often a paraphrase) */
  severity: 'warning' | 'info';
  values: ConflictValue[];
}

export interface DocumentRow {
  id: string;
  key: string;
  symbol: string;
  symbols: string[];
  type: string | null;
  typeCode: string | null;
  category: string | null;
  number: string | null;
  year: number | null;
  issuedOn: string | null;
  subject: string | null;
  issuerCode: string | null;
  issuer: string | null;
  scope: 'national' | 'local';
  jurisdiction: string;
  jurisdictionCandidates: string[];
  citations: number;
  reports: number;
  firstCitedYear: number | null;
  lastCitedYear: number | null;
  conflicts: DocumentConflict[];
}

export interface CitationIn {
  reportId: string;
  reportYear?: number;
  symbol: string;
  type?: string;
  typeCode?: string;
  category?: string;
  number?: string;
  year?: number;
  issuedOn?: string;
  subject?: string;
  issuerCode?: string;
  issuer?: string;
}

/** All citations of one document. */
export class DocumentAggregate {
  // one counter per field, made on the first value (most documents are cited once or twice)
  private c: Partial<Record<Field, ValueCounter>> = {};
  private counter(f: Field): ValueCounter {
    return (this.c[f] ??= new ValueCounter(CONFLICT_FIELDS.has(f)));
  }
  /** fields that follow from the symbol: the first value seen is kept */
  private firstOf: Partial<Record<'typeCode' | 'category' | 'number' | 'issuerCode', string>> = {};
  private get symbols(): ValueCounter {
    return this.counter('symbol');
  }
  private get types(): ValueCounter {
    return this.counter('type');
  }
  private get years(): ValueCounter {
    return this.counter('year');
  }
  private get dates(): ValueCounter {
    return this.counter('issuedOn');
  }
  private get subjects(): ValueCounter {
    return this.counter('subject');
  }
  /** folded subject → the subject as first written */
  subjectText: Map<string, string> | undefined;
  citations = 0;
  reports = 0;
  private lastReport = '';
  firstYear: number | null = null;
  lastYear: number | null = null;

  constructor(readonly identity: DocumentIdentity) {}

  add(c: CitationIn): void {
    this.citations++;
    if (c.reportId !== this.lastReport) {
      this.reports++;
      this.lastReport = c.reportId;
    }
    if (c.reportYear !== undefined) {
      if (this.firstYear === null || c.reportYear < this.firstYear) this.firstYear = c.reportYear;
      if (this.lastYear === null || c.reportYear > this.lastYear) this.lastYear = c.reportYear;
    }
    this.symbols.add(c.symbol, c.reportId);
    for (const f of ['type', 'issuedOn', 'issuer'] as const) {
      const v = c[f];
      if (v) this.counter(f).add(v, c.reportId);
    }
    for (const f of ['typeCode', 'category', 'number', 'issuerCode'] as const) {
      const v = c[f];
      if (v && this.firstOf[f] === undefined) this.firstOf[f] = v;
    }
    if (c.year !== undefined) this.years.add(String(c.year), c.reportId);
    if (c.subject) {
      const k = subjectKey(c.subject);
      if (k) {
        this.subjectText ??= new Map();
        if (!this.subjectText.has(k) && this.subjectText.size < MAX_VALUES) this.subjectText.set(k, c.subject);
        this.subjects.add(k, c.reportId);
      }
    }
  }

  private static conflictOf(field: DocumentConflict['field'], vc: ValueCounter | undefined, show?: (k: string) => string): DocumentConflict | undefined {
    if (!vc || vc.size < 2) return undefined;
    const values = vc.entries()
      .map(([value, s]) => ({ value: show ? show(value) : value, count: s.count, reportIds: [...s.reportIds] }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return { field, severity: field === 'subject' ? 'info' : 'warning', values };
  }

  /** Subjects that differ after folding and where neither contains the other. */
  private subjectConflict(): DocumentConflict | undefined {
    if (!this.c.subject) return undefined;
    const keys = this.subjects.keys().sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const kept: string[] = [];
    const merged = new Map<string, ValueStat>();
    for (const k of keys) {
      const s = this.subjects.get(k)!;
      const host = kept.find((h) => h.includes(k));
      if (host) {
        const m = merged.get(host)!;
        m.count += s.count;
        for (const id of s.reportIds) if (m.reportIds.length < MAX_REPORTS_PER_VALUE && !m.reportIds.includes(id)) m.reportIds.push(id);
      } else {
        kept.push(k);
        merged.set(k, { count: s.count, reportIds: [...s.reportIds] });
      }
    }
    if (kept.length < 2) return undefined;
    return DocumentAggregate.conflictOf('subject', ValueCounter.of([...merged]), (k) => this.subjectText?.get(k) ?? k);
  }

  row(): DocumentRow {
    const pick = (f: Field) => {
      const vc = this.c[f];
      return vc ? (mostFrequent(vc.counts()) ?? null) : null;
    };
    const subjectK = (() => {
      // the most cited subject; ties → the longest (most complete) wording
      let best: string | undefined;
      let n = -1;
      for (const [k, s] of this.c.subject?.entries() ?? []) {
        if (s.count > n || (s.count === n && best !== undefined && (k.length > best.length || (k.length === best.length && k < best)))) {
          best = k;
          n = s.count;
        }
      }
      return best;
    })();
    const year = pick('year');
    const conflicts = [
      DocumentAggregate.conflictOf('issuedOn', this.c.issuedOn),
      DocumentAggregate.conflictOf('year', this.c.year),
      DocumentAggregate.conflictOf('type', this.c.type),
      this.subjectConflict(),
    ].filter((c): c is DocumentConflict => c !== undefined);
    return {
      id: this.identity.id,
      key: this.identity.key,
      symbol: pick('symbol')!,
      symbols: this.symbols.keys().sort(),
      type: pick('type'),
      typeCode: this.firstOf.typeCode ?? null,
      category: this.firstOf.category ?? null,
      number: this.firstOf.number ?? null,
      year: year === null ? null : Number(year),
      issuedOn: pick('issuedOn'),
      subject: subjectK === undefined ? null : (this.subjectText?.get(subjectK) ?? null),
      issuerCode: this.firstOf.issuerCode ?? null,
      issuer: pick('issuer'),
      scope: this.identity.scope,
      jurisdiction: this.identity.jurisdiction,
      jurisdictionCandidates: this.identity.jurisdictionCandidates ?? [],
      citations: this.citations,
      reports: this.reports,
      firstCitedYear: this.firstYear,
      lastCitedYear: this.lastYear,
      conflicts,
    };
  }
}
