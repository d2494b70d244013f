/**
 * Gold annotations: the shape of fixtures/gold/<basename>.gold.json, loading with clear errors,
 * locating every gold item in the normalized text, and sanity checks of the gold itself
 * (an independent, tiny reader of the annotated text: it catches typos in gold, it is not an extractor).
 */
import { readFileSync } from 'node:fs';
import { normalizeText } from '../normalize/normalize-text.js';
import { asciiFold } from '../normalize/fold.js';
import { DOCUMENT_TYPE_SLUGS } from '../vocab/document-types.js';
import { layoutView, spanToSource, type LayoutView } from '../tokens/layout-view.js';
import { siteFrame } from '../segment/site-frame.js';

let viewCache: { text: string; view: LayoutView } | undefined;
/** The layout-blind view gold items are placed in (gold texts are written without wraps and emphasis). */
function viewOf(text: string): LayoutView {
  if (viewCache?.text !== text) viewCache = { text, view: layoutView(text) };
  return viewCache.view;
}
/** A gold string as the view spells it: runs of white space one space, emphasis markers dropped. */
function asViewNeedle(s: string): string {
  return layoutView(normalizeText(s).trim()).text.replace(/\n/g, ' ');
}

/** The type slugs a gold reference may name: the shared vocabulary. */
export const REFERENCE_TYPES = DOCUMENT_TYPE_SLUGS;
export const DATE_PRECISIONS = ['day', 'month', 'year', 'day-month', 'period'] as const;
export const METRIC_KINDS = ['count', 'percent', 'money', 'frequency', 'ratio', 'score', 'rank', 'quantity', 'duration', 'multiplier'] as const;
/** Gold metric kinds the pipeline does not emit yet: annotated for later, left out of the scores (and reported). */
export const UNSCORED_METRIC_KINDS: ReadonlySet<string> = new Set([]);

export interface GoldReport {
  agency?: string | null;
  year?: number | null;
  issuedOn?: string | null;
  number?: string | null;
}

export interface GoldReference {
  /** number and symbol as written; absent for a reference cited by name */
  symbol?: string;
  /** a law, code or resolution cited by name (`Luật Tổ chức Chính phủ`), with a date or a year */
  name?: string;
  type: string;
  issuedOn: string | null;
  /** the year of a named reference cited with a year only (`Luật Đầu tư năm 2020`) */
  year?: number;
  note?: string;
}

export interface GoldDate {
  /** the date expression as written */
  text: string;
  value: string;
  precision: (typeof DATE_PRECISIONS)[number];
  end?: string;
  /** a longer stretch of text holding `text`, to pin an ambiguous occurrence */
  context?: string;
  note?: string;
}

export interface GoldMetric {
  /** the number with its unit as written, or the bare number */
  text: string;
  value: number;
  kind: (typeof METRIC_KINDS)[number];
  unit?: string;
  per?: string;
  denominator?: number;
  /** text of the total item this one is a part of */
  parent?: string;
  context?: string;
  note?: string;
}

export interface GoldFile {
  /** the text rendering, relative to the package root */
  file: string;
  language: 'vi' | 'en';
  report?: GoldReport;
  references: GoldReference[];
  dates: GoldDate[];
  metrics: GoldMetric[];
  notes?: string;
}

