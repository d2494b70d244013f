/**
 * One document, several files (issue 19): the files of one report (its TXT, DOCX, DOC, PDF, HTML, the same
 * text in other encodings) are one row of report_documents; series, changes, citations and the agency
 * counts come from the best rendering only; each series row lists the files that give the same fact.
 * Real batches (compiled CLI) over real fixtures; the expected grouping of the fixture batch is derived
 * from the fixture file names (the same stem in each format folder; scripts/make-fixtures.mjs writes
 * fixtures/encodings/seed.* and fixtures/html/seed.* from the seed report), not from the output.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duck, readNdjson, runCli, sha256 } from './batch-helpers.js';
import { fromRoot } from '../src/util/package-root.js';
import { DocumentGrouper, factTokens, signature, similarity } from '../src/link/renderings.js';

interface DocRow {
  id: string;
  grouped_by: string;
  report_id: string;
  rendering: string;
  files: number;
  report_ids: string[];
  renderings: string[];
  number: string | null;
}
interface FileRow {
  report_id: string;
  document_id: string;
  rendering: string;
  chosen: boolean;
  agency_id: string;
}
interface SeriesRow {
  report_id: string;
  metric_id: string;
  value: number;
  files: number;
  file_report_ids: string[];
}
interface ChangeRow {
  type: string;
  from_report_id: string;
  to_report_id: string;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'rm-docs-'));
  dirs.push(d);
  return d;
}
const table = <T>(out: string, t: string) => readNdjson<T>(join(out, 'tables', `${t}.ndjson`));

async function batch(cwd: string, inputs: string[]): Promise<string> {
  const r = await runCli(['batch', ...inputs, '--out', 'out', '--jobs', '2', '--progress', 'none', '-q'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return join(cwd, 'out');
}

/** report id → the input file it came from (relative to `base`) */
function sourceOf(out: string, base: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of table<{ id: string; path: string }>(out, 'reports')) m.set(r.id, relative(base, join(out, r.path)));
  return m;
}

describe('the fixture batch: one document per report across its formats', () => {
  const FOLDERS = ['text', 'docx', 'doc', 'pdf', 'html', 'encodings'];
  let out: string;
  let expected: Map<string, Set<string>>;

  beforeAll(async () => {
    const root = fromRoot('fixtures');
    // the report each fixture file renders, from its name: `docx/bc-x.docx` and `pdf/bc-x.pdf` are report
    // `bc-x`; the seed in other encodings, HTML and Markdown is `seed-cchc-2023-skhcn-tien-giang`
    // (scripts/make-fixtures.mjs). Files with the same bytes are one input (the batch skips the copy).
    expected = new Map();
    const seenBytes = new Set<string>();
    for (const f of FOLDERS) {
      for (const name of readdirSync(join(root, f)).sort()) {
        const sha = sha256(readFileSync(join(root, f, name)));
        if (seenBytes.has(sha)) continue;
        seenBytes.add(sha);
        const report = f === 'encodings' || f === 'html' ? 'seed-cchc-2023-skhcn-tien-giang' : basename(name).replace(/\.[a-z]+$/, '');
        if (!expected.has(report)) expected.set(report, new Set());
        expected.get(report)!.add(sha);
      }
    }
    const cwd = tmp();
    out = await batch(cwd, FOLDERS.map((f) => join(root, f)));
  });

  it('counts one document per report, each with all its files', () => {
    const docs = table<DocRow>(out, 'report_documents');
    const files = table<FileRow>(out, 'report_agencies');
    const reports = table<{ id: string; sha256: string; path: string }>(out, 'reports');
    expect(reports).toHaveLength([...expected.values()].reduce((n, s) => n + s.size, 0));
    expect(docs).toHaveLength(expected.size);
    const docOfReport = new Map<string, string>();
    for (const [report, shas] of expected) {
      const mine = reports.filter((r) => shas.has(r.sha256));
      expect(mine.length, report).toBe(shas.size);
      const ids = new Set(mine.map((r) => files.find((f) => f.report_id === r.id)!.document_id));
      expect(ids.size, report).toBe(1);
      const d = docs.find((x) => x.id === [...ids][0])!;
      expect(d.files, report).toBe(shas.size);
      docOfReport.set(report, d.id);
      // facts from the best rendering: the DOCX where there is one
      if (mine.some((r) => r.path.endsWith('.docx'))) expect(reports.find((r) => r.id === d.report_id)!.path, report).toMatch(/\.docx$/);
    }
    expect(new Set(docOfReport.values()).size).toBe(expected.size);
    // every file belongs to its document; exactly one file per document is the chosen one
    for (const d of docs) {
      expect(files.filter((f) => f.document_id === d.id).map((f) => f.report_id).sort()).toEqual([...d.report_ids].sort());
      expect(files.filter((f) => f.document_id === d.id && f.chosen).map((f) => f.report_id)).toEqual([d.report_id]);
    }
  });

  it('series, changes and counts see each report once', () => {
    const docs = table<DocRow>(out, 'report_documents');
    const chosen = new Set(docs.map((d) => d.report_id));
    const series = table<SeriesRow>(out, 'series');
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) expect(chosen.has(s.report_id)).toBe(true);
    for (const c of table<{ report_id: string }>(out, 'citations')) expect(chosen.has(c.report_id)).toBe(true);
    // no two renderings of one report show up as two values for one period
    expect(table<ChangeRow>(out, 'changes').filter((c) => c.type === 'duplicate')).toEqual([]);
    const agencies = table<{ id: string; reports: number }>(out, 'agencies');
    expect(agencies.reduce((n, a) => n + a.reports, 0)).toBe(docs.length);
    // every file's agency is an agencies row
    const agencyIds = new Set(agencies.map((a) => a.id));
    for (const f of table<FileRow>(out, 'report_agencies')) expect(agencyIds.has(f.agency_id)).toBe(true);
    // the files that agree: the chosen one first, all of the document's files
    const byId = new Map(docs.map((d) => [d.report_id, d]));
    let agreedByAll = 0;
    for (const s of series) {
      const d = byId.get(s.report_id)!;
      expect(s.file_report_ids[0]).toBe(s.report_id);
      expect(s.files).toBe(s.file_report_ids.length);
      for (const id of s.file_report_ids) expect(d.report_ids).toContain(id);
      if (s.files === d.files && d.files > 1) agreedByAll++;
    }
    // renderings of one report give the same facts (the layout-invariance tests hold them to it)
    expect(agreedByAll / series.length).toBeGreaterThan(0.8);
  });

  it('report_documents is in the warehouse', async () => {
    const [row] = await duck<{ n: bigint | number }>(join(out, 'warehouse.duckdb'), 'SELECT count(*) AS n FROM report_documents');
    expect(Number(row!.n)).toBe(table(out, 'report_documents').length);
    const joined = await duck<{ n: bigint | number }>(
      join(out, 'warehouse.duckdb'),
      'SELECT count(*) AS n FROM report_agencies f JOIN report_documents d ON d.id = f.document_id JOIN reports r ON r.id = f.report_id',
    );
    expect(Number(joined[0]!.n)).toBe(table(out, 'reports').length);
  });
});

