/**
 * Files under the batch workers' guard (`report-metrics extract`): each processed in a worker thread with
 * the pipeline's time and memory limits, so a file that needs more time or heap than allowed fails with a
 * reason instead of taking the process (and the machine's memory) with it. One thread for all the files
 * of a call, replaced when a file breaks a limit.
 */
import { resolve } from 'node:path';
import { FilePool } from './pool.js';
import type { ProcessOptions } from '../pipeline/process-file.js';
import type { TaskResult } from './task.js';

export interface GuardLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export const DEFAULT_GUARD: GuardLimits = { timeoutMs: 60_000, maxMemoryMb: 1024 };

export class Guard {
  private readonly pool: FilePool;
  constructor(limits: GuardLimits = DEFAULT_GUARD) {
    this.pool = new FilePool({ threads: 1, timeoutMs: limits.timeoutMs, maxMemoryMb: limits.maxMemoryMb, chunk: 1 });
  }
  /** Processes `file` (recorded as `path`); `json` of the result holds the Report JSON when ok. */
  run(file: string, path: string, options: ProcessOptions, indent = 2): Promise<TaskResult> {
    return this.pool.run({ abs: resolve(file), path, reportsDir: '', options, checks: { enabled: true, disable: [] }, emit: { indent } });
  }
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** One file under the guard. */
export async function processGuarded(file: string, options: ProcessOptions, limits: GuardLimits = DEFAULT_GUARD, indent = 2): Promise<TaskResult> {
  const g = new Guard(limits);
  try {
    return await g.run(file, file, options, indent);
  } finally {
    await g.close();
  }
}
