/**
 * `report-metrics review DIR --html FILE`: one self-contained HTML page (inline CSS and JS, no network:
 * a Content-Security-Policy forbids every fetch and allows only the page's own script by its hash).
 *
 * Per report: the source text with every fact highlighted (click or focus shows type, normalized value,
 * rule, span, page, section), the findings with links to their evidence in the text. Per agency: each
 * indicator across years as a small inline SVG chart and a table.
 *
 * Text: a batch Report JSON holds its text only with --include-text. Without it the source file is read
 * again through ingestFile (same normalization, so the spans fit) and used only when its sha256 equals
 * report.source.sha256; otherwise the report is shown as tables of facts without the text.
 * All report content is escaped; the fact data travels as JSON inside a non-executed script element.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Report } from '../model/report.js';
import { sourceText } from '../pipeline/source-text.js';
import { recheck } from '../check/index.js';
import { checkAcross, readBatchDir } from '../check/cross.js';
import { foldForMatch } from '../normalize/fold.js';
import { PAGE_CSS, PAGE_JS } from './assets.js';

export interface ReviewOptions {
  /** where relative source paths are resolved (default: the current directory, then DIR) */
  baseDirs?: string[];
}

export interface ReviewSummary {
  reports: number;
  withText: number;
  facts: number;
  findings: number;
  agencies: number;
  series: number;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** JSON safe inside a <script> element: no `<`, `>`, `&`, U+2028/9 left raw. */
export function jsonForScript(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface FactView {
  /** index in the page's fact list */
  i: number;
  kind: 'reference' | 'date' | 'metric';
  id: string;
  start: number;
  end: number;
  text: string;
  value: string;
  rule?: string;
  page?: number;
  section?: string;
  extra: Record<string, string>;
}

function factsOf(report: Report, sectionTitle: Map<string, string>, base: number): FactView[] {
  const out: FactView[] = [];
  const push = (f: Omit<FactView, 'i'>) => out.push({ ...f, i: base + out.length });
  for (const r of report.references) {
    const extra: Record<string, string> = { category: r.category, type: r.type };
    if (r.issuer) extra.issuer = r.issuer;
    if (r.subject) extra.subject = r.subject;
    const f: Omit<FactView, 'i'> = { kind: 'reference', id: r.id, start: r.span.start, end: r.span.end, text: r.text, value: `${r.symbol ?? r.name}${r.issuedOn ? ` · ${r.issuedOn}` : ''}`, extra };
    if (r.rule) f.rule = r.rule;
    if (r.page) f.page = r.page;
    if (r.section) f.section = sectionTitle.get(r.section) ?? r.section;
    push(f);
  }
  for (const d of report.dates) {
    const extra: Record<string, string> = { precision: d.precision };
    if (d.end) extra.end = d.end;
    const f: Omit<FactView, 'i'> = { kind: 'date', id: d.id, start: d.span.start, end: d.span.end, text: d.text, value: d.value, extra };
    if (d.rule) f.rule = d.rule;
    if (d.page) f.page = d.page;
    if (d.section) f.section = sectionTitle.get(d.section) ?? d.section;
    push(f);
  }
  const mtext = new Map(report.metrics.map((m) => [m.id, m.text]));
  for (const m of report.metrics) {
    const extra: Record<string, string> = { kind: m.kind, label: m.label };
    if (m.indicator) extra.indicator = m.indicator;
    if (m.parent) extra['part of'] = mtext.get(m.parent) ?? m.parent;
    if (m.approximate) extra.approximate = 'yes';
    if (m.subject) extra.subject = m.subject;
    if (m.period) extra.period = m.period;
    if (m.per) extra.per = m.per;
    if (m.change) extra.change = [m.change.direction, m.change.baseline, m.change.basePeriod].filter(Boolean).join(', ');
    if (m.from) extra.from = mtext.get(m.from) ?? m.from;
    if (m.target) extra.target = 'yes';
    const v = `${m.value}${m.valueMax !== undefined ? `–${m.valueMax}` : ''}${m.denominator !== undefined ? `/${m.denominator}` : ''}`;
    const f: Omit<FactView, 'i'> = { kind: 'metric', id: m.id, start: m.span.start, end: m.span.end, text: m.text, value: `${v}${m.unit ? ` ${m.unit}` : ''}`, extra };
    if (m.rule) f.rule = m.rule;
    if (m.page) f.page = m.page;
    if (m.section) f.section = sectionTitle.get(m.section) ?? m.section;
    push(f);
  }
  return out;
}

/** The text split at every fact and evidence boundary, each piece marked with the facts covering it. */
function highlighted(text: string, facts: FactView[], anchors: Array<{ id: string; start: number; end: number }>, rix: number): string {
  const cuts = new Set<number>([0, text.length]);
  for (const f of facts) if (f.start >= 0 && f.end <= text.length && f.start < f.end) cuts.add(f.start).add(f.end);
  for (const a of anchors) if (a.start >= 0 && a.end <= text.length && a.start <= a.end) cuts.add(a.start).add(a.end);
  const pts = [...cuts].sort((a, b) => a - b);
  const startsAt = new Map<number, string[]>();
  for (const a of anchors) startsAt.set(a.start, [...(startsAt.get(a.start) ?? []), a.id]);
  const evCover = (s: number, e: number) => anchors.some((a) => a.start <= s && e <= a.end && a.start < a.end);
  let html = '';
  for (let k = 0; k < pts.length - 1; k++) {
    const s = pts[k]!;
    const e = pts[k + 1]!;
    for (const id of startsAt.get(s) ?? []) html += `<span class="anchor" id="${escapeHtml(id)}"></span>`;
    const piece = escapeHtml(text.slice(s, e));
    const cover = facts.filter((f) => f.start <= s && e <= f.end);
    const ev = evCover(s, e);
    if (cover.length === 0 && !ev) {
      html += piece;
      continue;
    }
    const cls = ['hl', ...new Set(cover.map((f) => `k-${f.kind}`)), ev ? 'ev' : ''].filter(Boolean).join(' ');
    const data = cover.length ? ` data-f="${cover.map((f) => f.i).join(' ')}" tabindex="0" role="button"` : '';
    html += `<span class="${cls}"${data} data-r="${rix}">${piece}</span>`;
  }
  return html;
}

interface SeriesPoint {
  year: number;
  value: number;
  unit: string;
  reportIndex: number;
  factIndex?: number;
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
  const dots = points
    .map((p) => `<circle cx="${X(p.year).toFixed(1)}" cy="${Y(p.value).toFixed(1)}" r="3"><title>${p.year}: ${escapeHtml(String(p.value))} ${escapeHtml(p.unit)}</title></circle>`)
    .join('');
  return `<svg class="spark" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="series"><line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" class="axis"/><polyline points="${poly}"/>${dots}<text x="${pad}" y="${h - 1}" class="lbl">${x0}</text><text x="${w - pad}" y="${h - 1}" class="lbl" text-anchor="end">${x1}</text></svg>`;
}

export async function buildReview(dir: string, opts: ReviewOptions = {}): Promise<{ html: string; summary: ReviewSummary }> {
  const input = readBatchDir(dir);
  const reports = [...input.reports].sort((a, b) => (a.report.agency ?? '').localeCompare(b.report.agency ?? '') || (a.report.year ?? 0) - (b.report.year ?? 0) || a.id.localeCompare(b.id));
  const cross = checkAcross(input);
  const rIndex = new Map(reports.map((r, i) => [r.id, i]));
  const allFacts: FactView[] = [];
  const sectionsHtml: string[] = [];
  let withText = 0;
  let findingCount = 0;
  const factIndexById = new Map<string, number>();

  for (const [rix, report] of reports.entries()) {
    const { text, note } = await sourceText(report, dir, opts.baseDirs);
    if (text !== undefined) withText++;
    const titles = new Map(report.sections.map((s) => [s.id, `${s.number ? s.number + ' ' : ''}${s.title}`]));
    const facts = factsOf(report, titles, allFacts.length);
    allFacts.push(...facts);
    for (const f of facts) factIndexById.set(f.id, f.i);
    const findings: Finding[] = [...(text !== undefined ? recheck(report, text) : report.findings), ...cross.filter((f) => f.id.startsWith(`${report.id}:`))];
    findingCount += findings.length;
    const anchors: Array<{ id: string; start: number; end: number }> = [];
    const fItems = findings.map((f, fi) => {
      const links = f.evidence
        .map((e, ei) => {
          const other = e.reportId !== undefined && e.reportId !== report.id ? rIndex.get(e.reportId) : undefined;
          if (e.reportId === undefined || e.reportId === report.id) anchors.push({ id: `ev-${rix}-${fi}-${ei}`, start: e.start, end: e.end });
          const target = other !== undefined ? `#r-${other}` : `#ev-${rix}-${fi}-${ei}`;
          const where = other !== undefined ? ` <span class="muted">(in ${escapeHtml(reports[other]!.source.path)})</span>` : '';
          return `<li><a href="${target}" class="evlink">${escapeHtml(e.text ?? `${e.start}-${e.end}`)}</a>${where}</li>`;
        })
        .join('');
      return `<li class="finding sev-${f.severity}"><span class="sev">${f.severity}</span> <code>${escapeHtml(f.rule)}</code> ${escapeHtml(f.message)}${f.messageVi ? `<div class="vi">${escapeHtml(f.messageVi)}</div>` : ''}<ul class="evidence">${links}</ul></li>`;
    });
    const meta = report.report;
    const metaBits = [meta.agency, meta.province, meta.year !== undefined ? String(meta.year) : undefined, meta.issuedOn].filter((x): x is string => !!x);
    const body =
      text !== undefined
        ? `<pre class="text" id="text-${rix}">${highlighted(text, facts, anchors, rix)}</pre>`
        : `<p class="muted">${escapeHtml(note)}</p><table class="facts"><tr><th>type</th><th>text</th><th>value</th><th>span</th></tr>${facts
            .map((f) => `<tr><td>${f.kind}</td><td><span class="hl k-${f.kind}" data-f="${f.i}" tabindex="0" role="button">${escapeHtml(f.text)}</span></td><td>${escapeHtml(f.value)}</td><td>${f.start}-${f.end}</td></tr>`)
            .join('')}</table>`;
    sectionsHtml.push(`<section class="report" id="r-${rix}">
<h2>${escapeHtml(meta.title ?? report.source.path)}</h2>
<p class="meta">${escapeHtml(report.source.path)} · <code>${report.id}</code>${metaBits.length ? ' · ' + escapeHtml(metaBits.join(' · ')) : ''} · ${report.references.length} references, ${report.dates.length} dates, ${report.metrics.length} metrics · <span class="muted">${escapeHtml(note)}</span></p>
<h3>Findings (${findings.length})</h3>
${findings.length ? `<ol class="findings">${fItems.join('')}</ol>` : '<p class="muted">none</p>'}
<h3>Text</h3>
${body}
</section>`);
  }

  // series per agency: the link tables when present, else the reports' indicator metrics
  const agencies = new Map<string, { name: string; series: Map<string, SeriesPoint[]> }>();
  const seriesRows = readRows<{ agencyId: string; indicator: string; year: number; value: number; unit: string | null; kind: string; reportId: string; metricId: string; parentMetricId: string | null; factPeriod: string | null }>(join(dir, 'tables', 'series.ndjson'));
  const agencyNames = new Map(readRows<{ id: string; name: string }>(join(dir, 'tables', 'agencies.ndjson'))?.map((a) => [a.id, a.name]) ?? []);
  const add = (aid: string, name: string, key: string, p: SeriesPoint) => {
    let a = agencies.get(aid);
    if (!a) agencies.set(aid, (a = { name, series: new Map() }));
    const l = a.series.get(key) ?? [];
    if (!l.some((x) => x.year === p.year)) l.push(p);
    a.series.set(key, l);
  };
  if (seriesRows) {
    for (const s of seriesRows) {
      const ri = rIndex.get(s.reportId);
      if (ri === undefined || s.factPeriod) continue;
      const p: SeriesPoint = { year: s.year, value: s.value, unit: s.unit ?? s.kind, reportIndex: ri };
      const fi = factIndexById.get(s.metricId);
      if (fi !== undefined) p.factIndex = fi;
      add(s.agencyId, agencyNames.get(s.agencyId) ?? s.agencyId, s.indicator, p);
    }
  } else {
    for (const [ri, r] of reports.entries()) {
      if (!r.report.agency || r.report.year === undefined) continue;
      const aid = `${foldForMatch(r.report.agency)}|${foldForMatch(r.report.province ?? '')}`;
      for (const m of r.metrics) {
        if (!m.indicator || m.parent) continue;
        const p: SeriesPoint = { year: r.report.year, value: m.value, unit: m.unit ?? m.kind, reportIndex: ri };
        const fi = factIndexById.get(m.id);
        if (fi !== undefined) p.factIndex = fi;
        add(aid, `${r.report.agency}${r.report.province ? ` (${r.report.province})` : ''}`, m.indicator, p);
      }
    }
  }
  let seriesCount = 0;
  const agencyHtml: string[] = [];
  for (const [, a] of [...agencies].sort((x, y) => x[1].name.localeCompare(y[1].name))) {
    const blocks: string[] = [];
    for (const [key, pts] of [...a.series].sort((x, y) => x[0].localeCompare(y[0]))) {
      if (pts.length < 2) continue;
      pts.sort((x, y) => x.year - y.year);
      seriesCount++;
      const rows = pts
        .map((p) => `<tr><td>${p.year}</td><td class="num">${p.factIndex !== undefined ? `<a href="#r-${p.reportIndex}" class="factlink" data-f="${p.factIndex}">${escapeHtml(String(p.value))}</a>` : escapeHtml(String(p.value))}</td><td>${escapeHtml(p.unit)}</td></tr>`)
        .join('');
      blocks.push(`<div class="series"><h4><code>${escapeHtml(key)}</code></h4>${sparkline(pts)}<table><tr><th>year</th><th>value</th><th>unit</th></tr>${rows}</table></div>`);
    }
    if (blocks.length) agencyHtml.push(`<section class="agency"><h3>${escapeHtml(a.name)}</h3><div class="serieslist">${blocks.join('')}</div></section>`);
  }

  const nav = reports
    .map((r, i) => `<li><a href="#r-${i}">${escapeHtml(r.report.agency ?? r.source.path)}${r.report.year !== undefined ? ` ${r.report.year}` : ''}</a> <span class="muted">${escapeHtml(r.source.path.split('/').pop() ?? '')}</span></li>`)
    .join('');
  const scriptHash = createHash('sha256').update(PAGE_JS).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>report-metrics review</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header><h1>report-metrics review</h1><p class="muted">${reports.length} reports · ${allFacts.length} facts · ${findingCount} findings · click a highlighted figure for its details</p></header>
<aside id="panel" aria-live="polite"><p class="muted">Click or focus a highlighted fact.</p></aside>
<main>
<nav><h2>Reports</h2><ol>${nav}</ol></nav>
<section id="series"><h2>Indicator series by agency</h2>${agencyHtml.length ? agencyHtml.join('') : '<p class="muted">no indicator has values in two or more years</p>'}</section>
${sectionsHtml.join('\n')}
</main>
<script type="application/json" id="facts-data">${jsonForScript(allFacts.map((f) => ({ k: f.kind, id: f.id, s: f.start, e: f.end, t: f.text, v: f.value, r: f.rule ?? null, p: f.page ?? null, sec: f.section ?? null, x: f.extra })))}</script>
<script>${PAGE_JS}</script>
</body>
</html>
`;
  return { html, summary: { reports: reports.length, withText, facts: allFacts.length, findings: findingCount, agencies: agencyHtml.length, series: seriesCount } };
}

function readRows<T>(path: string): T[] | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
