/**
 * date.impossible — a day that does not exist (`30/02/2023`, `31/4/2023`). The date extractor emits
 * this rule for dates it rejects; this check covers dates and reference issue dates that reached the
 * Report anyway, and never repeats a finding the extractor already made for the same span.
 */
import type { CheckRule, RawFinding } from '../types.js';
import { evidenceOf, isCalendarDay, SpanSet } from '../util.js';

export const impossibleDate: CheckRule = {
  id: 'date.impossible',
  severity: 'warning',
  description: 'A date must exist in the calendar',
  premise: 'A written day must exist in the calendar',
  premiseVi: 'Ngày được ghi phải có thật trong lịch',
  confidence: 0.95,
  run({ report }) {
    const out: RawFinding[] = [];
    const evidence = report.findings.filter((f) => f.rule === 'date.impossible').flatMap((f) => f.evidence);
    const seen = new SpanSet([...evidence, ...report.dates.map((d) => d.span), ...report.references.map((r) => r.span)]);
    for (const e of evidence) seen.add(e);
    const covered = (s: { start: number; end: number }) => seen.overlaps(s);
    for (const d of report.dates) {
      if (d.precision !== 'day' || isCalendarDay(d.value) || covered(d.span)) continue;
      seen.add(d.span);
      out.push({
        message: `Impossible date: ${d.text}`,
        messageVi: `Ngày không tồn tại: ${d.text}`,
        evidence: [evidenceOf(d)],
        facts: [d.id],
      });
    }
    for (const r of report.references) {
      if (!r.issuedOn || isCalendarDay(r.issuedOn) || covered(r.span)) continue;
      seen.add(r.span);
      out.push({
        message: `Impossible issue date for ${r.symbol ?? r.name}: ${r.issuedOn}`,
        messageVi: `Ngày ban hành không tồn tại của văn bản ${r.symbol ?? r.name}: ${r.issuedOn}`,
        evidence: [evidenceOf(r)],
        facts: [r.id],
      });
    }
    return out;
  },
};
