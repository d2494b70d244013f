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
  // the next figure's phrase (`và bãi bỏ 02 văn bản`) is not the first figure's qualifier: its label has no repeal cue;
  // the comma-joined verbs `sửa đổi, bổ sung` are one lead (metric.joined-lead), and the 02's lead stops at the 01
  { input: 'Qua rà soát, kiến nghị sửa đổi, bổ sung 01 văn bản và bãi bỏ 02 văn bản.', expected: [{ kind: 'count', value: 1, unit: 'văn bản', label: 'sửa đổi, bổ sung văn bản', indicator: 'inst.docs_amended' }, { kind: 'count', value: 2, unit: 'văn bản', label: 'bãi bỏ văn bản', indicator: 'inst.docs_repealed' }] },
  { input: 'Trong năm đã kiểm tra, rà soát 22 văn bản; đào tạo, bồi dưỡng 150 lượt công chức.', expected: [{ value: 22, label: 'kiểm tra, rà soát văn bản', indicator: 'inst.docs_reviewed' }, { value: 150, label: 'đào tạo, bồi dưỡng lượt công chức' }] },
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
  // from a blind held-out check (heldout2): Party, labour, budget, land reports
  { input: 'Kết nạp 412 đảng viên mới, trong đó: nữ 186 đồng chí, đoàn viên thanh niên 298 đồng chí.', expected: [{ value: 412, unit: 'đảng viên' }, { kind: 'count', value: 186, unit: 'đồng chí', parent: 0 }, { kind: 'count', value: 298, parent: 0 }] },
  { input: 'Đã thi hành kỷ luật 29 đảng viên (khiển trách 18, cảnh cáo 8, khai trừ 3), trong đó 07 trường hợp vi phạm về đạo đức.', expected: [{ value: 29, unit: 'đảng viên' }, { value: 18, parent: 0, label: 'khiển trách', unit: 'đảng viên' }, { value: 8, parent: 0 }, { value: 3, parent: 0 }, { value: 7, parent: 0 }] },
  { input: 'Tổng số hồ sơ tiếp nhận: 1.245 hồ sơ, trong đó: đúng hạn 1.198, trễ hạn 12, đang giải quyết 35.', expected: [{ value: 1245 }, { value: 1198, parent: 0, unit: 'hồ sơ', label: 'đúng hạn' }, { value: 12, parent: 0 }, { value: 35, parent: 0 }] },
  { input: 'cấp 56 giấy phép môi trường (tỉnh cấp 41, huyện cấp 15); các cơ sở bảo trợ nuôi dưỡng 412 đối tượng (nam 186, nữ 226).', expected: [{ value: 56 }, { value: 41, parent: 0 }, { value: 15, parent: 0 }, { value: 412 }, { value: 186, parent: 3 }, { value: 226, parent: 3 }] },
  { input: 'tỷ lệ đạt 98% (năm trước 95); cấp 12 giấy phép (cấp mới 7).', expected: [{ kind: 'percent', value: 98 }, { value: 12 }] },
  { input: 'quan trắc định kỳ tại 86 điểm; 82/86 điểm đạt quy chuẩn; Chỉ số phục vụ đạt 88,6 điểm.', expected: [{ kind: 'count', value: 86, unit: 'điểm' }, { kind: 'ratio', value: 82, denominator: 86 }, { kind: 'score', value: 88.6 }] },
  { input: 'tổng trữ lượng 2,35 triệu m3; công suất 300 tấn/ngày; lưu lượng 4.820 m3/ngày đêm; đạt 14,2 bác sĩ/vạn dân', expected: [{ kind: 'quantity', value: 2350000, unit: 'm3' }, { kind: 'quantity', value: 300, unit: 'tấn/ngày' }, { kind: 'quantity', value: 4820, unit: 'm3/ngày đêm' }, { kind: 'quantity', value: 14.2, unit: 'bác sĩ/vạn dân' }] },
  { input: 'trung cấp 3.420 người, sơ cấp và đào tạo dưới 03 tháng 16.030 người', expected: [{ value: 3420 }, { value: 16030, unit: 'người' }] },
  { input: 'giảm từ 312 thôn, buôn, tổ dân phố xuống còn 268; số hồ sơ tăng từ 45 hồ sơ lên 60.', expected: [{ value: 312, unit: 'thôn' }, { value: 268, unit: 'thôn' }, { value: 45 }, { value: 60, unit: 'hồ sơ' }] },
  {
    input: 'Tổng thu ngân sách ước đạt 14.250 tỷ đồng, tăng 12,5% so với cùng kỳ. Trong đó:\n- Thu nội địa: 7.835 tỷ đồng, bằng 109,4% dự toán;\n- Thu xuất nhập khẩu: 6.415 tỷ đồng.',
    expected: [{ value: 14250000000000 }, { value: 12.5 }, { value: 7835000000000, parent: 0 }, { value: 109.4 }, { value: 6415000000000, parent: 0 }],
  },
  { input: 'Tổng chi 24.870,6 tỷ đồng, bằng 112% dự toán; gồm chi đầu tư 8.962 tỷ đồng, chi thường xuyên 15.908,6 tỷ đồng.', expected: [{ value: 24870600000000 }, { value: 112 }, { value: 8962000000000, parent: 0 }, { value: 15908600000000, parent: 0 }] },
  { input: 'Thu hút 28 dự án với tổng vốn 14.650 tỷ đồng, gồm: 03 dự án FDI với tổng vốn 7.320 tỷ đồng và 25 dự án trong nước.', expected: [{ value: 28 }, { value: 14650000000000 }, { value: 3, parent: 0 }, { value: 7320000000000, parent: 1 }, { value: 25, parent: 0 }] },
  { input: 'ban hành 36 quyết định với tổng diện tích 412,35 ha, gồm: giao đất 18 trường hợp với diện tích 96,8 ha; cho thuê đất 18 trường hợp với diện tích 315,55 ha.', expected: [{ value: 36 }, { value: 412.35 }, { value: 18, parent: 0 }, { value: 96.8, parent: 1 }, { value: 18, parent: 0 }, { value: 315.55, parent: 1 }] },
  { input: 'Sở hiện có 168 người, gồm: 72 nam, 96 nữ; có 16 người trình độ thạc sĩ.', expected: [{ value: 168 }, { value: 72, parent: 0 }, { value: 96, parent: 0 }, { value: 16 }] },
  { input: 'đã giải quyết 6.790 hồ sơ, trong đó: đúng hạn 6.771 hồ sơ, trễ hạn 19 hồ sơ; đang giải quyết 52 hồ sơ.', expected: [{ value: 6790 }, { value: 6771, parent: 0 }, { value: 19, parent: 0 }, { value: 52 }] },
  { input: 'hiện có 65 người (nam 38 người, nữ 27 người). Trong đó:\n- Cán bộ: 14 người;\n- Công chức: 51 người.', expected: [{ value: 65 }, { value: 38, parent: 0 }, { value: 27, parent: 0 }, { value: 14, parent: 0 }, { value: 51, parent: 0 }] },
  { input: 'Tiến hành 09 cuộc thanh tra, kiểm tra (06 cuộc theo kế hoạch, 03 cuộc đột xuất).', expected: [{ value: 9 }, { value: 6, parent: 0 }, { value: 3, parent: 0 }] },
  { input: 'có 312 đơn thuộc thẩm quyền giải quyết của các cơ quan hành chính (248 đơn khiếu nại, 64 đơn tố cáo).', expected: [{ value: 312 }, { value: 248, parent: 0 }, { value: 64, parent: 0 }] },
  { input: 'tiếp 1.246 lượt công dân với 1.037 vụ việc; giảm 8,5% số lượt tiếp. Trong đó:\n- Tiếp thường xuyên: 892 lượt, 751 vụ việc;\n- Tiếp định kỳ: 354 lượt, 286 vụ việc.', expected: [{ value: 1246 }, { value: 1037 }, { value: 8.5 }, { value: 892, parent: 0 }, { value: 751, parent: 1 }, { value: 354, parent: 0 }, { value: 286, parent: 1 }] },
  { input: 'số người làm việc được giao: 31.862 người, trong đó sự nghiệp giáo dục: 22.540 người; sự nghiệp y tế: 6.904 người; sự nghiệp khác: 2.418 người.', expected: [{ value: 31862 }, { value: 22540, parent: 0 }, { value: 6904, parent: 0 }, { value: 2418, parent: 0 }] },
  { input: 'Hỗ trợ 2.316 hộ với kinh phí 6,9 tỷ đồng, gồm: 1.200 hộ nghèo, mỗi hộ 3 triệu đồng, và 1.116 hộ cận nghèo.', expected: [{ value: 2316 }, { value: 6900000000 }, { value: 1200, parent: 0 }, { value: 3000000 }, { value: 1116, parent: 0 }] },
  { input: 'thời gian xử lý giảm từ 15 hồ sơ đến 20 ngày; có 2 thôn (thôn 3, thôn 7) chưa có chi bộ; Giá trị sản xuất 120 cơ sở (giá so sánh 2010, chưa gồm 3 cơ sở mới).', expected: [{ value: 15 }, { kind: 'duration', value: 20, unit: 'day' }, { value: 2 }, { value: 120 }, { value: 3 }] },
  { input: 'Số thủ tục tăng từ 312 lên 345 TTHC; hộ nghèo đầu năm 3.215 hộ; mật độ 312 người/km2.', expected: [{ value: 312, unit: 'TTHC' }, { value: 345 }, { value: 3215, unit: 'hộ' }, { kind: 'quantity', value: 312, unit: 'người/km2' }] },
  { input: 'Số cán bộ được đào tạo: 245 lượt. Trong đó, lý luận chính trị 68 lượt, chuyên môn 177 lượt.', expected: [{ value: 245 }, { value: 68, parent: 0 }, { value: 177, parent: 0 }] },
  { input: 'Toàn Đảng bộ có 2.450 đảng viên, trong đó: đảng viên nữ chiếm 38,5%, đảng viên là người dân tộc 125 đồng chí.', expected: [{ value: 2450 }, { kind: 'percent', value: 38.5 }, { value: 125, parent: 0 }] },
  { input: 'Có 45/52 xã, phường (đạt 86,5%) hoàn thành chỉ tiêu, gồm 38 xã và 7 phường.', expected: [{ kind: 'ratio', value: 45 }, { value: 86.5 }, { value: 38, parent: 0 }, { value: 7, parent: 0 }] },
  { input: 'Tiêm chủng đầy đủ cho 4.512 trẻ, đạt 97,6%; trong đó: trẻ dưới 1 tuổi 2.300, trẻ 18 tháng 2.212.', expected: [{ value: 4512 }, { value: 97.6 }, { value: 2300, parent: 0, unit: 'trẻ' }, { value: 2212, parent: 0 }] },
  { input: 'Bắt giữ 45 đối tượng (giảm 7), trong đó: ma túy 18, trộm cắp 15, đánh bạc 12. Số vụ tai nạn lao động: 8 vụ, gồm: chết người 2, bị thương nặng 6.', expected: [{ value: 45 }, { value: 18, parent: 0 }, { value: 15, parent: 0 }, { value: 12, parent: 0 }, { value: 8 }, { value: 2, parent: 4 }, { value: 6, parent: 4 }] },
  // measure units with inner capitals (`kWh`, `kVA`), `gam`, an open-class noun after a scale word
  { input: 'điện thương phẩm 14.862 triệu kWh; giày dép 312,6 triệu đôi; dung lượng 37.450 kVA; thu giữ 42,56 gam heroin', expected: [{ kind: 'quantity', value: 14862000000, unit: 'kWh' }, { kind: 'count', value: 312600000, unit: 'đôi' }, { kind: 'quantity', value: 37450, unit: 'kVA' }, { kind: 'quantity', value: 42.56, unit: 'gam' }] },
  // `danh mục 36 dự án` is not `mục 36`; sentence-initial `Có x/y …`
  { input: 'phê duyệt danh mục 36 dự án kêu gọi đầu tư. Có 05/14 chủ đầu tư giải ngân thấp.', expected: [{ kind: 'count', value: 36, unit: 'dự án' }, { kind: 'ratio', value: 5, denominator: 14, unit: 'chủ đầu tư' }] },
  // multi-word counted nouns; `Label: value noun` keeps its own noun
  { input: 'có 32 khu công nghiệp, 40 cụm công nghiệp, 9 trung tâm thương mại, 118 trạm biến áp; 18 phó giáo sư, 215 bài báo.', expected: [{ value: 32, unit: 'khu công nghiệp' }, { value: 40, unit: 'cụm công nghiệp' }, { value: 9, unit: 'trung tâm thương mại' }, { value: 118, unit: 'trạm biến áp' }, { value: 18, unit: 'phó giáo sư' }, { value: 215, unit: 'bài báo' }] },
  { input: 'Tổng quy mô đào tạo là 15.842 người học. Trong đó:\n- Đại học chính quy: 14.210 sinh viên;\n- Hệ vừa làm vừa học: 1.286 lượt tân sinh.', expected: [{ value: 15842, unit: 'người học' }, { value: 14210, unit: 'sinh viên', parent: 0 }, { value: 1286, unit: 'lượt', parent: 0 }] },
  // a parenthesised list right after an amount breaks it down; other-kind figures inside take their own totals
  { input: 'Kế hoạch vốn năm 2024 là 6.845,2 tỷ đồng (vốn trung ương 1.620 tỷ đồng, vốn địa phương 5.225,2 tỷ đồng).', expected: [{ value: 6845200000000 }, { value: 1620000000000, parent: 0 }, { value: 5225200000000, parent: 0 }] },
  { input: 'Khám, chữa bệnh: 5.846.302 lượt người, số tiền 4.972,8 tỷ đồng (nội trú 612.480 lượt, chi phí 2.905,6 tỷ đồng; ngoại trú 5.233.822 lượt, chi phí 2.067,2 tỷ đồng).', expected: [{ value: 5846302 }, { value: 4972800000000 }, { value: 612480, parent: 0 }, { value: 2905600000000, parent: 1 }, { value: 5233822, parent: 0 }, { value: 2067200000000, parent: 1 }] },
  { input: 'vốn cấp mới 742,5 triệu USD (87 dự án); nợ khó thu 37,85 tỷ đồng (của 126 đơn vị).', expected: [{ value: 742500000 }, { value: 87 }, { value: 37850000000 }, { value: 126 }] },
  // a change right after a part is not a part; `vốn điều chỉnh tăng …` is a label; an x of the part before it is not a part
  { input: 'tham gia BHXH 486.720 người, trong đó:\n+ bắt buộc: 401.385 người, tăng 4,2%;\n+ tự nguyện: 85.335 người, tăng 11.046 người.', expected: [{ value: 486720 }, { value: 401385, parent: 0 }, { value: 4.2 }, { value: 85335, parent: 0 }, { value: 11046 }] },
  { input: 'thu hút 1.286,4 triệu USD. Trong đó: vốn cấp mới 742,5 triệu USD; vốn điều chỉnh tăng 396,2 triệu USD; góp vốn 147,7 triệu USD.', expected: [{ value: 1286400000 }, { value: 742500000, parent: 0 }, { value: 396200000, parent: 0 }, { value: 147700000, parent: 0 }] },
  { input: 'xảy ra 46 vụ, trong đó có 07 vụ trọng án, đã làm rõ 07/07 vụ.', expected: [{ value: 46 }, { value: 7, parent: 0 }, { kind: 'ratio', value: 7, denominator: 7 }] },
  { input: 'mặt đường rộng 7,5 m, dài 1.200 mét; sản lượng 120 tạ; điện mặt trời 35 MWp', expected: [{ kind: 'quantity', value: 7.5, unit: 'm' }, { kind: 'quantity', value: 1200, unit: 'mét' }, { kind: 'quantity', value: 120, unit: 'tạ' }, { kind: 'quantity', value: 35, unit: 'MWp' }] },
  // abbreviated money scales; x/y before an open-class noun (not a date-shaped `01/01 hằng năm`)
  { input: 'Kinh phí 120 tr.đ; hỗ trợ 50 trđ; chi 3 tr đồng. Phê duyệt 46/46 hồ sơ thiết kế; nghiệm thu 12/15 công trình; rà soát 38/40 bản vẽ; trước 01/01 hằng năm.', expected: [{ kind: 'money', value: 120000000 }, { kind: 'money', value: 50000000 }, { kind: 'money', value: 3000000 }, { kind: 'ratio', value: 46, denominator: 46, unit: 'hồ sơ' }, { kind: 'ratio', value: 12, denominator: 15, unit: 'công trình' }, { kind: 'ratio', value: 38, denominator: 40, unit: 'bản vẽ' }] },
  // open-class nouns starting with any Vietnamese letter; a slash-joined pair in parentheses is one item, not parts
  { input: 'Triệt phá 02 ổ nhóm, 12 đối tượng; tạm giữ 45 xe mô tô, 3 xe ô tô; 56 tin báo. Xảy ra 15 vụ tai nạn (01 vụ/01 người chết tại xã Bình Minh).', expected: [{ value: 2, unit: 'ổ nhóm' }, { value: 12 }, { value: 45, unit: 'xe mô tô' }, { value: 3, unit: 'xe ô tô' }, { value: 56, unit: 'tin báo' }, { value: 15 }, { value: 1 }, { value: 1 }] },
  { input: 'Có 1.024 tổ hòa giải với 6.789 hòa giải viên; 320 tuyên truyền viên pháp luật.', expected: [{ value: 1024 }, { value: 6789, unit: 'hòa giải viên' }, { value: 320, unit: 'tuyên truyền viên' }] },
  { input: 'Số người hưởng BHXH một lần là 12.345 người, giảm 1.234 người (giảm 9,1%) so với năm 2023; trong đó có 8.765 người hưởng theo Điều 60.', expected: [{ value: 12345 }, { value: 1234 }, { value: 9.1 }, { value: 8765, parent: 0 }] },
  // a range is one figure (issue 15); a transition's second figure has `from` and a change
  { input: 'Điểm trúng tuyển từ 18 đến 26,5 điểm; tăng từ 312 lên 345 TTHC.', expected: [{ kind: 'score', value: 18, valueMax: 26.5 }, { kind: 'count', value: 312, unit: 'TTHC' }, { value: 345, change: { direction: 'up', baseline: 'other' } }] },
  // a length of time is a duration (issue 15), fractional or not; an age measured is a quantity, an age that defines a group is nothing
  { input: 'thời gian xử lý bình quân 2,5 ngày, giảm 0,5 ngày so với quy định; trong 6 tháng; sau 12 tháng; tuổi bình quân 38,5 tuổi; trẻ dưới 6 tuổi', expected: [{ kind: 'duration', value: 2.5, unit: 'day' }, { kind: 'duration', value: 0.5, unit: 'day' }, { kind: 'duration', value: 6, unit: 'month' }, { kind: 'duration', value: 12, unit: 'month' }, { kind: 'quantity', value: 38.5, unit: 'tuổi' }] },
  // `gồm các nhóm:` at a line end opens a bullet list like `gồm:`; a parenthesis after `học sinh lớp 10`
  { input: 'Số người tham gia BHYT là 1.234.567 người, đạt 92,5%, gồm các nhóm:\n+ Nhóm do người lao động đóng: 245.000 người;\n+ Nhóm do ngân sách nhà nước đóng: 489.567 người;\n+ Nhóm hộ gia đình: 500.000 người.', expected: [{ value: 1234567 }, { value: 92.5 }, { value: 245000, parent: 0 }, { value: 489567, parent: 0 }, { value: 500000, parent: 0 }] },
  { input: 'Đã tuyển sinh 5.600 học sinh lớp 10 (công lập 4.800 em, ngoài công lập 800 em).', expected: [{ value: 5600 }, { value: 4800, parent: 0 }, { value: 800, parent: 0 }] },
  // not metrics
  { input: 'Số điện thoại đường dây nóng: 1900.1234; tổng đài: 1022.55', expected: [] },
  { input: 'vượt đèn đỏ tại Km 19+500 Đại lộ Thăng Long; Km 12+300 QL1A; xe biển kiểm soát 29A-123.45', expected: [] },
  { input: 'có 21.540 hộ đạt danh hiệu (cấp Trung ương 12 hộ, cấp tỉnh 638 hộ)', expected: [{ value: 21540 }, { value: 12, unit: 'hộ', parent: 0 }, { value: 638, parent: 0 }] },
  { input: 'Thẩm phán 06 người (01 Thẩm phán trung cấp, 05 Thẩm phán sơ cấp)', expected: [{ value: 6 }, { value: 1, unit: 'Thẩm phán', parent: 0 }, { value: 5, unit: 'Thẩm phán', parent: 0 }] },
  { input: 'có 38 khách sạn từ 3 - 5 sao và 12 sản phẩm OCOP 4 sao', expected: [{ value: 38, unit: 'khách sạn' }, { value: 12, unit: 'sản phẩm' }] },
  {
    input: 'Tổng số biên chế được giao: 17, trong đó Thẩm phán 06 người (01 Thẩm phán trung cấp, 05 Thẩm phán sơ cấp), Thư ký 07 người.',
    expected: [{ value: 17 }, { value: 6, parent: 0 }, { value: 1, parent: 1 }, { value: 5, parent: 1 }, { value: 7, parent: 0 }],
  },
  { input: 'có 112 cơ sở Hội, 1.036 chi Hội và 3.412 tổ Hội nghề nghiệp', expected: [{ value: 112, unit: 'cơ sở Hội' }, { value: 1036, unit: 'chi Hội' }, { value: 3412, unit: 'tổ Hội' }] },
  { input: 'Hội nghị Trung ương 4 khóa XIII; các thôn 3, thôn 7 xã Ea Phê; Ban Chỉ đạo 35 của Huyện ủy; hoạt động 24/7', expected: [] },
  { input: 'đạt 30% (4/15 sở, ngành và 38/124 UBND cấp xã); Có 06/139 đề xuất, kiến nghị', expected: [{ kind: 'percent', value: 30 }, { kind: 'ratio', value: 4, denominator: 15, unit: 'sở' }, { kind: 'ratio', value: 38, denominator: 124, unit: 'UBND', text: '38/124 UBND' }, { kind: 'ratio', value: 6, denominator: 139, unit: 'đề xuất' }] },
  { input: 'triển khai thí điểm 05 mô hình, sáng kiến', expected: [{ kind: 'count', value: 5, unit: 'mô hình', text: '05 mô hình' }] },
  { input: 'số lượng người làm việc trong đơn vị sự nghiệp công lập (60.253/60.674 người làm việc) được giao', expected: [{ kind: 'ratio', value: 60253, denominator: 60674, unit: 'người làm việc' }] },
  // the name of the two-tier local government model, not a count of levels
  { input: 'mô hình chính quyền địa phương 02 cấp mới triển khai; chính quyền 2 cấp vận hành; phân cấp cho 02 cấp xã', expected: [{ kind: 'count', value: 2, unit: 'cấp xã' }] },
  { input: 'ĐT: 0273.3872345; ISO 9001:2015 đối với cơ quan', expected: [] },
  { input: 'Điều 5 khoản 2; lần 2; mức 4; TCVN ISO 9001:2015; năm 2023; quý 4; 6 tháng đầu năm; số 01', expected: [] },
  { input: '1. Về cải cách thể chế:\n2. Cải cách TTHC', expected: [] },
  { input: 'Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023', expected: [] },
];
