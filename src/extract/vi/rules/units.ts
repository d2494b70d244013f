/**
 * What Vietnamese report figures count: unit nouns (longest first when matched), measurement units,
 * and the words after a number that show it is NOT a count (durations, levels, ordinals).
 */
export const COUNT_NOUNS: readonly string[] = [
  'văn bản quy phạm pháp luật', 'văn bản', 'thủ tục hành chính', 'thủ tục', 'bộ thủ tục', 'hồ sơ', 'biên chế',
  'vị trí việc làm', 'vị trí', 'lĩnh vực', 'đơn vị sự nghiệp', 'đơn vị', 'cơ quan', 'tổ chức', 'lượt người', 'lượt',
  'người làm việc', 'người', 'cán bộ', 'công chức', 'viên chức', 'người lao động', 'lao động', 'đảng viên', 'cuộc họp', 'cuộc kiểm tra',
  'cuộc thanh tra', 'cuộc', 'đợt', 'buổi', 'lớp', 'học viên', 'bài viết', 'tin bài', 'tin, bài', 'bài', 'tin',
  'phòng', 'chi cục', 'trung tâm', 'nhiệm vụ', 'kế hoạch', 'quyết định', 'sáng kiến', 'giải pháp', 'mô hình',
  'dịch vụ công trực tuyến', 'dịch vụ công', 'dịch vụ', 'xã', 'phường', 'thị trấn', 'huyện', 'thôn', 'ấp', 'khu phố',
  'doanh nghiệp', 'hợp tác xã', 'dự án', 'đề tài', 'chỉ tiêu', 'tiêu chí', 'phản ánh, kiến nghị', 'phản ánh',
  'kiến nghị', 'ý kiến', 'đơn thư', 'đơn', 'vụ việc', 'vụ', 'hộ gia đình', 'hộ', 'Tập san', 'tập san', 'Bản tin',
  'bản tin', 'số báo', 'ấn phẩm', 'tài liệu', 'cuốn', 'chứng thư số', 'chứng thư', 'chữ ký số', 'tài khoản',
  'máy tính', 'máy', 'thiết bị', 'phần mềm', 'trang thông tin', 'hội nghị', 'hội thảo', 'thư xin lỗi', 'thư',
  'giấy phép', 'giấy chứng nhận', 'chứng chỉ', 'trường hợp', 'giao dịch', 'quy trình', 'quy chế', 'đoàn kiểm tra',
  'đoàn', 'chương trình', 'đề án', 'cơ sở', 'trường', 'bệnh viện', 'trạm', 'điểm cầu', 'điểm', 'sản phẩm',
  'nhãn hiệu', 'sáng chế', 'bằng', 'tiêu chuẩn', 'quy chuẩn', 'mẫu', 'tổ', 'nhóm', 'lần', 'ngành',
  'sở', 'ban, ngành', 'địa phương', 'cá nhân', 'tập thể', 'gia đình', 'thành viên', 'giáo viên', 'học sinh',
  'bác sĩ', 'bệnh nhân', 'lượt khám', 'căn hộ', 'căn', 'công trình', 'trẻ', 'trẻ em', 'học sinh', 'điểm thi', 'phiếu khảo sát', 'phiếu', 'tỉnh, thành phố', 'tỉnh thành', 'tỉnh', 'đối tượng', 'phần quà', 'suất quà', 'suất', 'mét giá', 'tấn/ha', 'tạ/ha', 'km2', 'km²', 'km', 'ha', 'héc-ta', 'tấn', 'kg', 'm2',
  'm²', 'm3', 'lít', 'MW', 'kWh', 'bộ', 'cái', 'chiếc', 'con', 'nội dung', 'điều', 'khoản', 'chương', 'tồn tại', 'hạn chế', 'nghị quyết', 'chỉ thị', 'thông tư', 'nghị định', 'công văn', 'tờ trình', 'báo cáo', 'văn bản hành chính', 'cán bộ, công chức', 'cán bộ, công chức, viên chức', 'CBCCVC',
  'tổ chức cơ sở đảng', 'tổ chức đảng', 'chi bộ', 'đảng bộ', 'đồng chí', 'nhân viên', 'đại biểu', 'quầy',
  // economy, trade, schools (multi-word nouns that the two-word open-class fallback would cut)
  'khu công nghiệp', 'cụm công nghiệp', 'trung tâm thương mại', 'siêu thị', 'cửa hàng', 'chợ', 'trạm biến áp',
  'chủ đầu tư', 'dự thảo', 'xe mô tô', 'xe ô tô', 'xe máy', 'ô tô', 'mô tô', 'phương tiện', 'tin báo', 'ổ nhóm', 'sinh viên', 'người học', 'giảng viên', 'giáo sư', 'phó giáo sư', 'bài báo', 'nghiên cứu sinh',
  // courts, procuracy, mass organisations, culture (the capitalised title `Thẩm phán` is not an open-class noun)
  'thẩm phán', 'thẩm tra viên', 'thư ký', 'hội thẩm', 'kiểm sát viên', 'điều tra viên', 'chấp hành viên', 'bị cáo', 'bị can',
  'hội viên', 'vận động viên', 'di tích', 'tổ Hội', 'chi Hội', 'cơ sở Hội',
  'gam', 'gram', 'kVA', 'kV', 'kW', 'MWh', 'GWh', 'MWp', 'kWp', 'tấn CO2', 'tạ', 'mét', 'm', 'cm', 'mm',
];

