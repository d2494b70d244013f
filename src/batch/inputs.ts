/** Batch inputs: files, folders (recursive) and globs → a sorted, de-duplicated list of files. */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface BatchInput {
  /**
   * the path as recorded in the outputs: absolute when the argument was absolute, else relative to
   * `relativeTo` (the output folder for a batch), so the outputs can be read from any working directory
   */
  path: string;
  /** absolute path */
  abs: string;
}

export interface ExpandResult {
  inputs: BatchInput[];
  /** one line per argument that matched nothing */
  warnings: string[];
}

/** `abs` as recorded: relative to `base` (POSIX separators), or absolute when asked or on another root. */
export function recordedPath(abs: string, base: string | undefined): string {
  const rel = base === undefined ? '' : relative(base, abs);
  const p = rel === '' || isAbsolute(rel) ? abs : rel;
  return sep === '/' ? p : p.split(sep).join('/');
}

function hasExt(file: string, exts: Set<string>): boolean {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') && exts.has(file.slice(dot).toLowerCase());
}

/**
 * Expands INPUT arguments. A file named explicitly is always taken (whatever its extension, and even
 * when missing: it is then recorded as failed); folders and globs take files with a supported extension.
 * `exclude` (the output folder) is never read as input. Recorded paths: see BatchInput.path (`relativeTo`
 * defaults to `cwd`). `order`: 'path' sorts all inputs by recorded path (batch); 'args' keeps the arguments'
 * order, each folder's or glob's files sorted (extract).
 */
export async function expandInputs(
  args: string[],
  extensions: string[],
  exclude: string[] = [],
  cwd = process.cwd(),
  relativeTo = cwd,
  order: 'path' | 'args' = 'path',
): Promise<ExpandResult> {
  const exts = new Set(extensions.map((e) => e.toLowerCase()));
  const excluded = exclude.map((d) => resolve(cwd, d) + sep);
  const byAbs = new Map<string, BatchInput>();
  const warnings: string[] = [];
  let base: string | undefined;
  const add = (abs: string) => {
    if (excluded.some((d) => abs.startsWith(d))) return;
    if (!byAbs.has(abs)) byAbs.set(abs, { path: recordedPath(abs, base), abs });
  };
  for (const arg of args) {
    base = isAbsolute(arg) ? undefined : resolve(cwd, relativeTo);
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found = (await glob('**/*', { cwd: abs, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false })).sort();
      let n = 0;
      for (const f of found) {
        if (!hasExt(f, exts)) continue;
        add(resolve(f));
        n++;
      }
      if (n === 0) warnings.push(`${arg}: folder holds no file with a supported extension (${extensions.join(' ')})`);
    } else if (st || !isDynamicPattern(arg)) {
      add(abs); // an explicit file (or a missing one, recorded as failed)
    } else {
      const found = (await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false })).sort();
      let n = 0;
      for (const f of found) {
        if (!hasExt(f, exts)) continue;
        add(resolve(f));
        n++;
      }
      if (n === 0) warnings.push(`${arg}: no file matches`);
    }
  }
  const inputs = [...byAbs.values()];
  if (order === 'path') inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { inputs, warnings };
}

/** `format` column of the manifest: the extension, lower case, without the dot. */
export function formatOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : 'none';
}
