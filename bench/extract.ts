/**
 * Extraction throughput: a generated corpus of ≥ 50 MB of report text (the fixtures with varied numbers,
 * agencies and years) through normalize → segment → extract → check → validate, next to a baseline of one
 * regular-expression pass over the same text in the same run. Prints MB/s, reports/s, the ratio and memory.
 * Times are CPU time of this process (process.cpuUsage: user + system), best of --rounds runs, so a loaded
 * machine slows them less than wall time would.
 *   npm run build && npm run bench [-- --mb 50] [--rounds 3]
 * With `--against DIR` (another checkout, built: e.g. `git worktree add /tmp/base main && (cd /tmp/base &&
 * npm run build)`), that checkout's extraction runs on the same corpus in the same process, alternating with
 * this one's, and the two are printed side by side with their ratio.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { textToDocument } from '../src/ingest/text.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { sha256Hex } from '../src/util/hash.js';
import { fromRoot } from '../src/util/package-root.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const targetMb = Number(opt('--mb') ?? 50) || 50;
const rounds = Math.max(1, Number(opt('--rounds') ?? 3) || 3);
const against = opt('--against');

function loadTemplates(): string[] {
  const dir = fromRoot('fixtures', 'text');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.startsWith('en-'));
  return files.map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The real documents of ../shared/real-text (web copies and bare documents), when that folder is there. */
