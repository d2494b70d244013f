/**
 * Metric rules: (input → expected) examples; also the test. `parent` here is the index (in `expected`)
 * of the total the part belongs to.
 */
import type { Metric } from '../../../model/report.js';

export interface MetricCase {
  input: string;
  expected: Array<Partial<Omit<Metric, 'parent'>> & { parent?: number }>;
}

export const METRIC_CORPUS: MetricCase[] = [
  { input: 'Số lượng văn bản đã được kiểm tra, rà soát: 22 văn bản.', expected: [{ kind: 'count', value: 22, unit: 'văn bản', text: '22 văn bản', label: 'Số lượng văn bản đã được kiểm tra, rà soát' }] },
  { input: 'Thay thế: 03 văn bản; Bãi bỏ: 05 văn bản; Sửa đổi, bổ sung: 00 văn bản.', expected: [{ value: 3, label: 'Thay thế' }, { value: 5, label: 'Bãi bỏ' }, { value: 0, label: 'Sửa đổi, bổ sung' }] },
  { input: 'Thực hiện công khai 51 TTHC thuộc thẩm quyền giải quyết', expected: [{ kind: 'count', value: 51, unit: 'TTHC' }] },
  {
    input: 'Tổng số biên chế công chức được giao: 36, trong đó: Khối Văn phòng Sở: 24; Chi cục: 12.',
    expected: [{ value: 36, unit: 'biên chế', text: '36' }, { value: 24, parent: 0, label: 'Khối Văn phòng Sở', unit: 'biên chế' }, { value: 12, parent: 0, label: 'Chi cục' }],
  },
  { input: 'phê duyệt Đề án, với 24 vị trí việc làm;', expected: [{ value: 24, unit: 'vị trí việc làm' }] },
  { input: '(100% văn bản đến, 98,5% văn bản đi)', expected: [{ kind: 'percent', value: 100, label: 'văn bản đến' }, { kind: 'percent', value: 98.5 }] },
  { input: 'kinh phí 1,25 tỷ đồng và 750 triệu đồng, tổng 1.245.000.000 đồng', expected: [{ kind: 'money', value: 1250000000, unit: 'VND' }, { kind: 'money', value: 750000000 }, { kind: 'money', value: 1245000000 }] },
  { input: 'in sổ định kỳ: 01 lần/quý', expected: [{ kind: 'frequency', value: 1, per: 'quý', text: '01 lần/quý' }] },
  { input: 'hoàn thành 28/29 nhiệm vụ', expected: [{ kind: 'ratio', value: 28, denominator: 29, unit: 'nhiệm vụ', text: '28/29 nhiệm vụ' }] },
  { input: 'tiếp nhận 1.245 hồ sơ', expected: [{ kind: 'count', value: 1245, unit: 'hồ sơ' }] },
  {
    input: 'Tiếp nhận 1.245 hồ sơ, trong đó: đúng hạn 1.200 hồ sơ, trễ hạn 15 hồ sơ, đang giải quyết 30 hồ sơ.',
    expected: [{ value: 1245 }, { value: 1200, parent: 0 }, { value: 15, parent: 0 }, { value: 30, parent: 0 }],
  },
  { input: 'Chỉ số CCHC đạt 85,5 điểm, xếp thứ 5/63 tỉnh', expected: [{ kind: 'score', value: 85.5 }, { kind: 'rank', value: 5, denominator: 63 }] },
  { input: 'khoảng 200 hồ sơ', expected: [{ value: 200, approximate: true }] },
  { input: 'đào tạo 15 giáo viên', expected: [{ kind: 'count', value: 15, unit: 'giáo viên' }] },
  { input: 'Phát hành 06 Bản tin (Bản số 01, 02, 03, 04, 05,06-2023)', expected: [{ value: 6, unit: 'Bản tin' }] },
  { input: 'Tổng kinh phí 500 triệu, trong đó ngân sách tỉnh 1,5 tỷ.', expected: [{ kind: 'money', value: 500000000 }, { kind: 'money', value: 1500000000, parent: 0 }] },
  { input: 'Dân số 3 triệu người', expected: [{ kind: 'count', value: 3000000, unit: 'người' }] },
  { input: 'Có 5 trên 7 xã đạt chuẩn', expected: [{ kind: 'ratio', value: 5, denominator: 7, unit: 'xã' }] },
  { input: 'giải ngân 8,35 tỷ đồng/21,6 tỷ đồng', expected: [{ kind: 'money', value: 8350000000 }, { kind: 'money', value: 21600000000 }] },
  { input: 'đã nộp 698,445/871,321 triệu đồng', expected: [{ kind: 'money', value: 698445000, denominator: 871321000 }] },
  { input: 'tỉnh đạt 90,09/100 điểm, xếp hạng 11/34 tỉnh thành', expected: [{ kind: 'score', value: 90.09, denominator: 100 }, { kind: 'rank', value: 11, denominator: 34 }] },
  { input: 'thực hiện 04 đợt khảo sát/năm', expected: [{ kind: 'frequency', value: 4, per: 'năm' }] },
  { input: 'Xã có 21 cán bộ, công chức (11 cán bộ, 10 công chức).', expected: [{ value: 21 }, { value: 11, parent: 0 }, { value: 10, parent: 0 }] },
  {
    input: 'Tiếp nhận 4.826 hồ sơ (trực tuyến 3.910 hồ sơ, chiếm 81%), trong đó: đúng hạn 4.702 hồ sơ, trễ hạn 12 hồ sơ.',
    expected: [{ value: 4826 }, { value: 3910 }, { kind: 'percent', value: 81 }, { value: 4702, parent: 0 }, { value: 12, parent: 0 }],
  },
  { input: 'Văn bản cần thay thế: 12 văn bản, gồm:\n- 04 nghị quyết;\n- 08 quyết định.\nc) Văn bản bãi bỏ: 07 văn bản.', expected: [{ value: 12 }, { value: 4, parent: 0 }, { value: 8, parent: 0 }, { value: 7 }] },
  {
    input: 'Toàn tỉnh có 467 cơ sở giáo dục, gồm 186 trường mầm non, 238 trường phổ thông và 43 cơ sở khác; tổng số 5.912 nhóm, lớp.',
    expected: [{ value: 467 }, { value: 186, parent: 0 }, { value: 238, parent: 0 }, { value: 43, parent: 0 }, { value: 5912 }],
  },
  { input: 'Tiến hành 28 cuộc thanh tra tại 64 cơ sở, trong đó 09 cuộc thanh tra chuyên ngành.', expected: [{ value: 28 }, { value: 64 }, { value: 9, parent: 0 }] },
  { input: 'tỷ lệ trẻ 6 tuổi vào lớp 1 đạt 100%; bố trí 32 điểm thi; tố cáo đúng một phần 11 vụ việc; trực 01 ngày/tháng', expected: [{ kind: 'percent', value: 100 }, { kind: 'count', value: 32, unit: 'điểm thi' }, { kind: 'count', value: 11, unit: 'vụ việc' }, { kind: 'frequency', value: 1, per: 'tháng' }] },
  { input: 'khám thai từ 4 lần trở lên đạt 92%; đạt 45,6% kế hoạch (5.832/12.790 trẻ)', expected: [{ kind: 'percent', value: 92 }, { kind: 'percent', value: 45.6 }, { kind: 'ratio', value: 5832, denominator: 12790 }] },
  // not metrics
  { input: 'ĐT: 0273.3872345; ISO 9001:2015 đối với cơ quan', expected: [] },
  { input: 'Điều 5 khoản 2; lần 2; mức 4; TCVN ISO 9001:2015; năm 2023; quý 4; 6 tháng; số 01', expected: [] },
  { input: '1. Về cải cách thể chế:\n2. Cải cách TTHC', expected: [] },
  { input: 'Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023', expected: [] },
];
