/**
 * The checks on real fixture text through the real pipeline: planted inconsistencies found (≥ 95%),
 * clean reports quiet (≤ 1 false finding per 10), the seed's consistent figures silent and its
 * 286/KH-SKH&CN date flagged, and the other engineers' multi-year fixtures' conflicts and jumps found.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type EvalResult } from '../src/eval/checks.js';
import { processFile } from '../src/pipeline/process-file.js';
import { recheck } from '../src/check/index.js';
import { fromRoot } from '../src/util/package-root.js';

// the seed report (fixtures/text holds a byte-identical copy of ../shared/seed's; test/eval.test.ts checks that)
const SEED = fromRoot('fixtures', 'text', 'seed-cchc-2023-skhcn-tien-giang.txt');

// one evaluation for both blocks below (it runs the pipeline on ~140 reports)
let once: Promise<EvalResult> | undefined;
const evaluation = () => (once ??= evaluate());

describe('auditor checks on planted and clean fixtures', () => {
  let r: EvalResult;
  it('runs the evaluation', async () => {
    r = await evaluation();
    expect(r.planted).toBeGreaterThanOrEqual(20);
    expect(r.cleanReports).toBeGreaterThanOrEqual(10);
  });
  it('finds at least 95% of the planted inconsistencies', () => {
    expect(r.missed.map((m) => `${m.file} ${m.rule} ${m.at}`)).toEqual([]);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    // every kind of plant is there
    for (const rule of ['sum.breakdown', 'sum.identity', 'ratio.rate-mismatch', 'enum.count', 'percent.over-100', 'ref.symbol-year', 'ref.number-order', 'ref.date-year-suspect', 'ref.after-report', 'date.impossible', 'cross.yoy-jump', 'cross.document-date'])
      expect(r.byRule[rule]?.planted ?? 0, rule).toBeGreaterThan(0);
  });
  it('raises at most 1 false finding per 10 clean reports', () => {
    expect(r.falsePerTenClean).toBeLessThanOrEqual(1);
  });
  it('raises nothing unplanted on planted reports', () => {
    expect(r.plantedReportExtra).toEqual([]);
  });
  it('finds the conflicts and jumps of fixtures/multiyear with nothing else', () => {
    expect(r.independent!.crossFound).toBe(r.independent!.crossExpected);
    expect(r.independent!.crossExpected).toBeGreaterThan(0);
    expect(r.independent!.crossExtra).toEqual([]);
    expect(r.independent!.findings.length / r.independent!.reports).toBeLessThanOrEqual(0.1);
  });
});

describe('issue 17: generated reports (fixtures/audit) and the real texts', () => {
  let r: EvalResult;
  it('runs the evaluation', async () => {
    r = await evaluation();
    expect(r.audit?.cleanReports).toBe(9);
    expect(r.audit?.planted).toBe(9);
  });
  it('finds every plant of the generated planted reports, and nothing else there', () => {
    expect(r.audit!.missed.map((m) => `${m.file} ${m.rule} ${m.at}`)).toEqual([]);
    expect(r.audit!.plantedReportExtra).toEqual([]);
  });
  it('raises at most 1 warning per 10 clean reports over the real texts and the generated clean ones', () => {
    // the generated clean reports alone: none of the false alarms of issue 17 comes back
    expect(r.audit!.cleanFindings).toEqual([]);
    if (!r.realText) {
      console.warn('SKIPPED: ../shared/real-text is absent: the real-text part of the measure is not run');
      return;
    }
    expect(r.realText.reports).toBeGreaterThanOrEqual(42);
    expect(r.falsePerTenCleanAll).toBeLessThanOrEqual(1);
  });
});

describe('the seed report', () => {
  it('flags 286/KH-SKH&CN as a likely wrong year and nothing else', async () => {
    const report = await processFile(SEED, { includeText: true });
    const findings = recheck(report, report.text);
    expect(findings.map((f) => f.rule)).toEqual(['ref.date-year-suspect']);
    const f = findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.evidence[0]!.text).toContain('286/KH-SKH&CN ngày 02/3/2022');
    expect(report.text!.slice(f.evidence[0]!.start, f.evidence[0]!.end)).toBe(f.evidence[0]!.text);
    expect(f.message).toMatch(/likely 2023/);
    expect(f.messageVi).toMatch(/nhầm năm/);
    // stable ids: the same bytes give the same finding ids
    const again = await processFile(SEED, { includeText: true });
    expect(recheck(again, again.text).map((x) => x.id)).toEqual(findings.map((x) => x.id));
  });
});
