/**
 * What a Vietnamese figure means (issue 15), as data: durations and the numbers that look like them but are not
 * (clock times, anniversaries, periods used as dates), ranges, compound units, multipliers, percentage points,
 * changes and their baselines, transitions, targets, number words and the words a subject never starts with.
 * Every record names its rule id; examples are in ../corpus/semantics.corpus.ts.
 */

export type DurationUnit = 'working-day' | 'day' | 'week' | 'hour' | 'minute' | 'month' | 'year';

/** Duration units after a number (longest first when matched): `03 ngày làm việc`, `80 giờ`, `24 tháng`. */
export const DURATION_UNITS: readonly (readonly [string, DurationUnit])[] = [
  ['ngày làm việc', 'working-day'],
  ['ngày', 'day'],
  ['tuần', 'week'],
  ['giờ', 'hour'],
  ['tiếng', 'hour'],
  ['phút', 'minute'],
  ['tháng', 'month'],
  ['năm', 'year'],
];

/** A word right before the number that makes it a slot of a date or a clock (`ngày 15`, `tháng 6`, `lúc 8 giờ`), not a length. */
export const DURATION_NOT_AFTER_WORDS: readonly string[] = ['ngày', 'tháng', 'năm', 'quý', 'tuần', 'giờ', 'khóa', 'khoá', 'lúc', 'vào lúc', 'lớp', 'khối'];

/** Words right after the unit that make `N năm` / `N tháng` a name, not a length (`lớp 10 năm học 2024-2025`). */
export const UNIT_NAME_AFTER: readonly string[] = ['học', 'tài chính', 'ngân sách'];

/** Words before `N năm` that make it an anniversary (`kỷ niệm 78 năm Ngày thành lập`), not a length. */
export const ANNIVERSARY_BEFORE: readonly string[] = ['kỷ niệm', 'kỉ niệm', 'chào mừng', 'mừng'];
/** … and words right after the unit (`78 năm Ngày thành lập`, `50 năm thành lập`). */
export const ANNIVERSARY_AFTER: readonly string[] = ['Ngày', 'ngày thành lập', 'thành lập', 'truyền thống', 'giải phóng', 'chiến thắng'];

/** Words right after `N tháng` that make it the name of a period (`6 tháng đầu năm`, `9 tháng năm 2025`): a date, not a length. */
export const PERIOD_NAME_AFTER: readonly string[] = ['đầu năm', 'cuối năm', 'đầu', 'cuối', 'năm', 'qua của năm'];

/** `N giờ` is a time of day after these (`sau 15 giờ hàng ngày`, `trước 16 giờ`) unless a length follows (`kể từ`, `trở lên`). */
export const CLOCK_BEFORE: readonly string[] = ['lúc', 'vào', 'sau', 'trước', 'đến', 'tới', 'từ'];
export const CLOCK_AFTER: readonly string[] = ['sáng', 'chiều', 'tối', 'trưa', 'đêm', 'hàng ngày', 'hằng ngày', 'ngày', 'cùng ngày'];
export const LENGTH_AFTER: readonly string[] = ['kể từ', 'làm việc', 'trở lên', 'trở xuống', 'liên tục', 'đồng hồ'];

/** Range connectors between two numbers (`10 - 12%`, `từ 2,5 đến 5,5 tỷ đồng`, `từ 10 năm đến dưới 15 năm`); the words after it that bound the upper end. */
export const RANGE_WORDS: readonly string[] = ['đến', 'tới'];
export const RANGE_UPPER_QUALIFIERS: readonly string[] = ['dưới', 'hết', 'không quá', 'tối đa'];
/** `từ` before the lower bound: a word range needs it (`từ 4 đến 6 tháng`); a dash range does not (`10 - 12%`). */
export const RANGE_FROM: readonly string[] = ['từ', 'khoảng', 'trong'];

/** A multiplier: `gấp 2,5 lần`, `tăng 3 lần`, `không quá 1,5 lần so với`, `hệ số 1,2`. */
export const MULTIPLIER_BEFORE: readonly string[] = ['gấp', 'tăng', 'giảm', 'bằng', 'quá', 'hơn', 'cao hơn', 'thấp hơn', 'tăng gấp', 'gần', 'trên'];
export const MULTIPLIER_UNIT = 'lần';
export const MULTIPLIER_AFTER: readonly string[] = ['so với'];
/** `hệ số 1,2`: a coefficient is a multiplier with this unit. */
export const COEFFICIENT_BEFORE: readonly string[] = ['hệ số'];

