/**
 * Layout invariance (issue 13): the same report in another layout — re-wrapped at widths 30–100 with breaks
 * inside dates, references and number + noun, CRLF, no-break and doubled spaces, markdown emphasis around
 * words, inside dates and inside words — gives the same facts (kind, value, fields; labels up to white space)
 * and the same header metadata, and every fact's span slices exactly to its text. Fixed seeds, so a failure
 * repeats. Runs on every gold fixture and on every text of ../shared/real-text/ (skipped, and said so, when
 * that folder is absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../src/ingest/index.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { layoutVariant, variantOptions } from '../src/eval/variants.js';
import { factSignature, signatureDiff, spanErrors } from '../src/eval/invariance.js';
import { layoutView, opensLine, spanToSource } from '../src/tokens/layout-view.js';
import { OPENER_RULES } from '../src/tokens/rules/openers.js';
import { packageRoot } from '../src/eval/harness.js';
import type { GoldFile } from '../src/eval/gold.js';
import { sharedPath, sharedSuite } from './shared.js';

const ROOT = packageRoot();
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const REAL_TEXT = sharedPath('real-text');

async function extractText(path: string, text: string) {
  const doc = await ingestBytes(path, Buffer.from(text, 'utf8'));
  return extractReport(doc, { includeText: true });
}

async function variantProblems(path: string): Promise<string[]> {
  const raw = readFileSync(path, 'utf8');
  const original = await extractText(path, raw);
  const base = factSignature(original);
  const problems = spanErrors(original, original.text!).map((e) => `original: ${e}`);
  for (const seed of SEEDS) {
    const variant = layoutVariant(raw, seed);
    const r = await extractText(path, variant);
    for (const d of [...signatureDiff(base, factSignature(r)), ...spanErrors(r, r.text!)]) problems.push(`seed ${seed}: ${d}`);
  }
  return problems;
}

describe('opener rules: each record recognises its examples', () => {
  for (const rule of OPENER_RULES) {
    it(rule.id, () => {
      const re = new RegExp(`^(?:${rule.pattern})`);
      for (const s of rule.opens) expect(re.test(s), `${rule.id} should open: ${s}`).toBe(true);
      for (const s of rule.continues) expect(re.test(s), `${rule.id} should not open: ${s}`).toBe(false);
      for (const s of rule.opens) expect(opensLine(`x\n${s}`, 2)).toBe(true);
    });
  }
});

describe('layout view', () => {
  it('joins soft wraps, keeps hard breaks, drops emphasis and splits glued words, with exact spans back', () => {
    const src = 'Quyết định số 111/2007/QĐ-\nTTg ngày 20\ntháng 11 năm **2025**  của\nBộ.\n- Thay thế: 03 văn bản\nngày **21** tháng12 năm 2025; ng**ày 5/6/2024';
    const v = layoutView(src);
    expect(v.text).toBe('Quyết định số 111/2007/QĐ-TTg ngày 20 tháng 11 năm 2025 của Bộ.\n- Thay thế: 03 văn bản ngày 21 tháng 12 năm 2025; ngày 5/6/2024');
    const at = v.text.indexOf('ngày 20 tháng 11 năm 2025');
    const sp = spanToSource(v, at, at + 'ngày 20 tháng 11 năm 2025'.length);
    expect(src.slice(sp.start, sp.end)).toBe('ngày 20\ntháng 11 năm **2025');
  });

  it('keeps symbols and units whole (QH14, km2) and a footnote mark (*)', () => {
    expect(layoutView('số 59/2020/QH14 và 24,46 km2 (*)').text).toBe('số 59/2020/QH14 và 24,46 km2 (*)');
  });

  it('facts across a line break keep their date, issuer and value', async () => {
    const text = 'Căn cứ Quyết định số 111/2007/QĐ-TTg\nngày 20 tháng 7 năm 2007 của Thủ tướng Chính phủ, Sở đã rà soát 22\nvăn bản trong năm\n2024.\n';
    const r = await extractText('inline.txt', text);
    const ref = r.references.find((x) => x.symbol === '111/2007/QĐ-TTg');
    expect(ref?.issuedOn).toBe('2007-07-20');
    expect(r.metrics.map((m) => [m.value, m.unit])).toContainEqual([22, 'văn bản']);
    expect(r.metrics.some((m) => m.value === 2024)).toBe(false);
    expect(spanErrors(r, r.text!)).toEqual([]);
  });
});

describe('variants are layout only', () => {
  it('a variant has the same words as its original, and seeds give different layouts', () => {
    const raw = readFileSync(join(ROOT, 'fixtures', 'text', 'bc-cchc-2023-snv-long-an.txt'), 'utf8');
    const words = (s: string) => s.replace(/\*+/g, '').split(/\s+/).filter(Boolean);
    const layouts = new Set<string>();
    for (const seed of SEEDS) {
      const v = layoutVariant(raw, seed);
      expect(words(v)).toEqual(words(raw));
      layouts.add(v);
    }
    expect(layouts.size).toBe(SEEDS.length);
    expect(SEEDS.some((s) => variantOptions(s).rewrap)).toBe(true);
    expect(SEEDS.some((s) => variantOptions(s).emphasis > 0)).toBe(true);
    expect(SEEDS.some((s) => variantOptions(s).crlf)).toBe(true);
  });
});

describe('same facts in 20 layouts: gold fixtures', () => {
  const goldDir = join(ROOT, 'fixtures', 'gold');
  const files = readdirSync(goldDir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => (JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldFile).file)
    .filter((f) => f.endsWith('.txt'));
  it('covers every text fixture with gold', () => expect(files.length).toBeGreaterThanOrEqual(25));
  for (const f of files) {
    it(f, async () => {
      expect(await variantProblems(join(ROOT, f))).toEqual([]);
    });
  }
});

sharedSuite(['real-text'], 'same facts in 20 layouts: ../shared/real-text', () => {
  const files = existsSync(REAL_TEXT) ? readdirSync(REAL_TEXT).filter((f) => f.endsWith('.txt')).sort() : [];
  for (const f of files) {
    it(f, async () => {
      expect(await variantProblems(join(REAL_TEXT, f))).toEqual([]);
    });
  }
});
