/**
 * ../shared beside the repository (the project's read-only material: real texts, real PDFs, the seed).
 * It is the only thing outside the repository a test may read. A suite that needs it is declared with
 * `sharedSuite`: when the folder is absent the suite is skipped LOUDLY — its title says why, and a warning
 * goes to stderr — never passed silently. test/global-setup.ts prints one banner for the whole run too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { fromRoot } from '../src/util/package-root.js';

/** ../shared, relative to the repository (never an absolute path). */
export const SHARED_DIR = fromRoot('..', 'shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** The skip reason for a missing ../shared part, or undefined when it is there. */
export function sharedAbsent(...parts: string[]): string | undefined {
  const p = sharedPath(...parts);
  return existsSync(p) ? undefined : `SKIPPED: ../shared/${parts.join('/')} is absent (looked for ${p})`;
}

/** A describe block that needs ../shared/<parts>: run when present, else skipped with the reason in its title. */
export function sharedSuite(parts: string[], title: string, fn: () => void): void {
  const why = sharedAbsent(...parts);
  if (why === undefined) {
    describe(title, fn);
    return;
  }
  process.stderr.write(`\n[report-metrics tests] ${title}: ${why}\n`);
  describe.skip(`${title} — ${why}`, fn);
}
