/**
 * Patterns stay linear-time on hostile input.
 * 1. Every registered rule pattern is accepted by V8's non-backtracking engine (`--enable-experimental-regexp-engine`,
 *    flag `l`), which only takes patterns it can match in time linear in the input.
 * 2. 1 MB adversarial strings go through the whole extraction while every regular-expression call is counted
 *    (characters handed to the engine); the total must stay within a constant factor of the input size.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../src/ingest/text.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { registeredPatterns } from '../src/util/pattern.js';
import { sha256Hex } from '../src/util/hash.js';

const MB = 1024 * 1024;

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const ADVERSARIAL: Record<string, string> = {
  'số 1/1/1/…': 'số ' + repeatTo('1/', MB),
  'long digit run': repeatTo('1', MB),
  'ngày × 100k': repeatTo('ngày ', MB),
  'dotted number run': repeatTo('1.000', MB),
  'symbol groups A-A-A': '1/' + repeatTo('A-', MB),
  'breakdown chains': repeatTo('36, trong đó: Khối: 24; ', MB),
  'type words': repeatTo('Quyết định số ', MB),
  'day-month parens': repeatTo('(1/1)', MB),
  'section headings': repeatTo('1. a\n', MB),
  'labels and colons': repeatTo('Tổng số: 1: 2: 3 ', MB),
  'no spaces letters': repeatTo('ngàyngàyngày', MB),
};

describe('linear-time patterns', () => {
  it('every rule pattern compiles in V8 linear-time mode', async () => {
    // importing the packs registers their patterns
    await import('../src/extract/vi/index.js');
    await import('../src/extract/en/index.js');
    await import('../src/ingest/ocr-repair.js');
    const patterns = registeredPatterns();
    expect(patterns.length).toBeGreaterThan(20);
    const script = `
      const pats = JSON.parse(process.argv[1]);
      const bad = [];
      for (const p of pats) { try { new RegExp(p.source, p.flags + 'l'); } catch (e) { bad.push(p.id + ': ' + e.message); } }
      process.stdout.write(JSON.stringify(bad));
    `;
    const out = execFileSync(process.execPath, ['--enable-experimental-regexp-engine', '-e', script, JSON.stringify(patterns)], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
  });

  for (const [name, input] of Object.entries(ADVERSARIAL)) {
    it(`1 MB adversarial input stays within a linear step budget: ${name}`, () => {
      const doc = textToDocument(input, { path: name, sha256: sha256Hex(input), mediaType: 'text/plain', bytes: input.length });
      const original = RegExp.prototype.exec;
      let steps = 0;
      RegExp.prototype.exec = function (this: RegExp, s: string) {
        const from = this.global || this.sticky ? this.lastIndex : 0;
        const r = original.call(this, s);
        // a failed sticky attempt tries one position only; a failed search scans to the end
        const to = r ? r.index + r[0].length : this.sticky ? from + 1 : s.length;
        steps += Math.max(1, to - from);
        return r;
      };
      try {
        extractReport(doc, { language: 'vi', skipValidation: true });
      } finally {
        RegExp.prototype.exec = original;
      }
      // a constant factor per input character: rules × passes × bounded look-around windows
      expect(steps).toBeLessThan(400 * input.length);
    });
  }
});
