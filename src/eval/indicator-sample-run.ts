#!/usr/bin/env node
/**
 * `npm run eval:indicators` — indicator-key precision of the current build on the hand-labelled samples in
 * fixtures/indicator-sample (see ./indicator-sample.ts and that folder's README).
 * `--sample <letter>` scores one sample (default: every sample that has labels); `--details` prints the misses; `--conflicts` also lists the
 * series conflicts (two values for one indicator and period in one file) over the sampled population's files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { runEvalCli } from './cli.js';
import { packageRoot } from './harness.js';
import { readNdjson, scoreIndicatorSample, seriesConflicts, type SampleLabel, type SampleRow } from './indicator-sample.js';

interface Opts {
  sample?: string;
  details?: boolean;
  conflicts?: boolean;
  json?: boolean;
}

const program = new Command();
program
  .exitOverride()
  .name('eval:indicators')
  .description('Indicator-key precision on the hand-labelled samples in fixtures/indicator-sample')
  .option('--sample <letter>', 'one sample (a, b, c: dev; later letters: held-out, see the folder README); default every labelled sample')
  .option('--details', 'print the rows keyed wrong, and the right keys lost')
  .option('--conflicts', 'list series conflicts over the sampled files')
  .option('--json', 'machine-readable output')
  .action(async (o: Opts) => {
    const root = packageRoot();
    const dir = join(root, 'fixtures', 'indicator-sample');
    const labelled = readdirSync(dir)
      .map((f) => /^labels-([a-z])\.ndjson$/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .sort();
    if (o.sample !== undefined && !/^[a-z]$/.test(o.sample)) throw new Error(`--sample ${o.sample}: one letter (${labelled.join(', ')})`);
    const names = o.sample ? [o.sample] : labelled;
    const out: Record<string, unknown> = {};
    const files = new Set<string>();
    for (const n of names) {
      const rows = readNdjson<SampleRow>(join(dir, `sample-${n}.ndjson`));
      const labelPath = join(dir, `labels-${n}.ndjson`);
      if (!existsSync(labelPath)) throw new Error(`${labelPath}: no labels`);
      const s = await scoreIndicatorSample(rows, readNdjson<SampleLabel>(labelPath), root);
      for (const r of s.scored) files.add(join(root, r.file));
      out[n] = { ...s, scored: undefined, misses: o.details ? s.misses : s.misses.length };
      if (!o.json) {
        console.log(
          `sample ${n}: precision ${s.correct}/${s.keyed} = ${s.precision.toFixed(3)} (as sampled: ${s.sampledPrecision.toFixed(3)}); rows ${s.rows}, skipped ${s.skipped} (file absent), not found ${s.unmatched}, now unkeyed ${s.unkeyed} (of which had a right key ${s.lostRight})`,
        );
        if (o.details) {
          for (const m of s.misses) console.log(`  wrong #${m.id} ${m.file} «${m.text}»: ${m.currentKey} (right: ${m.rightKey ?? 'none'})`);
          for (const m of s.scored.filter((x) => x.currentKey === null && x.rightKey !== null)) console.log(`  lost #${m.id} ${m.file} «${m.text}»: right ${m.rightKey}`);
          for (const m of s.scored.filter((x) => x.currentKey === undefined)) console.log(`  not found #${m.id} ${m.file} «${m.text}»`);
        }
      }
    }
    if (o.conflicts) {
      const c = await seriesConflicts([...files].sort());
      out.conflicts = c;
      if (!o.json) {
        console.log(`series conflicts over ${files.size} files: ${c.length}`);
        for (const x of c) console.log(`  ${x.file} ${x.key} ${x.period}: ${x.values.join(', ')}`);
      }
    }
    if (o.json) console.log(JSON.stringify(out, null, 1));
  });

runEvalCli(program, 'eval:indicators');
