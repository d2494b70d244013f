/** The piscina worker-thread entry (compiled to dist/src/batch/worker.js): one message = a chunk of input files. */
import { runFileTask } from './process-task.js';
import type { ChunkTask, TaskResult } from './task.js';

export default async function run(chunk: ChunkTask): Promise<TaskResult[]> {
  const state = new Float64Array(chunk.state);
  const results: TaskResult[] = [];
  for (let i = 0; i < chunk.tasks.length; i++) {
    state[1] = i;
    state[0] = Date.now();
    results.push(await runFileTask(chunk.tasks[i]!));
  }
  return results;
}
