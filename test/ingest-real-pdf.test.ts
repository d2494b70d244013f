/**
 * PDF ingestion on real born-digital government PDFs (fixtures/real-pdf, see SOURCES.md there): facts checked
 * by eye on the rendered pages. Gold for both files is in fixtures/gold-real (eval: --gold-dir fixtures/gold-real).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.js';
import type { Report } from '../src/model/report.js';
import { ingestFile } from '../src/ingest/index.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { packageRoot } from '../src/eval/harness.js';

const dir = join(packageRoot(), 'fixtures', 'real-pdf');
const lines = (doc: Document) => doc.text.split('\n');

describe('ld-2025-snv-bc228.pdf (Sở Nội vụ Lâm Đồng, 10 pages, table, footnotes, e-office stamps)', () => {
  let doc: Document;
  let report: Report;
  beforeAll(async () => {
    doc = await ingestFile(join(dir, 'ld-2025-snv-bc228.pdf'));
    report = extractReport(doc);
  });

  it('reads the number and the day stamped into the header by the e-signature fields, in their place', () => {
    // on the page: `Số: 228 /BC-SNV` (228 is a signature-field appearance), `Lâm Đồng, ngày 28 tháng 11 năm 2025` (28 likewise)
    expect(lines(doc)).toContain('Số: 228 /BC-SNV');
    expect(lines(doc)).toContain('Lâm Đồng, ngày 28 tháng 11 năm 2025');
    expect(report.report.number).toBe('228/BC-SNV');
    expect(report.report.issuedOn).toBe('2025-11-28');
  });

  it('keeps the two header columns apart: agency left, national motto right', () => {
    const head = lines(doc).slice(0, 5);
    expect(head).toEqual(['UBND TỈNH LÂM ĐỒNG', 'SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc', 'Số: 228 /BC-SNV', 'Lâm Đồng, ngày 28 tháng 11 năm 2025']);
  });

  it('leaves superscript footnote marks out of the numbers and words they follow, footnotes after the body', () => {
    // page 2: `… với tổng số 1.100 phiếu khảo sát²` — the ² is not glued to the word
    expect(doc.text).toContain('với tổng số 1.100 phiếu khảo sát. Hiện nay');
    expect(doc.text).not.toMatch(/khảo sát2/);
    const notes = doc.blocks.filter((b) => b.kind === 'footnote').map((b) => ({ page: b.page, number: b.number, text: doc.text.slice(b.span.start, b.span.end) }));
    expect(notes.map((n) => n.number)).toEqual(['1', '2', '3']);
    expect(notes[1]).toEqual({ page: 2, number: '2', text: '2 Khảo sát 50 hộ gia đình tại mỗi xã, phường, đặc khu.' });
    // footnote 1 runs on from page 1 to page 2: one note
    expect(notes[0]!.text).toMatch(/^1 \(1\) phường Xuân Hương - Đà Lạt;.*\(16\) xã Quảng Trực; .*\(22\) đặc khu Phú Quý\.$/);
  });

  it('rebuilds the table of section I from text positions: cells with their row and column headers', () => {
    // page 1: `Tỉnh (trước sắp xếp)` | PAR Index (Điểm số, Thứ hạng) | SIPAS (Chỉ số, Thứ hạng) | PAPI (…) | PCI (…);
    // the row header `Lâm Đồng` is written on two lines around the row's numbers
    expect(doc.text).toContain(
      'Tỉnh (trước sắp xếp) | PAR Index - Điểm số | PAR Index - Thứ hạng | SIPAS - Chỉ số | SIPAS - Thứ hạng | PAPI - Điểm số | PAPI - Thứ hạng | PCI - Điểm số | PCI - Thứ hạng\n' +
        'Lâm Đồng | 83,1/100 | 62/63 | 83,0% | 39/63 | 41,02/80 | 54/63 | 65,08/100 | 54/63\n' +
        'Đắk Nông | 86,6/100 | 50/63 | 83,1% | 37/63 | 40,53/80 | 58/63 | 67,45/100 | 36/63\n' +
        'Bình Thuận | 88,3/100 | 34/63 | 82,6% | 42/63 | 47,13/80 | 3/63 | 68,92/100 | 19/63\n',
    );
    const cell = (rowHeader: string, colHeader: string) => report.metrics.find((m) => m.table?.rowHeader === rowHeader && m.table?.colHeader === colHeader);
    expect(cell('Lâm Đồng', 'PAR Index - Thứ hạng')).toMatchObject({ kind: 'rank', value: 62, denominator: 63, text: '62/63', page: 1 });
    expect(cell('Bình Thuận', 'PAPI - Thứ hạng')).toMatchObject({ kind: 'rank', value: 3, denominator: 63 });
    expect(cell('Đắk Nông', 'PCI - Điểm số')).toMatchObject({ kind: 'score', value: 67.45, denominator: 100 });
    expect(cell('Lâm Đồng', 'SIPAS - Chỉ số')).toMatchObject({ kind: 'percent', value: 83, unit: '%' });
    expect(report.metrics.filter((m) => m.table?.index === 0)).toHaveLength(24);
  });

  it('keeps the page numbers printed at the top of pages 2–10 out of the text, as page furniture', () => {
    const furniture = (doc.pages ?? []).filter((p) => p.furniture).map((p) => [p.number, p.furniture]);
    expect(furniture).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [n, [String(n)]]));
  });
});

describe('np-2026-hn-kh173.pdf (UBND Hà Nội, 12 pages, the last one blank)', () => {
  let doc: Document;
  let report: Report;
  beforeAll(async () => {
    doc = await ingestFile(join(dir, 'np-2026-hn-kh173.pdf'));
    report = extractReport(doc);
  });

  it('reads the stamped number, day and month of the header', () => {
    expect(lines(doc)).toContain('Số: 173 /KH-UBND'); // on the page `Số:173`: a stamped field is a word of its own
    expect(lines(doc)).toContain('Hà Nội, ngày 28 tháng 4 năm 2026');
    expect(report.report.number).toBe('173/KH-UBND');
    expect(report.report.issuedOn).toBe('2026-04-28');
    expect(report.dates.find((d) => d.value === '2026-04-28')?.text).toMatch(/28 tháng 4 năm 2026$/);
  });

  it('a blank last page is blank, not a scanned page without a text layer', () => {
    expect(doc.messages.map((m) => m.rule)).not.toContain('ingest-pdf-no-text');
    expect(doc.messages.find((m) => m.rule === 'ingest-pdf-blank')).toMatchObject({ severity: 'info', message: 'blank pages (nothing drawn): 12' });
    expect(report.findings.map((f) => f.rule)).not.toContain('ingest-pdf-no-text');
  });
});
