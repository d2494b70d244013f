/**
 * DIR/.inflight.ndjson: which inputs were being processed when the batch process died.
 *
 * Worker memory limits are best-effort in Node (an allocation of the wrong shape aborts the whole process,
 * nodejs/node#47224), so one poisonous file could kill every re-run. Each dispatch appends
 * `{"s": path, "solo": bool}`, each outcome `{"f": path}`. On the next run, inputs started but never
 * finished are suspects: they are processed first, one at a time ("solo"), each in a child process of its
 * own (./solo.ts), which tells a file that crashes its process by itself (recorded `failed: crash` there and
 * then) from a batch killed from outside (nothing recorded: the suspect is retried on the next run). Only
 * a suspect whose solo retries were cut off SOLO_RETRIES times in a row is given up (`failed: crash`).
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface Suspect {
  /** started and never finished, in any run since the log was last cleared */
  unfinished: number;
  /** solo retries cut off by the death of the batch (never finished, in any run since the log was cleared) */
  soloStarts: number;
  /** cut off SOLO_RETRIES times while processed alone: given up */
  soloCrash: boolean;
}

/** How many solo retries of one suspect may be cut off before it is given up. */
export const SOLO_RETRIES = 3;

export class InflightLog {
  readonly suspects = new Map<string, Suspect>();
  private fd: number;

  constructor(readonly file: string) {
    if (existsSync(file)) {
      const open = new Map<string, { n: number; solo: number }>();
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        let e: { s?: string; f?: string; solo?: boolean };
        try {
          e = JSON.parse(line) as typeof e;
        } catch {
          continue; // empty or torn line
        }
        if (typeof e.s === 'string') {
          const o = open.get(e.s) ?? { n: 0, solo: 0 };
          o.n++;
          if (e.solo === true) o.solo++;
          open.set(e.s, o);
        } else if (typeof e.f === 'string') open.delete(e.f);
      }
      for (const [path, o] of open) this.suspects.set(path, { unfinished: o.n, soloStarts: o.solo, soloCrash: o.solo >= SOLO_RETRIES });
    }
    this.fd = openSync(file, 'a');
    // keep the history of unfinished inputs only (the log restarts from them)
    ftruncateSync(this.fd, 0);
    for (const [path, s] of this.suspects) {
      for (let i = 0; i < s.unfinished; i++) writeSync(this.fd, JSON.stringify({ s: path, solo: i >= s.unfinished - s.soloStarts }) + '\n');
    }
  }

  start(path: string, solo: boolean): void {
    writeSync(this.fd, JSON.stringify({ s: path, solo }) + '\n');
  }

  finish(path: string): void {
    writeSync(this.fd, JSON.stringify({ f: path }) + '\n');
  }

  /** Forget everything (after a processing phase that ended normally). */
  clear(): void {
    ftruncateSync(this.fd, 0);
    this.suspects.clear();
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
