/**
 * Document types as data: the type words written before a number (`Quyết định số …`) and the type codes
 * inside symbols (ND 30/2020 Phụ lục III, QPPL codes), both mapped to one type slug.
 */
export const TYPE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['Thông tư liên tịch', 'thong-tu-lien-tich'],
  ['Nghị quyết liên tịch', 'nghi-quyet'],
  ['Văn bản hợp nhất', 'van-ban-hop-nhat'],
  ['Bộ luật', 'bo-luat'],
  ['Luật', 'luat'],
  ['Pháp lệnh', 'phap-lenh'],
  ['Hiến pháp', 'hien-phap'],
  ['Nghị định', 'nghi-dinh'],
  ['Nghị quyết', 'nghi-quyet'],
  ['Quyết định', 'quyet-dinh'],
  ['Thông tư', 'thong-tu'],
  ['Chỉ thị', 'chi-thi'],
  ['Kế hoạch', 'ke-hoach'],
  ['Công văn', 'cong-van'],
  ['Văn bản', 'cong-van'],
  ['Báo cáo', 'bao-cao'],
  ['Tờ trình', 'to-trinh'],
  ['Hướng dẫn', 'huong-dan'],
  ['Thông báo', 'thong-bao'],
  ['Thông tri', 'thong-tri'],
  ['Thông cáo', 'thong-cao'],
  ['Chương trình', 'chuong-trinh'],
  ['Đề án', 'de-an'],
  ['Dự án', 'du-an'],
  ['Quy chế', 'quy-che'],
  ['Quy định', 'quy-dinh'],
  ['Công điện', 'cong-dien'],
  ['Kết luận', 'ket-luan'],
  ['Phương án', 'phuong-an'],
  ['Biên bản', 'bien-ban'],
  ['Giấy mời', 'giay-moi'],
  ['Hợp đồng', 'hop-dong'],
  ['Lệnh', 'lenh'],
  // abbreviations written before `số` in running text (`QĐ số 123/QĐ-UBND`, `CV số 45/SNV`)
  ['QĐ', 'quyet-dinh'], ['NQ', 'nghi-quyet'], ['NĐ', 'nghi-dinh'], ['TT', 'thong-tu'], ['CT', 'chi-thi'],
  ['KH', 'ke-hoach'], ['CV', 'cong-van'], ['TB', 'thong-bao'], ['BC', 'bao-cao'], ['HD', 'huong-dan'],
  ['TTr', 'to-trinh'], ['CTr', 'chuong-trinh'],
];

/** Abbreviated type words count only when `số` follows them. */
export const ABBREVIATED_TYPE_WORDS = new Set(['QĐ', 'NQ', 'NĐ', 'TT', 'CT', 'KH', 'CV', 'TB', 'BC', 'HD', 'TTr', 'CTr']);

/** Type codes as they appear in symbols: one table for both languages (src/vocab/document-types.ts). */
export { TYPE_CODES } from '../../../vocab/document-types.js';

/** Issuer codes that are not a type although they come first in the symbol. */
export const LAW_ISSUER = /^(QH|UBTVQH)[0-9]{1,2}$/;

/** Words that end an issuer (`của …`) or begin what is not a subject. */
export const NOT_SUBJECT_START = new Set([
  'của', 'và', 'với', 'tại', 'đã', 'được', 'để', 'thì', 'nên', 'cho', 'trong', 'theo', 'khi', 'nhằm', 'có', 'là',
  'này', 'đó', 'do', 'nêu', 'trên', 'thuộc', 'sau', 'trước', 'kèm', 'đến', 'từ', 'như', 'cũng', 'vẫn', 'đang', 'sẽ',
  'hoặc', 'gồm', 'cùng', 'số', 'ngày', 'năm',
]);