/** Units that measure rather than count: the metric kind becomes `quantity`. */
export const MEASURE_UNITS = new Set(['mét giá', 'tấn/ha', 'tạ/ha', 'km2', 'km²', 'km', 'ha', 'héc-ta', 'tấn', 'kg', 'm2', 'm²', 'm3', 'lít', 'MW', 'kWh',
  'gam', 'gram', 'kVA', 'kV', 'kW', 'MWh', 'GWh', 'MWp', 'kWp', 'tấn CO2', 'tạ', 'mét', 'm', 'cm', 'mm']);

/** Time units that a fractional number measures (`bình quân 2,5 ngày/hồ sơ`, `giảm 0,5 ngày`, `tuổi bình quân 38,5 tuổi`): a quantity, not a duration id or a group's age. */
export const MEASURED_TIME_UNITS: readonly string[] = ['ngày', 'giờ', 'phút', 'tuổi'];

/** A number followed by these is not a reported figure (durations, times, ages, levels). */
export const NOT_A_COUNT_NEXT = new Set([
  'năm', 'tháng', 'ngày', 'giờ', 'phút', 'giây', 'tuần', 'quý', 'tuổi', 'mức', 'bậc', 'độ', 'hạng', 'giai',
  'và', 'hoặc', 'đến', 'tới', 'trên', 'dưới', 'của', 'là', 'được', 'đã', 'có', 'theo', 'tại', 'với', 'từ',
  'trong', 'cho', 'về', 'nhằm', 'để', 'khi', 'thì', 'này', 'đó', 'các', 'những', 'một', 'hai', 'ba', 'sau',
  'trước', 'gồm', 'như', 'nêu', 'thuộc', 'ban', 'ngay', 'phần', 'lần', 'thứ', 'số', 'kèm', 'đối', 'so', 'nhưng', 'mà', 'nên', 'vì', 'bởi', 'đạt', 'chiếm', 'tăng', 'giảm', 'bằng', 'trở',
  'lên', 'xuống', 'còn',
  // a star class (`khách sạn từ 3 - 5 sao`, `sản phẩm OCOP 4 sao`), not a count of stars
  'sao',
  // a day of a festival (`ngày mùng 01, 02 tết Nguyên đán`), not a count
  'tết',
]);

/** A number preceded by these words is an identifier or ordinal, not a figure. */
export const NOT_A_COUNT_BEFORE: readonly string[] = [
  'lần', 'lần thứ', 'thứ', 'mức', 'mức độ', 'điều', 'khoản', 'điểm', 'chương', 'mục', 'phụ lục',
  'biểu', 'mẫu', 'tiêu chí', 'kỳ họp', 'kỳ', 'đt', 'tel', 'fax', 'điện thoại', 'hotline', 'quyết định', 'nghị định',
  'thông tư', 'luật', 'nghị quyết', 'công văn', 'kế hoạch', 'quý', 'tháng', 'ngày', 'năm', 'giai đoạn', 'iso',
  'tcvn', 'version', 'phiên bản', 'cấp độ', 'level', 'bước', 'vòng', 'câu', 'trang', 'tỉnh lộ', 'quốc lộ',
  // programmes and schemes named by a number (`Chương trình 135`, `Đề án 06`), not counts
  'chương trình', 'đề án', 'ban chỉ đạo', 'mã số', 'mã',
  // a day of the month (`ngày mùng 01`, `mồng 5 tháng Giêng`)
  'mùng', 'mồng',
];

