/**
 * Every check rule against its corpus (src/check/rules/*.corpus.ts): cases that must fire (with the
 * expected evidence) and cases that must not.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/rules/index.js';
import { caseReport } from '../src/check/corpus.js';
import { runRule } from '../src/check/index.js';
import { assertValid } from '../src/validate/validate.js';

describe.each(RULES.map((r) => [r.rule.id, r] as const))('rule %s', (_id, { rule, corpus }) => {
  it('has cases that must fire and cases that must not', () => {
    expect(corpus.some((c) => c.expect > 0)).toBe(true);
    expect(corpus.some((c) => c.expect === 0)).toBe(true);
  });
  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const report = caseReport(c);
    const findings = runRule(rule, report, c.withoutText ? undefined : c.text);
    expect(findings.map((f) => f.message), c.name).toHaveLength(c.expect);
    for (const f of findings) {
      expect(f.rule).toBe(rule.id);
      expect(f.message).toMatch(/\S/);
      expect(f.messageVi).toMatch(/\S/);
      for (const e of f.evidence) expect(c.text.slice(e.start, e.end)).toBe(e.text);
      for (const want of c.evidence ?? []) expect(f.evidence.map((e) => e.text)).toContain(want);
    }
    // the findings fit the Report schema
    report.findings.push(...findings);
    assertValid('report', report);
  });
});
