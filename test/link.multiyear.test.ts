/**
 * Issue 5, "must show": the real pipeline (processFile) on the generated multi-year fixtures
 * (scripts/make-multiyear.mjs), then runLink over the reports; checked against fixtures/multiyear/expected.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRow } from '../src/validate/table-columns.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../src/pipeline/process-file.js';
import { runLink, type LinkSummary } from '../src/link/index.js';
import { documentSymbolKey } from '../src/link/documents.js';
import { matchIndicator, metricContexts } from '../src/vocab/indicators.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'multiyear');
interface Expected {
  reports: Array<{ file: string; agencyId: string; province: string; year: number; points: Array<{ concept: string; value: number }> }>;
  documents: Array<{ symbol: string; jurisdiction: string; files: string[] }>;
  conflicts: Array<{ symbol: string; jurisdiction: string; field: string }>;
  jumps: Array<{ agencyId: string; concept: string; from: number; to: number }>;
}
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as Expected;

/** the rows of a table with their fields in camelCase (the columns are snake_case: src/validate/table-columns.ts) */
function table<T>(dir: string, name: string): T[] {
  return readFileSync(join(dir, 'tables', `${name}.ndjson`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => fromRow<T>(name, JSON.parse(l) as object));
}

interface SeriesRow { agencyId: string; indicator: string; year: number; value: number; reportId: string; matched: boolean }
interface DocRow { id: string; key: string; jurisdiction: string; citations: number; conflicts: Array<{ field: string }> }
interface CitRow { documentId: string; reportId: string }
interface RaRow { reportId: string; agencyId: string; provinceId: string | null }

// reports extracted with their text (--include-text): the link step then matches each metric with the clause
// it was written in, not only its label; `bare` holds the same reports without text (labels only)
let dir: string;
let bare: string;
let tagged: string;
let summary: LinkSummary;
const reportOf = new Map<string, string>(); // file → report id

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'link-multiyear-'));
  bare = mkdtempSync(join(tmpdir(), 'link-multiyear-bare-'));
  tagged = mkdtempSync(join(tmpdir(), 'link-multiyear-tagged-'));
  for (const d of [dir, bare, tagged]) mkdirSync(join(d, 'reports'));
  for (const r of expected.reports) {
    const rep = await processFile(join(FIX, r.file), { includeText: true });
    reportOf.set(r.file, rep.id);
    writeFileSync(join(dir, 'reports', `${rep.id}.json`), JSON.stringify(rep));
    const { text: _t, ...noText } = rep;
    writeFileSync(join(bare, 'reports', `${rep.id}.json`), JSON.stringify(noText));
    // what the pipeline stores when it gives matchIndicator each metric's clause (metric.indicator), without text
    const ctx = metricContexts(rep.text!, rep.metrics.map((m) => m.span));
    const sec = new Map(rep.sections.map((x) => [x.id, x.title]));
    const withIndicators = structuredClone(noText);
    withIndicators.metrics.forEach((m, i) => {
      const input: Parameters<typeof matchIndicator>[0] = { label: m.label, kind: m.kind, language: rep.language, context: ctx[i]! };
      if (m.unit !== undefined) input.unit = m.unit;
      const st = m.section !== undefined ? sec.get(m.section) : undefined;
      if (st !== undefined) input.sectionTitle = st;
      const hit = matchIndicator(input);
      if (hit) m.indicator = hit.key;
    });
    writeFileSync(join(tagged, 'reports', `${rep.id}.json`), JSON.stringify(withIndicators));
  }
  summary = await runLink(dir);
  await runLink(bare);
  await runLink(tagged);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
  rmSync(tagged, { recursive: true, force: true });
});

/** Share of expected points under one key per (agency, concept), and under the vocabulary key itself. */
function landing(d: string): { total: number; landed: number; exact: number; misses: string[] } {
  const rows = table<SeriesRow>(d, 'series');
  const groups = new Map<string, { points: number; byKey: Map<string, number> }>();
  for (const r of expected.reports) {
    const reportId = reportOf.get(r.file)!;
    for (const p of r.points) {
      const g = `${r.agencyId}|${p.concept}`;
      if (!groups.has(g)) groups.set(g, { points: 0, byKey: new Map() });
      const grp = groups.get(g)!;
      grp.points++;
      const keys = new Set(rows.filter((s) => s.reportId === reportId && s.agencyId === r.agencyId && s.value === p.value).map((s) => s.indicator));
      for (const k of keys) grp.byKey.set(k, (grp.byKey.get(k) ?? 0) + 1);
    }
  }
  let total = 0;
  let landed = 0;
  let exact = 0;
  const misses: string[] = [];
  for (const [g, grp] of groups) {
    const concept = g.split('|')[1]!;
    const [bestKey, n] = [...grp.byKey].sort((a, b) => b[1] - a[1] || (a[0] === concept ? -1 : b[0] === concept ? 1 : 0))[0] ?? ['-', 0];
    total += grp.points;
    landed += n;
    if (bestKey === concept) exact += n;
    if (n < grp.points || bestKey !== concept) misses.push(`${g}: ${n}/${grp.points} under ${bestKey}`);
  }
  return { total, landed, exact, misses };
}

