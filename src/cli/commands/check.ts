import type { Command } from 'commander';
import { palette } from '../colour.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('auditor findings for documents, Report JSON files or batch output folders (exit 1 when anything is at warning level or above)')
    .argument('<targets...>', 'documents (DOCX, PDF, TXT, …: run through the pipeline), Report JSON files, or batch output folders (DIR/reports, DIR/tables)')
    .option('--format <format>', 'text (for people) or json ({"findings": [...]})', 'text')
    .action(async (targets: string[], o: { format: string }) => {
      if (o.format !== 'text' && o.format !== 'json') {
        process.stderr.write(`report-metrics: --format must be text or json, not "${o.format}"\n`);
        process.exitCode = 2;
        return;
      }
      try {
        // heavy modules load only when the command runs (keeps `report-metrics --help` fast)
        const { allFindings, exitCodeOf, formatText, runCheck } = await import('../check-run.js');
        const run = await runCheck(targets);
        const findings = allFindings(run);
        process.stdout.write(o.format === 'json' ? JSON.stringify({ findings }, null, 2) + '\n' : formatText(run, palette(process.stdout)));
        process.exitCode = exitCodeOf(findings);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        const named = targets.some((t) => msg.startsWith(t));
        process.stderr.write(`report-metrics: ${named ? msg : `${targets[0]}: ${msg}`}`.replace(/\s*\n\s*/g, ' ') + '\n');
        process.exitCode = 2;
      }
    });
}