/** `5,2 điểm phần trăm`: percentage points, unit `pp`. */
export const PERCENTAGE_POINTS = 'điểm phần trăm';

/** Change words right before a figure (`tăng 8,3%`, `giảm 12 hồ sơ`) → direction. */
export const CHANGE_BEFORE: readonly (readonly [string, 'up' | 'down'])[] = [
  ['tăng thêm', 'up'],
  ['tăng', 'up'],
  ['cao hơn', 'up'],
  ['vượt', 'up'],
  ['giảm thêm', 'down'],
  ['giảm', 'down'],
  ['thấp hơn', 'down'],
  ['cắt giảm', 'down'],
  ['rút ngắn', 'down'],
];
/** After the figure: what it is compared with (`so với cùng kỳ năm 2024`). The first word group that matches names the baseline. */
export const BASELINE_AFTER: readonly (readonly [string, 'same-period' | 'previous-period' | 'plan' | 'target' | 'other'])[] = [
  ['so với cùng kỳ', 'same-period'],
  ['so cùng kỳ', 'same-period'],
  ['cùng kỳ', 'same-period'],
  ['so với kế hoạch', 'plan'],
  ['so kế hoạch', 'plan'],
  ['so với chỉ tiêu', 'target'],
  ['so với mục tiêu', 'target'],
  ['so với năm trước', 'previous-period'],
  ['so với năm', 'previous-period'],
  ['so với tháng trước', 'previous-period'],
  ['so với quý trước', 'previous-period'],
  ['so với kỳ trước', 'previous-period'],
  ['so với', 'other'],
];
/** Attainment: `đạt 102% kế hoạch` is a percent with baseline plan (direction up from 100). */
export const ATTAINMENT_AFTER: readonly (readonly [string, 'plan' | 'target'])[] = [
  ['kế hoạch', 'plan'],
  ['dự toán', 'plan'],
  ['chỉ tiêu', 'target'],
  ['mục tiêu', 'target'],
];

/** The verb of attainment before the percent (`đạt 102% kế hoạch`). */
export const ATTAINMENT_VERBS: readonly string[] = ['đạt', 'bằng', 'hoàn thành'];
/** The period a change is compared with, right after the baseline words (`so với cùng kỳ năm 2024`, `so với 6 tháng đầu năm 2024`). */
export const BASE_PERIOD_SOURCE = '^(?:năm[ ]{1,2}[0-9]{4}|[0-9]{1,2}[ ]{1,2}tháng(?:[ ]{1,2}(?:đầu|cuối))?[ ]{1,2}năm[ ]{1,2}[0-9]{4}|quý[ ]{1,2}[IV0-9]{1,3}(?:[ ]{1,2}năm[ ]{1,2}[0-9]{4})?|tháng[ ]{1,2}[0-9]{1,2}(?:/[0-9]{4})?)';
export const YEAR_WORD = 'năm';

/** Transition words between two figures (`từ 10 ngày xuống còn 07 ngày`, `tăng từ 45 lên 60`): the second has `from` the first. */
export const TRANSITION_BETWEEN: readonly (readonly [string, 'up' | 'down'])[] = [
  ['xuống còn', 'down'],
  ['giảm xuống còn', 'down'],
  ['giảm còn', 'down'],
  ['xuống', 'down'],
  ['còn', 'down'],
  ['lên thành', 'up'],
  ['tăng lên', 'up'],
  ['lên', 'up'],
];
export const TRANSITION_FROM = 'từ';

/**
 * Comma-joined pairs of verbs that are one lead before a figure (rule metric.joined-lead): `kiến nghị sửa đổi, bổ sung
 * 01 văn bản` is amended (`sửa đổi, bổ sung`), not `bổ sung` alone; the pairs are those the indicator vocabulary names
 * (src/vocab/data/indicators.yaml labels: `Văn bản đề nghị sửa đổi, bổ sung`, `Số văn bản đã được kiểm tra, rà soát`).
 */
export const JOINED_LEADS: readonly string[] = ['sửa đổi, bổ sung', 'kiểm tra, rà soát', 'chỉ đạo, điều hành', 'đào tạo, bồi dưỡng'];

/** Labels before a colon whose numbers are identifiers, not figures (`số thứ tự: 3, 4, 5`, `Mã số: 12`). */
export const ID_LABELS: readonly string[] = ['số thứ tự', 'thứ tự', 'stt', 'mã số', 'mã', 'số hiệu', 'ký hiệu', 'mã tthc', 'mã hồ sơ'];

