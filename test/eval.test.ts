/**
 * The accuracy harness on the real gold set (real pipeline, real files) and the matcher on small synthetic cases.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGold, findOccurrences, GoldError, locateItems, parseGold, type GoldFile } from '../src/eval/gold.js';
import { belowThreshold, formatText, packageRoot, runEval, type EvalResult } from '../src/eval/harness.js';
import { compareReport, prf, type Predicted } from '../src/eval/match.js';
import { sharedAbsent, sharedPath } from './shared.js';

/** The accuracy bar of the issue, in ONE place: overall micro F1 per fact type over the gold set. */
export const THRESHOLDS = { references: 0.98, metrics: 0.95, dates: 0.95 } as const;

const ROOT = packageRoot();
const SHARED_SEED = 'bao-cao-cchc-2023-so-khcn-tien-giang.txt';

// ------------------------------------------------------------------ the gold set itself

describe('gold set', () => {
  const goldDir = join(ROOT, 'fixtures', 'gold');
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.gold.json'));

  it('has at least 12 Vietnamese reports, the seed among them', () => {
    const vi = files.map((f) => parseGold(f, readFileSync(join(goldDir, f), 'utf8'))).filter((g) => g.language === 'vi');
    expect(vi.length).toBeGreaterThanOrEqual(12);
    const seed = join(ROOT, 'fixtures', 'text', 'seed-cchc-2023-skhcn-tien-giang.txt');
    expect(vi.some((g) => g.file === 'fixtures/text/seed-cchc-2023-skhcn-tien-giang.txt')).toBe(true);
  });
  const noSeed = sharedAbsent('seed', SHARED_SEED);
  it.skipIf(noSeed !== undefined)(`the seed fixture is byte-identical to ../shared/seed${noSeed ? ` — ${noSeed}` : ''}`, () => {
    const seed = join(ROOT, 'fixtures', 'text', 'seed-cchc-2023-skhcn-tien-giang.txt');
    expect(readFileSync(seed).equals(readFileSync(sharedPath('seed', SHARED_SEED)))).toBe(true);
  });

  it.each(files)('%s parses, its text exists and every item sits in the text in order with a readable value', (f) => {
    const gold = parseGold(f, readFileSync(join(goldDir, f), 'utf8'));
    const textPath = join(ROOT, gold.file);
    expect(existsSync(textPath), `${gold.file} missing`).toBe(true);
    const problems = checkGold(gold, readFileSync(textPath, 'utf8'));
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([]);
  });
});

// ------------------------------------------------------------------ the harness on the real pipeline

describe('harness on the gold set', () => {
  let result: EvalResult;
  beforeAll(async () => {
    result = await runEval();
  });

  it('evaluates every gold file without errors and counts every fact type', () => {
    expect(result.files.length).toBeGreaterThanOrEqual(12);
    expect(result.files.filter((f) => f.status !== 'ok').map((f) => `${f.file}: ${f.reason ?? ''}`)).toEqual([]);
    for (const t of ['references', 'dates', 'metrics'] as const) {
      const r = result.overall[t];
      expect(r.tp + r.fn).toBeGreaterThan(50);
      // misses and extras listed one by one add up to the counts
      expect(result.misses.filter((m) => m.type === t)).toHaveLength(r.fn);
      expect(result.extras.filter((x) => x.type === t)).toHaveLength(r.fp);
    }
    expect(Object.keys(result.byLanguage)).toContain('vi');
  });

  it('meets the accuracy thresholds (references, dates, metrics F1)', () => {
    const scores = Object.fromEntries(Object.entries(result.overall).map(([t, r]) => [t, Number(r.f1.toFixed(3))]));
    for (const [t, min] of Object.entries(THRESHOLDS)) {
      expect(result.overall[t as keyof typeof THRESHOLDS].f1, `${t} F1 (all: ${JSON.stringify(scores)})\n${formatText(result)}`).toBeGreaterThanOrEqual(min);
    }
  });

  it('restricts to a glob or a substring, and skips renderings that do not exist', async () => {
    const byGlob = await runEval({ file: 'fixtures/text/seed-*.txt' });
    expect(byGlob.files.map((f) => f.file)).toEqual(['fixtures/text/seed-cchc-2023-skhcn-tien-giang.txt']);
    const bySub = await runEval({ file: 'stp-ben-tre' });
    expect(bySub.files.map((f) => f.file)).toEqual(['fixtures/text/bc-6thang-2024-stp-ben-tre.txt']);
    const other = await runEval({ file: 'stp-ben-tre', format: 'nosuchformat' });
    expect(other.files[0]!.status).toBe('skipped');
    expect(other.files[0]!.file).toBe('fixtures/nosuchformat/bc-6thang-2024-stp-ben-tre.nosuchformat');
    expect(other.overall.metrics.tp + other.overall.metrics.fn).toBe(0);
  });
});

