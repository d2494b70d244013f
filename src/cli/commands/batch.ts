import type { Command } from 'commander';

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('(not yet implemented)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('report-metrics: batch is not implemented yet\n');
      process.exitCode = 2;
    });
}
