/**
 * How the review page writes figures and places: Vietnamese number grouping (`8.022.000.000`, `98,5`), money
 * in đồng with its tỷ/triệu reading, metric values by kind, indicator names from the vocabulary, and the
 * page and line of a text offset. Pure functions.
 */
import type { Metric, Report } from '../model/report.js';
import { indicatorName } from '../vocab/indicators.js';

/** `8022000000` → `8.022.000.000`, `98.5` → `98,5`, `-1234.25` → `-1.234,25` (at most `maxDecimals` decimals). */
export function groupVi(n: number, maxDecimals = 3): string {
  if (!Number.isFinite(n)) return String(n);
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const [int = '0', dec = ''] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, '.');
  const d = dec.replace(/0+$/, '');
  return `${neg ? '-' : ''}${grouped}${d ? ',' + d : ''}`;
}

const SCALES: Array<[number, string]> = [
  [1e9, 'tỷ'],
  [1e6, 'triệu'],
];

/**
 * The tỷ/triệu reading of an amount in đồng: `8,02 tỷ đồng`, `12,68 tỷ đồng`, `≈ 1,23 tỷ đồng` (at most 2 decimals,
 * `≈` when rounded); undefined below a million.
 */
export function moneyReading(v: number): string | undefined {
  for (const [scale, word] of SCALES) {
    if (Math.abs(v) < scale) continue;
    const scaled = v / scale;
    const exact = Math.abs(Math.round(scaled * 100) / 100 - scaled) < 1e-9;
    return `${exact ? '' : '≈ '}${groupVi(scaled, 2)} ${word} đồng`;
  }
  return undefined;
}

/** Money in đồng: `8.022.000.000 đồng (≈ 8,02 tỷ đồng)`; below a million just the grouped figure. */
export function formatMoney(v: number): string {
  const full = Number.isInteger(v) ? `${groupVi(v, 0)} đồng` : `${groupVi(v, 2)} đồng`;
  const reading = moneyReading(v);
  return reading ? `${full} (${reading})` : full;
}

function isMoneyUnit(unit: string | undefined): boolean {
  return unit === 'VND' || unit === 'đồng';
}

/** A unit as a reader writes it: `VND` in đồng, percentage points as `điểm %`. */
function unitVi(unit: string | undefined): string | undefined {
  if (isMoneyUnit(unit)) return 'đồng';
  if (unit === 'pp') return 'điểm %';
  return unit;
}

/** One figure with its unit: money in đồng, `%`, points, counts with the counted noun. */
export function formatFigure(v: number, unit: string | undefined): string {
  if (isMoneyUnit(unit)) return formatMoney(v);
  if (unit === '%') return `${groupVi(v)}%`;
  if (unit === 'pp') return `${groupVi(v)} điểm %`;
  return unit ? `${groupVi(v)} ${unit}` : groupVi(v);
}

type ValueFields = Pick<Metric, 'value' | 'valueMax' | 'denominator' | 'unit' | 'per' | 'kind'>;

/** A metric's value as a reader writes it: ranges `10–12%`, x of y `38/124 UBND cấp xã`, money in đồng, per units. */
export function formatMetricValue(m: ValueFields): string {
  let s: string;
  if (m.denominator !== undefined) s = `${groupVi(m.value)}/${groupVi(m.denominator)}${m.unit ? ` ${m.unit}` : ''}`;
  else if (m.valueMax !== undefined) {
    if (isMoneyUnit(m.unit)) s = `${formatMoney(m.value)} – ${formatMoney(m.valueMax)}`;
    else if (m.unit === '%') s = `${groupVi(m.value)}–${groupVi(m.valueMax)}%`;
    else s = `${groupVi(m.value)}–${formatFigure(m.valueMax, m.unit)}`;
  } else s = formatFigure(m.value, m.unit);
  return m.per ? `${s}/${m.per}` : s;
}

/**
 * A metric's value in the fact panel, as three fields: the number in Vietnamese grouping (`8.022.000.000`, `98,5`,
 * `10–12`, `38/124`), its unit (`đồng`, `%`, `văn bản`, `đồng/người`) and, for money, its reading
 * (`8,02 tỷ đồng`) — never the text as written.
 */
export function metricValueParts(m: ValueFields): { value: string; unit?: string; reading?: string } {
  let value: string;
  if (m.denominator !== undefined) value = `${groupVi(m.value)}/${groupVi(m.denominator)}`;
  else if (m.valueMax !== undefined) value = `${groupVi(m.value)}–${groupVi(m.valueMax)}`;
  else value = groupVi(m.value);
  const u = unitVi(m.unit);
  const unit = m.per ? `${u ?? ''}/${m.per}` : u;
  const out: { value: string; unit?: string; reading?: string } = { value };
  if (unit) out.unit = unit;
  if (isMoneyUnit(m.unit)) {
    const lo = moneyReading(m.value);
    const hi = m.valueMax !== undefined ? moneyReading(m.valueMax) : undefined;
    const reading = m.valueMax !== undefined ? (lo || hi ? `${lo ?? formatMoney(m.value)} – ${hi ?? formatMoney(m.valueMax)}` : undefined) : lo;
    if (reading) out.reading = m.per ? `${reading}/${m.per}` : reading;
  }
  return out;
}

