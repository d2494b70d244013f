/**
 * The child process that runs one suspect file alone (compiled to dist/src/batch/solo-child.js; see
 * ./solo.ts). It writes the marker when it starts the file and removes it when the file is over, so a
 * parent that sees it die knows whether the file was running. When the parent goes away (killed from
 * outside: its IPC channel closes), the child stops at once and leaves the marker as it is: the file was
 * not at fault, and the next run retries it.
 */
import { rmSync } from 'node:fs';
import { FilePool } from './pool.js';
import { writeFileAtomic } from '../util/atomic.js';
import type { SoloRequest } from './solo.js';

process.on('disconnect', () => process.exit(0));
process.once('message', (msg: SoloRequest) => {
  void (async () => {
    const pool = new FilePool({ threads: 1, timeoutMs: msg.limits.timeoutMs, maxMemoryMb: msg.limits.maxMemoryMb, chunk: 1 });
    writeFileAtomic(msg.marker, JSON.stringify({ path: msg.task.abs, pid: process.pid, at: new Date().toISOString() }) + '\n');
    // a crash-injection hook for the tests of the crash path (a file that aborts its process by itself)
    if (process.env.REPORT_METRICS_TEST_ABORT_ON && msg.task.abs.endsWith(process.env.REPORT_METRICS_TEST_ABORT_ON)) process.abort();
    const result = await pool.run(msg.task);
    process.send!({ result }, () => {
      rmSync(msg.marker, { force: true });
      void pool.close().then(() => process.exit(0));
    });
  })();
});