describe('link over the multi-year fixtures', () => {
  it('links every report to the expected canonical agency', () => {
    expect(summary.reports).toBe(expected.reports.length);
    const ra = new Map(table<RaRow>(dir, 'report_agencies').map((r) => [r.reportId, r]));
    const wrong = expected.reports.filter((r) => ra.get(reportOf.get(r.file)!)?.agencyId !== r.agencyId).map((r) => `${r.file} → ${ra.get(reportOf.get(r.file)!)?.agencyId}`);
    expect(wrong).toEqual([]);
    // ≥ 5 agencies × 3 years, each one series owner
    const agencies = new Set(expected.reports.map((r) => r.agencyId));
    expect(agencies.size).toBeGreaterThanOrEqual(5);
  });

  it('puts ≥ 98% of the expected series points under one indicator key per concept and agency', () => {
    const { total, landed, exact, misses } = landing(dir);
    console.log(`multiyear series: ${landed}/${total} points (${((100 * landed) / total).toFixed(1)}%) under one key per concept and agency; ${exact} under the vocabulary key`);
    if (misses.length) console.log(misses.join('\n'));
    expect(total).toBeGreaterThanOrEqual(150);
    expect(landed / total).toBeGreaterThanOrEqual(0.98);
    expect(exact / total).toBeGreaterThanOrEqual(0.98);
  });

  it('still lands most points from the labels alone (reports without text)', () => {
    const { total, landed } = landing(bare);
    console.log(`multiyear series, labels only: ${landed}/${total} points (${((100 * landed) / total).toFixed(1)}%)`);
    expect(landed / total).toBeGreaterThanOrEqual(0.75);
  });

  it('keeps the indicators a context-aware pipeline stored, when the labels alone match nothing', () => {
    const { total, landed } = landing(tagged);
    console.log(`multiyear series, labels + stored metric.indicator: ${landed}/${total} points (${((100 * landed) / total).toFixed(1)}%)`);
    expect(landed / total).toBeGreaterThanOrEqual(0.98);
  });

  it('resolves each shared document to one row cited by all its reports', () => {
    const docs = table<DocRow>(dir, 'documents');
    const cits = table<CitRow>(dir, 'citations');
    for (const d of expected.documents) {
      const key = documentSymbolKey(d.symbol);
      const rows = docs.filter((x) => x.key === key && x.jurisdiction === d.jurisdiction);
      expect(rows, `${d.symbol}@${d.jurisdiction}`).toHaveLength(1);
      const citing = new Set(cits.filter((c) => c.documentId === rows[0]!.id).map((c) => c.reportId));
      const want = d.files.map((f) => reportOf.get(f)!);
      expect(want.filter((id) => !citing.has(id)), `${d.symbol}@${d.jurisdiction} not cited by`).toEqual([]);
    }
  });

  it('keeps the same local symbol of two provinces apart, and national symbols national', () => {
    const docs = table<DocRow>(dir, 'documents');
    const local = docs.filter((x) => x.key === documentSymbolKey('30/2018/QĐ-UBND'));
    expect(local.map((x) => x.jurisdiction).sort()).toEqual(['long-an', 'tien-giang']);
    expect(new Set(local.map((x) => x.id)).size).toBe(2);
    const nd = docs.filter((x) => x.key === documentSymbolKey('107/2020/NĐ-CP'));
    expect(nd).toHaveLength(1);
    expect(nd[0]!.jurisdiction).toBe('national');
  });

  it('records differing dates of one document as a conflict', () => {
    const docs = table<DocRow>(dir, 'documents');
    for (const c of expected.conflicts) {
      const d = docs.find((x) => x.key === documentSymbolKey(c.symbol) && x.jurisdiction === c.jurisdiction)!;
      expect(d.conflicts.map((x) => x.field)).toContain(c.field);
    }
    expect(summary.conflicts).toBeGreaterThanOrEqual(expected.conflicts.length);
  });

  it('lists the planted jump among the year-over-year changes', () => {
    const changes = table<{ agencyId: string; indicator: string; type: string; fromPeriod: string; toPeriod: string }>(dir, 'changes');
    for (const j of expected.jumps) {
      expect(changes.some((c) => c.agencyId === j.agencyId && c.indicator === j.concept && c.type === 'jump' && c.fromPeriod === String(j.from) && c.toPeriod === String(j.to))).toBe(true);
    }
  });
});
