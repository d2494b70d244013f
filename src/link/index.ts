/** Cross-report linking over a batch output folder (issue 5). Placeholder until it lands. */
export interface LinkSummary {
  reports: number;
  agencies: number;
  documents: number;
  citations: number;
  series: number;
}

export async function runLink(_dir: string): Promise<LinkSummary> {
  return { reports: 0, agencies: 0, documents: 0, citations: 0, series: 0 };
}
