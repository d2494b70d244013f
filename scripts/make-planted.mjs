#!/usr/bin/env node
// Generates the auditor-check fixtures (issue 6), deterministically (seeded PRNG):
//   fixtures/clean/*.txt            20 consistent reports: 5 agencies × 4 years, with traps that must NOT fire
//                                   (khoảng totals, plan achievement > 100%, per-type counters, prior-year
//                                   documents, `một phần` subsets, rounded rates, lists with `và` inside items)
//   fixtures/planted/*.txt          reports with planted inconsistencies (two per file)
//   fixtures/planted/series/*.txt   one agency over three years with cross-report plants
//   fixtures/planted/expected.json  every plant: file, rule, the exact text it sits on, what was changed
// Usage: node scripts/make-planted.mjs   (rewrites the files above; commit them)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng as mulberry32 } from './fixtures/prng.mjs';

const ROOT = new URL('..', import.meta.url).pathname;

const vn = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const pad = (n) => String(n).padStart(2, '0');
const pct = (x, d = 1) => {
  const s = x.toFixed(d).replace(/\.?0+$/, '');
  return s.replace('.', ',');
};
const dmy = (d, m, y, padded) => (padded ? `${pad(d)}/${pad(m)}/${y}` : `${pad(d)}/${m}/${y}`);

const AGENCIES = [
  { name: 'Sở Nội vụ', upper: 'SỞ NỘI VỤ', iss: 'SNV', province: 'Bến Tre', sub: 'Ban Thi đua - Khen thưởng', rate: 4.1,
    fields: ['lĩnh vực tổ chức bộ máy', 'lĩnh vực công chức, viên chức', 'lĩnh vực thi đua, khen thưởng', 'lĩnh vực văn thư và lưu trữ', 'lĩnh vực tín ngưỡng, tôn giáo', 'lĩnh vực chính quyền địa phương'] },
  { name: 'Sở Tư pháp', upper: 'SỞ TƯ PHÁP', iss: 'STP', province: 'Long An', sub: 'Phòng Công chứng', rate: 3.2,
    fields: ['lĩnh vực hộ tịch', 'lĩnh vực lý lịch tư pháp', 'lĩnh vực công chứng', 'lĩnh vực luật sư', 'lĩnh vực trợ giúp pháp lý', 'lĩnh vực đấu giá tài sản', 'lĩnh vực hòa giải thương mại'] },
  { name: 'Sở Tài chính', upper: 'SỞ TÀI CHÍNH', iss: 'STC', province: 'Vĩnh Long', sub: 'Phòng Quản lý giá và công sản', rate: 6.3,
    fields: ['lĩnh vực quản lý giá', 'lĩnh vực quản lý công sản', 'lĩnh vực tài chính ngân sách', 'lĩnh vực tài chính doanh nghiệp'] },
  { name: 'Sở Khoa học và Công nghệ', upper: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', iss: 'SKH&CN', province: 'Trà Vinh', sub: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', rate: 4.7,
    fields: ['lĩnh vực hoạt động khoa học và công nghệ', 'lĩnh vực sở hữu trí tuệ', 'lĩnh vực năng lượng nguyên tử, an toàn bức xạ và hạt nhân', 'lĩnh vực tiêu chuẩn đo lường chất lượng', 'lĩnh vực chuyển giao công nghệ'] },
  { name: 'Sở Y tế', upper: 'SỞ Y TẾ', iss: 'SYT', province: 'Sóc Trăng', sub: 'Chi cục Dân số', rate: 7.9,
    fields: ['lĩnh vực khám bệnh, chữa bệnh', 'lĩnh vực dược phẩm', 'lĩnh vực y tế dự phòng', 'lĩnh vực an toàn thực phẩm và dinh dưỡng', 'lĩnh vực trang thiết bị y tế', 'lĩnh vực dân số'] },
];

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function dayOfYear(doy, y) {
  const leap = y % 4 === 0 ? 1 : 0;
  let m = 0;
  let d = doy;
  while (d > DAYS[m] + (m === 1 ? leap : 0)) {
    d -= DAYS[m] + (m === 1 ? leap : 0);
    m++;
  }
  return { d, m: m + 1, y };
}

