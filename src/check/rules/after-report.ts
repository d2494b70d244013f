/**
 * ref.after-report — a cited document cannot be dated after the report that cites it (domain reference
 * §1.4 check c): compared with report.issuedOn, else with the end of the report's year.
 */
import type { CheckRule, RawFinding } from '../types.js';
import { evidenceOf, isCalendarDay, reportCutoff, viDate } from '../util.js';

export const afterReport: CheckRule = {
  id: 'ref.after-report',
  severity: 'warning',
  description: 'A cited document must not be dated after the report itself',
  premise: 'A report can only cite documents issued on or before its own date (or the end of its year)',
  premiseVi: 'Báo cáo chỉ có thể viện dẫn văn bản ban hành trước hoặc cùng ngày với báo cáo (hoặc trước cuối năm báo cáo)',
  confidence: 0.8,
  run({ report }) {
    const out: RawFinding[] = [];
    const cutoff = reportCutoff(report);
    if (!cutoff) return out;
    const byIssue = report.report.issuedOn !== undefined;
    for (const r of report.references) {
      if (!r.issuedOn || !isCalendarDay(r.issuedOn) || r.issuedOn <= cutoff) continue;
      out.push({
        message: byIssue
          ? `${r.symbol ?? r.name} is dated ${viDate(r.issuedOn)}, after the report itself (${viDate(cutoff)})`
          : `${r.symbol ?? r.name} is dated ${viDate(r.issuedOn)}, after the end of the report's year (${viDate(cutoff)})`,
        messageVi: byIssue
          ? `Văn bản ${r.symbol ?? r.name} ghi ngày ${viDate(r.issuedOn)}, sau ngày ban hành báo cáo (${viDate(cutoff)})`
          : `Văn bản ${r.symbol ?? r.name} ghi ngày ${viDate(r.issuedOn)}, sau năm báo cáo (${viDate(cutoff)})`,
        evidence: [evidenceOf(r)],
        facts: [r.id],
      });
    }
    return out;
  },
};
