/**
 * Header rules: (header text → expected report metadata) examples; also the test (test/corpus-vi.test.ts).
 */
import type { ReportMeta } from '../model/report.js';

export interface HeaderCase {
  input: string;
  expected: Partial<ReportMeta>;
}

export const HEADER_CORPUS: HeaderCase[] = [
  // courts and mass organisations (`BCH` = the association's executive committee)
  {
    input: 'TÒA ÁN NHÂN DÂN TỈNH TRÀ VINH\nTÒA ÁN NHÂN DÂN HUYỆN CHÂU THÀNH\nSố: 58/BC-TA\nChâu Thành, ngày 12 tháng 10 năm 2023\n\nBÁO CÁO\nTổng kết công tác năm 2023\n',
    expected: { number: '58/BC-TA', agency: 'Tòa án nhân dân huyện Châu Thành' },
  },
  {
    input: 'HỘI NÔNG DÂN VIỆT NAM\nBCH HỘI NÔNG DÂN TỈNH PHÚ YÊN\n*\nSố: 47-BC/HNDT\nTuy Hòa, ngày 18 tháng 6 năm 2025\n\nBÁO CÁO\nSơ kết 6 tháng đầu năm 2025\n',
    expected: { number: '47-BC/HNDT', agency: 'Hội nông dân tỉnh Phú Yên' },
  },
  {
    input: 'UBND TỈNH LONG AN\nSỞ NỘI VỤ\nSố: 312/BC-SNV\nLong An, ngày 15 tháng 12 năm 2023\n\nBÁO CÁO\nKết quả CCHC năm 2023\nSở Nội vụ báo cáo như sau:\n',
    expected: { number: '312/BC-SNV', issuedOn: '2023-12-15', year: 2023, agency: 'Sở Nội vụ tỉnh Long An' },
  },
  // own number with a thousands dot
  {
    input: 'UBND TỈNH LÂM ĐỒNG\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 1.276/BC-STNMT\nLâm Đồng, ngày 20 tháng 9 năm 2024\n\nBÁO CÁO\nKết quả 9 tháng đầu năm 2024\n',
    expected: { number: '1276/BC-STNMT', issuedOn: '2024-09-20' },
  },
  // Party report: `Số 186-BC/HU`, no colon
  {
    input: 'ĐẢNG BỘ TỈNH ĐẮK LẮK\nHUYỆN ỦY KRÔNG PẮC\n*\nSố 186-BC/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nKrông Pắc, ngày 25 tháng 10 năm 2024\n\nBÁO CÁO\nsơ kết 03 năm thực hiện Nghị quyết số 15-NQ/TU\nHuyện ủy Krông Pắc báo cáo như sau:\n',
    expected: { number: '186-BC/HU', issuedOn: '2024-10-25', agency: 'Huyện ủy Krông Pắc' },
  },
  // an agency name wrapped over two lines
  {
    input: 'UBND TỈNH QUẢNG NGÃI\nSỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 3125/BC-SLĐTBXH\nQuảng Ngãi, ngày 16 tháng 12 năm 2024\n\nBÁO CÁO\nTổng kết công tác năm 2024\nSở Lao động - Thương binh và Xã hội báo cáo như sau:\n',
    expected: { number: '3125/BC-SLĐTBXH', agency: 'Sở Lao động - Thương binh và Xã hội tỉnh Quảng Ngãi' },
  },
  // the type-word line wrapped after `VÀ`; a commune Party committee named by its organisation's line
  {
    input: 'UBND TỈNH NGHỆ AN\nSỞ NÔNG NGHIỆP VÀ\nPHÁT TRIỂN NÔNG THÔN\nSố: 2.145/BC-SNN\nNghệ An, ngày 10 tháng 11 năm 2023\nBÁO CÁO\nKết quả năm 2023\nSở Nông nghiệp và Phát triển nông thôn báo cáo như sau:\n',
    expected: { number: '2145/BC-SNN', agency: 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An' },
  },
  {
    input: 'ĐẢNG BỘ XÃ TÂN HÒA\nĐẢNG ỦY XÃ\nSố: 15-BC/ĐU\nTân Hòa, ngày 01 tháng 12 năm 2025\nBÁO CÁO\nnăm 2025\nĐảng ủy xã Tân Hòa báo cáo như sau:\n',
    expected: { number: '15-BC/ĐU', issuedOn: '2025-12-01', agency: 'Đảng ủy xã Tân Hòa' },
  },
  // agencies outside the UBND/Sở tree: social insurance, banks, universities
  {
    input: 'BẢO HIỂM XÃ HỘI VIỆT NAM\nBẢO HIỂM XÃ HỘI TỈNH THANH HÓA\nSố: 2417/BC-BHXH\nThanh Hóa, ngày 28 tháng 12 năm 2023\n\nBÁO CÁO\nKết quả năm 2023\nBảo hiểm xã hội tỉnh Thanh Hóa báo cáo như sau:\n',
    expected: { number: '2417/BC-BHXH', issuedOn: '2023-12-28', agency: 'Bảo hiểm xã hội tỉnh Thanh Hóa' },
  },
  {
    input: 'NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\nCHI NHÁNH TỈNH NGHỆ AN\nSố: 512/BC-NAG\nNghệ An, ngày 05 tháng 01 năm 2024\n\nBÁO CÁO\nKết quả hoạt động ngân hàng năm 2023\nNgân hàng Nhà nước Chi nhánh tỉnh Nghệ An báo cáo như sau:\n',
    expected: { number: '512/BC-NAG', issuedOn: '2024-01-05', agency: 'Ngân hàng Nhà nước Chi nhánh tỉnh Nghệ An' },
  },
  // an own symbol with digits (`KBKV17`, `PV01`)
  {
    input: 'KHO BẠC NHÀ NƯỚC\nKHO BẠC NHÀ NƯỚC KHU VỰC XVII\nSố: 86/BC-KBKV17\nCần Thơ, ngày 25 tháng 6 năm 2025\n\nBÁO CÁO\n6 tháng đầu năm 2025\n',
    expected: { number: '86/BC-KBKV17', issuedOn: '2025-06-25' },
  },
  // agency from upper-case header lines, never written in the body: sentence-style casing (ND 30)
  {
    input: 'ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN HÒA\nSố: 45/BC-UBND\nTân Hòa, ngày 10 tháng 12 năm 2025\n\nBÁO CÁO\nKết quả công tác năm 2025\n',
    expected: { number: '45/BC-UBND', agency: 'Ủy ban nhân dân phường Tân Hòa' },
  },
  {
    input: 'KHO BẠC NHÀ NƯỚC\nKHO BẠC NHÀ NƯỚC KHU VỰC XVII\nSố: 87/BC-KBKV17\nCần Thơ, ngày 25 tháng 6 năm 2025\n\nBÁO CÁO\n6 tháng đầu năm 2025\n',
    expected: { agency: 'Kho bạc Nhà nước khu vực XVII' },
  },
  {
    input: 'UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 228/BC-SNV\nLâm Đồng, ngày 28 tháng 11 năm 2025\n\nBÁO CÁO\nKết quả năm 2025\n',
    expected: { agency: 'Sở Nội vụ tỉnh Lâm Đồng' },
  },
  {
    input: 'BẢO HIỂM XÃ HỘI VIỆT NAM\nBẢO HIỂM XÃ HỘI TỈNH NGHỆ AN\nSố: 12/BC-BHXH\nNghệ An, ngày 05 tháng 01 năm 2024\n\nBÁO CÁO\nKết quả năm 2023\n',
    expected: { agency: 'Bảo hiểm xã hội tỉnh Nghệ An' },
  },
];
