import type { Command } from 'commander';

export function registerLink(program: Command): void {
  program
    .command('link')
    .description('(not yet implemented)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('report-metrics: link is not implemented yet\n');
      process.exitCode = 2;
    });
}
