/**
 * One report's review pages: the source text with every fact highlighted (click or focus: type, readable value,
 * unit, money reading, indicator name, rule, page, line, section in the side panel), and its findings with their
 * evidence by page and line, linked to the highlighted text. All report content is escaped; the fact data travels
 * as JSON inside a non-executed script element.
 *
 * A report is split into parts (`<id>.html`, `<id>~2.html`, …) of at most `maxBytes` each, cut at a line start
 * outside any fact where it can be: a report of 15,000 references is several files of under 2 MB, not one of 10 MB.
 * Each part carries the text it shows and the data of its facts only; part 1 also lists the findings (within a
 * budget of its own: the index lists them all); every part links to the others.
 */
import type { Finding, Report } from '../model/report.js';
import { escapeHtml, jsonForScript } from './html.js';
import { formatMetricValue, groupVi, indicatorLabel, metricValueParts, readableMessage, readableMoneyIn, type LineIndex, placeVi } from './format.js';

export interface FactView {
  kind: 'reference' | 'date' | 'metric';
  id: string;
  start: number;
  end: number;
  text: string;
  /** the value as one string (the facts table, the series) */
  value: string;
  /** a metric's value for the panel: the number, its unit and the money reading, apart */
  parts?: { value: string; unit?: string; reading?: string };
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
    out.push({ ...common(m), kind: 'metric', value: formatMetricValue(m), parts: metricValueParts(m), extra });
  }
  return out;
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

/** a string of report content cut to n characters (never inside a surrogate pair) */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  const k = /[\uD800-\uDBFF]/.test(s[n - 2] ?? '') ? n - 2 : n - 1;
  return `${s.slice(0, k)}…`;
}

/** evidence items listed per finding (the rest counted), and characters of a message or evidence shown */
const MAX_EVIDENCE = 50;
const MAX_MESSAGE = 2000;
const MAX_EVIDENCE_TEXT = 300;

export function findingHtml(v: FindingView, hrefOf: (e: EvidenceView) => string): string {
  const f = v.finding;
  const links = v.evidence
    .slice(0, MAX_EVIDENCE)
    .map((e) => {
      const place = placeVi(e.page, e.line);
      const where = e.other ? ` <span class="muted">(${escapeHtml(clip(e.other.label, MAX_EVIDENCE_TEXT))})</span>` : '';
      return `<li><a href="${escapeHtml(hrefOf(e))}" class="evlink">${escapeHtml(clip(e.text, MAX_EVIDENCE_TEXT) || `${e.start}-${e.end}`)}</a> <span class="place" title="offsets ${e.start}-${e.end}">${escapeHtml(place || `ký tự ${e.start}-${e.end}`)}</span>${where}</li>`;
    })
    .join('');
  const moreEv = v.evidence.length > MAX_EVIDENCE ? `<li class="muted">${v.evidence.length - MAX_EVIDENCE} more</li>` : '';
  const details = findingDetails(f);
  const dl = details.length ? `<dl class="fdetails">${details.map(([k, s]) => `<dt>${escapeHtml(clip(k, 100))}</dt><dd>${escapeHtml(clip(s, MAX_MESSAGE))}</dd>`).join('')}</dl>` : '';
  return `<li class="finding sev-${escapeHtml(f.severity)}"><span class="sev">${escapeHtml(f.severity)}</span> <code>${escapeHtml(clip(f.rule, 100))}</code> ${escapeHtml(clip(readableMessage(f.message, 'en'), MAX_MESSAGE))}${f.messageVi ? `<div class="vi">${escapeHtml(clip(readableMessage(f.messageVi, 'vi'), MAX_MESSAGE))}</div>` : ''}${dl}<ul class="evidence">${links}${moreEv}</ul></li>`;
}

