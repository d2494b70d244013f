/** Locating the package's own files (schemas/, pipelines/, dist/) from compiled or source modules. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === 'report-metrics') return dir;
      } catch {
        /* keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the report-metrics package root');
    dir = up;
  }
}

/** The folder holding package.json (works from dist/src/batch and from src/batch). */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The compiled worker file piscina runs (always compiled JS, never TypeScript). */
export const WORKER_FILE = join(PACKAGE_ROOT, 'dist', 'src', 'batch', 'worker.js');

export const DEFAULT_PIPELINE_FILE = join(PACKAGE_ROOT, 'pipelines', 'default.yaml');

/** The output layout of a batch folder. */
export function outLayout(dir: string) {
  return {
    dir,
    reports: join(dir, 'reports'),
    tables: join(dir, 'tables'),
    manifest: join(dir, 'manifest.ndjson'),
    warehouse: join(dir, 'warehouse.duckdb'),
    exports: join(dir, 'export'),
  };
}