function loadRealTexts(): string[] {
  const dir = fromRoot('..', 'shared', 'real-text');
  if (!existsSync(dir)) {
    console.log(`(${dir} is absent: the corpus has no real texts)`);
    return [];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** A deterministic variation of a template: numbers and years shifted, so no two reports are identical. */
function vary(t: string, i: number): string {
  const shift = (i % 5) - 2;
  return t
    .replace(/\b(20[12][0-9])\b/g, (y) => String(Number(y) + shift))
    .replace(/(?<![0-9/.,])([0-9]{1,3})(?= (văn bản|hồ sơ|TTHC|người|vị trí))/g, (n) => String((Number(n) + i) % 997).padStart(n.length, '0'));
}

const fixtureTemplates = loadTemplates();
const realTexts = loadRealTexts();
// half the bytes from the fixtures, half from the real texts (repeated, varied), interleaved
const templates = realTexts.length ? fixtureTemplates.flatMap((t, i) => [t, realTexts[i % realTexts.length]!]).concat(realTexts) : fixtureTemplates;
const corpus: string[] = [];
const isReal: boolean[] = [];
const realSet = new Set(realTexts);
let bytes = 0;
let realBytes = 0;
for (let i = 0; bytes < targetMb * 1024 * 1024; i++) {
  const tpl = templates[i % templates.length]!;
  const t = vary(tpl, i);
  corpus.push(t);
  isReal.push(realSet.has(tpl));
  const b = Buffer.byteLength(t, 'utf8');
  bytes += b;
  if (realSet.has(tpl)) realBytes += b;
}
const mb = bytes / (1024 * 1024);
console.log(`corpus: ${corpus.length} reports, ${mb.toFixed(1)} MB of UTF-8 text from ${templates.length} templates (${(realBytes / 1048576).toFixed(1)} MB from ${realTexts.length} real texts)`);

/** CPU seconds (user + system) of this process since `from`. */
const cpuSec = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};

// baseline: one regular-expression pass (numbers) over the same text
let baselineHits = 0;
let baseSec = Infinity;
const re = /[0-9]+(?:[.,][0-9]+)*/g;
for (let k = 0; k < rounds; k++) {
  const t0 = process.cpuUsage();
  baselineHits = 0;
  for (const t of corpus) {
    re.lastIndex = 0;
    while (re.exec(t) !== null) baselineHits++;
  }
  baseSec = Math.min(baseSec, cpuSec(t0));
}

type Engine = { textToDocument: typeof textToDocument; extractReport: typeof extractReport };
const here: Engine = { textToDocument, extractReport };
async function load(dir: string): Promise<Engine> {
  const at = (p: string) => pathToFileURL(join(resolve(dir), 'dist', 'src', p)).href;
  const ingest = (await import(at('ingest/text.js'))) as Engine;
  const pipeline = (await import(at('pipeline/extract-report.js'))) as Engine;
  return { textToDocument: ingest.textToDocument, extractReport: pipeline.extractReport };
}
const other = against !== undefined ? await load(against) : undefined;

function runPipeline(opts: { skipValidation?: boolean; checks?: boolean }, only?: boolean, engine: Engine = here) {
  let facts = 0;
  let peak = process.memoryUsage().rss;
  const t = process.cpuUsage();
  for (let i = 0; i < corpus.length; i++) {
    if (only !== undefined && isReal[i] !== only) continue;
    const txt = corpus[i]!;
    const doc = engine.textToDocument(txt, { path: `bench-${i}.txt`, sha256: sha256Hex(txt), mediaType: 'text/plain', bytes: txt.length });
    const r = engine.extractReport(doc, opts);
    facts += r.references.length + r.dates.length + r.metrics.length;
    if ((i & 255) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { sec: cpuSec(t), facts, peak: Math.max(peak, process.memoryUsage().rss) };
}
type Run = ReturnType<typeof runPipeline>;
const best = (a: Run | undefined, b: Run): Run => (a === undefined || b.sec < a.sec ? b : a);
// warm-up (JIT, schema compilation), then the measured runs: best of `rounds`, the two engines alternating
runPipeline({});
if (other) runPipeline({}, undefined, other);
let extractOnly: Run | undefined;
let full: Run | undefined;
let realOnly: Run | undefined;
let otherExtract: Run | undefined;
let otherReal: Run | undefined;
const extractOpts = { skipValidation: true, checks: false };
for (let k = 0; k < rounds; k++) {
  extractOnly = best(extractOnly, runPipeline(extractOpts));
  if (other) otherExtract = best(otherExtract, runPipeline(extractOpts, undefined, other));
  if (realBytes > 0) {
    realOnly = best(realOnly, runPipeline(extractOpts, true));
    if (other) otherReal = best(otherReal, runPipeline(extractOpts, true, other));
  }
}
for (let k = 0; k < Math.min(rounds, 2); k++) full = best(full, runPipeline({}));
extractOnly = extractOnly!;
full = full!;
const sec = full.sec;
const facts = full.facts;
const peakRss = Math.max(full.peak, extractOnly.peak);

const fmt = (n: number) => n.toFixed(1);
console.log(`times     CPU seconds, best of ${rounds}
baseline  one regex pass        ${fmt(mb / baseSec)} MB/s   (${baselineHits} hits, ${baseSec.toFixed(2)} s)`);
console.log(`extract   segment+extract only      ${fmt(mb / extractOnly.sec)} MB/s   ${fmt(corpus.length / extractOnly.sec)} reports/s   (${extractOnly.facts} facts, ${extractOnly.sec.toFixed(2)} s)`);
if (realOnly) console.log(`real      real texts, extraction    ${fmt(realBytes / 1048576 / realOnly.sec)} MB/s   (${realOnly.facts} facts, ${realOnly.sec.toFixed(2)} s)`);
console.log(`pipeline  extract+check+validate ${fmt(mb / sec)} MB/s   ${fmt(corpus.length / sec)} reports/s   (${facts} facts, ${sec.toFixed(2)} s)`);
console.log(`ratio     extraction takes ${(extractOnly.sec / baseSec).toFixed(1)}×, the full pipeline ${(sec / baseSec).toFixed(1)}× the baseline's time`);
if (other && otherExtract) {
  const facts = otherExtract.facts === extractOnly.facts ? 'same fact count' : `FACT COUNT DIFFERS: ${otherExtract.facts} vs ${extractOnly.facts}`;
  console.log(`against   ${against}: extraction ${fmt(mb / otherExtract.sec)} MB/s (${otherExtract.sec.toFixed(2)} s)` + (otherReal ? `, real texts ${fmt(realBytes / 1048576 / otherReal.sec)} MB/s` : '') + `; this checkout is ${(otherExtract.sec / extractOnly.sec).toFixed(2)}× as fast (${facts})`);
}
console.log(`target    ≥ 20 MB/s per core (extraction): ${mb / extractOnly.sec >= 20 ? 'met' : 'NOT met'}`);
console.log(`memory    peak RSS ${(peakRss / 1048576).toFixed(0)} MB (single core, one process)`);