/**
 * Build one report. `base` fixes the agency's figures for a year (so series move smoothly); `plant`
 * names the mutations to apply; returns { text, plants: [{rule, at, note}] }.
 */
function buildReport(ag, year, base, plants, rng, opts = {}) {
  const out = [];
  const planted = [];
  const has = (k) => plants.includes(k);
  const mark = (rule, at, note, also) => planted.push(also ? { rule, at, note, also } : { rule, at, note });
  const padded = rng() < 0.5;
  const date = (doy, y = year) => {
    const x = dayOfYear(doy, y);
    return { iso: `${y}-${pad(x.m)}-${pad(x.d)}`, text: dmy(x.d, x.m, y, padded) };
  };
  // one shared counter for KH and công văn, numbers ≈ rate × day of year
  const num = (doy) => Math.max(1, Math.round(ag.rate * doy + (rng() - 0.5) * 6));
  const dk1 = 20 + Math.floor(rng() * 40);
  const dk2 = dk1 + 15 + Math.floor(rng() * 30);
  const dc1 = dk2 + 20 + Math.floor(rng() * 60);
  const dc2 = dc1 + 40 + Math.floor(rng() * 80);
  let k1 = num(dk1);
  let k2 = Math.max(k1 + 3, num(dk2));
  const c1 = Math.max(k2 + 5, num(dc1));
  const c2 = Math.max(c1 + 5, num(dc2));

  if (opts.header) {
    const rd = 10 + Math.floor(rng() * 8);
    out.push(`ỦY BAN NHÂN DÂN TỈNH ${ag.province.toUpperCase()}`);
    out.push(ag.upper);
    out.push(`Số: ${Math.round(ag.rate * 340)}/BC-${ag.iss}`);
    out.push(`${ag.province}, ngày ${rd} tháng 12 năm ${year}`);
    out.push('BÁO CÁO');
    out.push(`Kết quả thực hiện công tác cải cách hành chính năm ${year}`);
  } else {
    out.push(`BÁO CÁO`);
    out.push(`Kết quả công tác cải cách hành chính năm ${year} của ${ag.name} tỉnh ${ag.province}`);
  }

  // 1. chỉ đạo, điều hành
  out.push('1. Về công tác chỉ đạo, điều hành CCHC:');
  let d1 = date(dk1);
  let d2 = date(dk2);
  if (has('number-order')) {
    [k1, k2] = [k2 + 40, k1];
  }
  if (has('wrong-year')) d1 = date(dk1, year - 1);
  const ref1 = `Kế hoạch số ${k1}/KH-${ag.iss} ngày ${d1.text}`;
  const ref2 = `Kế hoạch số ${k2}/KH-${ag.iss} ngày ${d2.text}`;
  out.push(`- ${ag.name} đã ban hành ${ref1} về triển khai công tác cải cách hành chính năm ${year}; ${ref2} về thông tin, tuyên truyền cải cách hành chính năm ${year} của ${ag.name}.`);
  if (has('number-order')) mark('ref.number-order', ref1, `numbers swapped: ${k1} dated before ${k2}`);
  if (has('wrong-year')) mark('ref.date-year-suspect', ref1, `year of the date set to ${year - 1}`);
  if (opts.priorYearDoc) {
    // trap: a genuine document of the previous year by the same issuer, subject without a year
    const dp = date(300, year - 1);
    out.push(`- Tiếp tục triển khai Kế hoạch số ${Math.round(ag.rate * 300)}/KH-${ag.iss} ngày ${dp.text} về kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc.`);
  }
  if (opts.perTypeCounter) {
    // trap: decisions numbered on their own counter, interleaving in date with the plans
    const q1 = 3 + Math.floor(rng() * 5);
    out.push(`- Ban hành Quyết định số ${q1}/QĐ-${ag.iss} ngày ${date(dk1 + 5).text} về kiện toàn Tổ công tác CCHC và Quyết định số ${q1 + 9}/QĐ-${ag.iss} ngày ${date(dk2 + 5).text} phân công nhiệm vụ.`);
  }
  {
    const T = base.tasks;
    const D = base.tasksDone;
    let rate = (100 * D) / T;
    let shown = pct(rate, 1);
    if (has('task-rate')) shown = pct(rate + 4 + Math.floor(rng() * 5), 1);
    const s = `đạt tỷ lệ ${shown}%`;
    out.push(`- Tổng số nhiệm vụ trong Kế hoạch CCHC năm ${year}: ${T} nhiệm vụ, đã hoàn thành ${D} nhiệm vụ, ${s}.`);
    if (has('task-rate')) mark('ratio.rate-mismatch', `${shown}%`, `rate of ${D}/${T} is ${pct(rate, 2)}%`);
  }

  // 2. thể chế
  out.push('2. Về cải cách thể chế:');
  {
    const q = 10 + Math.floor(rng() * 30);
    const dq = has('symbol-year') ? date(300, year - 1) : date(250 + Math.floor(rng() * 50));
    const refq = `Quyết định số ${q}/${year}/QĐ-UBND ngày ${dq.text}`;
    out.push(`- Tham mưu Ủy ban nhân dân tỉnh ban hành ${refq} của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${ag.name}.`);
    if (has('symbol-year')) mark('ref.symbol-year', refq, `dated ${year - 1}, symbol says ${year}`);
  }
  {
    const b = base.bulletins;
    const stated = has('bulletin-count') ? b + (rng() < 0.5 ? -1 : 1) : b;
    const list = Array.from({ length: b }, (_, i) => pad(i + 1));
    const last = list.pop();
    out.push(`- Duy trì sinh hoạt "Ngày pháp luật" hàng tháng; phát hành ${pad(stated)} Bản tin cải cách hành chính phục vụ lãnh đạo và nội bộ (Bản số ${list.join(', ')}, ${last}-${year}); tổ chức treo băng rôn tuyên truyền ngày Pháp luật Việt Nam (09/11).`);
    if (has('bulletin-count')) mark('enum.count', `${pad(stated)} Bản tin`, `${b} issues listed`);
  }
  {
    let { reviewed: R, expired: E, inForce: F, partial: P } = base.review;
    let at;
    if (has('review-total')) {
      R += 3;
      at = `${pad(R)} văn bản.`;
    }
    if (has('review-inforce')) {
      F += 2;
      at = `Văn bản còn hiệu lực: ${pad(F)} văn bản`;
    }
    out.push('- Thường xuyên rà soát các văn bản quy phạm pháp luật; kết quả như sau:');
    out.push(`+ Số lượng văn bản đã được kiểm tra, rà soát: ${pad(R)} văn bản.`);
    out.push(`+ Kết quả xử lý văn bản sau kiểm tra, rà soát: Thay thế: ${pad(base.review.replaced)} văn bản; Bãi bỏ: ${pad(base.review.repealed)} văn bản; Sửa đổi, bổ sung: 00 văn bản.`);
    // issue 17: reviewed = in force + fully expired holds only between figures of one process; a planted break
    // states the in-force / expired figures as the review's own result (the systematization, hệ thống hóa,
    // counts other documents and need not add up to the review)
    const process = at ? 'Kết quả kiểm tra, rà soát về hiệu lực của các văn bản đã rà soát' : 'Kết quả hệ thống hóa văn bản quy phạm pháp luật';
    out.push(`+ ${process}: Văn bản hết hiệu lực toàn bộ: ${pad(E)} văn bản; Văn bản còn hiệu lực: ${pad(F)} văn bản; Văn bản hết hiệu lực một phần: ${pad(P)} văn bản.`);
    if (at) mark('sum.identity', at.replace(/\.$/, ''), 'reviewed ≠ in force + fully expired');
  }

  // 3. TTHC
  out.push('3. Cải cách thủ tục hành chính:');
  {
    const nf = base.fields;
    const fl = ag.fields.slice(0, nf);
    const stated = has('fields-count') ? nf + 1 : nf;
    const lastF = fl.pop();
    out.push(`- Thực hiện công khai ${base.tthc} TTHC thuộc thẩm quyền giải quyết của ${ag.name} (trong đó: ${base.tthcFull} TTHC trực tuyến toàn trình) gồm ${pad(stated)} lĩnh vực: ${fl.join(', ')} và ${lastF} trên Cổng Dịch vụ công của tỉnh.`);
    if (has('fields-count')) mark('enum.count', `${pad(stated)} lĩnh vực`, `${nf} fields listed`);
  }
  {
    const d = base.dossiers;
    let { received: H, resolved: G, early: a, onTime: b, late: c, pending: p } = d;
    let at;
    if (has('dossier-received')) {
      H += 25;
      at = `tiếp nhận: ${vn(H)} hồ sơ`;
    }
    if (has('dossier-resolved')) {
      b += 12;
      at = `đúng hạn ${vn(b)} hồ sơ`;
    }
    out.push(`- Tổng số hồ sơ tiếp nhận: ${vn(H)} hồ sơ; đã giải quyết ${vn(G)} hồ sơ, trong đó: giải quyết trước hạn ${vn(a)} hồ sơ, đúng hạn ${vn(b)} hồ sơ, trễ hạn ${vn(c)} hồ sơ; đang giải quyết ${vn(p)} hồ sơ.`);
    if (at) mark('sum.identity', at, 'dossier identity broken');
    const x = has('online-over') ? H + 37 : d.online;
    let shown = pct((100 * x) / H, 2);
    if (has('online-rate')) shown = pct((100 * x) / H + 6.5, 2);
    out.push(`- Số hồ sơ tiếp nhận trực tuyến: ${vn(x)}/${vn(H)} hồ sơ, đạt ${shown}%.`);
    if (has('online-over')) mark('ratio.part-exceeds-whole', `${vn(x)}/${vn(H)} hồ sơ, đạt ${shown}%`, 'online dossiers above the total (the stated rate above 100% follows)', ['percent.over-100']);
    if (has('online-rate')) mark('ratio.rate-mismatch', `${shown}%`, 'rate does not match x/y');
    if (opts.growthTrap) out.push(`- Số hồ sơ trực tuyến toàn trình tăng ${120 + Math.floor(rng() * 80)}% so với cùng kỳ năm ${year - 1}.`);
  }

  // 4. tổ chức bộ máy
  out.push('4. Cải cách tổ chức bộ máy:');
  {
    const { total: S, office: s1, sub: s2 } = base.staff;
    const s2w = has('staff-sum') ? s2 + 2 : s2;
    out.push(`- Tổng số biên chế công chức được giao: ${S}, trong đó: Khối Văn phòng Sở: ${s1}; ${ag.sub}: ${s2w}.`);
    if (has('staff-sum')) mark('sum.breakdown', `${ag.sub}: ${s2w}`, `${s1} + ${s2w} ≠ ${S}`);
    if (opts.approxTrap) out.push(`- Tổng số người làm việc tại các đơn vị sự nghiệp khoảng ${base.staff.employees + 2} người, trong đó: viên chức ${base.staff.employees - 20} người; hợp đồng lao động 20 người.`);
  }

  // 5. công vụ
  out.push('5. Cải cách chế độ công vụ:');
  out.push(`- Phối hợp với 03 cơ quan (Sở Nội vụ, Sở Tài chính và Thanh tra tỉnh) kiểm tra công tác công vụ tại các đơn vị; cử ${base.trained} lượt công chức, viên chức tham gia các lớp bồi dưỡng.`);

  // 6. tài chính công
  out.push('6. Cải cách tài chính công:');
  {
    let dd1 = date(dc1);
    let dd2 = date(dc2);
    if (has('after-report')) dd2 = date(20, year + 1);
    let t1 = dd1.text;
    if (has('impossible-date')) {
      const x = dayOfYear(dc1, year);
      t1 = dmy(x.m === 2 ? 30 : 31, x.m === 2 ? 2 : [4, 6, 9, 11].includes(x.m) ? x.m : 4, year, padded);
    }
    const cv1 = `Công văn số ${c1}/${ag.iss}-VP ngày ${t1}`;
    const cv2 = `Công văn số ${c2}/${ag.iss}-VP ngày ${dd2.text}`;
    out.push(`- ${ag.name} đã đề nghị Sở Tài chính góp ý phương án tự chủ tài chính của các đơn vị tại ${cv1} về việc góp ý phương án tự chủ của các đơn vị sự nghiệp công lập; các đơn vị đã thuyết minh bổ sung tại ${cv2} gửi Sở Tài chính góp ý lần 2.`);
    if (has('impossible-date')) mark('date.impossible', t1, 'no such day');
    if (has('after-report')) mark('ref.after-report', cv2, `dated in ${year + 1}`);
    const { total: M, regular: M1, other: M2 } = base.budget;
    const M1w = has('budget-sum') ? M1 + 150 : M1;
    out.push(`- Dự toán ngân sách được giao năm ${year}: ${vn(M)} triệu đồng, trong đó: chi thường xuyên ${vn(M1w)} triệu đồng; chi không thường xuyên ${vn(M2)} triệu đồng.`);
    if (has('budget-sum')) mark('sum.breakdown', `${vn(M1w)} triệu đồng`, 'budget parts ≠ total');
    if (opts.planTrap) out.push(`- Giải ngân vốn đầu tư công đạt ${101 + Math.floor(rng() * 9)}% kế hoạch vốn được giao.`);
  }

  // 7. chính quyền điện tử
  out.push('7. Xây dựng và phát triển chính quyền điện tử, chính quyền số:');
  {
    const inPct = has('percent-over') ? 100 + 3 + Math.floor(rng() * 9) : 100;
    out.push(`- Việc ứng dụng phần mềm quản lý văn bản và điều hành tại cơ quan: thường xuyên (${inPct}% văn bản đến, ${base.outPct}% văn bản đi được cập nhật và xử lý trên phần mềm); chế độ in sổ công văn đi, đến định kỳ: 01 lần/quý; Hệ thống thư điện tử công vụ tỉnh: được cấp cho 100% công chức.`);
    if (has('percent-over')) mark('percent.over-100', `${inPct}%`, 'share above 100%');
  }
  out.push('Nơi nhận: Sở Nội vụ; Lưu: VT./.');
  return { text: out.join('\n') + '\n', plants: planted };
}