// ------------------------------------------------------------------ the CLI (compiled, as `npm run eval` runs it)

describe('npm run eval (compiled CLI)', () => {
  const runJs = join(ROOT, 'dist', 'src', 'eval', 'run.js');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-cli-'));
    const text = join(dir, 'tiny.txt');
    writeFileSync(text, 'Báo cáo ngắn về công tác văn thư.\nKhông có nội dung đáng kể.\n');
    const gold: GoldFile = {
      file: text,
      language: 'vi',
      references: [],
      dates: [],
      metrics: [{ text: 'văn thư', value: 987654, kind: 'count' }],
    };
    writeFileSync(join(dir, 'tiny.gold.json'), JSON.stringify(gold));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 as a report, 1 under --min-f1 when a score is below, 2 on a bad option', () => {
    const plain = spawnSync('node', [runJs, '--gold-dir', dir], { encoding: 'utf8' });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('Misses — gold not found (1)');
    const json = spawnSync('node', [runJs, '--gold-dir', dir, '--json'], { encoding: 'utf8' });
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as EvalResult;
    expect(parsed.overall.metrics.fn).toBe(1);
    const gated = spawnSync('node', [runJs, '--gold-dir', dir, '--min-f1', '0.5'], { encoding: 'utf8' });
    expect(gated.status).toBe(1);
    expect(gated.stderr).toMatch(/metrics/);
    const bad = spawnSync('node', [runJs, '--min-f1', 'lots'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });

  it('names the gold file and the reason for a broken gold file, and keeps going', () => {
    writeFileSync(join(dir, 'broken.gold.json'), '{ "file": "x.txt", ');
    const r = spawnSync('node', [runJs, '--gold-dir', dir, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout) as EvalResult;
    const broken = parsed.files.find((f) => f.gold.endsWith('broken.gold.json'));
    expect(broken?.status).toBe('error');
    expect(broken?.reason).toMatch(/broken\.gold\.json: not valid JSON/);
    rmSync(join(dir, 'broken.gold.json'));
  });
});

describe('gold written for a PDF itself (no .txt twin)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-pdf-'));
    const gold: GoldFile = {
      file: join(ROOT, 'fixtures', 'pdf', 'bc-cchc-2023-snv-long-an.pdf'),
      language: 'vi',
      references: [],
      dates: [
        { text: 'ngày 15 tháng 12 năm 2023', value: '2023-12-15', precision: 'day' },
        { text: 'ngày 31 tháng 13 năm 2099', value: '2099-12-31', precision: 'day' },
      ],
      metrics: [],
    };
    writeFileSync(join(dir, 'long-an.gold.json'), JSON.stringify(gold));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('evaluates the PDF for the default format and for --format pdf, checking the gold against the ingested text', async () => {
    for (const format of ['txt', 'pdf']) {
      const r = await runEval({ goldDir: dir, format });
      const f = r.files[0]!;
      expect(f.status).toBe('ok');
      expect(f.file.endsWith('bc-cchc-2023-snv-long-an.pdf')).toBe(true);
      expect(f.comparison!.counts.dates.tp).toBe(1);
      // the gold is checked against the text the pipeline read, not against the PDF's bytes
      expect([...new Set(f.goldProblems.map((p) => p.where))]).toEqual(['dates[1]']);
    }
    const other = await runEval({ goldDir: dir, format: 'nosuchformat' });
    expect(other.files[0]!.status).toBe('skipped');
  });
});

