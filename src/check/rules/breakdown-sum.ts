/**
 * sum.breakdown — parts linked to a total (`metrics[].parent`, set by the extractor for
 * `36, trong đó: Khối Văn phòng Sở: 24; Chi cục: 12`) must add up to it.
 * - two or more parts: their sum must equal the total when the list claims to be complete (`gồm`, `namely`, a
 *   list of `Label: value` parts); after `trong đó` / `of which` / `including` the parts may be a subset, so only a sum
 *   above the total is flagged;
 * - one part: it must not exceed the total (`51 TTHC (trong đó: 51 TTHC mức 4)` is fine).
 * Tolerance: exact for counts; 5% (at least 1) when the total or a part is approximate (`khoảng`);
 * 0.5% for money (rounded amounts). Percent parts are compared only with percent totals.
 * Parts marked as overlapping (`một phần`) are left out; totals of a known identity (reviewed,
 * received, resolved) whose parts are that identity's terms are left to sum.identity, which knows which
 * terms add up (`đang giải quyết` is not a part of `đã giải quyết`).
 */
import type { Metric } from '../../model/report.js';
import type { CheckRule, RawFinding } from '../types.js';
import { evidenceOf, fmt, isApproximate, NON_ADDITIVE, roleText } from '../util.js';
import { IDENTITIES } from './identity-sum.js';

const ADDITIVE = new Set<Metric['kind']>(['count', 'money', 'quantity', 'percent']);

export const breakdownSum: CheckRule = {
  id: 'sum.breakdown',
  severity: 'warning',
  description: 'Parts listed under a total must add up to the total',
  run({ report, text }) {
    const out: RawFinding[] = [];
    const byId = new Map(report.metrics.map((m) => [m.id, m]));
    const parts = new Map<string, Metric[]>();
    for (const m of report.metrics) {
      if (!m.parent || !byId.has(m.parent)) continue;
      const list = parts.get(m.parent) ?? [];
      list.push(m);
      parts.set(m.parent, list);
    }
    for (const [pid, list] of parts) {
      const total = byId.get(pid)!;
      if (!ADDITIVE.has(total.kind)) continue;
      // totals of a known identity (reviewed, received, resolved) are checked term by term by sum.identity
      const tr = roleText(total, text);
      const partRoles = list.map((p) => roleText(p, text));
      const deferred = IDENTITIES.some(
        (idn) =>
          (idn.total.test(tr) || idn.intermediate?.role.test(tr)) &&
          partRoles.some((pr) => idn.terms.some((t) => t.test(pr)) || idn.intermediate?.role.test(pr)),
      );
      if (deferred) continue;
      const same = list.filter((p) => p.kind === total.kind && !NON_ADDITIVE.test(roleText(p, text)));
      if (same.length === 0) continue;
      const sum = same.reduce((a, p) => a + p.value, 0);
      const approx = isApproximate(total, text) || same.some((p) => isApproximate(p, text));
      let tol = 1e-9;
      if (total.kind === 'money') tol = Math.abs(total.value) * 0.005;
      if (total.kind === 'percent') tol = 0.15 * same.length;
      if (approx) tol = Math.max(tol, Math.abs(total.value) * 0.05, 1);
      // `trong đó` / `of which` / `including` without a colon often names only some parts: a shortfall then is
      // not an error (parts exceeding the total still are); `gồm`, `namely` and colon lists claim to be complete
      const lead = text ? text.slice(total.span.end, same.reduce((m, p) => Math.min(m, p.span.start), Infinity)) : '';
      const labelled = text !== undefined && same.every((p) => /:[ ]*$/.test(text.slice(Math.max(0, p.span.start - 3), p.span.start)));
      const exhaustive = !text || /(gồm|[Nn]amely|consist(s|ing) of|[Cc]ụ thể)/.test(lead) || labelled;
      const over = sum - total.value > tol;
      const bad = same.length >= 2 ? over || (exhaustive && Math.abs(sum - total.value) > tol) : over;
      if (!bad) continue;
      const partsText = same.map((p) => fmt(p.value)).join(' + ');
      out.push({
        message:
          same.length >= 2
            ? `Parts do not add up to the total: ${partsText} = ${fmt(sum)}, but the total is ${fmt(total.value)}`
            : `A part (${fmt(sum)}) is larger than its total (${fmt(total.value)})`,
        messageVi:
          same.length >= 2
            ? `Các số liệu thành phần không khớp với tổng: ${partsText} = ${fmt(sum)}, nhưng tổng là ${fmt(total.value)}`
            : `Số liệu thành phần (${fmt(sum)}) lớn hơn tổng (${fmt(total.value)})`,
        evidence: [evidenceOf(total), ...same.map((p) => evidenceOf(p))],
        facts: [total.id, ...same.map((p) => p.id)],
      });
    }
    return out;
  },
};
