/**
 * runLink over a batch-shaped folder: tables valid and byte-identical on re-runs, bad inputs named and
 * skipped, the 2025 reorganisation in the agency registry, and the `link` command (compiled CLI).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticReport, writeSyntheticCorpus } from '../bench/link-corpus.js';
import { LinkError, runLink } from '../src/link/index.js';
import { seriesChanges, type SeriesPoint } from '../src/link/series.js';
import { assertValid } from '../src/validate/validate.js';
import { fromRoot } from '../src/util/package-root.js';

const TABLES = { agencies: 'agencies', documents: 'documents', citations: 'citations', series: 'series', changes: 'changes', report_agencies: 'report_agencies' } as const;
const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'link-run-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function rows<T = Record<string, unknown>>(dir: string, t: string): T[] {
  return readFileSync(join(dir, 'tables', `${t}.ndjson`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

describe('runLink on synthetic reports', () => {
  const dir = tmp();
  writeSyntheticCorpus(dir, 400, 7);

  it('uses schema-valid synthetic input', () => {
    expect(() => assertValid('report', syntheticReport(3, 7))).not.toThrow();
  });

  it('writes every table, every row valid against its schema, no temporary files left', async () => {
    const s = await runLink(dir);
    expect(s.reports).toBe(400);
    expect(s.skipped).toBe(0);
    for (const [file, schema] of Object.entries(TABLES)) {
      const r = rows(dir, file);
      expect(r.length, file).toBeGreaterThan(0);
      for (const row of r) assertValid(schema, row);
    }
    expect(readdirSync(join(dir, 'tables')).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(rows(dir, 'series')).toHaveLength(s.series);
    expect(rows(dir, 'report_agencies')).toHaveLength(400);
    // every id referenced resolves
    const agencyIds = new Set(rows<{ id: string }>(dir, 'agencies').map((a) => a.id));
    const docIds = new Set(rows<{ id: string }>(dir, 'documents').map((a) => a.id));
    for (const c of rows<{ document_id: string; agency_id: string }>(dir, 'citations')) {
      expect(docIds.has(c.document_id)).toBe(true);
      expect(agencyIds.has(c.agency_id)).toBe(true);
    }
    for (const a of rows<{ successor_ids: string[] }>(dir, 'agencies')) for (const sId of a.successor_ids) expect(agencyIds.has(sId)).toBe(true);
  });

  it('gives byte-identical tables on a re-run', async () => {
    const before = Object.keys(TABLES).map((t) => readFileSync(join(dir, 'tables', `${t}.ndjson`), 'utf8'));
    await runLink(dir, { readAhead: 3 });
    const after = Object.keys(TABLES).map((t) => readFileSync(join(dir, 'tables', `${t}.ndjson`), 'utf8'));
    expect(after).toEqual(before);
  });

  it('groups name variants of one agency (SỞ KH&CN, Sở KHCN, Sở Khoa học & Công nghệ) under one id', () => {
    const a = rows<{ id: string; names: string[]; reports: number }>(dir, 'agencies').find((x) => x.id === 'agency:so-khoa-hoc-va-cong-nghe:tien-giang')!;
    expect(a.names.length).toBeGreaterThanOrEqual(3);
    expect(a.reports).toBe(50);
  });
});

describe('runLink on bad input', () => {
  it('names a missing folder and a folder without reports/ in one line', async () => {
    const d = tmp();
    await expect(runLink(join(d, 'nope'))).rejects.toThrow(LinkError);
    await expect(runLink(d)).rejects.toThrow(/no reports\/ directory/);
  });

  it('skips unreadable reports with a warning naming the file, and links the rest', async () => {
    const d = tmp();
    writeSyntheticCorpus(d, 5, 3);
    writeFileSync(join(d, 'reports', 'broken.json'), '{"id": "rpt_');
    writeFileSync(join(d, 'reports', 'other.json'), JSON.stringify({ hello: 'world' }));
    writeFileSync(join(d, 'reports', 'empty.json'), '');
    const warnings: string[] = [];
    const s = await runLink(d, { onWarning: (w) => warnings.push(w) });
    expect(s.reports).toBe(5);
    expect(s.skipped).toBe(3);
    expect(warnings.some((w) => w.includes('broken.json') && /not valid JSON/.test(w))).toBe(true);
    expect(warnings.some((w) => w.includes('other.json') && /not a Report JSON/.test(w))).toBe(true);
    for (const w of warnings) expect(w).not.toContain('\n');
  });

  it('links a report without agency or year without crashing', async () => {
    const d = tmp();
    mkdirSync(join(d, 'reports'));
    const r = syntheticReport(0, 9);
    delete r.report.agency;
    delete r.report.parentAgency;
    delete r.report.year;
    delete r.report.period;
    delete r.report.issuedOn;
    writeFileSync(join(d, 'reports', `${r.id}.json`), JSON.stringify(r));
    const warnings: string[] = [];
    const s = await runLink(d, { onWarning: (w) => warnings.push(w) });
    expect(s.reports).toBe(1);
    expect(s.series).toBe(0);
    expect(warnings.some((w) => /no report year/.test(w))).toBe(true);
    expect(rows<{ agency_id: string }>(d, 'report_agencies')[0]!.agency_id).toBe(`agency:unknown@${r.id}`);
  });
});

describe('the 2025 reorganisation', () => {
  it('keeps the pre- and post-merger agencies apart and links them as predecessor and successor', async () => {
    const d = tmp();
    mkdirSync(join(d, 'reports'));
    const mk = (i: number, place: string, issuedOn: string, year: number) => {
      const r = syntheticReport(i, 11);
      r.report = { agency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', parentAgency: `UBND TỈNH ${place.toUpperCase()}`, place, province: place, year, issuedOn, period: { value: String(year) } };
      writeFileSync(join(d, 'reports', `${r.id}.json`), JSON.stringify(r));
      return r.id;
    };
    const tg = mk(1, 'Tiền Giang', '2024-12-14', 2024);
    const dtOld = mk(2, 'Đồng Tháp', '2024-12-15', 2024);
    const dtNew = mk(3, 'Đồng Tháp', '2025-12-15', 2025);
    await runLink(d);
    const ra = new Map(rows<{ report_id: string; agency_id: string }>(d, 'report_agencies').map((r) => [r.report_id, r.agency_id]));
    expect(ra.get(tg)).toBe('agency:so-khoa-hoc-va-cong-nghe:tien-giang');
    expect(ra.get(dtOld)).toBe('agency:so-khoa-hoc-va-cong-nghe:dong-thap');
    expect(ra.get(dtNew)).toBe('agency:so-khoa-hoc-va-cong-nghe:dong-thap-2025');
    const ag = new Map(rows<{ id: string; valid_to: string | null; valid_from: string | null; successor_ids: string[]; predecessor_ids: string[] }>(d, 'agencies').map((a) => [a.id, a]));
    expect(ag.get('agency:so-khoa-hoc-va-cong-nghe:tien-giang')!.valid_to).toBe('2025-06-30');
    expect(ag.get('agency:so-khoa-hoc-va-cong-nghe:tien-giang')!.successor_ids).toEqual(['agency:so-khoa-hoc-va-cong-nghe:dong-thap-2025']);
    expect(ag.get('agency:so-khoa-hoc-va-cong-nghe:dong-thap-2025')!.valid_from).toBe('2025-07-01');
    expect(ag.get('agency:so-khoa-hoc-va-cong-nghe:dong-thap-2025')!.predecessor_ids).toEqual(['agency:so-khoa-hoc-va-cong-nghe:dong-thap', 'agency:so-khoa-hoc-va-cong-nghe:tien-giang']);
    // a 2023 provincial decision cited by the merged province's report: key with the merged unit, candidates named
    const docs = rows<{ id: string; jurisdiction: string; jurisdiction_candidates: string[]; key: string }>(d, 'documents');
    const cited = docs.filter((x) => x.jurisdiction === 'dong-thap-2025' && /\/QD-UBND$/.test(x.key));
    expect(cited.length).toBeGreaterThan(0);
    for (const x of cited) expect(x.jurisdiction_candidates).toEqual(['dong-thap', 'tien-giang']);
    for (const x of docs.filter((y) => y.jurisdiction === 'tien-giang')) expect(x.jurisdiction_candidates).toEqual([]);
  });
});

describe('report-metrics link (compiled CLI)', () => {
  const BIN = fromRoot('bin', 'report-metrics.js');
  it('prints the summary, and a one-line error for a bad folder', () => {
    const d = tmp();
    writeSyntheticCorpus(d, 60, 5);
    const out = execFileSync(process.execPath, [BIN, 'link', d], { encoding: 'utf8' });
    expect(out).toMatch(/^reports\s+60$/m);
    expect(out).toMatch(/^agencies\s+\d+/m);
    expect(out).toMatch(/^documents\s+\d+ \(\d+ citations\)/m);
    expect(out).toMatch(/^series points\s+\d+ in \d+ series/m);
    expect(out).toMatch(/^changes\s+\d+/m);
    const json = JSON.parse(execFileSync(process.execPath, [BIN, 'link', d, '--json'], { encoding: 'utf8' })) as { reports: number };
    expect(json.reports).toBe(60);
    expect(existsSync(join(d, 'tables', 'series.ndjson'))).toBe(true);
    const bad = spawnSync(process.execPath, [BIN, 'link', join(d, 'missing')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('missing');
  });
});

describe('year-over-year changes', () => {
  const pt = (year: number, value: number, kind: string, unit: string | null, reportId = `rpt_${String(year).padStart(16, '0')}`): SeriesPoint => ({
    year, periodType: '', period: String(year), value, unit, kind, reportId, metricId: `${reportId}:met:0-1`,
  });
  it('flags jumps, unit changes and duplicate periods; counted nouns may vary', () => {
    const c = seriesChanges('agency:x', 'tthc.published', [pt(2021, 50, 'count', 'tthc'), pt(2022, 52, 'count', 'thủ tục hành chính'), pt(2023, 300, 'count', 'tthc')]);
    expect(c.map((x) => x.type)).toEqual(['change', 'jump']);
    expect(c[1]!.ratio).toBeCloseTo(300 / 52, 5);
    const money = seriesChanges('agency:x', 'fin.budget_assigned', [pt(2021, 1200, 'money', 'triệu đồng'), pt(2022, 1.3, 'money', 'tỷ đồng')]);
    expect(money.map((x) => x.type)).toEqual(['unit-change']);
    const kinds = seriesChanges('agency:x', 'label:x', [pt(2021, 80, 'percent', '%'), pt(2022, 12, 'count', 'văn bản')]);
    expect(kinds.map((x) => x.type)).toEqual(['unit-change']);
    const dup = seriesChanges('agency:x', 'k', [pt(2022, 10, 'count', null, 'rpt_aaaaaaaaaaaaaaaa'), pt(2022, 11, 'count', null, 'rpt_bbbbbbbbbbbbbbbb'), pt(2023, 12, 'count', null)]);
    expect(dup.map((x) => x.type)).toEqual(['duplicate', 'change']);
    expect(dup[1]!.fromValue).toBe(10);
    const gap = seriesChanges('agency:x', 'k', [pt(2019, 10, 'count', null), pt(2022, 11, 'count', null)]);
    expect(gap[0]!.gapYears).toBe(2);
  });
});
