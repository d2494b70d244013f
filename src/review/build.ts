/**
 * `report-metrics review INPUT... --html FILE`: the review site of an archive. FILE is the index page; everything
 * else goes to the folder beside it named like it (`review.html` → `review.files/`):
 *
 *   review.html                 findings overview (filters: severity, rule, agency, year, report; search), report
 *                               index with finding counts, agencies with their indicator series
 *   review.files/review.css     the stylesheet; index.js and report.js: the scripts (no inline code anywhere)
 *   review.files/data/reports-NNN.js   the index rows of up to `shardSize` reports each (the index loads them all)
 *   review.files/data/findings-NNN.js  the findings (loaded too)
 *   review.files/data/text-NNN.js      the search text (references, metric texts) of the reports, in pieces
 *                               [report, text] (a long one over several files), loaded on the first search
 *   review.files/r/<reportId>.html  one report: highlighted text, findings with page and line; a long report in
 *                               parts <reportId>~2.html, … (report-page.ts)
 *   review.files/a/<n>.html     one agency: each indicator across years (SVG chart and table)
 *
 * Every data file and report part is closed before it passes `maxFileBytes` (default 1.9 MB), whatever the archive's
 * or one report's size (bench/review.ts measures it at 10,000 reports with a report of 15,000 references).
 * No network: a Content-Security-Policy `default-src 'none'` allows scripts and styles from the pages' own
 * files only (`'self'`), no inline script, no connections, images only as data: URIs. All report content is escaped
 * (HTML) or carried as JSON with `<`, `>`, `&` escaped, and the scripts write it with textContent only.
 * Reports are processed one at a time: each text is read, rendered and dropped.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Finding, Report } from '../model/report.js';
import { recheck } from '../check/index.js';
import { checkAcross } from '../check/cross.js';
import { foldForMatch } from '../normalize/fold.js';
import { fromRow } from '../validate/table-columns.js';
import { writeFileAtomic } from '../util/atomic.js';
import { INDEX_JS, PAGE_CSS, REPORT_JS } from './assets.js';
import { escapeHtml, foldSearch, jsonForScript } from './html.js';
import { formatFigure, groupVi, indicatorLabel, LineIndex, PageIndex, placeVi, readableMessage } from './format.js';
import { clip, factsOf, reportHeading, reportPages, type EvidenceView, type FindingView } from './report-page.js';
import { loadInputs, textOf, type LoadOptions, type LoadedInputs } from './inputs.js';

export { escapeHtml, jsonForScript } from './html.js';

export interface ReviewOptions extends LoadOptions {
  /** reports per data shard (default 500); a shard is also closed before it passes maxFileBytes */
  shardSize?: number;
  /** the largest data file or report part written, in bytes (default 1,900,000) */
  maxFileBytes?: number;
  /** called after each report (progress) */
  onReport?: (done: number, total: number) => void;
}

export interface ReviewSummary {
  reports: number;
  withText: number;
  facts: number;
  findings: number;
  agencies: number;
  series: number;
  /** every file written, relative to the index's folder, with its size */
  files: Array<{ path: string; bytes: number }>;
}

/** The folder beside the index page: `review.html` → `review.files`. */
export function assetsDirOf(htmlFile: string): string {
  const b = basename(htmlFile);
  return join(dirname(htmlFile), `${b.replace(/\.html?$/i, '') || b}.files`);
}

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src data:; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'";

const SEV = { error: 0, warning: 1, info: 2 } as const;
/** findings listed on a report page (all of them are in the index's overview) */
const REPORT_PAGE_FINDINGS = 500;

interface SeriesPoint {
  year: number;
  value: number;
  unit: string;
  href: string;
}

