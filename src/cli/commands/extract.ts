import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../../ingest/errors.js';
import type { ProcessOptions } from '../../pipeline/process-file.js';
import { canonicalEncoding } from '../../ingest/encodings.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { forTerminal } from '../../util/escape.js';

interface ExtractCliOptions {
  includeText?: boolean;
  encoding?: string;
  language?: 'vi' | 'en';
  compact?: boolean;
  output?: string;
  quiet?: boolean;
  stdinName: string;
  ocr: 'auto' | 'always' | 'never';
  timeout?: string;
  maxMemory?: string;
}

/** Failure codes of a guarded file that are ours (exit 3); any other failure is the input's (exit 1). */
const OURS = new Set(['error', 'crash']);

/** Exit codes: 0 ok, 1 bad input (missing, unreadable, no file matched), 3 internal error. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('reports (any supported format) → Report JSON: one object for one input, NDJSON (one line per report) for several')
    .argument('<input...>', 'files, globs (quoted), folders (recursive), or - for standard input')
    .option('--include-text', 'add the normalized text as `text`')
    .option('--encoding <name>', 'force the text encoding (utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni)')
    .addOption(new Option('--language <lang>', 'force the language instead of detecting it').choices(['vi', 'en']))
    .option('--compact', 'print a single report on one line')
    .option('-o, --output <file>', 'write to FILE (atomically) instead of standard output; source paths are then relative to its folder')
    .option('-q, --quiet', 'no summary line on standard error (errors are still printed)')
    .addOption(new Option('--ocr <mode>', 'OCR scanned pages and page images: auto (pages without a usable text layer), always, never').choices(['auto', 'always', 'never']).default('auto'))
    .option('--stdin-name <name>', 'the source path recorded for - (its extension helps detect HTML or Markdown)', '-')
    .option('--timeout <ms>', 'processing time limit per file (as a batch worker: default 60000)')
    .option('--max-memory <mb>', 'heap limit of the worker thread (as a batch worker: default 1024)')
    .action(async (args: string[], o: ExtractCliOptions, cmd: Command) => {
      if (o.encoding !== undefined && !canonicalEncoding(o.encoding.replace(/-nfd$/i, ''))) {
        cmd.error(`error: option '--encoding <name>' argument '${o.encoding}' is invalid. Known: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni`, { exitCode: 1 });
      }
      const opts: ProcessOptions = {};
      if (o.includeText) opts.includeText = true;
      if (o.encoding) opts.encoding = o.encoding;
      if (o.language) opts.language = o.language;
      opts.ocr = o.ocr;
      const { expandInputs } = await import('../../batch/inputs.js');
      const { DEFAULT_EXTENSIONS } = await import('../../batch/pipeline.js');
      const { Guard, DEFAULT_GUARD } = await import('../../batch/guarded.js');
      const num = (v: string | undefined, d: number) => (v !== undefined && Number(v) > 0 ? Number(v) : d);
      // every file runs in a worker thread with the batch workers' time and memory limits
      const guard = new Guard({ timeoutMs: num(o.timeout, DEFAULT_GUARD.timeoutMs), maxMemoryMb: num(o.maxMemory, DEFAULT_GUARD.maxMemoryMb) });

      const say = (line: string) => process.stderr.write(forTerminal(`report-metrics: ${line.replace(/\s*\n\s*/g, ' ')}`) + '\n');
      const files = args.filter((a) => a !== '-');
      const { inputs, warnings } = await expandInputs(files, DEFAULT_EXTENSIONS, [], process.cwd(), o.output ? dirname(resolve(o.output)) : process.cwd(), 'args');
      let failed = warnings.length;
      let internal = false;
      for (const w of warnings) say(w);
      const stdinAt = args.indexOf('-');
      const jobs: Array<{ stdin: true } | { stdin: false; abs: string; given: string }> = inputs.map((i) => ({ stdin: false as const, abs: i.abs, given: i.path }));
      if (stdinAt >= 0) jobs.splice(Math.min(stdinAt, jobs.length), 0, { stdin: true });
      const several = jobs.length > 1 || warnings.length > 0;

      const chunks: string[] = [];
      const emit = (s: string) => (o.output ? chunks.push(s) : process.stdout.write(s));
      let ok = 0;
      for (const job of jobs) {
        const name = job.stdin ? o.stdinName : job.given;
        try {
          if (job.stdin) {
            const { ingestBytes } = await import('../../ingest/index.js');
            const { extractReport } = await import('../../pipeline/extract-report.js');
            const report = extractReport(await ingestBytes(name, await readStdin(), opts), opts);
            emit(JSON.stringify(report, null, several || o.compact ? 0 : 2) + '\n');
          } else {
            const r = await guard.run(job.abs, job.given, opts, several || o.compact ? 0 : 2);
            if (!r.ok) {
              failed++;
              if (OURS.has(r.code)) internal = true;
              say(`${job.given}: ${r.reason}`);
              continue;
            }
            emit(r.json + '\n');
          }
          ok++;
        } catch (err) {
          failed++;
          if (err instanceof InputError) say(job.stdin ? err.message.replace(/^[^:]*: /, `${name}: `) : `${job.given}: ${err.reason}`);
          else {
            internal = true;
            say(`${name}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
      }
      await guard.close();
      if (o.output && ok > 0) {
        mkdirSync(dirname(resolve(o.output)), { recursive: true });
        writeFileAtomic(o.output, chunks.join(''));
      }
      if (several && !o.quiet) process.stderr.write(`extract: ${ok} report${ok === 1 ? '' : 's'}${failed ? `, ${failed} input${failed === 1 ? '' : 's'} failed` : ''}${o.output ? ` → ${o.output}` : ''}\n`);
      if (failed > 0 || ok === 0) process.exitCode = internal ? 3 : 1;
    });
}

async function readStdin(): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const c of process.stdin) parts.push(c as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}
