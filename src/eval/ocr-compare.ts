/**
 * OCR against the text layer: the facts of a scanned rendering (OCR) compared with the facts of the same
 * document read from its text layer (the PDF it was rasterized from). Needs no gold, so it measures any
 * born-digital PDF (the fixtures, ../shared/real-pdf): what OCR loses or invents relative to the best reading.
 *
 * Facts are compared as multisets of keys, per kind:
 * - references: the reference's comparison key (`key`: folded symbol, or the named document) and `issuedOn`;
 * - dates: value, precision, end and label;
 * - metrics: kind, value and valueMax (as the gold matcher: the figure, not its wording).
 * Positions are not compared (OCR text differs in length and wrapping).
 */
import type { Report } from '../model/report.js';
import { FACT_TYPES, prf, type Counts, type FactType, type Prf } from './match.js';

export interface KindComparison extends Counts {
  /** keys of the text layer not found in the OCR reading (with the text-layer wording) */
  missed: { key: string; text: string }[];
  /** keys of the OCR reading not in the text layer (with the OCR wording) */
  extra: { key: string; text: string }[];
}

export type OcrComparison = Record<FactType, KindComparison>;

type Facts = Pick<Report, 'references' | 'dates' | 'metrics'>;

export function factKeys(report: Facts, kind: FactType): { key: string; text: string }[] {
  switch (kind) {
    case 'references':
      return report.references.filter((r) => r.self !== true).map((r) => ({ key: `${r.key}|${r.issuedOn ?? ''}`, text: r.text }));
    case 'dates':
      return report.dates.map((d) => ({ key: `${d.value}|${d.precision}|${d.end ?? ''}|${d.label ?? ''}`, text: d.text }));
    case 'metrics':
      return report.metrics.map((m) => ({ key: `${m.kind}|${m.value}|${m.valueMax ?? ''}`, text: m.text }));
  }
}

/** Multiset comparison of two readings' facts, one kind at a time. */
export function compareReadings(textLayer: Facts, ocr: Facts): OcrComparison {
  const out = {} as OcrComparison;
  for (const kind of FACT_TYPES) {
    const want = new Map<string, { key: string; text: string }[]>();
    for (const f of factKeys(textLayer, kind)) (want.get(f.key) ?? want.set(f.key, []).get(f.key)!).push(f);
    const c: KindComparison = { tp: 0, fp: 0, fn: 0, missed: [], extra: [] };
    for (const f of factKeys(ocr, kind)) {
      const left = want.get(f.key);
      if (left && left.length > 0) {
        left.shift();
        c.tp++;
      } else {
        c.fp++;
        c.extra.push(f);
      }
    }
    for (const left of want.values()) {
      c.fn += left.length;
      c.missed.push(...left);
    }
    out[kind] = c;
  }
  return out;
}

export function scoreComparison(c: OcrComparison): Record<FactType, Prf> {
  const out = {} as Record<FactType, Prf>;
  for (const kind of FACT_TYPES) out[kind] = prf(c[kind]);
  return out;
}
