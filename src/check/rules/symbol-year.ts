/**
 * ref.symbol-year — the year written inside a normative symbol (`23/2023/QĐ-UBND`) must be the year of
 * the document's signing date (domain reference §1.4 check b). Only references with a full issue date.
 */
import type { CheckRule, RawFinding } from '../types.js';
import { evidenceOf, parseSymbol, viDate, yearOf } from '../util.js';

export const symbolYear: CheckRule = {
  id: 'ref.symbol-year',
  severity: 'warning',
  description: 'The year inside a normative symbol must match the year of the issue date',
  premise: 'A normative document is numbered in the year it is signed: the /YYYY/ of its symbol is the year of its issue date',
  premiseVi: 'Văn bản quy phạm pháp luật được cấp số trong năm ký ban hành: năm /YYYY/ trong số ký hiệu phải trùng năm của ngày ban hành',
  confidence: 0.85,
  run({ report }) {
    const out: RawFinding[] = [];
    for (const r of report.references) {
      const symYear = r.year ?? parseSymbol(r.symbol ?? "")?.year;
      const dateYear = yearOf(r.issuedOn);
      if (symYear === undefined || dateYear === undefined || symYear === dateYear) continue;
      out.push({
        arithmetic: `${symYear} ≠ ${dateYear}`,
        message: `${r.symbol ?? r.name} carries the year ${symYear} but is dated ${viDate(r.issuedOn!)}`,
        messageVi: `Văn bản ${r.symbol ?? r.name} mang năm ${symYear} nhưng ghi ngày ban hành ${viDate(r.issuedOn!)}`,
        evidence: [evidenceOf(r)],
        facts: [r.id],
      });
    }
    return out;
  },
};
