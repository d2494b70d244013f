/**
 * One report's review page: the source text with every fact highlighted (click or focus: type, readable value,
 * indicator name, rule, page, line, section in the side panel), and its findings with their evidence by page and
 * line, linked to the highlighted text. All report content is escaped; the fact data travels as JSON inside a
 * non-executed script element.
 */
import type { Finding, Report } from '../model/report.js';
import { escapeHtml, jsonForScript } from './html.js';
import { formatMetricValue, indicatorLabel, readableMessage, readableMoneyIn, type LineIndex, type PageIndex, placeVi } from './format.js';

export interface FactView {
  kind: 'reference' | 'date' | 'metric';
  id: string;
  start: number;
  end: number;
  text: string;
  value: string;
  rule?: string;
  page?: number;
  line?: number;
  section?: string;
  extra: Record<string, string>;
}

export function factsOf(report: Report, lines?: LineIndex): FactView[] {
  const sectionTitle = new Map(report.sections.map((s) => [s.id, `${s.number ? s.number + ' ' : ''}${s.title}`]));
  const out: FactView[] = [];
  const common = (f: { id: string; span: { start: number; end: number }; text: string; rule?: string; page?: number; section?: string }) => {
    const v: Omit<FactView, 'kind' | 'value' | 'extra'> = { id: f.id, start: f.span.start, end: f.span.end, text: f.text };
    if (f.rule) v.rule = f.rule;
    if (f.page) v.page = f.page;
    if (lines) v.line = lines.lineAt(f.span.start);
    if (f.section) v.section = sectionTitle.get(f.section) ?? f.section;
    return v;
  };
  for (const r of report.references) {
    const extra: Record<string, string> = { category: r.category, type: r.type };
    if (r.issuer) extra.issuer = r.issuer;
    if (r.subject) extra.subject = r.subject;
    out.push({ ...common(r), kind: 'reference', value: `${r.symbol ?? r.name ?? ''}${r.issuedOn ? ` · ${r.issuedOn}` : ''}`, extra });
  }
  for (const d of report.dates) {
    const extra: Record<string, string> = { precision: d.precision };
    if (d.end) extra.end = d.end;
    out.push({ ...common(d), kind: 'date', value: d.value, extra });
  }
  const mtext = new Map(report.metrics.map((m) => [m.id, m.text]));
  for (const m of report.metrics) {
    const extra: Record<string, string> = { kind: m.kind, label: m.label };
    if (m.indicator) {
      const n = indicatorLabel(m.indicator);
      extra.indicator = n.vi === m.indicator ? m.indicator : `${n.vi} (${m.indicator})`;
    }
    if (m.parent) extra['part of'] = mtext.get(m.parent) ?? m.parent;
    if (m.approximate) extra.approximate = 'yes';
    if (m.subject) extra.subject = m.subject;
    if (m.period) extra.period = m.period;
    if (m.change) extra.change = [m.change.direction, m.change.baseline, m.change.basePeriod].filter(Boolean).join(', ');
    if (m.from) extra.from = mtext.get(m.from) ?? m.from;
    if (m.target) extra.target = 'yes';
    extra.raw = `${m.value}${m.valueMax !== undefined ? `–${m.valueMax}` : ''}${m.denominator !== undefined ? `/${m.denominator}` : ''}${m.unit ? ` ${m.unit}` : ''}`;
    out.push({ ...common(m), kind: 'metric', value: formatMetricValue(m), extra });
  }
  return out;
}

