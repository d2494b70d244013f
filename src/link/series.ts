/**
 * Year-over-year changes and breaks of each series (agency × indicator): one `change` row per consecutive
 * pair of periods of the same type (annual, H1, Q1…), a `jump` when the value moves past the thresholds in
 * indicators.yaml, a `unit-change` when the kind (count, percent…) or, for money and frequencies, the unit differs, a `duplicate` when two reports give different
 * values for the same period.
 */
import { loadData } from '../vocab/data.js';

export interface SeriesPoint {
  year: number;
  /** '' for annual, else the suffix of the period value (H1, Q3, 9M…) */
  periodType: string;
  period: string;
  value: number;
  unit: string | null;
  kind: string;
  reportId: string;
  metricId: string;
}

export interface ChangeRow {
  id: string;
  agencyId: string;
  indicator: string;
  type: 'change' | 'jump' | 'unit-change' | 'duplicate';
  severity: 'info' | 'warning';
  fromPeriod: string;
  toPeriod: string;
  gapYears: number;
  fromValue: number;
  toValue: number;
  delta: number;
  ratio: number | null;
  fromUnit: string | null;
  toUnit: string | null;
  fromReportId: string;
  toReportId: string;
  fromMetricId: string;
  toMetricId: string;
  message: string;
}

interface Threshold {
  ratio?: number;
  minDelta: number;
}
let thresholds: Record<string, Threshold> | undefined;
function threshold(kind: string): Threshold {
  thresholds ??= loadData<{ changes: Record<string, Threshold> }>('indicators').changes;
  return thresholds[kind] ?? thresholds['default']!;
}

/**
 * What must stay the same along a series: the kind for counts and percentages (`TTHC`, `thủ tục` and
 * `thủ tục hành chính` count the same thing), the kind and unit for money and frequencies (triệu đồng ≠
 * tỷ đồng, lần/quý ≠ lần/tháng).
 */
function unitClass(p: SeriesPoint): string {
  if (p.kind === 'count' || p.kind === 'ratio' || p.kind === 'quantity') return 'count';
  if (p.kind === 'percent') return 'percent';
  return `${p.kind}:${p.unit ?? ''}`;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function isJump(kind: string, a: number, b: number): boolean {
  const t = threshold(kind);
  const d = Math.abs(b - a);
  if (d < t.minDelta) return false;
  if (t.ratio === undefined) return true;
  const lo = Math.min(Math.abs(a), Math.abs(b));
  const hi = Math.max(Math.abs(a), Math.abs(b));
  return lo === 0 || hi / lo >= t.ratio;
}

/** Changes of one series; points in any order. */
export function seriesChanges(agencyId: string, indicator: string, points: SeriesPoint[]): ChangeRow[] {
  const out: ChangeRow[] = [];
  const byType = new Map<string, SeriesPoint[]>();
  for (const p of points) {
    let l = byType.get(p.periodType);
    if (!l) byType.set(p.periodType, (l = []));
    l.push(p);
  }
  const types = [...byType.keys()].sort();
  for (const t of types) {
    if (t === 'range') continue;
    const list = byType
      .get(t)!
      .sort((a, b) => a.year - b.year || (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : a.metricId < b.metricId ? -1 : a.metricId > b.metricId ? 1 : 0));
    const first: SeriesPoint[] = [];
    for (const p of list) {
      const prev = first[first.length - 1];
      if (prev && prev.year === p.year) {
        // several facts of one report under one key (per-unit counts) are not a conflict; two reports are
        if (prev.reportId !== p.reportId && (prev.value !== p.value || prev.unit !== p.unit)) out.push(row(agencyId, indicator, 'duplicate', prev, p, `two values for ${p.period}: ${prev.value} (${prev.reportId}) and ${p.value} (${p.reportId})`));
        continue;
      }
      first.push(p);
    }
    for (let i = 1; i < first.length; i++) {
      const a = first[i - 1]!;
      const b = first[i]!;
      if (unitClass(a) !== unitClass(b)) {
        out.push(row(agencyId, indicator, 'unit-change', a, b, `unit changed from ${a.unit ?? a.kind} (${a.period}) to ${b.unit ?? b.kind} (${b.period})`));
      } else if (isJump(b.kind, a.value, b.value)) {
        out.push(row(agencyId, indicator, 'jump', a, b, `${indicator} jumped from ${a.value} (${a.period}) to ${b.value} (${b.period})`));
      } else {
        out.push(row(agencyId, indicator, 'change', a, b, `${indicator}: ${a.value} (${a.period}) → ${b.value} (${b.period})`));
      }
    }
  }
  return out;
}

function row(agencyId: string, indicator: string, type: ChangeRow['type'], a: SeriesPoint, b: SeriesPoint, message: string): ChangeRow {
  const id = type === 'duplicate' ? `dup:${agencyId}|${indicator}|${b.period}|${b.metricId}` : `chg:${agencyId}|${indicator}|${a.period}>${b.period}`;
  return {
    id,
    agencyId,
    indicator,
    type,
    severity: type === 'change' ? 'info' : 'warning',
    fromPeriod: a.period,
    toPeriod: b.period,
    gapYears: Math.max(0, b.year - a.year - 1),
    fromValue: a.value,
    toValue: b.value,
    delta: round(b.value - a.value),
    ratio: a.value === 0 ? null : round(b.value / a.value),
    fromUnit: a.unit,
    toUnit: b.unit,
    fromReportId: a.reportId,
    toReportId: b.reportId,
    fromMetricId: a.metricId,
    toMetricId: b.metricId,
    message,
  };
}
