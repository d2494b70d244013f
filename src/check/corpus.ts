/**
 * Rule corpora: each rule has a sibling `<rule>.corpus.ts` listing cases that must fire and cases that
 * must not (Duckling style: the corpus is the test, see test/check-rules.test.ts). A case is a piece of
 * report text plus the facts the extractor is expected to produce for it, located by the substring they
 * cover (`at`), so the spans are real offsets into the text.
 */
import type { DateFact, Metric, Reference, Report } from '../model/report.js';
import { parseSymbol } from './util.js';

/** A substring of the case text; `[s, n]` is the n-th (0-based) occurrence of s. */
export type At = string | [string, number];

export interface MetricSpec {
  at: At;
  /** local handle (the id becomes `m:<key>`), used by `parent` */
  key?: string;
  kind?: Metric['kind'];
  value: number;
  label?: string;
  unit?: string;
  indicator?: string;
  parent?: string;
  denominator?: number;
  approximate?: boolean;
  /** a planned or required figure (metric.target), never an actual */
  target?: boolean;
}

export interface RefSpec {
  at: At;
  symbol: string;
  issuedOn?: string;
  type?: string;
  category?: Reference['category'];
  subject?: string;
  issuer?: string;
}

export interface DateSpec {
  at: At;
  value: string;
  precision?: DateFact['precision'];
}

export interface CorpusCase {
  name: string;
  text: string;
  report?: Report['report'];
  metrics?: MetricSpec[];
  references?: RefSpec[];
  dates?: DateSpec[];
  /** existing findings (e.g. from the extractor) */
  findings?: Report['findings'];
  /** how many findings of this rule must come out (0: must not fire) */
  expect: number;
  /** when given, each finding's evidence must include a span with this text */
  evidence?: string[];
  /** run the rule without the text (facts only) */
  withoutText?: boolean;
}

export function locate(text: string, at: At): { start: number; end: number; text: string } {
  const [needle, nth] = typeof at === 'string' ? [at, 0] : at;
  let from = 0;
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, from);
    if (idx < 0) throw new Error(`corpus: "${needle}" (#${nth}) not in text`);
    from = idx + 1;
  }
  return { start: idx, end: idx + needle.length, text: needle };
}

const RID = 'rpt_00000000c0de0000';

/** Build a Report (schema-shaped) from a corpus case. */
export function caseReport(c: CorpusCase): Report {
  const metrics: Metric[] = (c.metrics ?? []).map((m, i) => {
    const loc = locate(c.text, m.at);
    const out: Metric = {
      id: `${RID}:met:${m.key ?? i}`,
      kind: m.kind ?? 'count',
      value: m.value,
      label: m.label ?? loc.text,
      text: loc.text,
      span: { start: loc.start, end: loc.end },
      rule: 'corpus',
    };
    if (m.unit !== undefined) out.unit = m.unit;
    if (m.indicator !== undefined) out.indicator = m.indicator;
    if (m.parent !== undefined) out.parent = `${RID}:met:${m.parent}`;
    if (m.denominator !== undefined) out.denominator = m.denominator;
    if (m.approximate !== undefined) out.approximate = m.approximate;
    if (m.target !== undefined) out.target = m.target;
    return out;
  });
  const references: Reference[] = (c.references ?? []).map((r) => {
    const loc = locate(c.text, r.at);
    const p = parseSymbol(r.symbol);
    const out: Reference = {
      id: `${RID}:ref:${loc.start}-${loc.end}`,
      type: r.type ?? 'van-ban',
      category: r.category ?? (p?.year !== undefined ? 'normative' : p?.typeCode ? 'administrative' : 'cong-van'),
      number: p?.numberText ?? '0',
      symbol: r.symbol,
      text: loc.text,
      span: { start: loc.start, end: loc.end },
      rule: 'corpus',
    };
    if (p?.year !== undefined) out.year = p.year;
    if (p?.typeCode !== undefined) out.typeCode = p.typeCode;
    if (p?.issuerCode !== undefined) out.issuerCode = p.issuerCode;
    if (r.issuedOn !== undefined) out.issuedOn = r.issuedOn;
    if (r.subject !== undefined) out.subject = r.subject;
    if (r.issuer !== undefined) out.issuer = r.issuer;
    return out;
  });
  const dates: DateFact[] = (c.dates ?? []).map((d) => {
    const loc = locate(c.text, d.at);
    return {
      id: `${RID}:date:${loc.start}-${loc.end}`,
      value: d.value,
      precision: d.precision ?? 'day',
      text: loc.text,
      span: { start: loc.start, end: loc.end },
      rule: 'corpus',
    };
  });
  return {
    schemaVersion: '1.0',
    id: RID,
    language: 'vi',
    pipeline: { name: 'corpus', version: '0' },
    source: { path: 'corpus.txt', sha256: '0'.repeat(64), mediaType: 'text/plain', bytes: c.text.length },
    report: c.report ?? {},
    sections: [],
    references,
    dates,
    metrics,
    findings: c.findings ?? [],
  };
}
