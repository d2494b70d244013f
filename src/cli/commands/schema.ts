import type { Command } from 'commander';
import { loadSchema, schemaNames } from '../../validate/validate.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print a JSON Schema (report, or a table name); without NAME, list the schemas')
    .argument('[name]', 'schema name, e.g. report, metrics, pipeline')
    .action((name?: string) => {
      const names = schemaNames();
      if (!name) {
        process.stdout.write(names.join('\n') + '\n');
        return;
      }
      if (!names.includes(name)) {
        process.stderr.write(`report-metrics: unknown schema "${name}" (known: ${names.join(', ')})\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(JSON.stringify(loadSchema(name), null, 2) + '\n');
    });
}
