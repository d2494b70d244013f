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
    name: 'issue 17, premise not met: reviewed 25 vs the systematization 08 + 14 (another process, other documents)',
    text: SEED_REVIEW.replace('22 văn bản', '25 văn bản'),
    metrics: reviewMetrics(SEED_REVIEW, '25', '08', '14'),
    expect: 0,
  },
  {
    name: 'issue 17, premise not met: in force changed in the systematization: 22 vs 08 + 16',
    text: SEED_REVIEW.replace('14 văn bản', '16 văn bản'),
    metrics: reviewMetrics(SEED_REVIEW, '22', '08', '16'),
    expect: 0,
  },
  {
    name: 'issue 17, generated report: the review (16) and a five-year systematization (42 + 07) do not add up, and need not',
    text: '- Số lượng văn bản đã được rà soát trong năm: 16 văn bản; kiến nghị sửa đổi, bổ sung 04 văn bản.\n- Kết quả hệ thống hóa văn bản quy phạm pháp luật kỳ 2018-2022: Văn bản còn hiệu lực: 42 văn bản; Văn bản hết hiệu lực toàn bộ: 07 văn bản; Văn bản hết hiệu lực một phần: 05 văn bản.',
    metrics: [
      { at: '16 văn bản', value: 16, unit: 'văn bản', label: 'Số lượng văn bản đã được rà soát trong năm' },
      { at: '04 văn bản', value: 4, unit: 'văn bản', label: 'sửa đổi, bổ sung' },
      { at: '42 văn bản', value: 42, unit: 'văn bản', label: 'Văn bản còn hiệu lực' },
      { at: '07 văn bản', value: 7, unit: 'văn bản', label: 'Văn bản hết hiệu lực toàn bộ' },
      { at: '05 văn bản', value: 5, unit: 'văn bản', label: 'Văn bản hết hiệu lực một phần' },
    ],
    expect: 0,
  },
  {
    name: 'one process: the review states its own in-force / expired results, 25 ≠ 08 + 14',
    text: '+ Số lượng văn bản đã được kiểm tra, rà soát: 25 văn bản.\n+ Kết quả kiểm tra, rà soát về hiệu lực: Văn bản hết hiệu lực toàn bộ: 08 văn bản; Văn bản còn hiệu lực: 14 văn bản; Văn bản hết hiệu lực một phần: 02 văn bản.',
    metrics: [
      { at: '25 văn bản', value: 25, unit: 'văn bản', label: 'văn bản đã được kiểm tra, rà soát' },
      { at: '08 văn bản', value: 8, unit: 'văn bản', label: 'Văn bản hết hiệu lực toàn bộ' },
      { at: '14 văn bản', value: 14, unit: 'văn bản', label: 'Văn bản còn hiệu lực' },
      { at: '02 văn bản', value: 2, unit: 'văn bản', label: 'Văn bản hết hiệu lực một phần' },
    ],
    expect: 1,
    evidence: ['25 văn bản', '08 văn bản', '14 văn bản'],
  },
  {
    name: 'one process, in one sentence: rà soát 30 văn bản, còn hiệu lực 20, hết hiệu lực 08 (30 ≠ 28)',
    text: 'Đã rà soát 30 văn bản, trong đó còn hiệu lực 20 văn bản, hết hiệu lực toàn bộ 08 văn bản.',
    metrics: [
      { at: '30 văn bản', value: 30, unit: 'văn bản' },
      { at: '20 văn bản', value: 20, unit: 'văn bản' },
      { at: '08 văn bản', value: 8, unit: 'văn bản' },
    ],
    expect: 1,
  },
  {
    name: 'one process, consistent: rà soát 28 văn bản, còn hiệu lực 20, hết hiệu lực 08',
    text: 'Đã rà soát 28 văn bản, trong đó còn hiệu lực 20 văn bản, hết hiệu lực toàn bộ 08 văn bản.',
    metrics: [
      { at: '28 văn bản', value: 28, unit: 'văn bản' },
      { at: '20 văn bản', value: 20, unit: 'văn bản' },
      { at: '08 văn bản', value: 8, unit: 'văn bản' },
    ],
    expect: 0,
  },
  {
    name: 'issue 17, generated report: online dossiers in brackets are no total; resolved (keyed on-time by the extractor) is not an on-time term',
    text: '- Kết quả giải quyết TTHC: tiếp nhận 2.560 hồ sơ (2.157 hồ sơ trực tuyến), đã giải quyết đúng hạn 2.507 hồ sơ, trễ hạn 8 hồ sơ, đang giải quyết 45 hồ sơ.\n- Trong năm, Sở đã tiếp nhận 2.345 hồ sơ, trong đó trực tuyến 1.564 hồ sơ; đã giải quyết 2.287 hồ sơ (đúng hạn và trước hạn 2.284 hồ sơ, quá hạn 3 hồ sơ); đang giải quyết 58 hồ sơ.',
    metrics: [
      { key: 'r1', at: '2.560 hồ sơ', value: 2560, unit: 'hồ sơ', indicator: 'tthc.dossiers_received' },
      { at: '2.157 hồ sơ', value: 2157, unit: 'hồ sơ', parent: 'r1' },
      { at: '2.507 hồ sơ', value: 2507, unit: 'hồ sơ' },
      { at: '8 hồ sơ', value: 8, unit: 'hồ sơ', indicator: 'tthc.dossiers_late' },
      { at: '45 hồ sơ', value: 45, unit: 'hồ sơ', indicator: 'tthc.dossiers_pending' },
      { key: 'r2', at: '2.345 hồ sơ', value: 2345, unit: 'hồ sơ', indicator: 'tthc.dossiers_received' },
      { at: '1.564 hồ sơ', value: 1564, unit: 'hồ sơ', parent: 'r2', indicator: 'tthc.dossiers_online' },
      { key: 'res', at: '2.287 hồ sơ', value: 2287, unit: 'hồ sơ', indicator: 'tthc.dossiers_resolved_ontime' },
      { at: '2.284 hồ sơ', value: 2284, unit: 'hồ sơ', parent: 'res' },
      { at: '3 hồ sơ', value: 3, unit: 'hồ sơ', parent: 'res', indicator: 'tthc.dossiers_late' },
      { at: '58 hồ sơ', value: 58, unit: 'hồ sơ', indicator: 'tthc.dossiers_pending' },
    ],
    expect: 0,
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
