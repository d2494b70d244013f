/**
 * ratio.part-exceeds-whole — an `x/y` figure (kind ratio, value/denominator) with x > y
 *   (`15/12 xã`); frequencies and scores are not ratios and are not checked.
 * ratio.rate-mismatch — a stated rate must match its numerator and denominator, up to rounding:
 *   - a percent in the same sentence as one `x/y` ratio (`950/1.000 hồ sơ, đạt 95%`);
 *   - a percent introduced by `đạt`/`chiếm`/`tỷ lệ` after exactly two counts of the same unit in the same
 *     sentence (`tiếp nhận 1.000 hồ sơ, giải quyết 950 hồ sơ, đạt tỷ lệ 95%`).
 *   Rounding tolerance: half a unit of the last written decimal, plus truncation (95,8% written as 95%).
 * Premise (issue 17): the percent states the result of that x/y. A target is never an actual — a percent
 *   the extractor marks as a target (metric.target: `chỉ tiêu đề ra là tối thiểu 20%`, `phấn đấu đạt 80%`)
 *   is not compared with the achieved ratio beside it (`38/124 UBND cấp xã, chỉ tiêu đề ra là tối thiểu 20%`),
 *   nor is a ratio that is itself a target. A percent of a change (`tăng 5%`) is not a share of x/y either.
 *   Confidence 0.9 for a ratio right before the percent, 0.75 for two counts (which is the part is inferred).
 */
import type { Metric } from '../../model/report.js';
import type { CheckRule, RawFinding } from '../types.js';
import { evidenceOf, fmt, fmtVi, isApproximate, sentenceBounds, startingWithin } from '../util.js';
import { foldForMatch } from '../../normalize/fold.js';

export const partExceedsWhole: CheckRule = {
  id: 'ratio.part-exceeds-whole',
  severity: 'warning',
  description: 'In an x/y figure the part x must not exceed the whole y',
  premise: 'An x/y figure counts x items out of y of the same kind, so x cannot exceed y',
  premiseVi: 'Số liệu x/y đếm x trong tổng số y cùng loại, nên x không thể lớn hơn y',
  confidence: 0.9,
  run({ report }) {
    const out: RawFinding[] = [];
    for (const m of report.metrics) {
      if (m.kind !== 'ratio' || m.denominator === undefined || m.target) continue;
      if (m.value > m.denominator) {
        out.push({
          arithmetic: `${fmt(m.value)} > ${fmt(m.denominator)}`,
          message: `${fmt(m.value)} out of ${fmt(m.denominator)}: the part is larger than the whole`,
          messageVi: `${fmtVi(m.value)}/${fmtVi(m.denominator)}: số thành phần lớn hơn tổng số`,
          evidence: [evidenceOf(m)],
          facts: [m.id],
        });
      }
    }
    return out;
  },
};

/** decimals written in a percent's text (`95,5%` → 1) */
function decimals(m: Metric): number {
  const d = /[0-9][.,]([0-9]+)\s*%/.exec(m.text);
  return d ? d[1]!.length : 0;
}

function rateMatches(pct: Metric, num: number, den: number, text?: string): boolean {
  if (den <= 0) return true;
  const actual = (100 * num) / den;
  const unit = Math.pow(10, -decimals(pct));
  let tol = unit * 0.5 + 1e-9;
  // truncation (95,8 → 95) and a little slack for percentages the writer rounded twice
  if (actual >= pct.value && actual - pct.value < unit) return true;
  if (isApproximate(pct, text)) tol = Math.max(tol, 1);
  return Math.abs(actual - pct.value) <= tol;
}

const RATE_CUE = /(đạt|chiếm|tỷ lệ|tỉ lệ|bằng|đạt tỷ lệ|đạt tỉ lệ|reaching|or)\s*[:]?\s*$/;

