/**
 * What each figure means (issue 15): scores a Report's metrics against blind "metric semantics" gold
 * (fixtures/gold-real-text-semantics/*.metrics.json, format in that folder's README).
 *
 * Matching: a gold metric is placed in the text (its `context`, then its `text` inside it, in document order,
 * as ./gold.locateItems does); it matches the prediction of the same kind and value (±1e-9) whose span overlaps
 * that place most (one-to-one, greedy in gold order). Over the matched pairs and the unmatched sides:
 *
 * - metrics: P/R/F1 over every gold metric, durations included; `duration`, `percent` … the same per kind;
 * - ranges: a gold item with `valueMax` is found when its match has the same `valueMax`; a predicted range
 *   is right when it matches a gold range with that `valueMax` (P/R/F1);
 * - changes: found when the match has a `change` with the same `direction` (P/R/F1); `change.baseline`
 *   accuracy over the pairs where both have a change;
 * - targets: `target: true` on both sides of a pair (P/R/F1);
 * - transitions: `from` accuracy over gold items with `from` (the prediction's `from` must be the id of the
 *   prediction matched to the gold item whose text is the gold `from`);
 * - subjects: a predicted subject matches the gold one when, after folding (NFC, lower case, tone placement,
 *   `đ`→`d`, diacritics dropped) and splitting into words, the words they share are at least 60 % of the
 *   smaller word set and at least 2 words (1 when a side has 1 word). Recall = matched subjects / gold subjects,
 *   precision = matched subjects / predicted metrics with a subject that match a gold metric with a subject;
 * - unit, per, period, denominator: accuracy over matched pairs where the gold gives the field (units compared
 *   after folding; `per` likewise; period when the predicted period's folded words contain the gold's digits);
 * - notMetrics: how many must-not-fire items a predicted metric overlaps.
 */
import { readFileSync } from 'node:fs';
import { asciiFold, foldForMatch } from '../normalize/fold.js';
import { locateItems, type Located } from './gold.js';
import { matchBySpan, overlap, prf, type Counts, type Prf } from './match.js';

export interface SemanticGoldMetric {
  text: string;
  context?: string;
  value: number;
  valueMax?: number;
  kind: string;
  unit?: string;
  per?: string;
  denominator?: number;
  change?: { direction: 'up' | 'down'; baseline?: string; basePeriod?: string };
  from?: string;
  target?: boolean;
  subject?: string;
  period?: string;
  parent?: string;
  table?: { rowHeader?: string; colHeader?: string };
  note?: string;
}

export interface SemanticGold {
  file: string;
  language: 'vi' | 'en';
  annotator?: string;
  metrics: SemanticGoldMetric[];
  notMetrics?: { text: string; context?: string; why?: string }[];
}

/** The metric fields the scorer reads from a prediction. */
export interface PredictedMetric {
  id?: string;
  kind: string;
  value: number;
  valueMax?: number;
  unit?: string;
  per?: string;
  denominator?: number;
  change?: { direction: string; baseline?: string; basePeriod?: string };
  from?: string;
  target?: boolean;
  subject?: string;
  period?: string;
  text: string;
  span: { start: number; end: number };
}

export function loadSemanticGold(path: string): SemanticGold {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const g = raw as Partial<SemanticGold>;
  if (typeof g.file !== 'string' || !Array.isArray(g.metrics)) throw new Error(`${path}: needs "file" and "metrics"`);
  g.metrics.forEach((m, i) => {
    if (typeof m.text !== 'string' || typeof m.value !== 'number' || typeof m.kind !== 'string') throw new Error(`${path}: metrics[${i}] needs text, value, kind`);
  });
  return g as SemanticGold;
}

export type SemanticScoreName = 'metrics' | 'durations' | 'ranges' | 'changes' | 'targets' | 'subjects';
export const SEMANTIC_SCORES: SemanticScoreName[] = ['metrics', 'durations', 'ranges', 'changes', 'targets', 'subjects'];

