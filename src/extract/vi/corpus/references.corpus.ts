/**
 * Reference rules: (input → expected) examples, Duckling-style. This corpus is also the test
 * (test/corpus-vi.test.ts): every listed field must match, and no other reference may be found.
 */
import type { Reference } from '../../../model/report.js';

export interface ReferenceCase {
  input: string;
  expected: Array<Partial<Reference>>;
}

export const REFERENCE_CORPUS: ReferenceCase[] = [
  // rule ref.date-before: the sentence opens with the date of the document it says was issued
  {
    input: 'Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX về việc triển khai cập nhật.',
    expected: [{ symbol: '3280/UBND-VX', type: 'cong-van', issuedOn: '2025-10-28' }],
  },
  {
    input: 'Ngày 28/10/2025, Sở đã họp. Thực hiện Công văn số 3280/UBND-VX về việc triển khai.',
    expected: [{ symbol: '3280/UBND-VX', type: 'cong-van' }],
  },
  // rule ref.named: documents cited by name, with a date or a year
  {
    input: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Luật Đầu tư năm 2020 và Bộ luật Lao động 2019.',
    expected: [
      { name: 'Luật Tổ chức chính quyền địa phương', type: 'luat', category: 'law', issuedOn: '2025-06-16', year: 2025, rule: 'ref.named', key: 'name:luat:luat to chuc chinh quyen dia phuong:2025-06-16' },
      { name: 'Luật Đầu tư', type: 'luat', year: 2020, rule: 'ref.named', key: 'name:luat:luat dau tu:2020' },
      { name: 'Bộ luật Lao động', type: 'bo-luat', year: 2019, rule: 'ref.named' },
    ],
  },
  {
    input: 'Căn cứ Luật Trật tự, an toàn giao thông đường bộ ngày 27 tháng 6 năm 2024; Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu ngày 29/11/2024;',
    expected: [
      { name: 'Luật Trật tự, an toàn giao thông đường bộ', type: 'luat', issuedOn: '2024-06-27', rule: 'ref.named' },
      { name: 'Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu', type: 'luat', issuedOn: '2024-11-29', rule: 'ref.named' },
    ],
  },
  {
    // a name followed by its number is a numbered reference; a name without a date or year is none; `Luật này` is no name
    input: 'Căn cứ Luật Doanh nghiệp số 59/2020/QH14; theo Bộ luật Lao động; Luật này có hiệu lực từ ngày 01/7/2025. Luật Đất đai được sửa đổi năm 2024.',
    expected: [{ symbol: '59/2020/QH14', type: 'luat', category: 'law' }],
  },
  {
    input: 'Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023 của Ủy ban nhân dân tỉnh về quản lý nhiệm vụ khoa học.',
    expected: [{ symbol: '23/2023/QĐ-UBND', type: 'quyet-dinh', category: 'normative', number: '23', year: 2023, typeCode: 'QĐ', issuerCode: 'UBND', issuedOn: '2023-11-02', issuer: 'Ủy ban nhân dân tỉnh', subject: 'quản lý nhiệm vụ khoa học' }],
  },
  {
    input: 'Thực hiện Nghị định 107/2020/NĐ-CP của Chính phủ.',
    expected: [{ symbol: '107/2020/NĐ-CP', type: 'nghi-dinh', issuerCode: 'CP', issuer: 'Chính phủ' }],
  },
  {
    input: 'Kế hoạch số 286/KH-SKH&CN ngày 02/3/2022 về phát động thi đua;',
    expected: [{ symbol: '286/KH-SKH&CN', type: 'ke-hoach', category: 'administrative', typeCode: 'KH', issuerCode: 'SKH&CN', issuedOn: '2022-03-02', subject: 'phát động thi đua' }],
  },
  {
    input: 'Công văn số 335/VPUBND-KSTT ngày 25/5/2023 của Văn phòng Ủy ban nhân dân tỉnh về việc rà soát TTHC.',
    expected: [{ symbol: '335/VPUBND-KSTT', type: 'cong-van', category: 'cong-van', issuerCode: 'VPUBND-KSTT', issuedOn: '2023-05-25', issuer: 'Văn phòng Ủy ban nhân dân tỉnh', subject: 'rà soát TTHC' }],
  },
  {
    input: 'Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 được sửa đổi.',
    expected: [{ symbol: '80/2015/QH13', type: 'luat', category: 'law', issuerCode: 'QH13', year: 2015 }],
  },
  {
    input: 'Quán triệt Nghị quyết số 18-NQ/TW ngày 25/10/2017 và Kế hoạch số 45-KH/TU của Tỉnh ủy.',
    expected: [
      { symbol: '18-NQ/TW', type: 'nghi-quyet', category: 'party', typeCode: 'NQ', issuerCode: 'TW', issuedOn: '2017-10-25' },
      { symbol: '45-KH/TU', type: 'ke-hoach', category: 'party', typeCode: 'KH', issuerCode: 'TU', issuer: 'Tỉnh ủy' },
    ],
  },
  {
    input: 'Theo Thông tư liên tịch số 01/2015/TTLT-BNV-BTC ngày 14/8/2015.',
    expected: [{ symbol: '01/2015/TTLT-BNV-BTC', type: 'thong-tu-lien-tich', category: 'joint', typeCode: 'TTLT', issuerCode: 'BNV-BTC', issuedOn: '2015-08-14' }],
  },
  {
    input: 'các Quyết định số 1234/QĐ-UBND ngày 05/6/2023 và số 1456/QĐ-UBND ngày 20/7/2023 của UBND tỉnh.',
    expected: [
      { symbol: '1234/QĐ-UBND', type: 'quyet-dinh', issuedOn: '2023-06-05' },
      { symbol: '1456/QĐ-UBND', type: 'quyet-dinh', issuedOn: '2023-07-20', issuer: 'UBND tỉnh' },
    ],
  },
  { input: 'theo Quyết định số 2/2019/QÐ-UBND (Ð thay cho Đ)', expected: [{ symbol: '2/2019/QĐ-UBND', type: 'quyet-dinh', number: '2' }] },
  { input: 'Thông tư số 01 /2018/TT- VPCP ngày 23/11/2018', expected: [{ symbol: '01/2018/TT-VPCP', type: 'thong-tu', issuedOn: '2018-11-23' }] },
  { input: 'Nghị quyết số111/2008/NQ-HĐND của HĐND tỉnh', expected: [{ symbol: '111/2008/NQ-HĐND', type: 'nghi-quyet', issuer: 'HĐND tỉnh' }] },
  { input: 'Quyết định 766/QD-TTg ngay 23/6/2022', expected: [{ symbol: '766/QD-TTg', type: 'quyet-dinh', issuerCode: 'TTg', issuedOn: '2022-06-23' }] },
  { input: 'Công văn số 1.189/SKH&CN-VP ngày 24/8/2023', expected: [{ symbol: '1189/SKH&CN-VP', number: '1189', issuedOn: '2023-08-24' }] },
  { input: 'Quyết định số 39/QĐ-\nTrTNCƯD ngày 10/10/2022', expected: [{ symbol: '39/QĐ-TrTNCƯD', issuerCode: 'TrTNCƯD', issuedOn: '2022-10-10' }] },
  { input: 'ban hành ngày 02 tháng 11 năm 2023 theo Quyết định số 23/2023/QĐ-UBND ngày 02 tháng 11 năm 2023.', expected: [{ symbol: '23/2023/QĐ-UBND', issuedOn: '2023-11-02' }] },
  { input: 'Chương trình số 12/CTr-UBND và Tờ trình số 45/TTr-SNV', expected: [{ symbol: '12/CTr-UBND', type: 'chuong-trinh', typeCode: 'CTr' }, { symbol: '45/TTr-SNV', type: 'to-trinh', typeCode: 'TTr' }] },
  { input: 'Nghị quyết số 66.13/2026/NQ-CP của Chính phủ', expected: [{ symbol: '66.13/2026/NQ-CP', number: '66.13', year: 2026 }] },
  { input: 'Chỉ thị số 012/CT-UBND ngày 26/11/2025', expected: [{ symbol: '012/CT-UBND', number: '12', type: 'chi-thi', issuedOn: '2025-11-26' }] },
  { input: 'Quyết định số 42/2022/NĐCP', expected: [{ symbol: '42/2022/NĐCP', type: 'nghi-dinh' }] },
  { input: 'Thực hiện QĐ số 123/QĐ-UBND ngày 5/01/2024 và CV số 45/SNV-CCHC.', expected: [{ symbol: '123/QĐ-UBND', type: 'quyet-dinh', issuedOn: '2024-01-05' }, { symbol: '45/SNV-CCHC', type: 'cong-van', category: 'cong-van' }] },
  { input: 'theo Nghị định số 24/2014/NĐ-CP.\n- Số liệu: 22 văn bản; Công văn số 12/VP.UBND-KT', expected: [{ symbol: '24/2014/NĐ-CP' }, { symbol: '12/VP.UBND-KT', issuerCode: 'VP.UBND-KT' }] },
  // not references
  { input: 'đạt 28/29 nhiệm vụ; ngày 26/4; 01 lần/quý; ISO 9001:2015; giai đoạn 2021-2025; 24/Sở', expected: [] },
  { input: 'Bản số 01, 02, 03, 04, 05,06-2023', expected: [] },
  { input: '82/86 điểm đạt quy chuẩn QCVN 08:2023/BTNMT; TCVN 5945:2005/BKHCN', expected: [] },
];
