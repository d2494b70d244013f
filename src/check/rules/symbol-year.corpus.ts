import type { CorpusCase } from '../corpus.js';

export const cases: CorpusCase[] = [
  {
    name: 'seed: 05/2023/NQ-HĐND ngày 13/7/2023',
    text: 'Nghị quyết số 05/2023/NQ-HĐND ngày 13/7/2023 của Hội đồng nhân dân tỉnh',
    references: [{ at: 'Nghị quyết số 05/2023/NQ-HĐND ngày 13/7/2023', symbol: '05/2023/NQ-HĐND', issuedOn: '2023-07-13' }],
    expect: 0,
  },
  {
    name: 'seed: 107/2020/NĐ-CP ngày 14/9/2020',
    text: 'Nghị định số 107/2020/NĐ-CP ngày 14/9/2020 của Chính phủ',
    references: [{ at: 'Nghị định số 107/2020/NĐ-CP ngày 14/9/2020', symbol: '107/2020/NĐ-CP', issuedOn: '2020-09-14' }],
    expect: 0,
  },
  {
    name: '23/2023/QĐ-UBND dated 02/11/2022',
    text: 'Quyết định số 23/2023/QĐ-UBND ngày 02/11/2022 Quy định quản lý nhiệm vụ',
    references: [{ at: 'Quyết định số 23/2023/QĐ-UBND ngày 02/11/2022', symbol: '23/2023/QĐ-UBND', issuedOn: '2022-11-02' }],
    expect: 1,
  },
  {
    name: 'administrative symbol has no year',
    text: 'Kế hoạch số 361/KH-SKH&CN ngày 17/3/2023',
    references: [{ at: 'Kế hoạch số 361/KH-SKH&CN ngày 17/3/2023', symbol: '361/KH-SKH&CN', issuedOn: '2023-03-17' }],
    expect: 0,
  },
  {
    name: 'normative without a date: nothing to compare',
    text: 'Nghị định số 106/2020/NĐ-CP của Chính phủ',
    references: [{ at: 'Nghị định số 106/2020/NĐ-CP', symbol: '106/2020/NĐ-CP' }],
    expect: 0,
  },
];
