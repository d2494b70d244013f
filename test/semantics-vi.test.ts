/**
 * Issue 15: the must-fire / must-not-fire corpus of what each Vietnamese figure means
 * (src/extract/vi/corpus/semantics.corpus.ts), each case naming its rule, run through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../src/ingest/text.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { sha256Hex } from '../src/util/hash.js';
import { SEMANTIC_CORPUS } from '../src/extract/vi/corpus/semantics.corpus.js';
import { readNumberWords } from '../src/extract/vi/semantics.js';

function run(input: string) {
  const doc = textToDocument(input, { path: 'corpus.txt', sha256: sha256Hex(input), mediaType: 'text/plain', bytes: input.length });
  return { report: extractReport(doc, { language: 'vi' }), text: doc.text };
}

describe('semantics corpus', () => {
  for (const c of SEMANTIC_CORPUS) {
    it(`${c.rule}: ${c.input.slice(0, 60)}`, () => {
      const { report, text } = run(c.input);
      const byId = new Map(report.metrics.map((m) => [m.id, m]));
      for (const f of c.fire ?? []) {
        const hit = report.metrics.find((m) => m.text.replace(/\s+/g, ' ') === f.text);
        expect(hit, `${f.text} in ${JSON.stringify(report.metrics.map((m) => m.text))}`).toBeDefined();
        const { from, ...fields } = f;
        // a field given as undefined must be absent (`target: undefined`: not a target)
        const absent = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] === undefined);
        for (const k of absent) expect(hit, `${f.text}: ${k} must be absent`).not.toHaveProperty(k);
        expect(hit).toMatchObject(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
        if (from !== undefined) expect(byId.get(hit!.from!)?.text).toBe(from);
        // a label is clean text: no markup, no cut number at its start
        expect(hit!.label).not.toMatch(/^[0-9.,]|[*|_#]/);
      }
      for (const n of c.notFire ?? []) {
        const at = text.indexOf(n);
        expect(at, n).toBeGreaterThanOrEqual(0);
        const over = report.metrics.filter((m) => m.span.start < at + n.length && at < m.span.end);
        expect(over.map((m) => m.text), n).toEqual([]);
      }
    });
  }
  it('every rule of the corpus has a must-fire and the duration, range, number-word and not-figure rules a must-not-fire case', () => {
    const fire = new Set(SEMANTIC_CORPUS.filter((c) => c.fire?.length).map((c) => c.rule));
    const not = new Set(SEMANTIC_CORPUS.filter((c) => c.notFire?.length).map((c) => c.rule));
    for (const r of ['metric.duration', 'metric.range', 'metric.per', 'metric.multiplier', 'metric.change', 'metric.transition', 'metric.target', 'metric.number-words', 'metric.subject']) expect(fire.has(r), r).toBe(true);
    for (const r of ['metric.duration', 'metric.range', 'metric.multiplier', 'metric.target', 'metric.number-words', 'metric.not-figure']) expect(not.has(r), r).toBe(true);
  });
});

describe('number words', () => {
  it.each([
    ['hai mươi lăm', 25], ['mười tám', 18], ['một trăm lẻ năm', 105], ['một nghìn hai trăm', 1200], ['hai mươi mốt', 21], ['ba mươi tư', 34], ['năm mươi', 50], ['mười', 10], ['chín trăm chín mươi chín', 999], ['hai triệu', 2000000],
  ] as const)('%s = %d', (words, value) => {
    const r = readNumberWords(words.split(' '));
    expect(r).toEqual({ value, used: words.split(' ').length });
  });
  it('stops before a word that does not continue the number', () => {
    expect(readNumberWords(['mười', 'năm'])).toEqual({ value: 10, used: 1 });
    expect(readNumberWords(['lăm'])).toBeUndefined();
  });
});
