#!/usr/bin/env node
/**
 * `npm run eval:indicators` — indicator-key precision of the current build on the hand-labelled samples in
 * fixtures/indicator-sample (see ./indicator-sample.ts and that folder's README).
 * `--sample a|b|c` scores one sample (default: all); `--details` prints the misses; `--conflicts` also lists the
 * series conflicts (two values for one indicator and period in one file) over the sampled population's files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
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
  .option('--sample <name>', 'a (dev), b (held-out), c (held-out, session 9); default all')
  .option('--details', 'print the rows keyed wrong, and the right keys lost')
  .option('--conflicts', 'list series conflicts over the sampled files')
  .option('--json', 'machine-readable output')
  .action(async (o: Opts) => {
    const root = packageRoot();
    const dir = join(root, 'fixtures', 'indicator-sample');
    const names = o.sample ? [o.sample] : ['a', 'b', 'c'];
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

try {
  await program.parseAsync();
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
