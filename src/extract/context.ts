/**
 * What every extractor receives and returns. Extractors are pure: (context) → candidate facts.
 * The pipeline then assigns stable ids, sections and pages, and validates.
 */
import type { Document } from '../model/document.js';
import type { DateFact, Finding, Metric, Reference, ReportMeta } from '../model/report.js';
import type { SpanMask } from './spans.js';

export interface ExtractContext {
  /** normalized text (the coordinate system) */
  text: string;
  doc: Document;
  /** the report's own metadata as far as known (year resolves relative dates) */
  meta: ReportMeta;
  /** spans already explained by earlier stages (header number, section numbers, references, dates) */
  mask: SpanMask;
}

/** A fact before the pipeline assigns id, section and page. `key` is a local handle for linking. */
export type RefCandidate = Omit<Reference, 'id' | 'section' | 'page'> & {
  /** the number+symbol itself (masked before dates run, so the citation's date is still found) */
  symbolSpan?: { start: number; end: number };
  /** the citation's date clause (`ngày 02/11/2023`); the date fact inside it gets this reference's id */
  dateSpan?: { start: number; end: number };
};
export type DateCandidate = Omit<DateFact, 'id' | 'section' | 'page' | 'referenceId'>;
export type MetricCandidate = Omit<Metric, 'id' | 'section' | 'page' | 'parent' | 'from'> & {
  /** index (in the returned array) of the total this metric is a part of */
  parentIndex?: number;
  /** index (in the returned array) of the figure a transition starts from (`từ 10 ngày xuống còn 07 ngày`) */
  fromIndex?: number;
};
export type FindingCandidate = Omit<Finding, 'id'>;

export interface DateResult {
  dates: DateCandidate[];
  findings: FindingCandidate[];
}

/** A language's rule pack: one extractor per dimension (Duckling-style). */
export interface RulePack {
  language: 'vi' | 'en';
  references(ctx: ExtractContext): RefCandidate[];
  dates(ctx: ExtractContext): DateResult;
  metrics(ctx: ExtractContext): MetricCandidate[];
}
