import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { BatchOptions } from '../../batch/run.js';
import type { ProgressMode } from '../../batch/progress.js';
import { DEFAULT_QUEUE_NAME } from '../../queue/name.js';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

interface BatchCliOptions {
  out: string;
  jobs?: number;
  pipeline?: string;
  force?: boolean;
  link: boolean;
  queue?: string;
  queueName: string;
  progress: ProgressMode;
  progressEvery: number;
  json?: boolean;
  strict?: boolean;
  quiet?: boolean;
  fsync?: boolean;
  ocr: string;
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('files, folders or globs → DIR/reports/*.json, DIR/tables/*.ndjson, DIR/manifest.ndjson, DIR/warehouse.duckdb; re-running resumes')
    .argument('<input...>', 'files, folders (recursive) or globs (quote them)')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('-j, --jobs <n>', 'worker threads (default: CPU count)', positiveInt)
    .option('-p, --pipeline <file>', 'pipeline YAML (default: pipelines/default.yaml)')
    .option('--force', 'redo inputs already done with the same bytes and pipeline version')
    .option('--no-link', 'do not run `link` at the end')
    .option('--queue <redis-url>', 'enqueue one job per input on a BullMQ queue (Redis) for `report-metrics worker` processes, wait, then build the tables')
    .option('--queue-name <name>', 'BullMQ queue name', DEFAULT_QUEUE_NAME)
    .option('--progress <mode>', 'auto | bar | lines | none', 'auto')
    .option('--progress-every <ms>', 'interval of progress lines when not on a TTY', positiveInt, 5000)
    .option('--fsync', 'fsync every report before renaming it (survives power cuts, not only kills; slower)')
    .option('--ocr <mode>', 'OCR scanned pages and images: auto (pages without a usable text layer), always, never', 'auto')
    .option('--json', 'print the summary as JSON')
    .option('--strict', 'exit 1 when any input failed (without it: when an input does not exist or none could be read)')
    .option('-q, --quiet', 'no progress and no warnings on standard error (errors and the summary are still printed)')
    .action(async (inputs: string[], o: BatchCliOptions) => {
      if (!['auto', 'bar', 'lines', 'none'].includes(o.progress)) {
        process.stderr.write(`report-metrics: --progress must be auto, bar, lines or none\n`);
        process.exitCode = 2;
        return;
      }
      if (!['auto', 'always', 'never'].includes(o.ocr)) {
        process.stderr.write('report-metrics: --ocr must be auto, always or never\n');
        process.exitCode = 2;
        return;
      }
      // loaded here, not at start-up: DuckDB, piscina and BullMQ cost every other command a second
      const { BatchError, formatSummary, runBatch } = await import('../../batch/run.js');
      const { PipelineError } = await import('../../batch/pipeline.js');
      const opts: BatchOptions = {
        inputs,
        out: o.out,
        jobs: o.jobs ?? Math.max(1, availableParallelism()),
        force: o.force === true,
        link: o.link,
        progress: o.quiet ? 'none' : o.progress,
        progressEveryMs: o.progressEvery,
        fsync: o.fsync === true,
        ocr: o.ocr as 'auto' | 'always' | 'never',
      };
      if (o.pipeline) opts.pipelineFile = o.pipeline;
      if (o.quiet) opts.log = () => {};
      if (o.queue) {
        const url = o.queue;
        const { queueExecutor } = await import('../../queue/index.js');
        opts.executor = (p) => queueExecutor({ url, name: o.queueName, pipeline: p });
      }
      try {
        const s = await runBatch(opts);
        process.stdout.write(o.json ? JSON.stringify(s, null, 2) + '\n' : formatSummary(s));
        // an input that does not exist (a file, or a folder or glob with no file) or nothing read at all: exit 1
        const missing = s.missing > 0 || s.warnings.length > 0;
        const nothingRead = s.inputs > 0 && s.done + s.skipped === 0;
        if (missing || nothingRead || (o.strict && s.failed > 0)) process.exitCode = 1;
        if ((missing || nothingRead) && !o.json) {
          process.stderr.write(`report-metrics: ${missing ? `${s.missing + s.warnings.length} input${s.missing + s.warnings.length === 1 ? '' : 's'} not found` : 'no input could be read'} (exit 1; see the summary)\n`);
        }
      } catch (err) {
        if (err instanceof BatchError || err instanceof PipelineError) {
          process.stderr.write(`report-metrics: ${err.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }
    });
}
