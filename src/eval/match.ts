/**
 * The matcher: one Report against one gold file → true positives, misses, extras and field accuracy.
 *
 * - references: same symbol key (see src/extract/symbol-key.ts) and same issuedOn (null = null);
 * - dates: same value, precision and end, and the predicted span overlaps the gold text's occurrence;
 * - metrics: same kind and value (±1e-9), and the predicted span overlaps the gold text's occurrence.
 * Matching is one-to-one over multisets, greedy in document order (gold items in their order, each taking
 * the earliest compatible unmatched prediction, preferring the largest overlap).
 * Gold text occurrences are placed in document order by ./gold.locateItems.
 */
import type { DateFact, Metric, Reference, Report } from '../model/report.js';
import { symbolKey } from '../extract/symbol-key.js';
import { namedReferenceKey } from '../extract/vi/named-references.js';
import { foldForMatch } from '../normalize/fold.js';
import type { GoldDate, GoldFile, GoldMetric, GoldReference, Located } from './gold.js';
import { locateItems, resolveParent, UNSCORED_METRIC_KINDS } from './gold.js';

export type FactType = 'references' | 'dates' | 'metrics';
export const FACT_TYPES: FactType[] = ['references', 'dates', 'metrics'];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Agreement on one field over matched pairs where the field applies. */
export interface FieldScore {
  correct: number;
  total: number;
}

export interface Miss {
  type: FactType;
  /** gold text (dates, metrics) or symbol (references) */
  text: string;
  value: string;
  /** what came close: a prediction at the same place or with the same key but another value */
  near?: string;
  goldIndex: number;
}

export interface Extra {
  type: FactType;
  text: string;
  value: string;
  span?: { start: number; end: number };
}

export interface FieldError {
  field: string;
  text: string;
  gold: string;
  predicted: string;
}

export interface FileComparison {
  counts: Record<FactType, Counts>;
  misses: Miss[];
  extras: Extra[];
  fields: Record<string, FieldScore>;
  fieldErrors: FieldError[];
  /** gold items whose text could not be placed in document order (other renderings may reorder text) */
  unplaced: number;
}

/** The minimal parts of a Report the matcher reads (so tests can build small synthetic cases). */
export interface Predicted {
  references: (Pick<Reference, 'type' | 'issuedOn' | 'text' | 'span'> & { symbol?: string | undefined; name?: string | undefined; year?: number | undefined; self?: boolean | undefined })[];
  dates: Pick<DateFact, 'value' | 'precision' | 'end' | 'text' | 'span'>[];
  metrics: Pick<Metric, 'id' | 'kind' | 'value' | 'unit' | 'per' | 'denominator' | 'parent' | 'text' | 'span'>[];
  report?: Report['report'];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function byStart<T extends { span: { start: number; end: number } }>(xs: readonly T[]): { item: T; index: number }[] {
  return xs.map((item, index) => ({ item, index })).sort((a, b) => a.item.span.start - b.item.span.start || a.item.span.end - b.item.span.end);
}

function describeDate(d: { value: string; precision: string; end?: string | undefined }): string {
  return `${d.value}${d.end !== undefined ? '..' + d.end : ''} (${d.precision})`;
}

function describeMetric(m: { kind: string; value: number; denominator?: number | undefined }): string {
  return `${m.kind} ${m.value}${m.denominator !== undefined ? '/' + m.denominator : ''}`;
}

/**
 * Greedy one-to-one matching over spans. `compatible` decides value agreement; a gold item whose text could not
 * be placed (located.how = missing) matches on value alone.
 */
export function matchBySpan<G, P extends { span: { start: number; end: number } }>(
  gold: readonly G[],
  located: readonly Located[],
  preds: readonly P[],
  compatible: (g: G, p: P) => boolean,
): { pairs: Map<number, number>; taken: Set<number> } {
  const order = byStart(preds);
  const taken = new Set<number>();
  const pairs = new Map<number, number>();
  gold.forEach((g, gi) => {
    const loc = located[gi]!;
    let best = -1;
    let bestOverlap = 0;
    for (const { item, index } of order) {
      if (taken.has(index) || !compatible(g, item)) continue;
      if (loc.how === 'missing') {
        best = index;
        break;
      }
      const ov = overlap(loc, item.span);
      if (ov > bestOverlap) {
        best = index;
        bestOverlap = ov;
      }
    }
    if (best >= 0) {
      taken.add(best);
      pairs.set(gi, best);
    }
  });
  return { pairs, taken };
}

function sameUnit(gold: string, pred: string | undefined): boolean {
  if (pred === undefined) return false;
  const g = foldForMatch(gold.normalize('NFC'));
  const p = foldForMatch(pred.normalize('NFC'));
  return p === g || p.startsWith(g + ' ') || p.startsWith(g + ',');
}

const AGENCY_ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/gu, 'ủy ban nhân dân'],
  [/\bhđnd\b/gu, 'hội đồng nhân dân'],
  [/\bvp\b/gu, 'văn phòng'],
  [/\bkh&cn\b/gu, 'khoa học và công nghệ'],
];

