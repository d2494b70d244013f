/**
 * Document numbers against dates, within one issuer (domain reference §1.4).
 *
 * Series: administrative documents and công văn are numbered per issuer and calendar year, either one
 * counter for all types or one per type (ND 30 lets the agency choose); normative documents per issuer,
 * type and year. Quốc hội / UBTVQH (numbered per term), party documents, copies (SY/TrS/SL) and
 * advisory boards (BCĐ, HĐ) are left out.
 *
 * ref.number-order — within one series a higher number must not carry an earlier date. The counter is
 *   inferred per issuer: documents of different types are compared only when their numbers interleave
 *   with their dates as one counter (at least two changes of type in date order, all in order once at
 *   most one document is set aside). The document whose removal restores the order is the one flagged.
 * ref.date-year-suspect — a document dated in year Y whose number fits the same issuer's series of the
 *   neighbouring year Y' (every companion in Y' before it has a lower number, every one after a higher),
 *   while its own subject speaks of year Y' (`Kế hoạch số 286/KH-SKH&CN ngày 02/3/2022 … năm 2023`
 *   beside 361 of 17/3/2023, 418 of 27/3/2023, 1189 of 24/8/2023): the year is likely a typing error.
 *   Companions are the documents on the same counter (all types when the issuer's Y' documents look like
 *   one shared counter, else the same type), at least two. A plan about next year dated October to
 *   December is ordinary and left alone.
 */
import type { Reference } from '../../model/report.js';
import type { CheckRule, RawFinding } from '../types.js';
import { evidenceOf, isCalendarDay, issuerCodeOf, numberOf, sentenceBounds, typeCodeOf, viDate, yearOf } from '../util.js';
import { asciiFold, foldForMatch } from '../../normalize/fold.js';

interface Item {
  ref: Reference;
  issuer: string;
  type: string;
  num: number;
  date: string;
  year: number;
  normative: boolean;
}

const SEPARATE_ISSUERS = /^(BCD|HD|BCDTW|TW|TU|HU|DU|QH[0-9]*|UBTVQH[0-9]*)$/;
const COPY_TYPES = new Set(['SY', 'TrS', 'SL']);

/** Codes every People's Committee / Council uses, at every level and in every province. */
const GENERIC_ISSUERS = new Set(['UBND', 'HDND', 'VPUBND', 'UBMTTQ', 'UB']);

/**
 * The issuer of a reference: its code, and for generic codes (UBND, HĐND) the issuer named in the text
 * (`UBND huyện Bến Lức` ≠ `UBND tỉnh`); a generic code without a named issuer is its own group.
 */
function issuerKey(code: string, r: Reference): string {
  const k = asciiFold(code).toUpperCase().replace(/&/g, '').replace(/\./g, '');
  if (!GENERIC_ISSUERS.has(k)) return k;
  const named = r.issuer
    ? foldForMatch(r.issuer)
        .replace(/^(chủ tịch|phó chủ tịch|thường trực)\s+/, '')
        .replace(/ủy ban nhân dân/g, 'ubnd')
        .replace(/hội đồng nhân dân/g, 'hđnd')
    : '?';
  return `${k}|${named}`;
}

export function seriesItems(refs: Reference[]): Item[] {
  const out: Item[] = [];
  for (const r of refs) {
    if (!r.issuedOn || !isCalendarDay(r.issuedOn)) continue;
    if (r.category === 'party' || r.category === 'law' || r.category === 'other') continue;
    const code = issuerCodeOf(r);
    const num = numberOf(r);
    if (!code || num === undefined) continue;
    const issuer = issuerKey(code, r);
    if (SEPARATE_ISSUERS.test(issuer)) continue;
    const type = r.category === 'cong-van' ? 'CV' : typeCodeOf(r) ?? '?';
    if (COPY_TYPES.has(type)) continue;
    const normative = r.category === 'normative' || /\/(19|20)[0-9]{2}\//.test(r.symbol ?? "");
    out.push({ ref: r, issuer, type, num, date: r.issuedOn, year: yearOf(r.issuedOn)!, normative });
  }
  return out;
}

