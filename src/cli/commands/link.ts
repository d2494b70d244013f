import type { Command } from 'commander';
import { LinkError, runLink } from '../../link/index.js';

export function registerLink(program: Command): void {
  program
    .command('link')
    .description('cross-report linking over a batch output folder: agencies, cited documents, indicator series, year-over-year changes → DIR/tables/*.ndjson')
    .argument('<dir>', 'a batch output folder (with reports/)')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'do not print warnings about skipped reports')
    .action(async (dir: string, o: { json?: boolean; quiet?: boolean }) => {
      let shown = 0;
      let hidden = 0;
      try {
        const s = await runLink(dir, {
          onWarning: (msg) => {
            if (o.quiet) return;
            if (shown < 20) {
              shown++;
              process.stderr.write(`report-metrics link: ${msg.replace(/\s*\n\s*/g, ' ')}\n`);
            } else hidden++;
          },
        });
        if (hidden) process.stderr.write(`report-metrics link: … and ${hidden} more warnings\n`);
        if (o.json) {
          const { warnings: _w, ...rest } = s;
          process.stdout.write(JSON.stringify(rest) + '\n');
          return;
        }
        const pct = s.series ? ` (${((100 * s.matched) / s.series).toFixed(1)}% matched to the vocabulary)` : '';
        process.stdout.write(
          [
            `reports        ${s.reports}${s.skipped ? ` (${s.skipped} skipped)` : ''}`,
            `report docs    ${s.reportDocuments} (the files of one report are one document; facts from its best rendering)`,
            `agencies       ${s.agencies}`,
            `documents      ${s.documents} (${s.citations} citations)`,
            `conflicts      ${s.conflicts} documents cited with differing dates, years or types`,
            `series points  ${s.series} in ${s.seriesKeys} series${pct}`,
            `changes        ${s.changes} (${s.breaks} breaks: jumps, unit changes, duplicate periods)`,
            `tables         ${s.tablesDir}`,
          ].join('\n') + '\n',
        );
      } catch (err) {
        const msg = err instanceof LinkError ? err.message : `${dir}: ${err instanceof Error ? err.message : String(err)}`;
        process.stderr.write(`report-metrics: ${msg.replace(/\s*\n\s*/g, ' ')}\n`);
        process.exitCode = err instanceof LinkError ? 1 : 3;
      }
    });
}
