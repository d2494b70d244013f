/**
 * The cross-report findings of a batch (src/check/cross.ts: year-over-year jumps, one document given
 * different dates) for the warehouse's `findings` table, the same ones `report-metrics check DIR` prints.
 * With the link tables present (the default batch), only the reports those findings can concern are read
 * (the two ends of each `jump` change, the citing reports of documents with conflicting dates), so memory
 * stays small at any batch size; without them (`--no-link`) every report is read, as `check DIR` does.
 * Each finding belongs to the later (or disagreeing) report (`report_id`) and names the other in
 * `other_report`; `report_ids` lists every report it concerns.
 */
import { join } from 'node:path';
import type { Finding, Report } from '../model/report.js';
import { checkAcross, readNdjson, type CrossInput } from '../check/cross.js';

export interface CrossFinding extends Finding {
  reportId: string;
  reportIds: string[];
}

/**
 * `ids`: the reports of DIR/reports (sorted); `load(id)`: the report, or undefined when unreadable.
 * The findings sorted by id (a re-run gives the same rows).
 */
export function crossFindings(dir: string, ids: string[], load: (id: string) => Report | undefined): CrossFinding[] {
  const t = join(dir, 'tables');
  const changes = readNdjson<NonNullable<CrossInput['changes']>[number]>(t, 'changes');
  const documents = readNdjson<NonNullable<CrossInput['documents']>[number]>(t, 'documents');
  const citations = readNdjson<NonNullable<CrossInput['citations']>[number]>(t, 'citations');
  let wanted: Set<string> | undefined;
  if (changes && documents && citations) {
    wanted = new Set();
    for (const c of changes) if (c.type === 'jump') wanted.add(c.fromReportId).add(c.toReportId);
    const conflicted = new Set(documents.filter((d) => d.conflicts.some((c) => c.field === 'issuedOn')).map((d) => d.id));
    for (const c of citations) if (conflicted.has(c.documentId)) wanted.add(c.reportId);
  }
  const reports: Report[] = [];
  for (const id of ids) {
    if (wanted && !wanted.has(id)) continue;
    const r = load(id);
    if (r) reports.push(r);
  }
  const input: CrossInput = { reports };
  if (changes) input.changes = changes;
  if (documents && citations) {
    input.documents = documents;
    input.citations = citations;
  }
  const out: CrossFinding[] = [];
  for (const f of checkAcross(input)) {
    const owner = f.evidence[0]?.reportId;
    if (!owner) continue;
    const reportIds = [...new Set([owner, ...f.evidence.map((e) => e.reportId).filter((x): x is string => !!x), ...(f.otherReport ? [f.otherReport] : [])])];
    out.push({ ...f, reportId: owner, reportIds });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
