/**
 * The same reports as PDF in four fonts (fixtures/pdf-fonts/<font>/, made by scripts/make-font-pdfs.mjs with
 * LibreOffice): LibreOffice writes DejaVu Sans Mono with a text layer pdf.js decodes into control characters
 * where the tone marks belong, and draws the Vietnamese letters Liberation lacks in a fallback font as runs of
 * their own. Per-page quality scoring sends such pages to poppler; every font must score within 0.01 of the
 * text itself, per fact type. Needs poppler-utils (`pdftotext`; .ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, runEval, type EvalResult } from '../src/eval/harness.js';
import { ingestFile } from '../src/ingest/index.js';
import { textQuality } from '../src/ingest/pdf-quality.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { assertValid } from '../src/validate/validate.js';

const ROOT = packageRoot();
const FONTS_DIR = join(ROOT, 'fixtures', 'pdf-fonts');
const FONTS = readdirSync(FONTS_DIR).sort();
const TYPES = ['references', 'dates', 'metrics'] as const;
const havePoppler = spawnSync('pdftotext', ['-v']).status === 0;

describe('text-layer quality score', () => {
  it('is 1 for clean Vietnamese and English, low for control characters, split and glued syllables', () => {
    expect(textQuality('Sở Khoa học và Công nghệ đã ban hành 12 kế hoạch số 286/KH-SKH&CN.').score).toBe(1);
    expect(textQuality('The Department issued 12 plans in 2023.').score).toBe(1);
    // pdf.js on LibreOffice's DejaVu Sans Mono: `Kết quả` → `Kế\u001at qua\u0002`
    expect(textQuality('Kế\u001at qua\u0002 công tác, hố;sơ, biến chế').score).toBeLessThan(0.5);
    const split = textQuality('chỉ đạ o, đi ề u hành, thực hi ện các kế ho ạch');
    expect(split.score).toBeLessThan(0.9);
    const glued = textQuality('Vềcông tác, tổchức thực hiện');
    expect(glued.glued).toBe(2);
    expect(glued.score).toBeLessThan(0.8);
    expect(textQuality('').score).toBe(0);
  });
});

describe.runIf(havePoppler)('PDFs in four fonts', () => {
  let text: EvalResult;
  const byFont = new Map<string, EvalResult>();
  beforeAll(async () => {
    text = await runEval({});
    for (const f of FONTS) byFont.set(f, await runEval({ format: 'pdf', renderDir: join(FONTS_DIR, f) }));
  }, 600_000);

  it('covers every text fixture in Liberation Serif, Liberation Mono, DejaVu Sans and DejaVu Sans Mono', () => {
    expect(FONTS).toEqual(['dejavu-sans', 'dejavu-sans-mono', 'liberation-mono', 'liberation-serif']);
    for (const f of FONTS) {
      const r = byFont.get(f)!;
      expect(r.files.filter((x) => x.status !== 'ok').map((x) => `${x.gold}: ${x.status} ${x.reason ?? ''}`)).toEqual([]);
      expect(r.files.length).toBe(text.files.length);
    }
  });

  it.each(FONTS)('%s: F1 within 0.01 of the text, per fact type', (font) => {
    const r = byFont.get(font)!;
    for (const t of TYPES) expect(r.overall[t].f1, `${font} ${t}`).toBeGreaterThanOrEqual(text.overall[t].f1 - 0.01);
  });

  it('records the decoder and the score of every page in the Document and the Report', async () => {
    const file = join(FONTS_DIR, 'dejavu-sans-mono', 'seed-cchc-2023-skhcn-tien-giang.pdf');
    const doc = await ingestFile(file);
    const pages = doc.pages!.filter((p) => p.decoding);
    expect(pages.length).toBe(doc.source.pages);
    // pdf.js mis-decodes this font; poppler reads it, and each page keeps the better decoding
    for (const p of pages) {
      expect(p.decoding!.decoder).toBe('poppler');
      expect(p.decoding!.alternative!.decoder).toBe('pdfjs');
      expect(p.decoding!.quality).toBeGreaterThan(p.decoding!.alternative!.quality);
    }
    expect(doc.text).toContain('Về công tác chỉ đạo, điều hành CCHC');
    expect(doc.text).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
    const report = extractReport(doc);
    expect(() => assertValid('report', report)).not.toThrow();
    expect(report.source.pageDecoding!.map((p) => [p.page, p.decoder])).toEqual(pages.map((p) => [p.number, 'poppler']));

    // a clean text layer stays with pdf.js
    const clean = await ingestFile(join(FONTS_DIR, 'dejavu-sans', 'seed-cchc-2023-skhcn-tien-giang.pdf'));
    expect(clean.pages!.filter((p) => p.decoding).every((p) => p.decoding!.decoder === 'pdfjs' && p.decoding!.quality >= 0.97)).toBe(true);
  }, 60_000);
});
