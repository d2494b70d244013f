// Hostile and broken files (fixtures/hostile/): each reproduces one defect found by hand or by `npm run fuzz`
// (a crash, a hang, a memory blow-up or an output that failed its own schema) and is a regression test in
// test/hostile.test.ts. Small on disk: what is large is what the file makes the pipeline do.
//   node scripts/make-hostile.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { buildDocx, DOCX_NS } from './fixtures/docx-builder.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'fixtures', 'hostile');
mkdirSync(dir, { recursive: true });
const put = (name, data) => writeFileSync(join(dir, name), data);
const doc = (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${DOCX_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const para = (text, numId) =>
  `<w:p><w:pPr>${numId !== undefined ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const HEAD = para('BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2023') + para('Trong năm, đã giải quyết 120 hồ sơ, đạt 98,5%.');

// 1. a list that starts at 10^15 in Roman numerals (the label alone would be 10^12 characters)
const numbering = (start, fmt) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${DOCX_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
put('docx-roman-start.docx', buildDocx(doc(HEAD + para('Mục một', 1) + para('Mục hai', 1)), { 'word/numbering.xml': strToU8(numbering('1000000000000000', 'upperRoman')) }));
// the same through a start override, in letters (Word repeats the letter n/26 times)
put(
  'docx-letter-override.docx',
  buildDocx(doc(HEAD + para('Mục một', 1)), {
    'word/numbering.xml': strToU8(
      numbering('1', 'lowerLetter').replace('</w:num>', '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="900000000000"/></w:lvlOverride></w:num>'),
    ),
  }),
);

// 2. one unclosed, very long tag in document.xml (a name of 1 MB, no '>'; just under the zip-bomb check's
// 1 MB per-entry threshold, so the part is inflated and parsed)
put('docx-long-tag.docx', buildDocx(doc(HEAD + '<w:p' + 'w'.repeat(1_000_000))));
// deep nesting: 120,000 nested elements (1 MB)
put('docx-deep-xml.docx', buildDocx(doc(HEAD + '<w:p><w:r>' + '<a>'.repeat(120_000) + '</a>'.repeat(120_000) + '</w:r></w:p>')));

// 3. an HTML table whose spans ask for 2,000 rows × 2,000,000 columns: every row's cell spans 1,000 × 1,000 and
// is pushed right by the cells spanning down from the rows above
put(
  'html-huge-span.html',
  `<!doctype html><html><body><h1>Báo cáo</h1><p>Đã giải quyết 120 hồ sơ.</p><table>${'<tr><td colspan="1000" rowspan="65534">1</td></tr>'.repeat(2000)}</table></body></html>\n`,
);

// 4. a PDF whose page content is 200,000 nested `q` (save graphics state) operators
function pdf(content, { compress = true } = {}) {
  const data = compress ? deflateSync(Buffer.from(content, 'latin1'), { level: 9 }) : Buffer.from(content, 'latin1');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let len = parts[0].length;
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(len);
    const b =
      o === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${data.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')])
        : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1');
    parts.push(b);
    len += b.length;
  });
  const xref = len;
  parts.push(
    Buffer.from(
      `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}
const TEXT = 'BT /F1 12 Tf 72 770 Td (BAO CAO nam 2023: da giai quyet 120 ho so.) Tj ET\n';
put('pdf-nested-q.pdf', pdf(TEXT + 'q '.repeat(200_000) + TEXT + 'Q '.repeat(200_000)));
// a content stream that inflates to 300 MB of operators
put('pdf-huge-stream.pdf', pdf(TEXT + '0 0 m '.repeat(50_000_000)));

// 5. 8 bytes of text whose metric's text is only spacing (m 2 l + NBSP), and spacing-only spans around numbers
put('text-spacing-metric.txt', 'm 2 l\u00a0');
put(
  'text-control-chars.txt',
  'BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2023\n' +
    'Trong năm 2023, đơn vị đã tiếp nhận và giải quyết 1.245 hồ sơ thủ tục hành chính, đạt tỷ lệ 98,5% đúng hạn; '.repeat(3) +
    '\nSố hồ sơ\u0001 trễ hạn: 12\u0007 hồ sơ\u001b[2J; \u0085kinh phí\u009b 1,25 tỷ đồng.\u2028Hết.\n',
);

// 6. a legacy .doc whose text holds a lone UTF-16 surrogate: a fixture .doc with one character of its text
// replaced by 0xD800 (the text is stored as UTF-16LE)
{
  const src = readFileSync(join(root, 'fixtures', 'doc', 'bc-6thang-2024-stp-ben-tre.doc'));
  const needle = Buffer.from('Sở Tư pháp', 'utf16le');
  const at = src.indexOf(needle);
  if (at < 0) throw new Error('make-hostile: the .doc fixture holds no UTF-16 text to break');
  const b = Buffer.from(src);
  b.writeUInt16LE(0xd800, at + 2);
  b.writeUInt16LE(0xdfff, at + 20); // and a lone low surrogate further on
  put('doc-lone-surrogate.doc', b);
}

// 7. a report citing 15,000 documents (all of one type, numbers out of order and repeated years)
{
  const lines = ['ỦY BAN NHÂN DÂN TỈNH BẾN TRE', 'Số: 145/BC-UBND', 'Bến Tre, ngày 14 tháng 6 năm 2024', '', 'BÁO CÁO', 'Kết quả rà soát văn bản năm 2024', ''];
  for (let i = 0; i < 15_000; i++) {
    const n = (i * 7919) % 15_000 + 1;
    lines.push(`- Quyết định số ${n}/QĐ-UBND ngày ${(i % 28) + 1}/${(i % 12) + 1}/${2000 + (i % 24)};`);
  }
  put('text-15000-references.txt', lines.join('\n') + '\n');
}
// 8. a text of 260,000 sections (numbered headings, 1.3 MB; the HTML file of issue 20 had 200,000, which made the
// Parquet export run out of memory — fixed there; over the limit of 250,000 a report fails instead)
put('text-260000-sections.txt', 'BÁO CÁO\n' + '1. a\n'.repeat(260_000));

// 9. a ZIP whose entry names carry terminal escape sequences (window title, clear screen) and is refused by name
put(
  'zip-escape-name.docx',
  zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'word/document.xml': strToU8(doc(HEAD)),
      ['word/\u001b]0;pwned\u0007\u001b[2J.xml']: strToU8('<!DOCTYPE x [<!ENTITY a "b">]><x/>'),
    },
    { level: 6, mtime: new Date('2024-01-01T00:00:00Z') },
  ),
);
// 10. (npm run fuzz, case 426 of seed 20, minimised) an amount too large for a double: Infinity VND failed the
// report's schema (`/metrics/17/value must be number`)
put('text-infinite-money.txt', `Báo cáo năm 2023: tổng kinh phí ${'9'.repeat(320)} tỷ đồng, trong đó 12 tỷ đồng chi thường xuyên.\n`);
console.log('fixtures/hostile: written');