function inversions(items: Item[]): Array<[Item, Item]> {
  const pairs: Array<[Item, Item]> = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.num === b.num || a.date === b.date) continue;
      if (a.num < b.num !== a.date < b.date) pairs.push(a.date < b.date ? [a, b] : [b, a]);
    }
  return pairs;
}

function typeChanges(items: Item[]): number {
  const sorted = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.num - b.num));
  let n = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.type !== sorted[i - 1]!.type) n++;
  return n;
}

/** The single item whose removal leaves no inversion, if any. */
function outlier(items: Item[], pairs: Array<[Item, Item]>): Item | undefined {
  const count = new Map<Item, number>();
  for (const [a, b] of pairs) {
    count.set(a, (count.get(a) ?? 0) + 1);
    count.set(b, (count.get(b) ?? 0) + 1);
  }
  const cands = [...count.entries()].filter(([, c]) => c === pairs.length);
  if (cands.length !== 1) return undefined;
  const [it] = cands[0]!;
  return inversions(items.filter((x) => x !== it)).length === 0 ? it : undefined;
}

function group<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = m.get(k) ?? [];
    l.push(x);
    m.set(k, l);
  }
  return m;
}

/** Whether an issuer's administrative documents of one year look like one shared counter. */
function sharedCounter(items: Item[]): boolean {
  const types = new Set(items.map((i) => i.type));
  if (types.size < 2 || items.length < 3) return false;
  const pairs = inversions(items);
  if (pairs.length === 0) return true;
  const o = outlier(items, pairs);
  if (!o) return false;
  return typeChanges(items.filter((x) => x !== o)) >= 2;
}

function orderFinding(flagged: Item, others: Item[]): RawFinding {
  const ctx = others
    .slice(0, 4)
    .map((o) => `${o.ref.symbol ?? o.ref.name} (${viDate(o.date)})`)
    .join(', ');
  return {
    message: `${flagged.ref.symbol ?? flagged.ref.name} dated ${viDate(flagged.date)} is out of number order with the same issuer's ${ctx}`,
    messageVi: `Số văn bản ${flagged.ref.symbol ?? flagged.ref.name} ngày ${viDate(flagged.date)} không theo thứ tự ngày so với các văn bản cùng cơ quan ban hành: ${ctx}`,
    evidence: [evidenceOf(flagged.ref), ...others.slice(0, 4).map((o) => evidenceOf(o.ref))],
    facts: [flagged.ref.id, ...others.slice(0, 4).map((o) => o.ref.id)],
  };
}

export const numberOrder: CheckRule = {
  id: 'ref.number-order',
  severity: 'warning',
  description: 'Within one issuer and year, document numbers must rise with their dates',
  run({ report }) {
    const out: RawFinding[] = [];
    const items = seriesItems(report.references);
    const flaggedIds = new Set<string>();
    const emit = (series: Item[]) => {
      const pairs = inversions(series);
      if (pairs.length === 0) return;
      const o = outlier(series, pairs);
      if (o) {
        if (flaggedIds.has(o.ref.id)) return;
        flaggedIds.add(o.ref.id);
        const others = pairs.map(([a, b]) => (a === o ? b : a));
        out.push(orderFinding(o, others));
        return;
      }
      for (const [a, b] of pairs) {
        if (flaggedIds.has(a.ref.id) && flaggedIds.has(b.ref.id)) continue;
        flaggedIds.add(a.ref.id);
        flaggedIds.add(b.ref.id);
        out.push(orderFinding(a, [b]));
      }
    };
    const normative = items.filter((i) => i.normative);
    for (const series of group(normative, (i) => `${i.issuer}|${i.type}|${i.year}`).values()) emit(series);
    const admin = items.filter((i) => !i.normative);
    for (const perYear of group(admin, (i) => `${i.issuer}|${i.year}`).values()) {
      if (sharedCounter(perYear)) emit(perYear);
      else for (const series of group(perYear, (i) => i.type).values()) emit(series);
    }
    return out;
  },
};

