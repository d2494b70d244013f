/** The batch's V8 settings: set once, the tier-up budget only when the threads fill every CPU, never over the user's own flags. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fromRoot } from '../src/util/package-root.js';

const mod = fromRoot('dist', 'src', 'batch', 'v8-tuning.js');

function tune(threads: number, cpus: number, nodeArgs: string[] = []): string[] {
  const r = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', `import { tuneV8ForPool } from ${JSON.stringify(mod)}; console.log(JSON.stringify(tuneV8ForPool(${threads}, ${cpus})))`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[];
}

describe('tuneV8ForPool', () => {
  it('bounds heap growth and inlining always, and raises the tier-up budget only when the threads fill every CPU', () => {
    expect(tune(1, 2)).toEqual(['heap-growing-percent', 'max-inlined-bytecode-size-cumulative']);
    expect(tune(2, 2)).toEqual(['heap-growing-percent', 'max-inlined-bytecode-size-cumulative', 'interrupt-budget']);
    expect(tune(4, 2)).toEqual(['heap-growing-percent', 'max-inlined-bytecode-size-cumulative', 'interrupt-budget']);
  });

  it("keeps the user's own flags", () => {
    expect(tune(2, 2, ['--interrupt-budget=100000'])).toEqual(['heap-growing-percent', 'max-inlined-bytecode-size-cumulative']);
    expect(tune(2, 2, ['--heap-growing-percent=20'])).toEqual(['max-inlined-bytecode-size-cumulative', 'interrupt-budget']);
    expect(tune(1, 2, ['--max-inlined-bytecode-size-cumulative=500'])).toEqual(['heap-growing-percent']);
  });
});