/** An agency's figures for a year: smooth changes year to year, all identities hold. */
function baseFigures(ai, year, rng) {
  const g = 1 + (year - 2020) * 0.06 + (rng() - 0.5) * 0.04; // gentle growth
  const tasks = 30 + ai * 4 + Math.floor(rng() * 6);
  const tasksDone = tasks - 1 - Math.floor(rng() * 3);
  const E = 4 + Math.floor(rng() * 8);
  const F = 10 + Math.floor(rng() * 10);
  const received = Math.round((600 + ai * 350) * g);
  const pending = 10 + Math.floor(rng() * 40);
  const resolved = received - pending;
  const late = Math.floor(rng() * 15);
  const early = Math.round(resolved * (0.2 + rng() * 0.2));
  const onTime = resolved - early - late;
  const total = 30 + ai * 6 + Math.floor(rng() * 4);
  const office = Math.round(total * 0.65);
  const regular = Math.round((4000 + ai * 900) * g);
  const other = Math.round(regular * 0.3);
  return {
    tasks,
    tasksDone,
    bulletins: 4 + Math.floor(rng() * 4),
    review: { reviewed: E + F, expired: E, inForce: F, partial: 1 + Math.floor(rng() * 3), replaced: Math.floor(rng() * 4), repealed: 1 + Math.floor(rng() * 5) },
    fields: Math.min(4 + Math.floor(rng() * 3), AGENCIES[ai].fields.length),
    tthc: 40 + ai * 9 + Math.floor(rng() * 5),
    tthcFull: 20 + ai * 3,
    dossiers: { received, resolved, early, onTime, late, pending, online: Math.round(received * (0.55 + rng() * 0.3)) },
    staff: { total, office, sub: total - office, employees: 60 + ai * 10 },
    trained: 20 + Math.floor(rng() * 30),
    budget: { total: regular + other, regular, other },
    outPct: 96 + Math.floor(rng() * 5),
  };
}

