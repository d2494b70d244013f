import type { CorpusCase } from '../corpus.js';

const SEED_REVIEW = `+ Số lượng văn bản đã được kiểm tra, rà soát: 22 văn bản.
+ Kết quả xử lý văn bản sau kiểm tra, rà soát: Thay thế: 03 văn bản; Bãi bỏ: 05 văn bản; Sửa đổi, bổ sung: 00 văn bản.
+ Kết quả hệ thống hóa văn bản quy phạm pháp luật:Văn bản hết hiệu lực toàn bộ: 08 văn bản; Văn bản còn hiệu lực: 14 văn bản; Văn bản hết hiệu lực một phần: 02 văn bản.`;

const reviewMetrics = (t: string, reviewed: string, expired: string, inForce: string) => [
  { at: `${reviewed} văn bản`, value: Number(reviewed), unit: 'văn bản', label: 'văn bản đã được kiểm tra, rà soát' },
  { at: '03 văn bản', value: 3, unit: 'văn bản', label: 'Thay thế' },
  { at: '05 văn bản', value: 5, unit: 'văn bản', label: 'Bãi bỏ' },
  { at: '00 văn bản', value: 0, unit: 'văn bản', label: 'Sửa đổi, bổ sung' },
  { at: `${expired} văn bản`, value: Number(expired), unit: 'văn bản', label: 'Văn bản hết hiệu lực toàn bộ' },
  { at: `${inForce} văn bản`, value: Number(inForce), unit: 'văn bản', label: 'Văn bản còn hiệu lực' },
  { at: '02 văn bản', value: 2, unit: 'văn bản', label: 'Văn bản hết hiệu lực một phần' },
].filter(() => t.length > 0);

const DOSSIERS =
  'Tổng số hồ sơ tiếp nhận: 1.245 hồ sơ; đã giải quyết 1.200 hồ sơ, trong đó: giải quyết trước hạn 300 hồ sơ, đúng hạn 880 hồ sơ, trễ hạn 20 hồ sơ; đang giải quyết 45 hồ sơ.';

