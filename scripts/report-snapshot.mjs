#!/usr/bin/env node
/**
 * Report JSON of every fixture text and every ../shared/real-text file, written with the current build
 * (dist/), to a folder — or compared with such a folder written earlier, to show a change (a speed-up, a
 * refactor) leaves every fact byte-identical.
 *   npm run build && node scripts/report-snapshot.mjs --out /tmp/ref        # write
 *   npm run build && node scripts/report-snapshot.mjs --compare /tmp/ref    # compare; exit 1 on a difference
 * (`--shared DIR`: the shared folder when it is not ../shared, e.g. for a checkout of main in /tmp)
 * Inputs: fixtures/{text,clean,multiyear,audit,html,hostile} (recursively), the files the gold sets
 * (fixtures/gold*) name, and ../shared/real-text when it is there. A file that fails to ingest is recorded
 * with its error, so a change in failure is a difference too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { processFile } = await import(join(root, 'dist/src/pipeline/process-file.js'));

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = opt('--out');
const compare = opt('--compare');
if (!out === !compare) {
  console.error('usage: report-snapshot.mjs --out DIR | --compare DIR');
  process.exit(2);
}

const INPUT = /\.(txt|md|html?|docx?|pdf)$/i;
function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : INPUT.test(f) ? [p] : [];
  });
}
const files = new Set();
for (const d of ['text', 'clean', 'multiyear', 'audit', 'html', 'hostile']) for (const f of walk(join(root, 'fixtures', d))) files.add(f);
for (const g of readdirSync(join(root, 'fixtures')).filter((d) => d.startsWith('gold'))) {
  for (const f of readdirSync(join(root, 'fixtures', g)).filter((x) => x.endsWith('.json'))) {
    const file = JSON.parse(readFileSync(join(root, 'fixtures', g, f), 'utf8')).file;
    if (typeof file === 'string' && existsSync(join(root, file))) files.add(join(root, file));
  }
}
const shared = resolve(opt('--shared') ?? join(root, '..', 'shared'));
const realText = join(shared, 'real-text');
if (existsSync(realText)) for (const f of walk(realText)) files.add(f);
else console.log(`(${realText} is absent: no real texts)`);

/** a name independent of the checkout's folder: `repo__fixtures__text__x.txt.json`, `shared__real-text__y.txt.json` */
const where = (f) => (f.startsWith(root + '/') ? join('repo', relative(root, f)) : join('shared', relative(shared, f)));
const key = (f) => where(f).replace(/[\\/]/g, '__') + '.json';
let same = 0;
const differ = [];
for (const f of [...files].sort()) {
  let body;
  try {
    // a path relative to the repository's parent, so the reports of two checkouts compare
    const r = await processFile(f);
    r.source.path = where(f);
    body = JSON.stringify(r, null, 1);
  } catch (e) {
    body = JSON.stringify({ error: String(e?.code ?? ''), message: String(e?.message ?? e).replace(root, '<root>') });
  }
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, key(f)), body);
  } else {
    const p = join(compare, key(f));
    const ref = existsSync(p) ? readFileSync(p, 'utf8') : undefined;
    if (ref === body) same++;
    else {
      differ.push(f);
      const a = (ref ?? '').split('\n');
      const b = body.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      console.log(`DIFF ${relative(root, f)} at line ${i + 1}:\n  - ${a[i] ?? '(absent)'}\n  + ${b[i] ?? '(absent)'}`);
    }
  }
}
if (out) console.log(`wrote ${files.size} reports to ${out}`);
else {
  console.log(`${same} of ${files.size} reports byte-identical, ${differ.length} differ`);
  if (differ.length) process.exit(1);
}