/** Words in the clause before a figure that make it a planned, required or aimed-at figure. */
export const TARGET_CUES: readonly string[] = ['phấn đấu', 'chỉ tiêu', 'mục tiêu', 'kế hoạch giao', 'giao kế hoạch', 'dự kiến', 'định hướng', 'tối thiểu', 'ít nhất', 'bảo đảm', 'đảm bảo', 'hoàn thành'];
/** … of which these aim at the figure even when it is stated as an attainment (`phấn đấu hoàn thành 100% chỉ tiêu kế hoạch năm`). */
export const TARGET_AIM: readonly string[] = ['phấn đấu'];
/**
 * A horizon in the clause before a figure (`Đến năm 2030, 100% khu du lịch biển …`): the figure is a target when the
 * year is after the document's own date, and no past marker (TARGET_PAST) stands between the horizon and the figure.
 */
export const TARGET_HORIZON_SOURCE = '(?:^|[^a-zà-ỹđ])(?:đến|tới)[ ]{1,2}(?:hết[ ]{1,2})?năm[ ]{1,2}([0-9]{4})';
export const TARGET_PAST: readonly string[] = ['đã', 'vừa qua'];
/**
 * A numbered heading (`II. MỤC TIÊU`, `**1. Mục tiêu cụ thể đến năm 2030**`, `a) Mục tiêu phát triển`, wrapped or not)
 * whose words start with one of these opens a zone of targets: the plan's own figures under it are targets, down to
 * the next heading of the same or a higher level.
 */
export const TARGET_SECTION_WORDS: readonly string[] = ['mục tiêu'];
/** The numbered-heading marker at a line start: roman numeral, `1.` / `1.2.`, or `a)`, optionally in bold. */
export const HEADING_MARKER_SOURCE = '(?:^|\\n)[ ]{0,3}(?:\\*{1,2}[ ]{0,2})?([IVX]{1,5}\\.|[0-9]{1,2}(?:\\.[0-9]{1,2}){0,3}\\.|[0-9]{1,2}(?:\\.[0-9]{1,2}){1,3}|[a-zđ]\\))[ ]{1,3}(?:\\*{1,2}[ ]{0,2})?';
/** The document's date in its header (`Đồng Tháp, ngày 19 tháng 11 năm 2025`): the first one in its opening characters. */
export const DOCUMENT_DATE_SOURCE = 'ngày[ ]{1,2}[0-9]{1,2}[ ]{1,2}tháng[ ]{1,2}[0-9]{1,2}[ ]{1,2}năm[ ]{1,2}([0-9]{4})';
/** … of which these need a deadline after the figure in the same sentence (`hoàn thành 100% … trước ngày 06 tháng 12`). */
export const TARGET_NEEDS_DEADLINE: readonly string[] = ['hoàn thành', 'bảo đảm', 'đảm bảo'];
export const TARGET_DEADLINE: readonly string[] = ['trước ngày', 'trong năm', 'đến năm', 'đến hết', 'chậm nhất', 'trước tháng', 'trong quý'];

/** Words a subject never starts or ends with (prepositions, verbs of reporting, limits). */
export const SUBJECT_EDGE_WORDS: readonly string[] = [
  'trong', 'thời hạn không quá', 'không quá', 'tối đa', 'ít nhất', 'tối thiểu', 'có', 'là', 'đạt', 'được', 'với', 'và', 'của', 'cho', 'từ', 'đến',
  'trên', 'dưới', 'khoảng', 'gần', 'hơn', 'chiếm', 'bằng', 'nhân', 'chia', 'chia cho', 'nhân với', 'kể từ', 'trở lên', 'trở xuống', 'thì', 'để', 'theo',
  'tại', 'gồm', 'trong đó', 'tăng', 'giảm', 'cắt giảm', 'rút ngắn', 'xuống còn', 'còn', 'lên', 'gấp', 'qua', 'so', 'so với', 'nhưng', 'không đủ', 'đủ', 'sau', 'trước', 'vượt quá', 'quá',
];
/** … of which these may end a noun phrase (`tồn tại`, `hạn chế trước mắt`): stripped at the start only. */
export const SUBJECT_LEAD_ONLY: readonly string[] = ['tại', 'sau', 'trước', 'trên', 'dưới', 'qua', 'đủ', 'hơn', 'quá', 'gần', 'có', 'chia', 'nhân'];
