/**
 * Indicator matching: a metric (label, unit, kind, section title) → a key of the indicator vocabulary.
 * Placeholder until issue 5 lands; the pipeline calls it for every metric.
 */
export interface IndicatorInput {
  label: string;
  unit?: string;
  kind: string;
  sectionTitle?: string;
  language: 'vi' | 'en';
}

export interface IndicatorMatch {
  key: string;
  score: number;
}

export function matchIndicator(_m: IndicatorInput): IndicatorMatch | undefined {
  return undefined;
}
