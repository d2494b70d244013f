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
import { work } from '../work.js';

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

/** All inverted pairs, in (i, j) order of the series: for short series only (quadratic). */
function inversions(items: Item[]): Array<[Item, Item]> {
  const pairs: Array<[Item, Item]> = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      work.steps++;
      const a = items[i]!;
      const b = items[j]!;
      if (a.num === b.num || a.date === b.date) continue;
      if (a.num < b.num !== a.date < b.date) pairs.push(a.date < b.date ? [a, b] : [b, a]);
    }
  return pairs;
}

const inverted = (a: Item, b: Item): boolean => a.num !== b.num && a.date !== b.date && a.num < b.num !== a.date < b.date;

/**
 * How many inverted pairs (a higher number with an earlier date, numbers and dates both different) the
 * series holds, and how many each item is in: O(n log n) with two Fenwick trees over the number ranks,
 * one pass over the items in date order each way.
 */
export interface Inversions {
  total: number;
  /** per item of the series (same index): the inverted pairs it is in */
  per: number[];
}

export function countInversions(items: Item[]): Inversions {
  const n = items.length;
  const per = new Array<number>(n).fill(0);
  if (n < 2) return { total: 0, per };
  const order = items.map((_, i) => i).sort((a, b) => (items[a]!.date < items[b]!.date ? -1 : items[a]!.date > items[b]!.date ? 1 : 0));
  const nums = [...new Set(items.map((x) => x.num))].sort((a, b) => a - b);
  const rankOf = new Map(nums.map((v, i) => [v, i + 1]));
  const rank = items.map((x) => rankOf.get(x.num)!);
  const tree = new Float64Array(nums.length + 1);
  const add = (r: number) => {
    for (; r <= nums.length; r += r & -r) tree[r]!++, work.steps++;
  };
  const prefix = (r: number) => {
    let s = 0;
    for (; r > 0; r -= r & -r) (s += tree[r]!), work.steps++;
    return s;
  };
  let total = 0;
  // earlier dates, higher numbers
  let seen = 0;
  for (let g = 0; g < n; ) {
    let e = g;
    while (e < n && items[order[e]!]!.date === items[order[g]!]!.date) e++;
    for (let k = g; k < e; k++) {
      const i = order[k]!;
      const c = seen - prefix(rank[i]!);
      per[i]! += c;
      total += c;
    }
    for (let k = g; k < e; k++) add(rank[order[k]!]!);
    seen += e - g;
    g = e;
  }
  // later dates, lower numbers
  tree.fill(0);
  for (let g = n - 1; g >= 0; ) {
    let e = g;
    while (e >= 0 && items[order[e]!]!.date === items[order[g]!]!.date) e--;
    for (let k = g; k > e; k--) {
      const i = order[k]!;
      per[i]! += prefix(rank[i]! - 1);
    }
    for (let k = g; k > e; k--) add(rank[order[k]!]!);
    g = e;
  }
  return { total, per };
}

function typeChanges(items: Item[]): number {
  const sorted = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.num - b.num));
  let n = 0;
  for (let i = 1; i < sorted.length; i++) if ((work.steps++, sorted[i]!.type !== sorted[i - 1]!.type)) n++;
  return n;
}

/** The single item in every inverted pair, if any: removing it leaves the series in order. */
function outlier(items: Item[], inv: Inversions): Item | undefined {
  if (inv.total === 0) return undefined;
  let found: Item | undefined;
  for (let i = 0; i < items.length; i++) {
    work.steps++;
    if (inv.per[i] !== inv.total) continue;
    if (found) return undefined;
    found = items[i]!;
  }
  return found;
}

function group<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    work.steps++;
    const k = key(x);
    const l = m.get(k) ?? [];
    l.push(x);
    m.set(k, l);
  }
  return m;
}

/** Whether an issuer's administrative documents of one year look like one shared counter. */
function sharedCounter(items: Item[]): boolean {
  if (items.length < 3) return false;
  const first = items[0]!.type;
  if (items.every((i) => i.type === first)) return false;
  const inv = countInversions(items);
  if (inv.total === 0) return true;
  const o = outlier(items, inv);
  if (!o) return false;
  return typeChanges(items.filter((x) => x !== o)) >= 2;
}

/**
 * Series up to this many documents without a single outlier list every inverted pair (as the rule always
 * did); a longer one — never seen in a real report — flags each document out of order once, with the
 * document it contradicts most plainly, so the work stays O(n log n) and the findings at most n.
 */
