/**
 * Metrics from table cells: a cell holding a bare number (`1.430,5`, `97%`) gets its label from the row
 * header (`Kinh phí chi thường xuyên`), its period from the column header (`Năm 2023` → `2023`) and its unit
 * from the table's unit line (`ĐVT: triệu đồng`) or a `Đơn vị tính` column. A cell `x/y` is a rank under a rank
 * header (`62/63` under `Thứ hạng`), a score out of y under a score header (`83,1/100` under `Điểm số`), else a
 * ratio with denominator y. Cells without a row or column
 * header, and ordinal columns (`STT`), give nothing.
 */
import type { Document } from '../model/document.js';
import type { MetricCandidate } from './context.js';
import { parseViNumber } from './vi/metrics.js';
import { parseDigits } from './en/numbers.js';
import { MEASURE_UNITS, MONEY_SCALE } from './vi/rules/units.js';
import { DURATION_UNITS } from './vi/rules/semantics.js';

const DURATION_UNIT = new Map<string, string>(DURATION_UNITS.map(([w, u]) => [w, u]));
/** A column of lengths of time: its unit (`Thời gian (ngày làm việc)`, `ĐVT: ngày`) is a duration unit (issue 15). */
function durationUnitOf(unit: string | undefined, colHeader: string | undefined): string | undefined {
  const own = colHeader?.split(' - ').pop() ?? '';
  const inParens = /\(([^()]{1,24})\)\s*$/.exec(own)?.[1];
  for (const u of [unit, inParens]) {
    const d = u !== undefined ? DURATION_UNIT.get(u.trim().toLowerCase()) : undefined;
    if (d) return d;
  }
  return undefined;
}
import { APPROXIMATE_MARKS, CELL_UNITS, DIMENSION_SEPARATORS, RANGE_BOUND_MARKS, RANGE_SEPARATORS, TOTAL_LABEL, TRANSITION_AFTER, TRANSITION_BEFORE } from '../vocab/table-words.js';
import { escapeRegExp, pattern } from '../util/pattern.js';

/**
 * A measure cell (a specification table): a figure with its unit glued or spaced (`~0.3mm`, `300-330gsm`), a range
 * (`1.8-2.0 gram`: one figure with valueMax), a size (`63mm x 88mm`: a quantity per side). Inside such a cell a
 * dot before one or two digits is a decimal point (`1.8`: no thousands group has fewer than three digits).
 */
const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const CELL_NUM_VI = '[0-9]{1,3}(?:\\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+\\.[0-9]{1,2}|[0-9]+(?:,[0-9]+)?';
const CELL_NUM_EN = '[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?';
const measureSource = (num: string) => {
  const unit = `(${alt([...MEASURE_UNITS, ...CELL_UNITS])})`;
  const side = `(${num})[ ]{0,2}${unit}?`;
  return {
    dimension: `^${side}[ ]{0,2}(?:${alt(DIMENSION_SEPARATORS)})[ ]{0,2}${side}$`,
    measure: `^(${alt(APPROXIMATE_MARKS)})?[ ]{0,2}(${num})[ ]{0,2}${unit}?(?:[ ]{0,2}(?:${alt(RANGE_SEPARATORS)})[ ]{0,2}(?:${alt(RANGE_BOUND_MARKS)})?[ ]{0,2}(${num}))?[ ]{0,2}${unit}?$`,
  };
};
const VI_MEASURE = measureSource(CELL_NUM_VI);
const EN_MEASURE = measureSource(CELL_NUM_EN);
const DIMENSION_CELL = { vi: pattern('table.dimension-cell', VI_MEASURE.dimension, ''), en: pattern('table.dimension-cell-en', EN_MEASURE.dimension, '') };
const MEASURE_CELL = { vi: pattern('table.measure-cell', VI_MEASURE.measure, ''), en: pattern('table.measure-cell-en', EN_MEASURE.measure, '') };

/** the text without emphasis markers (`*`), and for each kept character its offset in the text */
function withoutEmphasis(s: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '*') continue;
    text += s[i];
    at.push(i);
  }
  return { text, at };
}

const HAS_DIGIT = /[0-9]/;
const YEAR_CELL = pattern('table.year-cell', '^(?:19|20)[0-9]{2}$', '');
const isMark = (c: string | undefined) => c === '*' || c === '_' || c === ' ' || c === '\n';

export interface MeasureFigure {
  value: number;
  valueMax?: number;
  unit?: string;
  approximate?: boolean;
  /** offsets within the cell text */
  start: number;
  end: number;
}
const readCellNumber = (s: string, language: 'vi' | 'en'): number =>
  language === 'en' ? parseDigits(s)!.value : /^[0-9]+\.[0-9]{1,2}$/.test(s) ? Number(s) : parseViNumber(s);

