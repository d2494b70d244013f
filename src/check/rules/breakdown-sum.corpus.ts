import type { CorpusCase } from '../corpus.js';

const SEED_STAFF = 'Tổng số biên chế công chức được giao: 36, trong đó: Khối Văn phòng Sở: 24; Chi cục: 12.';

export const cases: CorpusCase[] = [
  {
    name: 'seed: 36 = 24 + 12',
    text: SEED_STAFF,
    metrics: [
      { at: '36', key: 't', value: 36, label: 'biên chế công chức được giao' },
      { at: '24', value: 24, parent: 't', label: 'Khối Văn phòng Sở' },
      { at: '12', value: 12, parent: 't', label: 'Chi cục' },
    ],
    expect: 0,
  },
  {
    name: 'parts exceed the total: 24 + 14 ≠ 36',
    text: SEED_STAFF.replace('Chi cục: 12', 'Chi cục: 14'),
    metrics: [
      { at: '36', key: 't', value: 36 },
      { at: '24', value: 24, parent: 't' },
      { at: '14', value: 14, parent: 't' },
    ],
    expect: 1,
    evidence: ['36', '24', '14'],
  },
  {
    name: 'parts fall short of the total: 24 + 12 ≠ 40',
    text: SEED_STAFF.replace('36', '40'),
    metrics: [
      { at: '40', key: 't', value: 40 },
      { at: '24', value: 24, parent: 't' },
      { at: '12', value: 12, parent: 't' },
    ],
    expect: 1,
  },
  {
    name: 'a bare trong đó may list only some parts: a shortfall is not an error',
    text: 'Tổng thu ngân sách đạt 4.215,6 tỷ đồng, trong đó thu nội địa 2.830 tỷ đồng, thu xuất nhập khẩu 612 tỷ đồng.',
    metrics: [
      { at: '4.215,6 tỷ đồng', key: 't', kind: 'money', value: 4215600000000 },
      { at: '2.830 tỷ đồng', kind: 'money', value: 2830000000000, parent: 't' },
      { at: '612 tỷ đồng', kind: 'money', value: 612000000000, parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'a bare of which whose parts exceed the total is still an error',
    text: 'Revenue was VND 100 billion, of which taxes VND 70 billion and land VND 40 billion.',
    metrics: [
      { at: 'VND 100 billion', key: 't', kind: 'money', value: 100000000000 },
      { at: 'VND 70 billion', kind: 'money', value: 70000000000, parent: 't' },
      { at: 'VND 40 billion', kind: 'money', value: 40000000000, parent: 't' },
    ],
    expect: 1,
  },
  {
    name: 'single part equal to the total (51 TTHC, trong đó 51 mức 4)',
    text: 'Thực hiện công khai 51 TTHC (trong đó: 51 TTHC mức 4).',
    metrics: [
      { at: '51 TTHC', key: 't', value: 51, unit: 'TTHC' },
      { at: ['51 TTHC', 1], value: 51, unit: 'TTHC', parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'single part larger than the total',
    text: 'Thực hiện công khai 51 TTHC (trong đó: 57 TTHC mức 4).',
    metrics: [
      { at: '51 TTHC', key: 't', value: 51 },
      { at: '57 TTHC', value: 57, parent: 't' },
    ],
    expect: 1,
  },
  {
    name: 'approximate total within tolerance (khoảng)',
    text: 'Tiếp nhận khoảng 1.500 hồ sơ, trong đó: cấp tỉnh 1.210 hồ sơ; cấp huyện 301 hồ sơ.',
    metrics: [
      { at: '1.500 hồ sơ', key: 't', value: 1500 },
      { at: '1.210 hồ sơ', value: 1210, parent: 't' },
      { at: '301 hồ sơ', value: 301, parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'approximate total, facts only (approximate flag)',
    text: 'Tiếp nhận 1.500 hồ sơ, trong đó: cấp tỉnh 1.210 hồ sơ; cấp huyện 301 hồ sơ.',
    metrics: [
      { at: '1.500 hồ sơ', key: 't', value: 1500, approximate: true },
      { at: '1.210 hồ sơ', value: 1210, parent: 't' },
      { at: '301 hồ sơ', value: 301, parent: 't' },
    ],
    withoutText: true,
    expect: 0,
  },
  {
    name: 'same numbers without khoảng: exact sum required',
    text: 'Tiếp nhận 1.500 hồ sơ, trong đó: cấp tỉnh 1.210 hồ sơ; cấp huyện 301 hồ sơ.',
    metrics: [
      { at: '1.500 hồ sơ', key: 't', value: 1500 },
      { at: '1.210 hồ sơ', value: 1210, parent: 't' },
      { at: '301 hồ sơ', value: 301, parent: 't' },
    ],
    expect: 1,
  },
  {
    name: 'money parts rounded (0.5% tolerance)',
    text: 'Tổng kinh phí 1.000 triệu đồng, gồm: sự nghiệp 600 triệu đồng, đầu tư 401 triệu đồng.',
    metrics: [
      { at: '1.000 triệu đồng', key: 't', kind: 'money', value: 1_000_000_000 },
      { at: '600 triệu đồng', kind: 'money', value: 600_000_000, parent: 't' },
      { at: '401 triệu đồng', kind: 'money', value: 401_000_000, parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'percent shares of a count total are not summed against it',
    text: 'Tổng số 200 hồ sơ, trong đó 95% đúng hạn, 5% trễ hạn.',
    metrics: [
      { at: '200 hồ sơ', key: 't', value: 200 },
      { at: '95%', kind: 'percent', value: 95, parent: 't' },
      { at: '5%', kind: 'percent', value: 5, parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'dossiers linked to the resolved total are left to sum.identity (pending is not a part of resolved)',
    text: 'Tổng số hồ sơ tiếp nhận: 1.245 hồ sơ; đã giải quyết 1.200 hồ sơ, trong đó: giải quyết trước hạn 300 hồ sơ, đúng hạn 880 hồ sơ, trễ hạn 20 hồ sơ; đang giải quyết 45 hồ sơ.',
    metrics: [
      { at: '1.245 hồ sơ', value: 1245 },
      { at: '1.200 hồ sơ', key: 'r', value: 1200 },
      { at: '300 hồ sơ', value: 300, parent: 'r' },
      { at: '880 hồ sơ', value: 880, parent: 'r' },
      { at: '20 hồ sơ', value: 20, parent: 'r' },
      { at: '45 hồ sơ', value: 45, parent: 'r' },
    ],
    expect: 0,
  },
  {
    name: 'a part marked một phần does not add',
    text: 'Rà soát 22 văn bản, trong đó: hết hiệu lực toàn bộ 08 văn bản, còn hiệu lực 14 văn bản, hết hiệu lực một phần 02 văn bản.',
    metrics: [
      { at: '22 văn bản', key: 't', value: 22, label: 'tổng số' },
      { at: '08 văn bản', value: 8, parent: 't' },
      { at: '14 văn bản', value: 14, parent: 't' },
      { at: '02 văn bản', value: 2, parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'issue 17: a figure of another noun is no part (65 TTHC, trong đó: 25 TTHC … và 40 TTHC …; thuộc 04 lĩnh vực)',
    text: 'Tổng số thủ tục hành chính (TTHC) thuộc thẩm quyền giải quyết là 65 thủ tục hành chính (TTHC), trong đó: 25 TTHC cấp tỉnh và 40 TTHC cấp huyện; thuộc 04 lĩnh vực.',
    metrics: [
      { key: 't', at: '65 thủ tục hành chính', value: 65, unit: 'thủ tục hành chính' },
      { at: '25 TTHC', value: 25, unit: 'TTHC', parent: 't' },
      { at: '40 TTHC', value: 40, unit: 'TTHC', parent: 't' },
      { at: '04 lĩnh vực', value: 4, unit: 'lĩnh vực', parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'same noun by its initials, parts over the total: 65 thủ tục hành chính, trong đó: 25 TTHC và 45 TTHC',
    text: 'Tổng số 65 thủ tục hành chính, trong đó: 25 TTHC cấp tỉnh và 45 TTHC cấp huyện; thuộc 04 lĩnh vực.',
    metrics: [
      { key: 't', at: '65 thủ tục hành chính', value: 65, unit: 'thủ tục hành chính' },
      { at: '25 TTHC', value: 25, unit: 'TTHC', parent: 't' },
      { at: '45 TTHC', value: 45, unit: 'TTHC', parent: 't' },
      { at: '04 lĩnh vực', value: 4, unit: 'lĩnh vực', parent: 't' },
    ],
    expect: 1,
    evidence: ['65 thủ tục hành chính', '25 TTHC', '45 TTHC'],
  },
  {
    name: 'issue 17, generated report: TTHC do Sở giải quyết + liên thông, thuộc 04 lĩnh vực quản lý',
    text: 'Hiện nay, Sở đang thực hiện 74 thủ tục hành chính, trong đó 52 TTHC do Sở giải quyết, 22 TTHC liên thông với cấp huyện, thuộc 04 lĩnh vực quản lý.',
    metrics: [
      { key: 't', at: '74 thủ tục hành chính', value: 74, unit: 'thủ tục hành chính' },
      { at: '52 TTHC', value: 52, unit: 'TTHC', parent: 't' },
      { at: '22 TTHC', value: 22, unit: 'TTHC', parent: 't' },
      { at: '04 lĩnh vực', value: 4, unit: 'lĩnh vực', parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'a target is never a part: 40 biên chế, trong đó: công chức 36, chỉ tiêu tuyển dụng 10',
    text: 'Tổng số biên chế được giao là 40 biên chế, trong đó: công chức 36, chỉ tiêu tuyển dụng 10.',
    metrics: [
      { key: 't', at: '40 biên chế', value: 40, unit: 'biên chế' },
      { at: '36', value: 36, unit: 'biên chế', parent: 't' },
      { at: '10', value: 10, unit: 'biên chế', parent: 't', target: true },
    ],
    expect: 0,
  },
  {
    name: 'a total without a noun: the parts share the noun most of them count (25 TTHC + 40 TTHC; 04 lĩnh vực is no part)',
    text: 'Tổng số thủ tục hành chính thuộc thẩm quyền: 65, trong đó: 25 TTHC cấp tỉnh, 40 TTHC cấp huyện; 04 lĩnh vực.',
    metrics: [
      { key: 't', at: '65', value: 65 },
      { at: '25 TTHC', value: 25, unit: 'TTHC', parent: 't' },
      { at: '40 TTHC', value: 40, unit: 'TTHC', parent: 't' },
      { at: '04 lĩnh vực', value: 4, unit: 'lĩnh vực', parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'categories with nouns of their own, one list right after the total: 64 biên chế (54 công chức, 13 hợp đồng lao động)',
    text: 'Tổng số biên chế được giao: 64 biên chế (54 công chức, 13 hợp đồng lao động).',
    metrics: [
      { key: 't', at: '64 biên chế', value: 64, unit: 'biên chế' },
      { at: '54 công chức', value: 54, unit: 'công chức', parent: 't' },
      { at: '13 hợp đồng', value: 13, unit: 'hợp đồng', parent: 't' },
    ],
    expect: 1,
  },
  {
    name: 'the same categories adding up: 67 biên chế (54 công chức, 13 hợp đồng lao động)',
    text: 'Tổng số biên chế được giao: 67 biên chế (54 công chức, 13 hợp đồng lao động).',
    metrics: [
      { key: 't', at: '67 biên chế', value: 67, unit: 'biên chế' },
      { at: '54 công chức', value: 54, unit: 'công chức', parent: 't' },
      { at: '13 hợp đồng', value: 13, unit: 'hợp đồng', parent: 't' },
    ],
    expect: 0,
  },
  {
    name: 'figures of other nouns after a clause break describe the total: 12 phòng; 30 công chức, 45 viên chức',
    text: 'Sở có 12 phòng; bố trí 30 công chức, 45 viên chức.',
    metrics: [
      { key: 't', at: '12 phòng', value: 12, unit: 'phòng' },
      { at: '30 công chức', value: 30, unit: 'công chức', parent: 't' },
      { at: '45 viên chức', value: 45, unit: 'viên chức', parent: 't' },
    ],
    expect: 0,
  },
];
