/**
 * Vietnamese numbers written in words (`hai mươi lăm` 25, `mười tám` 18, `một trăm lẻ năm` 105,
 * `một nghìn hai trăm` 1200), as data for ../number-words.ts. Examples in ../corpus/semantics.corpus.ts.
 */

/** Digit words: `lăm`/`nhăm` are 5 and `mốt` is 1 after a ten; `tư` is 4 after a ten. */
export const DIGIT_WORDS: Readonly<Record<string, number>> = {
  'không': 0, 'một': 1, 'mốt': 1, 'hai': 2, 'ba': 3, 'bốn': 4, 'tư': 4, 'năm': 5, 'lăm': 5, 'nhăm': 5,
  'sáu': 6, 'bảy': 7, 'bẩy': 7, 'tám': 8, 'chín': 9,
};
/** Digit words that only occur after a ten or a hundred (`hai mươi mốt`, `hai mươi lăm`). */
export const DIGIT_AFTER_TEN_ONLY: readonly string[] = ['mốt', 'lăm', 'nhăm', 'tư'];
/** `mười` is ten on its own (`mười tám` 18); `mươi` multiplies the digit before it (`hai mươi` 20). */
export const TEN = 'mười';
export const TENS = 'mươi';
/** `lẻ`/`linh` mark an empty tens place (`một trăm lẻ năm` 105). */
export const ZERO_TENS: readonly string[] = ['lẻ', 'linh'];
export const SCALES: Readonly<Record<string, number>> = { 'trăm': 100, 'nghìn': 1000, 'ngàn': 1000, 'triệu': 1e6, 'tỷ': 1e9, 'tỉ': 1e9 };
/** Words before a single number word that make it not a count (`cả hai`, `thứ hai`, `một số`). */
export const NOT_NUMBER_BEFORE: readonly string[] = ['cả', 'thứ', 'lần thứ', 'thứ tự', 'bậc', 'hạng', 'loại', 'khóa', 'khoá', 'mục'];
/** A single `một` is an article (`một số`, `một cách`) unless a duration unit or a written-out digit gloss follows (`một tháng`, `một (01) lần`). */
export const ARTICLE_ONE = 'một';
/** `năm` is five or a year: a digit only before a ten or a scale word, after `lẻ`, or first; never a figure alone. */
export const AMBIGUOUS_FIVE = 'năm';
/** Single words that are never a figure alone (`không` is "no"/"not": `không người lái`). */
export const NEVER_ALONE: readonly string[] = [AMBIGUOUS_FIVE, 'không', 'tư', 'mốt', 'lăm', 'nhăm'];
