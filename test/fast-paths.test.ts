/**
 * The speed shortcuts of issue 13p give what the plain definitions give: cellText against its three replaces,
 * normalizeText's NFC-only path against the full chain of steps, on seeded random strings and the real texts.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cellText, textTables } from '../src/ingest/text-tables.js';
import { normalizeText, normalizeTextFull } from '../src/normalize/normalize-text.js';
import { detectLanguage } from '../src/extract/language.js';
import { prng } from '../src/util/prng.js';
import { fromRoot } from '../src/util/package-root.js';

const cellDefinition = (text: string, start: number, end: number) => text.slice(start, end).replace(/\*+|__+/g, '').replace(/\s+/g, ' ').trim();

/** characters that matter to the cleaning: letters, spaces of every kind, emphasis, pipes, a lone surrogate */
const ALPHABET = ['a', 'B', 'đ', 'ữ', '1', ' ', ' ', '\n', '\t', '\r', '*', '_', '|', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\ud800'];

const realDir = fromRoot('..', 'shared', 'real-text');
const realTexts = existsSync(realDir) ? readdirSync(realDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(realDir, f), 'utf8')) : [];

describe('cellText', () => {
  it('equals the replace chain on 20,000 seeded random strings and spans', () => {
    const rnd = prng(13);
    for (let n = 0; n < 20_000; n++) {
      const len = Math.floor(rnd() * 16);
      let t = '';
      for (let i = 0; i < len; i++) t += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      const start = Math.floor(rnd() * (t.length + 1));
      const end = start + Math.floor(rnd() * (t.length - start + 1));
      expect(cellText(t, { start, end })).toBe(cellDefinition(t, start, end));
    }
  });

  it.skipIf(realTexts.length === 0)('equals the replace chain on every table cell of ../shared/real-text', () => {
    let cells = 0;
    for (const raw of realTexts) {
      const text = normalizeText(raw);
      for (const t of textTables(text)) for (const row of t.rows) for (const c of row) {
        expect(cellText(text, c)).toBe(cellDefinition(text, c.start, c.end));
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(100);
  });
});

describe('normalizeText', () => {
  it('gives what the full chain of steps gives for every BMP character, alone and between letters', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `A${ch}B`, `a${ch}\u0301`]) expect(normalizeText(s)).toBe(normalizeTextFull(s));
    }
  });

  it('gives what the full chain gives on the fixture texts and ../shared/real-text, NFD and CRLF copies included', () => {
    const dir = fromRoot('fixtures', 'text');
    const texts = [...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8')), ...realTexts];
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) {
      for (const v of [t, t.normalize('NFD'), t.replace(/\n/g, '\r\n')]) expect(normalizeText(v)).toBe(normalizeTextFull(v));
    }
  });
});

describe('detectLanguage', () => {
  it('tells the languages apart by their function words (hashed as read)', () => {
    expect(detectLanguage('The report of the Department was approved and the plan has been published.')).toBe('en');
    expect(detectLanguage('Báo cáo của Sở Nội vụ về kết quả thực hiện công tác cải cách hành chính trong năm 2024 và các nhiệm vụ được giao.')).toBe('vi');
    // English function words beside Vietnamese names still decide
    expect(detectLanguage('The Department of Science and Technology of Tiền Giang province reported that the plan was completed.')).toBe('en');
  });
});