const PAIR_LIST_MAX = 64;

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

/**
 * For each item in an inverted pair (series order), one pair: with the highest number dated before it
 * when that is higher than its own, else with the lowest number dated after it. Pairs are [earlier, later].
 */
function oneInversionEach(items: Item[], inv: Inversions): Array<[Item, Item]> {
  const byDate = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dates = byDate.map((x) => x.date);
  // maxBefore[k]: the item of highest number among byDate[0..k); minAfter[k]: of lowest among byDate[k..]
  const maxBefore: Array<Item | undefined> = [undefined];
  for (let k = 0; k < byDate.length; k++) {
    const m = maxBefore[k];
    maxBefore.push(m === undefined || byDate[k]!.num > m.num ? byDate[k] : m);
  }
  const minAfter: Array<Item | undefined> = new Array(byDate.length + 1).fill(undefined);
  for (let k = byDate.length - 1; k >= 0; k--) {
    const m = minAfter[k + 1];
    minAfter[k] = m === undefined || byDate[k]!.num < m.num ? byDate[k] : m;
  }
  const firstAtOrAfter = (d: string, strict: boolean) => {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      work.steps++;
      const mid = (lo + hi) >> 1;
      if (dates[mid]! < d || (strict && dates[mid] === d)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const pairs: Array<[Item, Item]> = [];
  items.forEach((x, i) => {
    if (inv.per[i] === 0) return;
    const before = maxBefore[firstAtOrAfter(x.date, false)];
    if (before && before.num > x.num) pairs.push([before, x]);
    else {
      const after = minAfter[firstAtOrAfter(x.date, true)];
      if (after && after.num < x.num) pairs.push([x, after]);
    }
  });
  return pairs;
}

export const numberOrder: CheckRule = {
  id: 'ref.number-order',
  severity: 'warning',
  description: 'Within one issuer and year, document numbers must rise with their dates',
  premise: 'An issuer numbers its documents of one counter (per type for normative documents, the inferred counter for administrative ones) in the order it issues them within a calendar year (ND 30/2020, art. 15)',
  premiseVi: 'Cơ quan cấp số văn bản theo thứ tự ban hành trong năm dương lịch, trên cùng một hệ thống số (theo loại với văn bản QPPL, theo hệ thống số suy ra với văn bản hành chính) (Nghị định 30/2020/NĐ-CP, Điều 15)',
  confidence: 0.7,
  run({ report }) {
    const out: RawFinding[] = [];
    const items = seriesItems(report.references);
    const flaggedIds = new Set<string>();
    const emit = (series: Item[]) => {
      const inv = countInversions(series);
      if (inv.total === 0) return;
      const o = outlier(series, inv);
      if (o) {
        if (flaggedIds.has(o.ref.id)) return;
        flaggedIds.add(o.ref.id);
        out.push(orderFinding(o, series.filter((x) => x !== o && inverted(o, x))));
        return;
      }
      const pairs = series.length <= PAIR_LIST_MAX ? inversions(series) : oneInversionEach(series, inv);
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

/**
 * A set of an issuer's documents, indexed for the questions dateYearSuspect asks of every other document:
 * in date order with the running highest number before and lowest number after each date, in number
 * order, and counted by number. Built on first use; each question is then O(log n) (or O(k) for k numbers).
 */
class Companions {
  private byDate?: Item[];
  private maxBefore?: number[];
  private minAfter?: number[];
  private byNum?: Item[];
  private numCount?: Map<number, number>;
  constructor(readonly items: Item[]) {}

  /** how many of them carry another number than `num` */
  countWithout(num: number): number {
    this.numCount ??= (() => {
      const m = new Map<number, number>();
      for (const x of this.items) m.set(x.num, (m.get(x.num) ?? 0) + 1);
      return m;
    })();
    return this.items.length - (this.numCount.get(num) ?? 0);
  }

  /** whether a document numbered `num` dated `date` falls in their order (the others with its number aside) */
  fits(date: string, num: number): boolean {
    if (!this.byDate) {
      const byDate = [...this.items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const maxBefore = [-Infinity];
      for (const x of byDate) maxBefore.push(Math.max(maxBefore[maxBefore.length - 1]!, x.num));
      const minAfter = new Array<number>(byDate.length + 1).fill(Infinity);
      for (let k = byDate.length - 1; k >= 0; k--) minAfter[k] = Math.min(minAfter[k + 1]!, byDate[k]!.num);
      this.byDate = byDate;
      this.maxBefore = maxBefore;
      this.minAfter = minAfter;
    }
    const d = this.byDate;
    const bound = (strict: boolean) => {
      let lo = 0;
      let hi = d.length;
      while (lo < hi) {
        work.steps++;
        const mid = (lo + hi) >> 1;
        if (d[mid]!.date < date || (strict && d[mid]!.date === date)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // every one dated before has a lower number (or the same), every one dated after a higher (or the same)
    return this.maxBefore![bound(false)]! <= num && this.minAfter![bound(true)]! >= num;
  }

  /** the k lowest numbers other than `num`, in number order (ties in document order) */
  lowestNumbers(k: number, num: number): Item[] {
    this.byNum ??= [...this.items].sort((a, b) => a.num - b.num);
    const out: Item[] = [];
    for (const x of this.byNum) {
      work.steps++;
      if (out.length === k) break;
      if (x.num !== num) out.push(x);
    }
    return out;
  }
}

/** One issuer's documents of one year. */
class YearOfIssuer {
  readonly all: Companions;
  private types?: Map<string, Companions>;
  private shared?: boolean;
  private ordered?: boolean;
  constructor(items: Item[]) {
    this.all = new Companions(items);
  }
  ofType(type: string): Companions | undefined {
    this.types ??= new Map([...group(this.all.items, (i) => i.type)].map(([t, l]) => [t, new Companions(l)]));
    return this.types.get(type);
  }
  /**
   * Whether the year's documents, without those numbered `num`, look like one shared counter. Exact when
   * no document has that number or the year is short; a long year (over PAIR_LIST_MAX documents) with
   * one of that number answers for the whole year (a different answer would need one document to decide it).
   */
  sharedWithout(num: number): boolean {
    if (this.all.countWithout(num) !== this.all.items.length && this.all.items.length <= PAIR_LIST_MAX) {
      return sharedCounter(this.all.items.filter((o) => o.num !== num));
    }
    return (this.shared ??= sharedCounter(this.all.items));
  }
  /** no inverted pair among the year's documents */
  inOrder(): boolean {
    return (this.ordered ??= countInversions(this.all.items).total === 0);
  }
}

export const dateYearSuspect: CheckRule = {
  id: 'ref.date-year-suspect',
  severity: 'warning',
  description: "A document whose number fits the issuer's series of the neighbouring year, and whose subject names that year, is likely dated with the wrong year",
  premise: "A document's number fits the counter of the year it was issued in; one that fits the neighbouring year's series and whose subject names that year was likely dated with the wrong year",
  premiseVi: 'Số văn bản phải khớp với hệ thống số của năm ban hành; văn bản có số khớp với dãy số của năm liền kề và trích yếu nêu năm đó có thể đã ghi sai năm',
  confidence: 0.65,
  run({ report, text }) {
    const out: RawFinding[] = [];
    const items = seriesItems(report.references).filter((i) => !i.normative);
    const byIssuer = group(items, (i) => i.issuer);
    for (const list of byIssuer.values()) {
      // per year of this issuer: the documents, indexed once (no scan of the list per document)
      const years = new Map<number, YearOfIssuer>();
      for (const [y, docs] of group(list, (i) => String(i.year))) years.set(Number(y), new YearOfIssuer(docs));
      for (const it of list) {
        for (const y2 of [it.year + 1, it.year - 1]) {
          // a plan for next year issued in its last quarter is ordinary (`KH … ngày 28/12/2022 … năm 2023`)
          if (y2 === it.year + 1 && Number(it.date.slice(5, 7)) >= 10) continue;
          const other = years.get(y2);
          if (!other) continue;
          // companions: the issuer's documents of year y2 on the same counter (all types if shared), other numbers
          const companions = other.sharedWithout(it.num) ? other.all : other.ofType(it.type);
          if (companions === undefined || companions.countWithout(it.num) < 2) continue;
          const moved = `${y2}${it.date.slice(4)}`;
          if (!isCalendarDay(moved)) continue;
          if (!companions.fits(moved, it.num)) continue;
          // its own year must not already explain it: companions in its own year that fit would make it ordinary
          const own = years.get(it.year)!;
          if (own.all.items.length > 1 && own.inOrder()) continue;
          const yearsSaid = subjectYears(it.ref, text);
          if (!yearsSaid.has(y2) || yearsSaid.has(it.year)) continue;
          const sorted = companions.lowestNumbers(4, it.num);
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
