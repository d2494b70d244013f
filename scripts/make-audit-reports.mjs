// Generates fixtures/audit/: annual CCHC reports of six agencies over three years, written the way the
// real reports are (../shared/domain/vietnamese-reports.md §0, §1, §3, §4; the header and the phrasings of
// ../shared/real-text and ../shared/real-pdf), NOT from the check rules' patterns (issue 17):
//   clean/    9 consistent reports (3 agencies × 2022–2024) that still carry the wording that misled the
//             checks before: a total whose `trong đó` parts are labelled items followed by another noun
//             (`thuộc 04 lĩnh vực`), the systematization (hệ thống hóa) next to a review (rà soát) that counts
//             other documents, a target beside an achieved ratio (`chỉ tiêu đề ra là tối thiểu 20%`),
//             communication counted in different units from year to year (`17 tin bài` / `02 Tập san`),
//             plan achievement over 100%, a fall from one year to the next;
//   planted/  9 reports (3 other agencies × 2022–2024), each with exactly one planted inconsistency
//             (expected.json: file, rule, the planted text);
// Deterministic (fixed seed): `node scripts/make-audit-reports.mjs` rewrites the same bytes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './fixtures/prng.mjs';

const root = new URL('../fixtures/audit/', import.meta.url).pathname;


const AGENCIES = [
  { slug: 'stnmt-nghe-an', parent: 'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN', name: 'Sở Tài nguyên và Môi trường', up: 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', code: 'STNMT', place: 'Nghệ An', province: 'tỉnh Nghệ An', fields: ['đất đai', 'môi trường', 'tài nguyên nước', 'khoáng sản', 'đo đạc và bản đồ'] },
  { slug: 'sgddt-lam-dong', parent: 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', name: 'Sở Giáo dục và Đào tạo', up: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', code: 'SGDĐT', place: 'Lâm Đồng', province: 'tỉnh Lâm Đồng', fields: ['giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân', 'giáo dục nghề nghiệp', 'thi, tuyển sinh', 'văn bằng, chứng chỉ'] },
  { slug: 'sct-quang-ngai', parent: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', name: 'Sở Công Thương', up: 'SỞ CÔNG THƯƠNG', code: 'SCT', place: 'Quảng Ngãi', province: 'tỉnh Quảng Ngãi', fields: ['điện', 'an toàn thực phẩm', 'xúc tiến thương mại', 'hóa chất', 'lưu thông hàng hóa trong nước'] },
  { slug: 'sxd-thai-binh', parent: 'ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH', name: 'Sở Xây dựng', up: 'SỞ XÂY DỰNG', code: 'SXD', place: 'Thái Bình', province: 'tỉnh Thái Bình', fields: ['hoạt động xây dựng', 'quy hoạch xây dựng, kiến trúc', 'nhà ở', 'kinh doanh bất động sản'] },
  { slug: 'sldtbxh-an-giang', parent: 'ỦY BAN NHÂN DÂN TỈNH AN GIANG', name: 'Sở Lao động - Thương binh và Xã hội', up: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', code: 'SLĐTBXH', place: 'An Giang', province: 'tỉnh An Giang', fields: ['việc làm', 'người có công', 'bảo trợ xã hội', 'an toàn, vệ sinh lao động', 'giáo dục nghề nghiệp'] },
  { slug: 'snnptnt-ha-tinh', parent: 'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH', name: 'Sở Nông nghiệp và Phát triển nông thôn', up: 'SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN', code: 'SNNPTNT', place: 'Hà Tĩnh', province: 'tỉnh Hà Tĩnh', fields: ['trồng trọt', 'chăn nuôi', 'thú y', 'thủy sản', 'lâm nghiệp'] },
];
const YEARS = [2022, 2023, 2024];

const pad = (n) => (n < 10 ? `0${n}` : String(n));
/** Vietnamese thousands dots: 1245 → 1.245 */
const vn = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** a percent the way reports write it: two decimals, comma, trailing zeros dropped (98,5%; 100%) */
const pct = (num, den) => {
  const v = Math.round((10000 * num) / den) / 100;
  return `${String(v).replace('.', ',')}%`;
};
const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

/** The plant of each planted report, by (agency index 3..5, year index) */
const PLANTS = {
  '3-0': 'sum.breakdown',
  '3-1': 'enum.count',
  '3-2': 'ref.symbol-year',
  '4-0': 'date.impossible',
  '4-1': 'sum.identity',
  '4-2': 'ratio.rate-mismatch',
  '5-0': 'percent.over-100',
  '5-1': 'ref.after-report',
  '5-2': 'cross.yoy-jump',
};

function report(ai, yi) {
  const a = AGENCIES[ai];
  const year = YEARS[yi];
  const rnd = prng(17_000 + ai * 97 + yi * 13);
  const plant = PLANTS[`${ai}-${yi}`];
  const plants = [];
  const mark = (rule, at, note) => plants.push({ rule, at, note });
  // an agency's figures drift from year to year around its own level (±15%), as real series do
  const av = (key, lo, hi, spread = 0.15) => {
    let h = ai * 7919;
    for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    const base = int(prng(h), lo, hi);
    return Math.max(0, Math.round(base * (1 + (rnd() * 2 - 1) * spread)));
  };
  const style = (ai + yi) % 4; // four phrasings, rotating over agencies and years (3: the wording of real-pdf bc228, a table)
  const L = [];

  // header (ND 30 layout: issuer above, number and place-date, title)
  const number = int(rnd, 180, 460);
  const issued = { d: int(rnd, 5, 20), m: 12 };
  L.push(a.parent, a.up, '', `Số: ${number}/BC-${a.code}`, `${a.place}, ngày ${pad(issued.d)} tháng ${issued.m} năm ${year}`, '', 'BÁO CÁO', `Kết quả thực hiện công tác cải cách hành chính năm ${year}`, '');

  // I. chỉ đạo, điều hành
  L.push('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH');
  const kh = int(rnd, 12, 60);
  const khDate = `${pad(int(rnd, 5, 28))}/01/${year}`;
  L.push(`1. Ngay từ đầu năm, ${a.name} đã ban hành Kế hoạch số ${kh}/KH-${a.code} ngày ${khDate} về cải cách hành chính năm ${year}, xác định rõ nhiệm vụ, thời gian hoàn thành và đơn vị chủ trì.`);
  const tasks = av('tasks', 28, 45);
  const done = tasks - int(rnd, 0, 3);
  if (plant === 'ratio.rate-mismatch') {
    const wrong = `${done}/${tasks} nhiệm vụ, đạt 85%`;
    L.push(`2. Kết quả: đã hoàn thành ${wrong} kế hoạch; các nhiệm vụ còn lại đang triển khai bảo đảm tiến độ.`);
    mark('ratio.rate-mismatch', '85%', `${done}/${tasks} = ${pct(done, tasks)}`);
  } else if (style === 0) {
    L.push(`2. Kết quả: đã hoàn thành ${done}/${tasks} nhiệm vụ đề ra (đạt ${pct(done, tasks)} kế hoạch), các nhiệm vụ còn lại đang triển khai thực hiện đảm bảo tiến độ.`);
  } else if (style === 1) {
    L.push(`2. Kế hoạch đề ra ${tasks} nhiệm vụ, đến nay đã hoàn thành ${done} nhiệm vụ, đạt tỷ lệ ${pct(done, tasks)}.`);
  } else if (style === 3) {
    L.push(`2. Đã hoàn thành ${done}/${tasks} nhiệm vụ cải cách hành chính, đạt tỷ lệ ${pct(done, tasks)} (chỉ tiêu đề ra là 100%).`);
  } else {
    L.push(`2. Trong năm, đơn vị thực hiện ${tasks} nhiệm vụ theo kế hoạch; hoàn thành ${done} nhiệm vụ.`);
  }
  // inspection: an achieved ratio beside its target (real-pdf ld-2025-snv-bc228)
  const units = av('units', 9, 16, 0);
  const inspected = int(rnd, Math.ceil(units * 0.3), Math.ceil(units * 0.6));
  const target = pick(rnd, [20, 25, 30]);
  if (style === 3) L.push(`3. Công tác kiểm tra cải cách hành chính đã hoàn thành 100% kế hoạch đề ra, theo đó, đã tổ chức kiểm tra ${inspected}/${units} cơ quan, đơn vị, đạt tỷ lệ ${pct(inspected, units)} (chỉ tiêu đề ra là tối thiểu ${target}%).`);
  else if (style === 1) L.push(`3. Công tác kiểm tra cải cách hành chính: đã kiểm tra ${inspected}/${units} đơn vị trực thuộc, đạt tỷ lệ ${pct(inspected, units)} (chỉ tiêu đề ra là tối thiểu ${target}%).`);
  else L.push(`3. Đã tổ chức kiểm tra công tác cải cách hành chính tại ${inspected}/${units} phòng, đơn vị trực thuộc, chỉ tiêu đề ra là tối thiểu ${target}%.`);
  // communication: the unit changes from year to year (issue 17: `17 tin bài` vs `02 Tập san`)
  const news = av('news', 14, 40);
  if (yi === 0) L.push(`4. Công tác tuyên truyền cải cách hành chính được đẩy mạnh: đăng tải ${news} tin bài trên Cổng thông tin điện tử của Sở.`);
  else if (yi === 1) L.push(`4. Công tác tuyên truyền cải cách hành chính được đẩy mạnh: phát hành ${pad(int(rnd, 2, 3))} Tập san chuyên đề về cải cách hành chính.`);
  else L.push(`4. Công tác tuyên truyền cải cách hành chính được đẩy mạnh: đăng tải ${news + int(rnd, 1, 6)} tin, bài và phát hành ${pad(int(rnd, 4, 6))} bản tin nội bộ.`);
  // plan achievement above 100% (a comparison with the plan, not a share)
  const planPct = int(rnd, 101, 118);
  L.push(`5. Công tác thi đua về cải cách hành chính đạt ${planPct}% kế hoạch năm.`);
  L.push('');

  // II. kết quả
  L.push('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH');
  L.push('1. Cải cách thể chế');
  // review (rà soát) and systematization (hệ thống hóa): two processes, two sets of documents
  const reviewed = av('reviewed', 9, 30);
  const inForce = av('inForce', 30, 80, 0.08);
  const expired = av('expired', 4, 15);
  const partial = int(rnd, 1, 5);
  const refSymbolYear = plant === 'ref.symbol-year' ? year - 1 : year;
  const qd = int(rnd, 5, 40);
  const qdDate = `${pad(int(rnd, 2, 27))}/${pad(int(rnd, 3, 9))}/${refSymbolYear}`;
  const qdText = `Quyết định số ${pad(qd)}/${year}/QĐ-UBND ngày ${qdDate}`;
  if (plant === 'ref.symbol-year') mark('ref.symbol-year', qdText, 'the /YYYY/ is one year after the date');
  L.push(`- Tham mưu Ủy ban nhân dân ${a.province} ban hành ${qdText} quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${a.name}.`);
  if (style === 2) {
    L.push(`- Trong năm đã tự kiểm tra, rà soát ${pad(reviewed)} văn bản quy phạm pháp luật thuộc lĩnh vực quản lý; qua rà soát, kiến nghị sửa đổi, bổ sung ${pad(int(rnd, 1, 4))} văn bản và bãi bỏ ${pad(int(rnd, 0, 3))} văn bản.`);
    L.push(`- Thực hiện hệ thống hóa văn bản kỳ ${year - 5}-${year - 1}: có ${inForce} văn bản còn hiệu lực, ${pad(expired)} văn bản hết hiệu lực toàn bộ và ${pad(partial)} văn bản hết hiệu lực một phần.`);
  } else {
    L.push(`- Số lượng văn bản đã được rà soát trong năm: ${pad(reviewed)} văn bản; kiến nghị sửa đổi, bổ sung ${pad(int(rnd, 1, 4))} văn bản.`);
    L.push(`- Kết quả hệ thống hóa văn bản quy phạm pháp luật kỳ ${year - 5}-${year - 1}: Văn bản còn hiệu lực: ${inForce} văn bản; Văn bản hết hiệu lực toàn bộ: ${pad(expired)} văn bản; Văn bản hết hiệu lực một phần: ${pad(partial)} văn bản.`);
  }

  L.push('2. Cải cách thủ tục hành chính');
  const fields = a.fields.slice(0, 4);
  const prov = av('prov', 20, 60, 0.1);
  const dist = av('dist', 8, 45, 0.1);
  const tthc = prov + dist;
  if (style === 0) L.push(`- Tổng số thủ tục hành chính (TTHC) thuộc thẩm quyền giải quyết của Sở là ${tthc} TTHC, trong đó: ${prov} TTHC cấp tỉnh và ${dist} TTHC cấp huyện; thuộc ${pad(fields.length)} lĩnh vực.`);
  else if (style === 1) L.push(`- Hiện nay, ${a.name} đang thực hiện ${tthc} thủ tục hành chính, trong đó ${prov} TTHC do Sở giải quyết, ${dist} TTHC liên thông với cấp huyện, thuộc ${pad(fields.length)} lĩnh vực quản lý.`);
  else if (style === 3) L.push(`- Sở đang triển khai thực hiện ${tthc} TTHC thuộc ${pad(fields.length)} lĩnh vực; trong đó có ${prov} TTHC cấp tỉnh và ${dist} TTHC thực hiện tại cấp xã.`);
  else L.push(`- Bộ thủ tục hành chính của Sở gồm ${tthc} TTHC (${prov} TTHC cấp tỉnh, ${dist} TTHC cấp huyện) thuộc ${pad(fields.length)} lĩnh vực.`);
  const listed = plant === 'enum.count' ? fields.slice(0, 3) : fields;
  const list = `${listed.slice(0, -1).map((f) => `lĩnh vực ${f}`).join(', ')} và lĩnh vực ${listed[listed.length - 1]}`;
  const enumText = `${pad(fields.length)} lĩnh vực: ${list}`;
  if (plant === 'enum.count') mark('enum.count', `gồm ${pad(fields.length)} lĩnh vực`, `${listed.length} listed`);
  L.push(`- 100% TTHC được công khai trên Cổng Dịch vụ công của tỉnh, gồm ${enumText}.`);
  const online = Math.min(tthc, Math.round((tthc * av('onlineShare', 45, 75, 0.1)) / 100));
  L.push(`- Có ${online}/${tthc} TTHC được cung cấp dịch vụ công trực tuyến toàn trình, đạt ${pct(online, tthc)}.`);
  // dossiers: received = resolved (on time + late) + pending
  let received = av('received', 800, 2600);
  if (plant === 'cross.yoy-jump') received = received * 9;
  const pending = av('pending', 20, 60, 0.2);
  const late = av('late', 2, 9, 0.3);
  const ontime = received - pending - late;
  const resolved = ontime + late;
  const onlineDossiers = Math.round((received * av('onlineDossierShare', 55, 85, 0.08)) / 100);
  const pendingText = plant === 'sum.identity' ? pending + 25 : pending;
  const recText = `tiếp nhận ${vn(received)} hồ sơ`;
  if (plant === 'sum.identity') mark('sum.identity', recText, `${ontime} + ${late} + ${pendingText} ≠ ${received}`);
  if (plant === 'cross.yoy-jump') {
    mark('cross.yoy-jump', `${vn(received)} hồ sơ`, 'nine times the previous year');
    // the dossiers resolved on time jump with it: a consequence of the plant, not a false alarm
    plants[plants.length - 1].related = [`${vn(ontime)} hồ sơ`, `${vn(onlineDossiers)} hồ sơ`];
  }
  if (style === 0) {
    L.push(`- Trong năm, Sở đã ${recText}, trong đó trực tuyến ${vn(onlineDossiers)} hồ sơ; đã giải quyết ${vn(resolved)} hồ sơ (đúng hạn và trước hạn ${vn(ontime)} hồ sơ, quá hạn ${late} hồ sơ); đang giải quyết ${pendingText} hồ sơ.`);
  } else if (style === 1) {
    L.push(`- Kết quả giải quyết TTHC: ${recText} (${vn(onlineDossiers)} hồ sơ trực tuyến), đã giải quyết đúng hạn ${vn(ontime)} hồ sơ, trễ hạn ${late} hồ sơ, đang giải quyết ${pendingText} hồ sơ.`);
  } else if (style === 3) {
    // a table of the dossiers, as converted documents write them (pipes), the total stated before it
    L.push(`- Trong năm ${year}, Sở ${recText}, kết quả giải quyết như sau:`);
    L.push('| STT | Nội dung | Số hồ sơ |', '|---|---|---|');
    L.push(`| 1 | Hồ sơ tiếp nhận trực tuyến | ${vn(onlineDossiers)} |`, `| 2 | Giải quyết đúng hạn | ${vn(ontime)} |`, `| 3 | Giải quyết quá hạn | ${late} |`, `| 4 | Đang giải quyết | ${pendingText} |`);
  } else {
    L.push(`- Bộ phận Một cửa của Sở ${recText}; giải quyết đúng hạn ${vn(ontime)} hồ sơ, trễ hạn ${late} hồ sơ; còn ${pendingText} hồ sơ đang giải quyết, chưa đến hạn.`);
  }
  if (style === 3) L.push(`- Tỷ lệ hồ sơ giải quyết đúng hẹn đạt ${pct(ontime, resolved)} (chỉ tiêu đề ra là tối thiểu 98%); tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ${pct(onlineDossiers, received)}.`);
  else L.push(`- Tỷ lệ hồ sơ giải quyết đúng hạn đạt ${pct(ontime, resolved)}; tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ${pct(onlineDossiers, received)}.`);

  L.push('3. Cải cách tổ chức bộ máy');
  const divisions = int(rnd, 4, 7);
  const psu = int(rnd, 1, 4);
  L.push(`- Cơ cấu tổ chức của Sở gồm Văn phòng, Thanh tra, ${pad(divisions)} phòng chuyên môn và ${pad(psu)} đơn vị sự nghiệp công lập trực thuộc.`);
  const civil = av('civil', 30, 70, 0.05);
  const contract = av('contract', 4, 12, 0.15);
  const quota = civil + contract;
  // the plant: the parts exceed the stated total (a shortfall after `trong đó` could be a subset)
  const quotaText = plant === 'sum.breakdown' ? quota - 3 : quota;
  const qt = `${quotaText} biên chế`;
  if (plant === 'sum.breakdown') mark('sum.breakdown', qt, `${civil} + ${contract} = ${quota}`);
  if (style === 2) L.push(`- Năm ${year}, Sở được giao ${qt}, gồm: ${civil} biên chế công chức và ${pad(contract)} hợp đồng lao động.`);
  else if (style === 3) L.push(`- Tổng số biên chế được giao: ${qt} (${civil} công chức, ${pad(contract)} hợp đồng lao động); số biên chế có mặt đến ngày 30/11/${year} là ${civil - int(rnd, 0, 3)} công chức.`);
  else L.push(`- Tổng số biên chế được giao năm ${year} là ${qt}, trong đó: công chức ${civil}, hợp đồng lao động ${pad(contract)}.`);

  L.push('4. Cải cách chế độ công vụ');
  const trained = av('trained', 40, 160);
  L.push(`- Cử ${trained} lượt công chức, viên chức tham gia các lớp đào tạo, bồi dưỡng; tuyển dụng ${pad(int(rnd, 1, 6))} viên chức theo đúng quy định.`);

  L.push('5. Cải cách tài chính công');
  const budget = av('budget', 8_000, 40_000) * 1_000_000;
  const spent = Math.round((budget * av('spentShare', 60, 90, 0.08)) / 100 / 1_000_000) * 1_000_000;
  if (style === 3) L.push(`- Tính đến ngày 30/11/${year}, tỷ lệ giải ngân kinh phí được giao đạt ${pct(spent, budget)} so với kế hoạch năm ${year} (${vn(spent)}/${vn(budget)} đồng).`);
  else L.push(`- Dự toán ngân sách được giao năm ${year} là ${vn(budget)} đồng; đến ngày 30/11/${year} đã giải ngân ${vn(spent)} đồng, đạt ${pct(spent, budget)} dự toán.`);

  L.push('6. Xây dựng và phát triển chính quyền điện tử, chính quyền số');
  const docsIn = av('docsIn', 2500, 9000);
  if (plant === 'percent.over-100') {
    L.push(`- 105% văn bản đến được cập nhật, xử lý trên Hệ thống quản lý văn bản và điều hành; ${vn(docsIn)} văn bản đến trong năm.`);
    mark('percent.over-100', '105%', 'a share above 100%');
  } else {
    L.push(`- 100% văn bản đi được ký số; ${vn(docsIn)} văn bản đến được cập nhật, xử lý trên Hệ thống quản lý văn bản và điều hành, đạt tỷ lệ ${String(int(rnd, 960, 995) / 10).replace('.', ',')}%.`);
  }
  // a real calendar day, or the planted impossible one
  const meetDate = plant === 'date.impossible' ? `30/02/${year}` : `${pad(int(rnd, 1, 28))}/${pad(int(rnd, 2, 11))}/${year}`;
  if (plant === 'date.impossible') mark('date.impossible', meetDate, 'February has no 30th');
  L.push(`- Ngày ${meetDate}, Sở tổ chức hội nghị trực tuyến sơ kết công tác chuyển đổi số.`);
  L.push('');

  L.push('III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ' + (year + 1));
  const cited = plant === 'ref.after-report' ? `Công văn số ${int(rnd, 500, 900)}/UBND-KGVX ngày ${pad(int(rnd, 10, 28))}/01/${year + 1}` : `Công văn số ${int(rnd, 500, 900)}/UBND-KGVX ngày ${pad(int(rnd, 2, 27))}/${pad(int(rnd, 3, 10))}/${year}`;
  if (plant === 'ref.after-report') mark('ref.after-report', cited, 'dated after the report');
  L.push(`- Tiếp tục thực hiện ${cited} của Ủy ban nhân dân ${a.province} về đẩy mạnh cải cách hành chính; phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%, tỷ lệ hồ sơ trực tuyến đạt tối thiểu 80%.`);
  L.push('', `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm ${year} của ${a.name} ${a.province}./.`, '', 'GIÁM ĐỐC');
  return { file: `${a.slug}-${year}.txt`, text: L.join('\n') + '\n', plants };
}

rmSync(root, { recursive: true, force: true });
mkdirSync(join(root, 'clean'), { recursive: true });
mkdirSync(join(root, 'planted'), { recursive: true });
const expected = [];
for (let ai = 0; ai < AGENCIES.length; ai++) {
  for (let yi = 0; yi < YEARS.length; yi++) {
    const r = report(ai, yi);
    const dir = ai < 3 ? 'clean' : 'planted';
    writeFileSync(join(root, dir, r.file), r.text);
    for (const p of r.plants) expected.push({ file: r.file, ...p });
  }
}
writeFileSync(
  join(root, 'expected.json'),
  JSON.stringify({ description: 'Plants of fixtures/audit/planted (scripts/make-audit-reports.mjs): one per report; clean/ has none.', plants: expected }, null, 2) + '\n',
);
console.log(`fixtures/audit: 9 clean, 9 planted, ${expected.length} plants`);