// ------------------------------------------------------------------ the matcher on synthetic cases

const TEXT = 'Theo Kế hoạch số 1.189/SKH&CN-VP ngày 02/3/2022, rà soát 22 văn bản; bãi bỏ 22 văn bản; đạt 100%. Tổng: 36, trong đó: A: 24; B: 12.';
const at = (needle: string, nth = 0): { start: number; end: number } => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`no ${needle}`);
  return { start: i, end: i + needle.length };
};
const gold = (over: Partial<GoldFile> = {}): GoldFile => ({
  file: 'synthetic.txt',
  language: 'vi',
  references: [{ symbol: '1189/SKH&CN-VP', type: 'cong-van', issuedOn: '2022-03-02' }],
  dates: [{ text: '02/3/2022', value: '2022-03-02', precision: 'day' }],
  metrics: [
    { text: '22 văn bản', value: 22, kind: 'count', unit: 'văn bản' },
    { text: '22 văn bản', value: 22, kind: 'count', unit: 'văn bản' },
    { text: '100%', value: 100, kind: 'percent', unit: '%' },
    { text: '36', value: 36, kind: 'count', context: 'Tổng: 36' },
    { text: '24', value: 24, kind: 'count', parent: '36' },
    { text: '12', value: 12, kind: 'count', parent: '36' },
  ],
  ...over,
});
const metric = (id: string, needle: string, value: number, nth = 0, extra: Partial<Predicted['metrics'][number]> = {}): Predicted['metrics'][number] => ({
  id,
  kind: 'count',
  value,
  text: needle,
  span: at(needle, nth),
  ...extra,
});
const perfect = (): Predicted => ({
  references: [{ symbol: '1.189/SKH&CN-VP', type: 'cong-van', issuedOn: '2022-03-02', text: 'Kế hoạch số 1.189/SKH&CN-VP', span: at('1.189/SKH&CN-VP') }],
  dates: [{ value: '2022-03-02', precision: 'day', text: 'ngày 02/3/2022', span: at('ngày 02/3/2022') }],
  metrics: [
    metric('m1', '22 văn bản', 22, 0, { unit: 'văn bản' }),
    metric('m2', '22 văn bản', 22, 1, { unit: 'văn bản' }),
    metric('m3', '100%', 100, 0, { kind: 'percent', unit: '%' }),
    metric('m4', '36', 36),
    metric('m5', '24', 24, 0, { parent: 'm4' }),
    metric('m6', '12', 12, 0, { parent: 'm4' }),
  ],
});