export class GoldError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'GoldError';
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_VALUE = /^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$/;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural validation; throws GoldError naming the file and the first problem. */
export function parseGold(path: string, json: string): GoldFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new GoldError(path, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObj(raw)) throw new GoldError(path, 'top level must be an object');
  const fail = (where: string, why: string): never => {
    throw new GoldError(path, `${where}: ${why}`);
  };
  if (typeof raw.file !== 'string' || raw.file === '') fail('file', 'must be a non-empty string');
  if (raw.language !== 'vi' && raw.language !== 'en') fail('language', 'must be "vi" or "en"');
  for (const k of ['references', 'dates', 'metrics'] as const) if (!Array.isArray(raw[k])) fail(k, 'must be an array');
  if (raw.report !== undefined && !isObj(raw.report)) fail('report', 'must be an object');
  if (isObj(raw.report)) {
    const r = raw.report;
    if (r.issuedOn != null && (typeof r.issuedOn !== 'string' || !ISO_DAY.test(r.issuedOn))) fail('report.issuedOn', 'must be YYYY-MM-DD or null');
    if (r.year != null && !Number.isInteger(r.year)) fail('report.year', 'must be an integer or null');
  }
  (raw.references as unknown[]).forEach((r, i) => {
    const w = `references[${i}]`;
    if (!isObj(r)) return fail(w, 'must be an object');
    const hasSymbol = typeof r.symbol === 'string' && r.symbol !== '';
    const hasName = typeof r.name === 'string' && r.name !== '';
    if (!hasSymbol && !hasName) fail(w, 'a reference needs a non-empty symbol or name');
    if (r.symbol !== undefined && r.symbol !== null && !hasSymbol) fail(w, 'symbol must be a non-empty string');
    if (!hasSymbol && r.issuedOn === null && !Number.isInteger(r.year)) fail(w, 'a named reference needs issuedOn or year');
    if (r.year !== undefined && !Number.isInteger(r.year)) fail(w, 'year must be an integer');
    if (!(REFERENCE_TYPES as readonly unknown[]).includes(r.type)) fail(w, `type ${JSON.stringify(r.type)} is not a known slug`);
    if (r.issuedOn !== null && (typeof r.issuedOn !== 'string' || !ISO_DAY.test(r.issuedOn))) fail(w, 'issuedOn must be YYYY-MM-DD or null');
  });
  (raw.dates as unknown[]).forEach((d, i) => {
    const w = `dates[${i}]`;
    if (!isObj(d)) return fail(w, 'must be an object');
    if (typeof d.text !== 'string' || d.text === '') fail(w, 'text must be a non-empty string');
    if (typeof d.value !== 'string' || !DATE_VALUE.test(d.value)) fail(w, `value ${JSON.stringify(d.value)} is not YYYY[-MM[-DD]] or --MM-DD`);
    if (!(DATE_PRECISIONS as readonly unknown[]).includes(d.precision)) fail(w, `precision ${JSON.stringify(d.precision)} unknown`);
    if (d.end !== undefined && (typeof d.end !== 'string' || !DATE_VALUE.test(d.end))) fail(w, 'end must be a date value');
    if ((d.precision === 'period') !== (d.end !== undefined)) fail(w, 'end is required for, and only for, precision period');
    if (d.context !== undefined && typeof d.context !== 'string') fail(w, 'context must be a string');
  });
  (raw.metrics as unknown[]).forEach((m, i) => {
    const w = `metrics[${i}]`;
    if (!isObj(m)) return fail(w, 'must be an object');
    if (typeof m.text !== 'string' || m.text === '') fail(w, 'text must be a non-empty string');
    if (typeof m.value !== 'number' || !Number.isFinite(m.value)) fail(w, 'value must be a finite number');
    if (!(METRIC_KINDS as readonly unknown[]).includes(m.kind)) fail(w, `kind ${JSON.stringify(m.kind)} unknown`);
    if (m.kind === 'ratio' && typeof m.denominator !== 'number') fail(w, 'a ratio needs a numeric denominator');
    for (const k of ['unit', 'per', 'parent', 'context'] as const) if (m[k] !== undefined && typeof m[k] !== 'string') fail(w, `${k} must be a string`);
  });
  return raw as unknown as GoldFile;
}

export function loadGold(path: string): GoldFile {
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch {
    throw new GoldError(path, 'cannot read gold file');
  }
  return parseGold(path, json);
}

// ---------------------------------------------------------------- locating gold items in the text

export interface Located {
  start: number;
  end: number;
  /** how the item was found: in document order (ok), anywhere (out-of-order) or not at all */
  how: 'in-order' | 'anywhere' | 'missing';
}

const WORDCHAR = /[\p{L}\p{N}]/u;

/** Occurrences of `needle` in `hay` that do not cut a word or number at either edge. */
export function findOccurrences(hay: string, needle: string, from = 0): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  const headWord = WORDCHAR.test(needle[0]!);
  const tailWord = WORDCHAR.test(needle[needle.length - 1]!);
  let i = hay.indexOf(needle, from);
  while (i >= 0) {
    const before = i > 0 ? hay[i - 1]! : '';
    const after = hay[i + needle.length] ?? '';
    const okHead = !headWord || before === '' || !WORDCHAR.test(before);
    const okTail = !tailWord || after === '' || !WORDCHAR.test(after);
    if (okHead && okTail) out.push(i);
    i = hay.indexOf(needle, i + 1);
  }
  return out;
}

/**
 * Places each item (in gold order) at the first occurrence of its text that starts at or after the end of
 * the previous item. With `context`, the context is found first and the text inside it. Items that cannot be
 * placed in order fall back to the first unused occurrence anywhere, else are marked missing.
 */
