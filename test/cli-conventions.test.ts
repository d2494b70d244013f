/**
 * The CLI's conventions, as users run it (the compiled CLI in a child process, from a folder of their own):
 * extract over several files, globs and standard input (one JSON object for one input, NDJSON for several),
 * -o, --quiet, --version, validated options, exit codes for missing inputs, colour only on a terminal and
 * never under NO_COLOR, one pipeline version for extract and batch, batch outputs readable from any folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, readNdjson } from './batch-helpers.js';
import { fromRoot } from '../src/util/package-root.js';

const SEED = 'seed-cchc-2023-skhcn-tien-giang.txt';
const EN = 'en-district-2023-chau-thanh.txt';
const PLANTED = fromRoot('fixtures', 'planted', 'p01-staff-sum+fields-count.txt');
const VERSION = (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;

let tmp: string;
/** runs the CLI in `cwd` (default: the temporary folder), without the colour variables of the caller */
function run(args: string[], o: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NO_COLOR'];
  delete env['FORCE_COLOR'];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: o.cwd ?? tmp, input: o.input ?? '', encoding: 'utf8', env: { ...env, ...o.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
type Rep = { id: string; language: string; pipeline: { name: string; version: string }; source: { path: string }; metrics: unknown[] };

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'rm-cli-'));
  mkdirSync(join(tmp, 'in'));
  for (const f of [SEED, EN, 'bc-cchc-2023-snv-long-an.txt']) cpSync(fromRoot('fixtures', 'text', f), join(tmp, 'in', f));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('extract', () => {
  it('one input: one pretty JSON object; several: NDJSON in the order of the arguments', () => {
    const one = run(['extract', `in/${SEED}`]);
    expect(one.code, one.err).toBe(0);
    expect(one.out.split('\n').length).toBeGreaterThan(10);
    const r = JSON.parse(one.out) as Rep;
    expect(r.source.path).toBe(`in/${SEED}`);

    const two = run(['extract', `in/${SEED}`, `in/${EN}`]);
    expect(two.code, two.err).toBe(0);
    const lines = two.out.trimEnd().split('\n').map((l) => JSON.parse(l) as Rep);
    expect(lines.map((l) => l.language)).toEqual(['vi', 'en']);
    expect(lines[0]!.id).toBe(r.id);
    expect(two.err).toBe('extract: 2 reports\n');
    expect(run(['extract', '-q', `in/${SEED}`, `in/${EN}`]).err).toBe('');
  });

  it('takes globs and - (standard input): the same report as from the file', () => {
    const g = run(['extract', 'in/*.txt', '--compact']);
    expect(g.code, g.err).toBe(0);
    expect(g.out.trimEnd().split('\n')).toHaveLength(3);
    const bytes = readFileSync(join(tmp, 'in', SEED));
    const s = run(['extract', '-', '--stdin-name', 'seed.txt'], { input: bytes });
    expect(s.code, s.err).toBe(0);
    const fromStdin = JSON.parse(s.out) as Rep;
    const fromFile = JSON.parse(run(['extract', `in/${SEED}`]).out) as Rep;
    expect(fromStdin.source.path).toBe('seed.txt');
    expect({ ...fromStdin, source: { ...fromStdin.source, path: '' } }).toEqual({ ...fromFile, source: { ...fromFile.source, path: '' } });
  });

  it('-o writes the file (folders made), source paths relative to its folder', () => {
    const r = run(['extract', `in/${SEED}`, `in/${EN}`, '-o', 'out/x/reports.ndjson']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    const rows = readNdjson<Rep>(join(tmp, 'out', 'x', 'reports.ndjson'));
    expect(rows.map((x) => x.source.path)).toEqual([`../../in/${SEED}`, `../../in/${EN}`]);
    for (const x of rows) expect(existsSync(join(tmp, 'out', 'x', x.source.path))).toBe(true);
  });

  it('exit 1 when an input does not exist (the others still extracted), and when a glob matches nothing', () => {
    const r = run(['extract', 'nope.txt', `in/${SEED}`]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^report-metrics: nope\.txt: no such file$/m);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    const g = run(['extract', 'in/*.docx']);
    expect(g.code).toBe(1);
    expect(g.err).toMatch(/in\/\*\.docx: no file matches/);
    expect(g.out).toBe('');
  });

  it('validates its options', () => {
    for (const bad of [['--language', 'xx'], ['--encoding', 'klingon']]) {
      const r = run(['extract', ...bad, `in/${SEED}`]);
      expect(r.code, bad.join(' ')).not.toBe(0);
      expect(r.err).toMatch(/invalid/);
      expect(r.out).toBe('');
    }
    expect(JSON.parse(run(['extract', '--language', 'en', `in/${SEED}`]).out).language).toBe('en');
  });
});

describe('the binary', () => {
  it('--version and -V print the package version', () => {
    expect(run(['--version']).out.trim()).toBe(VERSION);
    expect(run(['-V']).out.trim()).toBe(VERSION);
  });

  it('colours only on a terminal (or FORCE_COLOR), never under NO_COLOR', () => {
    const ESC = '\x1b[';
    const piped = run(['check', PLANTED]);
    expect(piped.code).toBe(1);
    expect(piped.out).toContain('sum.breakdown');
    expect(piped.out).not.toContain(ESC);
    expect(run(['check', PLANTED], { env: { FORCE_COLOR: '1' } }).out).toContain(ESC);
    expect(run(['check', PLANTED], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).out).not.toContain(ESC);
    // a real terminal: script(1) gives the CLI a pseudo-terminal
    const tty = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check ${JSON.stringify(PLANTED)}`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, TERM: 'xterm', ...env },
      }).stdout;
    const onTty = tty({});
    expect(onTty).toContain('sum.breakdown');
    expect(onTty).toContain(ESC);
    const noColour = tty({ NO_COLOR: '1' });
    expect(noColour).toContain('sum.breakdown');
    expect(noColour).not.toContain(ESC);
  });
});

describe('batch', () => {
  it('fails (exit ≠ 0, no output folder) when no input exists', () => {
    const r = run(['batch', '/nonexistent', '--out', 'o-none']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^report-metrics: no input exists \(\/nonexistent: no such file or folder\)$/m);
    expect(existsSync(join(tmp, 'o-none'))).toBe(false);
  });

  it('stamps the pipeline extract stamps; records paths relative to the output folder; review and check work from any folder', () => {
    const b = run(['batch', 'in', '--out', 'o', '--jobs', '1', '--progress', 'none']);
    expect(b.code, b.err).toBe(0);
    const reports = readNdjson<{ path: string }>(join(tmp, 'o', 'tables', 'reports.ndjson'));
    expect(reports.map((r) => r.path).sort()).toEqual(['../in/bc-cchc-2023-snv-long-an.txt', `../in/${EN}`, `../in/${SEED}`]);
    const one = JSON.parse(run(['extract', `in/${SEED}`]).out) as Rep;
    const fromBatch = JSON.parse(readFileSync(join(tmp, 'o', 'reports', `${one.id}.json`), 'utf8')) as Rep;
    expect(fromBatch.pipeline).toEqual(one.pipeline);
    const manifest = readNdjson<{ pipeline: unknown; tool: string }>(join(tmp, 'o', 'manifest.ndjson'));
    expect(manifest[0]!.pipeline).toEqual(one.pipeline);
    expect(manifest[0]!.tool).toBe(VERSION);

    // from the root folder: the texts are still found (re-read from the sources next to the output)
    const rv = run(['review', join(tmp, 'o'), '--html', join(tmp, 'review.html')], { cwd: '/' });
    expect(rv.code, rv.err).toBe(0);
    expect(rv.err).toMatch(/review: 3 reports \(3 with text\)/);
    expect(run(['review', '-q', join(tmp, 'o'), '--html', join(tmp, 'review.html')], { cwd: '/' }).err).toBe('');
    const ck = run(['check', join(tmp, 'o'), '--format', 'json'], { cwd: '/' });
    expect(ck.code).toBe(1);
    const inside = run(['check', 'o', '--format', 'json']);
    expect(ck.out).toBe(inside.out);
  });
});
