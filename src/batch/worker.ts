/** The piscina worker-thread entry (compiled to dist/src/batch/worker.js): one task = one input file. */
import { runFileTask } from './process-task.js';
import type { FileTask, TaskResult } from './task.js';

export default function run(task: FileTask): Promise<TaskResult> {
  return runFileTask(task);
}
