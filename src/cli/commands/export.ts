import type { Command } from 'commander';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('(not yet implemented)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('report-metrics: export is not implemented yet\n');
      process.exitCode = 2;
    });
}
