import type { CorpusCase } from '../corpus.js';

const FIELDS =
  'Thực hiện công khai 51 TTHC thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ (trong đó: 51 TTHC mức 4) gồm 04 lĩnh vực: lĩnh vực hoạt động khoa học và công nghệ, lĩnh vực sở hữu trí tuệ, lĩnh vực năng lượng nguyên tử, an toàn bức xạ và hạt nhân và lĩnh vực tiêu chuẩn đo lường chất lượng trên trang Cổng thông tin điện tử của đơn vị.';
const BULLETINS =
  'Phát hành 02 Tập san khoa học và công nghệ (số tháng 12 năm 2022 và số tháng 5 năm 2023); Phát hành 06 Bản tin Khoa học và Công nghệ phục vụ lãnh đạo và nội bộ (Bản số 01, 02, 03, 04, 05,06-2023).;...ngoài ra, tổ chức treo băng ron tuyên truyền ngày sở hữu tri tuệ thế giới (26/4); Ngày khoa học và công nghệ Việt Nam (18/5).';

export const cases: CorpusCase[] = [
  { name: 'seed: gồm 04 lĩnh vực with four `lĩnh vực` items', text: FIELDS, expect: 0 },
  { name: 'gồm 05 lĩnh vực but four listed', text: FIELDS.replace('04 lĩnh vực', '05 lĩnh vực'), expect: 1, evidence: ['05'] },
  { name: 'gồm 03 lĩnh vực but four listed', text: FIELDS.replace('04 lĩnh vực', '03 lĩnh vực'), expect: 1 },
  { name: 'seed: 02 Tập san (2 issues) and 06 Bản tin (Bản số 01 … 06)', text: BULLETINS, expect: 0 },
  { name: '05 Bản tin but six numbers listed', text: BULLETINS.replace('06 Bản tin', '05 Bản tin'), expect: 1 },
  { name: '03 Tập san but two issues listed', text: BULLETINS.replace('02 Tập san', '03 Tập san'), expect: 1 },
  { name: 'range of issue numbers', text: 'Phát hành 06 bản tin (số 01-06).', expect: 0 },
  { name: 'range of issue numbers, wrong count', text: 'Phát hành 08 bản tin (số 01-06).', expect: 1 },
  {
    name: 'separator list with và: 03 cơ quan (A, B và C)',
    text: 'Phối hợp với 03 cơ quan (Sở Tư pháp, Sở Nội vụ và Sở Tài chính) tổ chức kiểm tra.',
    expect: 0,
  },
  {
    name: 'separator list: 05 cơ quan but at most three listed',
    text: 'Phối hợp với 05 cơ quan (Sở Tư pháp, Sở Nội vụ và Sở Tài chính) tổ chức kiểm tra.',
    expect: 1,
  },
  {
    name: 'an item naming two things with và stays within range',
    text: 'Kiểm tra 02 đơn vị, gồm: Trung tâm Kỹ thuật và Công nghệ Sinh học, Chi cục Tiêu chuẩn Đo lường Chất lượng.',
    expect: 0,
  },
  {
    name: 'colon without gồm/cụ thể is not a list cue',
    text: 'Thay thế: 03 văn bản; Bãi bỏ: 05 văn bản; Sửa đổi, bổ sung: 00 văn bản.',
    expect: 0,
  },
  {
    name: 'bracket holding a breakdown (trong đó) is not a list',
    text: 'Công khai 12 TTHC (trong đó: 8 TTHC mức độ toàn trình, 4 TTHC một phần).',
    expect: 0,
  },
  { name: 'holidays in brackets are not lists', text: 'ngày sở hữu trí tuệ thế giới (26/4); Ngày khoa học và công nghệ Việt Nam (18/5).', expect: 0 },
  { name: 'a breakdown in brackets is not a list: 21 cán bộ, công chức (11 cán bộ, 10 công chức)', text: 'Xã có 21 cán bộ, công chức (11 cán bộ, 10 công chức) và 14 người hoạt động không chuyên trách.', expect: 0 },
  { name: 'a share in brackets is not a list: 18 công chức (chiếm 32,7%)', text: 'Kết quả đánh giá: 18 công chức hoàn thành xuất sắc nhiệm vụ (chiếm 32,7%), 35 công chức hoàn thành tốt nhiệm vụ.', expect: 0 },
];
