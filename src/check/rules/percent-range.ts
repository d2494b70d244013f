/**
 * percent.over-100 — a share above 100% is impossible (`105% văn bản đến`), unless the text says it is
 * a comparison: against a plan or target (`đạt 112% kế hoạch`, `so với chỉ tiêu`), a growth
 * (`tăng 120%`, `so với cùng kỳ`), an excess (`vượt`), a budget estimate (`dự toán`, `of the estimate`), or a
 * capacity use (`công suất sử dụng giường bệnh đạt 104,3%`).
 */
import type { CheckRule, RawFinding } from '../types.js';
import { clauseStart, evidenceOf, fmt, fmtVi } from '../util.js';
import { foldForMatch } from '../../normalize/fold.js';

const COMPARISON = /kế hoạch|chỉ tiêu|so với|cùng kỳ|tăng|giảm|vượt|dự toán|tăng trưởng|mục tiêu|gấp|công suất|growth|increase|target|plan|compared|estimate|budget|year-on-year|capacity|occupancy/;

export const percentOver100: CheckRule = {
  id: 'percent.over-100',
  severity: 'warning',
  description: 'A percentage share above 100 is impossible unless it compares with a plan, target or earlier period',
  premise: 'A share of a whole (not a comparison with a plan, target, budget, capacity or an earlier period, and not a target itself) lies between 0 and 100%',
  premiseVi: 'Tỷ lệ là một phần của tổng thể (không phải so sánh với kế hoạch, chỉ tiêu, dự toán, công suất hay kỳ trước, và không phải chỉ tiêu) nằm trong khoảng 0–100%',
  confidence: 0.8,
  run({ report, text }) {
    const out: RawFinding[] = [];
    for (const m of report.metrics) {
      if (m.kind !== 'percent' || m.value <= 100 || m.target || m.change !== undefined) continue;
      let ctx = `${m.label} ${m.indicator ?? ''} ${m.text}`;
      if (text !== undefined) {
        const cs = clauseStart(text, m.span.start, 120);
        let after = text.slice(m.span.end, Math.min(text.length, m.span.end + 60));
        const stop = after.search(/[;.\n]/);
        if (stop >= 0) after = after.slice(0, stop);
        ctx += ' ' + text.slice(cs, m.span.start) + ' ' + after;
      }
      if (COMPARISON.test(foldForMatch(ctx))) continue;
      out.push({
        arithmetic: `${fmt(m.value)}% > 100%`,
        message: `Percentage above 100: ${fmt(m.value)}%`,
        messageVi: `Tỷ lệ vượt quá 100%: ${fmtVi(m.value)}%`,
        evidence: [evidenceOf(m)],
        facts: [m.id],
      });
    }
    return out;
  },
};
