import type { Command } from 'commander';
import { InputError } from '../../ingest/errors.js';
import type { ProcessOptions } from '../../pipeline/process-file.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('one report (any supported format) → one Report JSON on stdout')
    .argument('<file>', 'the report file')
    .option('--include-text', 'add the normalized text as `text`')
    .option('--encoding <name>', 'force the text encoding (utf-8, utf-16le, windows-1258, tcvn3, vni)')
    .option('--language <lang>', 'force the language (vi or en) instead of detecting it')
    .option('--compact', 'print JSON on one line')
    .action(async (file: string, o: { includeText?: boolean; encoding?: string; language?: string; compact?: boolean }) => {
      try {
        const opts: ProcessOptions = {};
        if (o.includeText) opts.includeText = true;
        if (o.encoding) opts.encoding = o.encoding;
        if (o.language === 'vi' || o.language === 'en') opts.language = o.language;
        const { processFile } = await import('../../pipeline/process-file.js');
        const report = await processFile(file, opts);
        process.stdout.write(JSON.stringify(report, null, o.compact ? 0 : 2) + '\n');
      } catch (err) {
        const msg = err instanceof InputError ? err.message : `${file}: ${err instanceof Error ? err.message : String(err)}`;
        process.stderr.write(`report-metrics: ${msg.replace(/\s*\n\s*/g, ' ')}\n`);
        process.exitCode = err instanceof InputError ? 1 : 3;
      }
    });
}
