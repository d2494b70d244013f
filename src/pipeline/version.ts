import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { fromRoot } from '../util/package-root.js';

const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };

/** The package's own version (`report-metrics --version`, the manifest's `tool`). */
export const TOOL_VERSION: string = pkg.version;

/**
 * Name and version of the built-in default pipeline, read from pipelines/default.yaml — the pipeline `batch`
 * runs without --pipeline — so that `extract` and `batch` stamp the same `pipeline` on a report.
 * Batch pipelines (pipelines/*.yaml, --pipeline) carry their own.
 */
const defaults = parseYaml(readFileSync(fromRoot('pipelines', 'default.yaml'), 'utf8')) as { name: string; version: string | number };
export const PIPELINE_NAME: string = defaults.name;
export const PIPELINE_VERSION: string = String(defaults.version);
