/**
 * English dates: `2 November 2023`, `November 2, 2023`, `2nd November 2023`, `02/11/2023` (day-first unless the
 * document shows otherwise; the reading is recorded in `resolvedFrom`), `November 2023`, `(26 April)`,
 * `Q1 2023`, `the first half of 2023`, `the first nine months of 2023`, `2023-2025`, `from 2023 to 2025`,
 * `from 1 January 2023 to 31 December 2023`, bare years (`in 2023`).
 * Rules are data: each has an id, a pattern, examples, and a production building the value.
 */
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import type { DateCandidate, DateResult, ExtractContext, FindingCandidate } from '../context.js';
import { pattern } from '../../util/pattern.js';
import { MONTH_SOURCE, MONTHS } from './lexicon.js';

const pad = (n: number): string => String(n).padStart(2, '0');
const DAY = '([0-3]?[0-9])(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)[0-9]{2})';
const MON = `(${MONTH_SOURCE})\\.?`;

interface Raw {
  start: number;
  end: number;
  value: string;
  precision: DateCandidate['precision'];
  end_?: string;
  label?: string;
  resolvedFrom?: string;
  rule: string;
  /** higher wins when two candidates start at the same offset */
  priority: number;
  invalid?: string;
}

interface DateRule {
  id: string;
  re: RegExp;
  examples: string[];
  priority: number;
  build(m: RegExpExecArray, ctx: ExtractContext, env: Env): Omit<Raw, 'start' | 'end' | 'rule' | 'priority'> | undefined;
}

interface Env {
  order: 'day-first' | 'month-first';
}

function monthOf(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function dayValue(y: number, mo: number, d: number): { value: string; invalid?: string } {
  const value = `${y}-${pad(mo)}-${pad(d)}`;
  if (mo < 1 || mo > 12 || d < 1 || d > getDaysInMonth(new Date(y, mo - 1, 1))) return { value, invalid: `no such day: ${d}/${mo}/${y}` };
  return { value };
}

const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, i: 1, ii: 2, iii: 3, iv: 4 };

/** A day-to-day period; an impossible end or start day makes it invalid (reported, never coerced). */
function dayRange(a: { value: string; invalid?: string }, b: { value: string; invalid?: string }, resolvedFrom?: string): Omit<Raw, 'start' | 'end' | 'rule' | 'priority'> {
  const r: Omit<Raw, 'start' | 'end' | 'rule' | 'priority'> = { value: a.value, end_: b.value, precision: 'period', label: 'range' };
  if (resolvedFrom !== undefined) r.resolvedFrom = resolvedFrom;
  const inv = a.invalid ?? b.invalid;
  if (inv) r.invalid = inv;
  return r;
}

function quarter(y: number, q: number): Omit<Raw, 'start' | 'end' | 'rule' | 'priority'> {
  return { value: `${y}-${pad(q * 3 - 2)}`, end_: `${y}-${pad(q * 3)}`, precision: 'period', label: `Q${q}` };
}

