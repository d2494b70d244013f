/**
 * Bad inputs: each gives one InputError naming the file and the reason (API), and one line on stderr with a
 * non-zero exit (compiled CLI, as users run it); nothing crashes or hangs (every run has a time limit).
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../src/eval/harness.js';
import { ingestFile, InputError } from '../src/ingest/index.js';

const root = packageRoot();
const bad = (f: string) => join(root, 'fixtures', 'bad', f);
const CASES: [string, string, RegExp][] = [
  ['empty.txt', 'empty', /file is empty/],
  ['truncated.docx', 'truncated', /damaged or truncated ZIP/],
  ['encrypted.pdf', 'encrypted', /password-protected/],
  ['zip-bomb.docx', 'zip-bomb', /zip bomb/],
  ['xml-entities.docx', 'unsupported', /entity expansion/],
  ['random-bytes.pdf', 'binary', /not a valid PDF/],
  ['random-bytes.docx', 'binary', /not a valid DOCX/],
  ['scanned.pdf', 'scanned', /scanned: no text layer/],
];

describe('bad files: one clear error each', () => {
  for (const [file, code, reason] of CASES) {
    it(`${file} → ${code}`, async () => {
      const err = await ingestFile(bad(file), { timeoutMs: 20_000 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      const e = err as InputError;
      expect(e.code).toBe(code);
      expect(e.message).toMatch(reason);
      expect(e.message.startsWith(bad(file) + ': ')).toBe(true);
      expect(e.message).not.toContain('\n');
    });
  }

  it('a missing file and a directory are named too', async () => {
    await expect(ingestFile(bad('nope.pdf'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(ingestFile(join(root, 'fixtures', 'bad'))).rejects.toMatchObject({ code: 'directory' });
  });

  it('a file over the time limit stops with a timeout error', async () => {
    await expect(ingestFile(join(root, 'fixtures', 'pdf', 'seed-cchc-2023-skhcn-tien-giang.pdf'), { timeoutMs: 1 })).rejects.toMatchObject({ code: 'timeout' });
  });

  const cli = join(root, 'bin', 'report-metrics.js');
  it('the CLI prints one line naming the file and exits non-zero', async () => {
    const run = promisify(execFile);
    await Promise.all(
      CASES.map(async ([file, , reason]) => {
        const r = await run(process.execPath, [cli, 'extract', bad(file)], { timeout: 600_000 }).then(
          () => ({ code: 0, stderr: '' }),
          (e: { code?: number; stderr?: string; killed?: boolean }) => ({ code: e.killed ? -1 : (e.code ?? -1), stderr: e.stderr ?? '' }),
        );
        expect(r.code, file).toBe(1);
        const lines = r.stderr.trim().split('\n');
        expect(lines, file).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^report-metrics: ${bad(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
        expect(lines[0]).toMatch(reason);
      }),
    );
  });
});
