import type { ReportMeta, Span } from '../model/report.js';

export interface HeaderResult {
  meta: ReportMeta;
  /** spans explained by the header (the report's own number) that extractors must skip */
  claimed: Span[];
}

export function parseHeader(_text: string, _language: 'vi' | 'en'): HeaderResult {
  return { meta: {}, claimed: [] };
}