/** Years the words after a reference speak of (`năm 2023`, `giai đoạn 2023-2025`, `2023`). */
function subjectYears(r: Reference, text?: string): Set<number> {
  let s = r.subject ?? '';
  if (text !== undefined) {
    const sb = sentenceBounds(text, r.span.end);
    let tail = text.slice(r.span.end, sb.end);
    const stop = tail.search(/;|\s(Kế hoạch|Công văn|Quyết định|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Văn bản) số/);
    if (stop >= 0) tail = tail.slice(0, stop);
    s += ' ' + tail.slice(0, 200).replace(/ngày\s*[0-9]{1,2}\s*tháng\s*[0-9]{1,2}\s*năm\s*[0-9]{4}/g, ' ');
  }
  const years = new Set<number>();
  for (const m of s.matchAll(/(?:^|[^0-9/])((?:19|20)[0-9]{2})(?![0-9/])/g)) years.add(Number(m[1]));
  return years;
}

export const dateYearSuspect: CheckRule = {
  id: 'ref.date-year-suspect',
  severity: 'warning',
  description: "A document whose number fits the issuer's series of the neighbouring year, and whose subject names that year, is likely dated with the wrong year",
  run({ report, text }) {
    const out: RawFinding[] = [];
    const items = seriesItems(report.references).filter((i) => !i.normative);
    const byIssuer = group(items, (i) => i.issuer);
    for (const list of byIssuer.values()) {
      for (const it of list) {
        for (const y2 of [it.year + 1, it.year - 1]) {
          // a plan for next year issued in its last quarter is ordinary (`KH … ngày 28/12/2022 … năm 2023`)
          if (y2 === it.year + 1 && Number(it.date.slice(5, 7)) >= 10) continue;
          // companions: the issuer's documents of year y2 on the same counter (all types if shared)
          const ofYear = list.filter((o) => o !== it && o.year === y2 && o.num !== it.num);
          const companions = sharedCounter(ofYear) ? ofYear : ofYear.filter((o) => o.type === it.type);
          if (companions.length < 2) continue;
          const moved = `${y2}${it.date.slice(4)}`;
          if (!isCalendarDay(moved)) continue;
          const fits = companions.every((o) => o.date === moved || (o.date < moved) === (o.num < it.num));
          if (!fits) continue;
          // its own year must not already explain it: companions in its own year that fit would make it ordinary
          const sameYear = list.filter((o) => o !== it && o.year === it.year);
          if (sameYear.length > 0 && inversions([it, ...sameYear]).length === 0) continue;
          const years = subjectYears(it.ref, text);
          if (!years.has(y2) || years.has(it.year)) continue;
          const sorted = [...companions].sort((a, b) => a.num - b.num).slice(0, 4);
          const ctx = sorted.map((o) => `${o.num} (${viDate(o.date)})`).join(', ');
          out.push({
            message: `${it.ref.symbol ?? it.ref.name} is dated ${viDate(it.date)}, but its number fits the issuer's ${y2} documents ${ctx} and its subject concerns ${y2}: the year is likely ${y2}`,
            messageVi: `Văn bản ${it.ref.symbol ?? it.ref.name} ghi ngày ${viDate(it.date)}, nhưng số văn bản khớp với các văn bản năm ${y2} của cùng cơ quan (${ctx}) và nội dung nói về năm ${y2}: có thể ghi nhầm năm (đúng là ${y2})`,
            evidence: [evidenceOf(it.ref), ...sorted.map((o) => evidenceOf(o.ref))],
            facts: [it.ref.id, ...sorted.map((o) => o.ref.id)],
          });
          break;
        }
      }
    }
    return out;
  },
};
