/**
 * The per-report pipeline: Document → segment → extract (rule pack by language) → assemble → validate.
 * Pure and synchronous; file reading lives in ./process-file.
 */
import type { Document } from '../model/document.js';
import type { DateFact, Finding, Furniture, Metric, PageDecodingInfo, Reference, Report, Section } from '../model/report.js';
import { SCHEMA_VERSION } from '../model/report.js';
import { parseDayMonthYear } from '../vocab/calendar.js';
import { reportSchema } from '../model/schemas.generated.js';
import { detectLanguage } from '../extract/language.js';
import type { ExtractContext, RulePack } from '../extract/context.js';
import { SpanMask } from '../extract/spans.js';
import { vietnamesePack } from '../extract/vi/index.js';
import { englishPack } from '../extract/en/index.js';
import { HEADER_WINDOW, parseHeader } from '../segment/header.js';
import { siteFrame } from '../segment/site-frame.js';
import { segmentSections } from '../segment/sections.js';
import { factId, reportIdFromSha } from '../util/hash.js';
import { assertValid } from '../validate/validate.js';
import { matchIndicator, metricClauses } from '../vocab/indicators.js';
import { resolveAgency } from '../vocab/agencies.js';
import { foreignScope, scopeClauseStart, type ScopeAgency } from '../vocab/scopes.js';
import { checkReport } from '../check/index.js';
import { linkTableTotals, linkTableTransitions, tableCellMetrics, withCellContext } from '../extract/table-metrics.js';
import { symbolKey } from '../extract/symbol-key.js';
import type { MetricCandidate } from '../extract/context.js';
import { PIPELINE_NAME, PIPELINE_VERSION } from './version.js';
import { layoutView, spanToSource, spanToView, subView, withKeptLines, type LayoutView } from '../tokens/layout-view.js';
import type { DateCandidate, FindingCandidate, RefCandidate } from '../extract/context.js';
import { checkLimit } from '../util/limits.js';
import { sanitizeDeep } from '../normalize/sanitize.js';

type AnySpan = { start: number; end: number };
/** A candidate read in the layout view, moved to source coordinates: spans exact, `text` the source slice. */
function toSourceFacts<T extends { span: AnySpan; text: string }>(view: LayoutView, source: string, cands: T[], extra: readonly ('symbolSpan' | 'dateSpan')[] = []): T[] {
  return cands.map((c) => {
    const span = spanToSource(view, c.span.start, c.span.end);
    const out: Record<string, unknown> = { ...c, span, text: source.slice(span.start, span.end) };
    for (const k of extra) {
      const sp = (c as Record<string, unknown>)[k] as AnySpan | undefined;
      if (sp) out[k] = spanToSource(view, sp.start, sp.end);
    }
    return out as T;
  });
}
function findingsToSource(view: LayoutView, source: string, fs: FindingCandidate[]): FindingCandidate[] {
  return fs.map((f) => ({
    ...f,
    evidence: f.evidence.map((e) => {
      const sp = spanToSource(view, e.start, e.end);
      return { ...e, start: sp.start, end: sp.end, text: source.slice(sp.start, sp.end) };
    }),
  }));
}

export interface ExtractOptions {
  includeText?: boolean;
  /** force a language instead of detecting it */
  language?: 'vi' | 'en';
  pipeline?: { name: string; version: string };
  /** skip schema validation (only for benchmarks of the extraction itself) */
  skipValidation?: boolean;
  /** run the auditor checks (default true) */
  checks?: boolean;
}

const PACKS: Record<'vi' | 'en', RulePack> = { vi: vietnamesePack, en: englishPack };

type Defs = (typeof reportSchema)['$defs'];
const keysOf = (def: Defs[keyof Defs]): string[] => Object.keys((def as { properties?: object }).properties ?? {});
/** The schema's own field lists: a candidate's internal handles (symbolSpan, dateSpan, parentIndex) stay behind. */
const REFERENCE_KEYS = keysOf(reportSchema.$defs.reference);
const DATE_KEYS = keysOf(reportSchema.$defs.date);
const METRIC_KEYS = keysOf(reportSchema.$defs.metric);