/** Agency names compare case- and tone-placement-insensitively, with UBND/HĐND/VP/KH&CN spelled out. */
function agencyKey(s: string): string {
  let k = foldForMatch(s.normalize('NFC'));
  for (const [re, full] of AGENCY_ABBREVIATIONS) k = k.replace(re, full);
  return k;
}

/** Compares one report (or its minimal parts) with its gold. `text` is the report's normalized text. */
export function compareReport(pred: Predicted, goldIn: GoldFile, text: string): FileComparison {
  const gold: GoldFile = { ...goldIn, metrics: goldIn.metrics.filter((m) => !UNSCORED_METRIC_KINDS.has(m.kind)) };
  const counts: Record<FactType, Counts> = { references: zero(), dates: zero(), metrics: zero() };
  const misses: Miss[] = [];
  const extras: Extra[] = [];
  const fields: Record<string, FieldScore> = {};
  const fieldErrors: FieldError[] = [];
  const field = (name: string, ok: boolean, err?: Omit<FieldError, 'field'>): void => {
    const f = (fields[name] ??= { correct: 0, total: 0 });
    f.total++;
    if (ok) f.correct++;
    else if (err) fieldErrors.push({ field: name, ...err });
  };

  // ---- references: key + issuedOn, greedy in document order
  // the report naming itself (`self`) is a mention, no citation: not scored as a reference
  const cited = pred.references.filter((r) => r.self !== true);
  const refOrder = byStart(cited);
  const refTaken = new Set<number>();
  // a reference by symbol is keyed by its symbol; one cited by name by type, folded name and year
  const refKey = (r: { symbol?: string | undefined; name?: string | undefined; type: string; issuedOn?: string | null | undefined; year?: number | undefined }): string =>
    r.symbol ? symbolKey(r.symbol) : namedReferenceKey(r.type, r.name ?? '', r.issuedOn?.slice(0, 4) ?? r.year);
  const label = (r: { symbol?: string | undefined; name?: string | undefined }): string => r.symbol ?? r.name ?? '';
  gold.references.forEach((g: GoldReference, gi) => {
    const k = refKey(g);
    const hit = refOrder.find(({ item, index }) => !refTaken.has(index) && refKey(item) === k && (item.issuedOn ?? null) === g.issuedOn);
    const near = hit ? undefined : refOrder.find(({ item, index }) => !refTaken.has(index) && refKey(item) === k);
    // reference dates: of the gold citations that give a date, how many are found with that date
    if (g.issuedOn) field('reference.issuedOn', hit !== undefined, { text: label(g), gold: g.issuedOn, predicted: (hit ?? near)?.item.issuedOn ?? '(none)' });
    if (!hit) {
      const miss: Miss = { type: 'references', text: label(g), value: `${g.type} ${g.issuedOn ?? 'no date'}`, goldIndex: gi };
      if (near) miss.near = `predicted ${label(near.item)} with issuedOn ${near.item.issuedOn ?? 'none'}`;
      misses.push(miss);
      counts.references.fn++;
      return;
    }
    refTaken.add(hit.index);
    counts.references.tp++;
    field('reference.type', hit.item.type === g.type, { text: label(g), gold: g.type, predicted: hit.item.type });
  });
  cited.forEach((p, i) => {
    if (refTaken.has(i)) return;
    counts.references.fp++;
    extras.push({ type: 'references', text: label(p), value: `${p.type} ${p.issuedOn ?? 'no date'}`, span: p.span });
  });

  // ---- dates
  const locD = locateItems(text, gold.dates);
  const dm = matchBySpan(
    gold.dates,
    locD,
    pred.dates,
    (g: GoldDate, p) => p.value === g.value && p.precision === g.precision && (p.end ?? null) === (g.end ?? null),
  );
  gold.dates.forEach((g, gi) => {
    if (dm.pairs.has(gi)) {
      counts.dates.tp++;
      return;
    }
    counts.dates.fn++;
    const miss: Miss = { type: 'dates', text: g.text, value: describeDate(g), goldIndex: gi };
    const loc = locD[gi]!;
    const near = loc.how !== 'missing' ? pred.dates.find((p, pi) => !dm.taken.has(pi) && overlap(loc, p.span) > 0) : undefined;
    if (near) miss.near = `predicted ${JSON.stringify(near.text)} = ${describeDate(near)}`;
    misses.push(miss);
  });
  pred.dates.forEach((p, i) => {
    if (dm.taken.has(i)) return;
    counts.dates.fp++;
    extras.push({ type: 'dates', text: p.text, value: describeDate(p), span: p.span });
  });

  // ---- metrics
  const locM = locateItems(text, gold.metrics);
  const mm = matchBySpan(gold.metrics, locM, pred.metrics, (g: GoldMetric, p) => p.kind === g.kind && Math.abs(p.value - g.value) <= 1e-9);
  const goldOfPred = new Map<number, number>();
  for (const [gi, pi] of mm.pairs) goldOfPred.set(pi, gi);
  const predIndexById = new Map<string, number>();
  pred.metrics.forEach((p, i) => {
    if (p.id !== undefined) predIndexById.set(p.id, i);
  });
  gold.metrics.forEach((g, gi) => {
    const pi = mm.pairs.get(gi);
    if (pi === undefined) {
      counts.metrics.fn++;
      const miss: Miss = { type: 'metrics', text: g.text, value: describeMetric(g), goldIndex: gi };
      const loc = locM[gi]!;
      const near = loc.how !== 'missing' ? pred.metrics.find((p, i) => !mm.taken.has(i) && overlap(loc, p.span) > 0) : undefined;
      if (near) miss.near = `predicted ${JSON.stringify(near.text)} = ${describeMetric(near)}`;
      misses.push(miss);
      return;
    }
    counts.metrics.tp++;
    const p = pred.metrics[pi]!;
    if (g.unit !== undefined) field('metric.unit', sameUnit(g.unit, p.unit), { text: g.text, gold: g.unit, predicted: p.unit ?? '(none)' });
    if (g.per !== undefined) field('metric.per', p.per !== undefined && foldForMatch(p.per) === foldForMatch(g.per), { text: g.text, gold: g.per, predicted: p.per ?? '(none)' });
    if (g.denominator !== undefined) field('metric.denominator', p.denominator === g.denominator, { text: g.text, gold: String(g.denominator), predicted: String(p.denominator ?? '(none)') });
    if (g.parent !== undefined || p.parent !== undefined) {
      const goldParent = resolveParent(gold.metrics, gi);
      const predParentIndex = p.parent !== undefined ? predIndexById.get(p.parent) : undefined;
      const predParentGold = predParentIndex !== undefined ? goldOfPred.get(predParentIndex) : undefined;
      const predParentText = predParentIndex !== undefined ? pred.metrics[predParentIndex]!.text : p.parent !== undefined ? '(unknown id)' : '(none)';
      const ok = g.parent !== undefined && predParentGold !== undefined && predParentGold === goldParent;
      field('metric.parent', ok, { text: g.text, gold: g.parent ?? '(none)', predicted: predParentText });
    }
  });
  pred.metrics.forEach((p, i) => {
    if (mm.taken.has(i)) return;
    counts.metrics.fp++;
    extras.push({ type: 'metrics', text: p.text, value: describeMetric(p), span: p.span });
  });

  // ---- report metadata
  if (gold.report && pred.report) {
    const r = pred.report;
    const g = gold.report;
    const cmp = (name: string, gv: string | number | null | undefined, pv: string | number | null | undefined, eq: (a: NonNullable<typeof gv>, b: NonNullable<typeof pv>) => boolean): void => {
      if (gv === undefined) return;
      const ok = gv === null ? pv == null : pv != null && eq(gv, pv);
      field(`report.${name}`, ok, { text: gold.file, gold: String(gv), predicted: String(pv ?? '(none)') });
    };
    cmp('agency', g.agency, r.agency, (a, b) => agencyKey(String(a)) === agencyKey(String(b)));
    cmp('year', g.year, r.year, (a, b) => a === b);
    cmp('issuedOn', g.issuedOn, r.issuedOn, (a, b) => a === b);
    cmp('number', g.number, r.number, (a, b) => symbolKey(String(a)) === symbolKey(String(b)));
  }

  const unplaced = [...locD, ...locM].filter((l) => l.how !== 'in-order').length;
  return { counts, misses, extras, fields, fieldErrors, unplaced };
}

// ---------------------------------------------------------------- scores

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall, F1; an empty side scores 1 only when the other side is empty too. */
export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? (c.fp === 0 ? 1 : 0) : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}
