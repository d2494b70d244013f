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
      // issue 17: every finding states its premise, its arithmetic where it has numbers, and how sure it is
      expect(f.premise).toMatch(/\S/);
      expect(f.premiseVi).toMatch(/\S/);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.severity).toBe(f.confidence! >= 0.6 ? rule.severity : 'info');
      if (/^(sum|ratio|percent|enum)\./.test(rule.id)) expect(f.arithmetic).toMatch(/[0-9]/);
      for (const e of f.evidence) expect(c.text.slice(e.start, e.end)).toBe(e.text);
      for (const want of c.evidence ?? []) expect(f.evidence.map((e) => e.text)).toContain(want);
    }
    // the findings fit the Report schema
    report.findings.push(...findings);
    assertValid('report', report);
  });
});

describe('hostile input', () => {
  it('checks a long adversarial text with many facts and returns', async () => {
    const { checkReport } = await import('../src/check/index.js');
    const parts: string[] = [];
    for (let i = 0; i < 2000; i++) parts.push(`gồm 0${i % 9} lĩnh vực: ${'lĩnh vực a, '.repeat(i % 7)}(Bản số ${'01, '.repeat(i % 11)}0001) khoảng 12, trong đó: 5; 8 `);
    const text = parts.join('\n') + '1, '.repeat(20000) + '(' + ' và'.repeat(5000);
    const report = caseReport({ name: 'hostile', text, expect: 0 });
    for (let i = 0; i < 400; i++) {
      report.metrics.push({ id: `m${i}`, kind: i % 3 ? 'count' : 'percent', value: i * 7, label: 'tiếp nhận hồ sơ', text: '12', span: { start: i * 40, end: i * 40 + 2 }, rule: 'x', ...(i % 5 ? { parent: `m${i - (i % 5)}` } : {}) });
      report.references.push({ id: `r${i}`, type: 'ke-hoach', category: 'administrative', number: String(1000 - i), symbol: `${1000 - i}/KH-SNV`, text: 'x', span: { start: i, end: i + 1 }, rule: 'x', issuedOn: `2023-${String((i % 12) + 1).padStart(2, '0')}-10` });
    }
    const findings = checkReport(report, text);
    expect(Array.isArray(findings)).toBe(true);
    expect(findings.every((f) => f.rule !== 'check.internal')).toBe(true);
  });
});
