/**
 * Measures the auditor checks on the planted fixtures (issue 6): runs the real pipeline on
 * fixtures/planted/*.txt and fixtures/clean/*.txt, the checks with the report text, and the cross-report
 * checks on batch folders built from fixtures/planted/series/ (planted) and fixtures/clean/ (clean),
 * through the link step when it is available.
 *
 *   node dist/src/eval/checks.js [--json]
 *
 * Recall = planted inconsistencies found (a finding of the expected rule whose evidence overlaps the
 * planted text) / all planted; false findings = every finding on a clean report, and every finding on a
 * planted report that matches no plant.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, Report } from '../model/report.js';
import { processFile } from '../pipeline/process-file.js';
import { recheck } from '../check/index.js';
import { checkAcross, readBatchDir } from '../check/cross.js';

export function packageRoot(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'schemas'))) return d;
    d = dirname(d);
  }
  throw new Error('package root not found');
}

export interface Plant {
  file: string;
  rule: string;
  at: string;
  note?: string;
  /** rules whose findings on the same text follow from the plant (not counted as extra) */
  also?: string[];
  /** other texts of the planted report whose findings of the plant's rule follow from the plant */
  related?: string[];
}

export interface PlantResult extends Plant {
  found: boolean;
  findings: string[];
}

export interface EvalResult {
  planted: number;
  found: number;
  recall: number;
  byRule: Record<string, { planted: number; found: number }>;
  missed: PlantResult[];
  cleanReports: number;
  cleanFindings: Array<{ file: string; rule: string; message: string }>;
  falsePerTenClean: number;
  plantedReportExtra: Array<{ file: string; rule: string; message: string }>;
  seed?: { findings: Array<{ rule: string; message: string }> };
  /** fixtures written by other engineers (fixtures/text, fixtures/multiyear): no plants of ours */
  independent?: {
    reports: number;
    findings: Array<{ file: string; rule: string; message: string }>;
    /** fixtures/multiyear/expected.json conflicts and jumps, and what the cross checks found */
    crossExpected: number;
    crossFound: number;
    crossExtra: Array<{ file: string; rule: string; message: string }>;
  };
  linkUsed: boolean;
  /** fixtures/audit (scripts/make-audit-reports.mjs, issue 17): generated clean and planted reports */
  audit?: {
    cleanReports: number;
    /** warnings and errors on the clean reports, single-report and cross-report (one batch) */
    cleanFindings: Array<{ file: string; rule: string; message: string }>;
    planted: number;
    found: number;
    missed: PlantResult[];
    plantedReportExtra: Array<{ file: string; rule: string; message: string }>;
  };
  /** ../shared/real-text (when present) and fixtures/real-pdf: warnings and errors on every real report */
  realText?: { reports: number; findings: Array<{ file: string; rule: string; message: string }> };
  /** the Must-show figure of issue 17: warnings per 10 clean reports over the real texts and the generated clean reports */
  falsePerTenCleanAll?: number;
}

/** findings an auditor must act on (info findings are notes, not alarms) */
const alarm = (f: Finding) => f.severity !== 'info';

async function reportOf(path: string): Promise<Report> {
  const r = await processFile(path, { includeText: true });
  r.findings = recheck(r, r.text);
  return r;
}

function overlaps(f: Finding, start: number, end: number, reportId?: string): boolean {
  return f.evidence.some((e) => (e.reportId === undefined || reportId === undefined || e.reportId === reportId) && e.start < end && start < e.end);
}

async function batchDir(files: string[]): Promise<{ dir: string; reports: Map<string, Report> }> {
  const dir = mkdtempSync(join(tmpdir(), 'rm-check-'));
  mkdirSync(join(dir, 'reports'));
  const reports = new Map<string, Report>();
  for (const f of files) {
    const r = await reportOf(f);
    reports.set(f, r);
    writeFileSync(join(dir, 'reports', `${r.id}.json`), JSON.stringify(r));
  }
  return { dir, reports };
}

