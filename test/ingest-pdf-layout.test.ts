/**
 * PDF layout cases of real government PDFs, on small PDFs written here byte by byte (Helvetica, WinAnsi):
 * text stamped by signature fields, Unicode superscript footnote marks, two-column header lines, tables rebuilt
 * from text positions — and running text with figures that must stay running text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/ingest/index.js';
import { findTables, type TableLine } from '../src/ingest/pdf-table.js';

interface Txt {
  x: number;
  y: number;
  s: string;
  size?: number;
}
interface Stamp {
  rect: [number, number, number, number];
  s: string;
}

/** A one-page A4 PDF: text runs at given positions; signature widgets whose appearance shows `s`. */
function pdf(texts: Txt[], stamps: Stamp[] = []): Buffer {
  const objs: string[] = [];
  const add = (body: string) => objs.push(body) - 1 + 1; // object number
  const enc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  add('PAGE');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const content = texts.map((t) => `BT /F1 ${t.size ?? 12} Tf ${t.x} ${t.y} Td (${enc(t.s)}) Tj ET`).join('\n');
  const contentNo = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  const annots: number[] = [];
  for (const [i, st] of stamps.entries()) {
    const [x0, y0, x1, y1] = st.rect;
    const ap = `BT /F1 12 Tf 2 5 Td (${enc(st.s)}) Tj ET`;
    const apNo = add(`<< /Type /XObject /Subtype /Form /BBox [0 0 ${x1 - x0} ${y1 - y0}] /Resources << /Font << /F1 4 0 R >> >> /Length ${Buffer.byteLength(ap, 'latin1')} >>\nstream\n${ap}\nendstream`);
    annots.push(add(`<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature${i + 1}) /F 4 /Rect [${x0} ${y0} ${x1} ${y1}] /P 3 0 R /AP << /N ${apNo} 0 R >> >>`));
  }
  objs[2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents ${contentNo} 0 R${annots.length ? ` /Annots [${annots.map((n) => `${n} 0 R`).join(' ')}]` : ''} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const dir = mkdtempSync(join(tmpdir(), 'pdf-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const ingest = async (bytes: Buffer) => {
  const f = join(dir, `t${n++}.pdf`);
  writeFileSync(f, bytes);
  return ingestFile(f);
};
const body = (from: number, lines: string[]): Txt[] => lines.map((s, i) => ({ x: 72, y: from - i * 16, s }));
const filler = body(600, [
  'Thuc hien ke hoach nam nay, co quan da trien khai cac nhiem vu duoc giao va bao cao',
  'ket qua cho cap tren dung thoi han; cac don vi phoi hop chat che trong qua trinh thuc hien.',
]);

describe('signature-field stamps (e-office number and date of issue)', () => {
  it('puts stamped text into the header line it fills, and keeps a stamp on no line out of the text', async () => {
    const d = await ingest(
      pdf(
        [{ x: 80, y: 760, s: 'So:' }, { x: 150, y: 760, s: '/BC-SNV' }, { x: 330, y: 760, s: 'Lam Dong, ngay' }, { x: 440, y: 760, s: 'thang 11 nam 2025' }, ...filler],
        [
          { rect: [100, 755, 140, 775], s: '228' },
          { rect: [410, 755, 430, 775], s: '28' },
          { rect: [330, 100, 530, 140], s: 'Ky boi: So Noi vu' },
        ],
      ),
    );
    const lines = d.text.split('\n');
    expect(lines[0]).toBe('So: 228 /BC-SNV');
    expect(lines[1]).toBe('Lam Dong, ngay 28 thang 11 nam 2025');
    expect(d.text).not.toContain('Ky boi');
    expect(d.pages![0]!.furniture).toEqual(['Ky boi: So Noi vu']);
  });
});

describe('an e-signature box drawn in the page', () => {
  it('is page furniture, not body text (its signing time is no date of the report)', async () => {
    const d = await ingest(
      pdf([
        ...filler,
        { x: 330, y: 200, s: 'Signed by: So Noi vu tinh Lam Dong' },
        { x: 330, y: 188, s: 'Email: snv@lamdong.gov.vn' },
        { x: 330, y: 176, s: 'Date: 28.11.2025 09:15:32 +07:00' },
      ]),
    );
    expect(d.text).not.toMatch(/Signed by|Email|28\.11\.2025/);
    expect(d.pages![0]!.furniture).toEqual(['Signed by: So Noi vu tinh Lam Dong', 'Email: snv@lamdong.gov.vn', 'Date: 28.11.2025 09:15:32 +07:00']);
  });
});

describe('Unicode superscript footnote marks', () => {
  it('are not glued to the number or word they follow; a line starting with one is a footnote', async () => {
    const d = await ingest(
      pdf([
        ...body(760, ['Tong thu ngan sach nam 2025\u00b2 dat 32.006 ty dong, vuot ke hoach de ra cua Trung uong giao.']),
        ...filler,
        { x: 72, y: 80, s: '\u00b2 So lieu uoc thuc hien den ngay 27/11/2025.', size: 9 },
      ]),
    );
    expect(d.text).toContain('nam 2025 dat 32.006 ty dong');
    const notes = d.blocks.filter((b) => b.kind === 'footnote');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.number).toBe('2');
    expect(d.text.slice(notes[0]!.span.start, notes[0]!.span.end)).toBe('2 So lieu uoc thuc hien den ngay 27/11/2025.');
  });
});

describe('blocks of one line set apart by a wide blank', () => {
  it('are separate lines (two header columns), but a label keeps its value set apart on the same line', async () => {
    const d = await ingest(
      pdf([
        { x: 80, y: 780, s: 'UBND TINH LAM DONG' },
        { x: 330, y: 780, s: 'CONG HOA XA HOI CHU NGHIA VIET NAM' },
        ...body(740, ['Tong so bien che cong chuc duoc giao nam 2025:']),
        { x: 480, y: 740, s: '36' },
        ...filler,
      ]),
    );
    const lines = d.text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['UBND TINH LAM DONG', 'CONG HOA XA HOI CHU NGHIA VIET NAM', 'Tong so bien che cong chuc duoc giao nam 2025: 36']);
  });
});

describe('document symbols cut at a line end', () => {
  it('are joined whether the cut falls after or before the hyphen or slash', async () => {
    const d = await ingest(
      pdf(
        body(760, [
          'So Noi vu da tham muu UBND tinh ban hanh Ke hoach so 213/KH',
          '-UBND ngay 15/7/2025 ve cai cach hanh chinh va thuc hien Cong van so 4625/',
          'BNV-CCHC ngay 02/7/2025 cua Bo Noi vu ve che do bao cao dinh ky hang nam.',
        ]),
      ),
    );
    expect(d.text).toContain('Ke hoach so 213/KH-UBND ngay 15/7/2025');
    expect(d.text).toContain('Cong van so 4625/BNV-CCHC ngay 02/7/2025');
  });
});

describe('tables rebuilt from text positions', () => {
  const line = (y: number, words: [string, number][], size = 12): TableLine => ({
    page: 1,
    text: words.map((w) => w[0]).join(' '),
    x0: words[0]![1],
    x1: words[words.length - 1]![1] + words[words.length - 1]![0].length * 6,
    y,
    size,
    words: words.map(([text, x]) => ({ text, x0: x, x1: x + text.length * 6 })),
  });

  it('finds the rows, the stub written in the row, and stacked column headers', () => {
    const lines = [
      line(700, [['Chi', 72], ['tieu', 92]]),
      line(700, [['Nam', 250]]),
      line(686, [['2024', 250]]),
      line(700, [['Nam', 350]]),
      line(686, [['2025', 350]]),
      line(660, [['Ho', 72], ['so', 90], ['tiep', 106], ['nhan', 130], ['1.250', 250], ['1.430', 350]]),
      line(640, [['Ty', 72], ['le', 90], ['dung', 102], ['han', 130], ['97,5%', 250], ['98,2%', 350]]),
    ];
    const [t] = findTables(lines);
    expect(t!.lines.size).toBe(7);
    expect(t!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Chi tieu', 'Nam 2024', 'Nam 2025'],
      ['Ho so tiep nhan', '1.250', '1.430'],
      ['Ty le dung han', '97,5%', '98,2%'],
    ]);
    expect(t!.rows[2]![2]).toEqual({ text: '98,2%', col: 2, figureCol: 1, rowHeader: 'Ty le dung han', colHeader: 'Nam 2025' });
  });

  it('an ordinal column is not part of the row header, a unit column gives the row its unit, close headers are cut apart', () => {
    const lines = [
      line(720, [['STT', 72], ['Chi', 110], ['tieu', 130], ['DVT', 215], ['Nam', 270], ['2024', 295], ['Nam', 350], ['2025', 375]]),
      line(700, [['1', 72], ['Ho', 110], ['so', 128], ['tiep', 146], ['nhan', 172], ['ho', 215], ['so', 230], ['1.250', 270], ['1.430', 350]]),
      line(684, [['2', 72], ['Dien', 110], ['tich', 140], ['trong', 170], ['ha', 215], ['9.870', 270], ['10.120', 350]]),
    ].map((l) => ({ ...l, words: l.words.map((w) => ({ ...w, text: w.text === 'DVT' ? 'ĐVT' : w.text })), text: l.text.replace('DVT', 'ĐVT') }));
    const [t] = findTables(lines);
    expect(t!.rows[0]!.map((c) => c.text)).toEqual(['Chi tieu', 'Nam 2024', 'Nam 2025']);
    expect(t!.rows[1]!.map((c) => c.text)).toEqual(['1', 'Ho so tiep nhan', 'ho so', '1.250', '1.430']);
    expect(t!.rows[2]![4]).toEqual({ text: '10.120', col: 4, figureCol: 1, rowHeader: 'Dien tich trong', colHeader: 'Nam 2025', unit: 'ha' });
  });

  it('a text cell after the numbers (Ghi chú) does not hide the row', () => {
    const lines = [
      line(720, [['Don', 72], ['vi', 95], ['Tiep', 250], ['nhan', 275], ['Dung', 330], ['han', 355], ['Ghi', 420], ['chu', 440]]),
      line(700, [['So', 72], ['Noi', 90], ['vu', 112], ['1.250', 250], ['1.230', 330], ['Dat', 420]]),
      line(684, [['So', 72], ['Tu', 90], ['phap', 106], ['860', 250], ['851', 330]]),
    ];
    const [t] = findTables(lines);
    expect(t!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Don vi', 'Tiep nhan', 'Dung han', 'Ghi chu'],
      ['So Noi vu', '1.250', '1.230', 'Dat'],
      ['So Tu phap', '860', '851'],
    ]);
    expect(t!.rows[1]![2]).toEqual({ text: '1.230', col: 2, figureCol: 1, rowHeader: 'So Noi vu', colHeader: 'Dung han' });
  });

  it('a unit line above the table gives every cell its unit', () => {
    const lines = [
      line(740, [['Don', 400], ['vi', 425], ['tinh:', 440], ['trieu', 470], ['dong', 500]]),
      line(720, [['Noi', 72], ['dung', 95], ['Du', 300], ['toan', 318], ['Thuc', 400], ['hien', 430]]),
      line(700, [['Chi', 72], ['thuong', 95], ['xuyen', 140], ['1.430,5', 300], ['1.250', 400]]),
      line(684, [['Chi', 72], ['dau', 95], ['tu', 120], ['820', 300], ['640', 400]]),
    ].map((l, i) => (i === 0 ? { ...l, text: 'Đơn vị tính: triệu đồng', words: l.words } : l));
    const [t] = findTables(lines);
    expect(t!.lines.size).toBe(4);
    expect(t!.rows[1]![1]).toEqual({ text: '1.430,5', col: 1, figureCol: 0, rowHeader: 'Chi thuong xuyen', colHeader: 'Du toan', unit: 'triệu đồng' });
  });

  it('a table in small type at the foot of a page is a table, not footnotes', async () => {
    const d = await ingest(
      pdf([
        ...filler,
        ...body(560, ['Ket qua giai quyet ho so cua cac co quan nhu sau:']),
        { x: 72, y: 140, s: 'STT', size: 10 },
        { x: 95, y: 140, s: 'Co quan', size: 10 },
        { x: 300, y: 140, s: 'Tiep nhan', size: 10 },
        { x: 420, y: 140, s: 'Dung han', size: 10 },
        { x: 72, y: 124, s: '1', size: 10 },
        { x: 95, y: 124, s: 'So Noi vu', size: 10 },
        { x: 300, y: 124, s: '1.250', size: 10 },
        { x: 420, y: 124, s: '1.230', size: 10 },
        { x: 72, y: 108, s: '2', size: 10 },
        { x: 95, y: 108, s: 'So Tu phap', size: 10 },
        { x: 300, y: 108, s: '860', size: 10 },
        { x: 420, y: 108, s: '851', size: 10 },
      ]),
    );
    expect(d.blocks.filter((b) => b.kind === 'footnote')).toEqual([]);
    expect(d.text).toContain('Co quan | Tiep nhan | Dung han\n1 | So Noi vu | 1.250 | 1.230\n2 | So Tu phap | 860 | 851\n');
    const cell = d.blocks.find((b) => b.kind === 'table-cell' && d.text.slice(b.span.start, b.span.end) === '851');
    expect(cell?.table).toMatchObject({ rowHeader: 'So Tu phap', colHeader: 'Dung han' });
  });

  it('leaves running text with figures alone, and a single row is no table', () => {
    const prose = [
      line(700, [['dat', 72], ['39/45', 95], ['nhiem', 130], ['vu,', 165], ['dat', 185], ['86,67%', 205]]),
      line(684, [['kiem', 72], ['tra', 100], ['42/139', 120], ['co', 160], ['quan', 175]]),
      line(668, [['Tong', 72], ['so', 100], ['12', 120], ['15', 150], ['18', 180]]),
    ];
    expect(findTables(prose)).toEqual([]);
  });

  it('in a real layout: a PDF with a two-row table gives table cells with their headers', async () => {
    const d = await ingest(
      pdf([
        ...body(760, ['Ket qua giai quyet ho so trong nam nhu sau:']),
        { x: 72, y: 720, s: 'Chi tieu' },
        { x: 300, y: 720, s: 'Nam 2024' },
        { x: 420, y: 720, s: 'Nam 2025' },
        { x: 72, y: 700, s: 'Ho so tiep nhan' },
        { x: 300, y: 700, s: '1.250' },
        { x: 420, y: 700, s: '1.430' },
        { x: 72, y: 684, s: 'Ty le dung han' },
        { x: 300, y: 684, s: '97,5%' },
        { x: 420, y: 684, s: '98,2%' },
        ...filler,
      ]),
    );
    expect(d.text).toContain('Chi tieu | Nam 2024 | Nam 2025\nHo so tiep nhan | 1.250 | 1.430\nTy le dung han | 97,5% | 98,2%\n');
    const cell = d.blocks.find((b) => b.kind === 'table-cell' && d.text.slice(b.span.start, b.span.end) === '1.430');
    expect(cell?.table).toEqual({ index: 0, row: 1, col: 2, rowHeader: 'Ho so tiep nhan', colHeader: 'Nam 2025' });
  });
});
