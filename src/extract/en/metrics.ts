/**
 * English metrics: counts with what they count (`22 legal documents were reviewed`, `twenty-two bulletins`,
 * `a dozen workshops`), label-colon-value (`Department Office: 24`), percentages (`100% of civil servants`,
 * `98.5 percent`), money (`VND 1.25 billion` = 1250000000, `1,250 million dong`), frequencies (`once a quarter`,
 * `01 time/quarter`), x of y (`28 of 29 tasks`, `28/29 tasks`), and breakdowns (`36, of which: …: 24; …: 12`,
 * `including`, `namely`) whose parts point at their total through `parentIndex`.
 * Not metrics: years, dates and document numbers (masked earlier), identifiers after `No.`, `level`, `Article`,
 * `ISO`…, ordinals (`2nd`), list continuations of such identifiers (`Issues No. 01, 02, 03`).
 */
import type { ExtractContext, MetricCandidate } from '../context.js';
import { escapeRegExp, isDigit, pattern } from '../../util/pattern.js';
import { BREAKDOWN_MARKERS, DURATION_UNITS, FREQUENCY_WORDS, MEASURE_UNITS, NOT_METRIC_BEFORE, PERIOD_WORDS } from './lexicon.js';
import { nounPhraseAfter, type NounPhrase } from './noun-phrase.js';
import { digitTokens, wordTokens, type NumberToken } from './numbers.js';

const periodAlt = PERIOD_WORDS.join('|');

export const PERCENT_AFTER = pattern('en.metric.percent', ' ?%| percent| per cent| pct', 'y');
export const MONEY_BEFORE = pattern('en.metric.money-before', '(?:VND|VNĐ|USD|US\\$|\\$|EUR|€|AUD|A\\$|GBP|£|JPY|¥|CHF|KRW) ?', 'g');
export const MONEY_AFTER = pattern(
  'en.metric.money-after',
  '(?: (thousand|million|billion|trillion|bn))?(?: (VND|VNĐ|dong|đồng|USD|US dollars|dollars|EUR|euros|euro|AUD|GBP|JPY|yen|CHF|KRW))?',
  'y',
);
export const FREQ_AFTER = pattern(
  'en.metric.frequency',
  ` (?:times|time)(?: ?/ ?| (?:a|per|each|every|in each|in a|in every) )(${periodAlt})`,
  'y',
);
/** `two inspections a year`, `04 surveys/year`: a count of events per period (the noun is not a duration) */
export const FREQ_NOUN_AFTER = pattern(
  'en.metric.frequency-noun',
  ` ((?:[a-z][a-z-]+ ){0,2}[a-z][a-z-]+)(?: ?/ ?| (?:a|per|each|every) )(${periodAlt})`,
  'y',
);
/** words that cannot be part of the counted noun of `FREQ_NOUN_AFTER` */
const FREQ_NOUN_STOP = new Set(['of', 'the', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'was', 'were', 'is', 'are', 'be', 'been', 'an', 'per', 'each', 'every', 'time', 'times', 'more', 'than', 'about', 'over', 'under']);
export const FREQ_WORD = pattern(
  'en.metric.frequency-word',
  `([Oo]nce|[Tt]wice|[Tt]hrice)(?: ?/ ?| (?:a|per|each|every|in each|in a|in every) )(${periodAlt})`,
  'g',
);
export const RATIO_AFTER = pattern('en.metric.ratio', '(?: ?/ ?| out of (?:the |its |their |all )?| of (?:the |its |their |all )?)([0-9][0-9,]{0,12})', 'y');
export const PARTICIPLE_AFTER = pattern(
  'en.metric.participle',
  ' (?:were|was|are|is|have been|has been|had been) ([a-z][a-z]+ed|[a-z][a-z]+en|held|made|built|set up|paid|sent)',
  'y',
);
/** `ranking 5th of 13 provinces`, `12th out of 63`, `3rd among 20 units` */
export const RANK_AFTER = pattern('en.metric.rank', '(?:st|nd|rd|th) (?:out of|of|among) (?:the |all )?([0-9][0-9,]{0,12})', 'y');
/** `41,250 ha`, `14.5 km of canals`, `6.8 tonnes/ha`, `2,380 m2` */
export const MEASURE_AFTER = pattern(
  'en.metric.measure',
  ` ?(${MEASURE_UNITS.map(escapeRegExp).join('|')})(?:/(?:ha|hectare|day|year|month|person|capita|household))?`,
  'y',
);
/** `x out of seven`: a ratio whose denominator is a number word (found among the number tokens) */
export const RATIO_WORD_AFTER = pattern('en.metric.ratio-word', ' (?:out of|of) (?:the |its |their |all )?', 'y');
/** `17.2 doctors per 10,000 people`: a density (quantity), the `10,000` belongs to its unit */
export const DENSITY_AFTER = pattern('en.metric.density', ' per ([0-9][0-9,.]{0,9}|thousand|hundred) ([a-z]+)', 'y');
/** a breakdown opening a sentence: `Of the settled cases, 31 …` (its total is in an earlier sentence) */
export const BREAKDOWN_LEAD = pattern('en.metric.breakdown-lead', 'Of (?:the|these|those|them)((?: [a-z]+){0,4}),', 'g');
/** a list line: `- …`, `+ …`, `• …`, `a) …`, `1) …` */
const BULLET_LINE = pattern('en.metric.bullet-line', '^[ ]*(?:[-+•*–]|[a-z]\\)|[0-9]{1,2}\\))[ ]', '');
const markerAlt = BREAKDOWN_MARKERS.map((m) => `[${m[0]!.toUpperCase()}${m[0]}]${m.slice(1)}`).join('|');
export const BREAKDOWN = pattern('en.metric.breakdown', `(?:${markerAlt})`, 'g');

