import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { ExportFormat } from '../../export/warehouse.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the tables of a batch folder: parquet or csv files of every table and view (DIR/export/<format>/), a PostgreSQL script (DIR/export/postgres/warehouse.sql: DDL, COPY data, views; psql -f), or (re)build DIR/warehouse.duckdb')
    .argument('<dir>', 'batch output folder')
    .requiredOption('-f, --format <format>', 'parquet | csv | duckdb | postgres')
    .option('--to <path>', 'output folder (parquet, csv, postgres) or database file (duckdb)')
    .action(async (dir: string, o: { format: string; to?: string }) => {
      if (!['parquet', 'csv', 'duckdb', 'postgres'].includes(o.format)) {
        process.stderr.write(`report-metrics: --format must be parquet, csv, duckdb or postgres (got "${o.format}")\n`);
        process.exitCode = 2;
        return;
      }
      if (!existsSync(join(dir, 'tables', 'reports.ndjson'))) {
        process.stderr.write(`report-metrics: ${dir}: not a batch output folder (no tables/reports.ndjson); run \`report-metrics batch ... --out ${dir}\` first\n`);
        process.exitCode = 1;
        return;
      }
      const { exportTables } = await import('../../export/warehouse.js');
      const s = await exportTables(dir, o.format as ExportFormat, o.to);
      process.stdout.write(s.files.join('\n') + '\n');
    });
}