export const cases: CorpusCase[] = [
  {
    name: 'seed: 22 reviewed = 08 fully expired + 14 in force (02 partly expired not added)',
    text: SEED_REVIEW,
    metrics: reviewMetrics(SEED_REVIEW, '22', '08', '14'),
    expect: 0,
  },
  {
    name: 'seed, facts only (labels): still consistent',
    text: SEED_REVIEW,
    metrics: reviewMetrics(SEED_REVIEW, '22', '08', '14'),
    withoutText: true,
    expect: 0,
  },
  {
    name: 'reviewed 25 ≠ 08 + 14',
    text: SEED_REVIEW.replace('22 văn bản', '25 văn bản'),
    metrics: reviewMetrics(SEED_REVIEW, '25', '08', '14'),
    expect: 1,
    evidence: ['25 văn bản', '08 văn bản', '14 văn bản'],
  },
  {
    name: 'in force changed: 22 ≠ 08 + 16',
    text: SEED_REVIEW.replace('14 văn bản', '16 văn bản'),
    metrics: reviewMetrics(SEED_REVIEW, '22', '08', '16'),
    expect: 1,
  },
  {
    name: 'no in-force figure: nothing to check',
    text: 'Số lượng văn bản đã được kiểm tra, rà soát: 22 văn bản; văn bản hết hiệu lực toàn bộ: 08 văn bản.',
    metrics: [
      { at: '22 văn bản', value: 22 },
      { at: '08 văn bản', value: 8 },
    ],
    expect: 0,
  },
  {
    name: 'dossiers consistent: 1.245 = 1.200 + 45; 1.200 = 300 + 880 + 20',
    text: DOSSIERS,
    metrics: [
      { at: '1.245 hồ sơ', value: 1245 },
      { at: '1.200 hồ sơ', value: 1200 },
      { at: '300 hồ sơ', value: 300 },
      { at: '880 hồ sơ', value: 880 },
      { at: '20 hồ sơ', value: 20 },
      { at: '45 hồ sơ', value: 45 },
    ],
    expect: 0,
  },
  {
    name: 'dossiers: resolved 1.200 ≠ 300 + 890 + 20',
    text: DOSSIERS.replace('880 hồ sơ', '890 hồ sơ'),
    metrics: [
      { at: '1.245 hồ sơ', value: 1245 },
      { at: '1.200 hồ sơ', value: 1200 },
      { at: '300 hồ sơ', value: 300 },
      { at: '890 hồ sơ', value: 890 },
      { at: '20 hồ sơ', value: 20 },
      { at: '45 hồ sơ', value: 45 },
    ],
    expect: 1,
    evidence: ['1.200 hồ sơ', '890 hồ sơ'],
  },
  {
    name: 'dossiers without resolved: received 500 ≠ 450 + 10 + 30',
    text: 'Trong năm, tiếp nhận 500 hồ sơ; giải quyết đúng hạn 450 hồ sơ, trễ hạn 10 hồ sơ, đang giải quyết 30 hồ sơ.',
    metrics: [
      { at: '500 hồ sơ', value: 500 },
      { at: '450 hồ sơ', value: 450 },
      { at: '10 hồ sơ', value: 10 },
      { at: '30 hồ sơ', value: 30 },
    ],
    expect: 1,
  },
  {
    name: 'dossiers without resolved: received 490 = 450 + 10 + 30',
    text: 'Trong năm, tiếp nhận 490 hồ sơ; giải quyết đúng hạn 450 hồ sơ, trễ hạn 10 hồ sơ, đang giải quyết 30 hồ sơ.',
    metrics: [
      { at: '490 hồ sơ', value: 490 },
      { at: '450 hồ sơ', value: 450 },
      { at: '10 hồ sơ', value: 10 },
      { at: '30 hồ sơ', value: 30 },
    ],
    expect: 0,
  },
  {
    name: 'percent shares are not terms',
    text: 'Tiếp nhận 490 hồ sơ; đúng hạn đạt 95%, trễ hạn 2%, đang giải quyết 3%.',
    metrics: [
      { at: '490 hồ sơ', value: 490 },
      { at: '95%', kind: 'percent', value: 95 },
      { at: '2%', kind: 'percent', value: 2 },
      { at: '3%', kind: 'percent', value: 3 },
    ],
    expect: 0,
  },
  {
    name: 'facts only, roles from indicator keys: 500 ≠ 450 + 10 + 30',
    text: 'tiếp nhận 500 hồ sơ; 450 hồ sơ; 10 hồ sơ; 30 hồ sơ',
    metrics: [
      { at: '500 hồ sơ', value: 500, label: 'hồ sơ', indicator: 'tthc.dossiers_received' },
      { at: '450 hồ sơ', value: 450, label: 'hồ sơ', indicator: 'tthc.dossiers_resolved_ontime' },
      { at: '10 hồ sơ', value: 10, label: 'hồ sơ', indicator: 'tthc.dossiers_late' },
      { at: '30 hồ sơ', value: 30, label: 'hồ sơ', indicator: 'tthc.dossiers_pending' },
    ],
    withoutText: true,
    expect: 1,
  },
  {
    name: 'online share in brackets is not the total; apology letters are not late dossiers',
    text: 'Trong kỳ, Sở tiếp nhận 4.826 hồ sơ (trực tuyến 3.910 hồ sơ, chiếm 81%), trong đó: giải quyết đúng hạn 4.702 hồ sơ, trễ hạn 12 hồ sơ, đang giải quyết 112 hồ sơ. Tỷ lệ giải quyết hồ sơ đúng hạn đạt 99,7%. Đã gửi 12 thư xin lỗi đối với các hồ sơ trễ hạn.',
    metrics: [
      { at: '4.826 hồ sơ', value: 4826, unit: 'hồ sơ' },
      { at: '3.910 hồ sơ', value: 3910, unit: 'hồ sơ' },
      { at: '4.702 hồ sơ', value: 4702, unit: 'hồ sơ' },
      { at: '12 hồ sơ', value: 12, unit: 'hồ sơ' },
      { at: '112 hồ sơ', value: 112, unit: 'hồ sơ' },
      { at: '12 thư xin lỗi', value: 12, unit: 'thư xin lỗi' },
    ],
    expect: 0,
  },
  {
    name: 'same, with the total changed: 4.900 ≠ 4.702 + 12 + 112',
    text: 'Trong kỳ, Sở tiếp nhận 4.900 hồ sơ (trực tuyến 3.910 hồ sơ, chiếm 81%), trong đó: giải quyết đúng hạn 4.702 hồ sơ, trễ hạn 12 hồ sơ, đang giải quyết 112 hồ sơ.',
    metrics: [
      { at: '4.900 hồ sơ', value: 4900, unit: 'hồ sơ' },
      { at: '3.910 hồ sơ', value: 3910, unit: 'hồ sơ' },
      { at: '4.702 hồ sơ', value: 4702, unit: 'hồ sơ' },
      { at: '12 hồ sơ', value: 12, unit: 'hồ sơ' },
      { at: '112 hồ sơ', value: 112, unit: 'hồ sơ' },
    ],
    expect: 1,
  },
];