/** ISO code of a currency as written: `US$` → USD, `€`/`euros` → EUR, `dong` → VND */
function currencyOf(w: string): string {
  const t = w.trim();
  if (/^(?:US\$|\$|USD|US dollars|dollars)$/.test(t)) return 'USD';
  if (/^(?:€|EUR|euros?)$/.test(t)) return 'EUR';
  if (/^(?:A\$|AUD)$/.test(t)) return 'AUD';
  if (/^(?:£|GBP)$/.test(t)) return 'GBP';
  if (/^(?:¥|JPY|yen)$/.test(t)) return 'JPY';
  if (/^(?:CHF|KRW)$/.test(t)) return t;
  return 'VND';
}

const MULT: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

interface Marker {
  start: number;
  end: number;
  /** opens its sentence (`Of these, …`): the total may stand in the sentence before */
  lead?: boolean;
  /** the noun the breakdown names (`Of the settled cases,` → `cases`) */
  head?: string;
}

interface Draft {
  m: MetricCandidate;
  head?: string;
  hasNp: boolean;
  participle?: string;
  colonLabel?: string;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-zÀ-ỹ]/.test(c);

function wordBefore(text: string, pos: number): string {
  let i = pos;
  while (i > 0 && text[i - 1] === ' ') i--;
  let j = i;
  while (j > 0 && /[A-Za-z.]/.test(text[j - 1]!)) j--;
  return text.slice(j, i).toLowerCase();
}

