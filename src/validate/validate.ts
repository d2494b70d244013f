/**
 * Validate: every output passes its JSON Schema (draft 2020-12, ajv) before it is written.
 * An invalid output is an error (OutputInvalidError), never silently written.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// ajv-formats is CommonJS; under NodeNext its default export sits on `.default`.
type AddFormats = typeof addFormatsModule.default;
const addFormats: AddFormats = (addFormatsModule as unknown as { default: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

import { fromRoot } from '../util/package-root.js';

export const SCHEMA_DIR = fromRoot('schemas');

export class OutputInvalidError extends Error {
  constructor(
    readonly schema: string,
    readonly errors: string[],
  ) {
    super(`output does not match schema ${schema}: ${errors.slice(0, 5).join('; ')}`);
    this.name = 'OutputInvalidError';
  }
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Names of the schemas in schemas/ (file name without .schema.json). */
export function schemaNames(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.replace(/\.schema\.json$/, ''))
    .sort();
}

export function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
}

export function validatorFor(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (v === undefined) {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: true });
      addFormats(ajv);
      // annotation of the table schemas: the Report/link field a column is filled from (src/validate/table-columns.ts)
      ajv.addKeyword({ keyword: 'x-field', schemaType: 'string' });
    }
    const fresh = ajv.compile(loadSchema(name));
    compiled.set(name, fresh);
    return fresh;
  }
  return v;
}

/** Throws OutputInvalidError unless `value` matches schemas/<name>.schema.json. */
export function assertValid(name: string, value: unknown): void {
  const v = validatorFor(name);
  if (!v(value)) {
    const errors = (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
    throw new OutputInvalidError(name, errors);
  }
}
