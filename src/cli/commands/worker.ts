import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { runWorker } from '../../queue/index.js';
import { DEFAULT_QUEUE_NAME } from '../../queue/name.js';

function nonNegative(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number ≥ 0');
  return n;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('process batch jobs from a BullMQ queue (Redis) filled by `batch --queue`; input and output paths must be shared')
    .requiredOption('--queue <redis-url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
    .option('--queue-name <name>', 'BullMQ queue name', DEFAULT_QUEUE_NAME)
    .option('-j, --jobs <n>', 'jobs processed at once (threads; default: CPU count)', (v) => Math.max(1, Math.floor(nonNegative(v))))
    .option('--idle-exit <seconds>', 'exit after this many seconds without work (default: run until SIGINT/SIGTERM)', nonNegative)
    .action(async (o: { queue: string; queueName: string; jobs?: number; idleExit?: number }) => {
      const { BatchError } = await import('../../batch/errors.js');
      const { runWorker } = await import('../../queue/index.js');
      try {
        const opts: Parameters<typeof runWorker>[0] = { url: o.queue, name: o.queueName, jobs: o.jobs ?? Math.max(1, availableParallelism()) };
        if (o.idleExit !== undefined) opts.idleExitMs = o.idleExit * 1000;
        await runWorker(opts);
      } catch (err) {
        if (err instanceof BatchError) {
          process.stderr.write(`report-metrics: ${err.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }
    });
}