describe('grouping by content and by number', () => {
  const seed = readFileSync(fromRoot('fixtures', 'text', 'seed-cchc-2023-skhcn-tien-giang.txt'), 'utf8');

  it('near-identical texts of an unnumbered report are one document, its facts from the DOCX', async () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'in'));
    writeFileSync(join(cwd, 'in', 'a.txt'), seed);
    // the same text with Windows line ends and one paragraph wrapped in two
    const lines = seed.split('\n');
    const long = lines.findIndex((l) => l.length > 200);
    const cut = lines[long]!.indexOf(' ', 100);
    lines.splice(long, 1, lines[long]!.slice(0, cut), lines[long]!.slice(cut + 1));
    writeFileSync(join(cwd, 'in', 'b.txt'), lines.join('\r\n'));
    // one sentence more at the end (a note added by the one who saved it)
    writeFileSync(join(cwd, 'in', 'c.txt'), `${seed.trimEnd()}\nGhi chú: trong kỳ đã tiếp nhận 8 hồ sơ.\n`);
    copyFileSync(fromRoot('fixtures', 'docx', 'seed-cchc-2023-skhcn-tien-giang.docx'), join(cwd, 'in', 'd.docx'));
    const out = await batch(cwd, ['in']);
    const docs = table<DocRow>(out, 'report_documents');
    const src = sourceOf(out, join(cwd, 'in'));
    expect(docs).toHaveLength(1);
    const d = docs[0]!;
    expect(d.grouped_by).toBe('content');
    expect(d.number).toBeNull();
    expect(d.files).toBe(4);
    expect(src.get(d.report_id)).toBe('d.docx');
    expect(d.renderings).toEqual(['docx', 'text', 'text', 'text']);
    // the note of c.txt is not a fact of the document (the DOCX does not have it); the DOCX's facts are
    const series = table<SeriesRow>(out, 'series');
    expect(series.every((s) => s.report_id === d.report_id)).toBe(true);
    expect(series.some((s) => s.value === 22 && s.files === 4)).toBe(true);
  });

  it('different reports of one agency stay apart: same wording other figures, same number other date, other number same text', async () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'in'));
    const fx = (...p: string[]) => fromRoot('fixtures', ...p);
    // Sở Nội vụ Bến Tre, 2023: three reports (clean, planted defects, the planted series), near-identical wording
    copyFileSync(fx('clean', 'snv-2023.txt'), join(cwd, 'in', 'snv-2023.txt'));
    copyFileSync(fx('planted', 'p11-number-order+review-total.txt'), join(cwd, 'in', 'p11.txt')); // 1394/BC-SNV of 15/12/2023
    copyFileSync(fx('planted', 'series', 'snv-ben-tre-2023.txt'), join(cwd, 'in', 'series-2023.txt')); // 1394/BC-SNV of 10/12/2023
    // 2022: the same text under two numbers
    const snv2022 = readFileSync(fx('clean', 'snv-2022.txt'), 'utf8');
    writeFileSync(join(cwd, 'in', 'snv-2022.txt'), snv2022);
    writeFileSync(join(cwd, 'in', 'snv-2022-other-number.txt'), snv2022.replace('Số: 1394/BC-SNV', 'Số: 1395/BC-SNV'));
    const out = await batch(cwd, ['in']);
    const docs = table<DocRow>(out, 'report_documents');
    expect(docs).toHaveLength(5);
    expect(docs.every((d) => d.files === 1 && d.grouped_by === 'single')).toBe(true);
    const files = table<FileRow>(out, 'report_agencies');
    expect(new Set(files.map((f) => f.agency_id)).size).toBe(1);
    // they are all counted: two values for one period are a duplicate
    expect(table<ChangeRow>(out, 'changes').some((c) => c.type === 'duplicate')).toBe(true);
  });
});

