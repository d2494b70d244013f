/**
 * Single-report auditor checks (issue 6), run by the pipeline on every Report before validation.
 * Each rule (src/check/rules/*.ts) is a small module with an id, a severity and a corpus of cases that
 * must and must not fire. Cross-report checks over a batch folder live in ./cross.ts.
 */
import type { Finding, Report } from '../model/report.js';
import { factId } from '../util/hash.js';
import { RULES } from './rules/index.js';
import { CONFIDENT, type CheckRule } from './types.js';
import { work } from './work.js';

export type { CheckRule, RawFinding, Severity } from './types.js';

/** All single-report rules (id, severity, description). */
export function checkRules(): CheckRule[] {
  return RULES.map((r) => r.rule);
}

/** Runs one rule and gives its findings stable ids (`<reportId>:fnd-<rule>:<start>-<end>` of the first evidence). */
export function runRule(rule: CheckRule, report: Report, text?: string): Finding[] {
  const t = report.text ?? text;
  const raw = rule.run(t === undefined ? { report } : { report, text: t });
  const out: Finding[] = [];
  const used = new Set<string>();
  /** next suffix to try per base id (findings sharing a first evidence get .2, .3, … in O(1) each) */
  const next = new Map<string, number>();
  for (const r of raw) {
    const first = r.evidence[0];
    const base = factId(report.id, `fnd-${rule.id}`, first?.start ?? 0, first?.end ?? 0);
    let id = base;
    if (used.has(id)) {
      let n = next.get(base) ?? 2;
      while (used.has(`${base}.${n}`)) n++, work.steps++;
      id = `${base}.${n}`;
      next.set(base, n + 1);
    }
    used.add(id);
    const confidence = r.confidence ?? rule.confidence;
    const f: Finding = {
      id,
      rule: rule.id,
      severity: r.severity ?? (confidence >= CONFIDENT ? rule.severity : 'info'),
      message: r.message,
      messageVi: r.messageVi,
      evidence: r.evidence,
    };
    if (r.facts && r.facts.length) f.facts = r.facts;
    if (r.arithmetic !== undefined) f.arithmetic = r.arithmetic;
    f.premise = r.premise ?? rule.premise;
    f.premiseVi = r.premiseVi ?? rule.premiseVi;
    f.confidence = Math.round(confidence * 100) / 100;
    out.push(f);
  }
  return out;
}

/**
 * Findings of every single-report rule. `text` is the normalized text (report.text wins when present);
 * without it the rules that need the wording (enumeration counts, the words around a number) do less.
 */
export function checkReport(report: Report, text?: string): Finding[] {
  const out: Finding[] = [];
  for (const { rule } of RULES) {
    try {
      for (const f of runRule(rule, report, text)) out.push(f);
    } catch (err) {
      // a rule bug must never lose the report: say so as an info finding
      out.push({
        id: factId(report.id, `fnd-check.internal`, 0, 0) + `.${rule.id}`,
        rule: 'check.internal',
        severity: 'info',
        message: `check rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`,
        evidence: [],
      });
    }
  }
  return out;
}

/** Rule ids of the single-report checks. */
export function checkRuleIds(): Set<string> {
  return new Set(RULES.map((r) => r.rule.id));
}

/**
 * A report's findings with the checks (re)run on the given text: the extractor's and ingester's
 * findings are kept, the check findings are replaced (`date.impossible` is shared with the date
 * extractor, which runs first; the check never repeats a span the extractor flagged).
 */
export function recheck(report: Report, text?: string): Finding[] {
  const ids = checkRuleIds();
  const kept = report.findings.filter((f) => !ids.has(f.rule) || isExtractorFinding(f));
  return [...kept, ...checkReport({ ...report, findings: kept }, text)];
}

/** `date.impossible` findings of the date extractor name no facts (the check's always do). */
function isExtractorFinding(f: Finding): boolean {
  return f.rule === 'date.impossible' && f.facts === undefined;
}
