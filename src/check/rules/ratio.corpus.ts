import type { CorpusCase } from '../corpus.js';

export const partExceedsWholeCases: CorpusCase[] = [
  {
    name: '15/20 xã is fine',
    text: 'Có 15/20 xã đạt chuẩn.',
    metrics: [{ at: '15/20 xã', kind: 'ratio', value: 15, denominator: 20 }],
    expect: 0,
  },
  {
    name: '22/20 xã: part larger than whole',
    text: 'Có 22/20 xã đạt chuẩn.',
    metrics: [{ at: '22/20 xã', kind: 'ratio', value: 22, denominator: 20 }],
    expect: 1,
  },
  {
    name: 'frequency 01 lần/quý is not a ratio',
    text: 'chế độ in sổ công văn đi, đến định kỳ: 01 lần/quý',
    metrics: [{ at: '01 lần/quý', kind: 'frequency', value: 1 }],
    expect: 0,
  },
];

export const rateMismatchCases: CorpusCase[] = [
  {
    name: 'x/y then rate: 950/1.000 = 95%',
    text: 'Đã giải quyết 950/1.000 hồ sơ, đạt 95%.',
    metrics: [
      { at: '950/1.000 hồ sơ', kind: 'ratio', value: 950, denominator: 1000 },
      { at: '95%', kind: 'percent', value: 95 },
    ],
    expect: 0,
  },
  {
    name: 'x/y then rate: 950/1.000 ≠ 98%',
    text: 'Đã giải quyết 950/1.000 hồ sơ, đạt 98%.',
    metrics: [
      { at: '950/1.000 hồ sơ', kind: 'ratio', value: 950, denominator: 1000 },
      { at: '98%', kind: 'percent', value: 98 },
    ],
    expect: 1,
    evidence: ['98%', '950/1.000 hồ sơ'],
  },
  {
    name: 'rounded: 2/3 = 66,67%',
    text: 'Có 2/3 đơn vị hoàn thành, đạt 66,67%.',
    metrics: [
      { at: '2/3 đơn vị', kind: 'ratio', value: 2, denominator: 3 },
      { at: '66,67%', kind: 'percent', value: 66.67 },
    ],
    expect: 0,
  },
  {
    name: 'truncated: 2/3 written as 66%',
    text: 'Có 2/3 đơn vị hoàn thành, đạt 66%.',
    metrics: [
      { at: '2/3 đơn vị', kind: 'ratio', value: 2, denominator: 3 },
      { at: '66%', kind: 'percent', value: 66 },
    ],
    expect: 0,
  },
  {
    name: 'rounded: 2/3 written as 67%',
    text: 'Có 2/3 đơn vị hoàn thành, đạt 67%.',
    metrics: [
      { at: '2/3 đơn vị', kind: 'ratio', value: 2, denominator: 3 },
      { at: '67%', kind: 'percent', value: 67 },
    ],
    expect: 0,
  },
  {
    name: 'two counts then đạt tỷ lệ: 1.180 of 1.245 = 94,78% ≈ 94,8%',
    text: 'Tiếp nhận 1.245 hồ sơ, đã giải quyết đúng hạn 1.180 hồ sơ, đạt tỷ lệ 94,8%.',
    metrics: [
      { at: '1.245 hồ sơ', value: 1245, unit: 'hồ sơ' },
      { at: '1.180 hồ sơ', value: 1180, unit: 'hồ sơ' },
      { at: '94,8%', kind: 'percent', value: 94.8 },
    ],
    expect: 0,
  },
  {
    name: 'two counts then đạt tỷ lệ: 1.180 of 1.245 ≠ 97,5%',
    text: 'Tiếp nhận 1.245 hồ sơ, đã giải quyết đúng hạn 1.180 hồ sơ, đạt tỷ lệ 97,5%.',
    metrics: [
      { at: '1.245 hồ sơ', value: 1245, unit: 'hồ sơ' },
      { at: '1.180 hồ sơ', value: 1180, unit: 'hồ sơ' },
      { at: '97,5%', kind: 'percent', value: 97.5 },
    ],
    expect: 1,
  },
  {
    name: 'seed: 100% văn bản đến with no numbers around',
    text: 'thường xuyên (100% văn bản đến, 100% văn bản đi được cập nhật và xử lý trên phần mềm)',
    metrics: [
      { at: '100% văn bản đến', kind: 'percent', value: 100 },
      { at: '100% văn bản đi', kind: 'percent', value: 100 },
    ],
    expect: 0,
  },
  {
    name: 'counts of different units are not a rate',
    text: 'Có 12 đơn vị với 300 công chức, đạt 80%.',
    metrics: [
      { at: '12 đơn vị', value: 12, unit: 'đơn vị' },
      { at: '300 công chức', value: 300, unit: 'công chức' },
      { at: '80%', kind: 'percent', value: 80 },
    ],
    expect: 0,
  },
  {
    name: 'percent without a cue word is not a rate of the counts',
    text: 'Tiếp nhận 1.245 hồ sơ, giải quyết 1.180 hồ sơ (tăng 12% so với năm trước).',
    metrics: [
      { at: '1.245 hồ sơ', value: 1245, unit: 'hồ sơ' },
      { at: '1.180 hồ sơ', value: 1180, unit: 'hồ sơ' },
      { at: '12%', kind: 'percent', value: 12 },
    ],
    expect: 0,
  },
  {
    name: 'issue 17 (real PDF ld-2025-snv-bc228): a target is never an actual — 38/124 UBND cấp xã, chỉ tiêu đề ra là tối thiểu 20%',
    text: 'đã tổ chức kiểm tra 42/139 cơ quan đơn vị, địa phương, đạt tỷ lệ 30% (4/15 sở, ngành và 38/124 UBND cấp xã, chỉ tiêu đề ra là tối thiểu 20%).',
    metrics: [
      { at: '42/139 cơ quan', kind: 'ratio', value: 42, denominator: 139, unit: 'cơ quan' },
      { at: '30%', kind: 'percent', value: 30 },
      { at: '4/15 sở', kind: 'ratio', value: 4, denominator: 15, unit: 'sở' },
      { at: '38/124 UBND', kind: 'ratio', value: 38, denominator: 124, unit: 'UBND' },
      { at: '20%', kind: 'percent', value: 20, target: true },
    ],
    expect: 0,
  },
  {
    name: 'the same sentence with the achieved rate wrong still fires: 42/139 ≠ 40%',
    text: 'đã tổ chức kiểm tra 42/139 cơ quan đơn vị, địa phương, đạt tỷ lệ 40% (4/15 sở, ngành và 38/124 UBND cấp xã, chỉ tiêu đề ra là tối thiểu 20%).',
    metrics: [
      { at: '42/139 cơ quan', kind: 'ratio', value: 42, denominator: 139, unit: 'cơ quan' },
      { at: '40%', kind: 'percent', value: 40 },
      { at: '4/15 sở', kind: 'ratio', value: 4, denominator: 15, unit: 'sở' },
      { at: '38/124 UBND', kind: 'ratio', value: 38, denominator: 124, unit: 'UBND' },
      { at: '20%', kind: 'percent', value: 20, target: true },
    ],
    expect: 1,
    evidence: ['40%', '42/139 cơ quan'],
  },
  {
    name: 'issue 17, generated report: đã kiểm tra 5/10 phòng, chỉ tiêu đề ra là tối thiểu 20%',
    text: 'Đã tổ chức kiểm tra công tác cải cách hành chính tại 5/10 phòng, đơn vị trực thuộc, chỉ tiêu đề ra là tối thiểu 20%.',
    metrics: [
      { at: '5/10 phòng', kind: 'ratio', value: 5, denominator: 10, unit: 'phòng' },
      { at: '20%', kind: 'percent', value: 20, target: true },
    ],
    expect: 0,
  },
];
