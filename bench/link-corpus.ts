/**
 * Synthetic, schema-valid Report JSONs for the link benchmark and tests: agencies (province × department
 * kind) written with name variants, several periods a year, metrics with varied labels, national and local
 * citations. Deterministic: the same (count, seed) gives the same files.
 */
import { prng } from '../src/util/prng.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Report } from '../src/model/report.js';

const PROVINCES = [
  'Tiền Giang', 'Long An', 'Bến Tre', 'Thanh Hóa', 'Cần Thơ', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Vĩnh Long', 'Trà Vinh',
  'Sóc Trăng', 'Hậu Giang', 'Bạc Liêu', 'Cà Mau', 'Bình Dương', 'Đồng Nai', 'Bình Phước', 'Tây Ninh', 'Lâm Đồng', 'Đắk Lắk',
  'Đắk Nông', 'Gia Lai', 'Kon Tum', 'Bình Định', 'Phú Yên', 'Khánh Hòa', 'Ninh Thuận', 'Bình Thuận', 'Quảng Ngãi', 'Quảng Nam',
  'Đà Nẵng', 'Huế', 'Quảng Trị', 'Quảng Bình', 'Hà Tĩnh', 'Nghệ An', 'Ninh Bình', 'Nam Định', 'Hà Nam', 'Thái Bình',
  'Hưng Yên', 'Hải Dương', 'Hải Phòng', 'Quảng Ninh', 'Bắc Ninh', 'Bắc Giang', 'Lạng Sơn', 'Cao Bằng', 'Hà Giang', 'Tuyên Quang',
  'Thái Nguyên', 'Bắc Kạn', 'Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình', 'Sơn La', 'Điện Biên', 'Lai Châu', 'Lào Cai', 'Yên Bái', 'Hà Nội',
];
/** department name variants as written in headers (upper case) and bodies */
const KINDS: Array<{ names: string[]; code: string }> = [
  { names: ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'SỞ KH&CN', 'Sở KHCN', 'Sở Khoa học & Công nghệ'], code: 'SKHCN' },
  { names: ['SỞ NỘI VỤ', 'Sở Nội vụ', 'SỞ NV'], code: 'SNV' },
  { names: ['SỞ TƯ PHÁP', 'Sở Tư pháp'], code: 'STP' },
  { names: ['SỞ TÀI CHÍNH', 'Sở Tài chính'], code: 'STC' },
  { names: ['SỞ Y TẾ', 'Sở Y tế'], code: 'SYT' },
  { names: ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Sở GD&ĐT', 'Sở GDĐT'], code: 'SGDĐT' },
  { names: ['SỞ XÂY DỰNG', 'Sở Xây dựng'], code: 'SXD' },
  { names: ['SỞ CÔNG THƯƠNG', 'Sở Công Thương'], code: 'SCT' },
  { names: ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Sở TT&TT'], code: 'STTTT' },
  { names: ['SỞ KẾ HOẠCH VÀ ĐẦU TƯ', 'Sở KH&ĐT'], code: 'SKHĐT' },
  { names: ['SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'Sở TN&MT'], code: 'STNMT' },
  { names: ['SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN', 'Sở NN&PTNT'], code: 'SNNPTNT' },
  { names: ['ỦY BAN NHÂN DÂN', 'UBND', 'Uỷ ban nhân dân'], code: 'UBND' },
  { names: ['VĂN PHÒNG UBND', 'Văn phòng Ủy ban nhân dân'], code: 'VPUBND' },
  { names: ['THANH TRA TỈNH', 'Thanh tra tỉnh'], code: 'TTr' },
  { names: ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 'Trung tâm Phục vụ HCC'], code: 'TTPVHCC' },
];
const METRICS: Array<{ kind: 'count' | 'percent'; unit?: string; labels: string[]; base: number }> = [
  { kind: 'count', unit: 'văn bản', labels: ['Số lượng văn bản đã được kiểm tra, rà soát', 'Tổng số văn bản QPPL được rà soát', 'Tiến hành rà soát'], base: 20 },
  { kind: 'count', unit: 'văn bản', labels: ['Bãi bỏ', 'Đề nghị bãi bỏ'], base: 3 },
  { kind: 'count', unit: 'TTHC', labels: ['Thực hiện công khai TTHC thuộc thẩm quyền giải quyết', 'Số TTHC được công bố, công khai'], base: 50 },
  { kind: 'count', unit: 'TTHC', labels: ['TTHC mức 4', 'Số DVC trực tuyến toàn trình'], base: 30 },
  { kind: 'count', unit: 'hồ sơ', labels: ['Tổng số hồ sơ tiếp nhận', 'Số hồ sơ tiếp nhận'], base: 1500 },
  { kind: 'count', unit: 'hồ sơ', labels: ['Giải quyết quá hạn', 'Hồ sơ trễ hạn'], base: 4 },
  { kind: 'percent', labels: ['Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn', 'tỷ lệ giải quyết đúng hạn'], base: 97 },
  { kind: 'count', unit: 'biên chế', labels: ['Tổng số biên chế công chức được giao', 'Biên chế được giao'], base: 35 },
  { kind: 'count', unit: 'lượt', labels: ['Số lượt công chức, viên chức được cử đi đào tạo, bồi dưỡng', 'Đào tạo, bồi dưỡng'], base: 40 },
  { kind: 'percent', labels: ['văn bản đến', 'Tỷ lệ văn bản đến được xử lý trên phần mềm'], base: 98 },
  { kind: 'percent', labels: ['Tỷ lệ văn bản đi được ký số', 'văn bản đi được ký số'], base: 90 },
  { kind: 'count', unit: 'máy tính', labels: ['Số máy tính được trang bị mới', 'Máy tính trang bị mới'], base: 12 },
];
const NATIONAL = [
  { symbol: '107/2020/NĐ-CP', issuedOn: '2020-09-14', type: 'nghi-dinh', typeCode: 'NĐ', issuer: 'Chính phủ' },
  { symbol: '76/NQ-CP', issuedOn: '2021-07-15', type: 'nghi-quyet', typeCode: 'NQ', issuer: 'Chính phủ' },
  { symbol: '61/2018/NĐ-CP', issuedOn: '2018-04-23', type: 'nghi-dinh', typeCode: 'NĐ', issuer: 'Chính phủ' },
  { symbol: '07/2021/TT-BNV', issuedOn: '2021-12-31', type: 'thong-tu', typeCode: 'TT', issuer: 'Bộ Nội vụ' },
  { symbol: '766/QĐ-TTg', issuedOn: '2022-06-23', type: 'quyet-dinh', typeCode: 'QĐ', issuer: 'Thủ tướng Chính phủ' },
];
const PERIODS: Array<{ suffix: string; start: string; end: string }> = [
  { suffix: '', start: '01-01', end: '12-31' },
  { suffix: '-H1', start: '01-01', end: '06-30' },
  { suffix: '-9M', start: '01-01', end: '09-30' },
  { suffix: '-Q1', start: '01-01', end: '03-31' },
  { suffix: '-Q3', start: '07-01', end: '09-30' },
];

/** Report number i of the corpus (deterministic). */
export function syntheticReport(i: number, seed = 1): Report {
  const rnd = prng(seed * 1_000_003 + i);
  const perAgency = 10 * PERIODS.length; // 10 years × 5 periods
  const agency = Math.floor(i / perAgency);
  const within = i % perAgency;
  const year = 2015 + Math.floor(within / PERIODS.length);
  const per = PERIODS[within % PERIODS.length]!;
  const province = PROVINCES[agency % PROVINCES.length]!;
  const kind = KINDS[Math.floor(agency / PROVINCES.length) % KINDS.length]!;
  const sha = createHash('sha256').update(`synthetic-${seed}-${i}`).digest('hex');
  const id = `rpt_${sha.slice(0, 16)}`;
  const name = kind.names[Math.floor(rnd() * kind.names.length)]!;
  const upper = rnd() < 0.5;
  const agencyName = kind.code === 'UBND' ? `${name} tỉnh ${province}` : name;
  const issuedOn = `${year}-${per.end}`;
  const text: string[] = [];
  let pos = 0;
  const span = (s: string) => {
    const start = pos;
    text.push(s);
    pos += s.length + 1;
    return { start, end: start + s.length };
  };
  const sections: Report['sections'] = [];
  const secTitles = ['Công tác chỉ đạo, điều hành', 'Cải cách thể chế', 'Cải cách thủ tục hành chính', 'Cải cách tổ chức bộ máy', 'Cải cách chế độ công vụ', 'Xây dựng chính quyền điện tử, chính quyền số'];
  const secOf = [1, 1, 2, 2, 2, 2, 2, 3, 4, 5, 5, 5];
  for (let s = 0; s < secTitles.length; s++) {
    const sp = span(`${s + 1}. ${secTitles[s]}`);
    sections.push({ id: `${id}:sec:${sp.start}-${sp.end}`, number: String(s + 1), title: secTitles[s]!, level: 1, span: { start: sp.start, end: sp.start + 2000 }, headingSpan: sp });
  }
  const references: Report['references'] = [];
  const nRefs = 3 + Math.floor(rnd() * 4);
  for (let r = 0; r < nRefs; r++) {
    if (r < 3) {
      const d = NATIONAL[(i + r) % NATIONAL.length]!;
      if (d.issuedOn.slice(0, 4) > String(year)) continue;
      const t = `Số ${d.symbol}`;
      const sp = span(t);
      const wrongDate = rnd() < 0.002;
      references.push({ id: `${id}:ref:${sp.start}-${sp.end}`, type: d.type, typeCode: d.typeCode, category: 'normative', number: d.symbol.split('/')[0]!, symbol: d.symbol, issuer: d.issuer, issuedOn: wrongDate ? `${d.issuedOn.slice(0, 8)}01` : d.issuedOn, text: t, span: sp, rule: 'synthetic' });
    } else {
      const n = 1 + Math.floor(rnd() * 40);
      const sym = `${n}/${year}/QĐ-UBND`;
      const t = `Quyết định số ${sym}`;
      const sp = span(t);
      references.push({ id: `${id}:ref:${sp.start}-${sp.end}`, type: 'quyet-dinh', typeCode: 'QĐ', category: 'normative', number: String(n), year, symbol: sym, issuer: 'Ủy ban nhân dân tỉnh', issuedOn: `${year}-0${1 + (n % 9)}-1${n % 10}`, text: t, span: sp, rule: 'synthetic' });
    }
  }
  const metrics: Report['metrics'] = [];
  METRICS.forEach((m, k) => {
    if (rnd() < 0.15) return;
    const label = m.labels[Math.floor(rnd() * m.labels.length)]!;
    const value = m.kind === 'percent' ? Math.min(100, m.base + Math.floor(rnd() * 4)) : Math.max(0, Math.round(m.base * (0.7 + rnd() * 0.6)) + (rnd() < 0.01 ? m.base * 5 : 0));
    const t = m.kind === 'percent' ? `${value}%` : `${value} ${m.unit}`;
    const sp = span(`${label}: ${t}`);
    const s = { start: sp.start + label.length + 2, end: sp.end };
    const met: Report['metrics'][number] = { id: `${id}:met:${s.start}-${s.end}`, kind: m.kind, value, unit: m.kind === 'percent' ? '%' : m.unit!, label, text: t, span: s, section: sections[secOf[k]!]!.id, rule: 'synthetic' };
    metrics.push(met);
  });
  return {
    schemaVersion: '1.0',
    id,
    language: 'vi',
    pipeline: { name: 'synthetic', version: '0' },
    source: { path: `synthetic/${i}.txt`, sha256: sha, mediaType: 'text/plain', bytes: pos },
    report: {
      title: `Báo cáo kết quả công tác cải cách hành chính ${per.suffix ? per.suffix.slice(1) + ' ' : ''}năm ${year}`,
      agency: upper ? agencyName.toUpperCase() : agencyName,
      parentAgency: `UBND tỉnh ${province}`,
      place: province,
      province,
      year,
      period: { value: `${year}${per.suffix}`, start: `${year}-${per.start}`, end: `${year}-${per.end}` },
      issuedOn,
    },
    sections,
    references,
    dates: [],
    metrics,
    findings: [],
  };
}

/** Writes `count` reports to DIR/reports/<id>.json; returns the ids in order. */
export function writeSyntheticCorpus(dir: string, count: number, seed = 1): string[] {
  const reports = join(dir, 'reports');
  mkdirSync(reports, { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = syntheticReport(i, seed);
    writeFileSync(join(reports, `${r.id}.json`), JSON.stringify(r));
    ids.push(r.id);
  }
  return ids;
}