function sparkline(points: SeriesPoint[]): string {
  const w = 220;
  const h = 60;
  const pad = 8;
  const xs = points.map((p) => p.year);
  const ys = points.map((p) => p.value);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(0, ...ys);
  const y1 = Math.max(...ys);
  const X = (x: number) => pad + (x1 === x0 ? (w - 2 * pad) / 2 : ((x - x0) / (x1 - x0)) * (w - 2 * pad));
  const Y = (y: number) => h - pad - (y1 === y0 ? (h - 2 * pad) / 2 : ((y - y0) / (y1 - y0)) * (h - 2 * pad));
  const poly = points.map((p) => `${X(p.year).toFixed(1)},${Y(p.value).toFixed(1)}`).join(' ');
  const dots = points.map((p) => `<circle cx="${X(p.year).toFixed(1)}" cy="${Y(p.value).toFixed(1)}" r="3"><title>${p.year}: ${escapeHtml(formatFigure(p.value, p.unit))}</title></circle>`).join('');
  return `<svg class="spark" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="series"><line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" class="axis"/><polyline points="${poly}"/>${dots}<text x="${pad}" y="${h - 1}" class="lbl">${x0}</text><text x="${w - pad}" y="${h - 1}" class="lbl" text-anchor="end">${x1}</text></svg>`;
}

/** The rows of DIR/tables/<table>.ndjson with their fields in camelCase (the tables' columns are snake_case). */
function readRows<T>(path: string): T[] | undefined {
  if (!existsSync(path)) return undefined;
  const table = basename(path, '.ndjson');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => fromRow<T>(table, JSON.parse(l) as object));
}

