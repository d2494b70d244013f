/**
 * Synthetic corpora for tests and benchmarks: distinct, valid reports made from the committed text
 * fixtures (fixtures/text) by varying their counts and adding a numbered closing line.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../util/package-root.js';

export interface FixtureText {
  name: string;
  text: string;
}

export function fixtureTexts(dir = fromRoot('fixtures', 'text')): FixtureText[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no text fixtures in ${dir}`);
  return files.map((f) => ({ name: f.replace(/\.(txt|md)$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}

/** Variant `i` of a report: counts shifted by i, plus a closing line numbered i (so every variant is distinct). */
export function variant(text: string, i: number): string {
  const counted = text.replace(/\b(\d{1,3})( văn bản| TTHC| hồ sơ)/g, (_m, n: string, unit: string) => `${(Number(n) + i) % 1000}${unit}`);
  return `${counted.trimEnd()}\nGhi chú: trong kỳ đã tiếp nhận ${i + 1} hồ sơ.\n`;
}

/** The file name of variant `i` (fixture name + index). */
export function variantName(fx: FixtureText[], i: number): string {
  return `${fx[i % fx.length]!.name}-${String(i).padStart(6, '0')}.txt`;
}

/**
 * Writes variants [from, to) into `dir`, 1,000 per sub-folder (so folders stay listable). Returns the
 * number of bytes written. Memory stays flat: one file at a time.
 */
export function writeVariants(dir: string, from: number, to: number, fx: FixtureText[] = fixtureTexts()): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const sub = join(dir, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i === from || i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const data = variant(fx[i % fx.length]!.text, i);
    writeFileSync(join(sub, variantName(fx, i)), data);
    bytes += Buffer.byteLength(data);
  }
  return bytes;
}