export interface SemanticComparison {
  counts: Record<SemanticScoreName, Counts>;
  byKind: Record<string, Counts>;
  fields: Record<string, { correct: number; total: number }>;
  notMetricsHit: number;
  notMetricsTotal: number;
  misses: { text: string; kind: string; value: number; near?: string }[];
  extras: { text: string; kind: string; value: number; start: number }[];
  fieldErrors: { field: string; text: string; gold: string; predicted: string }[];
  notMetricErrors: { text: string; why?: string; predicted: string }[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Folded words of a phrase: the subject comparison key. */
export function subjectWords(s: string): Set<string> {
  return new Set(
    asciiFold(foldForMatch(s.normalize('NFC')))
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

/** Two subjects name the same thing: shared words ≥ 60 % of the smaller set and ≥ 2 (1 when a side has 1). */
export function sameSubject(gold: string, pred: string): boolean {
  const a = subjectWords(gold);
  const b = subjectWords(pred);
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const small = Math.min(a.size, b.size);
  return shared >= Math.min(2, small) && shared / small >= 0.6;
}

const foldUnit = (s: string): string => asciiFold(foldForMatch(s.normalize('NFC'))).replace(/\s+/g, ' ').trim();

export function compareSemantics(preds: readonly PredictedMetric[], gold: SemanticGold, text: string): SemanticComparison {
  const counts = Object.fromEntries(SEMANTIC_SCORES.map((k) => [k, zero()])) as Record<SemanticScoreName, Counts>;
  const byKind: Record<string, Counts> = {};
  const kindCounts = (k: string): Counts => (byKind[k] ??= zero());
  const fields: SemanticComparison['fields'] = {};
  const fieldErrors: SemanticComparison['fieldErrors'] = [];
  const field = (name: string, ok: boolean, err: { text: string; gold: string; predicted: string }): void => {
    const f = (fields[name] ??= { correct: 0, total: 0 });
    f.total++;
    if (ok) f.correct++;
    else fieldErrors.push({ field: name, ...err });
  };
  const located: Located[] = locateItems(text, gold.metrics, { framed: true });
  // a context that does not read as the view spells it (table pipes): place the text alone
  const retry = gold.metrics.map((m) => ({ text: m.text }));
  const bare = located.some((l) => l.how === 'missing') ? locateItems(text, retry, { framed: true }) : located;
  const loc = located.map((l, i) => (l.how === 'missing' ? bare[i]! : l));

  const { pairs, taken } = matchBySpan(gold.metrics, loc, preds, (g, p) => p.kind === g.kind && Math.abs(p.value - g.value) <= 1e-9);
  const goldOfPred = new Map<number, number>();
  for (const [gi, pi] of pairs) goldOfPred.set(pi, gi);
  const predById = new Map<string, number>();
  preds.forEach((p, i) => p.id !== undefined && predById.set(p.id, i));
  const misses: SemanticComparison['misses'] = [];
  const extras: SemanticComparison['extras'] = [];

  gold.metrics.forEach((g, gi) => {
    const pi = pairs.get(gi);
    const p = pi !== undefined ? preds[pi] : undefined;
    const isDuration = g.kind === 'duration';
    if (!p) {
      counts.metrics.fn++;
      kindCounts(g.kind).fn++;
      if (isDuration) counts.durations.fn++;
      if (g.valueMax !== undefined) counts.ranges.fn++;
      if (g.change) counts.changes.fn++;
      if (g.target) counts.targets.fn++;
      if (g.subject) counts.subjects.fn++;
      const l = loc[gi]!;
      const near = l.how !== 'missing' ? preds.find((q, i) => !taken.has(i) && overlap(l, q.span) > 0) : undefined;
      misses.push({ text: g.text, kind: g.kind, value: g.value, ...(near ? { near: `${near.kind} ${near.value} ${JSON.stringify(near.text)}` } : {}) });
      return;
    }
    counts.metrics.tp++;
    kindCounts(g.kind).tp++;
    if (isDuration) counts.durations.tp++;
    const t = g.text;
    // ranges
    if (g.valueMax !== undefined) {
      if (p.valueMax === g.valueMax) counts.ranges.tp++;
      else {
        counts.ranges.fn++;
        if (p.valueMax !== undefined) counts.ranges.fp++;
        fieldErrors.push({ field: 'range', text: t, gold: String(g.valueMax), predicted: String(p.valueMax ?? '(none)') });
      }
    } else if (p.valueMax !== undefined) counts.ranges.fp++;
    // changes
    if (g.change) {
      if (p.change && p.change.direction === g.change.direction) {
        counts.changes.tp++;
        if (g.change.baseline !== undefined) field('change.baseline', p.change.baseline === g.change.baseline, { text: t, gold: g.change.baseline, predicted: p.change.baseline ?? '(none)' });
      } else {
        counts.changes.fn++;
        if (p.change) counts.changes.fp++;
        fieldErrors.push({ field: 'change', text: t, gold: g.change.direction, predicted: p.change?.direction ?? '(none)' });
      }
    } else if (p.change) {
      counts.changes.fp++;
      fieldErrors.push({ field: 'change', text: t, gold: '(none)', predicted: p.change.direction });
    }
    // targets
    if (g.target) {
      if (p.target) counts.targets.tp++;
      else {
        counts.targets.fn++;
        fieldErrors.push({ field: 'target', text: t, gold: 'true', predicted: '(none)' });
      }
    } else if (p.target) {
      counts.targets.fp++;
      fieldErrors.push({ field: 'target', text: t, gold: '(none)', predicted: 'true' });
    }
    // subjects
    if (g.subject) {
      if (p.subject && sameSubject(g.subject, p.subject)) counts.subjects.tp++;
      else {
        counts.subjects.fn++;
        if (p.subject) counts.subjects.fp++;
        fieldErrors.push({ field: 'subject', text: t, gold: g.subject, predicted: p.subject ?? '(none)' });
      }
    }
    // transitions
    if (g.from !== undefined) {
      let fromGold = -1;
      for (let j = gi - 1; j >= 0; j--) if (gold.metrics[j]!.text === g.from || `${gold.metrics[j]!.text} @ ${gold.metrics[j]!.context ?? ''}` === g.from) {
        fromGold = j;
        break;
      }
      const predFrom = p.from !== undefined ? predById.get(p.from) : undefined;
      const ok = fromGold >= 0 && predFrom !== undefined && goldOfPred.get(predFrom) === fromGold;
      field('from', ok, { text: t, gold: g.from, predicted: predFrom !== undefined ? preds[predFrom]!.text : '(none)' });
    }
    if (isDuration && g.unit !== undefined) field('duration.unit', p.unit === g.unit, { text: t, gold: g.unit, predicted: p.unit ?? '(none)' });
    else if (g.unit !== undefined) field('unit', p.unit !== undefined && (foldUnit(p.unit) === foldUnit(g.unit) || foldUnit(p.unit).startsWith(foldUnit(g.unit) + ' ')), { text: t, gold: g.unit, predicted: p.unit ?? '(none)' });
    if (g.per !== undefined) field('per', p.per !== undefined && foldUnit(p.per) === foldUnit(g.per), { text: t, gold: g.per, predicted: p.per ?? '(none)' });
    if (g.denominator !== undefined) field('denominator', p.denominator === g.denominator, { text: t, gold: String(g.denominator), predicted: String(p.denominator ?? '(none)') });
    if (g.period !== undefined) {
      const digits = g.period.match(/[0-9]+/g) ?? [];
      const pp = p.period ?? '';
      field('period', p.period !== undefined && digits.every((d) => pp.includes(d)), { text: t, gold: g.period, predicted: p.period ?? '(none)' });
    }
  });
  preds.forEach((p, i) => {
    if (taken.has(i)) return;
    counts.metrics.fp++;
    kindCounts(p.kind).fp++;
    if (p.kind === 'duration') counts.durations.fp++;
    if (p.valueMax !== undefined) counts.ranges.fp++;
    if (p.change) counts.changes.fp++;
    if (p.target) counts.targets.fp++;
    extras.push({ text: p.text, kind: p.kind, value: p.value, start: p.span.start });
  });
  // subject precision: predicted subjects on matched pairs whose gold has a subject (counted above as fp when wrong)

  // notMetrics: a prediction overlapping a must-not item
  const nm = gold.notMetrics ?? [];
  const nmLoc = locateItems(text, nm, { framed: true });
  const nmBare = locateItems(text, nm.map((x) => ({ text: x.text })), { framed: true });
  let hit = 0;
  const notMetricErrors: SemanticComparison['notMetricErrors'] = [];
  nm.forEach((x, k) => {
    const l = nmLoc[k]!.how !== 'missing' ? nmLoc[k]! : nmBare[k]!;
    if (l.how === 'missing') return;
    const p = preds.find((q) => overlap(l, q.span) > 0);
    if (p) {
      hit++;
      notMetricErrors.push({ text: x.text, ...(x.why ? { why: x.why } : {}), predicted: `${p.kind} ${p.value} ${JSON.stringify(p.text)}` });
    }
  });
  return { counts, byKind, fields, notMetricsHit: hit, notMetricsTotal: nm.length, misses, extras, fieldErrors, notMetricErrors };
}

export interface SemanticTotals {
  scores: Record<SemanticScoreName, Counts & Prf>;
  byKind: Record<string, Counts & Prf>;
  fields: Record<string, { correct: number; total: number; accuracy: number }>;
  notMetricsHit: number;
  notMetricsTotal: number;
}

export function totalSemantics(cs: readonly SemanticComparison[]): SemanticTotals {
  const sum = Object.fromEntries(SEMANTIC_SCORES.map((k) => [k, zero()])) as Record<SemanticScoreName, Counts>;
  const kinds: Record<string, Counts> = {};
  const fields: Record<string, { correct: number; total: number }> = {};
  let hit = 0;
  let total = 0;
  for (const c of cs) {
    for (const k of SEMANTIC_SCORES) {
      sum[k].tp += c.counts[k].tp;
      sum[k].fp += c.counts[k].fp;
      sum[k].fn += c.counts[k].fn;
    }
    for (const [k, v] of Object.entries(c.byKind)) {
      const t = (kinds[k] ??= zero());
      t.tp += v.tp;
      t.fp += v.fp;
      t.fn += v.fn;
    }
    for (const [k, v] of Object.entries(c.fields)) {
      const f = (fields[k] ??= { correct: 0, total: 0 });
      f.correct += v.correct;
      f.total += v.total;
    }
    hit += c.notMetricsHit;
    total += c.notMetricsTotal;
  }
  const scores = Object.fromEntries(SEMANTIC_SCORES.map((k) => [k, { ...sum[k], ...prf(sum[k]) }])) as SemanticTotals['scores'];
  const byKind = Object.fromEntries(Object.entries(kinds).sort().map(([k, v]) => [k, { ...v, ...prf(v) }]));
  const fieldsOut = Object.fromEntries(Object.entries(fields).sort().map(([k, v]) => [k, { ...v, accuracy: v.total ? v.correct / v.total : 1 }]));
  return { scores, byKind, fields: fieldsOut, notMetricsHit: hit, notMetricsTotal: total };
}