describe('DocumentGrouper', () => {
  const facts = (values: number[]) => ({ metrics: values.map((value) => ({ kind: 'count', value })) });
  const base = Array.from({ length: 30 }, (_, i) => i * 7 + 3);
  const ident = (reportId: string, values: number[], extra: Partial<Parameters<DocumentGrouper['add']>[0]> = {}) => ({
    reportId,
    rendering: 'text' as const,
    agencyId: 'agency:a',
    language: 'vi',
    agencyRegistered: true,
    tokens: factTokens(facts(values)),
    ...extra,
  });

  it('similarity tracks the share of shared facts', () => {
    const a = signature(factTokens(facts(base)))!;
    const b = signature(factTokens(facts([...base.slice(0, 29), 999])))!;
    const c = signature(factTokens(facts(base.map((v, i) => (i % 2 ? v + 1 : v)))))!;
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, b)).toBeGreaterThanOrEqual(0.8);
    expect(similarity(a, c)).toBeLessThan(0.6);
    expect(signature(factTokens(facts([1, 2])))).toBeUndefined();
  });

  it('groups by number across agencies only when the number agrees, and keeps periods, languages and numbers apart', () => {
    const g = new DocumentGrouper();
    g.add(ident('rpt_0000000000000001', base, { rendering: 'pdf', number: '12/BC-X', issuedOn: '2024-01-02' }));
    g.add(ident('rpt_0000000000000002', base, { rendering: 'docx', number: '012/bc-x', issuedOn: '2024-01-02' })); // same number, folded
    g.add(ident('rpt_0000000000000003', base, { number: '13/BC-X', issuedOn: '2024-01-02' })); // other number
    g.add(ident('rpt_0000000000000004', base, { language: 'en' })); // a translation
    g.add(ident('rpt_0000000000000005', base, { period: '2024-H1' }));
    g.add(ident('rpt_0000000000000006', base, { period: '2024-Q1' })); // same facts, other period
    g.add(ident('rpt_0000000000000007', base, { agencyId: 'agency:b' })); // another registered agency, no number
    g.add(ident('rpt_0000000000000008', base, { agencyId: 'agency:misread', agencyRegistered: false, rendering: 'ocr' }));
    const docs = g.documents((s) => s);
    const of = (id: string) => docs.findIndex((d) => d.files.some((f) => f.reportId === id));
    expect(of('rpt_0000000000000002')).toBe(of('rpt_0000000000000001'));
    expect(docs[of('rpt_0000000000000001')]!.files[0]!.reportId).toBe('rpt_0000000000000002'); // DOCX over PDF
    expect(docs[of('rpt_0000000000000001')]!.groupedBy).toBe('number');
    expect(of('rpt_0000000000000003')).not.toBe(of('rpt_0000000000000001'));
    expect(of('rpt_0000000000000004')).not.toBe(of('rpt_0000000000000001'));
    expect(of('rpt_0000000000000006')).not.toBe(of('rpt_0000000000000005'));
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    // the misread (unregistered) agency of a scan joins by content; another registered agency does not
    expect(of('rpt_0000000000000008')).toBe(of('rpt_0000000000000001'));
    expect(of('rpt_0000000000000007')).not.toBe(of('rpt_0000000000000001'));
  });
});