/** Two-word phrases ending in an id word above that are not ids: `thi hành kỷ luật 29 đảng viên` (not `Luật 29/…`), `danh mục 36 dự án` (not `mục 36`). */
export const NOT_AN_ID_BEFORE: readonly string[] = ['kỷ luật', 'kỉ luật', 'danh mục', 'thí điểm'];

/** Time words before a number: an id (`tháng 12`) unless the number cannot fill the slot and a counted noun follows (`dưới 03 tháng 16.030 người`). */
export const TIME_SLOT_MAX: Readonly<Record<string, number>> = { 'tháng': 12, 'quý': 4, 'ngày': 31 };
/** … and `năm` takes a year: `đầu năm 3.215 hộ` counts households. */
export const YEAR_SLOT: readonly [number, number] = [1900, 2100];

/** Place units: `thôn 7 xã Ea Phê` is an address (unit number + the unit it belongs to + a name), not 7 communes. */
export const PLACE_UNIT_WORDS: readonly string[] = ['thôn', 'ấp', 'tổ', 'khu', 'khu phố', 'khóm', 'buôn', 'bản', 'phường', 'xã', 'quận', 'tổ dân phố'];
export const PLACE_UNIT_NOUNS: readonly string[] = ['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'tỉnh', 'thôn', 'ấp', 'khu phố'];

/** A measure unit followed by one of these is a rate: `1.050 tấn/ngày`, `4.820 m3/ngày đêm`. */
export const RATE_PER: readonly string[] = ['ngày đêm', 'ngày', 'năm', 'tháng', 'giờ', 'người', 'vụ'];

/** A count per population is a density, measured not counted: `14,2 bác sĩ/vạn dân`, `32 giường bệnh/vạn dân`. */
export const DENSITY_PER: readonly string[] = ['vạn dân', 'nghìn dân', 'ngàn dân', '1.000 dân', '10.000 dân', '100.000 dân', 'km2', 'km²'];

/** Identifier-like words before a number that still allow a count when a counted noun follows (`cấp xã 04 thủ tục`). */
export const WEAK_NOT_A_COUNT_BEFORE: readonly string[] = [
  'số', 'bản', 'tập', 'khóa', 'khoá', 'phòng', 'lô', 'tầng', 'nhà', 'top', 'hạng', 'khu', 'tổ', 'ấp', 'đợt', 'phần', 'lớp',
  'quận', 'phường', 'xã', 'đường', 'thôn', 'buôn', 'bản', 'khóm', 'tuần',
  // Party plenums are named by number (`Hội nghị Trung ương 4 khóa XIII`), but `cấp Trung ương 12 hộ` counts
  'trung ương',
];

/** Words before a number that make it approximate. */
export const APPROXIMATE_BEFORE = ['khoảng', 'gần', 'hơn', 'trên', 'dưới', 'ước', 'ước tính', 'xấp xỉ', 'khoảng chừng', 'ước đạt', 'chừng'];

/** Money scale words → multiplier (VND). */
export const MONEY_SCALE: Readonly<Record<string, number>> = {
  'nghìn tỷ': 1e12, 'ngàn tỷ': 1e12, 'nghìn tỉ': 1e12, 'nghìn': 1e3, 'ngàn': 1e3, 'triệu': 1e6, 'tỷ': 1e9, 'tỉ': 1e9,
};

/** Abbreviated money scales, only right before a money unit: `120 tr.đ`, `50 trđ`, `3 tr đồng`. */
export const MONEY_SCALE_ABBR: Readonly<Record<string, number>> = { 'tr.': 1e6, 'tr': 1e6, 'Tr.': 1e6 };

/** Frequency words: src/vocab/frequency.ts (the OCR repair rules use them too). */
export { FREQUENCY_PER, FREQUENCY_UNITS } from '../../../vocab/frequency.js';
