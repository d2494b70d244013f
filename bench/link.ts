/**
 * Link benchmark (issue 5): generate N synthetic, schema-valid Report JSONs (default 50,000) in a temp
 * folder, then time runLink over them. Prints seconds, reports/s, table sizes and peak RSS.
 *   npm run bench:link [-- N]      (node dist/bench/link.js N)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCorpus } from './link-corpus.js';
import { runLink } from '../src/link/index.js';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 50_000);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bench:link: bad report count ${process.argv[2]}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-link-'));
  try {
    let t = performance.now();
    writeSyntheticCorpus(dir, n);
    const genS = (performance.now() - t) / 1000;
    const rssBefore = process.memoryUsage().rss;
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const s = await runLink(dir);
    const linkS = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const peakMB = process.resourceUsage().maxRSS / 1024;
    const size = (f: string) => (statSync(join(dir, 'tables', f)).size / 1e6).toFixed(1);
    console.log(`generated ${n} reports in ${genS.toFixed(1)} s`);
    console.log(`link: ${linkS.toFixed(2)} s (${Math.round(n / linkS)} reports/s), goal < 60 s: ${linkS < 60 ? 'yes' : 'NO'}; CPU ${(cpu.user / 1e6).toFixed(1)} s user + ${(cpu.system / 1e6).toFixed(1)} s system`);
    console.log(`peak RSS ${peakMB.toFixed(0)} MB (RSS before link ${(rssBefore / 1e6).toFixed(0)} MB)`);
    console.log(
      `tables: agencies ${s.agencies}, documents ${s.documents} (${s.conflicts} with conflicts), citations ${s.citations}, series ${s.series} in ${s.seriesKeys} series (${((100 * s.matched) / Math.max(1, s.series)).toFixed(1)}% matched), changes ${s.changes} (${s.breaks} breaks)`,
    );
    console.log(`sizes MB: series ${size('series.ndjson')}, citations ${size('citations.ndjson')}, changes ${size('changes.ndjson')}, documents ${size('documents.ndjson')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
