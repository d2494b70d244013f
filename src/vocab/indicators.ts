/**
 * Indicator matching: a metric (label, unit, kind, section title, parent label) → a key of the indicator
 * vocabulary (src/vocab/data/indicators.yaml) with a score in (0, 1]. The pipeline calls it for every metric;
 * the link step calls it again with the parent metric's label as context.
 *
 * A cue is a bag of words: all of its words must occur in the label (folded: case, diacritics, tone
 * placement, `&`). Score = 0.5 + 0.3 × (share of the label's content words the cue explains)
 * + 0.1 if the counted noun fits + 0.1 if the section title names the indicator's reform area.
 */
import { loadData } from './data.js';
import { foldTokens, slug } from './text.js';

export interface IndicatorInput {
  label: string;
  unit?: string;
  kind: string;
  /** the figure's value: a count indicator takes whole numbers, and a bare year is no count */
  value?: number;
  sectionTitle?: string;
  language: 'vi' | 'en';
  /** label of the total this metric is a part of (link step) */
  parentLabel?: string;
  /**
   * the clause the metric was written in (see metricContexts): a second chance when the label is a narrow
   * window (`soát trong năm văn bản` for `… được rà soát trong năm là 20 văn bản`); matches found only in
   * the context score lower
   */
  context?: string;
  /**
   * what the text says of the figure's parts, after it (`64 biên chế (54 công chức, 13 hợp đồng lao động)`: from the
   * `(` to the end of the sentence; see metricClauses): an indicator whose `partsNot` words occur there is ruled out
   */
  parts?: string;
  /**
   * the sentence before the figure, back past earlier figures (to a line break, `;` or `. `; see scopeClauseStart):
   * a `clauseNot` indicator's `not` words rule it out here too (`Chỉ số chuyển đổi số … đạt 85,5 điểm, xếp thứ 5/20`)
   */
  sentence?: string;
}

export interface IndicatorMatch {
  key: string;
  score: number;
}

interface RawIndicator {
  key: string;
  label: string;
  en?: string;
  unit: string;
  nouns?: string[];
  cues: string[];
  not?: string[];
  partsNot?: string[];
  parts?: string[];
  exact?: boolean;
  clauseNot?: boolean;
  examples?: IndicatorExample[];
  notExamples?: IndicatorExample[];
}
/** a corpus case of the vocabulary: a metric label (+ unit, kind, section title, clause around the figure) */
export interface IndicatorExample {
  label: string;
  unit?: string;
  kind: string;
  section?: string;
  context?: string;
  /** the sentence before the figure (IndicatorInput.sentence) */
  sentence?: string;
}
interface IndicatorData {
  areas: Record<string, { label: string; en?: string; sections: string[] }>;
  kinds: Record<string, string[]>;
  indicators: RawIndicator[];
  stopwords: string[];
  totals?: string[];
  partsFollow?: string[];
}

interface Cue {
  words: string[];
}
export interface Indicator {
  key: string;
  /** the Vietnamese name */
  label: string;
  /** the English name */
  en: string;
  unit: string;
  area: string;
  kinds: Set<string>;
  nouns: Set<string>;
  cues: Cue[];
  not: string[][];
  /** words in the figure's parts description that rule the indicator out (a total that holds other things) */
  partsNot: string[][];
  parts: Set<string>;
  /** cues match as contiguous runs of words, not as bags */
  exact: boolean;
  /** `not` applies to the whole clause around the figure */
  clauseNot: boolean;
  /** must fire: these metrics get this key */
  examples: IndicatorExample[];
  /** must not fire: these metrics never get this key */
  notExamples: IndicatorExample[];
}

interface Vocabulary {
  indicators: Indicator[];
  byKey: Map<string, Indicator>;
  areaNames: Map<string, { vi: string; en: string }>;
  areaSections: Map<string, string[][]>;
  stop: Set<string>;
  stopPhrases: string[][];
  /** folded runs that mark a total (`tổng số`) */
  totals: string[][];
  /** keys listed as a part of some other indicator */
  partKeys: Set<string>;
  /** what, after a figure, starts the description of its parts (lower case) */
  partsFollow: string[];
}