/** Copy the schema fields of a candidate into a fact with its id, section and page (no object spread: hot path). */
function withProvenance<T>(cand: object, keys: string[], id: string, where: { section?: string; page?: number }): T {
  const src = cand as Record<string, unknown>;
  const out: Record<string, unknown> = { id };
  for (const k of keys) {
    const v = src[k];
    if (v !== undefined && k !== 'id') out[k] = v;
  }
  if (where.section !== undefined) out.section = where.section;
  if (where.page !== undefined) out.page = where.page;
  return out as T;
}

/** Finds the innermost section and the page holding an offset (binary search; sections are in order). */
function locator(sections: Section[], parents: number[], doc: Document) {
  const pages = doc.pages ?? [];
  return (start: number): { section?: string; page?: number } => {
    const out: { section?: string; page?: number } = {};
    let lo = 0;
    let hi = sections.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid]!.span.start <= start) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (idx >= 0 && !(start < sections[idx]!.span.end)) idx = parents[idx]!;
    if (idx >= 0) out.section = sections[idx]!.id;
    lo = 0;
    hi = pages.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = pages[mid]!;
      if (start < p.span.start) hi = mid - 1;
      else if (start >= p.span.end) lo = mid + 1;
      else {
        out.page = p.number;
        break;
      }
    }
    return out;
  };
}

/**
 * Table cells with row/column context give their own metrics; a text metric over the same cell is dropped
 * (the table row is also a text line). The result stays in document order with parent links remapped.
 */
function mergeTableMetrics(text: MetricCandidate[], table: MetricCandidate[]): MetricCandidate[] {
  if (table.length === 0) return text;
  const cells = table.map((t) => t.span).sort((a, b) => a.start - b.start);
  const covered = (s: { start: number; end: number }) => {
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid]!;
      if (c.end <= s.start) lo = mid + 1;
      else if (c.start >= s.end) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const linked = (list: MetricCandidate[], i: number | undefined): MetricCandidate | undefined => (i !== undefined ? list[i] : undefined);
  const items = [
    ...text.map((m) => ({ m, parent: linked(text, m.parentIndex), from: linked(text, m.fromIndex) })).filter((x) => !covered(x.m.span)),
    ...table.map((m) => ({ m, parent: linked(table, m.parentIndex), from: linked(table, m.fromIndex) })),
  ].sort((a, b) => a.m.span.start - b.m.span.start);
  const index = new Map(items.map((x, i) => [x.m, i]));
  return items.map(({ m, parent, from }) => {
    const { parentIndex: _old, fromIndex: _oldFrom, ...rest } = m;
    const out: MetricCandidate = rest;
    const p = parent ? index.get(parent) : undefined;
    const f = from ? index.get(from) : undefined;
    if (p !== undefined) out.parentIndex = p;
    if (f !== undefined) out.fromIndex = f;
    return out;
  });
}

/**
 * A fact must quote some text: a candidate whose source slice is empty or only spacing (a span mapped onto
 * the space between two view characters) is dropped rather than written into an invalid report.
 */
const hasText = (c: { text: string }): boolean => c.text.trim() !== '';
/** A metric the schema can carry: some text, and finite numbers (`9999…9 tỷ đồng` is Infinity VND). */
const writable = (m: MetricCandidate): boolean =>
  hasText(m) && Number.isFinite(m.value) && (m.denominator === undefined || Number.isFinite(m.denominator));
/** Metrics without the unwritable ones, parent links remapped (a part whose total was dropped has none). */
function withoutTextless(ms: MetricCandidate[]): MetricCandidate[] {
  if (ms.every(writable)) return ms;
  const moved = new Int32Array(ms.length).fill(-1);
  let k = 0;
  ms.forEach((m, i) => {
    if (writable(m)) moved[i] = k++;
  });
  return ms.filter(writable).map((m) => {
    if (m.parentIndex === undefined) return m;
    const { parentIndex, ...rest } = m;
    const p = moved[parentIndex] ?? -1;
    return p >= 0 ? { ...rest, parentIndex: p } : rest;
  });
}

