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
  /** overrides the rule's default severity for this finding */
  severity?: Severity;
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
  run(ctx: CheckContext): RawFinding[];
}

export type { Finding };
