#!/usr/bin/env node
// Generates the multi-year fixture set for the link step (issue 5):
//   fixtures/multiyear/<agency>-<year>.txt   annual CCHC reports, 6 agencies × 3 years (2021–2023)
//   fixtures/multiyear/expected.json         the answers: agency of each file, the series points each file
//                                            states (indicator concept + value), the shared documents
// Deterministic (no randomness): re-running gives the same bytes.
// Varied on purpose: the phrasing of every indicator rotates between years (three wordings each), the
// agency is written differently (SỞ KH&CN / SỞ KHOA HỌC VÀ CÔNG NGHỆ / SỞ KHCN …, Uỷ/Ủy, Hoá/Hóa), the
// online-service vocabulary changes in 2022 (mức độ 4 → toàn trình), documents are cited in several years
// (one with a wrong date: a conflict), and the same local symbol 30/2018/QĐ-UBND exists in two provinces.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const OUT = new URL('../fixtures/multiyear/', import.meta.url);
const YEARS = [2021, 2022, 2023];
mkdirSync(OUT, { recursive: true });

/** header lines per year: [parent line | null, agency line]; body name per year */
const AGENCIES = [
  {
    slug: 'skhcn-tien-giang',
    id: 'agency:so-khoa-hoc-va-cong-nghe:tien-giang',
    province: 'tien-giang',
    place: 'Tiền Giang',
    code: 'SKHCN',
    header: [['UBND TỈNH TIỀN GIANG', 'SỞ KH&CN'], ['ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'], [null, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH TIỀN GIANG']],
    body: ['Sở KH&CN', 'Sở Khoa học và Công nghệ', 'Sở Khoa học và Công nghệ'],
  },
  {
    slug: 'skhcn-long-an',
    id: 'agency:so-khoa-hoc-va-cong-nghe:long-an',
    province: 'long-an',
    place: 'Long An',
    code: 'SKHCN',
    header: [['UBND TỈNH LONG AN', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'], ['UBND TỈNH LONG AN', 'SỞ KHCN'], ['UỶ BAN NHÂN DÂN TỈNH LONG AN', 'SỞ KHOA HỌC & CÔNG NGHỆ']],
    body: ['Sở Khoa học và Công nghệ', 'Sở KHCN', 'Sở Khoa học & Công nghệ'],
  },
  {
    slug: 'snv-ben-tre',
    id: 'agency:so-noi-vu:ben-tre',
    province: 'ben-tre',
    place: 'Bến Tre',
    code: 'SNV',
    header: [['UBND TỈNH BẾN TRE', 'SỞ NỘI VỤ'], ['ỦY BAN NHÂN DÂN TỈNH BẾN TRE', 'SỞ NỘI VỤ'], ['UBND TỈNH BẾN TRE', 'SỞ NỘI VỤ']],
    body: ['Sở Nội vụ', 'Sở Nội vụ', 'Sở Nội vụ'],
  },
  {
    slug: 'stp-thanh-hoa',
    id: 'agency:so-tu-phap:thanh-hoa',
    province: 'thanh-hoa',
    place: 'Thanh Hóa',
    placeVariants: ['Thanh Hoá', 'Thanh Hóa', 'Thanh Hóa'],
    code: 'STP',
    header: [['UBND TỈNH THANH HOÁ', 'SỞ TƯ PHÁP'], ['UỶ BAN NHÂN DÂN TỈNH THANH HÓA', 'SỞ TƯ PHÁP'], ['UBND TỈNH THANH HÓA', 'SỞ TƯ PHÁP']],
    body: ['Sở Tư pháp', 'Sở Tư pháp', 'Sở Tư pháp'],
  },
  {
    slug: 'syt-can-tho',
    id: 'agency:so-y-te:can-tho',
    province: 'can-tho',
    place: 'Cần Thơ',
    code: 'SYT',
    header: [['UBND THÀNH PHỐ CẦN THƠ', 'SỞ Y TẾ'], ['ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ', 'SỞ Y TẾ'], ['UBND TP CẦN THƠ', 'SỞ Y TẾ']],
    body: ['Sở Y tế', 'Sở Y tế', 'Sở Y tế'],
  },
  {
    slug: 'ubnd-cai-be',
    id: 'agency:uy-ban-nhan-dan-huyen-cai-be:tien-giang',
    province: 'tien-giang',
    place: 'Cái Bè',
    code: 'UBND',
    header: [[null, 'ỦY BAN NHÂN DÂN HUYỆN CÁI BÈ'], [null, 'UỶ BAN NHÂN DÂN HUYỆN CÁI BÈ'], [null, 'UBND HUYỆN CÁI BÈ']],
    body: ['Ủy ban nhân dân huyện', 'UBND huyện', 'Ủy ban nhân dân huyện'],
  },
];

const pad2 = (n) => String(n).padStart(2, '0');

/** deterministic values: agency index a, year index y */
const VALUES = {
  'inst.docs_reviewed': (a, y) => 18 + a * 3 + y * 2,
  'inst.docs_repealed': (a, y) => 1 + ((a + y) % 4),
  'tthc.published': (a, y) => 45 + a * 7 + y,
  'tthc.online_full': (a, y) => 20 + a * 4 + y * 6,
  'tthc.dossiers_received': (a, y) => (a === 2 && y === 2 ? 15_840 : 1200 + a * 310 + y * 95),
  'tthc.ontime_rate': (a, y) => [97, 98, 99, 100][(a + y) % 4],
  'org.civil_servant_quota': (a, y) => 30 + a * 5 - y,
  'cs.trained': (a, y) => 25 + a * 4 + y * 3,
  'egov.docs_in_processed_rate': (a, y) => [95, 98, 100][(a + y) % 3],
  'egov.esigned_rate': (a, y) => [85, 90, 96][(a * 2 + y) % 3],
  'dir.communication_items': (a, y) => 12 + a * 2 + y * 5,
};

/** three wordings per concept; `{n}` is the value; year index + agency index picks the wording */
const PHRASES = {
  'inst.docs_reviewed': [
    '+ Số lượng văn bản đã được kiểm tra, rà soát: {n} văn bản.',
    '- Tổng số văn bản quy phạm pháp luật được rà soát trong năm là {n} văn bản.',
    '- Trong kỳ, đơn vị đã tiến hành rà soát {n} văn bản quy phạm pháp luật thuộc lĩnh vực quản lý.',
  ],
  'inst.docs_repealed': [
    '+ Kết quả xử lý văn bản sau rà soát: Bãi bỏ: {n} văn bản.',
    '- Qua rà soát, đã kiến nghị bãi bỏ {n} văn bản không còn phù hợp.',
    '- Số văn bản đề nghị bãi bỏ: {n} văn bản.',
  ],
  'tthc.published': [
    '- Thực hiện công khai {n} TTHC thuộc thẩm quyền giải quyết của {body} trên Cổng thông tin điện tử.',
    '- Số TTHC được công bố, công khai: {n} thủ tục.',
    '- Đã niêm yết công khai {n} thủ tục hành chính tại Trung tâm phục vụ hành chính công.',
  ],
  // 2021 uses the legacy level vocabulary, 2022+ the new one (domain reference §4.4)
  'tthc.online_full': [
    '- Số thủ tục cung cấp dịch vụ công trực tuyến mức độ 4: {n} TTHC.',
    '- Cung cấp {n} dịch vụ công trực tuyến toàn trình.',
    '- Số dịch vụ công trực tuyến toàn trình: {n} dịch vụ.',
  ],
  'tthc.dossiers_received': [
    '- Tổng số hồ sơ tiếp nhận: {n} hồ sơ.',
    '- Trong kỳ báo cáo đã tiếp nhận {n} hồ sơ.',
    '- Số hồ sơ tiếp nhận giải quyết trong năm là {n} hồ sơ.',
  ],
  'tthc.ontime_rate': [
    '- Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn đạt {n}%.',
    '- Kết quả giải quyết: {n}% hồ sơ được giải quyết đúng và trước hạn.',
    '- Tỷ lệ giải quyết đúng hạn: {n}%.',
  ],
  'org.civil_servant_quota': [
    '- Tổng số biên chế công chức được giao: {n} biên chế.',
    '- Biên chế công chức được giao năm {year} là {n} biên chế.',
    '- Số biên chế công chức được giao: {n} biên chế.',
  ],
  'cs.trained': [
    '- Cử {n} lượt công chức, viên chức tham gia các lớp đào tạo, bồi dưỡng.',
    '- Số lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng: {n} lượt.',
    '- Đã tổ chức đào tạo, bồi dưỡng cho {n} lượt người.',
  ],
  'egov.docs_in_processed_rate': [
    '- Tỷ lệ văn bản đến được cập nhật và xử lý trên phần mềm quản lý văn bản: {n}%.',
    '- Có {n}% văn bản đến được xử lý trên môi trường mạng.',
    '- Văn bản đến được cập nhật, xử lý trên phần mềm đạt tỷ lệ {n}%.',
  ],
  'egov.esigned_rate': [
    '- Tỷ lệ văn bản đi được ký số: {n}%.',
    '- Có {n}% văn bản đi được ký số và gửi trên môi trường điện tử.',
    '- Văn bản đi được ký số đạt {n}%.',
  ],
  'dir.communication_items': [
    '- Đăng tải {n} tin, bài tuyên truyền về CCHC trên Cổng thông tin điện tử.',
    '- Số tin bài tuyên truyền CCHC: {n} tin bài.',
    '- Thực hiện {n} bài viết tuyên truyền về cải cách hành chính trên Trang thông tin điện tử.',
  ],
};

const SECTIONS = [
  ['Về công tác chỉ đạo, điều hành CCHC', ['dir.communication_items']],
  ['Về cải cách thể chế', ['inst.docs_reviewed', 'inst.docs_repealed']],
  ['Cải cách thủ tục hành chính', ['tthc.published', 'tthc.online_full', 'tthc.dossiers_received', 'tthc.ontime_rate']],
  ['Cải cách tổ chức bộ máy', ['org.civil_servant_quota']],
  ['Cải cách chế độ công vụ', ['cs.trained']],
  ['Xây dựng và phát triển chính quyền điện tử, chính quyền số', ['egov.docs_in_processed_rate', 'egov.esigned_rate']],
];

/** citations: [section index, text]; documents listed in expected.json with the files citing them */
function citations(a, y, ag) {
  const year = YEARS[y];
  const out = [];
  const local = ag.province === 'tien-giang' || ag.province === 'long-an';
  // national documents, every year, varied wording; one report gets the date wrong (a conflict)
  const nd107date = a === 3 && y === 1 ? '14/8/2020' : '14/9/2020';
  out.push([3, [
    `- Cơ cấu tổ chức các phòng thuộc ${ag.body[y]} phù hợp với quy định tại Nghị định số 107/2020/NĐ-CP ngày ${nd107date} của Chính phủ.`,
    `- Thực hiện Nghị định 107/2020/NĐ-CP ngày ${nd107date} của Chính phủ, tiếp tục kiện toàn tổ chức bộ máy.`,
    `- Tổ chức bộ máy được sắp xếp theo Nghị định số 107/2020/NĐ-CP ngày ${nd107date} của Chính phủ sửa đổi, bổ sung Nghị định số 24/2014/NĐ-CP.`,
  ][(a + y) % 3]]);
  out.push([0, [
    '- Triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030.',
    '- Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030.',
    '- Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, xây dựng kế hoạch CCHC năm ' + year + '.',
  ][(a + y) % 3]]);
  if (year >= 2022) out.push([0, `- Thực hiện chế độ báo cáo theo Thông tư số 07/2021/TT-BNV ngày 31/12/2021 của Bộ Nội vụ.`]);
  // the same local symbol in two provinces (and cited in all three years)
  if (local) {
    out.push([1, [
      '- Tiếp tục thực hiện Quyết định số 30/2018/QĐ-UBND ngày 20/8/2018 của Ủy ban nhân dân tỉnh về quy chế phối hợp kiểm tra, rà soát văn bản.',
      '- Việc rà soát thực hiện theo Quyết định số 30/2018/QĐ-UBND ngày 20/8/2018 của UBND tỉnh.',
      '- Thực hiện Quyết định số 30/2018/QĐ-UBND ngày 20/8/2018 của Ủy ban nhân dân tỉnh, công tác rà soát được duy trì thường xuyên.',
    ][(a + y) % 3]]);
  }
  // a provincial plan cited by two agencies of the same province in two years
  if (ag.province === 'tien-giang' && year <= 2022) {
    out.push([0, '- Thực hiện Kế hoạch số 25/KH-UBND ngày 10/02/2021 của Ủy ban nhân dân tỉnh về cải cách hành chính giai đoạn 2021-2025.']);
  }
  return out;
}

const files = [];
const expected = { description: 'Answers for fixtures/multiyear (scripts/make-multiyear.mjs).', reports: [], documents: [] };
const docCiters = new Map();
const cite = (key, jur, file) => {
  const k = `${key}@${jur}`;
  if (!docCiters.has(k)) docCiters.set(k, { symbol: key, jurisdiction: jur, files: [] });
  docCiters.get(k).files.push(file);
};

AGENCIES.forEach((ag, a) => {
  YEARS.forEach((year, y) => {
    const file = `${ag.slug}-${year}.txt`;
    const [parent, agencyLine] = ag.header[y];
    const place = ag.placeVariants?.[y] ?? ag.place;
    const lines = [];
    if (parent) lines.push(parent);
    lines.push(agencyLine);
    lines.push(`Số: ${100 + a * 10 + y}/BC-${ag.code}`);
    lines.push('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    lines.push('Độc lập - Tự do - Hạnh phúc');
    lines.push(`${place}, ngày ${pad2(14 + (a % 3))} tháng 12 năm ${year}`);
    lines.push('BÁO CÁO');
    lines.push(`Kết quả thực hiện công tác cải cách hành chính năm ${year}`);
    if ((a + y) % 2 === 0) lines.push(`(Số liệu tính từ ngày 15/12/${year - 1} đến ngày 14/12/${year})`);
    lines.push('');
    if (ag.slug === 'ubnd-cai-be') lines.push(`Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh Tiền Giang, ${ag.body[y]} báo cáo kết quả công tác cải cách hành chính năm ${year} như sau:`);
    else lines.push(`Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, ${ag.body[y]} báo cáo kết quả công tác cải cách hành chính năm ${year} như sau:`);
    const cits = citations(a, y, ag);
    const points = [];
    SECTIONS.forEach(([title, concepts], s) => {
      lines.push(`${s + 1}. ${title}:`);
      for (const [cs, text] of cits) if (cs === s) lines.push(text);
      for (const c of concepts) {
        const n = VALUES[c](a, y);
        const phrase = PHRASES[c][(a + y) % 3].replace('{n}', String(n).padStart(c.startsWith('inst.docs_repealed') ? 2 : 1, '0')).replace('{body}', ag.body[y]).replace('{year}', String(year));
        lines.push(phrase);
        points.push({ concept: c, value: n });
      }
    });
    lines.push(`${SECTIONS.length + 1}. Đánh giá chung:`);
    lines.push(`- Công tác cải cách hành chính năm ${year} của ${ag.body[y]} cơ bản hoàn thành các nhiệm vụ đề ra./.`);
    lines.push('');
    writeFileSync(new URL(file, OUT), lines.join('\n'), 'utf8');
    files.push(file);
    expected.reports.push({ file, agencyId: ag.id, province: ag.province, year, points });
    // documents cited by this file
    cite('107/2020/NĐ-CP', 'national', file);
    cite('76/NQ-CP', 'national', file);
    if (year >= 2022) cite('07/2021/TT-BNV', 'national', file);
    if (ag.province === 'tien-giang' || ag.province === 'long-an') cite('30/2018/QĐ-UBND', ag.province, file);
    if (ag.province === 'tien-giang' && year <= 2022) cite('25/KH-UBND', 'tien-giang', file);
  });
});
expected.documents = [...docCiters.values()];
expected.conflicts = [{ symbol: '107/2020/NĐ-CP', jurisdiction: 'national', field: 'issuedOn' }];
expected.jumps = [{ agencyId: AGENCIES[2].id, concept: 'tthc.dossiers_received', from: 2022, to: 2023 }];

for (const f of readdirSync(OUT)) if (f.endsWith('.txt') && !files.includes(f)) rmSync(new URL(f, OUT));
writeFileSync(new URL('expected.json', OUT), JSON.stringify(expected, null, 2) + '\n', 'utf8');
console.log(`fixtures/multiyear: ${files.length} reports, ${expected.reports.reduce((s, r) => s + r.points.length, 0)} expected series points, ${expected.documents.length} documents`);
