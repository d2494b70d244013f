/** What the batch sends to a worker (thread or queue worker) for one input, and what comes back. */
import type { ProcessOptions } from '../pipeline/process-file.js';
import { forTerminal } from '../util/escape.js';

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
  /** return the Report JSON in the result (`json`) instead of writing it to reportsDir (`extract`) */
  emit?: { indent: number };
}

/** What the pool sends a worker thread: several files, processed one after the other. */
export interface ChunkTask {
  tasks: FileTask[];
  /**
   * 16 bytes shared with the dispatcher (two Float64): the time the worker started the current file (ms
   * since epoch) and that file's index in `tasks`, so that the time limit counts each file's own
   * processing time and a failure names the file that was running.
   */
  state: SharedArrayBuffer;
}

export interface TaskDone {
  ok: true;
  reportId: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  counts: { sections: number; references: number; dates: number; metrics: number; findings: number };
  /**
   * PDF and image inputs: pages read (`source.pages`), pages whose text came from OCR (`pageDecoding` with
   * decoder `ocr`) and the time spent on those (rasterize + recognize, ms)
   */
  pages?: { total: number; ocr: number; ocrMs: number };
  durationMs: number;
  /** the worker's heap in use after this file, MB (the pool replaces threads whose heap grows) */
  heapMb?: number;
  /** the Report JSON (FileTask.emit) */
  json?: string;
}

export interface TaskFailed {
  ok: false;
  /** machine-readable: an InputError code, or timeout, memory, crash, error */
  code: string;
  /** one line, without the path */
  reason: string;
  durationMs: number;
  heapMb?: number;
}

export type TaskResult = TaskDone | TaskFailed;

/** One line of an error message, at most 300 characters, control characters escaped (forTerminal). */
export function oneLine(s: string): string {
  const l = forTerminal(s.replace(/\s*\n\s*/g, ' ').trim());
  return l.length > 300 ? l.slice(0, 297) + '...' : l;
}
