import { readFileSync } from 'node:fs';
import { fromRoot } from '../util/package-root.js';

const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };

/** Name and version of the built-in default pipeline; batch pipelines (pipelines/*.yaml) override them. */
export const PIPELINE_NAME = 'default';
export const PIPELINE_VERSION: string = pkg.version;