export function locateItems(source: string, items: { text: string; context?: string }[], opts: { framed?: boolean } = {}): Located[] {
  const view = viewOf(source);
  // gold written for the document inside a saved web page: its items are placed from the document's start on
  const placed = locateInView(view.text, items, opts.framed ? siteFrame(view.text).start : 0);
  return placed.map((l) => (l.how === 'missing' ? l : { ...spanToSource(view, l.start, l.end), how: l.how }));
}

function locateInView(text: string, items: { text: string; context?: string }[], from = 0): Located[] {
  const out: Located[] = [];
  const used = new Set<number>();
  let cursor = from;
  for (const item of items) {
    const needle = asViewNeedle(item.text);
    const ctx = item.context !== undefined ? asViewNeedle(item.context) : undefined;
    const at = (from: number): number => {
      if (ctx !== undefined) {
        // a context may begin before the cursor (it can hold the previous item): the text inside must not
        for (const c of findOccurrences(text, ctx, Math.max(0, from - ctx.length))) {
          const inner = findOccurrences(text.slice(0, c + ctx.length), needle, Math.max(c, from));
          const hit = inner.find((p) => !used.has(p));
          if (hit !== undefined) return hit;
        }
        return -1;
      }
      const hit = findOccurrences(text, needle, from).find((p) => !used.has(p));
      return hit ?? -1;
    };
    let pos = at(cursor);
    let how: Located['how'] = 'in-order';
    if (pos < 0) {
      pos = at(0);
      how = pos < 0 ? 'missing' : 'anywhere';
    }
    if (pos < 0) {
      out.push({ start: -1, end: -1, how });
      continue;
    }
    used.add(pos);
    out.push({ start: pos, end: pos + needle.length, how });
    if (how === 'in-order') cursor = pos + needle.length;
  }
  return out;
}

// ---------------------------------------------------------------- sanity checks of the gold itself

/** Vietnamese number as written: `1.245.000`, `98,5`, `03` (thousands dot, decimal comma). */
export function readViNumber(s: string): number | undefined {
  const m = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$/.exec(s);
  if (!m) return undefined;
  return Number(s.replace(/\./g, '').replace(',', '.'));
}

const MONEY_SCALE: [RegExp, number][] = [
  [/^nghìn tỷ/, 1e12],
  [/^tỷ|^tỉ/, 1e9],
  [/^triệu|^tr\.?đ/, 1e6],
  [/^nghìn|^ngàn/, 1e3],
];

/** The value a careful reader gives the gold text, for cross-checking `value` (undefined = cannot tell). */
export function expectedMetricValue(m: GoldMetric): number | undefined {
  const t = normalizeText(m.text).trim();
  const lead = /^(\d[\d.,]*)\s*(.*)$/.exec(t);
  if (!lead) return undefined;
  const n = readViNumber(lead[1]!.replace(/[.,]$/, ''));
  if (n === undefined) return undefined;
  // scale words multiply money and counted or measured figures alike (`2,35 triệu m3`, `3 triệu người`)
  if (m.kind === 'money' || m.kind === 'count' || m.kind === 'quantity') {
    const rest = lead[2]!.toLowerCase();
    for (const [re, k] of MONEY_SCALE) if (re.test(rest)) return Math.round(n * k);
    return n;
  }
  return n;
}

/** Document-number compaction used only to check that a gold symbol is really in the text. */
function compactForSymbols(s: string): string {
  return asciiFold(normalizeText(s))
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/&/g, '')
    .replace(/(\d)\.(?=\d{3}\/)/g, '$1');
}

export interface GoldProblem {
  where: string;
  message: string;
}