function pageHead(title: string, assets: string, bodyClass: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assets}review.css">
</head>
<body class="${bodyClass}">
`;
}

/** Reads the inputs and writes the index page FILE and its folder (replacing an earlier one). */
export async function writeReview(inputs: readonly string[], htmlFile: string, opts: ReviewOptions = {}): Promise<ReviewSummary> {
  const loaded = await loadInputs(inputs, opts);
  return writeReviewOf(loaded, htmlFile, opts);
}

export async function writeReviewOf(loaded: LoadedInputs, htmlFile: string, opts: ReviewOptions = {}): Promise<ReviewSummary> {
  const shardSize = opts.shardSize ?? 500;
  const maxBytes = opts.maxFileBytes ?? 1_900_000;
  // a data file's frame (`RM.findings(12,[…]);\n`): what is left of the budget for rows
  const SHARD_BYTES = maxBytes - 64;
  const entries = [...loaded.reports].sort((a, b) => (a.report.report.agency ?? '').localeCompare(b.report.report.agency ?? '') || (a.report.report.year ?? 0) - (b.report.report.year ?? 0) || a.report.id.localeCompare(b.report.id));
  const reports = entries.map((e) => e.report);
  const cross = checkAcross(loaded.cross);
  const crossOf = new Map<string, Finding[]>();
  for (const f of cross) {
    const rid = f.id.split(':')[0]!;
    crossOf.set(rid, [...(crossOf.get(rid) ?? []), f]);
  }
  const rIndex = new Map(reports.map((r, i) => [r.id, i]));
  const finalDir = assetsDirOf(htmlFile);
  const folderName = basename(finalDir);
  const tmpDir = `${finalDir}.tmp-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  for (const d of ['', 'data', 'r', 'a']) mkdirSync(join(tmpDir, d), { recursive: true });
  const files: Array<{ path: string; bytes: number }> = [];
  const write = (rel: string, content: string) => {
    writeFileSync(join(tmpDir, rel), content);
    files.push({ path: `${folderName}/${rel}`, bytes: Buffer.byteLength(content) });
  };
  write('review.css', PAGE_CSS);
  write('index.js', INDEX_JS);
  write('report.js', REPORT_JS);

  // a report's parts: r/<id>.html, r/<id>~2.html, … ('~' is not in a safe id)
  const safeId = (r: Report) => r.id.replace(/[^A-Za-z0-9_.-]/g, '_');
  const partFileOf = (r: Report) => (k: number) => `${safeId(r)}${k === 1 ? '' : `~${k}`}.html`;
  const pageOf = (r: Report) => `r/${partFileOf(r)(1)}`;
  let withText = 0;
  let factCount = 0;
  let findingCount = 0;
  // the metric facts' local index on their report page, for the series links
  const factHref = new Map<string, string>();
  // reports (and their search texts) in shards of shardSize reports; findings in shards of their own, so that one
  // report with thousands of findings does not make a large file either
  // every shard closed before its bytes (as written) pass SHARD_BYTES
  const num = (n: number) => String(n).padStart(3, '0');
  /** rows of one kind in numbered data files `data/<name>-NNN.js` (`RM.<name>(n,[…]);`), each closed before its
   * bytes pass SHARD_BYTES or it holds maxRows rows */
  const shardWriter = (name: string, maxRows = Infinity) => {
    let rows: string[] = [];
    let bytes = 0;
    let files = 0;
    const flush = () => {
      if (rows.length === 0) return;
      write(`data/${name}-${num(files)}.js`, `RM.${name}(${files},[${rows.join(',')}]);\n`);
      files++;
      rows = [];
      bytes = 0;
    };
    const add = (json: string) => {
      const b = Buffer.byteLength(json) + 1;
      if (rows.length >= maxRows || bytes + b > SHARD_BYTES) flush();
      rows.push(json);
      bytes += b;
    };
    return { add, flush, files: () => files };
  };
  const reportShards = shardWriter('reports', shardSize);
  const textShards = shardWriter('text');
  const findingShards = shardWriter('findings');
  const addFinding = (row: unknown) => findingShards.add(jsonForScript(row));
  /** a report's search text, in pieces of at most a quarter of a file (at most 6 bytes a character as JSON) */
  const addText = (rix: number, t: string) => {
    const piece = Math.floor(SHARD_BYTES / 4 / 6);
    let at = 0;
    do {
      let end = Math.min(t.length, at + piece);
      const low = t.charCodeAt(end);
      if (end < t.length && low >= 0xdc00 && low <= 0xdfff) end++;
      textShards.add(jsonForScript([rix, t.slice(at, end)]));
      at = end;
    } while (at < t.length);
  };
  const clip300 = (s: string) => clip(s, 300);

  for (const [rix, entry] of entries.entries()) {
    const report = entry.report;
    const { text, pages, note } = await textOf(entry, opts);
    if (text !== undefined) withText++;
    const lines = text !== undefined ? new LineIndex(text) : undefined;
    const pageIx = new PageIndex(report, pages);
    const facts = factsOf(report, lines);
    factCount += facts.length;
    const findings: Finding[] = [...(text !== undefined ? recheck(report, text) : report.findings), ...(crossOf.get(report.id) ?? [])];
    findingCount += findings.length;
    const views: FindingView[] = findings.map((f) => ({
      finding: f,
      evidence: f.evidence.map((e) => {
        const v: EvidenceView = { text: e.text ?? '', start: e.start, end: e.end };
        const oi = e.reportId !== undefined && e.reportId !== report.id ? rIndex.get(e.reportId) : undefined;
        if (oi !== undefined) {
          const o = reports[oi]!;
          v.other = { href: `../${pageOf(o)}`, label: `${o.report.agency ?? o.source.path}${o.report.year !== undefined ? ` ${o.report.year}` : ''}` };
          // its place in the other report: the page of a fact there with the same span
          const of = [...o.references, ...o.dates, ...o.metrics].find((x) => x.span.start === e.start && x.span.end === e.end);
          if (of?.page) v.page = of.page;
        } else {
          if (lines) v.line = lines.lineAt(e.start);
          const pg = pageIx.pageAt(e.start);
          if (pg !== undefined) v.page = pg;
        }
        return v;
      }),
    }));
    const partFile = partFileOf(report);
    const site = reportPages({ maxFindings: REPORT_PAGE_FINDINGS, report, facts, findings: views, note, indexHref: `../${basename(htmlFile)}`, assets: '../', csp: CSP, partFile, maxBytes, ...(text !== undefined ? { text } : {}), ...(lines ? { lines } : {}) });
    for (const part of site.parts) write(`r/${part.file}`, part.html);
    for (const [i, f] of facts.entries()) if (f.kind === 'metric') factHref.set(f.id, `r/${partFile(site.factPart[i]!)}#fact-${i}`);

    const meta = report.report;
    const sevCount = [0, 0, 0];
    for (const f of findings) sevCount[SEV[f.severity] ?? 2]!++;
    const head = reportHeading(report);
    const reportRow = jsonForScript({
      t: head.title,
      d: head.details.join(' · '),
      a: meta.agency ?? '',
      pv: meta.province ?? '',
      y: meta.year ?? null,
      p: clip(report.source.path, 500),
      id: report.id,
      h: `${folderName}/${pageOf(report)}`,
      n: [report.references.length, report.dates.length, report.metrics.length],
      f: sevCount,
      x: text !== undefined ? 1 : 0,
      np: site.parts.length,
    });
    reportShards.add(reportRow);
    for (const v of views) {
      const f = v.finding;
      const row: { r: number; s: number; u: string; m: string; e: unknown[]; v?: string; c?: number | string } = {
        r: rix,
        s: SEV[f.severity] ?? 2,
        u: f.rule,
        m: clip(readableMessage(f.message, 'en'), 2000),
        e: v.evidence.slice(0, 50).map((e) => [clip300(e.text), placeVi(e.page, e.line), e.other ? `${folderName}/${e.other.href.slice(3)}` : `${folderName}/r/${partFile(site.partAt(e.start))}#${e.anchor ?? ''}`]),
      };
      if (f.messageVi) row.v = clip(readableMessage(f.messageVi, 'vi'), 2000);
      const conf = (f as unknown as Record<string, unknown>).confidence;
      if (typeof conf === 'number' || typeof conf === 'string') row.c = conf;
      addFinding(row);
    }
    // the search text: references (as written and normalized), metrics (as written, label, indicator name)
    const parts: string[] = [];
    for (const r of report.references) parts.push(r.text, r.symbol ?? '', r.name ?? '');
    for (const m of report.metrics) parts.push(m.text, m.label, m.indicator ? indicatorLabel(m.indicator).vi : '');
    const searchText = foldSearch(parts.filter(Boolean).join(' \u0001 '));
    addText(rix, searchText);
    opts.onReport?.(rix + 1, entries.length);
  }
  reportShards.flush();
  textShards.flush();
  findingShards.flush();

  // series per agency: the link tables when the only input is one linked batch folder, else the reports' metrics
  const agencies = new Map<string, { name: string; reports: number; series: Map<string, SeriesPoint[]> }>();
  const tablesDir = entries.length && entries.every((e) => e.kind === 'batch' && e.origin === entries[0]!.origin) ? join(entries[0]!.origin, 'tables') : undefined;
  const seriesRows = tablesDir ? readRows<{ agencyId: string; indicator: string; year: number; value: number; unit: string | null; kind: string; reportId: string; metricId: string; factPeriod: string | null }>(join(tablesDir, 'series.ndjson')) : undefined;
  const agencyNames = new Map(tablesDir ? (readRows<{ id: string; name: string }>(join(tablesDir, 'agencies.ndjson'))?.map((a) => [a.id, a.name]) ?? []) : []);
  const agencyOf = (r: Report) => `${foldForMatch(r.report.agency ?? '')}|${foldForMatch(r.report.province ?? '')}`;
  const add = (aid: string, name: string, key: string, p: SeriesPoint) => {
    let a = agencies.get(aid);
    if (!a) agencies.set(aid, (a = { name, reports: 0, series: new Map() }));
    const l = a.series.get(key) ?? [];
    if (!l.some((x) => x.year === p.year)) l.push(p);
    a.series.set(key, l);
  };
  const hrefOf = (metricId: string, reportId: string) => {
    const h = factHref.get(metricId);
    if (h) return `../${h}`;
    const ri = rIndex.get(reportId);
    return ri !== undefined ? `../${pageOf(reports[ri]!)}` : '#';
  };
  if (seriesRows) {
    for (const s of seriesRows) {
      if (!rIndex.has(s.reportId) || s.factPeriod) continue;
      add(s.agencyId, agencyNames.get(s.agencyId) ?? s.agencyId, s.indicator, { year: s.year, value: s.value, unit: s.unit ?? s.kind, href: hrefOf(s.metricId, s.reportId) });
    }
  } else {
    for (const r of reports) {
      if (!r.report.agency || r.report.year === undefined) continue;
      for (const m of r.metrics) {
        if (!m.indicator || m.parent) continue;
        add(agencyOf(r), `${r.report.agency}${r.report.province ? ` (${r.report.province})` : ''}`, m.indicator, { year: r.report.year, value: m.value, unit: m.unit ?? m.kind, href: hrefOf(m.id, r.id) });
      }
    }
  }
  let seriesCount = 0;
  const agencyRows: string[] = [];
  let an = 0;
  for (const [, a] of [...agencies].sort((x, y) => x[1].name.localeCompare(y[1].name))) {
    const blocks: string[] = [];
    for (const [key, pts] of [...a.series].sort((x, y) => x[0].localeCompare(y[0]))) {
      if (pts.length < 2) continue;
      pts.sort((x, y) => x.year - y.year);
      seriesCount++;
      const name = indicatorLabel(key);
      const rows = pts.map((p) => `<tr><td>${p.year}</td><td class="num"><a href="${escapeHtml(p.href)}">${escapeHtml(formatFigure(p.value, p.unit))}</a></td></tr>`).join('');
      blocks.push(`<div class="series"><h4 title="${escapeHtml(name.en)}">${escapeHtml(name.vi)}</h4><div class="muted key"><code>${escapeHtml(key)}</code></div>${sparkline(pts)}<table><tr><th>năm</th><th>giá trị</th></tr>${rows}</table></div>`);
    }
    if (!blocks.length) continue;
    const file = `a/${an++}.html`;
    write(file, `${pageHead(`${a.name} — report-metrics review`, '../', 'agency-page')}<header><h1><a href="../${escapeHtml(basename(htmlFile))}">report-metrics review</a> › ${escapeHtml(a.name)}</h1></header>
<main><section class="agency"><h2>${escapeHtml(a.name)}</h2><p class="muted">Indicators with values in two or more years (names from the indicator vocabulary; hover for English).</p><div class="serieslist">${blocks.join('')}</div></section></main>
</body>
</html>
`);
    agencyRows.push(`<tr><td><a href="${folderName}/${file}">${escapeHtml(a.name)}</a></td><td class="num">${groupVi(blocks.length)}</td></tr>`);
  }

  const shardTags = [
    ...Array.from({ length: reportShards.files() }, (_, i) => `<script src="${folderName}/data/reports-${num(i)}.js"></script>`),
    ...Array.from({ length: findingShards.files() }, (_, i) => `<script src="${folderName}/data/findings-${num(i)}.js"></script>`),
  ].join('\n');
  const index = `${pageHead('report-metrics review', `${folderName}/`, 'index-page')}<header><h1>report-metrics review</h1><p class="muted">${groupVi(reports.length)} reports · ${groupVi(factCount)} facts · ${groupVi(findingCount)} findings · ${groupVi(seriesCount)} series in ${groupVi(agencyRows.length)} agencies</p></header>
<main id="index" data-text-shards="${textShards.files()}" data-folder="${escapeHtml(folderName)}">
<noscript><p>The findings overview and the report index need JavaScript (the page's own script, no network).</p></noscript>
<form id="filters" class="filters" role="search" autocomplete="off">
<fieldset><legend>Severity</legend>
<label><input type="checkbox" name="sev" value="0" checked> error</label>
<label><input type="checkbox" name="sev" value="1" checked> warning</label>
<label><input type="checkbox" name="sev" value="2" checked> info</label>
</fieldset>
<label>Rule <select id="f-rule"><option value="">all</option></select></label>
<label>Agency <select id="f-agency"><option value="">all</option></select></label>
<label>Year <select id="f-year"><option value="">all</option></select></label>
<label>Report <select id="f-report"><option value="">all</option></select></label>
<label class="grow">Search <input type="search" id="q" placeholder="titles, agencies, references, metric texts, finding messages"></label>
<button type="reset" id="reset">Clear</button>
</form>
<section id="overview"><h2>Findings <span id="n-findings" class="count"></span></h2><ol id="findings" class="findings"></ol><button type="button" id="more-findings" hidden>Show more findings</button></section>
<section id="reports"><h2>Reports <span id="n-reports" class="count"></span></h2>
<table class="index"><thead><tr><th>agency</th><th>year</th><th>title / file</th><th title="references, dates, metrics">facts</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody id="report-rows"></tbody></table>
<button type="button" id="more-reports" hidden>Show more reports</button></section>
<section id="agencies"><h2>Indicator series by agency</h2>${agencyRows.length ? `<table class="index"><tr><th>agency</th><th>series</th></tr>${agencyRows.join('')}</table>` : '<p class="muted">no indicator has values in two or more years</p>'}</section>
</main>
<script src="${folderName}/index.js"></script>
${shardTags}
</body>
</html>
`;
  // the folder first, then the index page, each replaced whole
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(tmpDir, finalDir);
  writeFileAtomic(htmlFile, index);
  files.unshift({ path: basename(htmlFile), bytes: Buffer.byteLength(index) });
  return { reports: reports.length, withText, facts: factCount, findings: findingCount, agencies: agencyRows.length, series: seriesCount, files };
}
