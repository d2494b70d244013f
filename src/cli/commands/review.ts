import type { Command } from 'commander';

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('the review site of an archive: FILE (findings overview with filters and search, report index) and the folder beside it (a page per report and per agency, data shards)')
    .argument('<inputs...>', 'batch output folders (DIR/reports, optionally DIR/tables from the link step), Report JSON files, or documents (DOCX, PDF, TXT, …: run through the pipeline)')
    .requiredOption('--html <file>', 'the index page to write (the rest goes to <file without .html>.files/)')
    .option('--ocr <mode>', 'for documents: OCR scanned pages (auto, always, never)', 'auto')
    .option('-q, --quiet', 'no summary line on standard error')
    .action(async (inputs: string[], o: { html: string; quiet?: boolean; ocr: string }) => {
      if (o.ocr !== 'auto' && o.ocr !== 'always' && o.ocr !== 'never') {
        process.stderr.write(`report-metrics: --ocr must be auto, always or never, not "${o.ocr}"\n`);
        process.exitCode = 2;
        return;
      }
      try {
        const { writeReview, assetsDirOf } = await import('../../review/build.js');
        const summary = await writeReview(inputs, o.html, { ocr: o.ocr });
        if (!o.quiet) {
          const largest = summary.files.reduce((a, b) => (b.bytes > a.bytes ? b : a));
          process.stderr.write(
            `review: ${summary.reports} reports (${summary.withText} with text), ${summary.facts} facts, ${summary.findings} findings, ${summary.series} series in ${summary.agencies} agencies → ${o.html} + ${assetsDirOf(o.html)}/ (${summary.files.length} files, largest ${largest.path} ${(largest.bytes / 1e6).toFixed(2)} MB)\n`,
          );
        }
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        const first = inputs[0] ?? '';
        process.stderr.write(`report-metrics: ${inputs.some((i) => msg.startsWith(i)) ? msg : `${first}: ${msg}`}`.replace(/\s*\n\s*/g, ' ') + '\n');
        process.exitCode = 2;
      }
    });
}