const YEARS = [2020, 2021, 2022, 2023];

function main() {
  const cleanDir = join(ROOT, 'fixtures/clean');
  const plantDir = join(ROOT, 'fixtures/planted');
  const seriesDir = join(plantDir, 'series');
  for (const d of [cleanDir, plantDir]) rmSync(d, { recursive: true, force: true });
  for (const d of [cleanDir, plantDir, seriesDir]) mkdirSync(d, { recursive: true });

  const figures = new Map();
  const rngBase = mulberry32(20231215);
  AGENCIES.forEach((ag, ai) => YEARS.forEach((y) => figures.set(`${ai}-${y}`, baseFigures(ai, y, rngBase))));

  // clean reports with traps
  let n = 0;
  AGENCIES.forEach((ag, ai) =>
    YEARS.forEach((y) => {
      const rng = mulberry32(1000 + n);
      const opts = {
        header: n % 2 === 0,
        priorYearDoc: n % 3 === 0,
        perTypeCounter: n % 4 === 1,
        growthTrap: n % 3 === 1,
        approxTrap: n % 5 === 2,
        planTrap: n % 2 === 1,
      };
      const { text } = buildReport(ag, y, figures.get(`${ai}-${y}`), [], rng, opts);
      writeFileSync(join(cleanDir, `${ag.iss.replace('&', '')}-${y}.txt`.toLowerCase()), text);
      n++;
    }),
  );

  // planted reports: two plants each, kinds that do not touch the same figures
  const PAIRS = [
    ['staff-sum', 'fields-count'],
    ['review-total', 'online-rate'],
    ['dossier-received', 'symbol-year'],
    ['dossier-resolved', 'percent-over'],
    ['task-rate', 'wrong-year'],
    ['online-over', 'bulletin-count'],
    ['review-inforce', 'after-report'],
    ['budget-sum', 'number-order'],
    ['impossible-date', 'staff-sum'],
    ['wrong-year', 'fields-count'],
    ['number-order', 'review-total'],
    ['symbol-year', 'dossier-received'],
    ['percent-over', 'budget-sum'],
    ['after-report', 'task-rate'],
  ];
  const expected = [];
  PAIRS.forEach((pair, i) => {
    const ai = i % AGENCIES.length;
    const ag = AGENCIES[ai];
    const y = YEARS[(i + 1) % YEARS.length];
    const rng = mulberry32(5000 + i);
    const { text, plants } = buildReport(ag, y, figures.get(`${ai}-${y}`), pair, rng, { header: i % 2 === 0 });
    const file = `p${pad(i + 1)}-${pair.join('+')}.txt`;
    writeFileSync(join(plantDir, file), text);
    if (plants.length !== pair.length) throw new Error(`${file}: ${plants.length} plants for ${pair}`);
    for (const p of plants) {
      if (text.split(p.at).length !== 2) throw new Error(`${file}: "${p.at}" is not unique`);
      expected.push({ file, ...p });
    }
  });

  // cross-report series: Sở Nội vụ tỉnh Bến Tre 2021-2023; 2023 staff trained jumps ×10; a decision cited with two dates
  const ag = AGENCIES[0];
  const cross = [];
  for (const y of [2021, 2022, 2023]) {
    const f = structuredClone(figures.get(`0-${y}`));
    if (y === 2023) f.trained *= 10;
    let { text } = buildReport(ag, y, f, [], mulberry32(9000 + y), { header: true });
    const cited = y === 2022 ? 'Quyết định số 17/2021/QĐ-UBND ngày 02/11/2021' : y === 2023 ? 'Quyết định số 17/2021/QĐ-UBND ngày 12/11/2021' : '';
    if (cited) text = text.replace('5. Cải cách chế độ công vụ:\n', `5. Cải cách chế độ công vụ:\n- Thực hiện ${cited} của Ủy ban nhân dân tỉnh về phân cấp quản lý công chức, viên chức.\n`);
    const file = `series/snv-ben-tre-${y}.txt`;
    writeFileSync(join(plantDir, file), text);
    if (y === 2023) {
      cross.push({ file, rule: 'cross.yoy-jump', at: `cử ${f.trained} lượt`, note: 'staff trained ×10 from 2022' });
      cross.push({ file, rule: 'cross.document-date', at: cited, note: 'same decision dated 02/11/2021 in the 2022 report' });
    }
  }
  expected.push(...cross);
  writeFileSync(join(plantDir, 'expected.json'), JSON.stringify({ description: 'Planted inconsistencies: file (relative to fixtures/planted), rule that must find it, exact text it sits on (the finding evidence must overlap it).', plants: expected }, null, 2) + '\n');
  console.log(`clean: ${n} reports; planted: ${PAIRS.length} reports, ${expected.length} plants (${cross.length} cross-report)`);
}

main();