/**
 * Messages written by the checks may carry raw money (`12680000000 VND`): written in đồng for display. Any other
 * text is left as it is.
 */
export function readableMoneyIn(message: string): string {
  return message.replace(/\b(\d{4,})(?:\.(\d+))? VND\b/g, (_, int: string, dec: string | undefined) => formatMoney(Number(dec ? `${int}.${dec}` : int)));
}

/**
 * Bare integers of five or more digits (`6027000000 + 1763000000`) in Vietnamese grouping; a digit run that is part
 * of a symbol, a date or a decimal (next to `/`, `-`, `.`, `,`, `:` or a letter) is left alone.
 */
export function groupBareNumbers(s: string): string {
  const word = /[\p{L}\d/-]/u;
  const joiner = /[.,:]/;
  const digit = /\d/;
  return s.replace(/\d{5,}/g, (digits: string, at: number) => {
    const before = s[at - 1] ?? '';
    const after = s[at + digits.length] ?? '';
    // `/`, `-`, a letter or a digit touches it; `.`, `,`, `:` only count between two digits (decimals, times)
    if (word.test(before) || word.test(after)) return digits;
    if (joiner.test(before) && digit.test(s[at - 2] ?? '')) return digits;
    if (joiner.test(after) && digit.test(s[at + digits.length + 1] ?? '')) return digits;
    return groupVi(Number(digits), 0);
  });
}

/**
 * A finding's message for display: raw money in đồng, long bare numbers grouped, and indicator keys of the vocabulary (`cs.trained`) by their
 * name in the message's language (`Lượt CBCCVC được đào tạo, bồi dưỡng`). Unknown words stay as they are.
 */
export function readableMessage(message: string, language: 'vi' | 'en'): string {
  return groupBareNumbers(readableMoneyIn(message)).replace(/\b[a-z]+\.[a-z][a-z0-9_]*(?:\/[a-z0-9-]+)?/g, (key) => {
    const n = indicatorName(key);
    return n ? `«${language === 'vi' ? n.vi : n.en}»` : key;
  });
}

/** The indicator's Vietnamese (and English) name, or the key itself when the vocabulary does not know it. */
export function indicatorLabel(key: string): { vi: string; en: string } {
  const n = indicatorName(key);
  return n ? { vi: n.vi, en: n.en } : { vi: key, en: key };
}

/** Line starts of a text, for line numbers: lineAt(offset) is 1-based. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  get lines(): number {
    return this.starts.length;
  }
}

export interface PageSpan {
  number: number;
  span: { start: number; end: number };
}

/**
 * The page of a text offset: from the document's pages when the source was read again (PDF), else from the
 * report's own facts and sections that carry a page — only when the nearest such item before the offset and the
 * nearest after it are on the same page (or the offset lies inside one), never guessed across a page break.
 */
export class PageIndex {
  private readonly items: Array<{ start: number; end: number; page: number }>;
  private readonly fromDocument: boolean;
  constructor(report: Pick<Report, 'references' | 'dates' | 'metrics' | 'sections'>, pages?: readonly PageSpan[]) {
    this.fromDocument = !!pages && pages.length > 0;
    if (this.fromDocument) {
      this.items = pages!.map((p) => ({ start: p.span.start, end: p.span.end, page: p.number }));
    } else {
      const all: Array<{ span: { start: number; end: number }; page?: number }> = [...report.references, ...report.dates, ...report.metrics, ...report.sections.map((s) => ({ span: s.headingSpan ?? s.span, page: s.page }))];
      this.items = all.filter((f) => typeof f.page === 'number').map((f) => ({ start: f.span.start, end: f.span.end, page: f.page! }));
    }
    this.items.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  pageAt(offset: number): number | undefined {
    const it = this.items;
    if (it.length === 0) return undefined;
    // last item starting at or before the offset
    let lo = -1;
    let hi = it.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (it[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const before = lo >= 0 ? it[lo] : undefined;
    if (before && offset < before.end) return before.page;
    if (this.fromDocument) return undefined;
    const after = it[lo + 1];
    if (before && after && before.page === after.page) return before.page;
    return undefined;
  }
}

/** `trang 3, dòng 45` / `dòng 45` for an offset (with the English in the title attribute by the caller). */
export function placeVi(page: number | undefined, line: number | undefined): string {
  return [page !== undefined ? `trang ${page}` : '', line !== undefined ? `dòng ${line}` : ''].filter(Boolean).join(', ');
}
