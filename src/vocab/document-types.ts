/**
 * Document types, one vocabulary for every rule pack, the link step and the eval harness: the type slugs (the
 * types of Nghị định 30/2020 Phụ lục III, the normative types of the Law on legal documents, Party types) and
 * the type codes written inside symbols (case-sensitive: CTr ≠ CT, TTr ≠ TT; `DA` is dự án, `ĐA` đề án,
 * `L` lệnh). The Vietnamese and English packs read the same table.
 */
export const DOCUMENT_TYPE_SLUGS = [
  'luat', 'bo-luat', 'phap-lenh', 'hien-phap', 'nghi-dinh', 'nghi-quyet', 'quyet-dinh', 'thong-tu',
  'thong-tu-lien-tich', 'chi-thi', 'ke-hoach', 'cong-van', 'bao-cao', 'to-trinh', 'huong-dan', 'thong-bao',
  'chuong-trinh', 'de-an', 'quy-che', 'quy-dinh', 'cong-dien', 'ket-luan', 'phuong-an', 'thong-tri', 'thong-cao',
  'du-an', 'van-ban-hop-nhat', 'bien-ban', 'hop-dong', 'giay-moi', 'giay-uy-quyen', 'giay-gioi-thieu',
  'giay-nghi-phep', 'phieu-gui', 'phieu-chuyen', 'phieu-bao', 'ban-ghi-nho', 'ban-thoa-thuan', 'ban-sao', 'lenh',
  'other',
] as const;
export type DocumentTypeSlug = (typeof DOCUMENT_TYPE_SLUGS)[number];

/** Type codes as they appear in symbols. Keys are case-sensitive (CTr ≠ CT, TTr ≠ TT). */
export const TYPE_CODES: Readonly<Record<string, DocumentTypeSlug>> = {
  'NQ': 'nghi-quyet', 'QĐ': 'quyet-dinh', 'QD': 'quyet-dinh', 'CT': 'chi-thi', 'QC': 'quy-che',
  'QyĐ': 'quy-dinh', 'QyD': 'quy-dinh', 'TC': 'thong-cao', 'TB': 'thong-bao', 'HD': 'huong-dan',
  'CTr': 'chuong-trinh', 'KH': 'ke-hoach', 'PA': 'phuong-an', 'ĐA': 'de-an', 'DA': 'du-an', 'BC': 'bao-cao',
  'BB': 'bien-ban', 'TTr': 'to-trinh', 'HĐ': 'hop-dong', 'CĐ': 'cong-dien', 'BGN': 'ban-ghi-nho',
  'BTT': 'ban-thoa-thuan', 'GUQ': 'giay-uy-quyen', 'GM': 'giay-moi', 'GGT': 'giay-gioi-thieu',
  'GNP': 'giay-nghi-phep', 'PG': 'phieu-gui', 'PC': 'phieu-chuyen', 'PB': 'phieu-bao',
  'NĐ': 'nghi-dinh', 'ND': 'nghi-dinh', 'NĐCP': 'nghi-dinh', 'TT': 'thong-tu', 'TTLT': 'thong-tu-lien-tich',
  'TTL': 'thong-tu-lien-tich', 'KL': 'ket-luan', 'VBHN': 'van-ban-hop-nhat', 'L': 'lenh', 'SY': 'ban-sao',
  'TrS': 'ban-sao', 'SL': 'ban-sao', 'HDTH': 'huong-dan',
};