export const DATE_RULES: DateRule[] = [
  {
    id: 'en.date.range-days',
    re: pattern('en.date.range-days', `(?:[Ff]rom )?${DAY} ${MON},? ${YEAR} (?:to|until|through|-) ${DAY} ${MON},? ${YEAR}`),
    examples: ['from 1 January 2023 to 31 December 2023', '15 December 2022 - 14 December 2023'],
    priority: 9,
    build: (m) => {
      return dayRange(dayValue(+m[3]!, monthOf(m[2]!), +m[1]!), dayValue(+m[6]!, monthOf(m[5]!), +m[4]!));
    },
  },
  {
    id: 'en.date.range-days-shared-year',
    re: pattern('en.date.range-days-shared-year', `(?:[Ff]rom )?${DAY} ${MON} ?(?:to|until|through|-) ?${DAY} ${MON},? ${YEAR}`),
    examples: ['from 1 January to 30 June 2024', '1 April - 30 June 2024'],
    priority: 9,
    build: (m) => {
      return dayRange(dayValue(+m[5]!, monthOf(m[2]!), +m[1]!), dayValue(+m[5]!, monthOf(m[4]!), +m[3]!));
    },
  },
  {
    id: 'en.date.range-numeric',
    re: pattern('en.date.range-numeric', `(?:[Ff]rom )?([0-3]?[0-9])/([0-3]?[0-9])/${YEAR} ?(?:to|until|-) ?([0-3]?[0-9])/([0-3]?[0-9])/${YEAR}`),
    examples: ['from 15/12/2022 to 14/12/2023', '15/12/2022 - 14/12/2023'],
    priority: 9,
    build: (m, _ctx, env) => {
      let order = env.order;
      if (+m[1]! > 12 || +m[4]! > 12) order = 'day-first';
      else if (+m[2]! > 12 || +m[5]! > 12) order = 'month-first';
      const [d1, m1, d2, m2] = order === 'day-first' ? [+m[1]!, +m[2]!, +m[4]!, +m[5]!] : [+m[2]!, +m[1]!, +m[5]!, +m[4]!];
      return dayRange(dayValue(+m[3]!, m1, d1), dayValue(+m[6]!, m2, d2), order);
    },
  },
  {
    id: 'en.date.day-month-year',
    re: pattern('en.date.day-month-year', `${DAY} (?:of )?${MON},? ${YEAR}`),
    examples: ['2 November 2023', '2nd November 2023', '2nd of November, 2023', '14 Sept. 2020'],
    priority: 8,
    build: (m) => {
      const r = dayValue(+m[3]!, monthOf(m[2]!), +m[1]!);
      return { ...r, precision: 'day' };
    },
  },
  {
    id: 'en.date.month-day-year',
    re: pattern('en.date.month-day-year', `${MON} ${DAY},? ${YEAR}`),
    examples: ['November 2, 2023', 'Nov. 2, 2023', 'March 17th, 2023'],
    priority: 8,
    build: (m) => {
      const r = dayValue(+m[3]!, monthOf(m[1]!), +m[2]!);
      return { ...r, precision: 'day' };
    },
  },
  {
    id: 'en.date.numeric',
    re: pattern('en.date.numeric', `([0-3]?[0-9])([/.-])([0-3]?[0-9])[/.-]${YEAR}`),
    examples: ['02/11/2023', '2/3/2022', '14.9.2020', '25-5-2023'],
    priority: 7,
    build: (m, _ctx, env) => {
      const a = +m[1]!;
      const b = +m[3]!;
      const y = +m[4]!;
      // the document's reading, unless this date can only be read one way
      let order = env.order;
      if (a > 12 && b <= 12) order = 'day-first';
      else if (b > 12 && a <= 12) order = 'month-first';
      const r = order === 'day-first' ? dayValue(y, b, a) : dayValue(y, a, b);
      return { ...r, precision: 'day', resolvedFrom: order };
    },
  },
  {
    id: 'en.date.iso',
    re: pattern('en.date.iso', `${YEAR}-([01][0-9])-([0-3][0-9])`),
    examples: ['2024-03-31', '2023-12-05'],
    priority: 7,
    build: (m) => ({ ...dayValue(+m[1]!, +m[2]!, +m[3]!), precision: 'day' }),
  },
  {
    id: 'en.date.relative-year',
    re: pattern('en.date.relative-year', '(?:[Tt]his|[Ll]ast|[Nn]ext|THIS|LAST|NEXT) (?:year|YEAR)|(?:[Tt]he )?(?:previous|preceding) year'),
    examples: ['last year', 'this year', 'the previous year', 'next year'],
    priority: 2,
    // the report's year: `this year` = the report year, `last year` / `the previous year` = the year before
    build: (m, ctx) => {
      const y = ctx.meta.year;
      if (y === undefined) return undefined;
      const w = m[0].toLowerCase();
      const d = /last|previous|preceding/.test(w) ? -1 : /next/.test(w) ? 1 : 0;
      return { value: String(y + d), precision: 'year', label: 'relative' };
    },
  },
  {
    id: 'en.date.quarter',
    re: pattern(
      'en.date.quarter',
      `(?:[Qq]([1-4])[ /,-]{1,2}|(?:[Qq]uarter|QUARTER) ([1-4]|IV|I{1,3})[ /,]{1,2}(?:of |OF )?|(?:[Tt]he |THE )?([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast|FIRST|SECOND|THIRD|FOURTH|LAST|1st|2nd|3rd|4th) (?:[Qq]uarter|QUARTER) (?:of |OF )?(?:the year |THE YEAR )?)${YEAR}`,
    ),
    examples: ['Q1 2023', 'Q1/2023', 'Quarter IV/2023', 'the first quarter of 2023', 'the 3rd quarter of the year 2022', 'FOURTH QUARTER OF 2024'],
    priority: 8,
    build: (m) => {
      const word = (m[2] ?? m[3] ?? '').toLowerCase();
      const q = m[1] ? +m[1] : /^[1-4]$/.test(word) ? +word : ORDINAL[word] ?? 0;
      if (q < 1 || q > 4) return undefined;
      return quarter(+m[4]!, q);
    },
  },
  {
    id: 'en.date.half',
    re: pattern(
      'en.date.half',
      `(?:(?:[Tt]he |THE )?([Ff]irst|[Ss]econd|[Ll]ast|FIRST|SECOND|LAST) (half|six months|6 months|nine months|9 months|HALF|SIX MONTHS|NINE MONTHS) (?:of|OF) (?:the year |THE YEAR )?|(H[12]|9M)[ /]{1,2}|(?:[Nn]ine [Mm]onths|NINE MONTHS|9 [Mm]onths|9 MONTHS) (?:of|OF|in|IN) (?:the year )?)${YEAR}`,
    ),
    examples: ['the first half of 2023', 'SECOND HALF OF 2024', 'the first six months of 2023', 'the last six months of 2022', 'the first nine months of 2023', 'H1 2023', 'NINE MONTHS OF 2023'],
    priority: 8,
    build: (m) => {
      const y = +m[4]!;
      const nineOf = m[1] === undefined && m[3] === undefined;
      const code = nineOf ? '9M' : m[3] ?? '';
      const which = (m[1] ?? '').toLowerCase();
      const span = (m[2] ?? '').toLowerCase();
      if (code === '9M' || span === 'nine months' || span === '9 months') {
        if (which !== 'first' && code !== '9M') return undefined;
        return { value: `${y}-01`, end_: `${y}-09`, precision: 'period', label: '9M' };
      }
      const h = code === 'H2' || which === 'second' || which === 'last' ? 2 : 1;
      return h === 1
        ? { value: `${y}-01`, end_: `${y}-06`, precision: 'period', label: 'H1' }
        : { value: `${y}-07`, end_: `${y}-12`, precision: 'period', label: 'H2' };
    },
  },
  {
    id: 'en.date.relative-period',
    re: pattern(
      'en.date.relative-period',
      '(?:[Tt]he |THE )([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast|FIRST|SECOND|THIRD|FOURTH|LAST) (quarter|half|six months|nine months|QUARTER|HALF|SIX MONTHS|NINE MONTHS)(?: (?:of|OF) (?:the|this|THE|THIS) (?:year|YEAR))?',
    ),
    examples: ['the second quarter', 'the first half of the year', 'the first six months of this year'],
    priority: 3,
    // no year written: the report's year (`the second quarter` of a 2024 report = Q2 2024)
    build: (m, ctx) => {
      const y = ctx.meta.year;
      if (y === undefined) return undefined;
      const which = m[1]!.toLowerCase();
      const span = m[2]!.toLowerCase();
      if (span === 'quarter') return quarter(y, ORDINAL[which] ?? 0);
      if (span === 'nine months') return which === 'first' ? { value: `${y}-01`, end_: `${y}-09`, precision: 'period', label: '9M' } : undefined;
      if (which === 'third' || which === 'fourth') return undefined;
      return which === 'first'
        ? { value: `${y}-01`, end_: `${y}-06`, precision: 'period', label: 'H1' }
        : { value: `${y}-07`, end_: `${y}-12`, precision: 'period', label: 'H2' };
    },
  },
  {
    id: 'en.date.day-range',
    re: pattern('en.date.day-range', `(?:[Ff]rom )?${DAY} ?(?:to|until|through|-|–|—) ?${DAY} ${MON},? ${YEAR}`),
    examples: ['27–28 June 2024', 'from 14 to 25 October 2019', '1-3 March 2023'],
    priority: 8,
    build: (m) => {
      const a = +m[1]!;
      const b = +m[2]!;
      const mo = monthOf(m[3]!);
      const y = +m[4]!;
      if (mo === 0 || a >= b) return undefined;
      const s = dayValue(y, mo, a);
      const e = dayValue(y, mo, b);
      if (s.invalid || e.invalid) return undefined;
      return { value: s.value, end_: e.value, precision: 'period', label: 'range' };
    },
  },
  {
    id: 'en.date.month-range',
    re: pattern(
      'en.date.month-range',
      `(?:[Ff]rom )?${MON}(?:,? ${YEAR})? ?(?:to|until|through|till|-|–|—) ?${MON},? ${YEAR}|[Bb]etween ${MON}(?:,? ${YEAR})? and ${MON},? ${YEAR}`,
    ),
    examples: ['from July to December 2024', 'July–December 2024', 'from July 2023 to June 2024', 'between January and September 2023'],
    priority: 8,
    build: (m) => {
      const o = m[1] !== undefined ? 0 : 4;
      const a = monthOf(m[1 + o]!);
      const b = monthOf(m[3 + o]!);
      const y2 = +m[4 + o]!;
      const y1 = m[2 + o] !== undefined ? +m[2 + o]! : a <= b ? y2 : y2 - 1;
      if (a === 0 || b === 0 || y1 * 12 + a >= y2 * 12 + b) return undefined;
      return { value: `${y1}-${pad(a)}`, end_: `${y2}-${pad(b)}`, precision: 'period', label: 'range' };
    },
  },
  {
    id: 'en.date.year-range',
    re: pattern('en.date.year-range', `(?:[Ff]rom ${YEAR} (?:to|until|through) |${YEAR} ?- ?)${YEAR}`),
    examples: ['2023-2025', '2021 - 2025', 'from 2023 to 2025'],
    priority: 6,
    build: (m) => {
      const a = +(m[1] ?? m[2])!;
      const b = +m[3]!;
      if (b <= a) return undefined;
      return { value: String(a), end_: String(b), precision: 'period', label: 'range' };
    },
  },
  {
    id: 'en.date.month-year',
    re: pattern('en.date.month-year', `${MON},? (?:of )?${YEAR}`),
    examples: ['November 2023', 'December of 2022', 'May 2023'],
    priority: 5,
    build: (m) => ({ value: `${m[2]}-${pad(monthOf(m[1]!))}`, precision: 'month' }),
  },
  {
    id: 'en.date.day-month',
    re: pattern('en.date.day-month', `${DAY} (?:of )?${MON}|${MON} ${DAY}`),
    examples: ['(26 April)', '18 May', 'on April 26th'],
    priority: 4,
    build: (m) => {
      const d = +(m[1] ?? m[4])!;
      const mo = monthOf((m[2] ?? m[3])!);
      if (mo === 0 || d < 1 || d > 31) return undefined;
      const r: Omit<Raw, 'start' | 'end' | 'rule' | 'priority'> = { value: `--${pad(mo)}-${pad(d)}`, precision: 'day-month' };
      if (d > getDaysInMonth(new Date(2024, mo - 1, 1))) r.invalid = `no such day: ${d}/${mo}`;
      return r;
    },
  },
  {
    id: 'en.date.day-month-numeric',
    re: pattern('en.date.day-month-numeric', '\\(([0-3]?[0-9])/([01]?[0-9])\\)'),
    examples: ['(26/4)', '(18/5)'],
    priority: 4,
    build: (m, _ctx, env) => {
      const [d, mo] = env.order === 'day-first' ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
      if (mo < 1 || mo > 12 || d < 1 || d > getDaysInMonth(new Date(2024, mo - 1, 1))) return undefined;
      return { value: `--${pad(mo)}-${pad(d)}`, precision: 'day-month', resolvedFrom: env.order };
    },
  },
  {
    id: 'en.date.year',
    re: pattern('en.date.year', YEAR),
    examples: ['in 2023', 'the 2023 campaign', 'for 2024'],
    priority: 1,
    build: (m) => ({ value: m[1]!, precision: 'year' }),
  },
];

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9À-ỹ]/.test(c);

