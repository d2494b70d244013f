/**
 * What each figure means (issue 15): must-fire and must-not-fire cases, each naming the rule it exercises
 * (a record of ../rules/semantics.ts, ../rules/number-words.ts or ../rules/units.ts). Also the test
 * (test/semantics-vi.test.ts): every `fire` item is a metric whose text is `text` and whose fields match;
 * no metric overlaps a `notFire` string.
 */
import type { Metric } from '../../../model/report.js';

export interface SemanticCase {
  rule: string;
  input: string;
  /**
   * metrics that must be there (matched by `text`); `from` is the text of the figure a transition starts from; a field
   * given as `undefined` must be absent (`target: undefined`: must not be a target)
   */
  fire?: Array<Partial<Omit<Metric, 'from'>> & { text: string; from?: string }>;
  /** strings no metric may overlap */
  notFire?: string[];
}

export const SEMANTIC_CORPUS: SemanticCase[] = [
  // ---- durations
  { rule: 'metric.duration', input: 'Thời hạn giải quyết: 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.', fire: [{ text: '03 ngày làm việc', kind: 'duration', value: 3, unit: 'working-day' }] },
  { rule: 'metric.duration', input: 'Trong thời hạn 15 ngày, cơ quan thẩm định có văn bản trả lời; thời gian đào tạo 24 tháng; tập huấn 80 giờ; chờ 45 ngày; họp 30 phút.', fire: [
    { text: '15 ngày', kind: 'duration', value: 15, unit: 'day', subject: 'thời hạn' },
    { text: '24 tháng', kind: 'duration', unit: 'month' },
    { text: '80 giờ', kind: 'duration', unit: 'hour' },
    { text: '45 ngày', kind: 'duration', unit: 'day' },
    { text: '30 phút', kind: 'duration', unit: 'minute' },
  ] },
  { rule: 'metric.duration', input: 'Hơn 1 năm qua, ngành đã triển khai nhiều giải pháp.', fire: [{ text: '1 năm', kind: 'duration', value: 1, unit: 'year', approximate: true }] },
  { rule: 'metric.duration', input: 'Bước 2: Phân công thụ lý hồ sơ 0,5 ngày; bình quân 2,5 ngày/hồ sơ.', fire: [{ text: '0,5 ngày', kind: 'duration', value: 0.5, unit: 'day' }, { text: '2,5 ngày/hồ sơ', kind: 'duration', unit: 'day', per: 'hồ sơ' }] },
  { rule: 'metric.duration', input: 'Chuyên gia có từ 08 năm kinh nghiệm trở lên, làm việc từ 08 giờ trở lên.', fire: [{ text: '08 năm', kind: 'duration', unit: 'year' }, { text: '08 giờ', kind: 'duration', unit: 'hour' }] },
  { rule: 'metric.duration', input: 'chia cho 52 tuần và nhân với hệ số 1,2', fire: [{ text: '52 tuần', kind: 'duration', unit: 'week' }] },
  // not durations: dates, clocks, anniversaries, period names, school years, group ages
  { rule: 'metric.duration', input: 'tiếp nhận sau 15 giờ hàng ngày; họp lúc 8 giờ 30 phút; trước 16 giờ.', notFire: ['15 giờ', '8 giờ', '16 giờ'] },
  { rule: 'metric.duration', input: 'Kỷ niệm 78 năm Ngày thành lập Quân đội; 50 năm thành lập tỉnh.', notFire: ['78 năm', '50 năm'] },
  { rule: 'metric.duration', input: 'Báo cáo kết quả 6 tháng đầu năm 2025 và 9 tháng năm 2025.', notFire: ['6 tháng', '9 tháng'] },
  { rule: 'metric.duration', input: 'tuyển sinh vào lớp 10 năm học 2024-2025; trẻ 18 tháng 2.212 trẻ', notFire: ['10 năm', '18 tháng'] },
  { rule: 'metric.duration', input: 'Quyết định có hiệu lực từ ngày 15 tháng 11 năm 2025.', notFire: ['15 tháng', '11 năm'] },
  // ---- ranges
  { rule: 'metric.range', input: 'tốc độ tăng trưởng 10 - 12%; mức phạt từ 2,5 đến 5,5 tỷ đồng; thời gian từ 4 đến 6 tháng; trong 24-48 giờ.', fire: [
    { text: '10 - 12%', kind: 'percent', value: 10, valueMax: 12 },
    { text: '2,5 đến 5,5 tỷ đồng', kind: 'money', value: 2500000000, valueMax: 5500000000 },
    { text: '4 đến 6 tháng', kind: 'duration', value: 4, valueMax: 6, unit: 'month' },
    { text: '24-48 giờ', kind: 'duration', value: 24, valueMax: 48, unit: 'hour' },
  ] },
  { rule: 'metric.range', input: 'có kinh nghiệm từ 10 năm đến dưới 15 năm', fire: [{ text: '10 năm đến dưới 15 năm', kind: 'duration', value: 10, valueMax: 15 }] },
  { rule: 'metric.range', input: 'giai đoạn 2021 - 2025; khách sạn từ 3 - 5 sao', notFire: ['2021 - 2025', '3 - 5'] },
  // ---- compound units
  { rule: 'metric.per', input: 'hỗ trợ 80.000 đồng/người/buổi; lãi suất 2%/tháng; giá 500.000 đồng/m²; tốc độ 60 km/h; năng suất 6,8 tấn/ha.', fire: [
    { text: '80.000 đồng/người/buổi', kind: 'money', value: 80000, per: 'người/buổi' },
    { text: '2%/tháng', kind: 'percent', per: 'tháng' },
    { text: '500.000 đồng/m²', kind: 'money', per: 'm²' },
    { text: '60 km/h', kind: 'quantity', per: 'h' },
    { text: '6,8 tấn/ha', kind: 'quantity', per: 'ha' },
  ] },
  { rule: 'metric.per', input: 'giải ngân 8,35 tỷ đồng/21,6 tỷ đồng', fire: [{ text: '8,35 tỷ đồng', kind: 'money' }, { text: '21,6 tỷ đồng', kind: 'money' }] },
  // ---- multipliers
  { rule: 'metric.multiplier', input: 'doanh thu gấp 2,5 lần; số hồ sơ tăng 3 lần so với năm 2024; tối đa không quá 1,5 lần so với mức chi', fire: [
    { text: '2,5 lần', kind: 'multiplier', value: 2.5 },
    { text: '3 lần', kind: 'multiplier', value: 3, change: { direction: 'up', baseline: 'previous-period', basePeriod: 'năm 2024' } },
    { text: '1,5 lần', kind: 'multiplier', value: 1.5 },
  ] },
  { rule: 'metric.coefficient', input: 'nhân với hệ số 1,3', fire: [{ text: '1,3', kind: 'multiplier', value: 1.3, unit: 'hệ số' }] },
  { rule: 'metric.multiplier', input: 'in sổ định kỳ 01 lần/quý; khám thai từ 4 lần trở lên', fire: [{ text: '01 lần/quý', kind: 'frequency' }], notFire: ['4 lần'] },
  // ---- changes, percentage points, transitions, attainment
  { rule: 'metric.change', input: 'Tổng thu ngân sách tăng 8,3% so với cùng kỳ năm 2024; số vụ giảm 12 hồ sơ so với năm 2024.', fire: [
    { text: '8,3%', kind: 'percent', change: { direction: 'up', baseline: 'same-period', basePeriod: 'năm 2024' } },
    { text: '12 hồ sơ', kind: 'count', change: { direction: 'down', baseline: 'previous-period', basePeriod: 'năm 2024' } },
  ] },
  { rule: 'metric.percentage-points', input: 'tỷ lệ hồ sơ trực tuyến tăng 5,2 điểm phần trăm', fire: [{ text: '5,2 điểm phần trăm', kind: 'percent', unit: 'pp', value: 5.2, change: { direction: 'up' } }] },
  { rule: 'metric.transition', input: 'Thời gian giải quyết thủ tục cắt giảm từ 10 ngày làm việc xuống còn 07 ngày làm việc, giảm 30%.', fire: [
    { text: '10 ngày làm việc', kind: 'duration', unit: 'working-day', subject: 'Thời gian giải quyết thủ tục' },
    { text: '07 ngày làm việc', kind: 'duration', value: 7, from: '10 ngày làm việc', change: { direction: 'down', baseline: 'other' }, subject: 'Thời gian giải quyết thủ tục' },
    { text: '30%', kind: 'percent', change: { direction: 'down' } },
  ] },
  { rule: 'metric.change.attainment', input: 'Thu ngân sách đạt 102% kế hoạch; giải ngân đạt 85% kế hoạch.', fire: [
    { text: '102%', kind: 'percent', change: { direction: 'up', baseline: 'plan' } },
    { text: '85%', kind: 'percent', change: { direction: 'down', baseline: 'plan' } },
  ] },
  // ---- targets
  { rule: 'metric.target', input: 'Chỉ tiêu tối thiểu 20% hồ sơ được giải quyết trực tuyến; phấn đấu đến năm 2030 đạt 80% dân số có hồ sơ sức khỏe; kế hoạch giao 150 nhiệm vụ.', fire: [
    { text: '20%', kind: 'percent', target: true },
    { text: '80%', kind: 'percent', target: true },
    { text: '150 nhiệm vụ', kind: 'count', target: true },
  ], notFire: ['2030'] },
  { rule: 'metric.target', input: 'Hoàn thành 100% việc cập nhật lý lịch cán bộ trước ngày 06 tháng 12 năm 2025.', fire: [{ text: '100%', kind: 'percent', target: true }] },
  { rule: 'metric.target', input: 'Năm 2024 đã giải quyết 1.245 hồ sơ, đạt 98,5%; trong thời hạn 15 ngày phải trả lời.', fire: [{ text: '1.245 hồ sơ', kind: 'count' }, { text: '98,5%', kind: 'percent' }, { text: '15 ngày', kind: 'duration' }] },
  // an aim stated as an attainment is still an aim; an attainment without one is not
  { rule: 'metric.target', input: 'Tổ chức Techfest vào tháng 9/2026; phấn đấu hoàn thành 100% chỉ tiêu kế hoạch năm.', fire: [{ text: '100%', kind: 'percent', target: true, change: { direction: 'up', baseline: 'target' } }] },
  { rule: 'metric.target', input: 'Năm 2024, Sở hoàn thành 100% chỉ tiêu kế hoạch năm.', fire: [{ text: '100%', kind: 'percent', target: undefined }] },
  // a sentence-initial aim carries over its `;` items, unless an item says it was done (`đã`)
  { rule: 'metric.target', input: '2. Phấn đấu tổng thu ngân sách nhà nước cả năm đạt 86.000 triệu đồng; giải ngân vốn đầu tư công đến ngày 30/9/2024 đạt trên 65%, đến ngày 31/01/2025 đạt 100% kế hoạch.', fire: [
    { text: '86.000 triệu đồng', target: true },
    { text: '65%', kind: 'percent', target: true },
    { text: '100%', kind: 'percent', target: true },
  ] },
  { rule: 'metric.target', input: '2. Phấn đấu tổng thu ngân sách nhà nước cả năm đạt 86.000 triệu đồng; đến nay đã giải ngân vốn đầu tư công đạt 65%.', fire: [{ text: '65%', kind: 'percent', target: undefined }] },
  { rule: 'metric.target', input: 'Tổ chức 04 đợt khảo sát; phấn đấu hoàn thành kế hoạch; tiếp nhận 1.436 hồ sơ.', fire: [{ text: '1.436 hồ sơ', target: undefined }] },
  // `ít nhất` sets a floor; a label before a colon stays in the clause (`dự kiến: 85%`)
  { rule: 'metric.target', input: 'Có ít nhất 02 vùng dự án nuôi thủy sản công nghệ cao. Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 85% tổng vốn đầu tư.', fire: [{ text: '02 vùng dự', target: true }, { text: '85%', kind: 'percent', target: true }] },
  { rule: 'metric.target', input: 'Kết quả: 85% hồ sơ được giải quyết đúng hạn.', fire: [{ text: '85%', kind: 'percent', target: undefined }] },
  // a plan's `Mục tiêu` heading (wrapped, in bold) opens a zone of targets, down to the next heading of its level
  { rule: 'metric.target', input: 'KẾ HOẠCH\n**II. MỤC\nTIÊU**\n**1. Mục tiêu cụ thể**\n- Bảo đảm 100% chất thải rắn sinh hoạt được thu gom.\n- Năm 2024 đã có 60% xã đạt chuẩn.\n**III. NHIỆM VỤ**\n1. Tổ chức 12 hội nghị tập huấn.', fire: [
    { text: '100%', kind: 'percent', target: true },
    { text: '60%', kind: 'percent', target: undefined },
    { text: '12 hội nghị', target: undefined },
  ] },
  // a horizon after the document's own date (`ngày 19 tháng 11 năm 2025` … `Đến năm 2030, 100% …`); not one before it, not a past fact
  { rule: 'metric.target', input: 'Đồng Tháp, ngày 19 tháng 11 năm 2025\nKẾ HOẠCH\nĐến năm 2030, 100% khu du lịch biển được quy hoạch. Đến năm 2024, 95% xã có điểm du lịch. Đến năm 2030, đã có 80% hồ sơ số hóa.', fire: [
    { text: '100%', kind: 'percent', target: true },
    { text: '95%', kind: 'percent', target: undefined },
    { text: '80%', kind: 'percent', target: undefined },
  ] },
  // ---- number words
  { rule: 'metric.number-words', input: 'tiếp nhận hai mươi lăm hồ sơ, mười tám hồ sơ trực tuyến, một trăm lẻ năm hồ sơ và một nghìn hai trăm người.', fire: [
    { text: 'hai mươi lăm hồ sơ', kind: 'count', value: 25, unit: 'hồ sơ' },
    { text: 'mười tám hồ sơ', value: 18 },
    { text: 'một trăm lẻ năm hồ sơ', value: 105 },
    { text: 'một nghìn hai trăm người', value: 1200 },
  ] },
  { rule: 'metric.number-words', input: 'Mười (10) ngày làm việc kể từ ngày nhận được hồ sơ; chi trả một (01) lần; nhưng không đủ một tháng.', fire: [
    { text: 'Mười (10) ngày làm việc', kind: 'duration', value: 10, unit: 'working-day' },
    { text: 'một (01) lần', kind: 'count', value: 1 },
    { text: 'một tháng', kind: 'duration', value: 1, unit: 'month' },
  ] },
  { rule: 'metric.number-gloss', input: 'thời hạn sử dụng 03 (ba) năm kể từ ngày cấp', fire: [{ text: '03 (ba) năm', kind: 'duration', value: 3, unit: 'year' }] },
  { rule: 'metric.number-words', input: 'máy bay không người lái; cả hai cơ quan; một số hồ sơ; thứ hai hàng tuần; chính quyền; năm nay', notFire: ['không người', 'hai cơ quan', 'một số', 'hai hàng', 'chín', 'năm nay'] },
  // ---- not figures
  { rule: 'metric.not-figure', input: 'theo khoản 5 Điều 1 Nghị định; Chương II; Chương trình 135 hỗ trợ 12 xã; Đề án 06 của Chính phủ; mã số 1.001234.', fire: [{ text: '12 xã', kind: 'count' }], notFire: ['khoản 5', 'Điều 1', 'Chương trình 135', 'Đề án 06', '1.001234'] },
  { rule: 'metric.not-figure', input: 'Tầm nhìn đến 2030 phấn đấu 100% xã đạt chuẩn nông thôn mới.', fire: [{ text: '100%', kind: 'percent', target: true }], notFire: ['2030'] },
  { rule: 'metric.not-figure', input: 'Không thu phí vào ngày mùng 01, 02 tết Nguyên đán và mồng 3 Tết; thu 20.000 đồng/lượt.', fire: [{ text: '20.000 đồng/lượt', kind: 'money' }], notFire: ['01,', '02 tết', '3 Tết'] },
  { rule: 'metric.not-figure', input: 'mô hình chính quyền địa phương 02 cấp; trẻ em dưới 16 tuổi; mức 4; phường 1; lần thứ 2; Lưu: VT, NN(2).', notFire: ['02 cấp', '16 tuổi', 'mức 4', 'phường 1', 'thứ 2', 'NN(2)'] },
  { rule: 'metric.not-figure', input: 'Thay thế 03 TTHC có số thứ tự: 3, 4, 5 tại Danh mục; xây dựng Cơ sở 2 Bệnh viện Bạch Mai và Cơ sở 2 Bệnh viện Hữu nghị Việt Đức.', fire: [{ text: '03 TTHC', kind: 'count' }], notFire: ['3, 4, 5', '2 Bệnh viện Bạch Mai', '2 Bệnh viện Hữu nghị'] },
  // ---- clean labels and subjects
  { rule: 'metric.label-clean', input: 'Thu phí từ 50.000 đồng đến 100.000 đồng mỗi hồ sơ; ***Bổ sung 05 thủ tục hành chính.', fire: [
    { text: '50.000 đồng đến 100.000 đồng', kind: 'money', value: 50000, valueMax: 100000 },
    { text: '05 thủ tục hành chính', kind: 'count', label: 'Bổ sung thủ tục hành chính' },
  ] },
  { rule: 'metric.subject', input: 'Tỷ lệ hồ sơ giải quyết trực tuyến đạt 85,6%; phê duyệt 24 vị trí việc làm công chức.', fire: [
    { text: '85,6%', subject: 'Tỷ lệ hồ sơ giải quyết trực tuyến' },
    { text: '24 vị trí việc làm', subject: 'vị trí việc làm công chức' },
  ] },
];
