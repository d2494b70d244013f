/**
 * The document inside every text of ../shared/real-text (issue 14), against values read by hand by an annotator
 * who had not read the rules (fixtures/real-text-headers/headers.json: own number, issue date, agency, where the
 * document starts and ends in the file):
 * - own number and issue date right on every text, agency right on ≥ 95%;
 * - no fact outside the document: per web copy, the site blocks before and after it give nothing;
 * - every figure cell of every table inside the document is a metric with its table place, and numeric cells with
 *   a row or column header carry them (counted, durations among them).
 * Skipped, and said so, when ../shared/real-text is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/eval/harness.js';
import { asciiFold } from '../src/normalize/fold.js';
import { ingestFile } from '../src/ingest/index.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import type { Document } from '../src/model/document.js';
import type { Report } from '../src/model/report.js';
import { sharedPath, sharedSuite } from './shared.js';

const ROOT = packageRoot();
const REAL = sharedPath('real-text');

interface HeaderGold {
  file: string;
  agency: string;
  number: string | null;
  issuedOn: string | null;
  webCopy: boolean;
  documentStartsWith: string;
  documentEndsWith: string;
  siteBlocks: string[];
}
const gold: HeaderGold[] = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'real-text-headers', 'headers.json'), 'utf8'));
/** case and tone marks aside: `Ủy ban nhân dân Thành phố Hồ Chí Minh` = `Ủy ban nhân dân thành phố Hồ Chí Minh` */
const fold = (s: string | undefined) => asciiFold(s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

sharedSuite(['real-text'], 'the document inside each real text', () => {
  const runs = new Map<string, { doc: Document; report: Report; start: number; end: number }>();
  beforeAll(async () => {
    for (const g of gold) {
      const doc = await ingestFile(join(REAL, g.file));
      const report = extractReport(doc);
      const start = doc.text.indexOf(g.documentStartsWith);
      const endAt = doc.text.lastIndexOf(g.documentEndsWith);
      runs.set(g.file, { doc, report, start, end: endAt < 0 ? -1 : endAt + g.documentEndsWith.length });
    }
  }, 300_000);

  it('covers all 40 texts, web copies and bare documents', () => {
    expect(gold.length).toBe(40);
    expect(gold.filter((g) => g.webCopy).length).toBeGreaterThan(0);
    expect(gold.filter((g) => !g.webCopy).length).toBeGreaterThan(0);
    for (const g of gold) expect(runs.get(g.file)!.start, `${g.file}: documentStartsWith found`).toBeGreaterThanOrEqual(0);
    for (const g of gold) expect(runs.get(g.file)!.end, `${g.file}: documentEndsWith found`).toBeGreaterThan(0);
  });

  it('reads the own number and issue date of every text', () => {
    const wrong = gold.flatMap((g) => {
      const m = runs.get(g.file)!.report.report;
      const out: string[] = [];
      if ((m.number ?? null) !== g.number) out.push(`${g.file}: number ${m.number} ≠ ${g.number}`);
      if ((m.issuedOn ?? null) !== g.issuedOn) out.push(`${g.file}: issuedOn ${m.issuedOn} ≠ ${g.issuedOn}`);
      return out;
    });
    expect(wrong).toEqual([]);
  });

  it('names the issuing agency of ≥ 95% of the texts (never the motto)', () => {
    const wrong = gold.filter((g) => fold(runs.get(g.file)!.report.report.agency) !== fold(g.agency));
    for (const g of wrong) console.log(`agency ${g.file}: ${runs.get(g.file)!.report.report.agency} ≠ ${g.agency}`);
    expect(wrong.length / gold.length).toBeLessThanOrEqual(0.05);
    for (const g of gold) expect(fold(runs.get(g.file)!.report.report.agency)).not.toMatch(/chu nghia|hanh phuc/);
  });

  it('marks the document naming itself (`Kèm theo Quyết định số …` with its own number) as self, not a citation', () => {
    let selfs = 0;
    for (const g of gold) {
      const { report } = runs.get(g.file)!;
      for (const r of report.references) {
        const own = r.symbol !== undefined && g.number !== null && r.symbol.replace(/\s+/g, '') === g.number;
        expect(r.self === true, `${g.file}: ${r.text}`).toBe(own);
        if (own) selfs++;
      }
    }
    expect(selfs).toBeGreaterThan(5);
  });

  it('takes no fact from site text: every fact of a web copy lies inside its document', () => {
    const lines: string[] = [];
    const outside: string[] = [];
    for (const g of gold.filter((x) => x.webCopy)) {
      const { report, start, end, doc } = runs.get(g.file)!;
      lines.push(`${g.file}: site text [0, ${start}) and [${end}, ${doc.text.length}); blocks: ${g.siteBlocks.length}`);
      for (const f of [...report.references, ...report.dates, ...report.metrics]) {
        if (f.span.start < start || f.span.end > end) outside.push(`${g.file}: "${f.text}" at ${f.span.start}`);
      }
      // the site's box and lists are there, and big: the test is no vacuous pass
      expect(start, g.file).toBeGreaterThan(500);
      expect(doc.text.length - end, g.file).toBeGreaterThan(100);
    }
    console.log(lines.join('\n'));
    expect(outside).toEqual([]);
  });

  it('gives every numeric cell of every table inside the document a metric with its row and column headers', () => {
    // every cell whose text starts with a figure (`~0.3mm` too) is counted; not figures, by design (README), and
    // counted apart: row and column numbers (the table's `ordinal` cells), procedure codes (`1.011818`,
    // `2.000815.000.00.00.H61`), dates and years (`2025` under `Thời gian hoàn thành`), and numbered item
    // labels (`1. Ban Chỉ đạo thi`: a number, a dot, then words); formulas (`0,006 x a`, the table's `formula` cells:
    // a coefficient times a variable, no value), and a norm table's closing code row (`31 | 32 | 33`, ordinal)
    const excluded: Record<string, number> = { 'row or column number': 0, code: 0, 'date or year': 0, 'numbered label': 0, formula: 0 };
    let cells = 0;
    let withMetric = 0;
    let withBoth = 0;
    let durations = 0;
    const missing: string[] = [];
    const oneHeader: string[] = [];
    for (const g of gold) {
      const { doc, report, start, end } = runs.get(g.file)!;
      for (const b of doc.blocks) {
        if (b.kind !== 'table-cell' || !b.table || b.span.start < start || b.span.end > end) continue;
        const t = doc.text.slice(b.span.start, b.span.end).replace(/\*+|__/g, '').replace(/\s+/g, ' ').trim();
        if (!/^[~≈]?\s*[-+]?[0-9]/.test(t)) continue;
        const kind = b.table.ordinal
          ? 'row or column number'
          : b.table.formula
            ? 'formula'
            : /^[0-9]+\.[0-9]{4,}/.test(t)
            ? 'code'
            : /^[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}/.test(t) || /^(?:19|20)[0-9]{2}$/.test(t)
              ? 'date or year'
              : /^[0-9]+(?:\.[0-9]+)*\.?\s+\p{L}/u.test(t) && !/^[0-9]+(?:,[0-9]+)?\s*(?:ngày|giờ|tháng|năm|phút|tuần)/.test(t)
                ? 'numbered label'
                : undefined;
        if (kind) {
          excluded[kind]!++;
          continue;
        }
        if (/^[0-9]+(?:,[0-9]+)?\s*(?:ngày|giờ|tháng|năm)/.test(t)) durations++;
        cells++;
        const ms = report.metrics.filter((x) => x.span.start >= b.span.start && x.span.end <= b.span.end);
        if (ms.length === 0) {
          missing.push(`${g.file}: ${t.slice(0, 30)}`);
          continue;
        }
        withMetric++;
        for (const m of ms) expect(m.table, `${g.file}: ${t}`).toMatchObject({ index: b.table.index, row: b.table.row, col: b.table.col });
        if (ms.every((m) => m.table!.rowHeader !== undefined && m.table!.colHeader !== undefined)) withBoth++;
        else oneHeader.push(`${g.file}: ${t.slice(0, 20)}`);
      }
    }
    console.log(`real-text table numeric cells: ${cells} (${durations} of them durations), with a metric ${withMetric}, with row and column headers ${withBoth}; not figures: ${JSON.stringify(excluded)}; missing: ${missing.join(' | ')}; one header only (first 12): ${oneHeader.slice(0, 12).join(' | ')}`);
    expect(cells).toBeGreaterThan(800);
    // no cell left: 35-39's size classes (`**200 - ≤ 300**` mm), header cells its stacked pipes put in a data row,
    // are read as ranges since emphasis inside a measure cell is markup (they are headers, not figures: a known flaw)
    expect(missing).toEqual([]);
    // with both headers: all but tables that go on from a page before without their header (39-62's price
    // list, 35-39's lost-span rows); 23-1948's step totals (`| | Tổng thời gian … | | 12 ngày |`, an
    // empty cell written like a row boundary) are rejoined by the pipe count: 786 → 791 of 854; the text between two
    // tables written in one row with the next table's header (`| 10 | 20 | ⏎ 7. Sửa đổi … ⏎ | Mã hiệu | …`: 35-39's
    // norm tables, 38-35's scoring annex) ends the table before it: 791 of 854 → 795 of 836
    expect(withBoth / cells).toBeGreaterThanOrEqual(0.95);
    // 38-35's scoring annex, read by hand: six `coefficient x a…e`, `0,0005 x gl`, `3,6% x (0,15d+1,5đ)`, `7% x (…)`
    expect(excluded.formula).toBe(9);
    expect(oneHeader.filter((c) => c.startsWith('23-1948')).length).toBeLessThanOrEqual(1);
  });
});