/** The heading of a report: its title (else agency and year, else the file name) and what identifies it. */
export function reportHeading(report: Report): { title: string; details: string[] } {
  const m = report.report;
  const file = report.source.path.split(/[\\/]/).pop() || report.source.path;
  const title = m.title ?? (m.agency ? `${m.agency}${m.year !== undefined ? ` ${m.year}` : ''}` : file);
  const day = m.issuedOn ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(m.issuedOn) : null;
  const details = [
    m.agency,
    m.province && !(m.agency ?? '').includes(m.province) ? m.province : undefined,
    m.number ? `số ${m.number}` : undefined,
    day ? `ngày ${day[3]}/${day[2]}/${day[1]}` : m.issuedOn ? `ngày ${m.issuedOn}` : m.year !== undefined ? `năm ${m.year}` : undefined,
  ].filter((x): x is string => !!x);
  return { title: clip(title, 500), details: details.map((d) => clip(d, 300)) };
}

export interface ReportPagesInput {
  report: Report;
  text?: string;
  /** the text's lines (for the parts' line ranges) */
  lines?: LineIndex;
  note: string;
  facts: FactView[];
  findings: FindingView[];
  /** links of the page's header: back to the index */
  indexHref: string;
  assets: string;
  /** findings listed on part 1 (with their evidence marked in the text); the rest are counted, and listed in the index */
  maxFindings?: number;
  csp: string;
  /** the file name of part k (1-based), relative to the pages' folder */
  partFile: (k: number) => string;
  /** the largest file written (bytes, default 1,900,000) */
  maxBytes?: number;
}

export interface ReportPages {
  parts: Array<{ file: string; html: string }>;
  /** the part (1-based) that shows a text offset */
  partAt(offset: number): number;
  /** the part (1-based) where fact i starts */
  factPart: number[];
}

/** a piece of the text: no fact and no evidence begins or ends inside it; f: the facts covering it */
interface Piece {
  s: number;
  e: number;
  html: string;
  f: number[];
}

/** the longest piece (characters): a long stretch without facts is cut too, so that every piece fits a part */
const MAX_PIECE = 32_768;

/** The text split at every fact and evidence boundary, line start and every MAX_PIECE characters, each piece marked with the facts covering it. */
function pieces(text: string, facts: FactView[], anchors: Array<{ id: string; start: number; end: number }>): Piece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const f of facts) if (f.start >= 0 && f.end <= text.length && f.start < f.end) cuts.add(f.start).add(f.end);
  for (const a of anchors) if (a.start >= 0 && a.end <= text.length && a.start <= a.end) cuts.add(a.start).add(a.end);
  // line starts, where a part may end
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) cuts.add(i + 1);
  for (let k = MAX_PIECE; k < text.length; k += MAX_PIECE) {
    const low = text.charCodeAt(k);
    cuts.add(low >= 0xdc00 && low <= 0xdfff ? k + 1 : k);
  }
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
  const out: Piece[] = [];
  for (let k = 0; k < pts.length - 1; k++) {
    const s = pts[k]!;
    const e = pts[k + 1]!;
    while (fo < order.length && facts[order[fo]!]!.start <= s) open.push(order[fo++]!);
    while (eo < evs.length && evs[eo]!.start <= s) openEv.push(evs[eo++]!);
    open = open.filter((i) => facts[i]!.end >= e);
    openEv = openEv.filter((a) => a.end >= e);
    let html = '';
    for (const id of startsAt.get(s) ?? []) html += `<span class="anchor" id="${escapeHtml(id)}"></span>`;
    const piece = escapeHtml(text.slice(s, e));
    if (open.length === 0 && openEv.length === 0) {
      out.push({ s, e, html: html + piece, f: [] });
      continue;
    }
    const kinds = [...new Set(open.map((i) => `k-${facts[i]!.kind}`))];
    const cls = ['hl', ...kinds, openEv.length ? 'ev' : ''].filter(Boolean).join(' ');
    const data = open.length ? ` data-f="${open.join(' ')}" tabindex="0" role="button"` : '';
    out.push({ s, e, html: `${html}<span class="${cls}"${data}>${piece}</span>`, f: [...open] });
  }
  // anchors past the text's end (evidence of another version of it): at the end
  const past = anchors.filter((a) => a.start >= text.length).map((a) => `<span class="anchor" id="${escapeHtml(a.id)}"></span>`).join('');
  if (past && out.length) out[out.length - 1]!.html += past;
  return out;
}