/** The text split at every fact and evidence boundary, each piece marked with the facts covering it. */
function highlighted(text: string, facts: FactView[], anchors: Array<{ id: string; start: number; end: number }>): string {
  const cuts = new Set<number>([0, text.length]);
  for (const f of facts) if (f.start >= 0 && f.end <= text.length && f.start < f.end) cuts.add(f.start).add(f.end);
  for (const a of anchors) if (a.start >= 0 && a.end <= text.length && a.start <= a.end) cuts.add(a.start).add(a.end);
  const pts = [...cuts].sort((a, b) => a - b);
  const startsAt = new Map<number, string[]>();
  for (const a of anchors) startsAt.set(a.start, [...(startsAt.get(a.start) ?? []), a.id]);
  // facts and anchors sorted by start: a sweep keeps the covering ones (no quadratic filter per piece)
  const order = facts.map((_, i) => i).filter((i) => facts[i]!.start < facts[i]!.end).sort((a, b) => facts[a]!.start - facts[b]!.start);
  const evs = anchors.filter((a) => a.start < a.end).sort((a, b) => a.start - b.start);
  let fo = 0;
  let eo = 0;
  let open: number[] = [];
  let openEv: Array<{ end: number }> = [];
  let html = '';
  for (let k = 0; k < pts.length - 1; k++) {
    const s = pts[k]!;
    const e = pts[k + 1]!;
    while (fo < order.length && facts[order[fo]!]!.start <= s) open.push(order[fo++]!);
    while (eo < evs.length && evs[eo]!.start <= s) openEv.push(evs[eo++]!);
    open = open.filter((i) => facts[i]!.end >= e);
    openEv = openEv.filter((a) => a.end >= e);
    for (const id of startsAt.get(s) ?? []) html += `<span class="anchor" id="${escapeHtml(id)}"></span>`;
    const piece = escapeHtml(text.slice(s, e));
    if (open.length === 0 && openEv.length === 0) {
      html += piece;
      continue;
    }
    const kinds = [...new Set(open.map((i) => `k-${facts[i]!.kind}`))];
    const cls = ['hl', ...kinds, openEv.length ? 'ev' : ''].filter(Boolean).join(' ');
    const data = open.length ? ` data-f="${open.join(' ')}" tabindex="0" role="button"` : '';
    html += `<span class="${cls}"${data}>${piece}</span>`;
  }
  return html;
}

const KNOWN_FINDING_FIELDS = new Set(['id', 'rule', 'severity', 'message', 'messageVi', 'evidence', 'facts', 'otherReport']);

/**
 * A finding's other fields (premise, confidence, arithmetic, … as the checks add them), written as text: strings
 * and numbers as they are, lists joined, objects as `key: value` pairs. Unknown shapes never break the page.
 */
