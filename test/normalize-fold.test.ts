/** Tone-placement folding: old/new placement unified; the fast path (nothing to move) agrees with the full one. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldForMatch, foldTonePlacement, moveTones } from '../src/normalize/fold.js';
import { fromRoot } from '../src/util/package-root.js';

describe('foldTonePlacement', () => {
  it('moves the tone of open oa/oe/uy syllables to the first vowel, in NFC or NFD input', () => {
    for (const [input, expected] of [
      ['hoà', 'hòa'],
      ['thuỷ', 'thủy'],
      ['khoẻ mạnh', 'khỏe mạnh'],
      ['HOÀ BÌNH', 'HÒA BÌNH'],
      ['quý, quà', 'quý, quà'],
      ['hoàn thành', 'hoàn thành'],
      ['hoà'.normalize('NFD'), 'hòa'],
      ['văn bản', 'văn bản'],
    ]) expect(foldTonePlacement(input!)).toBe(expected);
    expect(foldForMatch('  Thuỷ   Lợi ')).toBe('thủy lợi');
  });

  it('agrees with the full transformation (moveTones) on every word and line of the text fixtures', () => {
    const dir = fromRoot('fixtures', 'text');
    const pieces = readdirSync(dir).flatMap((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return [...text.split('\n'), ...text.split(/\s+/)];
    });
    expect(pieces.length).toBeGreaterThan(10_000);
    // the fixtures write the new placement only: add every old-style open syllable (hoà, thuỷ, quý, khoẻ …)
    for (const onset of ['', 'h', 'th', 'kh', 'q', 'ng', 'T']) {
      for (const v1 of ['o', 'u', 'O', 'U']) {
        for (const v2 of 'àáãảạèéẽẻẹỳýỹỷỵÀÁÃẢẠ') {
          for (const coda of ['', 'n', ' bình', ',', 'c']) pieces.push(`${onset}${v1}${v2}${coda}`);
        }
      }
    }
    let changed = 0;
    for (const p of pieces) {
      for (const s of [p, p.normalize('NFD'), p.toUpperCase()]) {
        const got = foldTonePlacement(s);
        expect(got, s).toBe(moveTones(s));
        if (got !== s.normalize('NFC')) changed++;
      }
    }
    // both paths are exercised
    expect(changed).toBeGreaterThan(0);
  });
});
