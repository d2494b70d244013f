/**
 * Every single-report check rule is O(n log n) in the number of facts: each rule runs on generated reports of
 * 5,000 and 50,000 facts shaped to be its worst case (one issuer and year for every reference with numbers
 * out of date order, a total with thousands of parts, every date impossible, many findings on one span…),
 * and its work is counted, not timed: every read of a fact's properties (the facts are proxies) plus the
 * steps the rules count over what they derive from the facts (src/check/work.ts). From 5,000 to 50,000
 * facts the count may grow about 10 × log(50,000)/log(5,000) ≈ 12.7 times; quadratic work grows 100 times.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/rules/index.js';
import { runRule } from '../src/check/index.js';
import { work } from '../src/check/work.js';
import { prng } from '../src/util/prng.js';
import type { DateFact, Metric, Reference, Report } from '../src/model/report.js';

let reads = 0;
const wrapped = new WeakMap<object, object>();
/** A read-counting view of a fact (nested objects too). */
function counted<T extends object>(o: T): T {
  const known = wrapped.get(o);
  if (known) return known as T;
  const p = new Proxy(o, {
    get(target, key, recv) {
      reads++;
      const v = Reflect.get(target, key, recv) as unknown;
      return v !== null && typeof v === 'object' ? counted(v) : v;
    },
  });
  wrapped.set(o, p);
  return p;
}


/** A report of n references, n metrics and n dates, with its text (every span points at its text). */
function hostileReport(n: number): { report: Report; text: string } {
  // fixed seed: the report must be the same on every run
  const rand = prng(20);
  const parts: string[] = [];
  let len = 0;
  const put = (s: string) => {
    const start = len;
    parts.push(s);
    len += s.length;
    return { start, end: len };
  };
  const id = 'rpt_0000000000000000';
  const references: Reference[] = [];
  for (let i = 0; i < n; i++) {
    // one issuer, one type; numbers a random permutation, dates random over three years
    const num = 1 + Math.floor(rand() * n);
    const y = 2022 + (i % 3);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const symbol = `${num}/KH-UBND`;
    put('Thực hiện ');
    const span = put(`Kế hoạch số ${symbol} ngày ${d}/${m}/${y}`);
    put(` về công tác năm ${y + (i % 2)}; `);
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    references.push({
      id: `${id}:ref:${span.start}-${span.end}`,
      type: 'ke-hoach',
      category: 'administrative',
      typeCode: 'KH',
      number: String(num),
      year: y - 1 + (i % 2), // half of them with another year than their date (symbol-year)
      symbol,
      key: symbol,
      issuerCode: 'UBND',
      issuedOn: i % 7 === 0 ? `${y}-02-30` : iso,
      text: `Kế hoạch số ${symbol} ngày ${d}/${m}/${y}`,
      span,
      rule: 'ref.test',
    } as Reference);
  }
  put('\n');
  const metrics: Metric[] = [];
  const metric = (kind: Metric['kind'], value: number, text: string, extra: Partial<Metric> = {}): Metric => {
    const span = put(text);
    const m = { id: `${id}:met:${span.start}-${span.end}`, kind, value, text, span, label: 'hồ sơ', unit: 'hồ sơ', rule: 'met.test', ...extra } as Metric;
    metrics.push(m);
    return m;
  };
  // one total with a quarter of the metrics as its parts (sum.breakdown), then sentences of the other rules
  const total = metric('count', 10, '10 hồ sơ');
  put(', trong đó: ');
  for (let i = 0; i < n / 4; i++) {
    metric('count', 3, '3 hồ sơ', { parent: total.id });
    put(', ');
  }
  put('.\n');
  while (metrics.length < n) {
    put('Tiếp nhận ');
    metric('count', 100, '100 hồ sơ');
    put(', đúng hạn ');
    metric('count', 50, '50 hồ sơ');
    put(', trễ hạn ');
    metric('count', 20, '20 hồ sơ');
    put(', đang giải quyết ');
    metric('count', 10, '10 hồ sơ');
    put('; đã giải quyết ');
    metric('ratio', 120, '120/100 hồ sơ', { denominator: 100 });
    put(', đạt ');
    metric('percent', 135, '135%', { unit: '%' });
    put('.\n');
  }
  const dates: DateFact[] = [];
  for (let i = 0; i < n; i++) {
    const span = put(`30/02/${2000 + (i % 24)}`);
    dates.push({ id: `${id}:date:${span.start}-${span.end}`, value: `${2000 + (i % 24)}-02-30`, precision: 'day', text: '30/02', span, rule: 'date.test' } as DateFact);
    put('; ');
  }
  const text = parts.join('');
  const report = {
    schemaVersion: '1.0',
    id,
    language: 'vi',
    pipeline: { name: 'test', version: '1' },
    source: { path: 'x.txt', sha256: '0'.repeat(64), mediaType: 'text/plain', bytes: text.length, textLength: text.length },
    report: { year: 2024, issuedOn: '2024-06-30' },
    sections: [],
    references: references.map(counted),
    dates: dates.map(counted),
    metrics: metrics.map(counted),
    findings: [],
  } as unknown as Report;
  return { report, text };
}

function cost(rule: (typeof RULES)[number]['rule'], r: { report: Report; text: string }): { steps: number; findings: number } {
  reads = 0;
  work.steps = 0;
  const findings = runRule(rule, r.report, r.text).length;
  return { steps: reads + work.steps, findings };
}

describe('check rules on 50,000 facts: O(n log n) work, counted', () => {
  const small = hostileReport(5_000);
  const large = hostileReport(50_000);
  const bound = 12.7 * 1.6; // n log n growth with slack for constant terms; quadratic would be 100

  for (const { rule } of RULES) {
    it(rule.id, () => {
      const a = cost(rule, small);
      const b = cost(rule, large);
      const growth = b.steps / Math.max(1, a.steps);
      // on 50,000 facts at most a few hundred steps per fact (an n log n rule: log2(50,000) ≈ 16 per fact per pass)
      expect(b.steps, `${rule.id}: ${b.steps} steps for 50,000 facts (${a.steps} for 5,000)`).toBeLessThan(400 * 50_000);
      expect(growth, `${rule.id}: ${a.steps} → ${b.steps} steps`).toBeLessThan(bound);
      // the findings grow at most linearly too
      expect(b.findings).toBeLessThanOrEqual(Math.max(10, a.findings) * 12);
    });
  }

  it('the generated reports make the rules work (not an empty check)', () => {
    const fired = new Set<string>();
    for (const { rule } of RULES) if (runRule(rule, small.report, small.text).length > 0) fired.add(rule.id);
    for (const id of ['ref.number-order', 'ref.symbol-year', 'date.impossible', 'sum.breakdown', 'sum.identity', 'ratio.part-exceeds-whole', 'percent.over-100']) {
      expect([...fired], id).toContain(id);
    }
  });
});
