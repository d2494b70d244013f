import type { CorpusCase } from '../corpus.js';

/** The seed's first and sixth paragraphs (issuer SKH&CN: KH 286, KH 361, CV 418, CV 1189). */
const SEED = `Kế hoạch số 286/KH-SKH&CN ngày 02/3/2022 về phát động chuyên đề thi đua "Đẩy mạnh cải cách hành chính" năm 2023; Kế hoạch số 361/KH-SKH&CN ngày 17/3/2023 thông tin, tuyên truyền về công tác cải cách hành chính năm 2023 của Sở Khoa học và Công nghệ.
Sở Khoa học và Công nghệ đã đề nghị Sở Tài chính tại Công văn số 418/SKH&CN-VP ngày 27/3/2023 về việc góp ý phương án tự chủ giai đoạn 2023-2025. Các đơn vị đã thuyết minh bổ sung tại Công văn số 1189/SKH&CN-VP ngày 24/8/2023 chuyển Sở Tài chính góp ý lần 2.`;

const seedRefs = (d286: string, iso286: string) => [
  { at: `Kế hoạch số 286/KH-SKH&CN ngày ${d286}`, symbol: '286/KH-SKH&CN', issuedOn: iso286 },
  { at: 'Kế hoạch số 361/KH-SKH&CN ngày 17/3/2023', symbol: '361/KH-SKH&CN', issuedOn: '2023-03-17' },
  { at: 'Công văn số 418/SKH&CN-VP ngày 27/3/2023', symbol: '418/SKH&CN-VP', issuedOn: '2023-03-27', category: 'cong-van' as const },
  { at: 'Công văn số 1189/SKH&CN-VP ngày 24/8/2023', symbol: '1189/SKH&CN-VP', issuedOn: '2023-08-24', category: 'cong-van' as const },
];

