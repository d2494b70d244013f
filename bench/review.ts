/**
 * Review-site benchmark (issue 17): how big the site's files grow with the archive. Real reports of the fixtures
 * (fixtures/text, clean, planted, multiyear: run through the pipeline with their text) are cloned into N reports
 * (default 10,000) of many agencies and years — every id renamed, so cross-report checks and links stay per
 * clone — written as a batch folder with the text embedded (no source is read again), then `review` builds
 * the site. Prints the time, peak RSS, the number of files, the total and the largest file of each kind, next to
 * the one-page layout of before (the same reports in one HTML file, estimated as the sum of what it held: every
 * report page plus the series).
 *   npm run bench:review [-- N]      (node dist/bench/review.js N)
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { processFile } from '../src/pipeline/process-file.js';
import { writeReview } from '../src/review/build.js';
import { PACKAGE_ROOT } from '../src/util/package-root.js';
import type { Report } from '../src/model/report.js';

const PROVINCES = ['Tiền Giang', 'Long An', 'Bến Tre', 'Thanh Hóa', 'Cần Thơ', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Vĩnh Long', 'Trà Vinh', 'Sóc Trăng', 'Hậu Giang', 'Bạc Liêu', 'Cà Mau', 'Bình Dương', 'Đồng Nai', 'Lâm Đồng', 'Đắk Lắk', 'Gia Lai', 'Khánh Hòa', 'Quảng Nam', 'Đà Nẵng', 'Huế', 'Nghệ An', 'Hà Tĩnh', 'Ninh Bình', 'Hải Phòng', 'Quảng Ninh', 'Bắc Ninh', 'Thái Nguyên', 'Phú Thọ', 'Sơn La', 'Lào Cai', 'Hà Nội'];
const DEPARTMENTS = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Y tế', 'Sở Xây dựng', 'Sở Công Thương', 'Sở Khoa học và Công nghệ', 'Văn phòng Ủy ban nhân dân'];
const YEARS = [2021, 2022, 2023, 2024, 2025];

async function templates(): Promise<Report[]> {
  const root = PACKAGE_ROOT;
  const out: Report[] = [];
  for (const sub of ['fixtures/text', 'fixtures/clean', 'fixtures/planted', 'fixtures/multiyear']) {
    for (const f of readdirSync(join(root, sub)).filter((x) => x.endsWith('.txt')).sort()) {
      try {
        out.push(await processFile(join(root, sub, f), { includeText: true }));
      } catch {
        // a deliberately bad fixture: not a template
      }
    }
  }
  return out;
}

/** clone i of a template: a new id everywhere (facts, findings, evidence), an agency and a year of its own */
function clone(t: Report, i: number): Report {
  const id = `rpt_${createHash('sha256').update(`bench-review-${i}`).digest('hex').slice(0, 16)}`;
  const r = JSON.parse(JSON.stringify(t).split(t.id).join(id)) as Report;
  const year = YEARS[i % YEARS.length]!;
  const agencyNo = Math.floor(i / YEARS.length);
  const province = PROVINCES[agencyNo % PROVINCES.length]!;
  const dept = DEPARTMENTS[Math.floor(agencyNo / PROVINCES.length) % DEPARTMENTS.length]!;
  r.report = { ...r.report, agency: `${dept} tỉnh ${province} ${Math.floor(agencyNo / (PROVINCES.length * DEPARTMENTS.length)) || ''}`.trim(), province, year };
  r.source = { ...r.source, path: `archive/${year}/${id}.txt`, sha256: createHash('sha256').update(id).digest('hex') };
  return r;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bench:review: bad report count ${process.argv[2]}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-review-'));
  try {
    let t = performance.now();
    const tpl = await templates();
    mkdirSync(join(dir, 'batch', 'reports'), { recursive: true });
    let inputBytes = 0;
    for (let i = 0; i < n; i++) {
      const r = clone(tpl[i % tpl.length]!, i);
      const json = JSON.stringify(r);
      inputBytes += json.length;
      writeFileSync(join(dir, 'batch', 'reports', `${r.id}.json`), json);
    }
    console.log(`generated ${n} reports from ${tpl.length} fixture reports in ${((performance.now() - t) / 1000).toFixed(1)} s (${(inputBytes / 1e6).toFixed(0)} MB of Report JSON with text)`);
    t = performance.now();
    const s = await writeReview([join(dir, 'batch')], join(dir, 'site', 'review.html'));
    const secs = (performance.now() - t) / 1000;
    console.log(`review: ${secs.toFixed(1)} s (${Math.round(n / secs)} reports/s), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    console.log(`${s.reports} reports, ${s.facts} facts, ${s.findings} findings, ${s.series} series in ${s.agencies} agencies`);
    const kinds: Array<[string, RegExp]> = [
      ['index page', /^[^/]+$/],
      ['report-rows shard', /\/data\/reports-/],
      ['findings shard', /\/data\/findings-/],
      ['search-text shard', /\/data\/text-/],
      ['report page', /\/r\//],
      ['agency page', /\/a\//],
      ['script/style', /\.files\/[^/]+$/],
    ];
    const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
    let total = 0;
    for (const f of s.files) total += f.bytes;
    console.log(`files: ${s.files.length}, total ${mb(total)}`);
    for (const [name, re] of kinds) {
      const fs = s.files.filter((f) => re.test(f.path));
      if (!fs.length) continue;
      const big = fs.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      const sum = fs.reduce((a, b) => a + b.bytes, 0);
      console.log(`  ${name.padEnd(18)} ${String(fs.length).padStart(6)} files, total ${mb(sum).padStart(10)}, largest ${mb(big.bytes)} (${big.path})`);
    }
    const largest = s.files.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const onePage = s.files.filter((f) => /\/(r|a)\//.test(f.path)).reduce((a, b) => a + b.bytes, 0);
    console.log(`largest file: ${mb(largest.bytes)} (${largest.path}); the one-page layout would be one file of about ${mb(onePage)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
