import type { Command } from 'commander';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('(not yet implemented)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('report-metrics: check is not implemented yet\n');
      process.exitCode = 2;
    });
}
