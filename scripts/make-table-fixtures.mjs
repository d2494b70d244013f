#!/usr/bin/env node
// One table in every style a report writes it (issue 14), for test/tables-everywhere.test.ts:
//   fixtures/tables/pipe-rows.txt      markdown pipe rows with a `|---|` header separator
//   fixtures/tables/stacked-pipes.txt  a web page converted to text: every cell boundary a line `|`, spans lost
//   fixtures/tables/spans.html         HTML with rowspan/colspan (a two-row header)
//   fixtures/tables/aligned.txt        columns aligned with spaces (a typed report, `pdftotext -layout`)
//   fixtures/tables/procedures.txt     a procedure annex: processing time before/after and fee per procedure
//   fixtures/tables/page-break.pdf     the table with many rows, printed by headless chromium over two pages
//   fixtures/tables/repeated-header.pdf  the same, its header repeated at the top of the second page
//   (DOCX with merged cells: fixtures/docx/table-numbering.docx from scripts/make-fixtures.mjs, same table)
// The same figures everywhere: Kinh phí chi thường xuyên 1.250 / 1.430,5, … (ĐVT: triệu đồng, Năm 2022/2023).
// Usage: node scripts/make-table-fixtures.mjs   (the PDF needs chromium: CHROMIUM_PATH or /usr/bin/chromium)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = (f) => join(root, 'fixtures', 'tables', f);
mkdirSync(join(root, 'fixtures', 'tables'), { recursive: true });

const HEAD = 'ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 45/BC-SKHCN\nTiền Giang, ngày 15 tháng 12 năm 2023\nBÁO CÁO\nKết quả thực hiện nhiệm vụ năm 2023\n';
const ROWS = [
  ['1', 'Kinh phí chi thường xuyên', '1.250', '1.430,5'],
  ['2', 'Kinh phí thực hiện nhiệm vụ khoa học và công nghệ', '3.200', '2.980'],
  ['3', 'Tỷ lệ giải ngân', '92,5%', '97%'],
];
// the long table of the PDF: the same rows, then more of them, so that it runs over a page break
const LONG = [...ROWS, ...Array.from({ length: 40 }, (_, i) => [String(i + 4), `Kinh phí đề tài cấp cơ sở số ${i + 1}`, `${100 + i * 7}`, `${120 + i * 9}`])];

// 1. markdown pipe rows
writeFileSync(out('pipe-rows.txt'), `${HEAD}Bảng 1. Kinh phí thực hiện nhiệm vụ\nĐVT: triệu đồng\n| STT | Chỉ tiêu | Năm 2022 | Năm 2023 |\n|---|---|---|---|\n${ROWS.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\nĐề nghị Ủy ban nhân dân tỉnh quan tâm bố trí kinh phí năm 2024.\n`);

// 2. stacked pipes (rowspan/colspan of the source lost, as a converted web page has them)
const stacked = (rows) => rows.map((r) => `|\n${r.join('\n|\n')}\n|`).join('\n');
writeFileSync(out('stacked-pipes.txt'), `${HEAD}Bảng 1. Kinh phí thực hiện nhiệm vụ\n**Đơn vị tính:** triệu đồng\n${stacked([['**STT**', '**Chỉ tiêu**', '**Kết quả**'], ['**Năm 2022**', '**Năm 2023**'], ...ROWS])}\nĐề nghị Ủy ban nhân dân tỉnh quan tâm bố trí kinh phí năm 2024.\n`);

// 2b. aligned columns: a group header over two year columns, right-aligned figures
const pad = (s, w, right = false) => (right ? s.padStart(w) : s.padEnd(w));
const alignedRows = ROWS.map((r) => `${pad(r[0], 6)}${pad(r[1], 52)}${pad(r[2], 12, true)}${pad(r[3], 12, true)}`);
writeFileSync(out('aligned.txt'), `${HEAD}Bảng 1. Kinh phí thực hiện nhiệm vụ\nĐVT: triệu đồng\n\n${pad('STT', 6)}${pad('Chỉ tiêu', 52)}${pad('', 4)}${pad('Kết quả', 20)}\n${pad('', 58)}${pad('Năm 2022', 12, true)}${pad('Năm 2023', 12, true)}\n${alignedRows.join('\n')}\n\nĐề nghị Ủy ban nhân dân tỉnh quan tâm bố trí kinh phí năm 2024.\n`);

// 2c. a procedure annex (TTHC list): a procedure a row, its processing time before and after the cut, its fee
const PROCEDURES = [
  ['1', '1.001234', 'Cấp giấy phép hoạt động dịch vụ khoa học và công nghệ', '10 ngày làm việc', '09 ngày làm việc', '500.000 đồng/hồ sơ'],
  ['2', '1.004567', 'Cấp lại giấy phép hoạt động dịch vụ khoa học và công nghệ', '05 ngày làm việc', '03 ngày làm việc', 'Không'],
  ['3', '2.000815', 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', '15 ngày', '12 ngày', '50.000 đồng/lần'],
];
writeFileSync(out('procedures.txt'), `${HEAD}PHỤ LỤC\nDanh mục thủ tục hành chính được cắt giảm thời hạn giải quyết\n| STT | Mã TTHC | Tên thủ tục hành chính | Thời hạn giải quyết hiện hành | Thời hạn giải quyết sau cắt giảm | Phí, lệ phí |\n|---|---|---|---|---|---|\n${PROCEDURES.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\nGiao Sở Khoa học và Công nghệ công khai danh mục trên Cổng Dịch vụ công.\n`);

// 3. HTML with rowspan/colspan
const html = (rows, extra = '') => `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:"Liberation Serif",serif;font-size:13pt} table{border-collapse:collapse} td,th{border:1px solid #000;padding:2px 8px}${extra}</style></head><body>
${HEAD.trim().split('\n').map((l) => `<p>${l}</p>`).join('\n')}
<p>Bảng 1. Kinh phí thực hiện nhiệm vụ</p><p>ĐVT: triệu đồng</p>
<table><thead><tr><th rowspan="2">STT</th><th rowspan="2">Chỉ tiêu</th><th colspan="2">Kết quả</th></tr><tr><th>Năm 2022</th><th>Năm 2023</th></tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>
<p>Đề nghị Ủy ban nhân dân tỉnh quan tâm bố trí kinh phí năm 2024.</p></body></html>`;
writeFileSync(out('spans.html'), html(ROWS));

// 4. the long table printed to PDF over two pages (the header row is not repeated on the second page)
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  const dir = mkdtempSync(join(tmpdir(), 'rm-tables-'));
  const src = join(dir, 'page-break.html');
  writeFileSync(src, html(LONG, ' thead{display:table-row-group}'));
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${out('page-break.pdf')}`, `file://${src}`], { stdio: 'ignore', timeout: 120_000 });
  // 4b. the same table with its header repeated at the top of the second page (chromium's default for a thead)
  const srcRepeated = join(dir, 'repeated-header.html');
  writeFileSync(srcRepeated, html(LONG));
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${out('repeated-header.pdf')}`, `file://${srcRepeated}`], { stdio: 'ignore', timeout: 120_000 });
  rmSync(dir, { recursive: true, force: true });
} else console.warn(`make-table-fixtures: ${chromium} not found; page-break.pdf not made`);
console.log('fixtures/tables written');
