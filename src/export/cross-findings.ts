/**
 * The cross-report findings of a batch (src/check/cross.ts: year-over-year jumps, one document given
 * different dates) for the warehouse's `findings` table, the same ones `report-metrics check DIR` prints.
 * With the link tables present (the default batch), only the reports those findings can concern are read
 * (the two ends of each `jump` change, the citing reports of documents with conflicting dates), so memory
 * stays small at any batch size; without them (`--no-link`) every report is read, as `check DIR` does.
 * Each finding belongs to the later (or disagreeing) report (`report_id`) and names the other in
 * `other_report`; `report_ids` lists every report it concerns.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Finding, Report } from '../model/report.js';
import { checkAcross, readNdjsonFile, type CrossInput } from '../check/cross.js';

function readTable<T>(tableFile: (table: string) => string, table: string): T[] | undefined {
  return readNdjsonFile<T>(tableFile(table), table);
}

export interface CrossFinding extends Finding {
  reportId: string;
  reportIds: string[];
}

/**
 * `ids`: the reports of DIR/reports (sorted); `load(id)`: the report, or undefined when unreadable.
 * The findings sorted by id (a re-run gives the same rows).
 */
export function crossFindings(
  dir: string,
  ids: string[],
  load: (id: string) => Report | undefined,
  /** where each link table is read from (default DIR/tables/<table>.ndjson; a batch passes its not yet committed files) */
  tableFile: (table: string) => string = (table) => join(dir, 'tables', `${table}.ndjson`),
  memo?: JumpMemo,
): CrossFinding[] {
  const t = tableFile;
  const changes = readTable<NonNullable<CrossInput['changes']>[number]>(t, 'changes');
  const documents = readTable<NonNullable<CrossInput['documents']>[number]>(t, 'documents');
  const citations = readTable<NonNullable<CrossInput['citations']>[number]>(t, 'citations');
  if (memo && changes && documents && citations) return withOwners(memoized(ids, load, changes, documents, citations, memo));
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
  return withOwners(checkAcross(input));
}

/**
 * The findings of one year-over-year `jump` change depend only on the change row and its two reports: an
 * incremental batch keeps them by (change row, both reports' file signatures) and looks them up instead of
 * reading the two reports again. `sig(id)`: the report file's signature (undefined: not present).
 */
export interface JumpMemo {
  sig(id: string): string | undefined;
  get(key: string): Finding[] | undefined;
  set(key: string, findings: Finding[]): void;
  /**
   * A report as the date-conflict findings read it (its id, year, period start and its dated references),
   * without reading its file; undefined: read the file.
   */
  citing?(id: string): Report | undefined;
}

function memoized(
  ids: string[],
  load: (id: string) => Report | undefined,
  changes: NonNullable<CrossInput['changes']>,
  documents: NonNullable<CrossInput['documents']>,
  citations: NonNullable<CrossInput['citations']>,
  memo: JumpMemo,
): Finding[] {
  const present = new Set(ids);
  const cache = new Map<string, Report | undefined>();
  const get = (id: string) => {
    if (!present.has(id)) return undefined;
    if (!cache.has(id)) {
      if (cache.size >= 256) cache.delete(cache.keys().next().value!);
      cache.set(id, load(id));
    }
    return cache.get(id);
  };
  // the same findings, in the same order, as checkAcross over every report the changes and conflicts name
  const jumps: Finding[] = [];
  for (const c of changes) {
    if (c.type !== 'jump') continue;
    const key = createHash('sha1')
      .update(`${JSON.stringify(c)}\u0001${memo.sig(c.fromReportId) ?? '-'}\u0001${memo.sig(c.toReportId) ?? '-'}`)
      .digest('base64');
    let f = memo.get(key);
    if (!f) {
      const reports = [get(c.fromReportId), get(c.toReportId)].filter((r): r is Report => !!r);
      // through JSON, as a kept one comes back: the same rows either way
      f = JSON.parse(JSON.stringify(checkAcross({ reports, changes: [c], documents: [], citations: [] }))) as Finding[];
      memo.set(key, f);
    }
    jumps.push(...f);
  }
  const conflicted = new Set(documents.filter((d) => d.conflicts.some((c) => c.field === 'issuedOn')).map((d) => d.id));
  const wanted = new Set<string>();
  for (const c of citations) if (conflicted.has(c.documentId)) wanted.add(c.reportId);
  const reports: Report[] = [];
  for (const id of ids) {
    if (!wanted.has(id)) continue;
    const r = memo.citing?.(id) ?? load(id);
    if (r) reports.push(r);
  }
  const dates = checkAcross({ reports, changes: [], documents, citations });
  return [...jumps, ...dates];
}

function withOwners(findings: Finding[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const f of findings) {
    const owner = f.evidence[0]?.reportId;
    if (!owner) continue;
    const reportIds = [...new Set([owner, ...f.evidence.map((e) => e.reportId).filter((x): x is string => !!x), ...(f.otherReport ? [f.otherReport] : [])])];
    out.push({ ...f, reportId: owner, reportIds });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