let vocab: Vocabulary | undefined;

function build(): Vocabulary {
  const d = loadData<IndicatorData>('indicators');
  const indicators: Indicator[] = [];
  const byKey = new Map<string, Indicator>();
  for (const r of d.indicators) {
    if (byKey.has(r.key)) throw new Error(`indicators.yaml: duplicate key ${r.key}`);
    const area = r.key.split('.')[0]!;
    if (!d.areas[area]) throw new Error(`indicators.yaml: ${r.key} has no area ${area}`);
    const kinds = d.kinds[r.unit];
    if (!kinds) throw new Error(`indicators.yaml: ${r.key} has an unknown unit ${r.unit}`);
    const ind: Indicator = {
      key: r.key,
      label: r.label,
      en: r.en ?? r.label,
      unit: r.unit,
      area,
      kinds: new Set(kinds),
      nouns: new Set((r.nouns ?? []).map((n) => foldTokens(n).join(' '))),
      cues: r.cues.map((c) => ({ words: r.exact ? foldTokens(c) : [...new Set(foldTokens(c))] })),
      not: (r.not ?? []).map((n) => foldTokens(n)),
      partsNot: (r.partsNot ?? []).map((n) => foldTokens(n)),
      parts: new Set(r.parts ?? []),
      exact: r.exact === true,
      clauseNot: r.clauseNot === true,
      examples: r.examples ?? [],
      notExamples: r.notExamples ?? [],
    };
    indicators.push(ind);
    byKey.set(r.key, ind);
  }
  for (const ind of indicators) for (const p of ind.parts) if (!byKey.has(p)) throw new Error(`indicators.yaml: ${ind.key} has an unknown part ${p}`);
  for (const ind of indicators) if (!d.indicators.find((r) => r.key === ind.key)!.en) throw new Error(`indicators.yaml: ${ind.key} has no English label (en)`);
  const areaNames = new Map(Object.entries(d.areas).map(([k, a]) => [k, { vi: a.label, en: a.en ?? a.label }]));
  const areaSections = new Map(Object.entries(d.areas).map(([k, a]) => [k, a.sections.map((s) => foldTokens(s))]));
  const phrases = d.stopwords.map((s) => foldTokens(s));
  return {
    indicators,
    byKey,
    areaNames,
    areaSections,
    stop: new Set(phrases.filter((p) => p.length === 1).map((p) => p[0]!)),
    stopPhrases: phrases.filter((p) => p.length > 1),
    totals: (d.totals ?? []).map((t) => foldTokens(t)),
    partKeys: new Set(indicators.flatMap((i) => [...i.parts])),
    partsFollow: (d.partsFollow ?? []).map((p) => p.toLowerCase()),
  };
}

function v(): Vocabulary {
  return (vocab ??= build());
}

export function indicatorVocabulary(): Indicator[] {
  return v().indicators;
}
export function indicatorByKey(key: string): Indicator | undefined {
  return v().byKey.get(key);
}

export interface IndicatorName {
  vi: string;
  en: string;
  /** the reform area's names */
  area?: { vi: string; en: string };
}

/**
 * The names of a series key as the link step and the pipeline write them: a vocabulary key (`cs.trained`), a
 * part of a vocabulary total (`org.civil_servant_quota/chi-cuc`: the total's names and the part's slug), or a
 * label key (`label:so-hoi-nghi:hoi-nghi`: its words). Undefined for an empty key.
 */
export function indicatorName(key: string): IndicatorName | undefined {
  if (!key) return undefined;
  const vv = v();
  const direct = vv.byKey.get(key);
  const areaOf = (k: string) => vv.areaNames.get(k.split('.')[0]!);
  if (direct) {
    const n: IndicatorName = { vi: direct.label, en: direct.en };
    const a = areaOf(key);
    if (a) n.area = a;
    return n;
  }
  const slash = key.indexOf('/');
  if (slash > 0) {
    const total = vv.byKey.get(key.slice(0, slash));
    if (total) {
      const part = key.slice(slash + 1).replace(/-/g, ' ');
      const n: IndicatorName = { vi: `${total.label}: ${part}`, en: `${total.en}: ${part}` };
      const a = areaOf(key);
      if (a) n.area = a;
      return n;
    }
  }
  if (key.startsWith('label:')) {
    const [, words = '', unit] = key.split(':');
    const text = words.replace(/-/g, ' ') + (unit ? ` (${unit.replace(/-/g, ' ')})` : '');
    return { vi: text, en: text };
  }
  return undefined;
}

