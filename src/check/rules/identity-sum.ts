/**
 * sum.identity — known identities between figures that the extractor may not link as parts of a total:
 * - legal-document review: reviewed = still in force + fully expired
 *   (`hết hiệu lực một phần`, partly expired, is a subset of `còn hiệu lực`, not an extra term);
 * - dossiers (hồ sơ): received = on time (incl. early) + late + pending;
 *   resolved = on time + late and received = resolved + pending when `đã giải quyết` is stated.
 * An identity is checked only when the total and every term are found, as counts, after the total
 * within the same section (at most 1,200 characters on), with the same counted unit (`hồ sơ`). Roles are recognised from the words around
 * each number (see roleText); tolerance as in sum.breakdown (`khoảng` → 5%).
 *
 * Premise (issue 17): an identity holds only between figures of ONE process. The legal-document identity
 * is the review's own (rà soát / kiểm tra: of the documents reviewed, so many are still in force, so many
 * expired); the systematization (hệ thống hóa) lists the documents of a whole period and need not add up
 * to the year's review — that the seed's two add up is a coincidence, real reports break it. A term is
 * counted only when the last process named between the total and the term (if any) is the total's own
 * process (`process` below); without the text the process is unknown and the identity is not checked.
 * A total is never a part of another figure (`(2.157 hồ sơ trực tuyến)` inside `tiếp nhận 2.560 hồ sơ`),
 * nor a target. Confidence 0.85; 0.5 (an info note) when the gap is within twice the `khoảng` tolerance.
 */
import type { Metric } from '../../model/report.js';
import type { CheckRule, RawFinding } from '../types.js';
import { evidenceOf, fmt, fmtVi, isApproximate, NON_ADDITIVE, roleText, startingWithin } from '../util.js';
import { foldForMatch } from '../../normalize/fold.js';

interface Role {
  name: string;
  vi: string;
  test: (t: string) => boolean;
}

interface Identity {
  id: string;
  /** the processes a text may name; the total's and every term's must be the same one */
  processes?: Array<{ name: string; cue: RegExp }>;
  total: Role;
  /** terms that must all be present; each may be stated by several numbers (trước hạn + đúng hạn) */
  terms: Role[];
  /** an optional intermediate total: if present, total = intermediate + rest, intermediate = its terms */
  intermediate?: { role: Role; terms: string[] };
}

const re = (s: string) => new RegExp(s);
const has = (r: RegExp, not?: RegExp) => (t: string) => r.test(t) && !(not && not.test(t));

export const IDENTITIES: Identity[] = [
  {
    id: 'legal-review',
    processes: [
      { name: 'review', cue: re('rà soát|kiểm tra|reviewed|review') },
      { name: 'systematization', cue: re('hệ thống hóa|systemati[sz]') },
    ],
    total: { name: 'reviewed', vi: 'số văn bản được rà soát', test: has(re('rà soát|được kiểm tra|kiểm tra, rà soát|hệ thống hóa|docs_reviewed'), re('hiệu lực|thay thế|bãi bỏ|sửa đổi|ban hành mới|đề nghị|kiến nghị|%')) },
    terms: [
      { name: 'in force', vi: 'còn hiệu lực', test: has(re('còn hiệu lực|sys_in_force'), re('một phần|hết hiệu lực|expired')) },
      { name: 'fully expired', vi: 'hết hiệu lực toàn bộ', test: has(re('hết hiệu lực|sys_expired_full'), re('một phần|còn hiệu lực|partial|in_force')) },
    ],
  },
  {
    id: 'dossiers',
    total: { name: 'received', vi: 'số hồ sơ tiếp nhận', test: has(re('tiếp nhận|đã nhận|nhận mới|dossiers_received'), re('đúng hạn|trước hạn|trễ hạn|quá hạn|đang giải quyết|đã giải quyết|trực tuyến|bưu chính|dossiers_online|dossiers_postal|%')) },
    terms: [
      { name: 'on time', vi: 'đúng/trước hạn', test: has(re('đúng hạn|trước hạn|dossiers_resolved_ontime'), re('trễ|quá hạn|chưa đến hạn|dossiers_late')) },
      { name: 'late', vi: 'trễ hạn', test: has(re('trễ hạn|quá hạn|chậm|dossiers_late'), re('chưa đến hạn')) },
      { name: 'pending', vi: 'đang giải quyết', test: has(re('đang giải quyết|chưa đến hạn|đang xử lý|chưa giải quyết|đang thụ lý|dossiers_pending')) },
    ],
    intermediate: {
      role: { name: 'resolved', vi: 'đã giải quyết', test: has(re('đã giải quyết|giải quyết xong|đã xử lý'), re('đúng hạn|trước hạn|trễ hạn|quá hạn|chưa')) },
      terms: ['on time', 'late'],
    },
  },
];

const WINDOW = 1200;

function sum(ms: Metric[]): number {
  return ms.reduce((a, m) => a + m.value, 0);
}

