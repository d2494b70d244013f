/**
 * English rule pack (issue 7): rule corpora (inputs → expected facts), the English seed against the Vietnamese
 * seed (same document keys), accuracy on the English gold fixtures, and a mixed-language batch whose
 * documents table resolves each cited document in both languages to one key.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { textToDocument } from '../src/ingest/text.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { processFile } from '../src/pipeline/process-file.js';
import { detectLanguage } from '../src/extract/language.js';
import { DATE_RULES } from '../src/extract/en/dates.js';
import { TYPE_WORDS } from '../src/extract/en/lexicon.js';
import { symbolKey } from '../src/extract/symbol-key.js';
import { runEval } from '../src/eval/harness.js';
import type { Report } from '../src/model/report.js';
import { readNdjson, runCli } from './batch-helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EN_SEED = join(ROOT, 'fixtures/text/en-seed-cchc-2023-skhcn-tien-giang.txt');
const VI_SEED = join(ROOT, 'fixtures/text/seed-cchc-2023-skhcn-tien-giang.txt');

function en(text: string): Report {
  const doc = textToDocument(text, { path: 'inline.txt', sha256: '0'.repeat(64), mediaType: 'text/plain', bytes: text.length });
  return extractReport(doc, { language: 'en' });
}

describe('English references', () => {
  it('every type word example gives a reference of its type', () => {
    for (const t of TYPE_WORDS) {
      const r = en(`The unit implemented ${t.example} of the Provincial People's Committee.`);
      expect(r.references, t.example).toHaveLength(1);
      const ref = r.references[0]!;
      // the symbol's type code decides when it has one (Guidance 36-HD/VPTW is huong-dan either way)
      expect(ref.type, t.example).toBe(t.type);
      expect(ref.key).toBe(symbolKey(ref.symbol));
    }
  });

  it('reads number, year, codes, date, issuer and subject as the Vietnamese pack does', () => {
    const r = en("Decision No. 23/2023/QD-UBND dated 2 November 2023 of the Provincial People's Committee on the Regulation on managing tasks; Decree 107/2020/ND-CP.");
    expect(r.references).toHaveLength(2);
    const [d, n] = r.references;
    expect(d).toMatchObject({ type: 'quyet-dinh', category: 'normative', number: '23', year: 2023, symbol: '23/2023/QD-UBND', key: '23/2023/QD-UBND', typeCode: 'QD', issuerCode: 'UBND', issuedOn: '2023-11-02', issuer: "Provincial People's Committee", subject: 'the Regulation on managing tasks' });
    expect(d!.text).toBe('Decision No. 23/2023/QD-UBND dated 2 November 2023');
    expect(n).toMatchObject({ type: 'nghi-dinh', category: 'normative', number: '107', year: 2020, issuerCode: 'CP' });
    expect(n!.issuedOn).toBeUndefined();
    // the date inside the citation is a date fact too, tied to its reference
    const date = r.dates.find((x) => x.value === '2023-11-02');
    expect(date?.referenceId).toBe(d!.id);
  });

  it('QD and QĐ fold to one key; Party, law and joint symbols get their categories', () => {
    expect(symbolKey('23/2023/QD-UBND')).toBe(symbolKey('23/2023/QĐ-UBND'));
    const r = en('Under Conclusion No. 18-KL/TU, Law No. 80/2015/QH13, Joint Circular No. 01/2015/TTLT-BNV-BTC and Official Letter No. 335/VPUBND-KSTT, the unit acted.');
    expect(r.references.map((x) => [x.symbol, x.type, x.category])).toEqual([
      ['18-KL/TU', 'ket-luan', 'party'],
      ['80/2015/QH13', 'luat', 'law'],
      ['01/2015/TTLT-BNV-BTC', 'thong-tu-lien-tich', 'joint'],
      ['335/VPUBND-KSTT', 'cong-van', 'cong-van'],
    ]);
  });
});

describe('English dates', () => {
  it('every rule example is read by its rule', () => {
    for (const rule of DATE_RULES) {
      for (const ex of rule.examples) {
        // a report year, for the rules that resolve a period without a written year (`the second quarter`)
        const r = en(`Reported ${ex} here, in the report for 2024.`);
        const hit = r.dates.find((d) => d.rule === rule.id);
        expect(hit, `${rule.id}: ${ex}`).toBeDefined();
      }
    }
  });

  it('writes values, periods and labels', () => {
    const r = en('In Q1 2023, the first half of 2023 and the first nine months of 2023, during 2023-2025, on November 2, 2023 and 2nd November 2023, and (26 April).');
    const got = r.dates.map((d) => [d.value, d.end ?? null, d.precision, d.label ?? null]);
    expect(got).toEqual([
      ['2023-01', '2023-03', 'period', 'Q1'],
      ['2023-01', '2023-06', 'period', 'H1'],
      ['2023-01', '2023-09', 'period', '9M'],
      ['2023', '2025', 'period', 'range'],
      ['2023-11-02', null, 'day', null],
      ['2023-11-02', null, 'day', null],
      ['--04-26', null, 'day-month', null],
    ]);
  });

  it('upper-case quarters, month ranges, and periods without a year take the report year', () => {
    const r = en('REPORT\nResults in 2024\nKEY TASKS FOR THE FOURTH QUARTER OF 2024. Between January and September 2023 and on 27–28 June 2024, from July to December 2024 and from July 2023 to June 2024 the project ran; in the second quarter and the first half of the year it trained staff.');
    const got = r.dates.filter((d) => d.precision === 'period').map((d) => [d.text, d.value, d.end]);
    expect(got).toEqual([
      ['THE FOURTH QUARTER OF 2024', '2024-10', '2024-12'],
      ['Between January and September 2023', '2023-01', '2023-09'],
      ['27-28 June 2024', '2024-06-27', '2024-06-28'],
      ['from July to December 2024', '2024-07', '2024-12'],
      ['from July 2023 to June 2024', '2023-07', '2024-06'],
      ['the second quarter', '2024-04', '2024-06'],
      ['the first half of the year', '2024-01', '2024-06'],
    ]);
  });

  it('ISO dates; this/last/next year and the previous year take the report year', () => {
    const r = en('REPORT\nResults in 2024\nThe data of 2024-03-31 show growth over last year; this year and next year the plan continues, as in the previous year.');
    expect(r.dates.filter((d) => d.text !== '2024').map((d) => [d.text, d.value, d.precision])).toEqual([
      ['2024-03-31', '2024-03-31', 'day'],
      ['last year', '2023', 'year'],
      ['this year', '2024', 'year'],
      ['next year', '2025', 'year'],
      ['the previous year', '2023', 'year'],
    ]);
  });

  it('numeric dates are day-first unless the document shows month-first, and the reading is recorded', () => {
    const vi = en('Decision No. 5/QD-UBND dated 02/03/2023 of the Provincial People\'s Committee.');
    expect(vi.dates[0]).toMatchObject({ value: '2023-03-02', resolvedFrom: 'day-first' });
    const us = en('The meeting on 02/06/2024 followed the report of 03/31/2024.');
    expect(us.dates.map((d) => [d.value, d.resolvedFrom])).toEqual([
      ['2024-02-06', 'month-first'],
      ['2024-03-31', 'month-first'],
    ]);
    // no sign either way and not a translation: day-first, and an info finding says so
    const bare = en('The meeting was held on 02/06/2024 as planned.');
    expect(bare.dates[0]).toMatchObject({ value: '2024-06-02', resolvedFrom: 'day-first' });
    expect(bare.findings.some((f) => f.rule === 'date-order-assumed' && f.severity === 'info')).toBe(true);
  });

  it('flags impossible dates instead of coercing them', () => {
    const r = en('The plan was signed on 31 April 2023.');
    expect(r.dates.some((d) => d.value.startsWith('2023-04') || d.value === '2023-05-01')).toBe(false);
    expect(r.findings.some((f) => f.rule === 'invalid-date')).toBe(true);
  });
});

describe('English metrics', () => {
  const cases: [string, { kind: string; value: number; unit?: string; text?: string; denominator?: number; per?: string }[]][] = [
    ['In total, 22 legal documents were reviewed.', [{ kind: 'count', value: 22, unit: 'legal documents', text: '22 legal documents' }]],
    ['The Department published twenty-two bulletins and a dozen newsletters.', [
      { kind: 'count', value: 22, unit: 'bulletins' },
      { kind: 'count', value: 12, unit: 'newsletters' },
    ]],
    ['It held one hundred and five training sessions.', [{ kind: 'count', value: 105, unit: 'training sessions' }]],
    ['The budget was VND 1.25 billion.', [{ kind: 'money', value: 1250000000, unit: 'VND', text: 'VND 1.25 billion' }]],
    ['Of this, 1,250 million dong was disbursed.', [{ kind: 'money', value: 1250000000, unit: 'VND' }]],
    ['Registers are printed once a quarter.', [{ kind: 'frequency', value: 1, per: 'quarter', text: 'once a quarter' }]],
    ['Registers are printed 01 time/quarter.', [{ kind: 'frequency', value: 1, per: 'quarter' }]],
    ['Hold two inspections a year; it runs 04 surveys/year and 3 training courses per quarter, 12 working days a year.', [
      { kind: 'frequency', value: 2, per: 'year', text: 'two inspections a year' },
      { kind: 'frequency', value: 4, per: 'year', text: '04 surveys/year' },
      { kind: 'frequency', value: 3, per: 'quarter', text: '3 training courses per quarter' },
      { kind: 'quantity', value: 12, unit: 'working days' },
    ]],
    ['It registered 2,815 cars with more than 9 seats. More than 1,000 people attended; households with over 3 children got 50 gifts.', [
      { kind: 'count', value: 2815, unit: 'cars' },
      { kind: 'count', value: 1000, unit: 'people' },
      { kind: 'count', value: 50, unit: 'gifts' },
    ]],
    ['The province recorded 186 traffic accidents, killing 142 people and injuring 97. It received 120 petitions and resolved 110.', [
      { kind: 'count', value: 186, unit: 'traffic accidents' },
      { kind: 'count', value: 142, unit: 'people' },
      { kind: 'count', value: 97, unit: 'people', text: '97' },
      { kind: 'count', value: 120, unit: 'petitions' },
      { kind: 'count', value: 110, unit: 'petitions', text: '110' },
    ]],
    ['It completed 28 of 29 review tasks.', [{ kind: 'ratio', value: 28, denominator: 29 }]],
    ['It completed 28/29 tasks.', [{ kind: 'ratio', value: 28, denominator: 29 }]],
    ['Accounts were given to 100% of civil servants; the rate was 98.5 percent.', [
      { kind: 'percent', value: 100, unit: '%' },
      { kind: 'percent', value: 98.5, unit: '%' },
    ]],
    ['Issues No. 01, 02, 03 were printed under TCVN ISO 9001:2015 at level 4 in 2023.', []],
    ['The crop covered 41,250 ha with a yield of 6.8 tonnes/ha; 14.5 km of canals and 2,380 m2 of land.', [
      { kind: 'quantity', value: 41250, unit: 'ha', text: '41,250 ha' },
      { kind: 'quantity', value: 6.8, unit: 'tonnes/ha' },
      { kind: 'quantity', value: 14.5, unit: 'km', label: 'canals' },
      { kind: 'quantity', value: 2380, unit: 'm2' },
    ]],
    ['GRDP grew by 6.45%, ranking 5th of 13 provinces; the index ranked 12th out of 63.', [
      { kind: 'percent', value: 6.45 },
      { kind: 'rank', value: 5, denominator: 13 },
      { kind: 'rank', value: 12, denominator: 63 },
    ]],
    ['This year 14 more communes met the standards.', [{ kind: 'count', value: 14, unit: 'communes' }]],
    ['The grant is EUR 500,000 (€1.2 million with co-funding), plus 300,000 euros and CHF 300,000.', [
      { kind: 'money', value: 500000, unit: 'EUR' },
      { kind: 'money', value: 1.2e6, unit: 'EUR' },
      { kind: 'money', value: 300000, unit: 'EUR' },
      { kind: 'money', value: 300000, unit: 'CHF' },
    ]],
    ['Spending was USD 2.4m (VND 58bn); it processed 1.8 million applications, up from 1.1 million in 2022; business households: 1.245 households; jobs for 245 labourers (female: 131).', [
      { kind: 'money', value: 2.4e6, unit: 'USD', text: 'USD 2.4m' },
      { kind: 'money', value: 58e9, unit: 'VND', text: 'VND 58bn' },
      { kind: 'count', value: 1.8e6, unit: 'applications' },
      { kind: 'count', value: 1.1e6, unit: 'applications', text: '1.1 million' },
      { kind: 'count', value: 1245, unit: 'households' },
      { kind: 'count', value: 245, unit: 'labourers' },
      { kind: 'count', value: 131, unit: 'labourers' },
    ]],
    ['There are 17.2 doctors per 10,000 people; 1.09 million people hold cards; the look-up was used 845,000 times.', [
      { kind: 'quantity', value: 17.2, unit: 'doctors per 10,000 people' },
      { kind: 'count', value: 1090000, unit: 'people' },
      { kind: 'count', value: 845000, unit: 'times' },
    ]],
    ['Five out of seven mountainous districts had schools; the province won 4 first prizes, ranking 18th nationwide, 17 more than in 2023, twice as many as before. Hotline: 0255 3822 669.', [
      { kind: 'ratio', value: 5, denominator: 7 },
      { kind: 'count', value: 4, unit: 'first prizes' },
      { kind: 'rank', value: 18 },
      { kind: 'count', value: 17 },
    ]],
    ['The provincial level has 1,326 positions and the district level 819 positions; 51 procedures are at level 4 and level 3 services.', [
      { kind: 'count', value: 1326, unit: 'positions' },
      { kind: 'count', value: 819, unit: 'positions' },
      { kind: 'count', value: 51, unit: 'procedures' },
    ]],
    ['Inspections covered 12 agencies and units and all 20 commune one-stop shops; 5 documents and 2 reports were issued.', [
      { kind: 'count', value: 12, unit: 'agencies and units' },
      { kind: 'count', value: 20, unit: 'commune one-stop shops' },
      { kind: 'count', value: 5, unit: 'documents' },
      { kind: 'count', value: 2, unit: 'reports' },
    ]],
    ['It inspected 8 of its 20 communes; eighteen of the 20 communes joined; delivery was delayed by 45 days.', [
      { kind: 'ratio', value: 8, denominator: 20 },
      { kind: 'ratio', value: 18, denominator: 20 },
      { kind: 'quantity', value: 45, unit: 'days' },
    ]],
    ['5 documents were proposed for amendment and 2 for annulment; agencies have settled 38 (92.7%).', [
      { kind: 'count', value: 5, unit: 'documents' },
      { kind: 'count', value: 2, unit: 'documents' },
      { kind: 'count', value: 38 },
      { kind: 'percent', value: 92.7 },
    ]],
  ];
  for (const [input, expected] of cases) {
    it(input, () => {
      const ms = en(input).metrics;
      expect(ms.map((m) => m.kind)).toEqual(expected.map((e) => e.kind));
      expected.forEach((e, i) => {
        expect(ms[i]).toMatchObject(e);
        expect(ms[i]!.label.length).toBeGreaterThan(0);
      });
    });
  }

  it('breakdowns point at their total: of which / including / namely', () => {
    const r = en('Total number of civil-servant positions assigned: 36, of which: Department Office: 24; Sub-department: 12. The district carried out 15 inspections, namely 9 scheduled inspections and 6 unscheduled inspections.');
    const by = (v: number) => r.metrics.find((m) => m.value === v)!;
    expect(by(24).parent).toBe(by(36).id);
    expect(by(12).parent).toBe(by(36).id);
    expect(by(24).label).toBe('Department Office');
    expect(by(9).parent).toBe(by(15).id);
    expect(by(6).parent).toBe(by(15).id);
    expect(by(36).parent).toBeUndefined();
  });
  it('a second "of which" starts a new breakdown; bare parts count the total\'s noun; a rate between total and marker is skipped', () => {
    const r = en('Revenue was VND 17,860 billion, reaching 97.3% of the estimate, of which taxes VND 6,940 billion and land VND 10,520 billion. The district received 4,862 dossiers, of which 2,915 online; 4,731 dossiers were resolved, of which 4,702 on time and 29 late; 131 dossiers are being processed.');
    const by = (v: number) => r.metrics.find((m) => m.value === v)!;
    expect(by(6940e9).parent).toBe(by(17860e9).id);
    expect(by(10520e9).parent).toBe(by(17860e9).id);
    expect(by(2915)).toMatchObject({ parent: by(4862).id, unit: 'dossiers', label: 'online' });
    expect(by(4702).parent).toBe(by(4731).id);
    expect(by(29).parent).toBe(by(4731).id);
    expect(by(4731).parent).toBeUndefined();
    expect(by(131).parent).toBeUndefined();
  });
  it('breakdowns: parts naming another noun, sentence-opening "Of the …," / "of these", "N of them", same-currency money', () => {
    const r = en('Training reached 1,250 farmers, including 640 women and 212 ethnic Khmer farmers. 380 households received seed; of these, 96 households are poor. 186 commune officials (74 of them women) were trained, and 12 drills were held. Agencies received 3,106 petitions, of which 2,240 petitions were eligible and 866 were unsigned. Of the eligible petitions, 412 were complaints, 96 were denunciations and 1,732 were recommendations. The cost was USD 615,000 (about VND 15.6 billion), of which the province contributed USD 120,000.');
    const by = (v: number, i = 0) => r.metrics.filter((m) => m.value === v)[i]!;
    expect(by(640).parent).toBe(by(1250).id);
    expect(by(212).parent).toBe(by(1250).id);
    expect(by(96).parent).toBe(by(380).id);
    expect(by(74).parent).toBe(by(186).id);
    expect(by(12).parent).toBeUndefined();
    expect(r.metrics.find((m) => m.value === 186)!.parent).toBeUndefined();
    expect(by(866).parent).toBe(by(3106).id);
    for (const v of [412, 1732]) expect(by(v).parent).toBe(by(2240).id);
    expect(by(96, 1).parent).toBe(by(2240).id);
    expect(by(120000)).toMatchObject({ unit: 'USD', parent: by(615000).id });
  });
  it('measures break down in the total\'s unit: km of roads including km, ha of which ha', () => {
    const r = en('The province manages 1,248 km of roads, including 512 km of provincial roads and 736 km of district roads. Land was allocated for 86 projects with a total area of 1,245.6 ha, of which 312.4 ha was rice land. The yield was 6.8 tonnes/ha, of which 2 ha were lost.');
    const by = (v: number) => r.metrics.find((m) => m.value === v)!;
    expect(by(512).parent).toBe(by(1248).id);
    expect(by(736).parent).toBe(by(1248).id);
    expect(by(312.4).parent).toBe(by(1245.6).id);
    expect(by(2).parent).toBeUndefined();
  });
  it('"among them" / "among whom" / sentence-opening "Among them," open a breakdown', () => {
    const r = en('Jobs were created for 21,450 workers, equal to 51.1% of the plan; among them, 1,320 people went to work abroad. The centre trained 300 farmers, among whom 120 women. It placed 85 graduates. Among them, 40 women found jobs in industry.');
    const by = (v: number) => r.metrics.find((m) => m.value === v)!;
    expect(by(1320).parent).toBe(by(21450).id);
    expect(by(120).parent).toBe(by(300).id);
    expect(by(40).parent).toBe(by(85).id);
  });
  it('a sentence opening with "Of TOTAL …," names the total of the first figure after its comma', () => {
    const r = en('Work went on. Of 14 projects under Decision No. 4521/QD-UBND dated 29/12/2023, 11 were completed on schedule. Of 20 communes, 12 met the standard. The 8 teams, 5 were late.');
    const by = (v: number) => r.metrics.find((m) => m.value === v)!;
    expect(by(11)).toMatchObject({ parent: by(14).id, unit: 'projects' });
    expect(by(12).parent).toBe(by(20).id);
    expect(by(5).parent).toBeUndefined();
  });
  it('a single count in brackets right after a larger count is its part: 14,260 people (8,120 women)', () => {
    const r = en('Vocational training was provided to 14,260 people (8,120 women). It received 2,468 dossiers (1,902 online dossiers and 566 paper dossiers). It served 150 households (600 people).');
    const by = (v: number) => r.metrics.find((m) => m.value === v)!;
    expect(by(8120).parent).toBe(by(14260).id);
    expect(by(1902).parent).toBeUndefined();
    expect(by(600).parent).toBeUndefined();
  });
  it('"Of which:" closing its line takes one part per list line; a nested "of which" keeps its own parts', () => {
    const r = en('Revenue is estimated at VND 14,250 billion, up 9.6% over 2023. Of which:\n- Domestic revenue: VND 12,430 billion, reaching 106.2% of the estimate; of which land use fees were VND 2,150 billion.\n- Revenue from import and export: VND 1,820 billion, reaching 126.4%.\nSpending reached VND 10,615 billion.');
    const by = (v: number) => r.metrics.find((m) => m.value === v)!;
    expect(by(12430e9).parent).toBe(by(14250e9).id);
    expect(by(1820e9).parent).toBe(by(14250e9).id);
    expect(by(2150e9).parent).toBe(by(12430e9).id);
    expect(by(10615e9).parent).toBeUndefined();
  });
  it('table cells holding only a figure are labelled by the row\'s first cell', () => {
    const r = en('| Indicator | Target 2024 | Result H1 2024 |\n| Farmers trained | 2,000 | 1,250 (62.5%) |\n| Women among trainees | 40% | 51.2% |\n| Communes with updated plans | 12 | 9 |\n');
    expect(r.metrics.map((m) => [m.kind, m.value, m.label])).toEqual([
      ['count', 2000, 'Farmers trained'],
      ['count', 1250, 'Farmers trained'],
      ['percent', 62.5, 'percentage'],
      ['percent', 40, 'Women among trainees'],
      ['percent', 51.2, 'Women among trainees'],
      ['count', 12, 'Communes with updated plans'],
      ['count', 9, 'Communes with updated plans'],
    ]);
  });
  it('the report\'s own number is metadata, not a reference; the place-date line gives the issue date', () => {
    const r = en('DEPARTMENT OF FINANCE\nNo.: 215/BC-STC\nQuy Nhon, 16 December 2024\nREPORT\nBudget results in 2024\nUnder Decision No. 12/QD-UBND dated 5 March 2024.');
    expect(r.report).toMatchObject({ number: '215/BC-STC', issuedOn: '2024-12-16', year: 2024 });
    expect(r.references.map((x) => x.symbol)).toEqual(['12/QD-UBND']);
  });
});

describe('English headers', () => {
  it('No. without a colon, abbreviated months, Submitted:/Prepared by … lines, the title after REPORT, the agency\'s province', () => {
    const a = en('HA TINH PROVINCIAL PEOPLE\'S COMMITTEE\nPROVINCIAL INSPECTORATE\nNo. 96/BC-TTr\nHa Tinh, 18 Dec 2023\nREPORT\nCitizen reception and complaints in 2023\nUnder Plan No. 34/KH-UBND, in 2022 and in 2022 the agencies worked.');
    expect(a.report).toMatchObject({ number: '96/BC-TTr', issuedOn: '2023-12-18', year: 2023, agency: 'Ha Tinh Provincial Inspectorate' });
    expect(a.references.map((x) => x.symbol)).toEqual(['34/KH-UBND']);
    const b = en('PEOPLE\'S COMMITTEE OF BEN TRE PROVINCE\nDEPARTMENT OF HOME AFFAIRS\nNo.: 418/BC-SNV\nBen Tre, December 15, 2023\nREPORT\nPublic administration reform in 2023 and directions for 2024\n(reporting period from 15/12/2022 to 14/12/2023)\nThe Department worked in 2022, in 2022 and in 2022.');
    expect(b.report).toMatchObject({ year: 2023, issuedOn: '2023-12-15', agency: 'Department of Home Affairs of Ben Tre Province' });
    const c = en('SEMI-ANNUAL PROGRESS REPORT\nReporting period: 1 January – 30 June 2024\nSubmitted: 22 Jul 2024\nThe project trained 20 farmers.');
    expect(c.report.issuedOn).toBe('2024-07-22');
    const e = en('QUANG NGAI DEPARTMENT OF EDUCATION AND TRAINING\nRef. No: 2215/BC-SGDDT\nQuang Ngai, 10 August 2024\nSUMMARY REPORT\nSchool year 2023–2024 and key tasks for school year 2024–2025\nThe province had 712 schools.');
    expect(e.report).toMatchObject({ number: '2215/BC-SGDDT', year: 2024, issuedOn: '2024-08-10' });
    expect(e.references).toEqual([]);
    const d = en('PROJECT PROGRESS SUMMARY\nReporting period: Q2 2024 (1 April – 30 June 2024)\nPrepared by the Project Management Unit (PMU), 8 July 2024\nThe project trained 20 farmers.');
    expect(d.report.issuedOn).toBe('2024-07-08');
  });
});

describe('language detection', () => {
  it('tells the seeds apart, and English quoting Vietnamese names stays English', () => {
    expect(detectLanguage(readFileSync(VI_SEED, 'utf8'))).toBe('vi');
    expect(detectLanguage(readFileSync(EN_SEED, 'utf8'))).toBe('en');
    expect(en('In total, 22 legal documents were reviewed.').metrics[0]!.label).toBe('legal documents reviewed');
    expect(detectLanguage('Huỳnh Đặng Thùy Trang of Sở Khoa học và Công nghệ tỉnh Tiền Giang reported that 22 documents were reviewed by the Department in 2023.')).toBe('en');
    expect(detectLanguage('Sở Khoa học và Công nghệ đã ban hành các kế hoạch của Ủy ban nhân dân tỉnh về the Digital Transformation Programme.')).toBe('vi');
  });
});

describe('English seed against the Vietnamese seed', () => {
  it('cites the same documents with the same keys and issue dates', async () => {
    const [vi, enr] = await Promise.all([processFile(VI_SEED), processFile(EN_SEED)]);
    expect(vi.language).toBe('vi');
    expect(enr.language).toBe('en');
    const keys = (r: Report) => r.references.map((x) => `${x.key}|${x.issuedOn ?? ''}|${x.type}|${x.category}`);
    expect(enr.references).toHaveLength(12);
    expect(keys(enr)).toEqual(keys(vi));
    // and the same counts, percentages and frequency, in the same order
    expect(enr.metrics.map((m) => [m.kind, m.value])).toEqual(vi.metrics.map((m) => [m.kind, m.value]));
  });
});

describe('accuracy on the English fixtures (npm run eval)', () => {
  it('references, dates and metrics F1 ≥ 0.95 each', async () => {
    const res = await runEval({ file: 'fixtures/text/en-*.txt' });
    expect(res.files.length).toBeGreaterThanOrEqual(6);
    for (const t of ['references', 'dates', 'metrics'] as const) expect(res.overall[t].f1, t).toBeGreaterThanOrEqual(0.95);
  });
});

describe('mixed batch (Vietnamese + English)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rm-english-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves each document cited in both languages to one document key', async () => {
    const bin = join(ROOT, 'dist/src/cli/main.js');
    if (!existsSync(bin)) throw new Error('run `npm run build` first: the batch runs the compiled CLI');
    const input = join(dir, 'in');
    mkdirSync(input);
    copyFileSync(VI_SEED, join(input, 'vi-seed.txt'));
    copyFileSync(EN_SEED, join(input, 'en-seed.txt'));
    const out = join(dir, 'out');
    const res = await runCli(['batch', input, '--out', out, '--jobs', '1']);
    expect(res.code, res.stderr).toBe(0);
    const reports = readNdjson(join(out, 'tables/reports.ndjson')) as { id: string; language: string }[];
    expect(reports.map((r) => r.language).sort()).toEqual(['en', 'vi']);
    const docs = readNdjson(join(out, 'tables/documents.ndjson')) as { id: string; key: string; symbols: string[] }[];
    const cites = readNdjson(join(out, 'tables/citations.ndjson')) as { document_id: string; report_id: string }[];
    // 12 documents, each cited once by each report
    expect(docs).toHaveLength(12);
    for (const d of docs) {
      const by = new Set(cites.filter((c) => c.document_id === d.id).map((c) => c.report_id));
      expect(by.size, d.id).toBe(2);
    }
    const ta = docs.find((d) => d.key === symbolKey('23/2023/QĐ-UBND'))!;
    expect(ta.symbols.sort()).toEqual(['23/2023/QD-UBND', '23/2023/QĐ-UBND']);
  });
});
