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
