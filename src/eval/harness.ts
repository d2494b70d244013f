/**
 * The accuracy harness: every fixtures/gold/*.gold.json → run the real pipeline on its file (or on another
 * rendering of it) → compare → micro-averaged scores per fact type, per language and per file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, isDynamicPattern } from 'tinyglobby';
import { processFile } from '../pipeline/process-file.js';
import { ingestBytes } from '../ingest/index.js';
import { extractReport } from '../pipeline/extract-report.js';
import { layoutVariant } from './variants.js';
import type { Report } from '../model/report.js';
import { checkGold, loadGold, type GoldFile, type GoldProblem } from './gold.js';
import { addCounts, compareReport, FACT_TYPES, prf, type Counts, type Extra, type FactType, type FieldError, type FieldScore, type FileComparison, type Miss, type Prf } from './match.js';

/** The package root (holds package.json), found from this file whether it runs from src/ or dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === 'report-metrics') return dir;
      } catch {
        /* keep looking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the report-metrics package root');
    dir = up;
  }
}

export interface EvalOptions {
  /** directory of *.gold.json (default <root>/fixtures/gold) */
  goldDir?: string;
  /** restrict to gold whose file (or gold file) matches this glob or, without glob characters, contains it */
  file?: string;
  /** evaluate another rendering: fixtures/<format>/<basename>.<format>; `txt` (default) = the gold file itself */
  format?: string;
  /** where the renderings live: `<renderDir>/<basename>.<format>` instead of fixtures/<format>/ */
  renderDir?: string;
  /** instead of each text, evaluate N layout variants of it (seeds 1..N: re-wrapped, CRLF, spaces, emphasis) */
  variants?: number;
}

export interface FileResult {
  gold: string;
  file: string;
  language: string;
  status: 'ok' | 'skipped' | 'error';
  reason?: string;
  comparison?: FileComparison;
  /** precision, recall, F1 of this file per fact type */
  scores?: Record<FactType, ScoreRow>;
  goldProblems: GoldProblem[];
}

export interface ScoreRow extends Prf, Counts {}

export interface EvalResult {
  format: string;
  files: FileResult[];
  /** micro scores over all evaluated files, per fact type */
  overall: Record<FactType, ScoreRow>;
  byLanguage: Record<string, Record<FactType, ScoreRow>>;
  fields: Record<string, FieldScore & { accuracy: number }>;
  misses: (Miss & { file: string })[];
  extras: (Extra & { file: string })[];
  fieldErrors: (FieldError & { file: string })[];
}

function scoreRows(counts: Record<FactType, Counts>): Record<FactType, ScoreRow> {
  const out = {} as Record<FactType, ScoreRow>;
  for (const t of FACT_TYPES) out[t] = { ...counts[t], ...prf(counts[t]) };
  return out;
}

const emptyCounts = (): Record<FactType, Counts> => ({ references: { tp: 0, fp: 0, fn: 0 }, dates: { tp: 0, fp: 0, fn: 0 }, metrics: { tp: 0, fp: 0, fn: 0 } });

async function selectGold(root: string, goldDir: string, filter: string | undefined): Promise<string[]> {
  if (!existsSync(goldDir)) throw new Error(`${goldDir}: gold directory not found`);
  const all = readdirSync(goldDir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => join(goldDir, f));
  if (filter === undefined) return all;
  if (!isDynamicPattern(filter)) return all.filter((g) => g.includes(filter) || basename(g).replace(/\.gold\.json$/, '').includes(filter));
  const hits = new Set<string>();
  for (const cwd of [process.cwd(), root]) {
    for (const p of await glob([filter], { cwd, absolute: true, onlyFiles: true })) hits.add(resolve(p));
  }
  return all.filter((g) => {
    if (hits.has(resolve(g))) return true;
    try {
      const gold = JSON.parse(readFileSync(g, 'utf8')) as { file?: string };
      return typeof gold.file === 'string' && hits.has(resolve(root, gold.file));
    } catch {
      return false;
    }
  });
}

