/**
 * V8 settings for the batch process, set once before the worker threads start. All are process-wide V8
 * flags read while the program runs (at each collection, at each tier-up or inlining decision), so they
 * take effect for the threads started after them. None is set when the user chose it (`node --flag`,
 * NODE_OPTIONS). Measured with `npm run bench:batch` and per-thread CPU from /proc (docs/batch.md).
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * How far a heap may grow past its live size before the next full collection: 1.5×. V8 picks up to 4×
 * for the main thread (whose limit is a quarter of the machine's memory) and ~1.6× for threads with a
 * 1 GB limit, and a batch never goes idle, so V8's idle-time memory reducer never returns the slack: over
 * 50,000 reports the main heap grew from 53 to 88 MB and each thread's old space from 36 to 54 MB while
 * the live data stayed flat. With 1.5× the peak RSS at 50,000 reports fell from ~345 to ~305 MB, at the
 * same speed.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * How much bytecode a function must run before V8 optimizes it, when the worker threads fill every CPU:
 * ~3× V8's default (67,584). Each thread's V8 compiles the extraction, PDF and DOCX code for itself, on
 * background threads: with one worker on two CPUs that runs free on the idle CPU (one worker pinned to one
 * CPU is 34% slower), but when every CPU runs a worker the compilers take CPU from the workers. Optimizing
 * only the hotter functions then pays: two workers on two CPUs, 5,000 text reports 639 → 725 reports/s,
 * 2,000 mixed-format reports 118 → 127 reports/s, 50,000 text reports 1,116 → 1,092 reports/s.
 */
export const INTERRUPT_BUDGET_BUSY = 200_000;

/**
 * How much bytecode TurboFan may inline into one optimized function, in all: 200 instead of V8's 920.
 * The extraction's big functions (extractMetrics, extractReport, the reference and date rules) inline
 * their many small helpers, so each compile (and each recompile after a deoptimization) is large: with
 * one thread over 5,000 text reports TurboFan spent 2.8 s, 1.9 s with this limit, and the last 1,000
 * files ran at the same speed. Less compile is less CPU taken from the workers: 2 workers, 5,000 text
 * reports 719–762 → 734–806 reports/s, 2,000 mixed-format reports 121–125 → 128–131, 50,000 text reports
 * 1,202 → 1,232 (and 297 → 286 MB); 1 worker at the same speed (text 561–616 → 595–635 reports/s, mixed
 * formats 102–111 → 104–110). Set with 1 worker too, so both sides of the speed-up compare like with like.
 */
export const MAX_INLINED_BYTECODE_CUMULATIVE = 200;

const applied = new Set<string>();

function userSet(flag: string): boolean {
  const re = new RegExp(flag.replace(/[-_]/g, '[-_]'));
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => re.test(a));
}

function setOnce(flag: string, value: number): boolean {
  if (applied.has(flag)) return true;
  if (userSet(flag)) return false;
  setFlagsFromString(`--${flag}=${value}`);
  applied.add(flag);
  return true;
}

/** Sets the V8 flags above for a pool of `threads` worker threads; returns the flags it set (or had set). */
export function tuneV8ForPool(threads: number, cpus = availableParallelism()): string[] {
  const set: string[] = [];
  if (setOnce('heap-growing-percent', HEAP_GROWING_PERCENT)) set.push('heap-growing-percent');
  if (setOnce('max-inlined-bytecode-size-cumulative', MAX_INLINED_BYTECODE_CUMULATIVE)) set.push('max-inlined-bytecode-size-cumulative');
  if (threads >= cpus && setOnce('interrupt-budget', INTERRUPT_BUDGET_BUSY)) set.push('interrupt-budget');
  return set;
}
