/**
 * References cited by name, with a date or a year, not by number: `Luật Tổ chức Chính phủ ngày 18 tháng 02 năm
 * 2025`, `Luật Đầu tư năm 2020`, `Bộ luật Lao động 2019`. Rules as data; the corpus cases that exercise them are in
 * ../corpus/references.corpus.ts (rule `ref.named`).
 */
export const NAMED_REFERENCE_RULE = {
  id: 'ref.named',
  /** the words that open a name, each with its type slug (the types of TYPE_WORDS that are cited by name) */
  heads: [
    ['Bộ luật', 'bo-luat'],
    ['Luật', 'luat'],
    ['Pháp lệnh', 'phap-lenh'],
    ['Hiến pháp', 'hien-phap'],
  ] as ReadonlyArray<readonly [string, string]>,
  /** at most this many words between the head and the date: longer is not a name */
  maxNameWords: 18,
  /**
   * a law that amends others is named from a lower-case phrase and lists the laws it amends, commas and all:
   * `Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư … và Luật Đấu thầu ngày 29/11/2024`
   */
  amendingOpeners: ['sửa đổi'],
  maxAmendingWords: 48,
  /** a word that ends the name without a date (the date that follows belongs to something else) */
  nameStops: ['được', 'đã', 'đang', 'hiện hành', 'và các', 'quy định', 'hướng dẫn', 'có hiệu lực'],
  /** `số` + a digit: the name is followed by a number, so the citation is a numbered reference */
  numberWord: 'số',
  /** the date clauses that may follow a name: day-month-year in words or digits, `năm YYYY` (a bare year too) */
  dateDay: '^ngày ([0-9]{1,2})(?: tháng |/|-)([0-9]{1,2})(?: năm |/|-)([0-9]{4})',
  dateYear: '^năm ([0-9]{4})',
  category: 'law',
} as const;