/** The counted noun is one of the indicator's nouns, or starts with one (`văn bản quy phạm pháp luật` is a `văn bản`). */
function nounFits(ind: Indicator, unitNoun: string): boolean {
  if (ind.nouns.has(unitNoun)) return true;
  for (const n of ind.nouns) if (unitNoun.startsWith(n + ' ')) return true;
  return false;
}

/** containsRun, rejecting at once when the run's first word is not among the tokens at all */
function hasRun(hay: readonly string[], set: ReadonlySet<string>, run: readonly string[]): boolean {
  return (run.length === 0 || set.has(run[0]!)) && containsRun(hay, run);
}

function containsRun(hay: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= hay.length; i++) {
    for (let j = 0; j < run.length; j++) if (hay[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

/** Label tokens without numbers and stop words: what a cue has to explain. */
function contentWords(tokens: readonly string[]): string[] {
  const vv = v();
  if (!stopByFirst) {
    stopByFirst = new Map();
    for (const p of vv.stopPhrases) {
      const list = stopByFirst.get(p[0]!) ?? [];
      list.push(p);
      stopByFirst.set(p[0]!, list);
    }
  }
  const drop = new Array<boolean>(tokens.length).fill(false);
  // only the phrases starting with the token at i can match there
  for (let i = 0; i < tokens.length; i++) {
    for (const p of stopByFirst.get(tokens[i]!) ?? []) {
      if (i + p.length <= tokens.length && p.every((t, j) => tokens[i + j] === t)) for (let j = 0; j < p.length; j++) drop[i + j] = true;
    }
  }
  return tokens.filter((t, i) => !drop[i] && !vv.stop.has(t) && !allDigits(t));
}
let stopByFirst: Map<string, string[][]> | undefined;
/** `/^[0-9]+$/` without a regular expression (hot: every label and clause token) */
function allDigits(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** labels and clauses longer than this are cut (from the end, nearest the number) */
const MAX_TEXT = 600;
const memo = new Map<string, IndicatorMatch | undefined>();

export function matchIndicator(m: IndicatorInput): IndicatorMatch | undefined {
  if (m.language !== 'vi') return undefined;
  // `0,042` in a table of work norms, `2025` in a plan's deadline column: not counts of anything
  if (m.value !== undefined && (m.kind === 'count' || m.kind === 'quantity') && (!Number.isInteger(m.value) || (m.unit === undefined && m.value >= 1900 && m.value <= 2100))) return undefined;
  const label = m.label.length > MAX_TEXT ? m.label.slice(-MAX_TEXT) : m.label;
  const unitTokens = m.unit ? foldTokens(m.unit) : [];
  const section = m.sectionTitle ? foldTokens(m.sectionTitle) : [];
  // label results are memoized (labels repeat across reports); clauses are unique, so not
  const k = `${label}\u0001${m.unit ?? ''}\u0001${m.kind}\u0001${m.sectionTitle ?? ''}`;
  let byLabel: IndicatorMatch | undefined;
  if (memo.has(k)) byLabel = memo.get(k);
  else {
    // the unit noun is part of what was written (`51 TTHC mức 4`: label `mức 4`, unit `TTHC`)
    const labelTokens = foldTokens(label);
    byLabel = best(m.kind, [...labelTokens, ...unitTokens], contentWords(labelTokens), unitTokens, section, false);
    if (memo.size > 10_000) memo.clear();
    memo.set(k, byLabel);
  }
  // a total whose parts include what the indicator excludes (`biên chế … gồm … hợp đồng lao động`) is not it
  if (m.parts && byLabel) {
    const partTokens = foldTokens(m.parts.length > MAX_TEXT ? m.parts.slice(0, MAX_TEXT) : m.parts);
    if (v().byKey.get(byLabel.key)!.partsNot.some((n) => containsRun(partTokens, n))) return undefined;
  }
  // the sentence is folded only when a clause-wide exclusion can use it (a keyed label of a `clauseNot` indicator)
  const sentence = (key: string): readonly string[] =>
    m.sentence && v().byKey.get(key)!.clauseNot ? foldTokens(m.sentence.length > MAX_TEXT ? m.sentence.slice(-MAX_TEXT) : m.sentence) : [];
  if (!m.context) return byLabel && clauseRuledOut(byLabel.key, sentence(byLabel.key)) ? undefined : byLabel;
  const ctx = foldTokens(m.context.length > MAX_TEXT ? m.context.slice(-MAX_TEXT) : m.context);
  if (byLabel) return clauseRuledOut(byLabel.key, ctx) || clauseRuledOut(byLabel.key, sentence(byLabel.key)) ? undefined : byLabel;
  const hit = best(m.kind, [...ctx, ...unitTokens], contentWords(ctx), unitTokens, section, true);
  if (hit && m.parts) {
    const partTokens = foldTokens(m.parts.length > MAX_TEXT ? m.parts.slice(0, MAX_TEXT) : m.parts);
    if (v().byKey.get(hit.key)!.partsNot.some((n) => containsRun(partTokens, n))) return undefined;
  }
  return hit;
}

/** a `clauseNot` indicator whose `not` words occur in these tokens (the clause or the sentence around the figure) */
function clauseRuledOut(key: string, tokens: readonly string[]): boolean {
  const ind = v().byKey.get(key)!;
  return ind.clauseNot && ind.not.some((n) => containsRun(tokens, n));
}

/** cue word → indicators having a cue with that word: only indicators that can match are scored */
let cueIndex: Map<string, Indicator[]> | undefined;
function candidates(tokenSet: ReadonlySet<string>): Indicator[] {
  if (!cueIndex) {
    cueIndex = new Map();
    for (const ind of v().indicators)
      for (const c of ind.cues) {
        const w = c.words[0];
        if (w === undefined) continue;
        const list = cueIndex.get(w) ?? [];
        if (!list.includes(ind)) list.push(ind);
        cueIndex.set(w, list);
      }
  }
  const seen = new Set<Indicator>();
  for (const t of tokenSet) for (const ind of cueIndex.get(t) ?? []) seen.add(ind);
  // keep the vocabulary's order so that ties resolve as before
  return v().indicators.filter((ind) => seen.has(ind));
}

function best(kind: string, tokens: string[], content: string[], unitTokens: string[], section: string[], fromContext: boolean): IndicatorMatch | undefined {
  const vv = v();
  const tokenSet = new Set(tokens);
  const unitNoun = unitTokens.join(' ');
  let top: { ind: Indicator; score: number; cueLen: number } | undefined;
  const isTotal = vv.totals.some((t) => hasRun(tokens, tokenSet, t));
  for (const ind of candidates(tokenSet)) {
    if (!ind.kinds.has(kind)) continue;
    if (ind.not.some((n) => hasRun(tokens, tokenSet, n))) continue;
    // a total never takes a part's key; a count of another noun never takes a counted indicator's key
    const partPenalty = isTotal && vv.partKeys.has(ind.key) ? 0.3 : 0;
    if (unitNoun && ind.unit === 'count' && ind.nouns.size > 0 && (kind === 'count' || kind === 'ratio') && !nounFits(ind, unitNoun)) continue;
    let cueLen = 0;
    for (const c of ind.cues) if (c.words.length > cueLen && (ind.exact ? hasRun(tokens, tokenSet, c.words) : c.words.every((w) => tokenSet.has(w)))) cueLen = c.words.length;
    if (cueLen === 0) continue;
    const explained = content.length === 0 ? 1 : Math.min(1, cueLen / content.length);
    // a cue found only in the clause around the label explains less
    let score = fromContext ? 0.5 : 0.5 + 0.3 * explained;
    if (unitNoun && ind.nouns.has(unitNoun)) score += 0.1;
    else if (unitNoun && ind.nouns.size > 0 && ind.unit === 'count') score -= 0.1;
    const areaCues = vv.areaSections.get(ind.area) ?? [];
    if (section.length && areaCues.some((a) => containsRun(section, a))) score += 0.1;
    score = Math.round(Math.min(1, score - partPenalty) * 1000) / 1000;
    if (!top || score > top.score || (score === top.score && cueLen > top.cueLen)) top = { ind, score, cueLen };
  }
  if (!top || top.score < 0.5) return undefined;
  return { key: top.ind.key, score: top.score };
}

/**
 * The clause each metric was written in: from the previous line break, `;` or the end of the previous
 * metric on the same line, to the next line break, `;` or the start of the next metric. Input spans index
 * `text`; output is in the order of `spans`.
 */
export function metricContexts(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string[] {
  return metricClauses(text, spans).map((c) => c.context);
}

/** how far after a figure its parts description is read */
const PARTS_SPAN = 240;

/**
 * The clause of each metric (metricContexts) and what the text says of its parts: from the first partsFollow
 * marker after the figure (`(`, `trong đó`, `gồm:`) to the end of the sentence (line break, `;`, `. `), read past
 * the next figures ('' when no marker follows in the clause).
 */
export function metricClauses(text: string, spans: ReadonlyArray<{ start: number; end: number }>): Array<{ context: string; parts: string }> {
  const order = spans.map((s, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start);
  const out = new Array<{ context: string; parts: string }>(spans.length);
  for (let o = 0; o < order.length; o++) {
    const s = spans[order[o]!]!;
    const prevEnd = o > 0 ? spans[order[o - 1]!]!.end : 0;
    const nextStart = o + 1 < order.length ? spans[order[o + 1]!]!.start : text.length;
    let a = s.start;
    const lo = Math.max(prevEnd, s.start - 300, 0);
    while (a > lo && text[a - 1] !== '\n' && text[a - 1] !== ';') a--;
    let b = s.end;
    const hi = Math.min(nextStart, s.end + 200, text.length);
    // with another figure ahead in the sentence, a comma after this one starts the next figure's words (`…, trễ hạn 3 hồ sơ`)
    const nextOnLine = nextStart < s.end + 200 && !/[\n;]|\. /.test(text.slice(s.end, nextStart));
    while (b < hi && text[b] !== '\n' && text[b] !== ';' && !(nextOnLine && text[b] === ',')) b++;
    // what follows `trong đó` / `gồm` / `(` describes the parts, not this figure (indicators.yaml partsFollow)
    const tail = text.slice(s.end, b).toLowerCase();
    let cut = -1;
    for (const p of v().partsFollow) {
      const at = tail.indexOf(p);
      if (at >= 0 && (cut < 0 || at < cut)) cut = at;
    }
    if (cut >= 0) b = s.end + cut;
    // the parts: from a marker before the next figure (`71 biên chế, trong đó: …`) to the end of the sentence
    let parts = '';
    const rest = text.slice(s.end, Math.min(text.length, s.end + PARTS_SPAN));
    const stop = /[\n;]|\. /.exec(rest);
    const sentence = (stop ? rest.slice(0, stop.index) : rest).toLowerCase();
    let mark = -1;
    for (const p of v().partsFollow) {
      const at = sentence.indexOf(p);
      if (at >= 0 && (mark < 0 || at < mark)) mark = at;
    }
    if (mark >= 0 && s.end + mark <= nextStart) parts = text.slice(s.end + mark, s.end + sentence.length);
    out[order[o]!] = { context: text.slice(a, b), parts };
  }
  return out;
}

/** Series key of a metric no indicator matched: its label, folded, numbers and stop words dropped. */
export function labelKey(label: string, unit?: string): string {
  const words = contentWords(foldTokens(label));
  const base = words.length ? words.join('-') : slug(label) || 'metric';
  const u = unit ? slug(unit) : '';
  return `label:${base.slice(0, 80)}${u ? `:${u.slice(0, 24)}` : ''}`;
}