export const numberOrderCases: CorpusCase[] = [
  {
    name: 'seed: 361 → 418 → 1189 rise with their dates',
    text: SEED,
    references: seedRefs('02/3/2022', '2022-03-02'),
    expect: 0,
  },
  {
    name: 'same type, higher number earlier: 361 on 17/3 but 300 on 20/5',
    text: 'Kế hoạch số 361/KH-SNV ngày 17/3/2023 và Kế hoạch số 300/KH-SNV ngày 20/5/2023 về cải cách hành chính.',
    references: [
      { at: 'Kế hoạch số 361/KH-SNV ngày 17/3/2023', symbol: '361/KH-SNV', issuedOn: '2023-03-17' },
      { at: 'Kế hoạch số 300/KH-SNV ngày 20/5/2023', symbol: '300/KH-SNV', issuedOn: '2023-05-20' },
    ],
    expect: 1,
  },
  {
    name: 'shared counter with an outlier: KH 120, CV 135, KH 150, CV 90 (dated last), CV 210',
    text: 'KH số 120/KH-STP ngày 01/3/2023; CV số 135/STP-VP ngày 10/3/2023; KH số 150/KH-STP ngày 20/3/2023; CV số 90/STP-VP ngày 30/3/2023; CV số 210/STP-VP ngày 15/4/2023.',
    references: [
      { at: 'KH số 120/KH-STP ngày 01/3/2023', symbol: '120/KH-STP', issuedOn: '2023-03-01' },
      { at: 'CV số 135/STP-VP ngày 10/3/2023', symbol: '135/STP-VP', issuedOn: '2023-03-10', category: 'cong-van' },
      { at: 'KH số 150/KH-STP ngày 20/3/2023', symbol: '150/KH-STP', issuedOn: '2023-03-20' },
      { at: 'CV số 90/STP-VP ngày 30/3/2023', symbol: '90/STP-VP', issuedOn: '2023-03-30', category: 'cong-van' },
      { at: 'CV số 210/STP-VP ngày 15/4/2023', symbol: '210/STP-VP', issuedOn: '2023-04-15', category: 'cong-van' },
    ],
    expect: 1,
    evidence: ['CV số 90/STP-VP ngày 30/3/2023'],
  },
  {
    name: 'per-type counters: KH 5, 9 and QĐ 120, 160 interleave in date but each type rises',
    text: 'KH số 5/KH-UBND ngày 10/1/2023; QĐ số 120/QĐ-UBND ngày 20/1/2023; KH số 9/KH-UBND ngày 15/2/2023; QĐ số 160/QĐ-UBND ngày 01/3/2023.',
    references: [
      { at: 'KH số 5/KH-UBND ngày 10/1/2023', symbol: '5/KH-UBND', issuedOn: '2023-01-10' },
      { at: 'QĐ số 120/QĐ-UBND ngày 20/1/2023', symbol: '120/QĐ-UBND', issuedOn: '2023-01-20' },
      { at: 'KH số 9/KH-UBND ngày 15/2/2023', symbol: '9/KH-UBND', issuedOn: '2023-02-15' },
      { at: 'QĐ số 160/QĐ-UBND ngày 01/3/2023', symbol: '160/QĐ-UBND', issuedOn: '2023-03-01' },
    ],
    expect: 0,
  },
  {
    name: 'different years are different series',
    text: 'Kế hoạch số 361/KH-SNV ngày 17/3/2022 và Kế hoạch số 300/KH-SNV ngày 20/5/2023.',
    references: [
      { at: 'Kế hoạch số 361/KH-SNV ngày 17/3/2022', symbol: '361/KH-SNV', issuedOn: '2022-03-17' },
      { at: 'Kế hoạch số 300/KH-SNV ngày 20/5/2023', symbol: '300/KH-SNV', issuedOn: '2023-05-20' },
    ],
    expect: 0,
  },
  {
    name: 'normative series per type: NQ-HĐND and QĐ-UBND are not compared',
    text: 'Nghị quyết số 05/2023/NQ-HĐND ngày 13/7/2023; Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023; Quyết định số 30/2023/QĐ-UBND ngày 01/6/2023.',
    references: [
      { at: 'Nghị quyết số 05/2023/NQ-HĐND ngày 13/7/2023', symbol: '05/2023/NQ-HĐND', issuedOn: '2023-07-13' },
      { at: 'Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023', symbol: '23/2023/QĐ-UBND', issuedOn: '2023-11-02' },
      { at: 'Quyết định số 30/2023/QĐ-UBND ngày 01/6/2023', symbol: '30/2023/QĐ-UBND', issuedOn: '2023-06-01' },
    ],
    expect: 1,
    evidence: ['Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023'],
  },
  {
    name: 'Ban Chỉ đạo has its own series',
    text: 'Kế hoạch số 361/KH-SNV ngày 17/3/2023; Kế hoạch số 12/KH-BCĐ ngày 20/5/2023.',
    references: [
      { at: 'Kế hoạch số 361/KH-SNV ngày 17/3/2023', symbol: '361/KH-SNV', issuedOn: '2023-03-17' },
      { at: 'Kế hoạch số 12/KH-BCĐ ngày 20/5/2023', symbol: '12/KH-BCĐ', issuedOn: '2023-05-20' },
    ],
    expect: 0,
  },
  {
    name: 'UBND huyện and UBND xã number separately (18/KH-UBND of the district, 05/KH-UBND of the commune)',
    text: 'Căn cứ Kế hoạch 18/KH-UBND ngày 10/01/2019 của UBND huyện Bến Lức về cải cách hành chính năm 2019, UBND xã ban hành Kế hoạch số 05/KH-UBND ngày 22/01/2019 thực hiện công tác CCHC.',
    references: [
      { at: 'Kế hoạch 18/KH-UBND ngày 10/01/2019', symbol: '18/KH-UBND', issuedOn: '2019-01-10', issuer: 'UBND huyện Bến Lức' },
      { at: 'Kế hoạch số 05/KH-UBND ngày 22/01/2019', symbol: '05/KH-UBND', issuedOn: '2019-01-22' },
    ],
    expect: 0,
  },
];

