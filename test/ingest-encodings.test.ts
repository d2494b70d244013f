/**
 * Text encodings: the seed report in UTF-8 (±BOM), UTF-16 LE/BE, NFD, CP1258, TCVN3 and VNI is detected,
 * reported in source.encoding and decodes to the text of the UTF-8 file (TCVN3 has no toned capitals, so
 * there the comparison ignores case), and gives the same facts. The TCVN3 and VNI tables are checked letter by
 * letter against the domain reference's table (a copy is in src/ingest/legacy-table.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/eval/harness.js';
import { ingestFile, InputError } from '../src/ingest/index.js';
import { decodeTcvn3, decodeVni, detectAndDecode, encodeTcvn3, encodeVni, tcvn3FontToUnicode, vniFontToUnicode } from '../src/ingest/encodings.js';
import { LEGACY_LETTERS } from '../src/ingest/legacy-table.js';
import { extractReport } from '../src/pipeline/extract-report.js';

const enc = (f: string) => join(packageRoot(), 'fixtures', 'encodings', f);
const facts = (r: ReturnType<typeof extractReport>) => ({
  references: r.references.map((x) => `${x.symbol}@${x.span.start}`),
  dates: r.dates.map((x) => `${x.value}@${x.span.start}`),
  metrics: r.metrics.map((x) => `${x.kind}:${x.value}@${x.span.start}`),
});

describe('legacy encodings of the seed report', async () => {
  const utf8 = await ingestFile(enc('seed.utf8.txt'));
  const base = extractReport(utf8);
  const cases: [string, string, boolean][] = [
    ['seed.utf8-bom.txt', 'utf-8-bom', true],
    ['seed.utf16le.txt', 'utf-16le', true],
    ['seed.utf16be.txt', 'utf-16be', true],
    ['seed.nfd.txt', 'utf-8-nfd', true],
    ['seed.cp1258.txt', 'windows-1258', true],
    ['seed.vni.txt', 'vni', true],
    ['seed.tcvn3.txt', 'tcvn3', false],
  ];
  for (const [file, name, exact] of cases) {
    it(`${file}: detected as ${name}, same text, same facts`, async () => {
      const doc = await ingestFile(enc(file));
      expect(doc.source.encoding).toBe(name);
      if (exact) expect(doc.text).toBe(utf8.text);
      else {
        // TCVN3 writes Ủ as ủ: only the case of toned capitals may differ
        expect(doc.text.length).toBe(utf8.text.length);
        expect(doc.text.toLowerCase()).toBe(utf8.text.toLowerCase());
        expect(doc.text).not.toBe(utf8.text);
      }
      expect(facts(extractReport(doc))).toEqual(facts(base));
    });
  }

  it('the seed has facts to compare', () => {
    expect(base.references.length).toBeGreaterThan(5);
    expect(base.dates.length).toBeGreaterThan(5);
  });

  it('--encoding overrides detection, and an unknown name is a clear error', async () => {
    const forced = await ingestFile(enc('seed.vni.txt'), { encoding: 'windows-1258' });
    expect(forced.source.encoding).toBe('windows-1258');
    expect(forced.text).not.toBe(utf8.text);
    expect((await ingestFile(enc('seed.tcvn3.txt'), { encoding: 'TCVN3' })).source.encoding).toBe('tcvn3');
    await expect(ingestFile(enc('seed.vni.txt'), { encoding: 'klingon' })).rejects.toThrow(/seed\.vni\.txt: unknown encoding "klingon"/);
    await expect(ingestFile(enc('seed.vni.txt'), { encoding: 'utf-8' })).rejects.toBeInstanceOf(InputError);
  });
});

describe('TCVN3 and VNI tables', () => {
  it('every letter round-trips through VNI', () => {
    for (const [ch, , vni] of LEGACY_LETTERS) {
      expect(decodeVni(Uint8Array.from(vni)), ch).toBe(ch);
      expect([...encodeVni(ch)], ch).toEqual([...vni]);
    }
  });
  it('every letter decodes from TCVN3 (toned capitals come back lower case)', () => {
    for (const [ch, t] of LEGACY_LETTERS) {
      const got = decodeTcvn3(Uint8Array.of(t));
      expect(got === ch || got === ch.toLowerCase(), `${ch} ← 0x${t.toString(16)} gave ${got}`).toBe(true);
      expect(encodeTcvn3(ch)[0], ch).toBe(t);
    }
  });
  it('TCVN3 bytes 0x80-0x9F are CP1252 punctuation, not VN1 capitals (domain reference §5.3)', () => {
    expect(decodeTcvn3(Uint8Array.of(0x93, 0x61, 0x94, 0x96))).toBe('\u201Ca\u201D\u2013');
  });
  it('signature examples of the domain reference decode (§5.2)', () => {
    // text as a legacy font shows it (Latin-1 view)
    expect(tcvn3FontToUnicode('ViÖt Nam, NghÞ ®Þnh, vµ, cña, c¸c, n¨m, C«ng')).toBe('Việt Nam, Nghị định, và, của, các, năm, Công');
    expect(tcvn3FontToUnicode('®\u00ADîc')).toBe('được');
    expect(vniFontToUnicode('Vieät Nam, ñöôïc, Nghò ñònh, vaø, cuûa, caùc, naêm, Coäng hoøa')).toBe('Việt Nam, được, Nghị định, và, của, các, năm, Cộng hòa');
    expect(tcvn3FontToUnicode('ñy ban', true)).toBe('ỦY BAN');
  });
  it('detection picks the encoding by syllable validity, not by one character', () => {
    const text = 'Ủy ban nhân dân tỉnh báo cáo kết quả cải cách hành chính năm 2023 được đánh giá.';
    expect(detectAndDecode(encodeVni(text)).encoding).toBe('vni');
    expect(detectAndDecode(encodeTcvn3(text)).encoding).toBe('tcvn3');
    expect(detectAndDecode(encodeVni(text)).text).toBe(text);
    expect(detectAndDecode(new TextEncoder().encode(text)).encoding).toBe('utf-8');
  });
});

describe('the seed file itself', () => {
  it('fixtures/encodings/seed.utf8.txt is the shared seed report', () => {
    const seed = readFileSync(enc('seed.utf8.txt'), 'utf8');
    expect(seed).toContain('39/QĐ-TrTNCƯD');
  });
});