/** Runs the harness. Never throws for a bad file: the file is reported with status error and counted as all-missed. */
export async function runEval(opts: EvalOptions = {}): Promise<EvalResult> {
  const root = packageRoot();
  const goldDir = opts.goldDir !== undefined ? resolve(opts.goldDir) : join(root, 'fixtures', 'gold');
  const format = opts.format ?? 'txt';
  const goldPaths = await selectGold(root, goldDir, opts.file);
  const files: FileResult[] = [];
  const total = emptyCounts();
  const byLang: Record<string, Record<FactType, Counts>> = {};
  const fields: Record<string, FieldScore> = {};
  const misses: EvalResult['misses'] = [];
  const extras: EvalResult['extras'] = [];
  const fieldErrors: EvalResult['fieldErrors'] = [];

  for (const goldPath of goldPaths) {
    const goldRel = relative(root, goldPath);
    let gold: GoldFile;
    try {
      gold = loadGold(goldPath);
    } catch (e) {
      files.push({ gold: goldRel, file: '', language: '?', status: 'error', reason: e instanceof Error ? e.message : String(e), goldProblems: [] });
      continue;
    }
    const textPath = isAbsolute(gold.file) ? gold.file : join(root, gold.file);
    const base = basename(gold.file).replace(/\.[^.]+$/, '');
    // a gold may be written for a rendering itself (a real PDF with no .txt twin): its file is evaluated for
    // the default format and for its own format, and the gold is checked against the text the pipeline reads
    const ext = extname(gold.file).slice(1).toLowerCase();
    const plainText = ext === 'txt' || ext === '';
    const target = format === 'txt' || format === ext ? textPath : join(opts.renderDir !== undefined ? resolve(opts.renderDir) : join(root, 'fixtures', format), `${base}.${format}`);
    const goldProblems = plainText && existsSync(textPath) ? checkGold(gold, readFileSync(textPath, 'utf8')) : [];
    // the renderings to score: the file itself, or N layout variants of its text
    const runs: { file: string; load: () => Promise<Report> }[] = [];
    const variants = opts.variants ?? 0;
    if (variants > 0 && plainText && target === textPath && existsSync(target)) {
      const source = readFileSync(target, 'utf8');
      for (let seed = 1; seed <= variants; seed++) {
        runs.push({
          file: `${relative(root, target)}#layout-${seed}`,
          load: async () => extractReport(await ingestBytes(target, Buffer.from(layoutVariant(source, seed), 'utf8')), { includeText: true }),
        });
      }
    } else runs.push({ file: relative(root, target), load: () => processFile(target, { includeText: true }) });
    for (const run of runs) {
      const result: FileResult = { gold: goldRel, file: run.file, language: gold.language, status: 'ok', goldProblems };
      files.push(result);
      if (!existsSync(target)) {
        result.status = 'skipped';
        result.reason = `${relative(root, target)} not found`;
        continue;
      }
      const langCounts = (byLang[gold.language] ??= emptyCounts());
      let comparison: FileComparison;
      try {
        const report = await run.load();
        comparison = compareReport(report, gold, report.text ?? '');
        if (!plainText && target === textPath) result.goldProblems = checkGold(gold, report.text ?? '');
      } catch (e) {
        result.status = 'error';
        result.reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        comparison = compareReport({ references: [], dates: [], metrics: [] }, gold, '');
      }
      result.comparison = comparison;
      result.scores = scoreRows(comparison.counts);
      for (const t of FACT_TYPES) {
        total[t] = addCounts(total[t], comparison.counts[t]);
        langCounts[t] = addCounts(langCounts[t], comparison.counts[t]);
      }
      for (const [k, v] of Object.entries(comparison.fields)) {
        const f = (fields[k] ??= { correct: 0, total: 0 });
        f.correct += v.correct;
        f.total += v.total;
      }
      for (const m of comparison.misses) misses.push({ ...m, file: result.file });
      for (const x of comparison.extras) extras.push({ ...x, file: result.file });
      for (const x of comparison.fieldErrors) fieldErrors.push({ ...x, file: result.file });
    }
  }

  const byLanguage: EvalResult['byLanguage'] = {};
  for (const [lang, c] of Object.entries(byLang)) byLanguage[lang] = scoreRows(c);
  const fieldsOut: EvalResult['fields'] = {};
  for (const [k, v] of Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) fieldsOut[k] = { ...v, accuracy: v.total === 0 ? 1 : v.correct / v.total };
  return { format, files, overall: scoreRows(total), byLanguage, fields: fieldsOut, misses, extras, fieldErrors };
}

// ---------------------------------------------------------------- text report

