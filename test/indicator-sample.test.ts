/**
 * Issue 15: indicator-key precision recomputed from the committed hand labels (fixtures/indicator-sample) with the
 * current sources: every sampled figure is found again in its file and its key compared with the labelled right key.
 * Rows of ../shared/real-text are skipped, and that is said, when ../shared is absent.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/eval/harness.js';
import { readNdjson, rightKey, scoreIndicatorSample, seriesConflicts, type SampleLabel, type SampleRow } from '../src/eval/indicator-sample.js';
import { sharedAbsent } from './shared.js';

const ROOT = packageRoot();
const DIR = join(ROOT, 'fixtures', 'indicator-sample');
const load = (n: string) => ({ rows: readNdjson<SampleRow>(join(DIR, `sample-${n}.ndjson`)), labels: readNdjson<SampleLabel>(join(DIR, `labels-${n}.ndjson`)) });
const absent = sharedAbsent('real-text');
if (absent) console.warn(`indicator-sample: ${absent}; its real-text rows are not scored`);

describe('indicator-key precision on the hand-labelled samples', () => {
  it('reads a label as the key that is right', () => {
    const row: SampleRow = { id: 1, file: 'x.txt', text: '3 hồ sơ', key: 'a.b', context: '' };
    expect(rightKey(row, { id: 1, correct: true })).toBe('a.b');
    expect(rightKey(row, { id: 1, correct: false, right_key: 'c.d' })).toBe('c.d');
    expect(rightKey(row, { id: 1, correct: false, right_key: null })).toBeNull();
    expect(rightKey(row, { id: 1, correct: 'absent-would-be-right' })).toBeNull();
  });
  it('has 320 labelled rows in samples a–d (e: 149, all the population left), a and b distinct, each later sample sharing no figure with the earlier ones', () => {
    const a = load('a');
    const b = load('b');
    const c = load('c');
    const d = load('d');
    const e = load('e');
    for (const s of [a, b, c, d]) expect(s.rows.length).toBe(320);
    expect(e.rows.length).toBe(149);
    expect(new Set([...a.rows, ...b.rows].map((r) => r.id)).size).toBe(640);
    const place = (r: SampleRow) => `${r.file}|${r.text}|${r.context}`;
    const ab = new Set([...a.rows, ...b.rows].map(place));
    expect(c.rows.filter((r) => ab.has(place(r)))).toEqual([]);
    const abc = new Set([...a.rows, ...b.rows, ...c.rows].map(place));
    expect(d.rows.filter((r) => abc.has(place(r)))).toEqual([]);
    const abcd = new Set([...abc, ...d.rows.map(place)]);
    expect(e.rows.filter((r) => abcd.has(place(r)))).toEqual([]);
    for (const s of [a, b, c, d, e]) expect(new Set(s.labels.map((l) => Number(l.id)))).toEqual(new Set(s.rows.map((r) => r.id)));
  });
  for (const [n, min] of [
    ['a', 0.98],
    ['b', 0.97],
    // c: held-out, labelled in session 9 and scored once; 0.963 then (below the 0.98: a guard, not the goal)
    ['c', 0.96],
    // d: held-out, sampled at main 85765ff and labelled blind in session 10; 310/320 = 0.969 when scored (a guard)
    ['d', 0.96],
    // e: held-out, the 149 rows of the population at main 66517c2 outside a–d, labelled blind in session 11; 144/149 = 0.966 when scored (a guard)
    ['e', 0.96],
  ] as const) {
    it(`sample ${n}: precision ≥ ${min}, and at least 85 % of the rows still keyed`, async () => {
      const { rows, labels } = load(n);
      const s = await scoreIndicatorSample(rows, labels, ROOT);
      const wrong = s.misses.map((m) => `#${m.id} ${m.text}: ${m.currentKey} (right ${m.rightKey ?? 'none'})`);
      expect(s.precision, wrong.join('\n')).toBeGreaterThanOrEqual(min);
      // precision is not bought by dropping keys: the sample keeps most of its keys (rows skipped for ../shared aside)
      expect(s.keyed).toBeGreaterThanOrEqual(Math.floor(0.85 * (s.rows - s.skipped)));
      expect(s.unmatched).toBe(0);
      if (!absent) expect(s.skipped).toBe(0);
    });
  }
  it('scores a wrong key as wrong (the scorer can fail)', async () => {
    const { rows, labels } = load('a');
    const row = rows.find((r) => !r.file.startsWith('..'))!;
    const label = labels.find((l) => Number(l.id) === row.id)!;
    const s = await scoreIndicatorSample([row], [{ ...label, correct: false, right_key: 'no.such_key' }], ROOT);
    expect(s.keyed === 0 || s.precision === 0).toBe(true);
  });
  it('gives few series two values for one indicator and period in one file of the sampled fixture files (59 at main 6a2ff3b, 8 now)', async () => {
    const rows = [...load('a').rows, ...load('b').rows];
    const files = [...new Set(rows.map((r) => r.file).filter((f) => !f.startsWith('..')))].sort().map((f) => join(ROOT, f));
    const c = await seriesConflicts(files);
    expect(c.length, c.map((x) => `${x.file} ${x.key} ${x.period}: ${x.values.join(', ')}`).join('\n')).toBeLessThanOrEqual(8);
  });
});