export function findingDetails(f: Finding): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return readableMoneyIn(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) return v.map(show).filter(Boolean).join('; ');
    if (typeof v === 'object')
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${show(x)}`)
        .join(', ');
    return '';
  };
  for (const [k, v] of Object.entries(f as unknown as Record<string, unknown>)) {
    if (KNOWN_FINDING_FIELDS.has(k)) continue;
    const s = show(v);
    if (s) out.push([k, s]);
  }
  return out;
}

export interface EvidenceView {
  text: string;
  start: number;
  end: number;
  page?: number;
  line?: number;
  /** the report the evidence lies in, when it is another one */
  other?: { href: string; label: string };
  /** the anchor in this report's page */
  anchor?: string;
}

export interface FindingView {
  finding: Finding;
  evidence: EvidenceView[];
}

export function findingHtml(v: FindingView, hrefOf: (e: EvidenceView) => string): string {
  const f = v.finding;
  const links = v.evidence
    .map((e) => {
      const place = placeVi(e.page, e.line);
      const where = e.other ? ` <span class="muted">(${escapeHtml(e.other.label)})</span>` : '';
      return `<li><a href="${escapeHtml(hrefOf(e))}" class="evlink">${escapeHtml(e.text || `${e.start}-${e.end}`)}</a> <span class="place" title="offsets ${e.start}-${e.end}">${escapeHtml(place || `ký tự ${e.start}-${e.end}`)}</span>${where}</li>`;
    })
    .join('');
  const details = findingDetails(f);
  const dl = details.length ? `<dl class="fdetails">${details.map(([k, s]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(s)}</dd>`).join('')}</dl>` : '';
  return `<li class="finding sev-${escapeHtml(f.severity)}"><span class="sev">${escapeHtml(f.severity)}</span> <code>${escapeHtml(f.rule)}</code> ${escapeHtml(readableMessage(f.message, 'en'))}${f.messageVi ? `<div class="vi">${escapeHtml(readableMessage(f.messageVi, 'vi'))}</div>` : ''}${dl}<ul class="evidence">${links}</ul></li>`;
}

export interface ReportPageInput {
  report: Report;
  text?: string;
  note: string;
  facts: FactView[];
  findings: FindingView[];
  /** links of the page's header: back to the index, the agency's series */
  indexHref: string;
  assets: string;
  /** findings listed (with their evidence marked in the text); the rest are counted, and listed in the index */
  maxFindings?: number;
  csp: string;
}

export function reportPageHtml(p: ReportPageInput): string {
  const { report, text, facts } = p;
  const anchors: Array<{ id: string; start: number; end: number }> = [];
  const listed = p.maxFindings !== undefined ? p.findings.slice(0, p.maxFindings) : p.findings;
  const more = p.findings.length - listed.length;
  for (const [fi, v] of listed.entries())
    for (const [ei, e] of v.evidence.entries())
      if (!e.other) {
        e.anchor = `ev-${fi}-${ei}`;
        anchors.push({ id: e.anchor, start: e.start, end: e.end });
      }
  const items = listed.map((v) => findingHtml(v, (e) => (e.other ? e.other.href : `#${e.anchor}`)));
  const meta = report.report;
  const metaBits = [meta.agency, meta.province, meta.year !== undefined ? String(meta.year) : undefined, meta.issuedOn].filter((x): x is string => !!x);
  const body =
    text !== undefined
      ? `<pre class="text" id="text">${highlighted(text, facts, anchors)}</pre>`
      : `<p class="muted">${escapeHtml(p.note)}</p><table class="facts"><tr><th>type</th><th>text</th><th>value</th><th>page</th></tr>${facts
          .map((f, i) => `<tr><td>${f.kind}</td><td><span class="hl k-${f.kind}" data-f="${i}" tabindex="0" role="button">${escapeHtml(f.text)}</span></td><td>${escapeHtml(f.value)}</td><td>${f.page ?? ''}</td></tr>`)
          .join('')}</table>`;
  const data = facts.map((f) => ({ k: f.kind, id: f.id, t: f.text, v: f.value, r: f.rule ?? null, p: f.page ?? null, l: f.line ?? null, sec: f.section ?? null, x: f.extra }));
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${p.csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title ?? report.source.path)} — report-metrics review</title>
<link rel="stylesheet" href="${p.assets}review.css">
</head>
<body class="report-page">
<header><h1><a href="${escapeHtml(p.indexHref)}">report-metrics review</a> › ${escapeHtml(meta.agency ?? report.source.path)}${meta.year !== undefined ? ` ${meta.year}` : ''}</h1></header>
<aside id="panel" aria-live="polite"><p class="muted">Click or focus a highlighted fact.</p></aside>
<main>
<section class="report" id="report" data-id="${escapeHtml(report.id)}">
<h2>${escapeHtml(meta.title ?? report.source.path)}</h2>
<p class="meta">${escapeHtml(report.source.path)} · <code>${escapeHtml(report.id)}</code>${metaBits.length ? ' · ' + escapeHtml(metaBits.join(' · ')) : ''} · ${report.references.length} references, ${report.dates.length} dates, ${report.metrics.length} metrics · <span class="muted">${escapeHtml(p.note)}</span></p>
<h3>Findings (${p.findings.length})</h3>
${p.findings.length ? `<ol class="findings">${items.join('')}</ol>` : '<p class="muted">none</p>'}${more > 0 ? `<p class="muted" id="more-note">${more} more findings are not listed here: the index lists them all (filter by this report).</p>` : ''}
<h3>Text</h3>
${body}
</section>
</main>
<script type="application/json" id="facts-data">${jsonForScript(data)}</script>
<script src="${p.assets}report.js"></script>
</body>
</html>
`;
}