export const identitySum: CheckRule = {
  id: 'sum.identity',
  severity: 'warning',
  description: 'Known identities (reviewed = in force + fully expired; received = on time + late + pending) must hold',
  premise: 'An identity holds between the figures of one process: the documents a review found still in force and expired add up to the documents it reviewed; the dossiers received add up to those resolved (on time, late) and pending',
  premiseVi: 'Đẳng thức chỉ đúng giữa các số liệu của cùng một quy trình: số văn bản còn hiệu lực và hết hiệu lực qua rà soát cộng lại bằng số văn bản được rà soát; số hồ sơ tiếp nhận bằng số đã giải quyết (đúng hạn, trễ hạn) cộng số đang giải quyết',
  confidence: 0.85,
  run({ report, text }) {
    const out: RawFinding[] = [];
    const counts = report.metrics.filter((m) => m.kind === 'count').sort((a, b) => a.span.start - b.span.start);
    const roles = new Map(counts.map((m) => [m.id, roleText(m, text)]));
    const folded = text === undefined ? undefined : foldForMatch(text);
    // foldForMatch keeps the length of a text whose spaces are single; else fall back to folding slices
    const slice = (a: number, b: number) => (folded && folded.length === text!.length ? folded.slice(a, b) : foldForMatch(text!.slice(a, b)));
    /** the last process named in [a, b), if any */
    const lastProcess = (idn: Identity, a: number, b: number): string | undefined => {
      if (text === undefined || !idn.processes || b <= a) return undefined;
      const seg = slice(a, b);
      let best: { at: number; name: string } | undefined;
      for (const p of idn.processes) {
        for (const m of seg.matchAll(new RegExp(p.cue.source, 'g'))) if (!best || m.index! >= best.at) best = { at: m.index!, name: p.name };
      }
      return best?.name;
    };
    for (const idn of IDENTITIES) {
      if (idn.processes && text === undefined) continue;
      const totals = counts.filter((m) => idn.total.test(roles.get(m.id)!) && !m.parent && !m.target);
      for (let ti = 0; ti < totals.length; ti++) {
        const total = totals[ti]!;
        const limit = Math.min(total.span.start + WINDOW, totals[ti + 1]?.span.start ?? Infinity);
        const unit = (m: Metric) => (m.unit ? foldForMatch(m.unit) : undefined);
        const after = startingWithin(counts, total.span.start + 1, limit).filter(
          (m) =>
            (m.section === undefined || m.section === total.section) &&
            (unit(m) === undefined || unit(total) === undefined || unit(m) === unit(total)),
        );
        // the total's own process: the last one named in its clause, up to the number itself
        const own = idn.processes ? lastProcess(idn, Math.max(0, total.span.start - 200), total.span.end) : undefined;
        if (idn.processes && own === undefined) continue;
        const found = new Map<string, Metric[]>();
        for (const m of after) {
          const t = roles.get(m.id)!;
          if (NON_ADDITIVE.test(t) || m.target) continue;
          // the intermediate total first (`đã giải quyết 1.200 hồ sơ` is not itself an on-time term, whatever its key)
          const role = (idn.intermediate?.role.test(t) ? idn.intermediate.role : undefined) ?? idn.terms.find((r) => r.test(t));
          if (!role) continue;
          if (idn.processes) {
            const p = lastProcess(idn, total.span.end, m.span.start);
            if (p !== undefined && p !== own) continue;
          }
          const list = found.get(role.name) ?? [];
          list.push(m);
          found.set(role.name, list);
        }
        const approx = (ms: Metric[]) => ms.some((m) => isApproximate(m, text));
        const tolFor = (ms: Metric[], v: number) => (approx(ms) ? Math.max(1, Math.abs(v) * 0.05) : 1e-9);
        const check = (whole: Metric, wholeRole: Role, termNames: string[]) => {
          if (!termNames.every((n) => found.has(n))) return;
          const termMetrics = termNames.flatMap((n) => found.get(n)!);
          const s = sum(termMetrics);
          if (Math.abs(s - whole.value) <= tolFor([whole, ...termMetrics], whole.value)) return;
          const roleOf = (n: string) => idn.terms.find((r) => r.name === n) ?? idn.intermediate!.role;
          const eq = termNames.map((n) => `${fmt(sum(found.get(n)!))} ${roleOf(n).name}`).join(' + ');
          const eqVi = termNames.map((n) => `${fmtVi(sum(found.get(n)!))} ${roleOf(n).vi}`).join(' + ');
          const gap = Math.abs(s - whole.value);
          const tol = tolFor([whole, ...termMetrics], whole.value);
          out.push({
            arithmetic: `${termMetrics.map((m) => fmt(m.value)).join(' + ')} = ${fmt(s)} ≠ ${fmt(whole.value)}`,
            confidence: tol >= 1 && gap <= 2 * tol ? 0.5 : 0.85,
            message: `${wholeRole.name} (${fmt(whole.value)}) should equal ${eq} = ${fmt(s)}`,
            messageVi: `${wholeRole.vi} (${fmtVi(whole.value)}) phải bằng ${eqVi} = ${fmtVi(s)}`,
            evidence: [evidenceOf(whole), ...termMetrics.map((m) => evidenceOf(m))],
            facts: [whole.id, ...termMetrics.map((m) => m.id)],
          });
        };
        const mid = idn.intermediate;
        const resolved = mid ? found.get(mid.role.name) : undefined;
        if (mid && resolved && resolved.length === 1) {
          check(resolved[0]!, mid.role, mid.terms);
          const rest = idn.terms.map((r) => r.name).filter((n) => !mid.terms.includes(n));
          check(total, idn.total, [mid.role.name, ...rest]);
        } else {
          check(total, idn.total, idn.terms.map((r) => r.name));
        }
      }
    }
    return out;
  },
};