let linkUsed = false;
async function crossFindings(dir: string): Promise<Finding[]> {
  try {
    const link = (await import('../link/index.js')) as { runLink?: (d: string) => Promise<unknown> };
    if (typeof link.runLink === 'function') {
      await link.runLink(dir);
      linkUsed = existsSync(join(dir, 'tables', 'changes.ndjson'));
    }
  } catch {
    // the link step is optional here: the cross checks fall back to the reports
  }
  return checkAcross(readBatchDir(dir));
}

export async function evaluate(root = packageRoot()): Promise<EvalResult> {
  const pdir = join(root, 'fixtures', 'planted');
  const cdir = join(root, 'fixtures', 'clean');
  const plants = (JSON.parse(readFileSync(join(pdir, 'expected.json'), 'utf8')) as { plants: Plant[] }).plants;
  const results: PlantResult[] = [];
  const extra: EvalResult['plantedReportExtra'] = [];

  // single-report plants
  const single = [...new Set(plants.filter((p) => !p.rule.startsWith('cross.')).map((p) => p.file))];
  for (const file of single) {
    const r = await reportOf(join(pdir, file));
    const mine = plants.filter((p) => p.file === file);
    const used = new Set<Finding>();
    for (const p of mine) {
      const start = r.text!.indexOf(p.at);
      if (start < 0) throw new Error(`${file}: planted text "${p.at}" not found in the normalized text`);
      const hits = r.findings.filter((f) => f.rule === p.rule && overlaps(f, start, start + p.at.length));
      hits.forEach((h) => used.add(h));
      for (const f of r.findings) if (p.also?.includes(f.rule) && overlaps(f, start, start + p.at.length)) used.add(f);
      results.push({ ...p, found: hits.length > 0, findings: r.findings.map((f) => `${f.rule}: ${f.message}`) });
    }
    for (const f of r.findings) if (!used.has(f)) extra.push({ file, rule: f.rule, message: f.message });
  }

  // cross-report plants
  const seriesFiles = readdirSync(join(pdir, 'series')).filter((f) => f.endsWith('.txt')).sort();
  if (seriesFiles.length) {
    const { dir, reports } = await batchDir(seriesFiles.map((f) => join(pdir, 'series', f)));
    try {
      const cross = await crossFindings(dir);
      const crossPlants = plants.filter((p) => p.rule.startsWith('cross.'));
      const used = new Set<Finding>();
      for (const p of crossPlants) {
        const r = reports.get(join(pdir, p.file));
        if (!r) throw new Error(`${p.file}: not in fixtures/planted/series`);
        const start = r.text!.indexOf(p.at);
        const hits = cross.filter((f) => f.rule === p.rule && f.id.startsWith(r.id) && overlaps(f, start, start + p.at.length, r.id));
        hits.forEach((h) => used.add(h));
        results.push({ ...p, found: hits.length > 0, findings: cross.map((f) => `${f.rule}: ${f.message}`) });
      }
      for (const f of cross) if (!used.has(f)) extra.push({ file: 'series', rule: f.rule, message: f.message });
      // single-report findings on the series reports are not planted: they count as extra
      for (const [file, r] of reports) for (const f of r.findings) extra.push({ file: file.slice(pdir.length + 1), rule: f.rule, message: f.message });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // clean reports: single-report findings, and cross findings over all of them as one batch
  const cleanFiles = readdirSync(cdir).filter((f) => f.endsWith('.txt')).sort();
  const cleanFindings: EvalResult['cleanFindings'] = [];
  const { dir, reports } = await batchDir(cleanFiles.map((f) => join(cdir, f)));
  try {
    for (const [file, r] of reports) for (const f of r.findings) cleanFindings.push({ file: file.slice(cdir.length + 1), rule: f.rule, message: f.message });
    for (const f of await crossFindings(dir)) cleanFindings.push({ file: 'clean batch', rule: f.rule, message: f.message });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const byRule: EvalResult['byRule'] = {};
  for (const p of results) {
    const b = (byRule[p.rule] ??= { planted: 0, found: 0 });
    b.planted++;
    if (p.found) b.found++;
  }
  const found = results.filter((p) => p.found).length;
  const out: EvalResult = {
    planted: results.length,
    found,
    recall: results.length ? found / results.length : 0,
    byRule,
    missed: results.filter((p) => !p.found),
    cleanReports: cleanFiles.length,
    cleanFindings,
    falsePerTenClean: cleanFiles.length ? (10 * cleanFindings.length) / cleanFiles.length : 0,
    plantedReportExtra: extra,
    linkUsed,
  };
  out.independent = await independent(root);
  out.audit = await audit(root);
  const real = await realText(root);
  if (real) out.realText = real;
  const n = (out.audit?.cleanReports ?? 0) + (real?.reports ?? 0);
  if (n) out.falsePerTenCleanAll = (10 * ((out.audit?.cleanFindings.length ?? 0) + (real?.findings.length ?? 0))) / n;
  const seed = join(root, 'fixtures', 'text', 'seed-vi.txt');
  const seedPath = existsSync(seed) ? seed : join(root, 'fixtures', 'text', 'seed-cchc-2023-skhcn-tien-giang.txt');
  if (existsSync(seedPath)) {
    const r = await reportOf(seedPath);
    out.seed = { findings: r.findings.map((f) => ({ rule: f.rule, message: f.message })) };
  }
  return out;
}

async function independent(root: string): Promise<EvalResult['independent']> {
  const tdir = join(root, 'fixtures', 'text');
  const mdir = join(root, 'fixtures', 'multiyear');
  const findings: Array<{ file: string; rule: string; message: string }> = [];
  let reports = 0;
  if (existsSync(tdir)) {
    for (const f of readdirSync(tdir).filter((x) => x.endsWith('.txt') && !/seed/.test(x)).sort()) {
      const r = await reportOf(join(tdir, f));
      reports++;
      for (const x of r.findings) findings.push({ file: `text/${f}`, rule: x.rule, message: x.message });
    }
  }
  let crossExpected = 0;
  let crossFound = 0;
  const crossExtra: Array<{ file: string; rule: string; message: string }> = [];
  if (existsSync(join(mdir, 'expected.json'))) {
    const files = readdirSync(mdir).filter((x) => x.endsWith('.txt')).sort();
    const exp = JSON.parse(readFileSync(join(mdir, 'expected.json'), 'utf8')) as {
      conflicts?: Array<{ symbol: string; field: string }>;
      jumps?: Array<{ agencyId: string; concept: string; from: number; to: number }>;
    };
    const { dir, reports: reps } = await batchDir(files.map((f) => join(mdir, f)));
    try {
      reports += reps.size;
      for (const [file, r] of reps) for (const x of r.findings) findings.push({ file: `multiyear/${file.slice(mdir.length + 1)}`, rule: x.rule, message: x.message });
      const cross = await crossFindings(dir);
      const used = new Set<Finding>();
      const byId = new Map([...reps.values()].map((r) => [r.id, r]));
      for (const c of (exp.conflicts ?? []).filter((c) => c.field === 'issuedOn')) {
        crossExpected++;
        const hit = cross.filter((f) => f.rule === 'cross.document-date' && f.evidence.some((e) => e.text?.includes(c.symbol)));
        hit.forEach((h) => used.add(h));
        if (hit.length) crossFound++;
      }
      for (const j of exp.jumps ?? []) {
        crossExpected++;
        const hit = cross.filter((f) => {
          const r = byId.get(f.evidence[0]?.reportId ?? '');
          const m = r?.metrics.find((x) => x.id === f.facts?.[0]);
          return f.rule === 'cross.yoy-jump' && r?.report.year === j.to && m?.indicator === j.concept;
        });
        hit.forEach((h) => used.add(h));
        if (hit.length) crossFound++;
      }
      for (const f of cross) if (!used.has(f)) crossExtra.push({ file: 'multiyear batch', rule: f.rule, message: f.message });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { reports, findings, crossExpected, crossFound, crossExtra };
}

/** fixtures/audit: clean/ one by one and as one batch; planted/ as one batch (the jump plant is cross-report). */
async function audit(root: string): Promise<EvalResult['audit']> {
  const adir = join(root, 'fixtures', 'audit');
  if (!existsSync(join(adir, 'expected.json'))) return undefined;
  const plants = (JSON.parse(readFileSync(join(adir, 'expected.json'), 'utf8')) as { plants: Plant[] }).plants;
  const cleanFindings: Array<{ file: string; rule: string; message: string }> = [];
  const cdir = join(adir, 'clean');
  const cleanFiles = readdirSync(cdir).filter((f) => f.endsWith('.txt')).sort();
  const clean = await batchDir(cleanFiles.map((f) => join(cdir, f)));
  try {
    for (const [file, r] of clean.reports) for (const f of r.findings.filter(alarm)) cleanFindings.push({ file: `clean/${file.slice(cdir.length + 1)}`, rule: f.rule, message: f.message });
    for (const f of (await crossFindings(clean.dir)).filter(alarm)) cleanFindings.push({ file: 'clean batch', rule: f.rule, message: f.message });
  } finally {
    rmSync(clean.dir, { recursive: true, force: true });
  }
  const pdir = join(adir, 'planted');
  const plantedFiles = readdirSync(pdir).filter((f) => f.endsWith('.txt')).sort();
  const planted = await batchDir(plantedFiles.map((f) => join(pdir, f)));
  const results: PlantResult[] = [];
  const extra: Array<{ file: string; rule: string; message: string }> = [];
  try {
    const cross = await crossFindings(planted.dir);
    const used = new Set<Finding>();
    for (const p of plants) {
      const r = planted.reports.get(join(pdir, p.file));
      if (!r) throw new Error(`${p.file}: not in fixtures/audit/planted`);
      const start = r.text!.indexOf(p.at);
      if (start < 0) throw new Error(`${p.file}: planted text "${p.at}" not found in the normalized text`);
      const pool = p.rule.startsWith('cross.') ? cross.filter((f) => f.id.startsWith(r.id)) : r.findings;
      const hits = pool.filter((f) => f.rule === p.rule && alarm(f) && overlaps(f, start, start + p.at.length, r.id));
      hits.forEach((h) => used.add(h));
      for (const t of p.related ?? []) {
        const at = r.text!.indexOf(t);
        if (at >= 0) for (const f of pool) if (f.rule === p.rule && overlaps(f, at, at + t.length, r.id)) used.add(f);
      }
      results.push({ ...p, found: hits.length > 0, findings: pool.map((f) => `${f.rule}: ${f.message}`) });
    }
    for (const [file, r] of planted.reports)
      for (const f of r.findings.filter(alarm)) if (!used.has(f)) extra.push({ file: file.slice(pdir.length + 1), rule: f.rule, message: f.message });
    for (const f of cross.filter(alarm)) if (!used.has(f)) extra.push({ file: 'planted batch', rule: f.rule, message: f.message });
  } finally {
    rmSync(planted.dir, { recursive: true, force: true });
  }
  const found = results.filter((p) => p.found).length;
  return { cleanReports: cleanFiles.length, cleanFindings, planted: results.length, found, missed: results.filter((p) => !p.found), plantedReportExtra: extra };
}

/**
 * The real documents: ../shared/real-text (40 official documents of 2025; undefined when absent, the caller
 * says so) and the committed real PDFs of fixtures/real-pdf (the target-beside-a-ratio case of issue 17).
 */
async function realText(root: string): Promise<EvalResult['realText']> {
  const dir = join(root, '..', 'shared', 'real-text');
  if (!existsSync(dir)) return undefined;
  const findings: Array<{ file: string; rule: string; message: string }> = [];
  const pdfDir = join(root, 'fixtures', 'real-pdf');
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f)),
    ...(existsSync(pdfDir) ? readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(pdfDir, f)) : []),
  ];
  for (const f of files) {
    const r = await reportOf(f);
    const name = f.slice(f.lastIndexOf('/', f.lastIndexOf('/') - 1) + 1);
    for (const x of r.findings.filter(alarm)) findings.push({ file: name, rule: x.rule, message: x.message });
  }
  return { reports: files.length, findings };
}

function printText(r: EvalResult): string {
  const lines = [
    `planted inconsistencies: ${r.planted}, found ${r.found} (recall ${(100 * r.recall).toFixed(1)}%)`,
    ...Object.entries(r.byRule)
      .sort()
      .map(([k, v]) => `  ${k.padEnd(26)} ${v.found}/${v.planted}`),
    `clean reports: ${r.cleanReports}, false findings ${r.cleanFindings.length} (${r.falsePerTenClean.toFixed(2)} per 10 clean reports)`,
    ...r.cleanFindings.map((f) => `  FALSE ${f.file}: ${f.rule}: ${f.message}`),
    `findings on planted reports that match no plant: ${r.plantedReportExtra.length}`,
    ...r.plantedReportExtra.map((f) => `  EXTRA ${f.file}: ${f.rule}: ${f.message}`),
    ...r.missed.map((p) => `  MISSED ${p.file}: ${p.rule} at "${p.at}" (${p.note ?? ''})`),
    `cross-report checks read the link tables: ${r.linkUsed ? 'yes' : 'no (computed from reports)'}`,
  ];
  if (r.independent) {
    const i = r.independent;
    lines.push(
      `independent fixtures (fixtures/text without the seed, fixtures/multiyear): ${i.reports} reports, ${i.findings.length} single-report findings`,
      ...i.findings.map((f) => `  ${f.file}: ${f.rule}: ${f.message}`),
      `multiyear cross-report answers (expected.json conflicts + jumps): found ${i.crossFound}/${i.crossExpected}, other cross findings ${i.crossExtra.length}`,
      ...i.crossExtra.map((f) => `  EXTRA ${f.rule}: ${f.message}`),
    );
  }
  if (r.audit) {
    const a = r.audit;
    lines.push(
      `generated reports (fixtures/audit): ${a.cleanReports} clean, false warnings ${a.cleanFindings.length}; planted ${a.planted}, found ${a.found}`,
      ...a.cleanFindings.map((f) => `  FALSE ${f.file}: ${f.rule}: ${f.message}`),
      ...a.missed.map((p) => `  MISSED ${p.file}: ${p.rule} at "${p.at}"`),
      `  findings on generated planted reports that match no plant: ${a.plantedReportExtra.length}`,
      ...a.plantedReportExtra.map((f) => `  EXTRA ${f.file}: ${f.rule}: ${f.message}`),
    );
  }
  if (r.realText) {
    lines.push(`real documents (../shared/real-text, fixtures/real-pdf): ${r.realText.reports} reports, warnings ${r.realText.findings.length}`, ...r.realText.findings.map((f) => `  ${f.file}: ${f.rule}: ${f.message}`));
  } else lines.push('real texts: SKIPPED: ../shared/real-text is absent');
  if (r.falsePerTenCleanAll !== undefined) lines.push(`warnings per 10 clean reports (real texts + generated clean): ${r.falsePerTenCleanAll.toFixed(2)}`);
  if (r.seed) lines.push(`seed findings: ${r.seed.findings.length}`, ...r.seed.findings.map((f) => `  ${f.rule}: ${f.message}`));
  return lines.join('\n');
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  evaluate()
    .then((r) => process.stdout.write((process.argv.includes('--json') ? JSON.stringify(r, null, 2) : printText(r)) + '\n'))
    .catch((err: unknown) => {
      process.stderr.write(`check eval: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
