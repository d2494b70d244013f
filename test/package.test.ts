/**
 * The package as users get it: `npm pack`, then installed into an empty project, where the bin runs and the
 * library is imported (JavaScript) and type-checked (TypeScript, against the shipped declarations).
 * Offline as far as npm allows: the empty project's lockfile pins the tarball and the very dependency
 * versions of this repository's lockfile, so `npm ci --prefer-offline` takes every package from npm's
 * local cache (filled by this repository's own `npm ci`); nothing is fetched from anywhere but the npm
 * registry, and normally nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot, PACKAGE_ROOT } from '../src/util/package-root.js';
import { processFile } from '../src/pipeline/process-file.js';

const PLANTED = fromRoot('fixtures', 'planted', 'p01-staff-sum+fields-count.txt');
const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { name: string; version: string; license: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };

let tmp: string;
let proj: string;
let tarball: string;
let files: string[];

/** npm without the settings of the npm process that may be running the tests (npm test) */
function npm(args: string[], cwd: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
  return execFileSync('npm', args, { cwd, env: { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-pack-'));
  // dist/ was built from the sources by the global setup: no prepare script again
  npm(['pack', '--ignore-scripts', '--pack-destination', tmp], PACKAGE_ROOT);
  tarball = join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
  files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));

  proj = join(tmp, 'consumer');
  mkdirSync(proj);
  const spec = `file:${tarball}`;
  const lock = JSON.parse(readFileSync(fromRoot('package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0', dependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [k, v] of Object.entries(lock.packages)) if (k.startsWith('node_modules/') && !v.dev) packages[k] = v;
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module', dependencies: { [pkg.name]: spec } }, null, 2));
  writeFileSync(join(proj, 'package-lock.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2));
  npm(['ci', '--prefer-offline', '--no-audit', '--no-fund'], proj);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack → install into an empty project', () => {
  it('the tarball holds the compiled code, declarations, schemas and data, and no tests or fixtures', () => {
    for (const f of ['package.json', 'README.md', 'bin/report-metrics.js', 'dist/src/cli/main.js', 'dist/src/api/index.js', 'dist/src/api/index.d.ts', 'dist/src/batch/worker.js', 'schemas/report.schema.json', 'pipelines/default.yaml'])
      expect(files, f).toContain(f);
    expect(files.some((f) => f.startsWith('src/vocab/data/'))).toBe(true);
    expect(files.filter((f) => /^(test|fixtures|bench|dist\/bench|scripts)\//.test(f) || (f.startsWith('src/') && f.endsWith('.ts')))).toEqual([]);
  });

  it('the bin runs: --version, schema, extract, check', () => {
    const bin = join(proj, 'node_modules', '.bin', 'report-metrics');
    const run = (...args: string[]) => spawnSync(bin, args, { cwd: proj, encoding: 'utf8' });
    expect(run('--version').stdout.trim()).toBe(pkg.version);
    expect(run('schema').stdout).toContain('report');
    const x = run('extract', PLANTED);
    expect(x.status, x.stderr).toBe(0);
    expect((JSON.parse(x.stdout) as { metrics: unknown[] }).metrics.length).toBeGreaterThan(10);
    expect(run('check', PLANTED).status).toBe(1);
  });

  it('import works: the documented API gives the report the sources give', async () => {
    writeFileSync(
      join(proj, 'use.mjs'),
      `import { processFile, ingest, extract, check, validate, schema, VERSION } from 'report-metrics';
const r = await processFile(process.argv[2]);
const again = extract(await ingest(process.argv[2]));
validate('report', r);
const findings = await check(process.argv[2]);
console.log(JSON.stringify({ version: VERSION, id: r.id, metrics: r.metrics.length, same: JSON.stringify(again) === JSON.stringify(r), rules: findings.map((f) => f.rule).sort(), schema: schema('report').$id ?? schema('report').title ?? null }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs', PLANTED], { cwd: proj, encoding: 'utf8' })) as { version: string; id: string; metrics: number; same: boolean; rules: string[] };
    const here = await processFile(PLANTED);
    expect(out).toMatchObject({ version: pkg.version, id: here.id, metrics: here.metrics.length, same: true, rules: ['enum.count', 'sum.breakdown'] });
  });

  it('TypeScript users get the types of the schemas (declarations type-check strictly)', () => {
    writeFileSync(
      join(proj, 'use.ts'),
      `import { processFile, type Report, type Metric, type Finding, InputError } from 'report-metrics';
const r: Report = await processFile('report.docx', { language: 'vi' });
const m: Metric | undefined = r.metrics[0];
const value: number = m?.value ?? 0;
const f: Finding[] = r.findings;
// @ts-expect-error: a Report has no such field
r.nope;
export { value, f, InputError };
`,
    );
    writeFileSync(
      join(proj, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }),
    );
    const r = spawnSync(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', proj], { cwd: proj, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
