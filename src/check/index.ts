/**
 * Single-report auditor checks (issue 6), run by the pipeline on every Report before validation.
 * Placeholder until the check rules land.
 */
import type { Finding, Report } from '../model/report.js';

export function checkReport(_report: Report): Finding[] {
  return [];
}
