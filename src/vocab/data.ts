/**
 * Loads the linking vocabularies (YAML under src/vocab/data/). Files are located relative to the package
 * root (found from this module's location), so they load the same from src/ (vitest) and dist/src/ (node).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from '../util/package-root.js';

export const DATA_DIR = fromRoot('src', 'vocab', 'data');

const cache = new Map<string, unknown>();

/** Parsed YAML of src/vocab/data/<name>.yaml (cached). */
export function loadData<T>(name: string): T {
  let v = cache.get(name);
  if (v === undefined) {
    const path = fromRoot('src', 'vocab', 'data', `${name}.yaml`);
    try {
      v = parse(readFileSync(path, 'utf8')) as unknown;
    } catch (err) {
      throw new Error(`${path}: cannot read vocabulary (${err instanceof Error ? err.message : String(err)})`);
    }
    const nullAt = findNull(v, '');
    if (nullAt !== undefined) throw new Error(`${path}: empty value at ${nullAt} (an unquoted comma inside { … }?)`);
    cache.set(name, v);
  }
  return v as T;
}

/** Path of the first null in a parsed YAML tree (a flow mapping split at an unquoted comma leaves one). */
function findNull(v: unknown, path: string): string | undefined {
  if (v === null) return path || '/';
  if (typeof v !== 'object') return undefined;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const r = findNull(x, `${path}/${k}`);
    if (r !== undefined) return r;
  }
  return undefined;
}
