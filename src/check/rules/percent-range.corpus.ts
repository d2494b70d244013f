import type { CorpusCase } from '../corpus.js';

export const cases: CorpusCase[] = [
  {
    name: 'seed: 100% công chức',
    text: 'Hệ thống thư điện tử công vụ tỉnh: được cấp cho 100% công chức.',
    metrics: [{ at: '100% công chức', kind: 'percent', value: 100 }],
    expect: 0,
  },
  {
    name: '105% văn bản đến',
    text: 'thường xuyên (105% văn bản đến được cập nhật và xử lý trên phần mềm)',
    metrics: [{ at: '105% văn bản đến', kind: 'percent', value: 105 }],
    expect: 1,
  },
  {
    name: '120,5% hồ sơ',
    text: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 120,5%.',
    metrics: [{ at: '120,5%', kind: 'percent', value: 120.5 }],
    expect: 1,
  },
  {
    name: 'plan achievement may exceed 100',
    text: 'Thu ngân sách đạt 112% kế hoạch năm.',
    metrics: [{ at: '112%', kind: 'percent', value: 112 }],
    expect: 0,
  },
  {
    name: 'growth may exceed 100',
    text: 'Số hồ sơ trực tuyến tăng 150% so với cùng kỳ.',
    metrics: [{ at: '150%', kind: 'percent', value: 150 }],
    expect: 0,
  },
  {
    name: 'capacity use may exceed 100',
    text: 'công suất sử dụng giường bệnh bình quân tuyến tỉnh đạt 104,3%, tuyến huyện đạt 87,6%.',
    metrics: [{ at: '104,3%', kind: 'percent', value: 104.3 }],
    expect: 0,
  },
  {
    name: 'English: share of the estimate may exceed 100',
    text: 'Domestic revenue: VND 12,430 billion, reaching 106.2% of the estimate.',
    metrics: [{ at: '106.2%', kind: 'percent', value: 106.2 }],
    expect: 0,
  },
  {
    name: 'facts only: label says kế hoạch',
    text: 'đạt 104% kế hoạch',
    metrics: [{ at: '104%', kind: 'percent', value: 104, label: 'đạt kế hoạch' }],
    withoutText: true,
    expect: 0,
  },
];
