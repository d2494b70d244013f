/**
 * The OCR repair rules (src/ingest/rules/ocr-repair.ts) run on their own corpus: every case is repaired as
 * stated, every kept line is left alone; specks are dropped; words keep boxes from their source characters.
 */
import { describe, expect, it } from 'vitest';
import { isJunkWord, isSpeckLine, mendCode, repairOcrLine, repairOcrPageText, repairOcrText } from '../src/ingest/ocr-repair.js';
import { parseTsv } from '../src/ingest/ocr.js';
import { OCR_CODE_EDITS, OCR_DIGIT_FRAMES, OCR_TERM_DIGIT, OCR_TEXT_RULES, OCR_UNIT_MARKS } from '../src/ingest/rules/ocr-repair.js';

describe('OCR text rules: the corpus', () => {
  for (const r of [...OCR_TEXT_RULES, ...OCR_DIGIT_FRAMES, OCR_UNIT_MARKS]) {
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
  it(`${OCR_TERM_DIGIT.id}: ${OCR_TERM_DIGIT.cases.length} cases, ${OCR_TERM_DIGIT.keeps.length} kept`, () => {
    for (const [input, expected] of OCR_TERM_DIGIT.cases) expect(repairOcrPageText(input), input).toBe(expected);
    for (const k of OCR_TERM_DIGIT.keeps) expect(repairOcrPageText(k), k).toBe(k);
  });
});

/** A tesseract TSV of one page: each line a list of [text, left, top, width, height]. */
function tsvOf(lines: [string, number, number, number, number][][]): string {
  const rows = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', '1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t'];
  lines.forEach((l, li) => l.forEach(([t, x, y, w, h], wi) => rows.push(`5\t1\t1\t1\t${li + 1}\t${wi + 1}\t${x}\t${y}\t${w}\t${h}\t96\t${t}`)));
  return rows.join('\n');
}

describe('OCR page repair (tesseract TSV)', () => {
  it('drops a line that is one tiny digit between two lines of a citation (a grain of the scan), keeps a bullet and a real digit', () => {
    // measured boxes from a seed-2 scan: words 35-50 px high, the grain 10×13 px
    const page = [
      [['Công', 1374, 758, 106, 45], ['văn', 1493, 756, 71, 35], ['số', 1579, 750, 45, 39], ['2150/STP-XDKTVB', 1642, 740, 420, 46], ['ngày', 2078, 735, 95, 46]],
      [['2', 946, 820, 10, 13]],
      [['06/9/2021', 327, 848, 198, 40], ['của', 542, 836, 74, 44], ['Sở', 632, 833, 57, 45]],
      [['-', 359, 950, 14, 5]],
      [['Phụ', 400, 940, 80, 44], ['lục', 490, 940, 60, 44]],
      [['1', 400, 1040, 12, 34]],
    ] as [string, number, number, number, number][][];
    const words = (repair: boolean) => parseTsv(tsvOf(page), 72 / 300, undefined, repair)[0]!.items.map((i) => i.str);
    expect(words(false)).toContain('2');
    expect(words(true)).not.toContain('2');
    expect(words(true)).toEqual(expect.arrayContaining(['-', '1', 'ngày', '06/9/2021']));
    expect(isSpeckLine([{ text: '2', width: 10, height: 13 }], 44)).toBe(true);
    expect(isSpeckLine([{ text: '2', width: 20, height: 30 }], 44)).toBe(false);
    expect(isSpeckLine([{ text: '-', width: 14, height: 5 }], 44)).toBe(false);
  });
  it('restores the term digit from the citation date on the next line', () => {
    const page = [
      [['Nghị', 300, 700, 90, 44], ['quyết', 400, 700, 100, 44], ['số', 510, 700, 40, 40], ['1663/NQ-UBTVQH5', 560, 700, 380, 45], ['ngày', 960, 700, 90, 44]],
      [['16/6/2025', 300, 760, 190, 42], ['của', 500, 760, 70, 44]],
    ] as [string, number, number, number, number][][];
    const strs = (repair: boolean) => parseTsv(tsvOf(page), 72 / 300, undefined, repair)[0]!.items.map((i) => i.str);
    expect(strs(true)).toContain('1663/NQ-UBTVQH15');
    expect(strs(false)).toContain('1663/NQ-UBTVQH5');
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