/** Start of the clause holding `pos`: after a line break, `;`, `:`, `(`, sentence end, or a breakdown marker. */
function clauseStart(text: string, pos: number, markers: { start: number; end: number }[]): number {
  const lo = Math.max(0, pos - 160);
  let i = pos;
  while (i > lo) {
    const c = text[i - 1]!;
    if (c === '\n' || c === ';' || c === ':' || c === '(' || c === ',') break;
    if (c === '.' && text[i] === ' ' && !/(No|Nos|no)$/.test(text.slice(i - 4, i - 1))) break;
    i--;
  }
  // the last breakdown marker ending at or before pos (markers are sorted): binary search, not a scan
  let a = 0;
  let b = markers.length - 1;
  let found = -1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (markers[mid]!.end <= pos) {
      found = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  if (found >= 0 && markers[found]!.end > i) i = markers[found]!.end;
  return i;
}

function cleanLabel(s: string): string {
  // a table row: the row's first cell names the figures (`| Women among trainees | 40% | 51.2% |`)
  if (s.includes('|')) s = s.split('|').map((c) => c.trim()).filter(Boolean)[0] ?? '';
  let t = s.replace(/\s+/g, ' ').trim();
  t = t.replace(/^[-+•*–\s]+/, '');
  t = t.replace(/^(?:and|or|but|with|while|then|also|which|of which|including|namely)\s+/i, '');
  t = t.replace(/\s+(?:is|was|are|were|reached|totall?ed|stood at|amounted to|numbered|of|at|to|by|in|for|with|about|approximately|nearly|over|around|a total of|totalling|totaling|:)$/i, '');
  t = t.replace(/\s+(?:is|was|are|were|reached|of|at)$/i, '');
  t = t.replace(/^(?:the|a|an)\s+/i, '');
  t = t.replace(/^(?:total )?number of\s+/i, '');
  t = t.replace(/[\s,:;.]+$/, '').trim();
  // a long clause: keep what follows its last `and`/`that` (`… agreed that field visits will be made`)
  if (t.split(' ').length > 8) {
    const cut = Math.max(t.lastIndexOf(' and '), t.lastIndexOf(' that '));
    if (cut > 0) t = cleanLabel(t.slice(cut + (t.startsWith(' and ', cut) ? 5 : 6)));
  }
  return /^(?:or|and|of|up|to|by|for|with|from|but)$/i.test(t) ? '' : t;
}

/** The phrase after a number that says what an amount or share is for: `was spent on reform`, `for training`. */
function labelAfter(text: string, pos: number): string {
  let i = pos;
  const limit = Math.min(text.length, pos + 80);
  while (i < limit && !/[,;.()\n:]/.test(text[i]!)) {
    if (text.startsWith(' and ', i) || text.startsWith(' while ', i)) break;
    i++;
  }
  let t = text.slice(pos, i).trim();
  t = t.replace(/^(?:was|were|is|are|has been|have been|had been)\s+/i, '');
  t = t.replace(/^(?:to|for|on|of)\s+(?:the\s+)?/i, '');
  return t.length >= 3 && !/[0-9]/.test(t) ? t : '';
}

/** The label written before a number: `Label: 36` → `Label`; else the clause before (`the budget was`). */
function labelBefore(text: string, pos: number, markers: { start: number; end: number }[]): { label: string; colon: boolean } {
  let i = pos;
  while (i > 0 && text[i - 1] === ' ') i--;
  if (text[i - 1] === ':') {
    const cEnd = i - 1;
    return { label: cleanLabel(text.slice(clauseStart(text, cEnd, markers), cEnd)), colon: true };
  }
  return { label: cleanLabel(text.slice(clauseStart(text, pos, markers), pos)), colon: false };
}

/** `Replaced` + `documents` → `documents replaced`; a colon label naming the counted noun stays as it is. */
function combineLabel(colonLabel: string, np: string, head: string): string {
  if (colonLabel.toLowerCase().includes(head.replace(/s$/, ''))) return colonLabel;
  return `${np} ${colonLabel.charAt(0).toLowerCase()}${colonLabel.slice(1)}`;
}

export function extractMetrics(ctx: ExtractContext): MetricCandidate[] {
  const { text, mask } = ctx;
  /** start of the line holding `pos`, looking back at most `max` characters (bounded: no quadratic scans) */
  const lineStart = (pos: number, max: number): number => {
    const w0 = Math.max(0, pos - max);
    return w0 + text.slice(w0, pos).lastIndexOf('\n') + 1;
  };
  const markers: Marker[] = [];
  {
    const atSentenceStart = (s: number): boolean => {
      let i = s;
      while (i > 0 && text[i - 1] === ' ') i--;
      return i === 0 || /[.\n;]/.test(text[i - 1]!);
    };
    const re = new RegExp(BREAKDOWN.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const s = m.index;
      const e = s + m[0].length;
      if (isLetter(text[s - 1]) || isLetter(text[e])) continue;
      markers.push({ start: s, end: e, lead: (text[s] === 'O' || text[s] === 'A') && atSentenceStart(s) });
    }
    const byStart = new Map(markers.map((x, i) => [x.start, i]));
    const lr = new RegExp(BREAKDOWN_LEAD.source, 'g');
    while ((m = lr.exec(text))) {
      if (!atSentenceStart(m.index)) continue;
      const words = m[1]!.trim().split(' ');
      const mk: Marker = { start: m.index, end: m.index + m[0].length, lead: true };
      if (words[0]) mk.head = words[words.length - 1]!;
      const dup = byStart.get(mk.start);
      if (dup !== undefined) markers[dup] = mk;
      else markers.push(mk);
    }
    markers.sort((a, b) => a.start - b.start);
  }

  const tokens: (NumberToken & { freqWord?: { per: string; end: number } })[] = [
    ...digitTokens(text, 0, text.length),
    ...wordTokens(text, 0, text.length),
  ];
  {
    const re = new RegExp(FREQ_WORD.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (isLetter(text[m.index - 1]) || isLetter(text[m.index + m[0].length])) continue;
      tokens.push({
        start: m.index,
        end: m.index + m[1]!.length,
        value: FREQUENCY_WORDS[m[1]!.toLowerCase()]!,
        words: true,
        freqWord: { per: m[2]!, end: m.index + m[0].length },
      });
    }
  }
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const tokenAt = new Map<number, NumberToken>();
  for (const t of tokens) if (!tokenAt.has(t.start)) tokenAt.set(t.start, t);

  const drafts: Draft[] = [];
  let consumed = -1;
  let idListEnd = -1;
  for (const tok of tokens) {
    if (tok.start < consumed) continue;
    if (mask.overlaps(tok.start, tok.end)) continue;
    const before = text[tok.start - 1];
    const after = text[tok.end];
    const after2 = text[tok.end + 1];
    // part of a compound: `9001:2015`, `1.2.3`, `06-2023`, `Covid-19`, `/2023`
    if (before === '/' || before === ':' || before === '#' || (before === '-' && /[A-Za-z0-9]/.test(text[tok.start - 2] ?? '')) || (before === '.' && isDigit(text[tok.start - 2]))) continue;
    if ((after === ':' || after === '-' || after === '.') && isDigit(after2)) continue;
    // ordinals: `2nd`, `3rd`, `10th`
    // phone numbers: `0255 3822 669`, `0239.3855.123`
    if (!tok.words && /^0[0-9]{2,4}[ .][0-9]{3}/.test(text.slice(tok.start, tok.start + 12))) {
      consumed = tok.start + /^[0-9][0-9 .]*[0-9]/.exec(text.slice(tok.start, tok.start + 24))![0].length;
      continue;
    }
    if (!tok.words && /^(st|nd|rd|th)\b/.test(text.slice(tok.end, tok.end + 3))) {
      // a rank: `ranking 5th of 13 provinces`, `12th out of 63`
      const rk = RANK_AFTER;
      rk.lastIndex = tok.end;
      const km = rk.exec(text);
      const den = km ? Number(km[1]!.replace(/,/g, '')) : NaN;
      if (km && !isDigit(text[rk.lastIndex]) && !/^[/.:-][0-9]/.test(text.slice(rk.lastIndex, rk.lastIndex + 2)) && den >= tok.value && !mask.overlaps(tok.start, rk.lastIndex)) {
        const np = nounPhraseAfter(text, rk.lastIndex - km[1]!.length, rk.lastIndex);
        const end = rk.lastIndex;
        drafts.push({
          m: { kind: 'rank', value: tok.value, denominator: den, label: np ? `rank among ${np.text}` : 'rank', text: text.slice(tok.start, end), span: { start: tok.start, end }, rule: 'en.metric.rank' },
          hasNp: false,
        });
        consumed = np ? np.end : end;
      } else if (/^(?:rank|ranks|ranking|ranked|placed|came|stood)$/.test(wordBefore(text, tok.start))) {
        // `ranking 18th nationwide`: a rank without a denominator
        const end = tok.end + 2;
        drafts.push({
          m: { kind: 'rank', value: tok.value, label: 'rank', text: text.slice(tok.start, end), span: { start: tok.start, end }, rule: 'en.metric.rank' },
          hasNp: false,
        });
        consumed = end;
      }
      continue;
    }
    // identifiers: `No. 01, 02, 03`, `level 4`, `Article 5`, `ISO 9001` (frequency words are never identifiers)
    const wb = tok.freqWord ? '' : wordBefore(text, tok.start);
    // `the provincial level has 1,326 positions and the district level 819 positions`: a tier, not `level 4`
    const tier = (wb === 'level' || wb === 'levels') && /(?:provincial|district|commune|communal|central|ministerial|grassroots|national) levels? *$/i.test(text.slice(Math.max(0, tok.start - 24), tok.start)) && nounPhraseAfter(text, tok.start, tok.end) !== undefined;
    if (!tier && (NOT_METRIC_BEFORE.has(wb) || NOT_METRIC_BEFORE.has(wb.replace(/\.$/, '')))) {
      idListEnd = tok.end;
      continue;
    }
    if (idListEnd >= 0 && /^(?:, ?| and | & | ?- ?)$/.test(text.slice(idListEnd, tok.start))) {
      idListEnd = tok.end;
      continue;
    }

    let end = tok.end;
    const label = (s: string): string => cleanLabel(s);

    // frequency words: `once a quarter`
    if (tok.freqWord) {
      const cl = labelBefore(text, tok.start, markers).label;
      drafts.push({
        m: {
          kind: 'frequency', value: tok.value, unit: `times per ${tok.freqWord.per}`, per: tok.freqWord.per,
          label: cl || `times per ${tok.freqWord.per}`, text: text.slice(tok.start, tok.freqWord.end),
          span: { start: tok.start, end: tok.freqWord.end }, rule: 'en.metric.frequency-word',
        },
        hasNp: false,
      });
      consumed = tok.freqWord.end;
      continue;
    }

    // percent
    const pre = PERCENT_AFTER;
    pre.lastIndex = tok.end;
    if (pre.exec(text) && !isLetter(text[pre.lastIndex])) {
      end = pre.lastIndex;
      let lab = '';
      let np: NounPhrase | undefined;
      if (text.startsWith(' of ', end)) {
        const det = /^ of (?:the |all |a |an |its |their )?/.exec(text.slice(end, end + 12))![0].length - 1;
        np = nounPhraseAfter(text, end + det, end + det);
      } else np = nounPhraseAfter(text, tok.start, end);
      if (np) lab = np.text + (np.participle ? ` ${np.participle}` : '');
      const lb = labelBefore(text, tok.start, markers);
      if (lb.colon && lb.label) lab = lab ? combineLabel(lb.label, lab, np!.head) : lb.label;
      if (!lab) lab = lb.label;
      // `8,356 dossiers, or 99.3%`: the share of what was just counted
      const prev = drafts[drafts.length - 1];
      if (!lab && prev && /^,? or $/.test(text.slice(prev.m.span.end, tok.start))) lab = `share of ${prev.m.label}`;
      if (!lab) lab = labelAfter(text, end);
      if (!lab) lab = 'percentage';
      drafts.push({
        m: { kind: 'percent', value: tok.value, unit: '%', label: lab, text: text.slice(tok.start, end), span: { start: tok.start, end }, rule: 'en.metric.percent' },
        hasNp: np !== undefined,
      });
      consumed = end;
      continue;
    }
    // a decimal comma is only trusted before `%`
    if (tok.format === 'decimal-comma') continue;

    // money: `VND 1.25 billion`, `1,250 million dong`, `$2 million`
    {
      let start = tok.start;
      let currency: string | undefined;
      const head = text.slice(Math.max(0, tok.start - 5), tok.start);
      const mb = MONEY_BEFORE;
      mb.lastIndex = 0;
      let bm: RegExpExecArray | null;
      let lastBm: RegExpExecArray | undefined;
      while ((bm = mb.exec(head))) lastBm = bm;
      if (lastBm && lastBm.index + lastBm[0].length === head.length) {
        start = tok.start - head.length + lastBm.index;
        currency = currencyOf(lastBm[0]);
      }
      const ma = MONEY_AFTER;
      ma.lastIndex = tok.end;
      const am = ma.exec(text);
      let mult = 1;
      let e = tok.end;
      if (am && am[0].length > 0 && !isLetter(text[ma.lastIndex])) {
        if (am[2]) currency = currencyOf(am[2]);
        if (am[1] && currency) mult = MULT[am[1]]!;
        if (currency) e = ma.lastIndex;
      }
      // `USD 2.4m`, `VND 58bn`, `USD 350k`: a scale letter glued to the number
      const glued = currency && e === tok.end ? /^(m|mn|bn|b|k)(?:$|[^A-Za-z0-9])/.exec(text.slice(tok.end, tok.end + 3)) : null;
      if (glued) {
        mult = { m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, k: 1e3 }[glued[1]!]!;
        e = tok.end + glued[1]!.length;
      }
      if (currency) {
        const value = Math.round(tok.value * mult * 100) / 100;
        const lb = labelBefore(text, start, markers);
        const purpose = /^ (?:for|on|to|was|were|is|are|has been|have been|had been) /.test(text.slice(e, e + 14)) ? labelAfter(text, e) : '';
        let lab = lb.colon ? lb.label : '';
        if (!lab && purpose) lab = purpose;
        if (!lab && !/[0-9]/.test(lb.label.replace(/(^|[^0-9])(19|20)[0-9]{2}([^0-9]|$)/g, '$1$3')) && !/ and$/.test(lb.label)) lab = lb.label;
        if (!lab) lab = labelAfter(text, e) || 'amount';
        drafts.push({
          m: { kind: 'money', value, unit: currency, label: lab, text: text.slice(start, e), span: { start, end: e }, rule: 'en.metric.money' },
          hasNp: false,
        });
        consumed = e;
        continue;
      }
    }

    // frequency: `01 time/quarter`, `three times a year`
    {
      const fr = FREQ_AFTER;
      fr.lastIndex = tok.end;
      const fm = fr.exec(text);
      if (fm && !isLetter(text[fr.lastIndex])) {
        end = fr.lastIndex;
        const lab = labelBefore(text, tok.start, markers).label || `times per ${fm[1]}`;
        drafts.push({
          m: { kind: 'frequency', value: tok.value, unit: `times per ${fm[1]}`, per: fm[1]!, label: lab, text: text.slice(tok.start, end), span: { start: tok.start, end }, rule: 'en.metric.frequency' },
          hasNp: false,
        });
        consumed = end;
        continue;
      }
      const fn = FREQ_NOUN_AFTER;
      fn.lastIndex = tok.end;
      const nm = fn.exec(text);
      const noun = nm ? nm[1]! : '';
      if (nm && !isLetter(text[fn.lastIndex]) && !noun.split(' ').some((w) => FREQ_NOUN_STOP.has(w) || DURATION_UNITS.has(w) || (PERIOD_WORDS as string[]).includes(w.replace(/s$/, '')))) {
        end = fn.lastIndex;
        drafts.push({
          m: { kind: 'frequency', value: tok.value, unit: `${noun} per ${nm[2]}`, per: nm[2]!, label: noun, text: text.slice(tok.start, end), span: { start: tok.start, end }, rule: 'en.metric.frequency-noun' },
          hasNp: false,
        });
        consumed = end;
        continue;
      }
    }

    // physical measures: `41,250 ha`, `14.5 km of canals`, `6.8 tonnes/ha`
    {
      const me = MEASURE_AFTER;
      me.lastIndex = tok.end;
      const mm = me.exec(text);
      if (mm && !isLetter(text[me.lastIndex]) && !isDigit(text[me.lastIndex])) {
        end = me.lastIndex;
        const unit = text.slice(tok.start, end).slice(text.slice(tok.start, end).indexOf(mm[1]!));
        let lab = '';
        if (text.startsWith(' of ', end)) {
          const np = nounPhraseAfter(text, end + 3, end + 3);
          if (np) lab = np.text;
        }
        if (!lab) lab = labelBefore(text, tok.start, markers).label || unit;
        drafts.push({
          m: { kind: 'quantity', value: tok.value, unit, label: lab, text: text.slice(tok.start, end), span: { start: tok.start, end }, rule: 'en.metric.measure' },
          hasNp: false,
        });
        consumed = end;
        continue;
      }
    }

    // x of y: `28 of 29 tasks`, `28/29 tasks`, `3 out of the 22 documents`, `8 of its 20 communes`,
    // `eighteen of the 20 communes` (a number word only with `of`)
    {
      const rr = RATIO_AFTER;
      rr.lastIndex = tok.end;
      const rm = rr.exec(text);
      if (rm && !(tok.words && !rm[0].includes('of')) && !isDigit(text[rr.lastIndex]) && !/^[/.:-][0-9]/.test(text.slice(rr.lastIndex, rr.lastIndex + 2))) {
        const den = Number(rm[1]!.replace(/,/g, ''));
        const np = nounPhraseAfter(text, rr.lastIndex - rm[1]!.length, rr.lastIndex);
        if (np && den >= tok.value && !mask.overlaps(tok.start, rr.lastIndex)) {
          end = np.end;
          drafts.push({
            m: { kind: 'ratio', value: tok.value, denominator: den, unit: np.text, label: np.text + (np.participle ? ` ${np.participle}` : ''), text: text.slice(tok.start, end), span: { start: tok.start, end }, rule: 'en.metric.ratio' },
            head: np.head,
            hasNp: true,
          });
          consumed = end;
          continue;
        }
      }
      // `Five out of seven mountainous districts`
      const rw = RATIO_WORD_AFTER;
      rw.lastIndex = tok.end;
      const wm = rw.exec(text);
      const dt = wm ? tokenAt.get(rw.lastIndex) : undefined;
      if (wm && dt && dt.words && dt.value >= tok.value && !mask.overlaps(tok.start, dt.end)) {
        const np = nounPhraseAfter(text, dt.start, dt.end);
        if (np) {
          drafts.push({
            m: { kind: 'ratio', value: tok.value, denominator: dt.value, unit: np.text, label: np.text + (np.participle ? ` ${np.participle}` : ''), text: text.slice(tok.start, np.end), span: { start: tok.start, end: np.end }, rule: 'en.metric.ratio' },
            head: np.head,
            hasNp: true,
          });
          consumed = np.end;
          continue;
        }
      }
      if (!tok.words && after === '/' && isDigit(after2)) continue; // a bare `3/4` is not a count
    }

    // counts: number + noun phrase, or `Label: number`
    // `14 more communes`, `3 additional staff`: the counted noun after `more`
    const more = /^ (?:more|additional|further) /.exec(text.slice(tok.end, tok.end + 13));
    // `1.09 million people`: a scale word between the number and what it counts
    const scale = !tok.words && !more ? /^ (thousand|million|billion) [a-z]/.exec(text.slice(tok.end, tok.end + 12)) : null;
    const np = nounPhraseAfter(text, tok.start, more ? tok.end + more[0].length - 1 : scale ? tok.end + 1 + scale[1]!.length : tok.end);
    let scaled = scale && np ? Math.round(tok.value * MULT[scale[1]!]! * 100) / 100 : tok.value;
    // `1.245 households` in a literal translation: a count of things cannot be fractional, the dot is Vietnamese
    if (np && !scale && tok.format === 'decimal-dot' && /^[0-9]{1,3}\.[0-9]{3}$/.test(text.slice(tok.start, tok.end)) && /[a-z]s$/.test(np.head) && !DURATION_UNITS.has(np.head) && !/points?$/.test(np.head)) {
      scaled = Number(text.slice(tok.start, tok.end).replace('.', ''));
    }
    // `up from 1.1 million in 2022`: a scaled figure without a noun counts what the count before it counted
    if (!np && !tok.words && /^ (?:thousand|million|billion)(?:$|[^A-Za-z])/.test(text.slice(tok.end, tok.end + 10))) {
      const sw = /^ (thousand|million|billion)/.exec(text.slice(tok.end, tok.end + 10))!;
      const prev = drafts[drafts.length - 1];
      if (prev && prev.m.kind === 'count' && prev.m.unit && tok.start - prev.m.span.end <= 60 && !/[.;\n]/.test(text.slice(prev.m.span.end, tok.start))) {
        const e = tok.end + sw[0].length;
        drafts.push({
          m: { kind: 'count', value: Math.round(tok.value * MULT[sw[1]!]! * 100) / 100, unit: prev.m.unit, label: prev.m.label, text: text.slice(tok.start, e), span: { start: tok.start, end: e }, rule: 'en.metric.count' },
          hasNp: false,
        });
        consumed = e;
        continue;
      }
    }
    // `used 845,000 times.`: a count of times (not `3 times higher`, not a frequency)
    if (!np && !tok.words && text.startsWith(' times', tok.end) && /^[.,;)\n]/.test(text[tok.end + 6] ?? '.')) {
      const e = tok.end + 6;
      drafts.push({ m: { kind: 'count', value: tok.value, unit: 'times', label: 'times', text: text.slice(tok.start, e), span: { start: tok.start, end: e }, rule: 'en.metric.count' }, head: 'times', hasNp: true });
      consumed = e;
      continue;
    }
    const cs = clauseStart(text, tok.start, markers);
    const lead = text.slice(cs, tok.start);
    const colon = /:\s*$/.test(text.slice(Math.max(0, tok.start - 3), tok.start));
    let colonLabel: string | undefined;
    if (colon) {
      // the label is the clause before the colon
      const cEnd = tok.start - (text.slice(0, tok.start).length - text.slice(0, tok.start).trimEnd().length) - 1;
      const cStart = clauseStart(text, cEnd, markers);
      colonLabel = label(text.slice(cStart, cEnd)) || undefined;
    }
    if (np) {
      // thresholds are not measurements: `at least one course`, `scored above 90 points`; nor is a bound that defines a
      // group (`cars with more than 9 seats`)
      if (/(?:\bat (?:least|most)|\babove|\bbelow|\bwith (?:more|fewer|less) than|\bwith (?:over|under))\s*$/.test(text.slice(Math.max(0, tok.start - 20), tok.start))) continue;
      if (tok.words && tok.value === 1 && /^one$/i.test(text.slice(tok.start, tok.end)) && /^the /i.test(text.slice(Math.max(0, tok.start - 4), tok.start))) continue;
      let kind: MetricCandidate['kind'] = /percentage points?$/.test(np.text) ? 'quantity' : /^points?$/.test(np.head) ? 'score' : DURATION_UNITS.has(np.head) ? 'quantity' : 'count';
      let unit = np.text;
      let npEnd = np.end;
      const de = DENSITY_AFTER;
      de.lastIndex = np.end;
      const dm = kind === 'count' ? de.exec(text) : null;
      if (dm && !isLetter(text[de.lastIndex])) {
        kind = 'quantity';
        npEnd = de.lastIndex;
        unit = text.slice(np.start, npEnd);
      }
      const base = unit + (np.participle && npEnd === np.end ? ` ${np.participle}` : '');
      const d: Draft = {
        m: { kind, value: scaled, unit, label: colonLabel ? combineLabel(colonLabel, np.text, np.head) : base, text: text.slice(tok.start, npEnd), span: { start: tok.start, end: npEnd }, rule: colonLabel ? 'en.metric.label-value' : 'en.metric.count' },
        head: np.head,
        hasNp: true,
      };
      if (np.participle) d.participle = np.participle;
      if (colonLabel) d.colonLabel = colonLabel;
      drafts.push(d);
      consumed = npEnd;
      continue;
    }
    if (tok.words && !colonLabel) continue; // a number word needs something it counts
    // `… were replaced` after a number in a breakdown
    const pr = PARTICIPLE_AFTER;
    pr.lastIndex = tok.end;
    const pm = pr.exec(text);
    const predicate = /(?:\b(?:is|was|are|were|reached|totall?ed|stood at|amounted to|numbered|a total of|totalling|totaling|total to|number to)\s*|:\s*)$/.test(lead);
    let lab: string | undefined;
    if (colonLabel) lab = colonLabel;
    else if (pm) lab = pm[1]!;
    else if (predicate) lab = label(lead) || undefined;
    // a bare part right after a breakdown marker: `of which 2,915 online`, `4,702 on time and 29 late`
    if (!lab && !tok.words) {
      let k = markers.length - 1;
      while (k >= 0 && markers[k]!.end > tok.start) k--;
      const mk = k >= 0 ? markers[k] : undefined;
      if (mk && tok.start - mk.end < 160 && !/[.\n;]/.test(text.slice(mk.end, tok.start))) {
        const rest = /^[^,;.()\n:]{0,60}/.exec(text.slice(tok.end))![0].split(/ (?:and|while) /)[0]!.trim();
        lab = rest.length >= 3 && !/[0-9]/.test(rest) ? rest : undefined;
      }
    }
    // an elliptic count after a count in the same clause: `5 documents were amended and 2 for annulment`,
    // `9 were settled late and 4 are being processed`, `2,468 dossiers (1,902 online, …)`
    let inherit: string | undefined;
    if (!lab && !tok.words) {
      const prev = drafts[drafts.length - 1];
      const gap = prev && tok.start - prev.m.span.end <= 80 ? text.slice(prev.m.span.end, tok.start) : '\n';
      if (prev && prev.m.kind === 'count' && gap.length <= 80 && (gap === ' (' || (!/[.;\n()0-9]/.test(gap) && /(?:,| and| or) $/.test(gap))) && /^ [a-z]/.test(text.slice(tok.end, tok.end + 2))) {
        const rest = /^[^,;.()\n:]{0,60}/.exec(text.slice(tok.end))![0].split(/ (?:and|while) /)[0]!.trim();
        if (!/[0-9]/.test(rest)) {
          lab = rest.length >= 3 ? rest : prev.m.unit;
          inherit = prev.m.unit;
        }
      }
      // `killing 142 people and injuring 97`, `received 120 petitions and resolved 110`: a verb in -ing or -ed before a bare figure after a count counts the same noun
      const ving = prev && prev.m.kind === 'count' && prev.m.unit && gap.length <= 30 ? /^(?:,| and|, and) ([a-z]{3,20}(?:ing|ed)) $/.exec(gap) : null;
      if (!lab && ving && /^(?:[,.;)]|$)/.test(text.slice(tok.end, tok.end + 1))) {
        lab = `${prev!.m.unit} ${ving[1]}`;
        inherit = prev!.m.unit;
      }
    }
    // a table cell holding only a figure: `| Farmers trained | 2,000 | 1,250 (62.5%) |` → labelled by the row's first cell
    if (!lab && !tok.words && /\|[ ]*$/.test(text.slice(Math.max(0, tok.start - 4), tok.start)) && /^[ ]*(?:\||\(|\n|$)/.test(text.slice(tok.end, tok.end + 3))) {
      const ls = lineStart(tok.start, 200);
      const row = /^[ ]*\|([^|\n]{1,80})\|/.exec(text.slice(ls, tok.start));
      const first = row ? row[1]!.trim() : '';
      if (first && !/[0-9]/.test(first) && ls + row![0].length <= tok.start) lab = first;
    }
    // a difference: `498 schools …, 17 more than in 2023`
    if (!lab && !tok.words && /^ (?:more|fewer|less) than /.test(text.slice(tok.end, tok.end + 12))) lab = /^[^,;.()\n]{0,60}/.exec(text.slice(tok.end))![0].trim();
    // a figure whose share follows it: `have settled 38 (92.7%)`
    if (!lab && !tok.words && /^ \([0-9][0-9.,]* ?%/.test(text.slice(tok.end, tok.end + 12))) lab = label(lead) || 'count';
    // `186 commune officials (74 of them women)`: a part of the count just before
    let partOf: number | undefined;
    if (!tok.words) {
      const ofThem = /^ of (?:them|these|those|whom) ([a-z][a-z -]{1,40})/.exec(text.slice(tok.end, tok.end + 60));
      const prev = drafts[drafts.length - 1];
      if (ofThem && prev && prev.m.kind === 'count' && prev.m.value >= tok.value && tok.start - prev.m.span.end <= 120 && !/[.;\n]/.test(text.slice(prev.m.span.end, tok.start))) {
        lab = lab || ofThem[1]!.split(/ (?:and|were|are|was|is)\b/)[0]!.trim();
        partOf = drafts.length - 1;
      }
    }
    if (!lab) continue;
    const d: Draft = {
      m: { kind: 'count', value: tok.value, label: lab, text: text.slice(tok.start, tok.end), span: { start: tok.start, end: tok.end }, rule: colonLabel ? 'en.metric.label-value' : 'en.metric.count-predicate' },
      hasNp: false,
    };
    if (pm) d.participle = pm[1]!;
    if (colonLabel) d.colonLabel = colonLabel;
    if (inherit !== undefined) d.m.unit = inherit;
    // `245 labourers (female: 131)`: a labelled part in brackets right after its total
    if (partOf === undefined && colonLabel) {
      const prev = drafts[drafts.length - 1];
      const w0 = Math.max(0, tok.start - 48);
      const rel = text.slice(w0, tok.start).lastIndexOf('(');
      const open = rel < 0 ? -1 : w0 + rel;
      if (prev && prev.m.kind === 'count' && prev.m.value >= tok.value && open >= 0 && open - prev.m.span.end <= 1 && open >= prev.m.span.end && /^\([^()\n:]{1,40}: *$/.test(text.slice(open, tok.start))) {
        partOf = drafts.length - 1;
        if (prev.m.unit) d.m.unit = prev.m.unit;
      }
    }
    if (partOf !== undefined) d.m.parentIndex = partOf;
    drafts.push(d);
    consumed = tok.end;
  }

  // breakdowns: `TOTAL, of which PART; PART`, `(of which PART)`, `including PART and PART`, `namely …`
  const sentenceEnd = (from: number): number => {
    const limit = Math.min(text.length, from + 600);
    for (let i = from; i < limit; i++) {
      const c = text[i]!;
      if (c === '\n') return i;
      if (c === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1]!)) && !/(No|Nos)$/.test(text.slice(i - 3, i))) return i;
    }
    return limit;
  };
  /** start of the sentence holding `from`, looking back no further than `floor` */
  const sentenceStart = (from: number, floor: number): number => {
    for (let i = from - 1; i >= Math.max(0, floor); i--) {
      const c = text[i]!;
      if (c === '\n') return i + 1;
      if (c === '.' && /\s/.test(text[i + 1] ?? ' ') && !/(No|Nos)$/.test(text.slice(i - 3, i))) return i + 1;
    }
    return Math.max(0, floor);
  };
  // drafts are in text order; `before` walks forward with the markers (linear overall)
  let before = -1;
  for (let mi = 0; mi < markers.length; mi++) {
    const mk = markers[mi]!;
    while (before + 1 < drafts.length && drafts[before + 1]!.m.span.end <= mk.start) before++;
    if (before < 0) continue;
    if (!mk.lead && /^of (?:them|these|those)/.test(text.slice(mk.start, mk.end)) && drafts[before]!.m.span.end >= mk.start - 1) continue;
    const inParen = text.slice(Math.max(0, mk.start - 2), mk.start).includes('(');
    const closeAt = inParen ? text.indexOf(')', mk.end) : -1;
    let scopeEnd = closeAt >= 0 ? Math.min(closeAt, sentenceEnd(mk.end)) : sentenceEnd(mk.end);
    // `Of which:` closing its line: the parts are the list lines after it (`- Domestic revenue: VND 12,430 billion`)
    let bullets = false;
    if (/^:?[ ]*\n/.test(text.slice(mk.end, mk.end + 4))) {
      let at = text.indexOf('\n', mk.end) + 1;
      for (let n = 0; n < 40 && at > 0 && at < text.length && BULLET_LINE.test(text.slice(at, at + 6)); n++) {
        const nl = text.indexOf('\n', at);
        scopeEnd = nl < 0 ? text.length : nl;
        bullets = true;
        if (nl < 0) break;
        at = nl + 1;
      }
    }
    // a second marker starts a new breakdown; without a colon the parts end with the clause (`;`)
    const next = markers[mi + 1];
    if (!bullets && next && next.start < scopeEnd) {
      let lastBefore = -1;
      for (let i = before + 1; i < drafts.length && drafts[i]!.m.span.end <= next.start; i++) lastBefore = i;
      scopeEnd = lastBefore >= 0 ? Math.min(scopeEnd, drafts[lastBefore]!.m.span.start) : Math.min(scopeEnd, next.start);
    }
    if (!bullets && !/:\s*$/.test(text.slice(mk.start, mk.end + 2))) {
      const semi = text.indexOf(';', mk.end);
      if (semi >= 0 && semi < scopeEnd) scopeEnd = semi;
    }
    // the total: the nearest figure before the marker in the same sentence with the kind of the first part
    const floor = drafts[Math.max(0, before - 8)]!.m.span.start;
    const own = sentenceStart(mk.start, floor);
    // `Of these, …` / `Of the settled cases, …` open a sentence: the total stands in the sentence before
    const sStart = mk.lead && own > floor ? sentenceStart(own - 1, floor) : own;
    let firstPart = before + 1;
    while (firstPart < drafts.length && drafts[firstPart]!.m.span.start < mk.end) firstPart++;
    const partKind = firstPart < drafts.length && drafts[firstPart]!.m.span.start < scopeEnd ? drafts[firstPart]!.m.kind : drafts[before]!.m.kind;
    // a total counting the noun the breakdown names (`Of the settled cases` → `147 cases`; `412 turns` → `2,317 turns
    // of citizens`) wins over a nearer figure; else the nearest figure of the part's kind
    const sing = (w: string | undefined): string => (w ?? '').toLowerCase().replace(/s$/, '');
    const fp = firstPart < drafts.length && drafts[firstPart]!.m.span.start < scopeEnd ? drafts[firstPart]! : undefined;
    const want = mk.head ?? (fp?.hasNp ? fp.head : undefined);
    const headOf = (d: Draft): string | undefined => (d.hasNp ? d.head : undefined);
    const window = mk.lead ? 8 : 5;
    let totalIdx = -1;
    let sameHead = -1;
    for (let k = before; k >= 0 && before - k <= window && drafts[k]!.m.span.start >= sStart; k--) {
      if (drafts[k]!.m.kind !== partKind) continue;
      // money parts are in the total's currency (`USD 615,000 (about VND 15.6 billion), of which … USD 120,000`)
      if (partKind === 'money' && fp && drafts[k]!.m.unit !== fp.m.unit) continue;
      if (totalIdx < 0 && !(mk.lead && mk.head)) totalIdx = k;
      const h = headOf(drafts[k]!);
      if (want && sing(h) === sing(want) && (drafts[k]!.m.span.start >= own || mk.lead)) {
        sameHead = k;
        break;
      }
      if (!want) break;
    }
    if (sameHead >= 0) totalIdx = sameHead;
    if (totalIdx < 0) continue;
    const total = drafts[totalIdx]!;
    if (total.m.kind !== 'count' && total.m.kind !== 'money' && total.m.kind !== 'percent' && total.m.kind !== 'quantity') continue;
    // measures break down in the total's unit (`1,248 km of roads, including 512 km of provincial roads`)
    const measureOf = (d: Draft): string => (d.m.unit ?? '').split(' ')[0]!.toLowerCase();
    let lastPartEnd = mk.end;
    let lastLine = -1;
    for (let i = totalIdx + 1; i < drafts.length; i++) {
      const part = drafts[i]!;
      if (part.m.span.start < mk.end) continue;
      if (part.m.span.start >= scopeEnd) break;
      if (part.m.parentIndex !== undefined) continue;
      if (part.m.kind !== total.m.kind) continue;
      if (part.m.value > total.m.value) continue;
      if (total.m.kind === 'quantity' && (part.m.rule !== 'en.metric.measure' || total.m.rule !== 'en.metric.measure' || measureOf(part) !== measureOf(total))) continue;
      if (bullets) {
        // one part per list line: its first figure of the total's kind (a nested `of which` has its own parts)
        const line = lineStart(part.m.span.start, 400);
        if (line === lastLine) continue;
        lastLine = line;
        part.m.parentIndex = totalIdx;
        continue;
      }
      if (part.hasNp && total.hasNp && part.head!.replace(/s$/, '') !== total.head!.replace(/s$/, '')) {
        // another noun is still a part when it is listed right after the marker or after another part
        // (`1,250 farmers, including 640 women and 212 ethnic Khmer farmers`, `namely 7 departments and 5 …`)
        const gap = text.slice(lastPartEnd, part.m.span.start);
        if (part.m.kind !== 'count' || !(/^[\s:,]*$/.test(gap) || (gap.length <= 40 && !/[0-9.;()]/.test(gap) && /(?:,| and) $/.test(gap)))) continue;
      }
      part.m.parentIndex = totalIdx;
      lastPartEnd = part.m.span.end;
      if (!part.hasNp && total.m.unit !== undefined && part.m.kind === 'count') {
        part.m.unit = total.m.unit;
        if (part.participle && !part.colonLabel) part.m.label = `${total.m.unit} ${part.participle}`;
      }
    }
  }
  // `Of 14 projects under Decision …, 11 were completed`: a sentence opening with `Of TOTAL …,` names the total of the
  // first figure after its comma
  for (let i = 0; i + 1 < drafts.length; i++) {
    const total = drafts[i]!;
    const s0 = total.m.span.start;
    if (s0 < 3 || text.slice(s0 - 3, s0) !== 'Of ') continue;
    let j = s0 - 4;
    while (j >= 0 && text[j] === ' ') j--;
    if (j >= 0 && !/[.\n;]/.test(text[j]!)) continue;
    // the comma closing the opening phrase (a masked citation in it may hold `.` and `,`)
    let at = -1;
    for (let k = total.m.span.end; k < Math.min(text.length, total.m.span.end + 200); k++) {
      const c = text[k]!;
      if (mask.overlaps(k, k + 1)) continue;
      if (c === ',') { at = k + 1; break; }
      if (c === ';' || c === '\n' || (c === '.' && /\s/.test(text[k + 1] ?? ' '))) break;
    }
    if (at < 0) continue;
    const part = drafts[i + 1]!;
    if (part.m.span.start < at || !/^ *$/.test(text.slice(at, part.m.span.start))) continue;
    if (part.m.parentIndex !== undefined || part.m.kind !== total.m.kind || part.m.value > total.m.value || total.m.kind !== 'count') continue;
    part.m.parentIndex = i;
    if (!part.hasNp && total.m.unit !== undefined) part.m.unit = total.m.unit;
  }
  // `14,260 people (8,120 women)`: a single count in brackets right after a larger count is its part
  for (let i = 0; i + 1 < drafts.length; i++) {
    const total = drafts[i]!;
    const part = drafts[i + 1]!;
    if (total.m.kind !== 'count' || part.m.kind !== 'count' || part.m.parentIndex !== undefined || !part.hasNp) continue;
    if (text.slice(total.m.span.end, part.m.span.start) !== ' (' || text[part.m.span.end] !== ')') continue;
    if (part.m.value >= total.m.value) continue;
    part.m.parentIndex = i;
  }
  return drafts.map((d) => d.m);
}
