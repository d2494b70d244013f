/** What the batch sends to a worker (thread or queue worker) for one input, and what comes back. */
import type { ProcessOptions } from '../pipeline/process-file.js';

export interface FileTask {
  /** absolute path to read */
  abs: string;
  /** path recorded in Report.source.path */
  path: string;
  /** DIR/reports */
  reportsDir: string;
  options: ProcessOptions;
  checks: { enabled: boolean; disable: string[] };
  /** fsync each report before its rename (default false: the rename alone is atomic against kills) */
  fsync?: boolean;
  /**
   * 8 bytes shared with the dispatcher: the worker stores the time it started the task (ms since epoch,
   * Float64), so that the time limit counts processing time, not time spent waiting for a thread.
   */
  started?: SharedArrayBuffer;
}

export interface TaskDone {
  ok: true;
  reportId: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  counts: { sections: number; references: number; dates: number; metrics: number; findings: number };
  durationMs: number;
}

export interface TaskFailed {
  ok: false;
  /** machine-readable: an InputError code, or timeout, memory, crash, error */
  code: string;
  /** one line, without the path */
  reason: string;
  durationMs: number;
}

export type TaskResult = TaskDone | TaskFailed;

/** One line of an error message, at most 300 characters. */
export function oneLine(s: string): string {
  const l = s.replace(/\s*\n\s*/g, ' ').trim();
  return l.length > 300 ? l.slice(0, 297) + '...' : l;
}