/**
 * What the panel shows of a fact (report.js): strings clipped, so that no fact's data outgrows a part; absent
 * fields left out, the id without the report's (`:ref:195-235`: the page's data-id goes before it), the section as
 * the number of an entry of the part's section table.
 */
function factData(f: FactView, reportId: string, sectionNo: number | undefined): unknown {
  const o: Record<string, unknown> = { k: f.kind, id: f.id.startsWith(`${reportId}:`) ? f.id.slice(reportId.length) : f.id, t: clip(f.text, 1000), v: clip(f.parts?.value ?? f.value, 1000) };
  if (f.parts?.unit) o.u = clip(f.parts.unit, 300);
  if (f.parts?.reading) o.rd = f.parts.reading;
  if (f.rule) o.r = f.rule;
  if (f.page !== undefined) o.p = f.page;
  if (f.line !== undefined) o.l = f.line;
  if (sectionNo !== undefined) o.s = sectionNo;
  const x: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.extra)) x[clip(k, 100)] = clip(v, 1000);
  if (Object.keys(x).length) o.x = x;
  return o;
}

const bytes = (s: string) => Buffer.byteLength(s);

/** the pages' links to each other: previous, next, the first, the last and the parts around this one */
function partsNav(k: number, n: number, file: (j: number) => string, label: (j: number) => string, where: string): string {
  if (n <= 1) return '';
  const a = (j: number, text: string, cls: string) => `<a href="${escapeHtml(file(j))}" class="${cls}" data-part="${j}" title="${escapeHtml(label(j))}">${text}</a>`;
  const nums: string[] = [];
  let last = 0;
  for (let j = 1; j <= n; j++) {
    if (j !== 1 && j !== n && Math.abs(j - k) > 2) continue;
    if (j - last > 1) nums.push('…');
    nums.push(j === k ? `<strong aria-current="page">${j}</strong>` : a(j, String(j), 'part-link'));
    last = j;
  }
  const prev = k > 1 ? a(k - 1, '‹ previous', 'prev') : '';
  const next = k < n ? a(k + 1, 'next ›', 'next') : '';
  return `<nav class="parts" aria-label="parts (${where})">Part ${k} of ${n} <span class="muted">(${escapeHtml(label(k))})</span> ${prev} ${nums.join(' ')} ${next}</nav>`;
}

