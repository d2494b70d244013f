import type { CorpusCase } from '../corpus.js';

export const cases: CorpusCase[] = [
  {
    name: 'cited before the report date',
    text: 'Công văn số 1189/SKH&CN-VP ngày 24/8/2023',
    report: { issuedOn: '2023-12-15', year: 2023 },
    references: [{ at: 'Công văn số 1189/SKH&CN-VP ngày 24/8/2023', symbol: '1189/SKH&CN-VP', issuedOn: '2023-08-24' }],
    expect: 0,
  },
  {
    name: 'cited after the report date',
    text: 'Công văn số 1189/SKH&CN-VP ngày 24/12/2023',
    report: { issuedOn: '2023-12-15', year: 2023 },
    references: [{ at: 'Công văn số 1189/SKH&CN-VP ngày 24/12/2023', symbol: '1189/SKH&CN-VP', issuedOn: '2023-12-24' }],
    expect: 1,
  },
  {
    name: 'only the year is known: after its end',
    text: 'Quyết định số 23/2024/QĐ-UBND ngày 02/11/2024',
    report: { year: 2023 },
    references: [{ at: 'Quyết định số 23/2024/QĐ-UBND ngày 02/11/2024', symbol: '23/2024/QĐ-UBND', issuedOn: '2024-11-02' }],
    expect: 1,
  },
  {
    name: 'only the year is known: within it',
    text: 'Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023',
    report: { year: 2023 },
    references: [{ at: 'Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023', symbol: '23/2023/QĐ-UBND', issuedOn: '2023-11-02' }],
    expect: 0,
  },
  {
    name: 'no report date or year: nothing to compare',
    text: 'Quyết định số 23/2030/QĐ-UBND ngày 02/11/2030',
    references: [{ at: 'Quyết định số 23/2030/QĐ-UBND ngày 02/11/2030', symbol: '23/2030/QĐ-UBND', issuedOn: '2030-11-02' }],
    expect: 0,
  },
];
