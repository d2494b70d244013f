/**
 * The package root (the folder holding package.json), found by walking up from this module, so that
 * repo files (schemas/, fixtures/, pipelines/) resolve the same from src/ (tests) and dist/src/ (CLI).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('report-metrics: cannot find the package root (package.json + schemas/)');
    dir = up;
  }
}

export const PACKAGE_ROOT: string = findRoot();

/** A path inside the package, e.g. `fromRoot('schemas', 'report.schema.json')`. */
export function fromRoot(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