export const rateMismatch: CheckRule = {
  id: 'ratio.rate-mismatch',
  severity: 'warning',
  description: 'A stated rate must match its numerator and denominator (rounding tolerance)',
  premise: 'A percent stated as the result of an x/y (an actual, not a target or a change) equals 100·x/y up to the rounding of its last written decimal',
  premiseVi: 'Tỷ lệ phần trăm nêu là kết quả của x/y (số thực hiện, không phải chỉ tiêu hay mức tăng giảm) phải bằng 100·x/y, sai số làm tròn theo chữ số thập phân cuối',
  confidence: 0.9,
  run({ report, text }) {
    const out: RawFinding[] = [];
    const ms = [...report.metrics].sort((a, b) => a.span.start - b.span.start);
    const percents = ms.filter((m) => m.kind === 'percent');
    for (const pct of percents) {
      // a growth or fall against an earlier period is not a share of x/y; achievement of a plan (`đạt 85% kế hoạch`) is
      if (pct.value < 0 || pct.target || (pct.change !== undefined && pct.change.baseline !== 'plan' && pct.change.baseline !== 'target')) continue;
      let inSentence: Metric[];
      if (text !== undefined) {
        const sb = sentenceBounds(text, pct.span.start);
        inSentence = startingWithin(ms, sb.start, sb.end).filter((m) => m !== pct && m.span.end <= sb.end);
      } else {
        // without the text: only a ratio right before the percent (`950/1.000 hồ sơ, đạt 95%`)
        inSentence = startingWithin(ms, pct.span.start - 400, pct.span.start).filter(
          (m) => m.section === pct.section && m.span.end <= pct.span.start && pct.span.start - m.span.end < 40,
        );
      }
      // (a) one x/y in the sentence, right before the percent
      const ratios = inSentence.filter((m) => m.kind === 'ratio' && !m.target && m.denominator !== undefined && m.span.end <= pct.span.start);
      if (ratios.length >= 1) {
        const r = ratios[ratios.length - 1]!;
        const between = text?.slice(r.span.end, pct.span.start) ?? '';
        if (between.length > 120 || /[0-9]%/.test(between)) continue;
        if (!rateMatches(pct, r.value, r.denominator!, text)) {
          out.push(finding(pct, r.value, r.denominator!, [r]));
        }
        continue;
      }
      // (b) two counts of the same unit, then `đạt`/`chiếm` the percent
      if (text === undefined) continue;
      const cue = foldForMatch(text.slice(Math.max(0, pct.span.start - 20), pct.span.start));
      if (!RATE_CUE.test(cue)) continue;
      const counts = inSentence.filter((m) => m.kind === 'count' && !m.target && m.span.end <= pct.span.start);
      if (counts.length !== 2) continue;
      const [a, b] = counts as [Metric, Metric];
      const unitA = foldForMatch(a.unit ?? '');
      const unitB = foldForMatch(b.unit ?? '');
      if (unitA === '' || unitA !== unitB) continue;
      // no other percent between the counts and this one
      if (startingWithin(percents, a.span.start + 1, pct.span.start).length > 0) continue;
      const [num, den] = a.value >= b.value ? [b, a] : [a, b];
      if (!rateMatches(pct, num.value, den.value, text)) out.push({ ...finding(pct, num.value, den.value, [den, num]), confidence: 0.75 });
    }
    return out;
  },
};

function finding(pct: Metric, num: number, den: number, parts: Metric[]): RawFinding {
  const actual = (100 * num) / den;
  const shown = Math.round(actual * 100) / 100;
  return {
    arithmetic: `${fmt(num)}/${fmt(den)} = ${fmt(shown)}% ≠ ${fmt(pct.value)}%`,
    message: `Stated rate ${fmt(pct.value)}% does not match ${fmt(num)}/${fmt(den)} = ${fmt(shown)}%`,
    messageVi: `Tỷ lệ ${fmtVi(pct.value)}% không khớp với ${fmtVi(num)}/${fmtVi(den)} = ${fmtVi(shown)}%`,
    evidence: [evidenceOf(pct), ...parts.map((p) => evidenceOf(p))],
    facts: [pct.id, ...parts.map((p) => p.id)],
  };
}