export function extractReport(doc: Document, opts: ExtractOptions = {}): Report {
  const text = doc.text;
  const reportId = reportIdFromSha(doc.source.sha256);
  const language = opts.language ?? detectLanguage(text);
  const pack = PACKS[language];

  // a saved web page: only the document inside the site's frame gives a header and facts (the frame is found
  // in the layout view, so wraps and emphasis do not move it)
  const view = layoutView(text, doc.blocks);
  const viewFrame = siteFrame(view.text);
  const frame = { ...viewFrame, start: view.toSource[viewFrame.start]!, end: view.toSource[viewFrame.end]! };
  // the header block is read line by line (its window keeps every break), the body it infers from as prose;
  // both without emphasis, doubled spaces or glued words
  const framed = frame.rule !== undefined;
  const docText = framed ? text.slice(frame.start, frame.end) : text;
  const docView = framed ? subView(view, frame.start, frame.end) : view;
  const headerView = withKeptLines(docText, docView, docView.toSource[Math.min(HEADER_WINDOW, docView.text.length)]!);
  const headerParsed = parseHeader(headerView.text, language);
  const header = {
    meta: headerParsed.meta,
    claimed: headerParsed.claimed.map((s) => {
      const sp = spanToSource(headerView, s.start, s.end);
      return { start: sp.start + (framed ? frame.start : 0), end: sp.end + (framed ? frame.start : 0) };
    }),
  };

  const rawSections = segmentSections(doc);
  checkLimit('sections', rawSections.length, (n) => `${n} sections`);
  const sections: Section[] = [];
  const sectionIds: string[] = [];
  for (const s of rawSections) {
    const id = factId(reportId, 'sec', s.headingSpan.start, s.headingSpan.end);
    sectionIds.push(id);
    const sec: Section = { id, title: s.title, level: s.level, span: s.span, headingSpan: s.headingSpan };
    if (s.number !== undefined) sec.number = s.number;
    if (s.parentIndex !== undefined) sec.parent = sectionIds[s.parentIndex]!;
    sections.push(sec);
  }
  const locate = locator(sections, rawSections.map((r) => r.parentIndex ?? -1), doc);
  for (const s of sections) {
    const { page } = locate(s.headingSpan!.start);
    if (page !== undefined) s.page = page;
  }

  // every rule pack reads the layout-blind view; its facts are mapped back to exact source spans
  const vmask = new SpanMask();
  for (const s of header.claimed) {
    const v = spanToView(view, s.start, s.end);
    vmask.add(v.start, v.end);
  }
  for (const s of rawSections) if (s.numberSpan) {
    const v = spanToView(view, s.numberSpan.start, s.numberSpan.end);
    vmask.add(v.start, v.end);
  }
  if (framed) {
    vmask.add(0, viewFrame.start);
    vmask.add(viewFrame.end, view.text.length);
  }
  const ctx: ExtractContext = { text: view.text, doc, meta: header.meta, mask: vmask };

  // references first: their symbols and dates are explained before dates and metrics look at the text
  const refView = pack.references(ctx);
  for (const r of refView) {
    const sym = r.symbolSpan ?? r.span;
    vmask.add(sym.start, sym.end);
  }
  const dateView = pack.dates(ctx);
  for (const d of dateView.dates) vmask.add(d.span.start, d.span.end);
  for (const r of refView) vmask.add(r.span.start, r.span.end);
  const metricView = pack.metrics(ctx);

  checkLimit('references', refView.length, (n) => `${n} references`);
  checkLimit('dates', dateView.dates.length, (n) => `${n} dates`);
  checkLimit('metrics', metricView.length, (n) => `${n} metrics`);
  const refCands = toSourceFacts<RefCandidate>(view, text, refView, ['symbolSpan', 'dateSpan']).filter(hasText);
  const dateResult = { dates: toSourceFacts<DateCandidate>(view, text, dateView.dates).filter(hasText), findings: findingsToSource(view, text, dateView.findings) };
  const references: Reference[] = [];
  const ownKey = header.meta.number ? symbolKey(header.meta.number) : undefined;
  for (const r of refCands) {
    const ref = withProvenance<Reference>(r, REFERENCE_KEYS, factId(reportId, 'ref', r.span.start, r.span.end), locate(r.span.start));
    // the document naming itself (its annex: `Kèm theo Quyết định số 1582/QĐ-UBND …`) is a mention, no citation
    if (ownKey !== undefined && ref.symbol !== undefined && symbolKey(ref.symbol) === ownKey) ref.self = true;
    references.push(ref);
  }

  const dates: DateFact[] = [];
  const refByDateEnd = new Map<number, number>();
  refCands.forEach((r, i) => {
    if (r.dateSpan) refByDateEnd.set(r.dateSpan.end, i);
  });
  for (const d of dateResult.dates) {
    const fact = withProvenance<DateFact>(d, DATE_KEYS, factId(reportId, 'date', d.span.start, d.span.end), locate(d.span.start));
    const owner = refByDateEnd.get(d.span.end);
    if (owner !== undefined && refCands[owner]!.dateSpan!.start <= d.span.start) fact.referenceId = references[owner]!.id;
    dates.push(fact);
  }

  const metricCands = linkTableTransitions(linkTableTotals(mergeTableMetrics(withCellContext(withoutTextless(toSourceFacts(view, text, metricView)), doc), tableCellMetrics(doc, language).filter((m) => m.span.start >= frame.start && m.span.end <= frame.end && writable(m)))));
  const metrics: Metric[] = metricCands.map((m) =>
    withProvenance<Metric>(m, METRIC_KEYS, factId(reportId, 'met', m.span.start, m.span.end), locate(m.span.start)),
  );
  metricCands.forEach((m, i) => {
    if (m.parentIndex !== undefined && metrics[m.parentIndex]) metrics[i]!.parent = metrics[m.parentIndex]!.id;
    if (m.fromIndex !== undefined && metrics[m.fromIndex]) metrics[i]!.from = metrics[m.fromIndex]!.id;
  });
  const sectionTitle = new Map(sections.map((s) => [s.id, s.title]));
  const clauses = metricClauses(text, metrics.map((m) => m.span));
  // whose figures these are: the header's agency (its kind decides which scopes are its own; scopes.yaml)
  const written = header.meta.agency ?? header.meta.parentAgency;
  const resolved = written ? resolveAgency({ name: written, provinceHints: [header.meta.province, header.meta.place, header.meta.parentAgency] }) : undefined;
  const scopeAgency: ScopeAgency | undefined = resolved && written ? { kindKey: resolved.kindKey, name: written } : undefined;
  for (const [i, m] of metrics.entries()) {
    const input: Parameters<typeof matchIndicator>[0] = { label: m.label, kind: m.kind, value: m.value, language };
    const clause = clauses[i];
    if (clause !== undefined) {
      input.context = clause.context;
      if (clause.parts) input.parts = clause.parts;
    }
    if (m.unit !== undefined) input.unit = m.unit;
    input.sentence = text.slice(scopeClauseStart(text, m.span.start), m.span.start);
    const st = m.section !== undefined ? sectionTitle.get(m.section) : undefined;
    if (st !== undefined) input.sectionTitle = st;
    // a change (`tăng 8,3% so với cùng kỳ`, `giảm 05 phòng`) is not a level of the indicator: no key
    if (m.change && m.change.baseline !== 'plan' && m.change.baseline !== 'target') continue;
    // a target (`phấn đấu tỷ lệ … đạt trên 98%`) is not a level either: keyed, it would sit in the series beside the actual
    if (m.target) continue;
    // another entity's figure (`toàn tỉnh`, `các Bộ, ngành, địa phương`, `Trung tâm …`, `được Bộ Nội vụ giao`): no key of this agency
    if (foreignScope(text, m.span.start, scopeAgency) !== undefined) continue;
    const hit = matchIndicator(input);
    // a bare number in a table cell takes a key only when its row or column label is mostly the indicator's cue
    if (hit && !(m.rule === 'table-cell' && m.unit === undefined && hit.score < 0.65)) m.indicator = hit.key;
  }
  // a total and its part never share a key: the part's is dropped (its series would mix both)
  const metricById = new Map(metrics.map((m) => [m.id, m]));
  for (const m of metrics) if (m.parent !== undefined && m.indicator !== undefined && metricById.get(m.parent)?.indicator === m.indicator) delete m.indicator;
  // nor do two parts of one total (`trong đó: trước hạn 177 hồ sơ, đúng hạn 384 hồ sơ`): the key names their sum, not either
  const partKeys = new Map<string, Metric[]>();
  for (const m of metrics) {
    if (m.parent === undefined || m.indicator === undefined) continue;
    const k = `${m.parent}\u0001${m.indicator}`;
    const l = partKeys.get(k) ?? [];
    l.push(m);
    partKeys.set(k, l);
  }
  for (const l of partKeys.values()) if (l.length > 1 && new Set(l.map((m) => m.value)).size > 1) for (const m of l) delete m.indicator;

  const findings: Finding[] = [];
  for (const f of dateResult.findings) {
    const first = f.evidence[0];
    findings.push({ ...f, id: factId(reportId, `fnd-${f.rule}`, first?.start ?? 0, first?.end ?? 0) });
  }
  // ingest notes at info level (numbering rebuilt, legacy font decoded) stay out of the findings
  for (const m of doc.messages.filter((x) => x.severity !== 'info')) {
    const sp = m.span ?? { start: 0, end: 0 };
    findings.push({
      id: factId(reportId, `fnd-${m.rule}`, sp.start, sp.end),
      rule: m.rule,
      severity: m.severity,
      message: m.message,
      evidence: m.span ? [{ start: sp.start, end: sp.end, text: text.slice(sp.start, sp.end) }] : [],
    });
  }

  const source: Report['source'] = {
    path: doc.source.path,
    sha256: doc.source.sha256,
    mediaType: doc.source.mediaType,
    bytes: doc.source.bytes,
    textLength: text.length,
  };
  if (doc.source.pages !== undefined) source.pages = doc.source.pages;
  if (doc.source.encoding !== undefined) source.encoding = doc.source.encoding;
  const decoded = new Map<number, PageDecodingInfo>();
  for (const p of doc.pages ?? []) if (p.decoding && !decoded.has(p.number)) decoded.set(p.number, { page: p.number, ...p.decoding });
  if (decoded.size > 0) source.pageDecoding = [...decoded.values()];
  // facts on OCR pages say so, with the page's confidence
  const ocrConfidence = new Map([...decoded.values()].filter((d) => d.decoder === 'ocr').map((d) => [d.page, d.confidence ?? 0]));
  if (ocrConfidence.size > 0) {
    for (const f of [...references, ...dates, ...metrics] as { page?: number; ocr?: true; confidence?: number }[]) {
      const c = f.page !== undefined ? ocrConfidence.get(f.page) : undefined;
      if (c === undefined) continue;
      f.ocr = true;
      f.confidence = c;
    }
  }

  // the site's text around the document: furniture with its reason; the box's number and date fill the header
  const furniture: Furniture[] = (viewFrame.outside ?? []).map((o) => ({ reason: o.reason, span: { start: view.toSource[o.start]!, end: view.toSource[o.end]! } }));
  if (viewFrame.box) {
    const box = viewFrame.box;
    const meta = header.meta;
    const dmy = box.issued !== undefined ? /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})$/.exec(box.issued) : null;
    const issued = dmy ? parseDayMonthYear(Number(dmy[1]), Number(dmy[2]), Number(dmy[3])) : undefined;
    const metadata = furniture.find((f) => f.reason === 'site-metadata');
    if (metadata) {
      if (box.number !== undefined) metadata.number = box.number;
      if (issued !== undefined) metadata.issuedOn = issued;
    }
    if (meta.number === undefined && box.number !== undefined) meta.number = box.number;
    if (meta.issuedOn === undefined && issued !== undefined) meta.issuedOn = issued;
  }

  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    id: reportId,
    language,
    pipeline: opts.pipeline ?? { name: PIPELINE_NAME, version: PIPELINE_VERSION },
    source,
    report: header.meta,
    sections,
    references,
    dates,
    metrics,
    findings,
  };
  if (furniture.length > 0) report.furniture = furniture;
  if (opts.checks !== false) for (const f of checkReport(report, text)) report.findings.push(f);
  if (opts.includeText) report.text = text;
  // labels, table headers and names come from outside the sanitized text, or are cut from it at a length
  sanitizeDeep(report);
  if (!opts.skipValidation) assertValid('report', report);
  return report;
}
