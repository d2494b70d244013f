import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('a self-contained HTML review page of a batch output folder: texts with highlighted facts, findings, series per agency')
    .argument('<dir>', 'a batch output folder (DIR/reports, optionally DIR/tables from the link step)')
    .requiredOption('--html <file>', 'the HTML file to write')
    .option('-q, --quiet', 'no summary line on standard error')
    .action(async (dir: string, o: { html: string; quiet?: boolean }) => {
      try {
        const { buildReview } = await import('../../review/build.js');
        const { html, summary } = await buildReview(dir);
        writeFileSync(o.html, html);
        if (!o.quiet)
          process.stderr.write(
          `review: ${summary.reports} reports (${summary.withText} with text), ${summary.facts} facts, ${summary.findings} findings, ${summary.series} series in ${summary.agencies} agencies → ${o.html}\n`,
        );
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        process.stderr.write(`report-metrics: ${msg.startsWith(dir) ? msg : `${dir}: ${msg}`}`.replace(/\s*\n\s*/g, ' ') + '\n');
        process.exitCode = 2;
      }
    });
}