/**
 * The figures of a measure cell, or undefined when the cell is no measure (a bare number is read by
 * `cellNumber`; a figure without a unit and without a range or size is none of this).
 */
export function measureCell(text: string, language: 'vi' | 'en' = 'vi'): MeasureFigure[] | undefined {
  const lead = text.length - text.trimStart().length;
  const t = text.trim();
  const d = DIMENSION_CELL[language].exec(t);
  if (d && (d[2] !== undefined || d[4] !== undefined)) {
    const a = t.indexOf(d[1]!);
    const b = t.lastIndexOf(d[3]!);
    const unitA = d[2] ?? d[4]!;
    const unitB = d[4] ?? d[2]!;
    const endA = d[2] !== undefined ? t.indexOf(d[2], a + d[1]!.length) + d[2].length : a + d[1]!.length;
    return [
      { value: readCellNumber(d[1]!, language), unit: unitA, start: lead + a, end: lead + endA },
      { value: readCellNumber(d[3]!, language), unit: unitB, start: lead + b, end: lead + t.length },
    ];
  }
  const m = MEASURE_CELL[language].exec(t);
  if (!m) return undefined;
  const unit = m[5] ?? m[3];
  // `1 - 2` or `12` alone: a bare number or a range without unit is a measure only as a range
  if (unit === undefined && m[4] === undefined && m[1] === undefined) return undefined;
  // a unit between the bounds and another after them (`2 mm - 3 kg`) is two things
  if (m[3] !== undefined && m[5] !== undefined && m[3] !== m[5]) return undefined;
  const out: MeasureFigure = { value: readCellNumber(m[2]!, language), start: lead + t.indexOf(m[2]!), end: lead + t.length };
  if (m[4] !== undefined) out.valueMax = readCellNumber(m[4], language);
  if (unit !== undefined) out.unit = unit;
  if (m[1] !== undefined) out.approximate = true;
  if (out.valueMax !== undefined && out.valueMax < out.value) return undefined;
  return [out];
}

/** a bare number in Vietnamese notation (`.` groups thousands, `,` is the decimal mark), optionally a percent */
const NUMBER = /^([-+]?)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(%?)$/;
const ORDINAL_HEADER = /^(?:STT|TT|Số TT|Số thứ tự)$/i;
const MONEY = /đồng|VNĐ|VND|₫/i;

/** `x/y` in a cell: a rank (`62/63` under `Thứ hạng`), a score out of a maximum (`83,1/100` under `Điểm số`), else x of y */
const FRACTION = /^(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*\/\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)$/;
const FRACTION_EN = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*\/\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/;
const RANK_HEADER = /(?:thứ\s+hạng|xếp\s+hạng|xếp\s+thứ|\bhạng\b|rank)/i;
const SCORE_HEADER = /(?:điểm|score|points)/i;

