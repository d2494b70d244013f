/**
 * One table, every style a report writes it in (issue 14; files made by scripts/make-table-fixtures.mjs and, for
 * DOCX, scripts/make-fixtures.mjs): each numeric cell is a metric with its row header, its column header, the
 * period of its column and the unit of the table (`ĐVT: triệu đồng` → VND), the same in every style.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/eval/harness.js';
import { processFile } from '../src/pipeline/process-file.js';
import { textToDocument } from '../src/ingest/text.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { CODE_CELL, CODE_CELL_EXAMPLES, FORMULA_CELL, FORMULA_CELL_EXAMPLES, headerUnit, NORM_CODE_CELL, NORM_CODE_CELL_EXAMPLES, HEADER_UNIT_EXAMPLES, MEASURE_CELL_EXAMPLES, TOTAL_LABEL, TOTAL_LABEL_EXAMPLES, TRANSITION_AFTER, TRANSITION_BEFORE, TRANSITION_EXAMPLES } from '../src/vocab/table-words.js';
import { measureCell } from '../src/extract/table-metrics.js';
import { ingestFile } from '../src/ingest/index.js';

const SOURCE = { path: 'inline.txt', sha256: '0'.repeat(64), mediaType: 'text/plain', bytes: 0 };
const cellsOf = (text: string) => {
  const doc = textToDocument(text, SOURCE);
  return doc.blocks.filter((b) => b.kind === 'table-cell').map((b) => ({ text: doc.text.slice(b.span.start, b.span.end), ...b.table! }));
};

const ROOT = packageRoot();
const STYLES = {
  'DOCX with merged cells': join(ROOT, 'fixtures', 'docx', 'table-numbering.docx'),
  'markdown pipe rows': join(ROOT, 'fixtures', 'tables', 'pipe-rows.txt'),
  'stacked pipes of a converted web page': join(ROOT, 'fixtures', 'tables', 'stacked-pipes.txt'),
  'HTML with rowspan and colspan': join(ROOT, 'fixtures', 'tables', 'spans.html'),
  'columns aligned with spaces': join(ROOT, 'fixtures', 'tables', 'aligned.txt'),
};
// the table as written: row, column period, value (money in đồng after the table's unit, percent as is)
const EXPECTED = [
  'Kinh phí chi thường xuyên | 2022 | money 1250000000 VND',
  'Kinh phí chi thường xuyên | 2023 | money 1430500000 VND',
  'Kinh phí thực hiện nhiệm vụ khoa học và công nghệ | 2022 | money 3200000000 VND',
  'Kinh phí thực hiện nhiệm vụ khoa học và công nghệ | 2023 | money 2980000000 VND',
  'Tỷ lệ giải ngân | 2022 | percent 92.5 %',
  'Tỷ lệ giải ngân | 2023 | percent 97 %',
];

describe('tables in every style', () => {
  for (const [style, path] of Object.entries(STYLES)) {
    it(`${style}: every figure cell is a metric with its row, column, period and unit`, async () => {
      const r = await processFile(path);
      const cells = r.metrics.filter((m) => m.table);
      expect(cells.map((m) => `${m.table!.rowHeader} | ${m.period} | ${m.kind} ${m.value} ${m.unit}`)).toEqual(EXPECTED);
      for (const m of cells) expect(m.table!.colHeader, `${style}: ${m.text}`).toContain(`Năm ${m.period}`);
      // the row numbers (STT) are no figures
      expect(r.metrics.filter((m) => m.table && m.table.col === 0)).toEqual([]);
    });
  }
});

describe('a PDF table printed over a page break (headless chromium, header not repeated)', () => {
  it('is one table: every figure cell of both pages with its row, its column header and the unit', async () => {
    const r = await processFile(join(ROOT, 'fixtures', 'tables', 'page-break.pdf'));
    const cells = r.metrics.filter((m) => m.table);
    // 43 rows of two figure columns, the first three rows as in every other style
    expect(cells.slice(0, 6).map((m) => `${m.table!.rowHeader} | ${m.period} | ${m.kind} ${m.value} ${m.unit}`)).toEqual(EXPECTED);
    expect(cells).toHaveLength(86);
    expect(new Set(cells.map((m) => m.table!.index))).toEqual(new Set([0]));
    expect(new Set(cells.map((m) => m.table!.row)).size).toBe(43);
    for (const m of cells) {
      expect(m.table!.colHeader, m.text).toBe(`Kết quả - Năm ${m.period}`);
      expect(m.table!.rowHeader, m.text).toMatch(/^Kinh phí|^Tỷ lệ/);
    }
    // the rows on the second page: their figures are money in the table's unit, and the row label keeps its number
    const last = cells.filter((m) => m.table!.rowHeader === 'Kinh phí đề tài cấp cơ sở số 40');
    expect(last.map((m) => [m.period, m.value, m.unit])).toEqual([['2022', 373_000_000, 'VND'], ['2023', 471_000_000, 'VND']]);
    // the figures at the foot of page 1 and the head of page 2 are cells, not page numbers
    expect(cells.map((m) => m.value)).toEqual(expect.arrayContaining([233_000_000, 291_000_000, 240_000_000]));
  });
});

describe('a PDF table whose header is repeated at the top of the next page (headless chromium)', () => {
  it('is one table: the repeated header is not read again, the rows count on, the unit and column headers hold', async () => {
    const r = await processFile(join(ROOT, 'fixtures', 'tables', 'repeated-header.pdf'));
    const cells = r.metrics.filter((m) => m.table && (m.kind === 'money' || m.kind === 'percent'));
    expect(cells).toHaveLength(86);
    expect(new Set(cells.map((m) => m.table!.index))).toEqual(new Set([0]));
    expect(new Set(cells.map((m) => m.table!.row)).size).toBe(43);
    for (const m of cells) expect(m.table!.colHeader, m.text).toBe(`Kết quả - Năm ${m.period}`);
    const last = cells.filter((m) => m.table!.rowHeader === 'Kinh phí đề tài cấp cơ sở số 40');
    expect(last.map((m) => [m.period, m.value, m.unit])).toEqual([['2022', 373_000_000, 'VND'], ['2023', 471_000_000, 'VND']]);
    // the header words are in the text once
    expect(r.metrics.filter((m) => m.table && m.kind === 'count' && /^[0-9.,]+$/.test(m.text))).toEqual([]);
  });
  it('keeps a row number vertically centred beside a wrapped label out of the label (no `2 nghệ` count)', async () => {
    const doc = await ingestFile(join(ROOT, 'fixtures', 'tables', 'repeated-header.pdf'));
    const r = extractReport(doc);
    // every table metric is a figure cell with both headers: none is read from a label
    expect(r.metrics.filter((m) => m.table && (m.table.rowHeader === undefined || m.table.colHeader === undefined)).map((m) => m.text)).toEqual([]);
    const row2 = doc.blocks.filter((b) => b.table?.index === 0 && b.table.row === 2).map((b) => [doc.text.slice(b.span.start, b.span.end), b.table!.ordinal ?? false]);
    expect(row2).toEqual([
      ['2', true],
      ['Kinh phí thực hiện nhiệm vụ khoa học và công nghệ', false],
      ['3.200', false],
      ['2.980', false],
    ]);
    expect(r.metrics.filter((m) => m.table?.row === 2).map((m) => [m.table!.rowHeader, m.value])).toEqual([
      ['Kinh phí thực hiện nhiệm vụ khoa học và công nghệ', 3_200_000_000],
      ['Kinh phí thực hiện nhiệm vụ khoa học và công nghệ', 2_980_000_000],
    ]);
  });
});

describe('stacked pipes', () => {
  it('cuts the text before and after a table off its first and last rows', () => {
    const t = 'Kết quả như sau:\n|\nĐơn vị\n|\nSố hồ sơ\n|\n|\nSở Tư pháp\n|\n120\n|\n|\nSở Y tế\n|\n95\n|\nCác đơn vị đã hoàn thành.\n';
    const cells = cellsOf(t);
    expect(cells.map((c) => c.text)).toEqual(['Đơn vị', 'Số hồ sơ', 'Sở Tư pháp', '120', 'Sở Y tế', '95']);
    expect(cells.find((c) => c.text === '95')).toMatchObject({ row: 2, col: 1, rowHeader: 'Sở Y tế', colHeader: 'Số hồ sơ' });
  });
  it('splits two tables with the text between them', () => {
    const t = '|\nA\n|\nB\n|\n|\nHồ sơ x\n|\n1\n|\nĐoạn văn giữa hai bảng.\n|\nC\n|\nD\n|\nE\n|\n|\nHồ sơ y\n|\n2\n|\n3\n|\n';
    const cells = cellsOf(t);
    expect(new Set(cells.map((c) => c.index)).size).toBe(2);
    expect(cells.map((c) => c.text)).not.toContain('Đoạn văn giữa hai bảng.');
    expect(cells.find((c) => c.text === '3')).toMatchObject({ rowHeader: 'Hồ sơ y', colHeader: 'E' });
  });
});

describe('stacked pipes: an empty cell written like a row boundary', () => {
  it('rejoins a label row and a figure row by the pipe lines that count the empty cells (23-1948 step totals)', () => {
    // `| | Tổng thời gian … | | 12 ngày |` after a full row (a row of notes after it): three pipe lines before the label (row boundary + an
    // empty cell), two between label and figure (one empty cell)
    const t = '|\nCác bước\n|\nNội dung\n|\nTrách nhiệm\n|\nThời gian thực hiện (ngày)\n|\n|\nBước 1\n|\nTiếp nhận hồ sơ\n|\nBộ phận một cửa\n|\n0,5 ngày\n|\n|\nBước 2\n|\nThẩm định\n|\nChuyên viên\n|\n4 ngày\n|\n|\n|\n**Tổng thời gian giải quyết**\n|\n|\n**12 ngày**\n|\n|\nGhi chú\n|\nNộp trực tuyến\n|\n';
    const cells = cellsOf(t);
    expect(cells.find((c) => c.text === '**12 ngày**')).toMatchObject({ row: 3, col: 3, rowHeader: 'Tổng thời gian giải quyết', colHeader: 'Thời gian thực hiện (ngày)' });
    // a numbered heading after a row is no figure: not joined
    const h = cellsOf(t.replace('**12 ngày**', '2.2. Trường hợp khác'));
    expect(h.find((c) => c.text === '2.2. Trường hợp khác')).toMatchObject({ row: 4, col: 0 });
  });
});

describe('converted pages whose spans were lost', () => {
  // a header of six columns over rows of three: the group columns (STT, Tên kỳ thi) were row spans
  const stacked = (rows: string[][]) => rows.map((r) => `|\n${r.join('\n|\n')}\n|`).join('\n');
  const page = `Phụ lục mức chi\n${stacked([
    ['**Số TT**', '**Tên kỳ thi**', '**Nội dung chi**', '**Mức chi (1.000đ)**', '**Đơn vị tính**', '**Ghi chú**'],
    ['I', 'Thi tốt nghiệp', '1. Ban Chỉ đạo thi'],
    ['- Trưởng ban', '692', 'người/ngày'],
    ['- Ủy viên', '554', 'người/ngày'],
  ])}\nĐiều 2. Tổ chức thực hiện.\n`;
  it('a wide header keeps all its cells; a row is placed by its unit cell under the unit column; a bracketed unit in a header is the column’s', () => {
    const r = extractReport(textToDocument(page, SOURCE));
    expect(r.metrics.map((m) => [m.kind, m.value, m.unit, m.per, m.table?.colHeader])).toEqual([
      ['money', 692_000, 'VND', 'người/ngày', 'Mức chi (1.000đ)'],
      ['money', 554_000, 'VND', 'người/ngày', 'Mức chi (1.000đ)'],
    ]);
    // the cells left of the placed row are the row spans above it
    expect(r.metrics[0]!.table!.rowHeader).toBe('Thi tốt nghiệp - - Trưởng ban');
  });
  it('an empty cell read as a row boundary: a label row ending in a unit and a row of figures are one row', () => {
    const t = `Định mức\n${stacked([['**Thành phần**', '**Đơn vị**', '**Năm 2024**', '**Năm 2025**'], ['Bậc thợ 3/7', 'công', '0,045', '0,050'], ['Bậc thợ 4/7', 'công'], ['0,279', '0,300']])}\nHết.\n`;
    const r = extractReport(textToDocument(t, SOURCE));
    expect(r.metrics.filter((m) => m.table).map((m) => [m.value, m.table!.rowHeader, m.table!.colHeader])).toEqual([
      [0.045, 'Bậc thợ 3/7', 'Năm 2024'],
      [0.05, 'Bậc thợ 3/7', 'Năm 2025'],
      [0.279, 'Bậc thợ 4/7', 'Năm 2024'],
      [0.3, 'Bậc thợ 4/7', 'Năm 2025'],
    ]);
    // a unit with its power (`m3`, 35-39's `Nước | m3 ⏎ 7`) ends a label row too
    const m3 = extractReport(textToDocument(t.replace("['Bậc thợ 4/7', 'công']", '').replace('Bậc thợ 4/7\n|\ncông', 'Nước\n|\nm3'), SOURCE));
    expect(m3.metrics.filter((m) => m.table).slice(2).map((m) => [m.value, m.unit, m.table!.rowHeader, m.table!.colHeader])).toEqual([
      [0.279, 'm3', 'Nước', 'Năm 2024'],
      [0.3, 'm3', 'Nước', 'Năm 2025'],
    ]);
  });
  it('the text between two tables, written in one row with the next header, ends the table before it (35-39, 38-35)', () => {
    // `| 10 | 20 | ⏎ 7. Sửa đổi … ⏎ | Mã hiệu | …`: single pipes around the text between, blank lines inside it
    const between = '\n\n__7. Sửa đổi định mức bạt lề đường bằng thủ công như sau:__\n\n**BDCT.21500 Bạt lề đường bằng thủ công**\n\n*Thành phần công việc*: chuẩn bị dụng cụ, bạt lề đường đảm bảo yêu cầu kỹ thuật; gom, xúc lên phương tiện.\n\n';
    const t = `Định mức\n${stacked([['**Mã hiệu**', '**Công tác**', '**Thành phần hao phí**', '**Đơn vị**', '**Định mức**'], ['BDCT.21400', 'Đào hót đất sụt', 'Nhân công'], ['Bậc thợ 3/7', 'công', '0,261'], ['10', '20', between, '**Mã hiệu**', '**Công tác**', '**Thành phần hao phí**', '**Đơn vị**', '**Số lượng**'], ['BDCT.21500', 'Bạt lề đường', 'Nhân công', 'công', '1,199'], ['0,006 x a', 'Hồ sơ', '-', 'ha', '0,5']])}\nHết.\n`;
    const doc = textToDocument(t, SOURCE);
    const r = extractReport(doc);
    expect(r.metrics.filter((m) => m.table).map((m) => [m.value, m.table!.index, m.table!.colHeader])).toEqual([
      [0.261, 0, 'Định mức'],
      [1.199, 1, 'Số lượng'],
      [0.5, 1, 'Số lượng'],
    ]);
    // the text between is text, not a cell; the closing `10 | 20` gives the norm codes' last digits (ordinal), and
    // the formula cell `0,006 x a` no figure
    const cell = (s: string) => doc.blocks.find((b) => doc.text.slice(b.span.start, b.span.end) === s);
    expect(cell('__7. Sửa đổi định mức bạt lề đường bằng thủ công như sau:__')?.kind).toBe('line');
    expect(cell('10')?.table).toMatchObject({ index: 0, ordinal: true });
    expect(cell('0,006 x a')?.table).toMatchObject({ index: 1, formula: true });
    // a closing row counting up from any start (`31 | 32`) is the codes' digits too — but figures in a table
    // without a norm code
    const suffixes = t.replace('|\n10\n|\n20\n|', '|\n31\n|\n32\n|');
    expect(extractReport(textToDocument(suffixes, SOURCE)).metrics.some((m) => m.text === '32')).toBe(false);
    const plain = extractReport(textToDocument(suffixes.replace('BDCT.21400', 'Đào đất'), SOURCE));
    expect(plain.metrics.filter((m) => m.text === '31' || m.text === '32').length).toBe(2);
  });
  it('the header unit vocabulary reads its examples', () => {
    for (const [header, unit] of HEADER_UNIT_EXAMPLES) expect(headerUnit(header), header).toBe(unit);
  });
});

describe('row-number columns', () => {
  it('are no figures, with or without an STT header; a column 3, 5, 2 is figures', () => {
    const t = '| | Đơn vị | Số hồ sơ |\n|---|---|---|\n| 1 | Sở Tư pháp | 3 |\n| 2 | Sở Y tế | 5 |\n| 3 | Sở Nội vụ | 2 |\n';
    const r = extractReport(textToDocument(t, SOURCE));
    expect(r.metrics.map((m) => [m.value, m.table?.rowHeader])).toEqual([[3, 'Sở Tư pháp'], [5, 'Sở Y tế'], [2, 'Sở Nội vụ']]);
  });
});

describe('total rows', () => {
  it('a Tổng cộng row is the parent of the rows it sums; rows that do not add up get no links', () => {
    const t = '| Đơn vị | Hồ sơ | Tỷ lệ |\n|---|---|---|\n| Sở Tư pháp | 120 | 40% |\n| Sở Y tế | 95 | 35% |\n| Tổng cộng | 215 | 80% |\n';
    const r = extractReport(textToDocument(t, SOURCE));
    const total = r.metrics.find((m) => m.value === 215)!;
    expect(r.metrics.filter((m) => m.parent === total.id).map((m) => m.value)).toEqual([120, 95]);
    // 40% + 35% is not 80%: no parent, so no false sum alarm either
    expect(r.metrics.filter((m) => m.kind === 'percent' && m.parent !== undefined)).toEqual([]);
  });
  it('the total label vocabulary names totals and only totals', () => {
    for (const l of TOTAL_LABEL_EXAMPLES.totals) expect(TOTAL_LABEL.test(l), l).toBe(true);
    for (const l of TOTAL_LABEL_EXAMPLES.others) expect(TOTAL_LABEL.test(l), l).toBe(false);
  });
});

describe('every numeric cell of every table fixture', () => {
  // the fixtures of each style, the PDFs over a page break (header not repeated, repeated) and the procedure annex: every cell starting with a
  // figure is a metric with its row and column headers, except row numbers (the table's ordinal cells) and codes
  const files = [...Object.values(STYLES), join(ROOT, 'fixtures', 'tables', 'page-break.pdf'), join(ROOT, 'fixtures', 'tables', 'repeated-header.pdf'), join(ROOT, 'fixtures', 'tables', 'procedures.txt')];
  it('is a metric with its row and column headers (counted)', async () => {
    let cells = 0;
    const wrong: string[] = [];
    for (const f of files) {
      const doc = await ingestFile(f);
      const r = extractReport(doc);
      for (const b of doc.blocks) {
        if (b.kind !== 'table-cell' || !b.table) continue;
        const t = doc.text.slice(b.span.start, b.span.end).replace(/\*+/g, '').trim();
        if (!/^[~≈]?[-+]?[0-9]/.test(t) || b.table.ordinal || CODE_CELL.test(t)) continue;
        cells++;
        const ms = r.metrics.filter((m) => m.span.start >= b.span.start && m.span.end <= b.span.end);
        if (ms.length === 0 || !ms.every((m) => m.table?.rowHeader && m.table.colHeader)) wrong.push(`${f}: ${t}`);
      }
    }
    // 6 in each of the five styles, 86 in each PDF, 8 in the procedure annex (6 times, 2 fees)
    expect(cells).toBe(5 * 6 + 2 * 86 + 8);
    expect(wrong).toEqual([]);
  });
});

describe('procedure annexes (TTHC lists)', () => {
  it('give one row per procedure: its processing time before and after the cut as durations, the new one from the old, its fee as money; the code is no part of the row header', async () => {
    const r = await processFile(join(ROOT, 'fixtures', 'tables', 'procedures.txt'));
    const byId = new Map(r.metrics.map((m) => [m.id, m]));
    const rows = r.metrics.filter((m) => m.table).map((m) => [m.table!.rowHeader, m.table!.colHeader, m.kind, m.value, m.unit, m.from ? byId.get(m.from)!.value : undefined]);
    expect(rows).toEqual([
      ['Cấp giấy phép hoạt động dịch vụ khoa học và công nghệ', 'Thời hạn giải quyết hiện hành', 'duration', 10, 'working-day', undefined],
      ['Cấp giấy phép hoạt động dịch vụ khoa học và công nghệ', 'Thời hạn giải quyết sau cắt giảm', 'duration', 9, 'working-day', 10],
      ['Cấp giấy phép hoạt động dịch vụ khoa học và công nghệ', 'Phí, lệ phí', 'money', 500_000, 'VND', undefined],
      ['Cấp lại giấy phép hoạt động dịch vụ khoa học và công nghệ', 'Thời hạn giải quyết hiện hành', 'duration', 5, 'working-day', undefined],
      ['Cấp lại giấy phép hoạt động dịch vụ khoa học và công nghệ', 'Thời hạn giải quyết sau cắt giảm', 'duration', 3, 'working-day', 5],
      ['Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', 'Thời hạn giải quyết hiện hành', 'duration', 15, 'day', undefined],
      ['Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', 'Thời hạn giải quyết sau cắt giảm', 'duration', 12, 'day', 15],
      ['Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', 'Phí, lệ phí', 'money', 50_000, 'VND', undefined],
    ]);
    // a fee per a two-word noun that ends its cell
    expect(r.metrics.filter((m) => m.kind === 'money').map((m) => m.per)).toEqual(['hồ sơ', 'lần']);
  });
  it('the transition and code vocabularies read their examples', () => {
    for (const h of TRANSITION_EXAMPLES.before) expect([TRANSITION_BEFORE.test(h), TRANSITION_AFTER.test(h)], h).toEqual([true, false]);
    for (const h of TRANSITION_EXAMPLES.after) expect(TRANSITION_AFTER.test(h), h).toBe(true);
    for (const h of TRANSITION_EXAMPLES.neither) expect([TRANSITION_BEFORE.test(h), TRANSITION_AFTER.test(h)], h).toEqual([false, false]);
    for (const c of CODE_CELL_EXAMPLES.codes) expect(CODE_CELL.test(c), c).toBe(true);
    for (const c of CODE_CELL_EXAMPLES.others) expect(CODE_CELL.test(c), c).toBe(false);
    for (const c of FORMULA_CELL_EXAMPLES.formulas) expect(FORMULA_CELL.test(c), c).toBe(true);
    for (const c of FORMULA_CELL_EXAMPLES.others) expect(FORMULA_CELL.test(c), c).toBe(false);
    for (const c of NORM_CODE_CELL_EXAMPLES.codes) expect(NORM_CODE_CELL.test(c), c).toBe(true);
    for (const c of NORM_CODE_CELL_EXAMPLES.others) expect(NORM_CODE_CELL.test(c), c).toBe(false);
  });
});

describe('measure cells (a specification table)', () => {
  it('a size is a quantity per side, a range one figure with valueMax (English decimals read), ~ approximate', () => {
    const show = (cell: string) => measureCell(cell)!.map((f) => `${f.approximate ? '~' : ''}${f.value}${f.valueMax !== undefined ? `-${f.valueMax}` : ''}${f.unit ? ` ${f.unit}` : ''}`).join('; ');
    for (const [cell, want] of MEASURE_CELL_EXAMPLES) expect(show(cell), cell).toBe(want);
    // a bare number is no measure cell (the bare-number reader has it), nor a procedure code or a sentence
    for (const cell of ['1.250', '12', '1.011818', 'Không quá 02 ngày']) expect(measureCell(cell), cell).toBeUndefined();
  });
  it('in a table: each figure its own metric with the row and column headers', () => {
    const t = '| Hạng mục | Thông số |\n|---|---|\n| Kích thước thẻ | 63mm x 88mm |\n| Trọng lượng/lá | 1.8-2.0 gram |\n| Độ dày | ~0.3mm |\n';
    const r = extractReport(textToDocument(t, SOURCE));
    expect(r.metrics.map((m) => [m.kind, m.value, m.valueMax, m.unit, m.approximate, m.text, m.table?.rowHeader, m.table?.colHeader])).toEqual([
      ['quantity', 63, undefined, 'mm', undefined, '63mm', 'Kích thước thẻ', 'Thông số'],
      ['quantity', 88, undefined, 'mm', undefined, '88mm', 'Kích thước thẻ', 'Thông số'],
      ['quantity', 1.8, 2, 'gram', undefined, '1.8-2.0 gram', 'Trọng lượng/lá', 'Thông số'],
      ['quantity', 0.3, undefined, 'mm', true, '0.3mm', 'Độ dày', 'Thông số'],
    ]);
  });
});
