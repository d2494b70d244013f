/** Date rules: (input → expected) examples; also the test. `reportYear` resolves relative dates. */
import type { DateFact } from '../../../model/report.js';

export interface DateCase {
  input: string;
  reportYear?: number;
  expected: Array<Partial<DateFact>>;
  /** rule ids of findings that must be raised (e.g. date.impossible) */
  findings?: string[];
}

export const DATE_CORPUS: DateCase[] = [
  { input: 'ngày 02/3/2022', expected: [{ value: '2022-03-02', precision: 'day', text: '02/3/2022' }] },
  { input: 'ngày 02 tháng 3 năm 2022', expected: [{ value: '2022-03-02', precision: 'day', text: '02 tháng 3 năm 2022' }] },
  { input: 'họp ngày 2-3-2022 tại Sở', expected: [{ value: '2022-03-02', precision: 'day' }] },
  { input: 'đến 30 / 9 / 2023 đã xong', expected: [{ value: '2023-09-30', precision: 'day' }] },
  { input: 'lúc 02.3.2022', expected: [{ value: '2022-03-02', precision: 'day' }] },
  { input: 'Ngày sở hữu trí tuệ thế giới (26/4); Ngày khoa học (18/5).', expected: [{ value: '--04-26', precision: 'day-month', text: '26/4' }, { value: '--05-18', precision: 'day-month', text: '18/5' }] },
  { input: 'kỷ niệm ngày 30-4 và tổ chức ngày 1-2/3/2024', expected: [{ value: '--04-30', precision: 'day-month', text: 'ngày 30-4' }, { value: '2024-03-02', precision: 'day' }] },
  { input: 'Tuần Du lịch từ 01-5 đến 05-5; nghỉ từ 3-5 đến 7-10 ngày', expected: [{ value: '--05-01', precision: 'day-month', text: '01-5' }, { value: '--05-05', precision: 'day-month', text: '05-5' }] },
  { input: 'trước ngày 15/12 hằng năm', expected: [{ value: '--12-15', precision: 'day-month' }] },
  { input: 'số tháng 12 năm 2022 và tháng 5/2023', expected: [{ value: '2022-12', precision: 'month' }, { value: '2023-05', precision: 'month' }] },
  { input: 'kết quả năm 2023', expected: [{ value: '2023', precision: 'year', text: 'năm 2023' }] },
  { input: 'trong quý I/2023 và quý IV năm 2023', expected: [{ value: '2023-01', end: '2023-03', precision: 'period', label: 'Q1' }, { value: '2023-10', end: '2023-12', precision: 'period', label: 'Q4' }] },
  { input: 'báo cáo 6 tháng đầu năm 2023', expected: [{ value: '2023-01', end: '2023-06', precision: 'period', label: 'H1' }] },
  { input: 'Tình hình quý III và 9 tháng năm 2023; 6 tháng năm 2024', reportYear: 2023, expected: [{ value: '2023-07', end: '2023-09', precision: 'period' }, { value: '2023-01', end: '2023-09', precision: 'period', label: '9M', text: '9 tháng năm 2023' }, { value: '2024-01', end: '2024-06', precision: 'period', label: 'H1' }] },
  { input: 'kết quả 9 tháng đầu năm', reportYear: 2024, expected: [{ value: '2024-01', end: '2024-09', precision: 'period', resolvedFrom: 'report-year' }] },
  { input: 'giai đoạn 2023-2025', expected: [{ value: '2023', end: '2025', precision: 'period', text: 'giai đoạn 2023-2025' }] },
  { input: 'giai đoạn 2021 - 2030 và nhiệm kỳ 2021-2026', expected: [{ value: '2021', end: '2030', precision: 'period' }, { value: '2021', end: '2026', precision: 'period', label: 'term' }] },
  // date.elliptic-range: the first day shares the month and year of the second
  { input: 'diễn ra từ ngày 17 đến ngày 20 tháng 11 năm 2025 tại tỉnh', expected: [{ value: '2025-11-17', end: '2025-11-20', precision: 'period', label: 'range' }] },
  { input: 'từ ngày 3 đến hết ngày 7/12/2025', expected: [{ value: '2025-12-03', end: '2025-12-07', precision: 'period', label: 'range' }] },
  // date.year-range-paren: a bare year range in brackets
  { input: 'xây dựng kế hoạch 05 năm (2021 - 2025) của tỉnh', expected: [{ value: '2021', end: '2025', precision: 'period', label: 'range' }] },
  { input: 'số liệu (2025-2021) sai thứ tự', expected: [] },
  // date.dmy-words in capitals (titles)
  { input: 'THÔNG TƯ SỐ 67/2024/TT-BQP NGÀY 14 THÁNG 10 NĂM 2024 CỦA BỘ', expected: [{ value: '2024-10-14', precision: 'day' }] },
  { input: 'từ ngày 15/12/2022 đến ngày 14/12/2023', expected: [{ value: '2022-12-15', end: '2023-12-14', precision: 'period', label: 'range' }] },
  { input: 'so với năm trước, năm nay tăng', reportYear: 2023, expected: [{ value: '2022', precision: 'year' }, { value: '2023', precision: 'year' }] },
  { input: 'so với năm trước', expected: [] },
  { input: 'ngày 31/02/2023 là sai', expected: [], findings: ['date.impossible'] },
  { input: 'treo cờ dịp Quốc khánh 2-9 và Quốc tế Lao động 1-5', expected: [{ value: '--09-02', precision: 'day-month' }, { value: '--05-01', precision: 'day-month' }] },
  { input: 'từ ngày 14/10 đến ngày 25/10/2019', expected: [{ value: '2019-10-14', end: '2019-10-25', precision: 'period' }] },
  { input: 'PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2021', expected: [{ value: '2021-07', end: '2021-12', precision: 'period', label: 'H2' }] },
  { input: 'tổ chức ngày 20 và 21/01/2022', expected: [{ value: '2022-01-20', precision: 'day' }, { value: '2022-01-21', precision: 'day' }] },
  { input: 'BÁO CÁO QUÝ I/2022', expected: [{ value: '2022-01', end: '2022-03', label: 'Q1' }] },
  { input: 'V. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2024', expected: [{ value: '2024-10', end: '2024-12', precision: 'period', text: 'QUÝ IV NĂM 2024' }] },
  { input: 'TỔNG KẾT NĂM HỌC 2023-2024; trong tháng 8 và tháng 9/2024', expected: [{ value: '2023', end: '2024', precision: 'period', label: 'school-year' }, { value: '2024-08', precision: 'month' }, { value: '2024-09', precision: 'month' }] },
  { input: 'PHƯƠNG HƯỚNG TRONG THÁNG 12/2025 VÀ THÁNG 01 NĂM 2026', expected: [{ value: '2025-12', precision: 'month', text: 'THÁNG 12/2025' }, { value: '2026-01', precision: 'month' }] },
  { input: 'Thời gian không thu phí: Ngày Di sản văn hóa Việt Nam 23/11; ngày lễ Phật Đản (15 tháng 4 âm lịch); ngày mùng 01, 02 tết Nguyên đán.', expected: [{ value: '--11-23', precision: 'day-month', text: '23/11' }, { value: '--04-15', precision: 'day-month', text: '15 tháng 4' }] },
  { input: 'Ngày Gia đình Việt Nam 28/6; Ngày Thứ nhất 40/12 không phải ngày.', expected: [{ value: '--06-28', precision: 'day-month', text: '28/6' }] },
  { input: 'chào mừng Ngày Giải phóng Thủ đô 10/10 và Quốc khánh 2/9', expected: [{ value: '--10-10', precision: 'day-month', text: '10/10' }, { value: '--09-02', precision: 'day-month', text: '2/9' }] },
  { input: 'kỷ niệm Giải phóng Thủ đô 10/10/2026', expected: [{ value: '2026-10-10', precision: 'day' }] },
  { input: 'triển khai từ ngày 11/9 đến hết năm 2026', expected: [{ value: '2026-09-11', end: '2026', precision: 'period', label: 'range', text: 'từ ngày 11/9 đến hết năm 2026' }] },
  { input: 'thực hiện từ ngày 01/7/2025 đến hết năm 2026', expected: [{ value: '2025-07-01', end: '2026', precision: 'period' }] },
  { input: 'từ ngày 11/9 đến hết năm nay', reportYear: 2026, expected: [{ value: '2026-09-11', end: '2026', precision: 'period' }] },
  { input: 'chỉ số năm 2025 và các năm kế tiếp; những năm qua; năm kế tiếp', reportYear: 2025, expected: [{ value: '2025', precision: 'year' }, { value: '2026', precision: 'year', text: 'năm kế tiếp' }] },
  // not dates
  { input: 'Quyết định số 23/2023/QĐ-UBND; 28/29 nhiệm vụ; ISO 9001:2015; 1.245.000 đồng; 01 lần/quý', expected: [] },
];