/** the same in English notation (`,` groups thousands, `.` is the decimal mark) */
const NUMBER_EN = /^([-+]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(%?)$/;

/** Cell text → value in the report's own number format (`1.430,5` → 1430.5 in Vietnamese, `1,245` → 1245 in English). */
function cellNumber(s: string, language: 'vi' | 'en'): number | undefined {
  const m = (language === 'en' ? NUMBER_EN : NUMBER).exec(s.trim());
  if (!m) return undefined;
  const v = language === 'en' ? parseDigits(m[2]!)?.value : parseViNumber(m[2]!);
  if (v === undefined) return undefined;
  return m[1] === '-' ? -v : v;
}

function periodOf(colHeader: string | undefined): string | undefined {
  if (!colHeader) return undefined;
  const last = colHeader.split(' - ').pop()!.trim();
  const y = /^(?:năm\s+)?((?:19|20)\d{2})$/i.exec(last);
  if (y) return y[1];
  return /\b(?:19|20)\d{2}\b|quý|tháng/i.test(last) ? last : undefined;
}

export function tableCellMetrics(doc: Document, language: 'vi' | 'en' = 'vi'): MetricCandidate[] {
  const readNumber = (x: string) => (language === 'en' ? parseDigits(x)?.value : parseViNumber(x));
  const out: MetricCandidate[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table-cell' || !b.table) continue;
    const t = b.table;
    // emphasis around the figure (`**09**`, `*0,5*`) is markup: the figure is inside it
    const raw = doc.text.slice(b.span.start, b.span.end);
    let lead = 0;
    while (lead < raw.length && isMark(raw[lead])) lead++;
    let trail = 0;
    while (trail < raw.length - lead && isMark(raw[raw.length - 1 - trail])) trail++;
    const text = raw.slice(lead, raw.length - trail);
    const span = { start: b.span.start + lead, end: b.span.end - trail };
    // a year (`2025` under `Thời gian hoàn thành`) is a date, not a figure: a count is grouped (`2.025`)
    if (YEAR_CELL.test(text)) continue;
    const fraction = (language === 'en' ? FRACTION_EN : FRACTION).exec(text.trim());
    const value = fraction ? readNumber(fraction[1]!) : cellNumber(text, language);
    // emphasis inside a measure cell (`63mm *x* 88mm`, `1.8-2.0 **gram`) is markup too: read without it, spans kept
    // (both measure patterns need a digit: a cell without one is no measure, and is not copied to find that out)
    const bare = value === undefined && !t.ordinal && HAS_DIGIT.test(text) ? withoutEmphasis(text) : undefined;
    const measures = bare ? measureCell(bare.text, language)?.map((f) => ({ ...f, start: bare.at[f.start]!, end: bare.at[f.end - 1]! + 1 })) : undefined;
    if (value === undefined && !measures) continue;
    if (t.ordinal || t.formula || (t.colHeader && ORDINAL_HEADER.test(t.colHeader.split(' - ')[0]!))) continue;
    const label = t.rowHeader ?? t.colHeader;
    if (!label) continue;
    if (measures) {
      // a measure cell: one quantity (or count, in a unit the text rules do not measure) per figure, the cell's place
      const period = periodOf(t.colHeader);
      for (const f of measures) {
        const unit = f.unit ?? t.unit;
        const m: MetricCandidate = {
          kind: unit !== undefined && (MEASURE_UNITS.has(unit) || CELL_UNITS.includes(unit)) ? 'quantity' : 'count',
          value: f.value,
          label,
          text: text.slice(f.start, f.end),
          span: { start: span.start + f.start, end: span.start + f.end },
          rule: 'table-cell.measure',
          table: { index: t.index, row: t.row, col: t.col },
        };
        if (f.valueMax !== undefined) m.valueMax = f.valueMax;
        if (unit !== undefined) m.unit = unit;
        if (f.approximate) m.approximate = true;
        if (period) m.period = period;
        if (t.rowHeader) m.table!.rowHeader = t.rowHeader;
        if (t.colHeader) m.table!.colHeader = t.colHeader;
        out.push(m);
      }
      continue;
    }
    if (value === undefined) continue;
    if (fraction) {
      const own = t.colHeader?.split(' - ').pop() ?? '';
      const kind = RANK_HEADER.test(own) ? 'rank' : SCORE_HEADER.test(own) ? 'score' : 'ratio';
      const m: MetricCandidate = { kind, value, denominator: readNumber(fraction[2]!)!, label, text, span: { ...span }, rule: 'table-cell', table: { index: t.index, row: t.row, col: t.col } };
      if (kind === 'ratio' && t.unit) m.unit = t.unit;
      const period = periodOf(t.colHeader);
      if (period) m.period = period;
      if (t.rowHeader) m.table!.rowHeader = t.rowHeader;
      if (t.colHeader) m.table!.colHeader = t.colHeader;
      out.push(m);
      continue;
    }
    const percent = text.trim().endsWith('%') || t.unit === '%';
    const money = !percent && t.unit !== undefined && MONEY.test(t.unit);
    // money is stated in VND like text money: `ĐVT: triệu đồng` × 1.430,5 → 1430500000
    const scaleWord = money ? /(nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)/i.exec(t.unit!)?.[1]?.toLowerCase() : undefined;
    const scale = scaleWord ? MONEY_SCALE[scaleWord] ?? 1 : 1;
    const measured = t.unit !== undefined && MEASURE_UNITS.has(t.unit.trim());
    const duration = !percent && !money ? durationUnitOf(t.unit, t.colHeader) : undefined;
    const m: MetricCandidate = {
      kind: percent ? 'percent' : money ? 'money' : duration ? 'duration' : measured ? 'quantity' : 'count',
      value: money && scale >= 1000 ? Math.round(value * scale) : value,
      label,
      text,
      span: { ...span },
      rule: 'table-cell',
      table: { index: t.index, row: t.row, col: t.col },
    };
    if (percent) m.unit = '%';
    else if (money) {
      m.unit = 'VND';
      // money per something (`nghìn đồng/người/ngày`, a unit column's `đồng/lượt`): the rest is `per`
      const per = /đồng\s*\/\s*(\S.*)$/i.exec(t.unit!)?.[1]?.trim();
      if (per) m.per = per;
    } else if (duration) m.unit = duration;
    else if (t.unit) m.unit = t.unit;
    const period = periodOf(t.colHeader);
    if (period) m.period = period;
    if (t.rowHeader) m.table!.rowHeader = t.rowHeader;
    if (t.colHeader) m.table!.colHeader = t.colHeader;
    out.push(m);
  }
  return out;
}

/**
 * A figure the text rules found inside a table cell (`0,5 ngày`, `10 ngày làm việc`, `50.000 đồng/lượt`) is a
 * table figure too: it gets the cell's place and headers, and the column's period when it states none. A figure
 * inside a formula cell (`3,6% x (0,15d + 1,5đ)`) is a coefficient of the formula, no metric: it is dropped.
 */
export function withCellContext<M extends MetricCandidate>(metrics: M[], doc: Document): M[] {
  const cells = doc.blocks.filter((b) => b.kind === 'table-cell' && b.table);
  if (cells.length === 0) return metrics;
  cells.sort((a, b) => a.span.start - b.span.start);
  const cellAt = (start: number, end: number) => {
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid]!;
      if (c.span.end <= start) lo = mid + 1;
      else if (c.span.start > start) hi = mid - 1;
      else return end <= c.span.end ? c : undefined;
    }
    return undefined;
  };
  const inFormula = new Set<M>();
  for (const m of metrics) {
    if (m.table) continue;
    const cell = cellAt(m.span.start, m.span.end);
    if (!cell) continue;
    const t = cell.table!;
    if (t.formula) {
      inFormula.add(m);
      continue;
    }
    m.table = { index: t.index, row: t.row, col: t.col };
    if (t.rowHeader) m.table.rowHeader = t.rowHeader;
    if (t.colHeader) m.table.colHeader = t.colHeader;
    if (m.period === undefined) {
      const period = periodOf(t.colHeader);
      if (period) m.period = period;
    }
  }
  return inFormula.size === 0 ? metrics : metrics.filter((m) => !inFormula.has(m));
}

