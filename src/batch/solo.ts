/**
 * A suspect (an input in flight when an earlier run died) is processed alone in a child process of its
 * own, with the pipeline's worker limits. Only a death of that child while the file runs is the file's
 * fault: the child writes a marker (DIR/.solo.json) when it starts the file and clears it when the file is
 * over, and the parent — alive, since the file ran elsewhere — records the file `failed: crash` at once.
 * A batch killed from outside during the retry (kill -9) kills no file's record: the child stops with its
 * parent, nothing is recorded, and the next run retries the suspect.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fromRoot } from '../util/package-root.js';
import { BatchError } from './errors.js';
import type { FileTask, TaskResult } from './task.js';

export const SOLO_CHILD_FILE = fromRoot('dist', 'src', 'batch', 'solo-child.js');

export interface SoloRequest {
  task: FileTask;
  limits: { timeoutMs: number; maxMemoryMb: number };
  marker: string;
}

export function runSolo(req: SoloRequest): Promise<TaskResult> {
  const t0 = performance.now();
  rmSync(req.marker, { force: true });
  return new Promise<TaskResult>((resolve, reject) => {
    const child = fork(SOLO_CHILD_FILE, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    let result: TaskResult | undefined;
    child.on('message', (m: { result?: TaskResult }) => {
      if (m.result) result = m.result;
    });
    child.on('error', (err) => reject(new BatchError(`cannot start the process for a file alone: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (result) return resolve(result);
      const started = markerNames(req.marker, req.task.abs);
      rmSync(req.marker, { force: true });
      if (!started) return reject(new BatchError(`the process for a file alone died before it started the file (${signal ?? `exit ${code}`})`));
      resolve({
        ok: false,
        code: 'crash',
        reason: `processing this file alone killed its process (${signal ?? `exit ${code}`}; memory beyond the worker limit?); not retried (use --force)`,
        durationMs: performance.now() - t0,
      });
    });
    child.send(req);
  });
}

function markerNames(marker: string, abs: string): boolean {
  if (!existsSync(marker)) return false;
  try {
    return (JSON.parse(readFileSync(marker, 'utf8')) as { path?: string }).path === abs;
  } catch {
    return false;
  }
}
