import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Name and version of the built-in default pipeline; batch pipelines (pipelines/*.yaml) override them. */
export const PIPELINE_NAME = 'default';
export const PIPELINE_VERSION: string = pkg.version;