export const dateYearCases: CorpusCase[] = [
  {
    name: 'seed: 286/KH-SKH&CN ngày 02/3/2022 about 2023, among 2023 numbers 361, 418, 1189',
    text: SEED,
    references: seedRefs('02/3/2022', '2022-03-02'),
    expect: 1,
    evidence: ['Kế hoạch số 286/KH-SKH&CN ngày 02/3/2022'],
  },
  {
    name: 'seed corrected to 02/3/2023: nothing',
    text: SEED.replace('02/3/2022', '02/3/2023'),
    references: seedRefs('02/3/2023', '2023-03-02'),
    expect: 0,
  },
  {
    name: 'seed, facts only, subject given',
    text: SEED,
    references: seedRefs('02/3/2022', '2022-03-02').map((r, i) => (i === 0 ? { ...r, subject: 'về phát động chuyên đề thi đua năm 2023' } : r)),
    withoutText: true,
    expect: 1,
  },
  {
    name: 'a genuine 2022 plan about 2022 beside 2023 documents',
    text: SEED.replace('năm 2023;', 'năm 2022;'),
    references: seedRefs('02/3/2022', '2022-03-02'),
    expect: 0,
  },
  {
    name: 'number does not fit the 2023 series (500 before 361)',
    text: SEED.replace('286/KH-SKH&CN', '500/KH-SKH&CN'),
    references: seedRefs('02/3/2022', '2022-03-02').map((r, i) => (i === 0 ? { ...r, at: 'Kế hoạch số 500/KH-SKH&CN ngày 02/3/2022', symbol: '500/KH-SKH&CN' } : r)),
    expect: 0,
  },
  {
    name: 'a plan for next year issued in December (4512/KH-UBND ngày 28/12/2022 … năm 2023) is ordinary',
    text: 'Thực hiện Kế hoạch số 4512/KH-UBND ngày 28/12/2022 của Ủy ban nhân dân tỉnh về cải cách hành chính tỉnh Long An năm 2023 và Kế hoạch số 1456/KH-UBND ngày 15/5/2023, Kế hoạch số 1850/KH-UBND ngày 10/11/2023 của Ủy ban nhân dân tỉnh.',
    references: [
      { at: 'Kế hoạch số 4512/KH-UBND ngày 28/12/2022', symbol: '4512/KH-UBND', issuedOn: '2022-12-28', issuer: 'Ủy ban nhân dân tỉnh' },
      { at: 'Kế hoạch số 1456/KH-UBND ngày 15/5/2023', symbol: '1456/KH-UBND', issuedOn: '2023-05-15', issuer: 'Ủy ban nhân dân tỉnh' },
      { at: 'Kế hoạch số 1850/KH-UBND ngày 10/11/2023', symbol: '1850/KH-UBND', issuedOn: '2023-11-10', issuer: 'Ủy ban nhân dân tỉnh' },
    ],
    expect: 0,
  },
  {
    name: 'per-type counters: one QĐ and one CV of 2023 are no series for a KH',
    text: 'Kế hoạch số 4512/KH-UBND ngày 20/6/2022 về cải cách hành chính năm 2023; Quyết định số 1456/QĐ-UBND ngày 15/5/2023; Công văn số 1850/UBND-NC ngày 10/11/2023.',
    references: [
      { at: 'Kế hoạch số 4512/KH-UBND ngày 20/6/2022', symbol: '4512/KH-UBND', issuedOn: '2022-06-20' },
      { at: 'Quyết định số 1456/QĐ-UBND ngày 15/5/2023', symbol: '1456/QĐ-UBND', issuedOn: '2023-05-15' },
      { at: 'Công văn số 1850/UBND-NC ngày 10/11/2023', symbol: '1850/UBND-NC', issuedOn: '2023-11-10', category: 'cong-van' },
    ],
    expect: 0,
  },
];
