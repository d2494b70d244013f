/** Where the batch finds its own files (compiled worker, default pipeline) and its output layout. */
import { join } from 'node:path';
import { fromRoot } from '../util/package-root.js';

/** The compiled worker file piscina runs (always compiled JS, never TypeScript, even under vitest). */
export const WORKER_FILE = fromRoot('dist', 'src', 'batch', 'worker.js');

export const DEFAULT_PIPELINE_FILE = fromRoot('pipelines', 'default.yaml');

/** The output layout of a batch folder. */
export function outLayout(dir: string) {
  return {
    dir,
    reports: join(dir, 'reports'),
    tables: join(dir, 'tables'),
    manifest: join(dir, 'manifest.ndjson'),
  };
}
