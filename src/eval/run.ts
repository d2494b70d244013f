#!/usr/bin/env node
/**
 * `npm run eval` — accuracy of the pipeline against the gold-annotated fixtures.
 * Always exits 0 (it is a report) unless --min-f1 is given and an overall F1 is below it (exit 1);
 * exit 2 on a usage error.
 */
import { Command, InvalidArgumentError } from 'commander';
import { runEvalCli } from './cli.js';
import { belowThreshold, formatText, runEval, type EvalOptions } from './harness.js';

function parseF1(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number between 0 and 1');
  return n;
}

const program = new Command();
program
  .exitOverride()
  .name('eval')
  .description('Score references, dates and metrics of the pipeline against fixtures/gold/*.gold.json')
  .option('--file <glob>', 'only gold whose text file (or gold file) matches this glob; a plain string matches by substring')
  .option('--format <fmt>', 'evaluate the rendering fixtures/<fmt>/<basename>.<fmt> (skipped when absent)', 'txt')
  .option('--render-dir <dir>', 'read the renderings from <dir>/<basename>.<fmt> instead of fixtures/<fmt>/')
  .option('--gold-dir <dir>', 'directory of *.gold.json (default: fixtures/gold of the package)')
  .option('--variants <n>', 'score N layout variants of each text instead of the text (re-wrapped, CRLF, spaces, emphasis; seeds 1..N)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
    return n;
  })
  .option('--json', 'print machine-readable JSON instead of the text report')
  .option('--min-f1 <x>', 'exit 1 when an overall F1 (references, dates or metrics) is below x', parseF1)
  .action(async (o: { file?: string; format: string; goldDir?: string; renderDir?: string; json?: boolean; minF1?: number; variants?: number }) => {
    const opts: EvalOptions = { format: o.format };
    if (o.variants !== undefined) opts.variants = o.variants;
    if (o.file !== undefined) opts.file = o.file;
    if (o.goldDir !== undefined) opts.goldDir = o.goldDir;
    if (o.renderDir !== undefined) opts.renderDir = o.renderDir;
    const result = await runEval(opts);
    process.stdout.write(o.json ? JSON.stringify(result, null, 2) + '\n' : formatText(result));
    if (o.minF1 !== undefined) {
      const low = belowThreshold(result, o.minF1);
      if (low.length > 0) {
        process.stderr.write(`eval: F1 below ${o.minF1} for ${low.map((t) => `${t} (${result.overall[t].f1.toFixed(3)})`).join(', ')}\n`);
        process.exitCode = 1;
      }
    }
  });

runEvalCli(program, 'eval');
