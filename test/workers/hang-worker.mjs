/**
 * A batch worker for the time-limit tests, so that the test, not the machine's speed, decides which file
 * runs past the limit: a file whose name ends in `.hang.txt` never finishes (a busy loop, as a runaway rule
 * would spin); every other file goes through the real compiled worker off the clock (its start is stamped
 * far in the future on the pool's shared state), so however loaded the machine, only the hanging file can
 * reach the limit.
 */
import real from '../../dist/src/batch/worker.js';

const OFF_THE_CLOCK = Date.now() + 1e12;

export default async function run(chunk) {
  const state = new Float64Array(chunk.state);
  const results = [];
  for (let i = 0; i < chunk.tasks.length; i++) {
    const task = chunk.tasks[i];
    state[1] = i;
    if (task.abs.endsWith('.hang.txt')) {
      state[0] = Date.now();
      for (;;);
    }
    state[0] = OFF_THE_CLOCK;
    const [r] = await real({ ...chunk, tasks: [task], state: new SharedArrayBuffer(16) });
    results.push(r);
  }
  return results;
}
