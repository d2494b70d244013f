#!/usr/bin/env node
/**
 * `npm run eval:semantics` — what each figure means, scored against the blind gold in
 * fixtures/gold-real-text-semantics (see ./semantics.ts for the matching rules).
 * `--reports DIR` scores saved Report JSON (`DIR/<basename>.json`, written with `extract --include-text`) instead
 * of running the pipeline: that is how another build (the code before a change) is scored with this scorer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { Command } from 'commander';
import { runEvalCli } from './cli.js';
import { processFile } from '../pipeline/process-file.js';
import { normalizeText } from '../normalize/normalize-text.js';
import { packageRoot } from './harness.js';
import { compareSemantics, loadSemanticGold, SEMANTIC_SCORES, totalSemantics, type PredictedMetric, type SemanticComparison } from './semantics.js';

interface Opts {
  goldDir?: string;
  reports?: string;
  file?: string;
  json?: boolean;
  details?: boolean;
}

const program = new Command();
program
  .exitOverride()
  .name('eval:semantics')
  .description('Score metric semantics (durations, ranges, changes, targets, subjects) against fixtures/gold-real-text-semantics')
  .option('--gold-dir <dir>', 'directory of *.metrics.json (default fixtures/gold-real-text-semantics)')
  .option('--reports <dir>', 'score saved Report JSON files (<basename>.json, with text) instead of running the pipeline')
  .option('--file <s>', 'only gold files whose name contains this string')
  .option('--details', 'print misses, extras, field errors and must-not-fire hits')
  .option('--json', 'machine-readable output')
  .action(async (o: Opts) => {
    const root = packageRoot();
    const dir = o.goldDir ? resolve(o.goldDir) : join(root, 'fixtures', 'gold-real-text-semantics');
    if (!existsSync(dir)) throw new Error(`${dir}: gold directory not found`);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.metrics.json') && (o.file === undefined || f.includes(o.file)))
      .sort();
    const comps: { file: string; c: SemanticComparison }[] = [];
    const skipped: string[] = [];
    for (const f of files) {
      const gold = loadSemanticGold(join(dir, f));
      const textPath = isAbsolute(gold.file) ? gold.file : join(root, gold.file);
      const base = basename(gold.file).replace(/\.[^.]+$/, '');
      let metrics: PredictedMetric[];
      let text: string;
      if (o.reports) {
        const rp = join(resolve(o.reports), `${base}.json`);
        if (!existsSync(rp)) {
          skipped.push(`${f}: ${rp} not found`);
          continue;
        }
        const r = JSON.parse(readFileSync(rp, 'utf8')) as { metrics: PredictedMetric[]; text?: string };
        metrics = r.metrics;
        text = r.text ?? normalizeText(readFileSync(textPath, 'utf8'));
      } else {
        if (!existsSync(textPath)) {
          skipped.push(`${f}: ${textPath} not found`);
          continue;
        }
        const r = await processFile(textPath, { includeText: true });
        metrics = r.metrics as PredictedMetric[];
        text = r.text ?? '';
      }
      comps.push({ file: f, c: compareSemantics(metrics, gold, text) });
    }
    const t = totalSemantics(comps.map((x) => x.c));
    if (o.json) {
      process.stdout.write(JSON.stringify({ totals: t, files: comps, skipped }, null, 2) + '\n');
      return;
    }
    const f3 = (x: number): string => x.toFixed(3);
    const out: string[] = [`metric semantics — ${comps.length} file(s) from ${dir}${skipped.length ? `, ${skipped.length} skipped` : ''}`, ''];
    out.push('  score        gold  pred    tp    fp    fn       P       R      F1');
    const row = (name: string, c: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }): string =>
      `  ${name.padEnd(11)}${String(c.tp + c.fn).padStart(5)}${String(c.tp + c.fp).padStart(6)}${String(c.tp).padStart(6)}${String(c.fp).padStart(6)}${String(c.fn).padStart(6)}${f3(c.precision).padStart(8)}${f3(c.recall).padStart(8)}${f3(c.f1).padStart(8)}`;
    for (const k of SEMANTIC_SCORES) out.push(row(k, t.scores[k]));
    out.push('', '  by kind');
    for (const [k, v] of Object.entries(t.byKind)) out.push(row(`  ${k}`, v));
    out.push('', '  field accuracy on matched metrics');
    for (const [k, v] of Object.entries(t.fields)) out.push(`    ${k.padEnd(18)}${`${v.correct}/${v.total}`.padStart(9)}${f3(v.accuracy).padStart(8)}`);
    out.push('', `  must-not-fire items hit by a predicted metric: ${t.notMetricsHit}/${t.notMetricsTotal}`);
    out.push('', '  per file (metrics F1)');
    for (const { file, c } of comps) {
      const m = c.counts.metrics;
      const p = m.tp + m.fp ? m.tp / (m.tp + m.fp) : m.fn ? 0 : 1;
      const r = m.tp + m.fn ? m.tp / (m.tp + m.fn) : m.fp ? 0 : 1;
      out.push(`    ${file.padEnd(44)} ${f3(p + r ? (2 * p * r) / (p + r) : 0)}  (gold ${m.tp + m.fn}, pred ${m.tp + m.fp})`);
    }
    for (const s of skipped) out.push(`    skipped ${s}`);
    if (o.details) {
      for (const { file, c } of comps) {
        out.push('', `== ${file}`);
        for (const m of c.misses) out.push(`  miss   ${m.kind} ${m.value} ${JSON.stringify(m.text)}${m.near ? `  [near ${m.near}]` : ''}`);
        for (const x of c.extras) out.push(`  extra  ${x.kind} ${x.value} ${JSON.stringify(x.text)} @${x.start}`);
        for (const e of c.fieldErrors) out.push(`  field  ${e.field} ${JSON.stringify(e.text)}: gold ${JSON.stringify(e.gold)} predicted ${JSON.stringify(e.predicted)}`);
        for (const e of c.notMetricErrors) out.push(`  mustnot ${JSON.stringify(e.text)} (${e.why ?? ''}) fired as ${e.predicted}`);
      }
    }
    process.stdout.write(out.join('\n') + '\n');
  });

runEvalCli(program, 'eval:semantics');
