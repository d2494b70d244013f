import type { Command } from 'commander';

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('(not yet implemented)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('report-metrics: review is not implemented yet\n');
      process.exitCode = 2;
    });
}
