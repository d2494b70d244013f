/**
 * The Vietnamese rule corpora are the rules' tests: each case runs through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../src/ingest/text.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { sha256Hex } from '../src/util/hash.js';
import { REFERENCE_CORPUS } from '../src/extract/vi/corpus/references.corpus.js';
import { DATE_CORPUS } from '../src/extract/vi/corpus/dates.corpus.js';
import { METRIC_CORPUS } from '../src/extract/vi/corpus/metrics.corpus.js';
import { HEADER_CORPUS } from '../src/segment/header.corpus.js';
import { parseHeader } from '../src/segment/header.js';

function run(input: string, reportYear?: number) {
  const text = reportYear !== undefined ? `Báo cáo kết quả năm ${reportYear}\n${input}` : input;
  const doc = textToDocument(text, { path: 'corpus.txt', sha256: sha256Hex(text), mediaType: 'text/plain', bytes: text.length });
  const report = extractReport(doc, { language: 'vi' });
  const offset = reportYear !== undefined ? text.indexOf('\n') + 1 : 0;
  return { report, offset, text: doc.text };
}

describe('reference corpus', () => {
  for (const c of REFERENCE_CORPUS) {
    it(c.input.slice(0, 70), () => {
      const { report } = run(c.input);
      expect(report.references.map((r) => r.symbol)).toEqual(c.expected.map((e) => e.symbol));
      c.expected.forEach((e, i) => expect(report.references[i]).toMatchObject(e));
    });
  }
});

describe('date corpus', () => {
  for (const c of DATE_CORPUS) {
    it(c.input.slice(0, 70), () => {
      const { report, offset } = run(c.input, c.reportYear);
      const dates = report.dates.filter((d) => d.span.start >= offset);
      expect(dates.map((d) => d.value)).toEqual(c.expected.map((e) => e.value));
      c.expected.forEach((e, i) => expect(dates[i]).toMatchObject(e));
      const rules = report.findings.map((f) => f.rule);
      for (const f of c.findings ?? []) expect(rules).toContain(f);
    });
  }
});

describe('metric corpus', () => {
  for (const c of METRIC_CORPUS) {
    it(c.input.slice(0, 70), () => {
      const { report } = run(c.input);
      expect(report.metrics.map((m) => m.value)).toEqual(c.expected.map((e) => e.value));
      c.expected.forEach((e, i) => {
        const { parent, ...fields } = e;
        const m = report.metrics[i]!;
        expect(m).toMatchObject(fields);
        if (parent !== undefined) expect(m.parent).toBe(report.metrics[parent]!.id);
        else expect(m.parent).toBeUndefined();
        expect(m.label.length).toBeGreaterThan(0);
      });
    });
  }
});

describe('header corpus', () => {
  for (const c of HEADER_CORPUS) {
    it(c.input.split('\n').slice(0, 2).join(' / '), () => {
      expect(parseHeader(c.input, 'vi').meta).toMatchObject(c.expected);
    });
  }
});

describe('provenance', () => {
  it('every fact text is the exact slice of the normalized text at its span', () => {
    const input = REFERENCE_CORPUS.map((c) => c.input).join('\n') + '\n' + METRIC_CORPUS.map((c) => c.input).join('\n');
    const { report, text } = run(input);
    for (const f of [...report.references, ...report.dates, ...report.metrics]) {
      expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
      expect(f.rule).toMatch(/^(ref|date|metric)\./);
    }
  });
});
