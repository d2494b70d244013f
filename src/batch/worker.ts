/** The piscina worker-thread entry (compiled to dist/src/batch/worker.js): one message = a chunk of input files. */
import { onOcrRun } from '../ingest/ocr.js';
import { runFileTask } from './process-task.js';
import type { ChunkTask, TaskResult } from './task.js';

export default async function run(chunk: ChunkTask): Promise<TaskResult[]> {
  const state = new Float64Array(chunk.state);
  // OCR time does not count against the file's time limit (each tesseract run has its own): while one runs,
  // the file's start time is moved on by that run's limit, and at its end by the time it took
  onOcrRun((limitMs) => {
    const t = Date.now();
    state[0] = state[0]! + limitMs;
    return () => {
      state[0] = state[0]! + (Date.now() - t) - limitMs;
    };
  });
  const results: TaskResult[] = [];
  for (let i = 0; i < chunk.tasks.length; i++) {
    state[1] = i;
    state[0] = Date.now();
    results.push(await runFileTask(chunk.tasks[i]!));
  }
  return results;
}
