/**
 * Words tables use for their structure, one vocabulary for both languages: the label of a row (or column)
 * that totals the others. Each entry with examples of labels it names and labels it must not.
 */
export const TOTAL_LABEL = /^(?:Tổng cộng|Tổng số|Tổng(?! (?:hợp|kết|cục|công ty|quan|thể|giám đốc|biên tập|thống|bí thư))|Cộng(?=$|[:(])|Cộng (?![a-zà-ỹđ])|Total|Grand total|Sum)(?=$|[\s:(,-])/i;

export const TOTAL_LABEL_EXAMPLES = {
  totals: ['Tổng cộng', 'Tổng số', 'Tổng', 'Cộng:', 'Tổng cộng (I+II)', 'Total', 'Tổng thời gian giải quyết TTHC'],
  others: ['Tổng hợp ý kiến', 'Tổng cục Thuế', 'Tổng kết', 'Cộng đồng dân cư', 'Kinh phí chi thường xuyên', 'Totally'],
};
