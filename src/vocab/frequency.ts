/**
 * Frequency words (`01 lần/quý`, `04 đợt khảo sát/năm`): shared by the metric rules (src/extract/vi/rules/units.ts)
 * and the OCR repair rules (src/ingest/rules/ocr-repair.ts), so the vocabulary sits below both stages.
 */

/** Period words after `lần/` in a frequency. */
export const FREQUENCY_PER = ['quý', 'tháng', 'năm', 'tuần', 'ngày', 'kỳ', 'học kỳ', '6 tháng'];

/** What a frequency counts before `/quý`: `01 lần/quý`, `04 đợt khảo sát/năm`, `01 ngày/tháng`. */
export const FREQUENCY_UNITS = ['lần', 'ngày', 'buổi', 'đợt', 'cuộc', 'kỳ', 'phiên'];