/** parts add up to their total within this share (rounding of the parts as printed) */
const TOTAL_TOLERANCE = 0.005;

/**
 * A total row (`Tổng cộng`, `Tổng số`, `Tổng thời gian …`) is the total of the rows it sums in its column: the
 * rows of the same table, column, kind and unit between it and the previous total (or from it to the next, for
 * a total written first). They become its parts (`parentIndex`) only when they add up to it — a table with
 * sub-rows (a group and its items) does not, and gets no links rather than a false alarm.
 * `metrics` are in document order; returns them with the links set.
 */
export function linkTableTotals<M extends MetricCandidate>(metrics: M[]): M[] {
  const groups = new Map<string, number[]>();
  metrics.forEach((m, i) => {
    if (!m.table || m.parentIndex !== undefined) return;
    const key = `${m.table.index}|${m.table.col}|${m.kind}|${m.unit ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  });
  const isTotal = (m: M) => TOTAL_LABEL.test(m.table?.rowHeader ?? '');
  for (const idx of groups.values()) {
    const totals = idx.filter((i) => isTotal(metrics[i]!));
    for (const t of totals) {
      const pos = idx.indexOf(t);
      const before: number[] = [];
      for (let k = pos - 1; k >= 0 && !isTotal(metrics[idx[k]!]!); k--) before.unshift(idx[k]!);
      const after: number[] = [];
      for (let k = pos + 1; k < idx.length && !isTotal(metrics[idx[k]!]!); k++) after.push(idx[k]!);
      const total = metrics[t]!.value;
      for (const parts of [before, after]) {
        if (parts.length < 2) continue;
        const sum = parts.reduce((a, i) => a + metrics[i]!.value, 0);
        if (Math.abs(sum - total) <= Math.abs(total) * TOTAL_TOLERANCE) {
          for (const i of parts) metrics[i]!.parentIndex = t;
          break;
        }
      }
    }
  }
  return metrics;
}

/**
 * Before/after columns (`Thời hạn giải quyết hiện hành` | `… sau cắt giảm`): in each row, the figure under the
 * after column starts from (`fromIndex`) the figure under the before column of the same kind and unit (a procedure's
 * `10 ngày làm việc` → `09 ngày làm việc`). `metrics` are in document order; returns them with the links set.
 */
export function linkTableTransitions<M extends MetricCandidate>(metrics: M[]): M[] {
  const own = (m: M) => m.table?.colHeader?.split(' - ').pop() ?? '';
  const before = new Map<string, number>();
  metrics.forEach((m, i) => {
    if (m.table && TRANSITION_BEFORE.test(own(m)) && !TRANSITION_AFTER.test(own(m))) before.set(`${m.table.index}|${m.table.row}|${m.kind}|${m.unit ?? ''}`, i);
  });
  if (before.size === 0) return metrics;
  for (const m of metrics) {
    if (!m.table || m.fromIndex !== undefined || !TRANSITION_AFTER.test(own(m))) continue;
    const b = before.get(`${m.table.index}|${m.table.row}|${m.kind}|${m.unit ?? ''}`);
    if (b !== undefined) m.fromIndex = b;
  }
  return metrics;
}