export function reportPages(p: ReportPagesInput): ReportPages {
  const { report, text, facts } = p;
  const maxBytes = p.maxBytes ?? 1_900_000;
  // part 1's findings, the header and the links between parts take at most these; the text and facts the rest
  const findingsBudget = Math.floor(maxBytes / 5);
  const chrome = 24_000;
  const budget = maxBytes - findingsBudget - chrome;
  const soft = Math.floor(budget * 0.85);

  // every evidence in this report gets an anchor (the index links each finding's evidence); the first
  // maxFindings findings are listed on part 1
  const anchors: Array<{ id: string; start: number; end: number }> = [];
  for (const [fi, v] of p.findings.entries())
    for (const [ei, e] of v.evidence.entries())
      if (!e.other) {
        e.anchor = `ev-${fi}-${ei}`;
        anchors.push({ id: e.anchor, start: e.start, end: e.end });
      }

  // the sections' titles, numbered in the report; a part's data holds those of its facts
  const sectionNo = new Map<string, number>();
  const sectionJson: string[] = [];
  const sectionOf = (i: number) => {
    const t = facts[i]!.section;
    if (t === undefined) return undefined;
    let n = sectionNo.get(t);
    if (n === undefined) {
      sectionNo.set(t, (n = sectionJson.length));
      sectionJson.push(`${jsonForScript(String(n))}:${jsonForScript(clip(t, 300))}`);
    }
    return n;
  };
  const factJson = new Map<number, string>();
  const jsonOf = (i: number) => {
    let j = factJson.get(i);
    if (j === undefined) factJson.set(i, (j = `${jsonForScript(String(i))}:${jsonForScript(factData(facts[i]!, report.id, sectionOf(i)))}`));
    return j;
  };

  // the parts: their body html, the facts they show and the text offset each starts at
  interface Part {
    start: number;
    end: number;
    html: string[];
    facts: Set<number>;
    sections: Set<number>;
    bytes: number;
  }
  const parts: Part[] = [];
  let cur: Part = { start: 0, end: 0, html: [], facts: new Set(), sections: new Set(), bytes: 0 };
  const close = (at: number) => {
    cur.end = at;
    parts.push(cur);
    cur = { start: at, end: at, html: [], facts: new Set(), sections: new Set(), bytes: 0 };
  };
  /** the bytes a piece adds to the current part: its html, the data of its facts and sections new to the part */
  const cost = (html: string, f: number[]) => {
    let n = bytes(html);
    const secs = new Set<number>();
    for (const i of f) {
      if (cur.facts.has(i)) continue;
      n += bytes(jsonOf(i)) + 1;
      const sn = sectionOf(i);
      if (sn !== undefined && !cur.sections.has(sn) && !secs.has(sn)) {
        secs.add(sn);
        n += bytes(sectionJson[sn]!) + 1;
      }
    }
    return n;
  };
  const take = (f: number[]) => {
    for (const i of f) {
      cur.facts.add(i);
      const sn = sectionOf(i);
      if (sn !== undefined) cur.sections.add(sn);
    }
  };
  if (text !== undefined) {
    const ps = pieces(text, facts, anchors);
    for (const [k, piece] of ps.entries()) {
      let add = cost(piece.html, piece.f);
      if (cur.html.length) {
        const prev = ps[k - 1]!;
        const clean = text.charCodeAt(piece.s - 1) === 10 && !piece.f.some((i) => prev.f.includes(i));
        if ((cur.bytes >= soft && clean) || cur.bytes + add > budget) {
          close(piece.s);
          add = cost(piece.html, piece.f);
        }
      }
      cur.html.push(piece.html);
      take(piece.f);
      cur.bytes += add;
    }
    close(text.length);
  } else {
    // no text: the facts as a table, cut by rows
    for (const [i, f] of facts.entries()) {
      const row = `<tr><td>${f.kind}</td><td><span class="hl k-${f.kind}" data-f="${i}" tabindex="0" role="button">${escapeHtml(clip(f.text, 1000))}</span></td><td>${escapeHtml(clip(f.value, 1000))}</td><td>${f.page ?? ''}</td></tr>`;
      const add = cost(row, [i]);
      if (cur.html.length && cur.bytes + add > budget) close(i);
      cur.html.push(row);
      take([i]);
      cur.bytes += add;
    }
    close(facts.length);
  }

  const n = parts.length;
  const file = (k: number) => p.partFile(k);
  const starts = parts.map((x) => x.start);
  const partAt = (offset: number): number => {
    if (text === undefined) return 1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const factPart = facts.map((f, i) => (text !== undefined ? partAt(f.start) : (parts.findIndex((x) => x.facts.has(i)) + 1 || 1)));
  const label = (k: number) => {
    const x = parts[k - 1]!;
    if (text === undefined) return `facts ${groupVi(x.start + 1)}–${groupVi(x.end)}`;
    if (!p.lines) return `characters ${groupVi(x.start)}–${groupVi(x.end)}`;
    return `lines ${groupVi(p.lines.lineAt(x.start))}–${groupVi(p.lines.lineAt(Math.max(x.start, x.end - 1)))}`;
  };

  // part 1's findings list, within its budget
  const listedMax = p.maxFindings ?? p.findings.length;
  const items: string[] = [];
  let fBytes = 0;
  for (const v of p.findings) {
    if (items.length >= listedMax) break;
    const h = findingHtml(v, (e) => (e.other ? e.other.href : `${partAt(e.start) === 1 ? '' : file(partAt(e.start))}#${e.anchor}`));
    if (fBytes + bytes(h) > findingsBudget) break;
    items.push(h);
    fBytes += bytes(h);
  }
  const more = p.findings.length - items.length;

  const meta = report.report;
  const head = reportHeading(report);
  const out: Array<{ file: string; html: string }> = [];
  for (const [pi, part] of parts.entries()) {
    const k = pi + 1;
    const findingsBlock =
      k === 1
        ? `<h3>Findings (${p.findings.length})</h3>
${items.length ? `<ol class="findings">${items.join('')}</ol>` : p.findings.length ? '' : '<p class="muted">none</p>'}${more > 0 ? `<p class="muted" id="more-note">${more} more findings are not listed here: the index lists them all (filter by this report).</p>` : ''}`
        : `<h3>Findings (${p.findings.length})</h3><p class="muted">Listed in <a href="${escapeHtml(file(1))}">part 1</a>.</p>`;
    const body =
      text !== undefined
        ? `<pre class="text" id="text" data-start="${part.start}" data-line="${p.lines ? p.lines.lineAt(part.start) : 1}">${part.html.join('')}</pre>`
        : `<p class="muted">${escapeHtml(p.note)}</p><table class="facts"><tr><th>type</th><th>text</th><th>value</th><th>page</th></tr>${part.html.join('')}</table>`;
    const data = `{"f":{${[...part.facts].sort((a, b) => a - b).map(jsonOf).join(',')}},"s":{${[...part.sections].sort((a, b) => a - b).map((n) => sectionJson[n]).join(',')}}}`;
    const nav = (where: string) => partsNav(k, n, file, label, where);
    out.push({
      file: file(k),
      html: `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${p.csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(head.title)}${n > 1 ? ` (${k}/${n})` : ''} — report-metrics review</title>
<link rel="stylesheet" href="${p.assets}review.css">
</head>
<body class="report-page">
<header><h1><a href="${escapeHtml(p.indexHref)}">report-metrics review</a> › ${escapeHtml(clip(meta.agency ?? head.title, 300))}${meta.year !== undefined ? ` ${meta.year}` : ''}</h1></header>
<aside id="panel" aria-live="polite"><p class="muted">Click or focus a highlighted fact.</p></aside>
<main>
<section class="report" id="report" data-id="${escapeHtml(report.id)}" data-part="${k}" data-parts="${n}">
<h2 id="title">${escapeHtml(head.title)}</h2>
${head.details.length ? `<p class="docmeta" id="docmeta">${escapeHtml(head.details.join(' · '))}</p>` : ''}
<p class="meta source"><span class="path">${escapeHtml(clip(report.source.path, 500))}</span> · <code>${escapeHtml(report.id)}</code> · ${groupVi(report.references.length)} references, ${groupVi(report.dates.length)} dates, ${groupVi(report.metrics.length)} metrics · <span class="muted">${escapeHtml(clip(p.note, 500))}</span></p>
${nav('top')}
${findingsBlock}
<h3>Text${n > 1 ? ` <span class="count">(part ${k} of ${n}: ${escapeHtml(label(k))})</span>` : ''}</h3>
${body}
${nav('bottom')}
</section>
</main>
<script type="application/json" id="facts-data">${data}</script>
<script src="${p.assets}report.js"></script>
</body>
</html>
`,
    });
  }
  return { parts: out, partAt, factPart };
}
