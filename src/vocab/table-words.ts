/**
 * Words tables use for their structure, one vocabulary for both languages: the label of a row (or column)
 * that totals the others. Each entry with examples of labels it names and labels it must not.
 */
export const TOTAL_LABEL = /^(?:Tổng cộng|Tổng số|Tổng(?! (?:hợp|kết|cục|công ty|quan|thể|giám đốc|biên tập|thống|bí thư))|Cộng(?=$|[:(])|Cộng (?![a-zà-ỹđ])|Total|Grand total|Sum)(?=$|[\s:(,-])/i;

export const TOTAL_LABEL_EXAMPLES = {
  totals: ['Tổng cộng', 'Tổng số', 'Tổng', 'Cộng:', 'Tổng cộng (I+II)', 'Total', 'Tổng thời gian giải quyết TTHC'],
  others: ['Tổng hợp ý kiến', 'Tổng cục Thuế', 'Tổng kết', 'Cộng đồng dân cư', 'Kinh phí chi thường xuyên', 'Totally'],
};

/**
 * A unit written at the end of a column header, in brackets: `Mức chi (1.000đ)`, `Kinh phí (triệu đồng)`,
 * `Tỷ lệ (%)`. The bracket's text, spelled as the unit line would (`ĐVT: nghìn đồng`), is the column's unit.
 */
export const HEADER_UNIT = /\(\s*([^()]{1,24}?)\s*\)\s*$/;
const HEADER_UNIT_SPELLINGS: Record<string, string> = {
  '1.000đ': 'nghìn đồng', '1.000 đ': 'nghìn đồng', '1.000 đồng': 'nghìn đồng', '1000đ': 'nghìn đồng', '1000 đồng': 'nghìn đồng',
  'nghìn đồng': 'nghìn đồng', 'ngàn đồng': 'nghìn đồng', 'triệu đồng': 'triệu đồng', 'tr.đ': 'triệu đồng', 'trđ': 'triệu đồng',
  'tỷ đồng': 'tỷ đồng', 'tỉ đồng': 'tỷ đồng', 'đồng': 'đồng', 'vnđ': 'đồng', 'vnd': 'đồng', '%': '%',
  'thousand vnd': 'nghìn đồng', 'million vnd': 'triệu đồng', 'billion vnd': 'tỷ đồng',
};
/** The unit a column header states in brackets, spelled for the table's unit rules; undefined when none is known. */
export function headerUnit(header: string): string | undefined {
  const m = HEADER_UNIT.exec(header);
  if (!m) return undefined;
  return HEADER_UNIT_SPELLINGS[m[1]!.toLowerCase().replace(/\s+/g, ' ')];
}
export const HEADER_UNIT_EXAMPLES: [string, string | undefined][] = [
  ['Mức chi/ Tiền công (1.000đ)', 'nghìn đồng'],
  ['Kinh phí (triệu đồng)', 'triệu đồng'],
  ['Tỷ lệ (%)', '%'],
  ['Amount (million VND)', 'triệu đồng'],
  ['Số hồ sơ (bộ)', undefined],
  ['Năm 2024 (ước thực hiện)', undefined],
];

/**
 * A cell that states a measure with its unit (a product's specification table, a norm's threshold): the marks and
 * words of its grammar, read by extract/table-metrics (`63mm x 88mm`, `1.8-2.0 gram`, `~0.3mm`, `300-330gsm`).
 * - `DIMENSION_SEPARATORS`: between the two sides of a size (`63mm x 88mm`: two quantities, one per side);
 * - `RANGE_SEPARATORS`: between a range's bounds (`1.8-2.0 gram`: one quantity with valueMax), a bound mark after
 *   it (`200 - ≤ 300`) kept out of the figure;
 * - `APPROXIMATE_MARKS`: before the figure (`~0.3mm`: approximate);
 * - `CELL_UNITS`: units a measure cell may state beyond the text rules' measure units (paper weight `gsm`).
 */
export const DIMENSION_SEPARATORS: readonly string[] = ['x', 'X', '×'];
export const RANGE_SEPARATORS: readonly string[] = ['-', '–', '÷'];
export const RANGE_BOUND_MARKS: readonly string[] = ['≤', '<', '≥', '>'];
export const APPROXIMATE_MARKS: readonly string[] = ['~', '≈'];
export const CELL_UNITS: readonly string[] = ['gsm', 'g', 'mm', 'cm', 'm', 'km', 'kg', 'gram', 'gam', 'ml', 'lít', 'm2', 'm3', 'ha', 'kW', 'kWh', 'W', 'V'];
/** cells the measure grammar reads, with what they give (value, valueMax, unit, approximate), for the test */
export const MEASURE_CELL_EXAMPLES: [string, string][] = [
  ['63mm x 88mm', '63 mm; 88 mm'],
  ['1.8-2.0 gram', '1.8-2 gram'],
  ['~0.3mm', '~0.3 mm'],
  ['300-330gsm', '300-330 gsm'],
  ['1,8 - 2,0 gram', '1.8-2 gram'],
  ['200 - ≤ 300', '200-300'],
  ['12 x 15 cm', '12 cm; 15 cm'],
];

/**
 * A code cell (an administrative procedure's code `1.011818`, `2.000815.000.00.00.H61`): it names the row's
 * procedure by number, and is neither a figure nor part of the row's header (the procedure's name is).
 */
export const CODE_CELL = /^[0-9]{1,2}\.[0-9]{6}(?:[. ]|$)/;
export const CODE_CELL_EXAMPLES = { codes: ['1.011818', '2.000815.000.00.00.H61', '2.000913.000 .00.00.H61', '1.008603'], others: ['1.430,5', '1.250', '12.1', '120.000'] };

/**
 * A formula cell (a scoring annex's `0,006 x a`, `7% x (0,006a + 0,006b + …)`): a figure times a variable (a letter or
 * two, maybe a digit: `a`, `gl`, `g1`) or a bracket. It states how a value is computed, not a value: its figure is
 * the coefficient (given in its own cell of the row, `Số điểm`), so the cell gives no metric. `12 x 15 cm` (a size)
 * and `1 x 2` (a grading) multiply figures, not variables.
 */
export const FORMULA_CELL = /^[-+]?[0-9][0-9.,]*\s{0,3}%?\s{0,3}[x×*]\s{0,3}(?:\(|\p{L}{1,2}[0-9]?(?![\p{L}0-9]))/u;
export const FORMULA_CELL_EXAMPLES = { formulas: ['0,006 x a', '0,0005 x gl', '1,2 x đ', '3,6% x (0,15d+1,5đ)', '7% x (0,006a+0,006 b)'], others: ['12 x 15 cm', '63mm x 88mm', '1 x 2', '0,006', '2 x Đèn', '10 ngày'] };

/**
 * A norm code (a cost-norm table's `BDD.230`, `BDCT. 25020`, `ITS.01.13`: letters, a dot, digits) names a work whose
 * full codes end in the digits the table's closing row gives under each norm column (`31 | 32 | 33` → `BDD.23031` …).
 */
export const NORM_CODE_CELL = /^[A-Z]{2,6}\.\s?[0-9]{2,}(?:\.[0-9]{1,3})*$/;
export const NORM_CODE_CELL_EXAMPLES = { codes: ['BDD.230', 'BDCT. 25020', 'ITS.01.13', 'BDCCT.24200'], others: ['TT', 'M150', '1.011818', 'BDD', 'Xk,i'] };

/**
 * The columns of a transition (a procedure annex's processing time before and after a cut: `Thời hạn giải quyết
 * hiện hành` → `Thời hạn giải quyết sau cắt giảm`): a figure under an AFTER column starts `from` the figure of its
 * row under the BEFORE column of the same kind and unit.
 */
export const TRANSITION_BEFORE = /(?:hiện hành|hiện nay|hiện tại|trước (?:khi )?(?:cắt giảm|rút ngắn|sửa đổi)|quy định cũ|\bcũ$|current|before)/i;
export const TRANSITION_AFTER = /(?:sau (?:khi )?(?:cắt giảm|rút ngắn|sửa đổi|đơn giản hóa)|đề xuất|cắt giảm còn|rút ngắn còn|\bmới$|proposed|after)/i;
export const TRANSITION_EXAMPLES = {
  before: ['Thời hạn giải quyết hiện hành', 'Thời gian giải quyết theo quy định cũ', 'Thời hạn cũ', 'Thời gian trước khi cắt giảm'],
  after: ['Thời hạn giải quyết sau cắt giảm', 'Thời gian sau khi rút ngắn', 'Thời hạn mới', 'Thời gian giải quyết đề xuất'],
  neither: ['Thời hạn giải quyết', 'Phí, lệ phí', 'Tên thủ tục hành chính'],
};
