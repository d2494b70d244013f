/**
 * Runs once before any test file (vitest globalSetup):
 * 1. builds dist/ from the current sources (schema types + tsc), so the tests that run the compiled CLI and
 *    the batch's worker threads never test stale code;
 * 2. says loudly, once, which parts of ../shared are absent (the suites that need them skip with the reason
 *    in their titles: test/shared.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot, PACKAGE_ROOT } from '../src/util/package-root.js';

const SHARED_PARTS = ['seed', 'real-text', 'real-pdf'];

export default function setup(): void {
  const t0 = performance.now();
  execFileSync(process.execPath, [fromRoot('scripts', 'gen-schema-types.mjs')], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', fromRoot('tsconfig.json')], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  process.stderr.write(`[report-metrics tests] built dist/ from the sources in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  const shared = fromRoot('..', 'shared');
  const missing = SHARED_PARTS.filter((p) => !existsSync(join(shared, p)));
  if (missing.length > 0) {
    const bar = '!'.repeat(100);
    process.stderr.write(
      `\n${bar}\n[report-metrics tests] ${shared} lacks ${missing.map((p) => `../shared/${p}`).join(', ')}:\n` +
        `  the tests on the project's real material are SKIPPED (their titles say "SKIPPED: ... is absent").\n` +
        `  Place the project's shared/ folder beside the repository to run them.\n${bar}\n\n`,
    );
  }
}
