/**
 * The `report-metrics` binary. Each command lives in ./commands/<name>.ts and registers itself here.
 */
import { Command } from 'commander';
import { TOOL_VERSION } from '../pipeline/version.js';
import { palette } from './colour.js';
import { forTerminal } from '../util/escape.js';
import { registerExtract } from './commands/extract.js';
import { registerSchema } from './commands/schema.js';
import { registerBatch } from './commands/batch.js';
import { registerExport } from './commands/export.js';
import { registerLink } from './commands/link.js';
import { registerCheck } from './commands/check.js';
import { registerReview } from './commands/review.js';
import { registerWorker } from './commands/worker.js';

const program = new Command();
program
  .name('report-metrics')
  .description('Turn archived report documents (TXT, DOCX, PDF, HTML, DOC) into schema-validated, queryable data')
  .version(TOOL_VERSION, '-V, --version', 'print the version of report-metrics')
  .configureOutput({ outputError: (s, write) => write(palette(process.stderr).red(s)) });

registerExtract(program);
registerBatch(program);
registerLink(program);
registerCheck(program);
registerReview(program);
registerExport(program);
registerSchema(program);
registerWorker(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(palette(process.stderr).red(forTerminal(`report-metrics: ${err instanceof Error ? err.message : String(err)}`)) + '\n');
  process.exit(2);
});
