/**
 * sum.breakdown — parts linked to a total (`metrics[].parent`, set by the extractor for
 * `36, trong đó: Khối Văn phòng Sở: 24; Chi cục: 12`) must add up to it.
 * - two or more parts: their sum must equal the total when the list claims to be complete (`gồm`, `namely`, a
 *   list of `Label: value` parts); after `trong đó` / `of which` / `including` the parts may be a subset, so only a sum
 *   above the total is flagged;
 * - one part: it must not exceed the total (`51 TTHC (trong đó: 51 TTHC mức 4)` is fine).
 * Tolerance: exact for counts; 5% (at least 1) when the total or a part is approximate (`khoảng`);
 * 0.5% for money (rounded amounts). Percent parts are compared only with percent totals.
 * Premise (issue 17): a figure is a part only when it counts the total's own thing — the same counted noun
 * or unit (`65 TTHC, trong đó: 25 TTHC … và 40 TTHC`; `TTHC` is the initials of `thủ tục hành chính`), or a
 * labelled item without a noun of its own (`Khối Văn phòng Sở: 24`). A figure of another noun linked to the
 * total (`… ; thuộc 04 lĩnh vực`) describes the total, it is not one of its parts: it is left out of the sum.
 * When no part counts the total's noun, parts with nouns of their own are its categories (`64 biên chế (54 công
 * chức, 13 hợp đồng lao động)`) only if they form one list right after the total, without a clause break
 * (confidence 0.75). A target (`chỉ tiêu`, metric.target) is never a part. The arithmetic need not hold — and nothing fires —
 * when fewer than one part remains, or when `trong đó` lists only some parts and their sum stays below the total.
 * Confidence: 0.9 for a complete list that misses the total or parts over it; 0.8 for one part over its total;
 * lower (an info note) when the total or a part is approximate and the gap is within twice the tolerance.
 * Parts marked as overlapping (`một phần`) are left out; totals of a known identity (reviewed,
 * received, resolved) whose parts are that identity's terms are left to sum.identity, which knows which
 * terms add up (`đang giải quyết` is not a part of `đã giải quyết`).
 */
import type { Metric } from '../../model/report.js';
import type { CheckRule, RawFinding } from '../types.js';
import { evidenceOf, fmt, fmtVi, isApproximate, NON_ADDITIVE, roleText, sameCountedNoun } from '../util.js';
import { IDENTITIES } from './identity-sum.js';

const ADDITIVE = new Set<Metric['kind']>(['count', 'money', 'quantity', 'percent']);

export const breakdownSum: CheckRule = {
  id: 'sum.breakdown',
  severity: 'warning',
  description: 'Parts listed under a total must add up to the total',
  premise: 'Parts that count the same thing as their total (same counted noun or unit, or labelled items of it) add up to it when the list is complete, and never exceed it',
  premiseVi: 'Các số liệu thành phần cùng đơn vị đếm với tổng (hoặc là các mục được liệt kê của tổng) phải cộng lại bằng tổng khi liệt kê đầy đủ, và không được vượt quá tổng',
  confidence: 0.9,
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
      // the counted noun the parts must share: the total's, else the one most of its parts count (`Tổng số: 65,
      // trong đó: 25 TTHC, 40 TTHC; 04 lĩnh vực` → TTHC)
      let noun = total.unit;
      if (noun === undefined) {
        const tally = new Map<string, number>();
        for (const p of list) if (p.unit !== undefined) tally.set(p.unit, (tally.get(p.unit) ?? 0) + 1);
        noun = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      }
      const candidates = list.filter((p) => p.kind === total.kind && !p.target && !NON_ADDITIVE.test(roleText(p, text)));
      let same = candidates.filter((p) => sameCountedNoun(p.unit, noun));
      // no part counts the total's noun: the parts may be its categories, each with its own noun (`64 biên chế
      // (54 công chức, 13 hợp đồng lao động)`) — only when they form one list right after the total, with no
      // clause break (`;`, `.`) between (a figure after `; thuộc …` describes the total, it is not a part)
      let categories = false;
      if (same.length === 0 && candidates.length >= 2 && text !== undefined) {
        const last = candidates.reduce((m, p) => Math.max(m, p.span.start), 0);
        const between = text.slice(total.span.end, last);
        if (total.span.end <= last && !/[;.\n]/.test(between.replace(/[0-9][.,][0-9]/g, ''))) {
          same = candidates;
          categories = true;
        }
      }
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
      const gap = Math.abs(sum - total.value);
      const confidence = approx && gap <= 2 * tol ? 0.5 : categories ? 0.75 : same.length >= 2 ? 0.9 : 0.8;
      out.push({
        arithmetic: same.length >= 2 ? `${partsText} = ${fmt(sum)} ≠ ${fmt(total.value)}` : `${fmt(sum)} > ${fmt(total.value)}`,
        confidence,
        message:
          same.length >= 2
            ? `Parts do not add up to the total: ${partsText} = ${fmt(sum)}, but the total is ${fmt(total.value)}`
            : `A part (${fmt(sum)}) is larger than its total (${fmt(total.value)})`,
        messageVi:
          same.length >= 2
            ? `Các số liệu thành phần không khớp với tổng: ${same.map((p) => fmtVi(p.value)).join(' + ')} = ${fmtVi(sum)}, nhưng tổng là ${fmtVi(total.value)}`
            : `Số liệu thành phần (${fmtVi(sum)}) lớn hơn tổng (${fmtVi(total.value)})`,
        evidence: [evidenceOf(total), ...same.map((p) => evidenceOf(p))],
        facts: [total.id, ...same.map((p) => p.id)],
      });
    }
    return out;
  },
};
