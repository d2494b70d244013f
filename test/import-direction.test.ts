/**
 * The pipeline's direction, enforced: a module imports only from its own folder or from a folder of a lower
 * layer. ingest → segment → extract → validate → check → link/export → pipeline → batch/review → queue → cli;
 * the vocabularies, tokens, model and utilities are below them all, the eval harness and the CLI on top, and
 * the library's entry point (src/api) above everything.
 * The pipeline is the one module that calls several stages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/eval/harness.js';

export const LAYERS: string[][] = [
  ['model', 'util', 'normalize'],
  ['vocab', 'tokens'],
  ['ingest'],
  ['segment'],
  ['extract'],
  ['validate'],
  ['check'],
  ['link', 'export'],
  ['pipeline'],
  ['batch', 'review'],
  ['queue'],
  ['cli', 'eval'],
  ['api'],
];

const SRC = join(packageRoot(), 'src');
const layerOf = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every import of one source folder into another that goes against the direction. */
export function wrongWayImports(): string[] {
  const out: string[] = [];
  for (const file of tsFiles(SRC)) {
    const from = relative(SRC, file).split(sep)[0]!;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = relative(SRC, resolve(dirname(file), m[1]!)).split(sep)[0]!;
      if (target === from || target.startsWith('..')) continue;
      const a = layerOf.get(from);
      const b = layerOf.get(target);
      if (a === undefined || b === undefined || b >= a) out.push(`${relative(SRC, file)} imports ${m[1]} (${from} → ${target})`);
    }
  }
  return out;
}

describe('import direction', () => {
  it('every src folder has a layer', () => {
    const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());
    expect(folders.filter((f) => !layerOf.has(f))).toEqual([]);
  });
  it('no module imports against the pipeline direction', () => {
    expect(wrongWayImports()).toEqual([]);
  });
});
