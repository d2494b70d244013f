/**
 * The real-text dev set (issue 13): blind gold for texts of ../shared/real-text (written by annotators who had
 * not read the rules; see fixtures/gold-real-text/*.gold.json notes). The pipeline must reach F1 ≥ 0.95 per
 * fact type and ≥ 0.97 on reference dates, in the source layout and in layout variants. Skipped, and said so,
 * when ../shared/real-text is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGold, loadGold } from '../src/eval/gold.js';
import { packageRoot, runEval } from '../src/eval/harness.js';
import { siteFrame } from '../src/segment/site-frame.js';
import { layoutView } from '../src/tokens/layout-view.js';
import { sharedAbsent, sharedSuite } from './shared.js';

const ROOT = packageRoot();
const GOLD = join(ROOT, 'fixtures', 'gold-real-text');
const absent = sharedAbsent('real-text');
const present = absent === undefined;
const note = absent ? ` — ${absent}` : '';

describe('real-text gold', () => {
  const files = readdirSync(GOLD).filter((f) => f.endsWith('.gold.json'));
  // the issue asks for 12: 10 blind-annotated texts, and the 4 once held out (scored unseen in session 5, then
  // adjudicated and moved in: fixtures/gold-real-text/*.gold.json `adjudicated`)
  const MIN_FILES = 14;
  it(`has at least ${MIN_FILES} annotated texts, web copies and bare documents`, () => {
    expect(files.length).toBeGreaterThanOrEqual(MIN_FILES);
  });
  it.skipIf(!present)(`holds both saved web pages and bare documents${note}`, () => {
    const framed = files.map((f) => siteFrame(layoutView(readFileSync(join(ROOT, loadGold(join(GOLD, f)).file), 'utf8')).text).rule !== undefined);
    expect(framed.some(Boolean)).toBe(true);
    expect(framed.some((x) => !x)).toBe(true);
  });
  it.skipIf(!present)(`every gold file fits its text${note}`, () => {
    for (const f of files) {
      const g = loadGold(join(GOLD, f));
      expect(checkGold(g, readFileSync(join(ROOT, g.file), 'utf8')), f).toEqual([]);
    }
  });
});

sharedSuite(['real-text'], 'real-text dev set scores', () => {
  for (const variants of [0, 3]) {
    it(variants === 0 ? 'as the sources are laid out' : `in ${variants} layout variants of each`, async () => {
      const r = await runEval({ goldDir: GOLD, ...(variants ? { variants } : {}) });
      expect(r.files.filter((f) => f.status !== 'ok')).toEqual([]);
      for (const t of ['references', 'dates', 'metrics'] as const) expect(r.overall[t].f1, t).toBeGreaterThanOrEqual(0.95);
      expect(r.fields['reference.issuedOn']!.accuracy).toBeGreaterThanOrEqual(0.97);
    });
  }
});
