import type { CorpusCase } from '../corpus.js';

export const cases: CorpusCase[] = [
  {
    name: '29/02/2024 exists',
    text: 'Kế hoạch số 12/KH-UBND ngày 29/02/2024',
    references: [{ at: 'Kế hoạch số 12/KH-UBND ngày 29/02/2024', symbol: '12/KH-UBND', issuedOn: '2024-02-29' }],
    dates: [{ at: '29/02/2024', value: '2024-02-29' }],
    expect: 0,
  },
  {
    name: '29/02/2023 does not',
    text: 'Kế hoạch số 12/KH-UBND ngày 29/02/2023',
    references: [{ at: 'Kế hoạch số 12/KH-UBND ngày 29/02/2023', symbol: '12/KH-UBND', issuedOn: '2023-02-29' }],
    expect: 1,
  },
  {
    name: 'already reported by the extractor: not repeated',
    text: 'Kế hoạch số 12/KH-UBND ngày 31/4/2023',
    references: [{ at: 'Kế hoạch số 12/KH-UBND ngày 31/4/2023', symbol: '12/KH-UBND', issuedOn: '2023-04-31' }],
    findings: [
      { id: 'x', rule: 'date.impossible', severity: 'error', message: 'no 31 April', evidence: [{ start: 28, end: 37, text: '31/4/2023' }] },
    ],
    expect: 0,
  },
];