/** Everything that looks wrong in a gold file against its text (empty = clean). */
export function checkGold(gold: GoldFile, rawText: string): GoldProblem[] {
  const text = normalizeText(rawText);
  const problems: GoldProblem[] = [];
  const compact = compactForSymbols(text);
  const need = new Map<string, number>();
  gold.references.forEach((r, i) => {
    if (r.symbol === undefined || r.symbol === null) return;
    const k = compactForSymbols(r.symbol);
    need.set(k, (need.get(k) ?? 0) + 1);
    if (r.symbol !== r.symbol.normalize('NFC') || /\s|\u00D0/.test(r.symbol)) problems.push({ where: `references[${i}]`, message: `symbol ${r.symbol} is not NFC / has spaces or Ð` });
    if (/^\d{1,3}\.\d{3}\//.test(r.symbol)) problems.push({ where: `references[${i}]`, message: `symbol ${r.symbol} keeps a thousands dot` });
  });
  for (const [k, n] of need) {
    let count = 0;
    let i = compact.indexOf(k);
    while (i >= 0) {
      const before = i > 0 ? compact[i - 1]! : '';
      if (!/[0-9]/.test(before)) count++;
      i = compact.indexOf(k, i + 1);
    }
    if (count < n) problems.push({ where: 'references', message: `symbol ${k} annotated ${n}× but found ${count}× in the text` });
  }
  const locD = locateItems(text, gold.dates);
  locD.forEach((l, i) => {
    if (l.how !== 'in-order') problems.push({ where: `dates[${i}]`, message: `text ${JSON.stringify(gold.dates[i]!.text)} ${l.how === 'missing' ? 'not in the text' : 'not in text order'}` });
  });
  // the readers below know Vietnamese writing only; other languages get the structural and placement checks
  const vi = gold.language === 'vi';
  gold.dates.forEach((d, i) => {
    if (!vi) return;
    const written = normalizeText(d.context ?? d.text);
    const nums = (written.match(/\d+/g) ?? []).map(Number);
    EN_MONTHS.forEach((m, k) => {
      if (new RegExp(`\\b${m}`, 'i').test(written)) nums.push(k + 1);
    });
    const parts = [d.value, d.end ?? '']
      .join(' ')
      .split(/[^0-9]+/)
      .filter((p) => p !== '')
      .map(Number);
    const relative = /năm (nay|trước|qua|sau|tới)/i.test(d.text);
    if (!relative && /^(6|9) tháng/.test(d.text) === false) {
      for (const p of parts) {
        if (d.precision === 'period' && /quý|tháng/i.test(d.text)) break; // quarter/half: months are derived
        if (!nums.includes(p)) problems.push({ where: `dates[${i}]`, message: `value part ${p} of ${d.value}${d.end ? '..' + d.end : ''} not written in ${JSON.stringify(d.text)}` });
      }
    }
    const expectPrecision = /^--/.test(d.value) ? 'day-month' : d.value.length === 10 ? 'day' : d.value.length === 7 ? 'month' : 'year';
    if (d.precision !== 'period' && d.precision !== expectPrecision) problems.push({ where: `dates[${i}]`, message: `precision ${d.precision} does not fit value ${d.value}` });
    if (d.precision === 'day' && !validDay(d.value)) problems.push({ where: `dates[${i}]`, message: `${d.value} is not a calendar day` });
  });
  const locM = locateItems(text, gold.metrics);
  locM.forEach((l, i) => {
    if (l.how !== 'in-order') problems.push({ where: `metrics[${i}]`, message: `text ${JSON.stringify(gold.metrics[i]!.text)} ${l.how === 'missing' ? 'not in the text' : 'not in text order'}` });
  });
  gold.metrics.forEach((m, i) => {
    if (m.parent !== undefined && resolveParent(gold.metrics, i) < 0) problems.push({ where: `metrics[${i}]`, message: `parent ${JSON.stringify(m.parent)} is not the text of another metric` });
    if (!vi) return;
    const exp = expectedMetricValue(m);
    if (exp !== undefined && Math.abs(exp - m.value) > 1e-9) problems.push({ where: `metrics[${i}]`, message: `value ${m.value} but ${JSON.stringify(m.text)} reads ${exp}` });
    if (m.kind === 'ratio') {
      const r = /^([\d.,]+)\/([\d.,]+)/.exec(normalizeText(m.text));
      if (!r || readViNumber(r[2]!) !== m.denominator) problems.push({ where: `metrics[${i}]`, message: `denominator ${m.denominator} does not fit ${JSON.stringify(m.text)}` });
    }
    if (m.kind === 'percent' && !/%/.test(m.text)) problems.push({ where: `metrics[${i}]`, message: 'percent without %' });
  });
  return problems;
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function validDay(v: string): boolean {
  const [y, mo, d] = v.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Index of the gold metric a part points at: the nearest earlier metric with that text, else the nearest later. */
export function resolveParent(metrics: GoldMetric[], i: number): number {
  const p = metrics[i]!.parent;
  if (p === undefined) return -1;
  for (let j = i - 1; j >= 0; j--) if (metrics[j]!.text === p) return j;
  for (let j = i + 1; j < metrics.length; j++) if (metrics[j]!.text === p) return j;
  return -1;
}
