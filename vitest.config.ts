import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs the fast suite; `npm run test:all` (RM_SUITE=full) the full one. The fast suite leaves out
 * the files listed in SLOW (each takes long on 2 cores: whole batches killed and resumed, memory limits,
 * 1 MB adversarial inputs, every real text in 20 layouts, a PostgreSQL server loading the export); CI runs the full suite.
 * Before any file, test/global-setup.ts builds dist/ from the sources (the CLI tests run the compiled CLI).
 */
const SLOW = [
  'test/batch-crash.test.ts',
  'test/linear-time.test.ts',
  'test/layout-invariance.test.ts',
  'test/eval-real-text.test.ts',
  'test/queue.test.ts',
  'test/package.test.ts',
  'test/export-postgres.test.ts',
];
const full = process.env['RM_SUITE'] === 'full';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: full ? [] : SLOW,
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/times-reporter.ts'],
    // generous bounds against a hung test, not a measure of speed: a loaded 2-core machine must not break them
    // (5 min was broken by test/batch-crash.test.ts at load 20 on 2 cores; 30 min still ends a hung test)
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
  },
});