describe('compareReport', () => {
  it('scores a perfect prediction 1 everywhere, with a thousands dot in the predicted symbol and a wider date span', () => {
    const c = compareReport(perfect(), gold(), TEXT);
    expect(c.counts).toEqual({ references: { tp: 1, fp: 0, fn: 0 }, dates: { tp: 1, fp: 0, fn: 0 }, metrics: { tp: 6, fp: 0, fn: 0 } });
    expect(c.fields['metric.parent']).toEqual({ correct: 2, total: 2 });
    expect(c.fields['metric.unit']).toEqual({ correct: 3, total: 3 });
    expect(c.misses).toEqual([]);
    expect(c.extras).toEqual([]);
  });

  it('counts a miss and an extra, and shows what came close', () => {
    const p = perfect();
    p.metrics[2] = metric('m3', '100%', 10, 0, { kind: 'percent' }); // wrong value at the right place
    const c = compareReport(p, gold(), TEXT);
    expect(c.counts.metrics).toEqual({ tp: 5, fp: 1, fn: 1 });
    expect(c.misses[0]).toMatchObject({ type: 'metrics', text: '100%', value: 'percent 100' });
    expect(c.misses[0]!.near).toContain('percent 10');
    expect(c.extras[0]).toMatchObject({ type: 'metrics', text: '100%', value: 'percent 10' });
  });

  it('matches duplicates one-to-one by place: the one predicted occurrence takes the gold item it overlaps', () => {
    const p = perfect();
    p.metrics.splice(0, 1); // only the second "22 văn bản" is predicted
    const c = compareReport(p, gold(), TEXT);
    expect(c.counts.metrics).toEqual({ tp: 5, fp: 0, fn: 1 });
    expect(c.misses).toHaveLength(1);
    expect(c.misses[0]!.goldIndex).toBe(0);
    // two predictions on the same occurrence: one matches, the other is an extra
    const q = perfect();
    q.metrics.push(metric('m7', '100%', 100, 0, { kind: 'percent' }));
    expect(compareReport(q, gold(), TEXT).counts.metrics).toEqual({ tp: 6, fp: 1, fn: 0 });
  });

  it('needs the predicted span to overlap the gold text: the same value elsewhere does not match', () => {
    const p = perfect();
    p.metrics[5] = { ...metric('m6', '12', 12), span: at('1.189') }; // value 12 but placed on the symbol
    const c = compareReport(p, gold(), TEXT);
    expect(c.counts.metrics).toEqual({ tp: 5, fp: 1, fn: 1 });
    // a partial overlap is enough
    const q = perfect();
    q.metrics[0] = { ...q.metrics[0]!, span: { start: at('22 văn bản').start, end: at('22 văn bản').start + 2 } };
    expect(compareReport(q, gold(), TEXT).counts.metrics.tp).toBe(6);
  });

  it('dates must agree on value, precision and end', () => {
    const p = perfect();
    p.dates[0] = { ...p.dates[0]!, precision: 'period', end: '2022-03-03' };
    const c = compareReport(p, gold(), TEXT);
    expect(c.counts.dates).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('references match on the symbol key and issuedOn; Ð, spaces, case and missing diacritics do not matter', () => {
    for (const symbol of ['1189/SKH&CN-VP', '1.189 / SKH&CN- VP', '1189/skh&cn-vp', '1189/SKHCN-VP']) {
      const p = perfect();
      p.references[0] = { ...p.references[0]!, symbol };
      expect(compareReport(p, gold(), TEXT).counts.references, symbol).toEqual({ tp: 1, fp: 0, fn: 0 });
    }
    const eth: GoldFile = gold({ references: [{ symbol: '215/QĐ-UBND', type: 'quyet-dinh', issuedOn: null }] });
    const p = perfect();
    p.references = [{ symbol: '215/Q\u00D0-UBND', type: 'cong-van', text: '215/Q\u00D0-UBND', span: { start: 0, end: 5 } }];
    const c = compareReport(p, eth, TEXT);
    expect(c.counts.references).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(c.fields['reference.type']).toEqual({ correct: 0, total: 1 });
    // another date is a miss plus an extra
    const q = perfect();
    q.references[0] = { ...q.references[0]!, issuedOn: '2023-03-02' };
    const d = compareReport(q, gold(), TEXT);
    expect(d.counts.references).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(d.misses[0]!.near).toContain('2023-03-02');
  });

  it('references are a multiset: a repeated citation needs a repeated prediction', () => {
    const twice = gold({ references: [gold().references[0]!, gold().references[0]!] });
    expect(compareReport(perfect(), twice, TEXT).counts.references).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('checks units and parents on matched items', () => {
    const p = perfect();
    p.metrics[0] = { ...p.metrics[0]!, unit: 'văn bản quy phạm' }; // gold unit plus trailing words: fine
    p.metrics[1] = { ...p.metrics[1]!, unit: 'bản' }; // wrong
    p.metrics[4] = { ...p.metrics[4]!, parent: 'm6' }; // wrong total
    delete p.metrics[5]!.parent; // missing
    p.metrics[2] = { ...p.metrics[2]!, parent: 'm4' }; // a parent where gold has none
    const c = compareReport(p, gold(), TEXT);
    expect(c.counts.metrics.tp).toBe(6);
    expect(c.fields['metric.unit']).toEqual({ correct: 2, total: 3 });
    expect(c.fields['metric.parent']).toEqual({ correct: 0, total: 3 });
  });
});

describe('prf', () => {
  it('handles empty sides', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ tp: 0, fp: 0, fn: 3 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf({ tp: 3, fp: 1, fn: 0 }).f1).toBeCloseTo(2 * 0.75 / 1.75);
  });
});

describe('gold helpers', () => {
  it('finds occurrences only at word edges and places repeated texts in document order', () => {
    const t = 'đạt 12 hồ sơ, 112 hồ sơ và 12 hồ sơ';
    expect(findOccurrences(t, '12 hồ sơ')).toEqual([4, 27]);
    const loc = locateItems(t, [{ text: '12 hồ sơ' }, { text: '112 hồ sơ' }, { text: '12 hồ sơ' }]);
    expect(loc.map((l) => [l.start, l.how])).toEqual([
      [4, 'in-order'],
      [14, 'in-order'],
      [27, 'in-order'],
    ]);
    expect(locateItems(t, [{ text: '99 hồ sơ' }])[0]!.how).toBe('missing');
  });

  it('rejects malformed gold with the file name and the reason', () => {
    expect(() => parseGold('g.json', '{')).toThrow(GoldError);
    expect(() => parseGold('g.json', '{')).toThrow(/^g\.json: not valid JSON/);
    const bad = { file: 'x.txt', language: 'vi', references: [{ symbol: '1/QĐ-UBND', type: 'decision', issuedOn: null }], dates: [], metrics: [] };
    expect(() => parseGold('g.json', JSON.stringify(bad))).toThrow(/references\[0\]: type "decision" is not a known slug/);
    const period = { file: 'x.txt', language: 'vi', references: [], dates: [{ text: 'quý I/2023', value: '2023-01', precision: 'period' }], metrics: [] };
    expect(() => parseGold('g.json', JSON.stringify(period))).toThrow(/end is required/);
  });

  it('catches annotation slips: wrong value, text not in the document, bad parent, impossible day', () => {
    const text = 'Ngày 31/01/2023 tiếp nhận 1.245 hồ sơ, giải ngân 1,25 tỷ đồng.';
    const g: GoldFile = {
      file: 'x.txt',
      language: 'vi',
      references: [{ symbol: '23/2023/QĐ-UBND', type: 'quyet-dinh', issuedOn: null }],
      dates: [{ text: '31/01/2023', value: '2023-02-31', precision: 'day' }],
      metrics: [
        { text: '1.245 hồ sơ', value: 1.245, kind: 'count' },
        { text: '1,25 tỷ đồng', value: 1250000000, kind: 'money', parent: '99 hồ sơ' },
        { text: '7 văn bản', value: 7, kind: 'count' },
      ],
    };
    const where = checkGold(g, text).map((p) => p.where);
    expect(where).toEqual(expect.arrayContaining(['references', 'dates[0]', 'metrics[0]', 'metrics[1]', 'metrics[2]']));
    expect(where).not.toContain('metrics[3]');
  });
});

describe('belowThreshold', () => {
  it('names the fact types under the bar', () => {
    const r = { overall: { references: { f1: 0.99 }, dates: { f1: 0.9 }, metrics: { f1: 0.96 } } } as unknown as EvalResult;
    expect(belowThreshold(r, 0.95)).toEqual(['dates']);
  });
});
