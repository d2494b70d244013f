/**
 * The shape of a check rule (vfile-message style): an id, a severity, a one-line description, and a
 * pure function from a Report (plus, when known, its normalized text) to findings without ids.
 */
import type { Evidence, Finding, Report } from '../model/report.js';

export type Severity = 'error' | 'warning' | 'info';

/** What a rule returns; checkReport assigns the stable id. */
export interface RawFinding {
  message: string;
  messageVi: string;
  evidence: Evidence[];
  facts?: string[];
  /** overrides the severity that follows from the confidence */
  severity?: Severity;
  /** the comparison as numbers, e.g. `21 + 14 = 35 ≠ 33` */
  arithmetic?: string;
  /** why the arithmetic must hold here (defaults to the rule's premise) */
  premise?: string;
  premiseVi?: string;
  /** how sure the rule is that this is an inconsistency of the report, 0–1 (defaults to the rule's) */
  confidence?: number;
}

export interface CheckContext {
  report: Report;
  /** the normalized text, when known (report.text or the optional 2nd argument of checkReport) */
  text?: string;
}

export interface CheckRule {
  id: string;
  severity: Severity;
  /** one line, English */
  description: string;
  /** when the arithmetic must hold (and so when the rule fires), English and Vietnamese */
  premise: string;
  premiseVi: string;
  /** default confidence of a finding (0–1); below CONFIDENT a finding is an `info` note, not a warning */
  confidence: number;
  run(ctx: CheckContext): RawFinding[];
}

export type { Finding };

/** a finding at least this sure carries the rule's severity; a less sure one is an `info` note */
export const CONFIDENT = 0.6;