const pct = (x: number): string => x.toFixed(3);
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function scoreTable(title: string, rows: Record<FactType, ScoreRow>): string[] {
  const out = [title, `  ${pad('type', 12)}${lpad('gold', 6)}${lpad('pred', 6)}${lpad('tp', 6)}${lpad('fp', 6)}${lpad('fn', 6)}${lpad('P', 8)}${lpad('R', 8)}${lpad('F1', 8)}`];
  for (const t of FACT_TYPES) {
    const r = rows[t];
    out.push(`  ${pad(t, 12)}${lpad(String(r.tp + r.fn), 6)}${lpad(String(r.tp + r.fp), 6)}${lpad(String(r.tp), 6)}${lpad(String(r.fp), 6)}${lpad(String(r.fn), 6)}${lpad(pct(r.precision), 8)}${lpad(pct(r.recall), 8)}${lpad(pct(r.f1), 8)}`);
  }
  return out;
}

/** The human-readable report printed by `npm run eval`. */
export function formatText(r: EvalResult): string {
  const lines: string[] = [];
  const evaluated = r.files.filter((f) => f.status !== 'skipped');
  lines.push(`report-metrics eval — format ${r.format}, ${evaluated.length} file(s) evaluated, ${r.files.length - evaluated.length} skipped`);
  if (evaluated.length === 0) lines.push(`nothing evaluated: no gold file has a ${r.format} rendering (scores below are vacuous)`);
  lines.push('');
  lines.push(...scoreTable('Overall (micro over all files)', r.overall));
  for (const [lang, rows] of Object.entries(r.byLanguage).sort()) {
    lines.push('');
    lines.push(...scoreTable(`Language ${lang}`, rows));
  }
  lines.push('');
  lines.push('Field accuracy on matched items');
  if (Object.keys(r.fields).length === 0) lines.push('  (no matched items)');
  for (const [k, v] of Object.entries(r.fields)) lines.push(`  ${pad(k, 22)}${lpad(`${v.correct}/${v.total}`, 9)}${lpad(pct(v.accuracy), 8)}`);
  lines.push('');
  lines.push('Per file (F1; P/R in --json)');
  lines.push(`  ${pad('file', 64)}${lpad('refs', 7)}${lpad('dates', 7)}${lpad('metrics', 8)}`);
  for (const f of r.files) {
    if (f.status === 'skipped') {
      lines.push(`  ${pad(f.file || f.gold, 64)}  skipped: ${f.reason ?? ''}`);
      continue;
    }
    const c = f.comparison;
    const cell = (t: FactType, n: number): string => (c ? lpad(pct(prf(c.counts[t]).f1), n) : lpad('-', n));
    lines.push(`  ${pad(f.file || f.gold, 64)}${cell('references', 7)}${cell('dates', 7)}${cell('metrics', 8)}${f.status === 'error' ? `  ERROR: ${f.reason ?? ''}` : ''}`);
  }
  const problems = r.files.flatMap((f) => f.goldProblems.map((p) => `  ${f.gold} ${p.where}: ${p.message}`));
  if (problems.length > 0) {
    lines.push('');
    lines.push(`Gold problems (${problems.length}) — fix the gold file`);
    lines.push(...problems);
  }
  lines.push('');
  lines.push(`Misses — gold not found (${r.misses.length})`);
  for (const m of r.misses) lines.push(`  ${m.file}  ${pad(m.type, 10)} ${JSON.stringify(m.text)} = ${m.value}${m.near ? `   [near: ${m.near}]` : ''}`);
  lines.push('');
  lines.push(`Extras — predicted, not in gold (${r.extras.length})`);
  for (const x of r.extras) lines.push(`  ${x.file}  ${pad(x.type, 10)} ${JSON.stringify(x.text)} = ${x.value}${x.span ? ` @${x.span.start}` : ''}`);
  if (r.fieldErrors.length > 0) {
    lines.push('');
    lines.push(`Field errors on matched items (${r.fieldErrors.length})`);
    for (const e of r.fieldErrors) lines.push(`  ${e.file}  ${pad(e.field, 20)} ${JSON.stringify(e.text)}: gold ${JSON.stringify(e.gold)}, predicted ${JSON.stringify(e.predicted)}`);
  }
  return lines.join('\n') + '\n';
}

/** Fact types whose overall F1 is below `min` (for --min-f1). */
export function belowThreshold(r: EvalResult, min: number): FactType[] {
  return FACT_TYPES.filter((t) => r.overall[t].f1 < min);
}
