/**
 * The OCR repair rules (src/ingest/rules/ocr-repair.ts) run on their own corpus: every case is repaired as
 * stated, every kept line is left alone; specks are dropped; words keep boxes from their source characters.
 */
import { describe, expect, it } from 'vitest';
import { isJunkWord, mendCode, repairOcrLine, repairOcrText } from '../src/ingest/ocr-repair.js';
import { OCR_CODE_EDITS, OCR_DIGIT_FRAMES, OCR_TEXT_RULES } from '../src/ingest/rules/ocr-repair.js';

describe('OCR text rules: the corpus', () => {
  for (const r of [...OCR_TEXT_RULES, ...OCR_DIGIT_FRAMES]) {
    it(`${r.id}: ${r.cases.length} cases, ${r.keeps.length} kept`, () => {
      for (const [input, expected] of r.cases) expect(repairOcrText(input), `${r.id} on ${input}`).toBe(expected);
      for (const k of r.keeps) expect(repairOcrText(k), `${r.id} keeps ${k}`).toBe(k);
    });
  }
  it(`${OCR_CODE_EDITS.id}: codes mended by one edit against the vocabularies, known and ambiguous ones kept`, () => {
    for (const [input, expected] of OCR_CODE_EDITS.cases) {
      expect(mendCode(input), input).toBe(expected);
      expect(repairOcrText(`số 12/QĐ-${input} ngày`)).toBe(`số 12/QĐ-${expected} ngày`);
    }
    for (const k of OCR_CODE_EDITS.keeps) expect(repairOcrText(`số 12/QĐ-${k}`)).toBe(`số 12/QĐ-${k}`);
  });
});

describe('OCR line repair', () => {
  it('drops specks (junk characters; weak punctuation and lone letters at low confidence), keeps a bullet', () => {
    expect(isJunkWord({ text: '`', conf: 90 }, false)).toBe(true);
    expect(isJunkWord({ text: ':', conf: 20 }, false)).toBe(true);
    expect(isJunkWord({ text: ':', conf: 90 }, false)).toBe(false);
    expect(isJunkWord({ text: 'ệ', conf: 0 }, false)).toBe(true);
    expect(isJunkWord({ text: 'ở', conf: 90 }, false)).toBe(false);
    expect(isJunkWord({ text: '-', conf: 40 }, true)).toBe(false);
    const words = [{ text: 'Số:', left: 0, width: 30, conf: 95 }, { text: '2356/BC-SYT', left: 35, width: 110, conf: 92 }, { text: '_', left: 150, width: 5, conf: 60 }, { text: ':', left: 160, width: 3, conf: 10 }];
    expect(repairOcrLine(words).map((w) => w.text)).toEqual(['Số:', '2356/BC-SYT']);
  });
  it('a word split in two gets the two parts of its box; two words joined get the union', () => {
    const split = repairOcrLine([{ text: '05/KH-UBNDngày', left: 100, width: 140, conf: 90 }]);
    expect(split.map((w) => w.text)).toEqual(['05/KH-UBND', 'ngày']);
    expect(split[0]!.left).toBe(100);
    expect(split[1]!.left).toBeGreaterThan(180);
    expect(split[1]!.left + split[1]!.width).toBeCloseTo(240);
    const joined = repairOcrLine([{ text: '76/2023/T', left: 0, width: 90, conf: 90 }, { text: 'T-BTC', left: 100, width: 50, conf: 80 }]);
    expect(joined).toEqual([{ text: '76/2023/TT-BTC', left: 0, width: 150, conf: 80 }]);
  });
  it('is linear on a long hostile line', () => {
    const line = `${'1/'.repeat(20_000)} ${'Il'.repeat(20_000)} ${'12/QĐĐĐ-'.repeat(5_000)}`;
    expect(repairOcrText(line).length).toBeGreaterThan(0);
  });
});
