/**
 * Structure from DOCX, HTML, Markdown and real PDFs: Word auto-numbering rebuilt into the text, legacy-font
 * runs converted, table cells with row/column headers and unit (and the metrics tableCellMetrics draws from
 * them), footnotes, page furniture kept out of the text, symbol hyphens at line ends, spacing repair.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/eval/harness.js';
import { ingestFile } from '../src/ingest/index.js';
import { tableCellMetrics } from '../src/extract/table-metrics.js';
import { repairSpacing } from '../src/ingest/repair.js';
import { isViSyllable } from '../src/ingest/vi-syllable.js';
import { normalizeText } from '../src/normalize/normalize-text.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import type { Document } from '../src/model/document.js';
import { sharedPath, sharedSuite } from './shared.js';

const root = packageRoot();
const fx = (...p: string[]) => join(root, 'fixtures', ...p);
const blockText = (d: Document, kind: string) => d.blocks.filter((b) => b.kind === kind).map((b) => d.text.slice(b.span.start, b.span.end));
const lines = (d: Document) => d.text.split('\n');

function checkSpans(d: Document) {
  expect(normalizeText(d.text)).toBe(d.text);
  for (const b of d.blocks) {
    expect(b.span.start).toBeGreaterThanOrEqual(0);
    expect(b.span.end).toBeLessThanOrEqual(d.text.length);
    expect(d.text.slice(b.span.start, b.span.end).trim()).not.toBe('');
  }
}

describe('DOCX with Word numbering, a table, legacy fonts and a footnote', async () => {
  const doc = await ingestFile(fx('docx', 'table-numbering.docx'));
  it('writes the rebuilt numbering into the text, like the .txt', () => {
    checkSpans(doc);
    const l = lines(doc);
    expect(l).toContain('I. KẾT QUẢ THỰC HIỆN');
    expect(l).toContain('1. Về cải cách thể chế:');
    expect(l).toContain('- Ban hành Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023 về quản lý nhiệm vụ khoa học và công nghệ.');
    expect(l).toContain('+ Số lượng văn bản đã được kiểm tra, rà soát: 22 văn bản.');
    expect(l).toContain('2. Về cải cách thủ tục hành chính:');
    expect(l).toContain('a) Công khai thủ tục hành chính');
    expect(l).toContain('b) Giải quyết hồ sơ đúng hạn');
    expect(l).toContain('3. Về tài chính công:');
    expect(l).toContain('II. KIẾN NGHỊ, ĐỀ XUẤT');
    const report = extractReport(doc);
    expect(report.sections.map((s) => s.number)).toEqual(expect.arrayContaining(['I', '1', '2', 'a', 'b', '3', 'II']));
  });
  it('converts .VnTime / .VnTimeH / VNI-Times runs to Unicode', () => {
    expect(lines(doc)[0]).toBe('ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG');
    expect(doc.text).toContain('Sở Khoa học và Công nghệ tỉnh Tiền Giang thực hiện Kế hoạch số 361/KH-SKH&CN ngày 17/3/2023');
    expect(extractReport(doc).references.map((r) => r.symbol)).toEqual(expect.arrayContaining(['361/KH-SKH&CN', '23/2023/QĐ-UBND']));
  });
  it('keeps the footnote out of the sentence and lists it after the body', () => {
    expect(lines(doc)).toContain('Thực hiện công khai 51 TTHC thuộc thẩm quyền giải quyết của Sở.');
    expect(blockText(doc, 'footnote')).toEqual(['1 Theo Quyết định số 1089/QĐ-UBND ngày 15/5/2023 của Ủy ban nhân dân tỉnh.']);
  });
  it('gives each table cell its row header, column header and unit', () => {
    expect(lines(doc)).toContain('1 | Kinh phí chi thường xuyên | 1.250 | 1.430,5');
    const cell = doc.blocks.find((b) => b.kind === 'table-cell' && doc.text.slice(b.span.start, b.span.end) === '1.430,5')!;
    expect(cell.table).toMatchObject({ index: 0, row: 2, col: 3, rowHeader: 'Kinh phí chi thường xuyên', colHeader: 'Kết quả - Năm 2023', unit: 'triệu đồng' });
  });
  it('tableCellMetrics: value, label, period and unit from the table context (money in VND, like text money)', () => {
    const ms = tableCellMetrics(doc);
    const byText = new Map(ms.map((m) => [`${m.label}|${m.period}`, m]));
    // `ĐVT: triệu đồng` × 1.430,5
    expect(byText.get('Kinh phí chi thường xuyên|2023')).toMatchObject({ kind: 'money', value: 1430500000, unit: 'VND', text: '1.430,5' });
    expect(byText.get('Kinh phí chi thường xuyên|2022')).toMatchObject({ value: 1250000000 });
    expect(byText.get('Kinh phí thực hiện nhiệm vụ khoa học và công nghệ|2022')).toMatchObject({ value: 3200000000 });
    expect(byText.get('Tỷ lệ giải ngân|2023')).toMatchObject({ kind: 'percent', value: 97, unit: '%' });
    expect(ms).toHaveLength(6); // STT column and header cells give nothing
    for (const m of ms) expect(doc.text.slice(m.span.start, m.span.end)).toBe(m.text);
  });
});

describe('HTML and Markdown', () => {
  it('give the text of the .txt (scripts and styles left out)', async () => {
    const txt = await ingestFile(fx('encodings', 'seed.utf8.txt'));
    for (const f of ['seed.html', 'seed.md']) {
      const d = await ingestFile(fx('html', f));
      checkSpans(d);
      expect(d.text.trim(), f).toBe(txt.text.trim());
    }
    expect((await ingestFile(fx('html', 'seed.html'))).source.mediaType).toBe('text/html');
  });
});

sharedSuite(['real-pdf'], 'real born-digital PDFs (../shared/real-pdf)', () => {
  const dir = sharedPath('real-pdf');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')) : [];
  it('all ingest: pages, furniture out of the text', async () => {
    for (const f of files) {
      const d = await ingestFile(join(dir, f));
      checkSpans(d);
      expect(d.pages!.length, f).toBeGreaterThanOrEqual(d.source.pages!);
      expect(d.text.length, f).toBeGreaterThan(500);
      for (const p of d.pages!) for (const fur of p.furniture ?? []) expect(lines(d), `${f} p${p.number}`).not.toContain(fur);
    }
  });
  it('bc228: page numbers are furniture, footnotes with their page, symbol hyphen joined', async () => {
    const d = await ingestFile(join(dir, 'ld-2025-snv-bc228.pdf'));
    expect(d.source.pages).toBe(10);
    expect(d.pages!.find((p) => p.number === 2)!.furniture).toEqual(['2']);
    expect(d.text).toContain('Kế hoạch số 213/KH-UBND ngày 15/7/2025');
    // the superscript footnote mark is not glued to the word
    expect(d.text).toContain('tại 22 xã, phường, đặc khu trên địa bàn tỉnh với tổng số 1.100 phiếu khảo sát. Hiện nay');
    const notes = d.blocks.filter((b) => b.kind === 'footnote');
    expect(notes.map((b) => b.number)).toEqual(['1', '2', '3']);
    expect(notes[0]!.page).toBe(1);
    // footnote 1 runs on at the foot of page 2
    expect(d.text.slice(notes[0]!.span.start, notes[0]!.span.end)).toMatch(/^1 \(1\) phường Xuân Hương.*\(16\) xã Quảng Trực; .*\(22\) đặc khu Phú Quý\.$/);
    const report = extractReport(d);
    expect(report.references.find((r) => r.symbol === '213/KH-UBND')?.page).toBe(2);
  });
});

describe('spacing repair by Vietnamese syllable structure', () => {
  it('repairs the damage the issue names', () => {
    expect(repairSpacing('Luật số77/2015/QH13').text).toBe('Luật số 77/2015/QH13');
    expect(repairSpacing('Tổchức bộ máy').text).toBe('Tổ chức bộ máy');
    expect(repairSpacing('quyề n hạn của Sở').text).toBe('quyền hạn của Sở');
    expect(repairSpacing('đượ c giao').text).toBe('được giao');
  });
  it('leaves valid text, symbols, units and English alone', () => {
    for (const s of ['39/QĐ-TrTNCƯD', 'QH13', '100 m2', 'TCVN ISO 9001:2015', 'website ioffice online', 'Đắk Nông', 'khu1']) {
      expect(repairSpacing(s)).toEqual({ text: s, repairs: 0 });
    }
  });
  it('changes nothing in any text fixture (no false repairs)', () => {
    const dir = fx('text');
    let tokens = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').normalize('NFC').split('\n')) {
        const r = repairSpacing(line);
        tokens += line.split(' ').length;
        // `số111/2008` in a fixture is real damage: the only accepted change is a space after `số`
        if (r.repairs > 0) expect(r.text.replace(/ /g, ''), `${f}: ${line}`).toBe(line.replace(/ /g, ''));
        if (r.repairs > 0) expect(r.text, `${f}: ${line}`).toMatch(/số \d/);
      }
    }
    expect(tokens).toBeGreaterThan(1000);
  });
  it('knows Vietnamese syllables', () => {
    for (const s of ['nghiêng', 'quyền', 'được', 'giữa', 'khuya', 'hoàng', 'thuở', 'gì', 'Ủy']) expect(isViSyllable(s), s).toBe(true);
    for (const s of ['quyề', 'đượ', 'tổc', 'n', 'Tổchức']) expect(isViSyllable(s), s).toBe(false);
  });
});