/**
 * The document's reading of ambiguous numeric dates: day-first (Vietnamese reports and their translations)
 * unless the document's unambiguous numeric dates are all month-first.
 */
export function numericDateOrder(text: string): { order: 'day-first' | 'month-first'; evidence: 'day-first' | 'month-first' | 'none' } {
  const re = new RegExp(DATE_RULES.find((r) => r.id === 'en.date.numeric')!.re.source, 'g');
  let dayFirst = 0;
  let monthFirst = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const a = +m[1]!;
    const b = +m[3]!;
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
  }
  if (monthFirst > 0 && dayFirst === 0) return { order: 'month-first', evidence: 'month-first' };
  return { order: 'day-first', evidence: dayFirst > 0 ? 'day-first' : 'none' };
}

/** True when the text is a rendering of a Vietnamese report: Vietnamese symbols, `VND`/`dong`, Vietnamese places. */
export function looksTranslatedFromVietnamese(text: string): boolean {
  return /\/(QD|QĐ|ND|NĐ|NQ|KH|TT|CT|BC)-[A-ZĐ]/.test(text) || /\b(VND|dong|Viet Nam|Vietnam|People's Committee)\b/.test(text);
}

export interface DateOptions {
  /** spans where dates may be found although the mask claims them (dates inside references) */
  allowed?: { start: number; end: number }[];
}

export function extractDates(ctx: ExtractContext, opts: DateOptions = {}): DateResult {
  const { text } = ctx;
  const { order, evidence } = numericDateOrder(text);
  const env: Env = { order };
  const raws: Raw[] = [];
  for (const rule of DATE_RULES) {
    const re = new RegExp(rule.re.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // word boundaries, checked in code (patterns have no lookarounds)
      if (isWordChar(text[start - 1]) || isWordChar(text[end])) {
        re.lastIndex = start + 1;
        continue;
      }
      // inside a symbol or a number: `/2023/`, `9001:2015`, `2,023`, `06-2023`
      const before = text[start - 1];
      const after = text[end];
      if (before === '/' || before === ':' || before === '.' || (before === ',' && /[0-9]/.test(text[start - 2] ?? ''))) continue;
      if (before === '-' && /[0-9A-Za-z]/.test(text[start - 2] ?? '')) continue;
      if ((after === '/' || after === '-' || after === ':' || after === '.' || after === ',') && /[0-9A-Za-z]/.test(text[end + 1] ?? '')) continue;
      const built = rule.build(m, ctx, env);
      if (!built) continue;
      raws.push({ ...built, start, end, rule: rule.id, priority: rule.priority });
    }
  }
  // earliest first; at one start, higher priority then longer wins; drop anything overlapping a kept date
  raws.sort((a, b) => a.start - b.start || b.priority - a.priority || b.end - a.end);
  const allowed = opts.allowed ?? [];
  const inAllowed = (s: number, e: number): boolean => allowed.some((a) => a.start <= s && e <= a.end);
  const dates: DateCandidate[] = [];
  const findings: FindingCandidate[] = [];
  let lastEnd = -1;
  const kept: Raw[] = [];
  // a longer candidate that starts later but covers an earlier short one (e.g. `2023` inside `from 2023 to 2025`)
  // is handled by comparing spans: prefer the candidate with more coverage at overlap.
  for (const r of raws) {
    if (r.start < lastEnd) {
      const prev = kept[kept.length - 1]!;
      if (r.end - r.start > prev.end - prev.start && r.priority >= prev.priority && r.start < prev.end) {
        kept[kept.length - 1] = r;
        lastEnd = r.end;
      }
      continue;
    }
    kept.push(r);
    lastEnd = r.end;
  }
  let ambiguousNumeric = false;
  for (const r of kept) {
    if (ctx.mask.overlaps(r.start, r.end) && !inAllowed(r.start, r.end)) continue;
    const span = { start: r.start, end: r.end };
    if (r.invalid) {
      findings.push({
        rule: 'invalid-date',
        severity: 'warning',
        message: `impossible date "${text.slice(r.start, r.end)}" (${r.invalid}); not read as a date`,
        evidence: [{ ...span, text: text.slice(r.start, r.end) }],
      });
      continue;
    }
    const d: DateCandidate = { value: r.value, precision: r.precision, text: text.slice(r.start, r.end), span, rule: r.rule };
    if (r.end_ !== undefined) d.end = r.end_;
    if (r.label !== undefined) d.label = r.label;
    if (r.resolvedFrom !== undefined) {
      d.resolvedFrom = r.resolvedFrom;
      ambiguousNumeric = true;
    }
    dates.push(d);
  }
  if (ambiguousNumeric && evidence === 'none' && !looksTranslatedFromVietnamese(text)) {
    const first = dates.find((d) => d.resolvedFrom)!;
    findings.push({
      rule: 'date-order-assumed',
      severity: 'info',
      message: `numeric dates such as "${first.text}" read ${order}: the document gives no sign of its date order`,
      evidence: [{ ...first.span, text: first.text }],
    });
  }
  return { dates, findings };
}
