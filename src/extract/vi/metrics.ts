/**
 * Vietnamese metrics: every reported figure with what it counts.
 * A number is a metric when its neighbours say so: `%` (percent), a money unit (money), `lần/quý`
 * (frequency), `x/y` + noun (ratio), `điểm` (score), `xếp thứ` (rank), a counted noun (count), or a
 * `Label: value` pair (count). Everything else (years, ids, ordinals, levels, section numbers) is skipped.
 * Breakdowns: parts after `trong đó` / `gồm` carry the total as parent.
 */
import type { ExtractContext, MetricCandidate } from '../context.js';
import { ci, escapeRegExp, isDigit, isLetter, pattern, VI_LETTER, VI_LOWER } from '../../util/pattern.js';
import {
  APPROXIMATE_BEFORE,
  COUNT_NOUNS,
  DENSITY_PER,
  FREQUENCY_PER,
  FREQUENCY_UNITS,
  MEASURE_UNITS,
  MEASURED_TIME_UNITS,
  MONEY_SCALE,
  MONEY_SCALE_ABBR,
  NOT_A_COUNT_BEFORE,
  NOT_A_COUNT_NEXT,
  NOT_AN_ID_BEFORE,
  PLACE_UNIT_NOUNS,
  PLACE_UNIT_WORDS,
  RATE_PER,
  TIME_SLOT_MAX,
  YEAR_SLOT,
  WEAK_NOT_A_COUNT_BEFORE,
} from './rules/units.js';
import { ID_LABELS, JOINED_LEADS, COEFFICIENT_BEFORE, MULTIPLIER_AFTER, MULTIPLIER_BEFORE, MULTIPLIER_UNIT, PERCENTAGE_POINTS } from './rules/semantics.js';
import { annotateSemantics, cleanLabel, durationAt, glossAfter, perAfter, rangeAfter, wordNumberAllowed, wordNumbers, wordsBack, type RangeHit } from './semantics.js';

const NUMBER = pattern('metric.number', '[0-9]{1,3}(?:\\.[0-9][0-9][0-9])+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?');
const esc = escapeRegExp;
const byLength = (a: string, b: string) => b.length - a.length;
/** `chi cục` also matches `Chi cục`: the first letter of each noun in both cases */
/** … but units with inner capitals (`kWh`, `MW`, `kVA`) keep their case */
const NOUN_ALT = [...new Set(COUNT_NOUNS.map((n) => (/[A-ZĐ]/.test(n.slice(1)) ? n : n.toLowerCase())))].sort(byLength).map(ci).join('|');
const COUNT_NOUN = pattern('metric.count-noun', `^[ ]{1,2}(${NOUN_ALT})`, '');
const ACRONYM = pattern('metric.acronym-noun', '^[ ]{1,2}([A-ZĐ]{2,10})', '');
const PERCENT = pattern('metric.percent', '^[ ]{0,1}%', '');
const MONEY = pattern(
  'metric.money',
  `^[ ]{0,2}(?:(${[...Object.keys(MONEY_SCALE), ...Object.keys(MONEY_SCALE_ABBR)].sort(byLength).map(esc).join('|')})[ ]{0,2})?(đồng|VNĐ|VND|vnđ|đ|₫|USD)`,
 '');
const SCALE = pattern('metric.scale', `^[ ]{1,2}(nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)`, '');
const RATIO_WORD = pattern('metric.ratio-words', '^[ ]{1,2}trên[ ]{1,2}([0-9]{1,3}(?:\\.[0-9]{3}){1,4}|[0-9]{1,9})', '');
const FREQUENCY = pattern('metric.frequency', `^[ ]{1,2}(?:lần|(?:${FREQUENCY_UNITS.join('|')})(?:[ ][${VI_LOWER}]+){0,2})[ ]{0,2}(?:/|một|mỗi|trên)[ ]{0,2}(${FREQUENCY_PER.map(esc).join('|')})`, '');
const RATIO = pattern('metric.ratio', '^[ ]{0,2}/[ ]{0,2}([0-9]{1,3}(?:\\.[0-9]{3}){1,4}(?:,[0-9]+)?|[0-9]{1,9}(?:,[0-9]+)?)', '');
const SCORE = pattern('metric.score', '^[ ]{1,2}điểm', '');
const RANK_BEFORE = pattern('metric.rank-before', '(?:[Xx]ếp|[Đđ]ứng)(?:[ ]{1,2}hạng)?(?:[ ]{1,2}thứ)?[ ]{1,2}$', '');
const COLON_BEFORE = pattern('metric.label-colon', `[${VI_LETTER})][ ]{0,2}:[ ]{0,3}$`, '');
const WORD = pattern('metric.word', `[${VI_LETTER}0-9&]+`);
const DENSITY = pattern('metric.density-per', `^/(${DENSITY_PER.map(esc).join('|')})`, '');
const RATE = pattern('metric.rate-per', `^/(${RATE_PER.map(esc).join('|')})`, '');
const moneyScale = (w: string): number => MONEY_SCALE[w] ?? MONEY_SCALE_ABBR[w]!;
/** `đồng chí` (comrade), `đồng bào` are people, not money */
/** `chính quyền địa phương 02 cấp`, `mô hình 2 cấp`: the name of a tiered model, not a count of levels */
const TIER_BEFORE = pattern('metric.tier-before', '(?:[Cc]hính quyền(?:[ ]{1,2}địa phương)?|[Mm]ô hình)[ ]{1,2}$', '');
const TIER_AFTER = pattern('metric.tier-after', '^[ ]{1,2}cấp', '');
const NOT_MONEY_AFTER = pattern('metric.not-money-after', `^[ ]{1,2}(?:chí|bào)`, '');
const BREAKDOWN = pattern('metric.breakdown', '(?:[Tt]rong đó|[Bb]ao gồm|[Gg]ồm có|[Gg]ồm|[Cc]ụ thể)[ ]{0,2}:?');

/** a lower-case word (any Vietnamese letter: `ổ nhóm`, `ấp`, `ứng dụng`) after the number */
const OPEN_NOUN_START = pattern('metric.open-noun-start', `^[ ]{1,2}[${VI_LOWER}]`, '');
const NOT_BEFORE = new Set(NOT_A_COUNT_BEFORE);
const MEASURED_TIME = new Set(MEASURED_TIME_UNITS);
const NOT_ID = new Set(NOT_AN_ID_BEFORE);
const PLACE_WORDS = new Set(PLACE_UNIT_WORDS);
const PLACE_NOUNS = new Set(PLACE_UNIT_NOUNS);
const WEAK_NOT_BEFORE = new Set(WEAK_NOT_A_COUNT_BEFORE);
const APPROX = new Set(APPROXIMATE_BEFORE);
const LABEL_DELIMS = new Set([';', ':', '.', '(', ')', '\n', '?', '!']);

/** `1.245` → 1245, `98,5` → 98.5, `00` → 0 (Vietnamese: `.` groups thousands, `,` is the decimal mark) */
export function parseViNumber(s: string): number {
  if (s.indexOf('.') < 0 && s.indexOf(',') < 0) return Number(s);
  return Number(s.replace(/\./g, '').replace(',', '.'));
}

function wordAfter(text: string, pos: number): string {
  let i = pos;
  while (text[i] === ' ') i++;
  let j = i;
  while (j < text.length && isLetter(text[j])) j++;
  return text.slice(i, j).toLowerCase();
}

/** The phrase after `pos` up to a delimiter, at most `max` words. */
function phraseAfter(text: string, pos: number, max: number): string {
  const limit = Math.min(text.length, pos + 160);
  let i = pos;
  let words = 0;
  let end = pos;
  while (i < limit && words < max) {
    while (i < limit && text[i] === ' ') i++;
    const ch = text[i];
    if (ch === undefined || LABEL_DELIMS.has(ch) || ch === ',' || (ch === '/' && words === 0)) break;
    WORD.lastIndex = 0;
    const m = WORD.exec(text.slice(i, i + 31));
    if (!m || m.index !== 0) {
      if (ch === '&' || ch === '-' || ch === '/' || ch === '"') {
        i++;
        continue;
      }
      break;
    }
    const w = m[0];
    if (words > 0 && /^(trong|gồm|với|đạt|so|chiếm|tăng|giảm|bằng)$/.test(w)) break;
    // the next figure's own phrase (`… 01 văn bản và bãi bỏ 02 văn bản`) is not this one's qualifier
    if (/^(và|hoặc)$/.test(w) || (words > 0 && /^[0-9]/.test(w))) break;
    i += w.length;
    end = i;
    words++;
  }
  return text.slice(pos, end).trim();
}

/** An open-class counted noun after `pos`: the first one or two words, and a third agentive `viên` (`hòa giải viên`, `tuyên truyền viên`). */
function openNounAfter(text: string, pos: number): string {
  const phrase = phraseAfter(text, pos, 3).split(/\s+/);
  const second = phrase[1];
  if (!second || NOT_A_COUNT_NEXT.has(second)) return phrase[0]!;
  return phrase[2] === 'viên' ? `${phrase[0]} ${second} viên` : `${phrase[0]} ${second}`;
}

/** The label before a `Label: value` colon: back to the previous delimiter, bullet or `trong đó`. */
function labelBeforeColon(text: string, colonPos: number): string {
  let i = colonPos;
  const limit = Math.max(0, colonPos - 200);
  while (i > limit && !LABEL_DELIMS.has(text[i - 1]!)) i--;
  let label = text.slice(i, colonPos).trim();
  label = label.replace(/^[-+•*][ ]*/, '').replace(/^(trong đó|bao gồm|gồm|cụ thể)[ ]*/i, '').trim();
  if (label.length > 120) label = label.slice(label.length - 120).replace(/^\S*\s/, '');
  return label;
}

/** Short phrase before `pos` (after the last delimiter, not before `floor`), at most `max` words. */
function phraseBefore(text: string, pos: number, max: number, acrossLines = false, floor = 0): string {
  let i = pos;
  const window = Math.max(0, pos - 120);
  const limit = Math.max(window, floor);
  // a comma ends the phrase only as a separator (`, `), not inside a number (`8,35`); a long phrase may go on
  // across a line break (whether a line that starts `Mục I …` is a new item depends on the layout)
  while (i > limit && !(LABEL_DELIMS.has(text[i - 1]!) && !(acrossLines && text[i - 1] === '\n')) && !(text[i - 1] === ',' && text[i] === ' ')) i--;
  const words = text.slice(i, pos).trim().split(/\s+/).filter(Boolean);
  if (i === window && i > 0 && isLetter(text[i - 1])) words.shift();
  // the verb right before the number does not count against the phrase's length (`Tỷ lệ … trực tuyến đạt 85,6%`)
  const verb = words.length > max && /^(đạt|là|chiếm|bằng|được|có|với)$/i.test(words[words.length - 1]!) ? 1 : 0;
  let phrase = words.slice(-(max + verb)).join(' ');
  phrase = phrase.replace(/^[-+•*/]\s*/, '').replace(/(^|\s+)(đạt|là|chiếm|bằng|được|có|với|khoảng|gần|hơn|trên|dưới|ước đạt)$/i, '');
  return phrase.trim();
}

const JOINED = JOINED_LEADS.map((p) => p.split(', ') as [string, string]);
const LEAD_CONJUNCTION = /^(và|hoặc)(\s+|$)/i;

/**
 * The lead of a counted figure's label (`kiến nghị sửa đổi, bổ sung` of `… 01 văn bản`): the phrase before it, never
 * reaching back past the figure before (`01 văn bản và bãi bỏ 02 văn bản`: the 02's lead is `bãi bỏ`), and a
 * comma-joined pair of verbs (JOINED_LEADS, rule metric.joined-lead) kept whole.
 */
function leadBefore(text: string, start: number, prev: Raw | undefined): string {
  const floor = prev !== undefined && prev.span.end <= start && start - prev.span.end <= 120 ? prev.span.end : 0;
  let lead = phraseBefore(text, start, 4, false, floor);
  if (floor > 0) lead = lead.replace(LEAD_CONJUNCTION, '');
  if (!lead) return lead;
  const at = text.lastIndexOf(lead, start);
  if (at < 2 || text.slice(at - 2, at) !== ', ') return lead;
  const low = lead.toLowerCase();
  for (const [first, second] of JOINED) {
    if (!(low === second || low.startsWith(second + ' '))) continue;
    const from = at - 2 - first.length;
    if (from < floor || from < 0 || text.slice(from, at - 2).toLowerCase() !== first || isLetter(text[from - 1])) continue;
    return text.slice(from, at - 2) + ', ' + lead;
  }
  return lead;
}

function unitInLabel(label: string): string | undefined {
  const l = label.toLowerCase();
  let best: string | undefined;
  let bestPos = Infinity;
  for (const n of COUNT_NOUNS) {
    const p = l.indexOf(n.toLowerCase());
    if (p >= 0 && (p < bestPos || (p === bestPos && n.length > (best?.length ?? 0)))) {
      const after = l[p + n.length];
      if (after === undefined || !isLetter(after)) {
        best = n;
        bestPos = p;
      }
    }
  }
  return best;
}

interface Raw extends MetricCandidate {
  clauseEnd?: number;
  /** a bare `label number` inside a breakdown list (`trễ hạn 12`, `(nam 186, nữ 226)`): a figure only as a part */
  bare?: boolean;
}

const FROM_TO = pattern('metric.from-to', '(?:xuống còn|xuống|còn|lên|đến)[ ]{1,2}$', '');

/** `từ 312 thôn, buôn, tổ dân phố xuống còn 268`, `tăng từ 45 hồ sơ lên 60`: the figure a bare `… còn N` elides the noun of */
function elidedFrom(text: string, start: number, out: Raw[]): Raw | undefined {
  const prev = out[out.length - 1];
  if (!prev || (prev.kind !== 'count' && prev.kind !== 'quantity') || start - prev.span.end > 80) return undefined;
  // nothing may follow the number (`từ 15 hồ sơ đến 20 ngày` is not 20 hồ sơ)
  let e = start;
  while (e < text.length && (isDigit(text[e]) || text[e] === '.' || text[e] === ',')) e++;
  while (text[e] === ' ') e++;
  if (isLetter(text[e]) || isDigit(text[e])) return undefined;
  const lead = text.slice(Math.max(0, prev.span.start - 5), prev.span.start).trimEnd();
  if (!lead.endsWith('từ') || isLetter(lead[lead.length - 3])) return undefined;
  const btw = text.slice(prev.span.end, start);
  if (/[.;:\n()]/.test(btw)) return undefined;
  FROM_TO.lastIndex = 0;
  return FROM_TO.test(btw) ? prev : undefined;
}

const FROM_TO_AHEAD = pattern('metric.from-to-ahead', '^[ ]{1,2}(?:xuống còn|xuống|còn|lên|đến)[ ]{1,2}[0-9][0-9.,]{0,15}', '');

/** `từ 312 lên 345 TTHC`: the noun the next figure counts, when this one is preceded by `từ` */
function elidedAhead(text: string, end: number): string | undefined {
  const lead = text.slice(Math.max(0, end - 25), end).replace(/[0-9.,]+$/, '').trimEnd();
  if (!lead.endsWith('từ') || isLetter(lead[lead.length - 3])) return undefined;
  FROM_TO_AHEAD.lastIndex = 0;
  const m = FROM_TO_AHEAD.exec(text.slice(end, end + 40));
  if (!m) return undefined;
  const at = end + m[0].length;
  COUNT_NOUN.lastIndex = 0;
  ACRONYM.lastIndex = 0;
  const noun = COUNT_NOUN.exec(text.slice(at, at + 60)) ?? ACRONYM.exec(text.slice(at, at + 14));
  if (!noun || isLetter(text[at + noun[0].length])) return undefined;
  // `từ 18 đến 26,5 điểm`: a score range (but `từ 12 đến 15 điểm giao dịch` counts places)
  if (noun[1]!.toLowerCase() === 'điểm' && /^[ ]{1,2}[a-zđà-ỹ]/.test(text.slice(at + noun[0].length, at + noun[0].length + 4))) return undefined;
  return noun[1]!;
}

/** A short lower-case phrase after the keyword that ends the line with a colon (`gồm các nhóm:`, `cụ thể như sau:`): its length up to the colon */
function listIntro(text: string, from: number): number | undefined {
  const colon = text.indexOf(':', from);
  if (colon < 0 || colon - from > 42 || colon === from) return undefined;
  for (let i = from; i < colon; i++) {
    const ch = text[i]!;
    if (ch !== ' ' && !(isLetter(ch) && ch === ch.toLowerCase())) return undefined;
  }
  let j = colon + 1;
  while (text[j] === ' ') j++;
  return text[j] === '\n' ? colon + 1 - from : undefined;
}

const BREAKDOWN_BACK = pattern('metric.breakdown-back', '(?:[Tt]rong đó|[Bb]ao gồm|[Gg]ồm)[ ]{0,2}:?');

/**
 * A bare number after a short label inside a list of parts: `trong đó: đúng hạn 1.198, trễ hạn 12, đang giải
 * quyết 35`, `(tỉnh cấp 41, huyện cấp 15)`, `(khiển trách 18, cảnh cáo 8)`. The label is 1–4 words back to
 * `,` `(` `:` `;`, the number ends its item, and the list is opened by an unclosed `(` or by `trong đó` / `gồm`
 * in the same sentence. Returns the label, or undefined.
 */
function barePartLabel(text: string, start: number, end: number): string | undefined {
  const next = text[end];
  if (!(next === undefined || next === ',' || next === ';' || next === ')' || next === '\n' || (next === '.' && !isDigit(text[end + 1])))) return undefined;
  let i = start;
  const limit = Math.max(0, start - 60);
  // the label may name a group by a number of its own (`trẻ dưới 1 tuổi 2.300`, `trẻ 18 tháng 2.212`)
  while (i > limit && (isLetter(text[i - 1]) || isDigit(text[i - 1]) || text[i - 1] === ' ')) i--;
  const delim = text[i - 1];
  if (!(delim === ',' || delim === '(' || delim === ':' || delim === ';')) return undefined;
  const label = text.slice(i, start).trim();
  if (!isLetter(label[0])) return undefined;
  // a year is not a part (`(giá so sánh 2010, …)`)
  const n = parseViNumber(text.slice(start, end));
  if (/^[0-9]{4}$/.test(text.slice(start, end)) && n >= 1900 && n <= 2100) return undefined;
  const words = label.split(/\s+/).filter(Boolean);
  if (words.length < 1 || words.length > 5) return undefined;
  const back = text.slice(Math.max(0, start - 200), start);
  const open = back.lastIndexOf('(');
  if (open >= 0 && open > back.lastIndexOf(')') && back.indexOf('\n', open) < 0) return label;
  BREAKDOWN_BACK.lastIndex = 0;
  let kw: RegExpExecArray | null;
  let last = -1;
  while ((kw = BREAKDOWN_BACK.exec(back)) !== null) {
    if (!isLetter(back[kw.index - 1]) && !isLetter(back[kw.index + kw[0].replace(/[ :]+$/, '').length])) last = kw.index + kw[0].length;
  }
  if (last < 0) return undefined;
  const between = back.slice(last);
  if (/\n|\.(\s|$)/.test(between)) return undefined;
  return label;
}

export function extractMetrics(ctx: ExtractContext): MetricCandidate[] {
  const { text, mask } = ctx;
  const out: Raw[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text)) !== null) {
    const start = m.index;
    const numText = m[0];
    let end = start + numText.length;
    const prev = text[start - 1];
    const next = text[end];
    if (isLetter(prev) || isDigit(prev) || prev === '.' || prev === ',' || (prev === '-' && isDigit(text[start - 2]))) continue;
    // `8,35 tỷ đồng/21,6 tỷ đồng` is two figures; `28/29` and `01/01` are not
    if (prev === '/' && !isLetter(text[start - 2])) continue;
    // `ISO 9001:2015`, `14:30`
    if (prev === ':' && isDigit(text[start - 2])) continue;
    // a road chainage `Km 12+300`
    if (prev === '+' && isDigit(text[start - 2])) continue;
    // phone numbers and codes: `0907…`, `0273`
    if (numText.length >= 4 && numText[0] === '0' && /^[0-9]+$/.test(numText)) continue;
    if (isLetter(next) || next === ':' && isDigit(text[end + 1])) continue;
    // a digit right after a full match: a code, not a number (`1.009659.H05`, a procedure code)
    if (isDigit(next)) continue;
    // digits after a dot that are not a thousands group: a phone number or code (`1900.1234`, `0263.3822.915`)
    if (next === '.' && isDigit(text[end + 1])) continue;
    if (next === ')' && (prev === '(' || start === 0 || text[start - 1] === '\n')) continue;
    if (mask.overlaps(start, end)) continue;
    // section/list numbering at line start: `1.` `2)` (already masked for headings; list items too)
    if ((start === 0 || text[start - 1] === '\n') && (next === '.' || next === ')') && !isDigit(text[end + 1])) continue;

    // `03 (ba) năm`: a number glossed in words is one figure
    const lowValue = parseViNumber(numText);
    end = glossAfter(text, end, lowValue);
    // a range (`10 - 12%`, `từ 4 đến 6 tháng`): one figure, its unit read after the upper bound
    let range: RangeHit | undefined = rangeAfter(text, start, end, lowValue, parseViNumber);
    if (range && (mask.overlaps(range.start, range.end) || (isYear(lowValue) && isYear(range.value)))) range = undefined;
    if (range) end = range.end;
    let value = range ? range.value : lowValue;
    const duration = durationAt(text, range ? range.start : start, end, value);
    if (duration === 'not') continue;
    // a threshold that defines a group (`từ 4 lần trở lên`, `dưới 5 tuổi`) is not a reported figure; a length of time is (`từ 08 năm kinh nghiệm trở lên`)
    if (!duration && /^[^.;,\n]{0,25}trở (lên|xuống)/.test(text.slice(end, end + 40)) && /(từ|có) $/.test(text.slice(Math.max(0, start - 4), start))) continue;
    const right = text.slice(end, end + 80);
    TIER_BEFORE.lastIndex = 0;
    TIER_AFTER.lastIndex = 0;
    if (value <= 4 && TIER_AFTER.test(right) && !isLetter(right[right.indexOf('cấp') + 3]) && TIER_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    const before = wordsBack(text, start, 2);
    const prev1 = before[before.length - 1] ?? '';
    const prev2 = before.join(' ');
    const approximate = APPROX.has(prev1) || APPROX.has(prev2);
    const cand: Partial<Raw> & { value: number } = { value };
    let unitEnd = end;

    let r: RegExpExecArray | null;
    PERCENT.lastIndex = 0;
    MONEY.lastIndex = 0;
    FREQUENCY.lastIndex = 0;
    RATIO.lastIndex = 0;
    SCORE.lastIndex = 0;
    SCALE.lastIndex = 0;
    RATIO_WORD.lastIndex = 0;
    if ((r = PERCENT.exec(right))) {
      cand.kind = 'percent';
      cand.unit = '%';
      unitEnd = end + r[0].length;
      cand.rule = 'metric.percent';
      // `2%/tháng`
      const per = perAfter(text, unitEnd);
      if (per) {
        cand.per = per.per;
        unitEnd += per.len;
      }
    } else if (right.startsWith(' ' + PERCENTAGE_POINTS) && !isLetter(right[PERCENTAGE_POINTS.length + 1])) {
      // `5,2 điểm phần trăm`: percentage points
      cand.kind = 'percent';
      cand.unit = 'pp';
      unitEnd = end + 1 + PERCENTAGE_POINTS.length;
      cand.rule = 'metric.percentage-points';
    } else if ((r = MONEY.exec(right)) && !isLetter(right[r[0].length]) && !(r[2] === 'đồng' && !r[1] && NOT_MONEY_AFTER.test(right.slice(r[0].length)))) {
      const scale = r[1] ? moneyScale(r[1]) : 1;
      cand.kind = 'money';
      cand.unit = r[2] === 'USD' ? 'USD' : 'VND';
      cand.value = scale >= 1000 ? Math.round(value * scale) : value * scale;
      unitEnd = end + r[0].length;
      cand.rule = 'metric.money';
      // `80.000 đồng/người/buổi`: a rate
      const per = perAfter(text, unitEnd);
      if (per) {
        cand.per = per.per;
        unitEnd += per.len;
      }
    } else if ((r = SCALE.exec(right)) && !isLetter(right[r[0].length])) {
      // `3 triệu lượt truy cập` counts in millions; a bare `500 triệu` / `1,5 tỷ` is money
      const scale = MONEY_SCALE[r[1]!]!;
      COUNT_NOUN.lastIndex = 0;
      const noun = COUNT_NOUN.exec(right.slice(r[0].length));
      if (noun && !isLetter(right[r[0].length + noun[0].length])) {
        // `2,35 triệu m3` measures; `3 triệu lượt` counts
        cand.kind = MEASURE_UNITS.has(noun[1]!) ? 'quantity' : 'count';
        cand.unit = noun[1]!;
        unitEnd = end + r[0].length + noun[0].length;
        cand.rule = 'metric.count-scaled';
      } else if (/^[ ]{0,2}[a-zA-Zà-ỹđĐ]/.test(right.slice(r[0].length))) {
        // `312,6 triệu đôi giày`: an open-class counted noun after the scale
        const w = wordAfter(text, end + r[0].length);
        if (!w || NOT_A_COUNT_NEXT.has(w) || !/^[ ]{1,2}[a-zđà-ỹ]/.test(right.slice(r[0].length))) continue;
        cand.kind = 'count';
        cand.unit = w;
        unitEnd = end + r[0].length + right.slice(r[0].length).indexOf(w) + w.length;
        cand.rule = 'metric.count-scaled';
      } else {
        cand.kind = 'money';
        cand.unit = 'VND';
        unitEnd = end + r[0].length;
        cand.rule = 'metric.money-bare-scale';
      }
      cand.value = Math.round(value * scale);
    } else if ((r = RATIO_WORD.exec(right))) {
      // `5 trên 7 xã`: x of y in words
      COUNT_NOUN.lastIndex = 0;
      const after = end + r[0].length;
      const noun = COUNT_NOUN.exec(text.slice(after, after + 60));
      if (!noun || isLetter(text[after + noun[0].length])) continue;
      cand.kind = 'ratio';
      cand.denominator = parseViNumber(r[1]!);
      cand.unit = noun[1]!;
      unitEnd = after + noun[0].length;
      cand.rule = 'metric.ratio-words';
    } else if ((r = FREQUENCY.exec(right))) {
      cand.kind = 'frequency';
      cand.unit = `${r[0].trim().split(/[ /]/)[0]}/${r[1]}`;
      cand.per = r[1]!;
      unitEnd = end + r[0].length;
      cand.rule = 'metric.frequency';
    } else if (duration) {
      // `03 ngày làm việc`, `trong thời hạn 15 ngày`, `Hơn 1 năm qua`, `2,5 ngày/hồ sơ`
      cand.kind = 'duration';
      cand.unit = duration.unit;
      unitEnd = end + duration.len;
      cand.rule = 'metric.duration';
      const per = perAfter(text, unitEnd);
      if (per) {
        cand.per = per.per;
        unitEnd += per.len;
      }
    } else if (isMultiplier(text, start, end, numText)) {
      // `gấp 2,5 lần`, `tăng 3 lần`, `không quá 1,5 lần so với`
      cand.kind = 'multiplier';
      cand.unit = MULTIPLIER_UNIT;
      unitEnd = end + 1 + MULTIPLIER_UNIT.length;
      cand.rule = 'metric.multiplier';
    } else if (COEFFICIENT.has(prev2) || COEFFICIENT.has(prev1)) {
      // `nhân với hệ số 1,2`
      cand.kind = 'multiplier';
      cand.unit = COEFFICIENT.has(prev2) ? prev2 : prev1;
      cand.rule = 'metric.coefficient';
    } else if ((r = RATIO.exec(right))) {
      const denom = parseViNumber(r[1]!);
      const afterRatio = end + r[0].length;
      if (isDigit(text[afterRatio]) || text[afterRatio] === '/') continue;
      // `698,445/871,321 triệu đồng`: money of money
      MONEY.lastIndex = 0;
      const money = MONEY.exec(text.slice(afterRatio, afterRatio + 30));
      if (money && !isLetter(text[afterRatio + money[0].length])) {
        const scale = money[1] ? moneyScale(money[1]) : 1;
        const scaled = (v: number) => (scale >= 1000 ? Math.round(v * scale) : v * scale);
        cand.kind = 'money';
        cand.unit = money[2] === 'USD' ? 'USD' : 'VND';
        cand.value = scaled(value);
        cand.denominator = scaled(denom);
        unitEnd = afterRatio + money[0].length;
        cand.rule = 'metric.money-ratio';
      }
      COUNT_NOUN.lastIndex = 0;
      const noun = cand.kind ? null : COUNT_NOUN.exec(text.slice(afterRatio, afterRatio + 60));
      const nounOk = noun && !isLetter(text[afterRatio + noun[0].length]);
      RANK_BEFORE.lastIndex = 0;
      const isRank = RANK_BEFORE.test(text.slice(Math.max(0, start - 25), start));
      if (cand.kind === undefined) {
        // `thẩm định 46/46 dự thảo`: an open-class noun after x/y (not a date-shaped `01/01 hằng năm`)
        let openUnit: string | undefined;
        // `38/124 UBND cấp xã`: an acronym counted noun after x/y
        ACRONYM.lastIndex = 0;
        const acr = nounOk || isRank ? null : ACRONYM.exec(text.slice(afterRatio, afterRatio + 14));
        if (acr && value <= denom && !/[-/&]/.test(text[afterRatio + acr[0].length] ?? '') && !isLetter(text[afterRatio + acr[0].length]) && !isDigit(text[afterRatio + acr[0].length])) {
          openUnit = acr[1]!;
        }
        if (!openUnit && !nounOk && !isRank && value <= denom && !(value <= 31 && denom <= 12) && /^[ ]{1,2}[a-zđà-ỹ]/.test(text.slice(afterRatio, afterRatio + 3)) && !NOT_A_COUNT_NEXT.has(wordAfter(text, afterRatio))) {
          openUnit = openNounAfter(text, afterRatio);
        }
        if (!nounOk && !isRank && !openUnit && !(value <= denom && /(đạt|hoàn thành|được|có|là|:)\s*$/i.test(text.slice(Math.max(0, start - 20), start)))) continue;
        // `90,09/100 điểm` is a score out of 100
        // … but `82/86 điểm đạt quy chuẩn` counts places (a noun phrase goes on after `điểm`)
        const isScore = nounOk && /^điểm$/i.test(noun![1]!) && ([10, 100, 1000].includes(denom) || !/^[ ]{1,2}[a-zđà-ỹ]/.test(text.slice(afterRatio + noun![0].length, afterRatio + noun![0].length + 4)));
        cand.kind = isRank ? 'rank' : isScore ? 'score' : 'ratio';
        cand.denominator = denom;
        if (nounOk) {
          cand.unit = noun![1]!;
          unitEnd = afterRatio + noun![0].length;
        } else if (openUnit && !isRank) {
          cand.unit = openUnit;
          unitEnd = text.indexOf(openUnit, afterRatio) + openUnit.length;
        } else unitEnd = afterRatio;
        cand.rule = isRank ? 'metric.rank' : isScore ? 'metric.score' : 'metric.ratio';
      }
    } else if ((r = SCORE.exec(right)) && !/^[ ]{1,2}điểm[ ][a-zđà-ỹ]/.test(right) && prev1 !== 'tại' && prev1 !== 'ở') {
      cand.kind = 'score';
      cand.unit = 'điểm';
      unitEnd = end + r[0].length;
      cand.rule = 'metric.score';
    } else {
      RANK_BEFORE.lastIndex = 0;
      if (RANK_BEFORE.test(text.slice(Math.max(0, start - 25), start))) {
        cand.kind = 'rank';
        cand.rule = 'metric.rank';
      } else if (numText.indexOf(',') > 0 && MEASURED_TIME.has(wordAfter(text, end)) && /^[ ]{1,2}[nghpt]/.test(right)) {
        // `thời gian xử lý bình quân 2,5 ngày`: a fractional time is measured, never a slot or a period name
        const w = wordAfter(text, end);
        cand.kind = 'quantity';
        cand.unit = w;
        unitEnd = end + right.indexOf(w) + w.length;
        cand.rule = 'metric.measured-time';
      } else {
        if ((NOT_BEFORE.has(prev1) || NOT_BEFORE.has(prev2)) && !NOT_ID.has(prev2)) {
          // `tháng 12` is a month, but `đào tạo dưới 03 tháng 16.030 người` counts people
          const slot = TIME_SLOT_MAX[prev1];
          const overflows = slot !== undefined ? value > slot : prev1 === 'năm' && !(Number.isInteger(value) && value >= YEAR_SLOT[0] && value <= YEAR_SLOT[1]);
          COUNT_NOUN.lastIndex = 0;
          const noun = overflows ? COUNT_NOUN.exec(right) : null;
          // … or, without a noun, a bare part (`trong đó: trẻ dưới 1 tuổi 2.300, trẻ 18 tháng 2.212`)
          if (!(noun && !isLetter(right[noun[0].length])) && !(overflows && barePartLabel(text, start, end) !== undefined)) continue;
        }
        if (WEAK_NOT_BEFORE.has(prev1) || WEAK_NOT_BEFORE.has(prev2)) {
          // `số 01` is an id unless a counted noun follows (`tổng số 120 hồ sơ`, `cấp xã 04 thủ tục`)
          COUNT_NOUN.lastIndex = 0;
          const noun = COUNT_NOUN.exec(right);
          if (!(noun && !isLetter(right[noun[0].length]))) continue;
        }
        COUNT_NOUN.lastIndex = 0;
        ACRONYM.lastIndex = 0;
        const noun = COUNT_NOUN.exec(right);
        let acr: RegExpExecArray | null = null;
        if (noun && !isLetter(right[noun[0].length])) {
          // `thôn 7 xã Ea Phê`: an address, not 7 communes
          if ((PLACE_WORDS.has(prev1) || PLACE_WORDS.has(prev2)) && PLACE_NOUNS.has(noun[1]!.toLowerCase()) && /^[ ]{1,2}[A-ZĐ]/.test(right.slice(noun[0].length))) continue;
          // `Cơ sở 2 Bệnh viện Bạch Mai`: a capitalised name, its number and a capitalised name go on
          if (isUpperStart(noun[1]!) && nameBefore(text, start) && !/^[A-ZĐ]{2,}$/.test(noun[1]!)) continue;
          cand.unit = noun[1]!;
          unitEnd = end + noun[0].length;
          cand.kind = MEASURE_UNITS.has(noun[1]!) ? 'quantity' : 'count';
          cand.rule = 'metric.count';
          DENSITY.lastIndex = 0;
          const density = DENSITY.exec(right.slice(noun[0].length));
          if (density && !isLetter(right[noun[0].length + density[0].length])) {
            cand.kind = 'quantity';
            cand.unit = `${noun[1]!}${density[0]}`;
            unitEnd += density[0].length;
          } else if (cand.kind === 'quantity' && perAfter(text, end + noun[0].length) && !RATE.test(right.slice(noun[0].length))) {
            // `60 km/h`: a compound measure
            const per = perAfter(text, end + noun[0].length)!;
            cand.per = per.per;
            unitEnd += per.len;
          } else if (cand.kind === 'quantity') {
            RATE.lastIndex = 0;
            const rate = RATE.exec(right.slice(noun[0].length));
            if (rate && !isLetter(right[noun[0].length + rate[0].length])) {
              cand.unit = `${noun[1]!}${rate[0]}`;
              unitEnd += rate[0].length;
            }
          }
        } else if ((acr = ACRONYM.exec(right)) && !/[-/&]/.test(right[acr[0].length] ?? '') && !isLetter(right[acr[0].length]) && !isDigit(right[acr[0].length])) {
          cand.unit = acr[1]!;
          unitEnd = end + acr[0].length;
          cand.kind = 'count';
          cand.rule = 'metric.count-acronym';
        } else {
          COLON_BEFORE.lastIndex = 0;
          const lookback = text.slice(Math.max(0, start - 6), start);
          const colon = COLON_BEFORE.exec(lookback);
          const nextWord = wordAfter(text, end);
          if (colon && (nextWord === '' || !NOT_A_COUNT_NEXT.has(nextWord)) && !/^[ ]{0,2}[-/]/.test(right)) {
            // `số thứ tự: 3, 4, 5`, `Mã số: 12`: identifiers after their label
            const colonLabel = labelBeforeColon(text, start - (lookback.length - colon.index) + colon[0].indexOf(':')).toLowerCase();
            if (ID_LABELS.some((w) => colonLabel === w || colonLabel.endsWith(' ' + w))) continue;
            cand.kind = 'count';
            cand.rule = 'metric.label-colon';
            // `Đại học chính quy: 14.210 sinh viên`: the noun after the value is the unit
            if (nextWord && /^[ ]{1,2}[a-zđà-ỹ]/.test(right)) {
              const unit = openNounAfter(text, end);
              cand.unit = unit;
              unitEnd = text.indexOf(unit, end) + unit.length;
            }
          } else if (nextWord && !NOT_A_COUNT_NEXT.has(nextWord) && OPEN_NOUN_START.test(right) && !/^(và|hoặc)$/.test(nextWord)) {
            // a year before a verb or noun (`đến 2030 phấn đấu`) is a year, not a count
            if (isYear(value) && /^[0-9]{4}$/.test(numText)) continue;
            // an open-class counted noun: `15 giáo viên` (first one or two words)
            const unit = openNounAfter(text, end);
            cand.unit = unit;
            unitEnd = text.indexOf(unit, end) + unit.length;
            cand.kind = 'count';
            cand.rule = 'metric.count-open';
          } else if (elidedAhead(text, end)) {
            // `tăng từ 312 lên 345 TTHC`: the first figure counts the second one's noun
            const noun = elidedAhead(text, end)!;
            const score = noun.toLowerCase() === 'điểm';
            cand.kind = score ? 'score' : MEASURE_UNITS.has(noun) ? 'quantity' : 'count';
            cand.unit = noun;
            cand.rule = score ? 'metric.score' : 'metric.count-elided';
          } else if (elidedFrom(text, start, out)) {
            // `giảm từ 312 thôn, buôn xuống còn 268`: the second figure counts the first one's noun
            const from = elidedFrom(text, start, out)!;
            cand.kind = from.kind;
            if (from.unit !== undefined) cand.unit = from.unit;
            cand.rule = 'metric.count-elided';
          } else {
            const partLabel = barePartLabel(text, start, end);
            if (partLabel === undefined) continue;
            cand.kind = 'count';
            cand.rule = 'metric.breakdown-part';
            cand.bare = true;
            cand.label = partLabel;
          }
        }
      }
    }

    // label: `Label: value` wins; else what follows the unit; else the phrase before
    COLON_BEFORE.lastIndex = 0;
    const lookback = text.slice(Math.max(0, start - 6), start);
    const colon = COLON_BEFORE.exec(lookback);
    let label = '';
    let subjectText: string | undefined;
    if (colon) label = labelBeforeColon(text, start - (lookback.length - colon.index) + colon[0].indexOf(':'));
    if (!label && cand.label) label = cand.label;
    if (!label && (cand.kind === 'duration' || cand.kind === 'multiplier')) {
      // what the time or factor is of: the phrase before it, else the noun after it (`03 năm kinh nghiệm`)
      label = phraseBefore(text, start, 12, true).replace(/\n/g, ' ');
      if (label.split(/\s+/).filter(Boolean).length < 2) label = `${label} ${phraseAfter(text, unitEnd, 8)}`.trim();
    }
    if (!label) {
      let after = cand.kind === 'percent' || cand.kind === 'money' ? phraseAfter(text, unitEnd, 10) : '';
      if (/^(so|với|của|trở|và|hoặc|trên|dưới|đạt|tăng|giảm|trong|tại|được|là|đến|từ|theo|nên|thì|cho)(\s|$)/i.test(after)) after = '';
      if (cand.unit && cand.kind !== 'percent' && cand.kind !== 'money' && cand.kind !== 'frequency') {
        const qual = phraseAfter(text, unitEnd, 9);
        label = (cand.unit + (qual ? ' ' + qual : '')).trim();
        // what is counted: the noun and its qualifiers, without the verb before the number
        subjectText = label;
        const lead = leadBefore(text, start, out[out.length - 1]);
        if (lead && lead.split(/\s+/).length <= 6 && !/^(trong đó|gồm|bao gồm|có|với|và)$/i.test(lead)) label = `${lead} ${label}`;
      } else if (after) label = after;
      else label = phraseBefore(text, start, 8);
      // `…, đạt 80,15%`: look past the comma for what the rate is of
      if (!label && (cand.kind === 'percent' || cand.kind === 'score')) {
        const lead = text.slice(Math.max(0, start - 120), start).split(/[.;:\n]/).pop() ?? '';
        label = lead.replace(/\s+(đạt|là|chiếm|bằng|được|ước đạt)\s*$/i, '').trim().split(/\s+/).slice(-8).join(' ').replace(/^[-+•*,]\s*/, '');
      }
    }
    if (!label && cand.unit) label = cand.unit;
    if (!label) label = cand.kind ?? 'value';
    end = unitEnd;
    // continue after the unit: `28/29`, `1,25 tỷ đồng/21,6 tỷ` are not re-read from inside
    if (NUMBER.lastIndex < unitEnd) NUMBER.lastIndex = unitEnd;
    // a label is words of the sentence: never a unit code (`VND`, `day`)
    const coded = cand.kind === 'money' || cand.kind === 'duration' || cand.kind === 'multiplier';
    label = cleanLabel(label === cand.unit && coded ? '' : label) || (coded ? text.slice(start, unitEnd) : cand.unit) || cand.kind || 'value';
    if (cand.per === undefined && cand.unit !== undefined && cand.kind === 'quantity' && cand.unit.indexOf('/') > 0) cand.per = cand.unit.slice(cand.unit.indexOf('/') + 1);
    const metric: Raw = {
      kind: cand.kind!,
      value: cand.value,
      label,
      text: text.slice(start, end),
      span: { start, end },
      rule: cand.rule!,
    };
    if (cand.unit !== undefined) metric.unit = cand.unit;
    if (cand.denominator !== undefined) metric.denominator = cand.denominator;
    if (cand.per !== undefined) metric.per = cand.per;
    if (subjectText !== undefined) metric.subject = subjectText;
    if (range) {
      // the lower bound in the same unit and scale as the upper one (`từ 2,5 đến 5,5 tỷ đồng`)
      const scale = cand.value / range.value;
      metric.valueMax = cand.value;
      metric.value = cand.kind === 'money' && scale >= 1000 ? Math.round(lowValue * scale) : lowValue * scale;
      metric.rule = `${metric.rule}+range`;
    }
    if (approximate) metric.approximate = true;
    if (cand.bare) metric.bare = true;
    out.push(metric);
  }
  addWordNumbers(ctx, out);
  linkBreakdowns(text, out);
  dropUnlinkedBare(out);
  // a `Label: 36` figure without an adjacent unit takes its parent's unit, else the counted noun in its label
  for (const m of out) {
    if (m.unit === undefined && m.kind === 'count') {
      const u = unitInLabel(m.label);
      if (u) m.unit = u;
    }
  }
  annotateSemantics(text, out);
  return out;
}

const isUpperStart = (w: string): boolean => w !== '' && isLetter(w[0]) && w[0] !== w[0]!.toLowerCase();
/** One of the two words right before `pos` is capitalised inside a sentence (`… Cơ sở 2`): the number belongs to a name. */
function nameBefore(text: string, pos: number): boolean {
  let i = pos;
  for (let n = 0; n < 2; n++) {
    while (i > 0 && text[i - 1] === ' ') i--;
    let j = i;
    while (j > 0 && isLetter(text[j - 1])) j--;
    if (j === i) return false;
    // a word that opens a sentence or a line is capitalised for that reason only
    let k = j;
    while (k > 0 && text[k - 1] === ' ') k--;
    if (k === 0 || /[.:;\n!?(]/.test(text[k - 1]!)) return false;
    if (isUpperStart(text.slice(j, i))) return true;
    i = j;
  }
  return false;
}
const isYear = (v: number): boolean => Number.isInteger(v) && v >= 1900 && v <= 2100;
const COEFFICIENT = new Set(COEFFICIENT_BEFORE);
const MULTIPLIER_UNIT_AT = pattern('metric.multiplier-unit', `^[ ]${MULTIPLIER_UNIT}`, '');

/** `gấp 2,5 lần`, `tăng 3 lần`, `1,5 lần so với`: a factor, not a count of times (`01 lần/quý` is a frequency, read before). */
function isMultiplier(text: string, start: number, end: number, numText: string): boolean {
  MULTIPLIER_UNIT_AT.lastIndex = 0;
  if (!MULTIPLIER_UNIT_AT.test(text.slice(end, end + 6)) || isLetter(text[end + 1 + MULTIPLIER_UNIT.length]) || text[end + 1 + MULTIPLIER_UNIT.length] === '/') return false;
  const before = wordsBack(text, start, 2);
  if (MULTIPLIER_BEFORE.includes(before[before.length - 1] ?? '') || MULTIPLIER_BEFORE.includes(before.join(' '))) return true;
  const after = text.slice(end + 1 + MULTIPLIER_UNIT.length, end + 20).trimStart();
  if (MULTIPLIER_AFTER.some((w) => after.startsWith(w))) return true;
  return numText.indexOf(',') > 0;
}

/**
 * Figures written in words (`hai mươi lăm hồ sơ`, `Mười (10) ngày làm việc`, `một tháng`, `một (01) lần`): the
 * words (and their digit gloss) with a duration unit or a counted noun after them.
 */
function addWordNumbers(ctx: ExtractContext, out: Raw[]): void {
  const { text, mask } = ctx;
  const found: Raw[] = [];
  for (const wn of wordNumbers(text)) {
    if (mask.overlaps(wn.start, wn.end)) continue;
    const duration = durationAt(text, wn.start, wn.end, wn.value);
    if (duration === 'not') continue;
    let kind: Raw['kind'];
    let unit: string;
    let unitEnd: number;
    let rule: string;
    if (duration) {
      kind = 'duration';
      unit = duration.unit;
      unitEnd = wn.end + duration.len;
      rule = 'metric.number-words-duration';
    } else {
      COUNT_NOUN.lastIndex = 0;
      const right = text.slice(wn.end, wn.end + 60);
      const noun = COUNT_NOUN.exec(right);
      if (!noun || isLetter(right[noun[0].length]) || right[noun[0].length] === '/') continue;
      kind = MEASURE_UNITS.has(noun[1]!) ? 'quantity' : 'count';
      unit = noun[1]!;
      unitEnd = wn.end + noun[0].length;
      rule = 'metric.number-words';
    }
    if (!wordNumberAllowed(text, wn, duration !== undefined)) continue;
    if (out.some((m) => m.span.start < unitEnd && wn.start < m.span.end)) continue;
    const before = phraseBefore(text, wn.start, 8);
    const label = kind === 'duration' ? before || phraseAfter(text, unitEnd, 8) : `${unit} ${phraseAfter(text, unitEnd, 9)}`.trim();
    found.push({ kind, value: wn.value, unit, label: cleanLabel(label) || unit, text: text.slice(wn.start, unitEnd), span: { start: wn.start, end: unitEnd }, rule });
  }
  if (found.length === 0) return;
  // merge in document order (no parent links exist yet)
  out.push(...found);
  out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Breakdowns: parts listed after `trong đó` / `bao gồm:` / `gồm:` (to the end of the clause, or of the
 * bullet list that a line-final `gồm:` opens) get as total the nearest figure of the same kind before the
 * keyword in the same sentence (a `;` right before `trong đó` still belongs to it; figures inside a closed
 * parenthesis are skipped). A sentence that opens with `Trong đó:` breaks down the sentence before it.
 * Each part takes the total that counts the same noun when there is one (`1.246 lượt … 1.037 vụ việc …
 * Trong đó: - 892 lượt, 751 vụ việc`), and a part of another kind (money, a measure) the nearest total of its
 * own kind (`28 dự án với tổng vốn 14.650 tỷ đồng, gồm: 03 dự án … 7.320 tỷ đồng`). A list whose parts are
 * separated by commas ends at a `;` (`gồm: 72 nam, 96 nữ; có 16 người …`). A parenthesis right after a count
 * (or after its noun phrase) that lists ≥ 2 counts is a breakdown too:
 * `21 cán bộ, công chức (11 cán bộ, 10 công chức)`, `09 cuộc thanh tra, kiểm tra (06 cuộc …, 03 cuộc …)`.
 */
function linkBreakdowns(text: string, metrics: Raw[]): void {
  linkBracketLists(text, metrics);
  BREAKDOWN.lastIndex = 0;
  let b: RegExpExecArray | null;
  let cursor = 0;
  while ((b = BREAKDOWN.exec(text)) !== null) {
    const at = b.index;
    const keyword = b[0].replace(/[ :]+$/, '');
    const after = at + b[0].length;
    if (isLetter(text[at - 1]) || isLetter(text[at + keyword.length])) continue;
    const word = keyword.toLowerCase();
    const isTrongDo = word === 'trong đó';
    // `gồm các nhóm:` / `cụ thể như sau:` at the end of a line introduce a bullet list like `gồm:`
    const intro = b[0].endsWith(':') ? undefined : listIntro(text, after);
    const colon = b[0].endsWith(':') || intro !== undefined;
    // `gồm:` / `bao gồm:` introduce parts, and so does `, gồm` / `; gồm` before two or more figures
    // (`467 cơ sở, gồm 186 trường …, 238 trường …`); a bare `gồm 04 lĩnh vực` does not
    const commaBefore = /[,;][ ]*$/.test(text.slice(Math.max(0, at - 3), at));
    if (!isTrongDo && !colon && !commaBefore) continue;
    while (cursor < metrics.length && metrics[cursor]!.span.end <= at) cursor++;
    // where the parts end: the closing parenthesis if `trong đó` sits inside one, the end of the sentence,
    // or — for a line-final `gồm:` — the end of the bullet lines that follow
    const before = text.slice(Math.max(0, at - 300), at);
    const lineStart = before.lastIndexOf('\n');
    const clause = before.slice(lineStart + 1);
    const opened = (clause.match(/\(/g) ?? []).length > (clause.match(/\)/g) ?? []).length;
    const introLen = intro ?? 0;
    const tail = text.slice(after, after + 1500);
    let stop: number;
    if (opened) stop = tail.search(/\)/);
    else if (colon && /^[ ]*\n/.test(tail.slice(introLen))) {
      // a list: consecutive lines starting with a bullet or a letter/number marker
      const list = tail.slice(introLen);
      const lines = list.replace(/^[ ]*\n/, '').split('\n');
      let len = introLen + list.length - list.replace(/^[ ]*\n/, '').length;
      const markerOf = (line: string) => /^[ ]*([-+•*]|[a-zđ]\)|[0-9]{1,2}\))[ ]/.exec(line)?.[1]?.replace(/^[a-zđ]\)$/, 'a)').replace(/^[0-9]{1,2}\)$/, '1)');
      const kind = markerOf(lines[0] ?? '');
      for (const line of lines) {
        if (kind === undefined || markerOf(line) !== kind) break;
        len += line.length + 1;
      }
      stop = len;
    } else if (!colon && !/^[^.;\n]{1,80}:[ ]{0,2}[0-9]/.test(tail)) stop = tail.search(/[.;](\s|$)|\n/); // without a colon the parts end with the clause
    // … unless they are `Label: value` items (`trong đó sự nghiệp giáo dục: 22.540 người; sự nghiệp y tế: 6.904 người`)
    else stop = tail.search(/\.(\s|$)|\n/);
    let endPos = stop >= 0 ? after + stop : after + tail.length;
    let first = cursor;
    while (first < metrics.length && metrics[first]!.span.start < after) first++;
    if (first >= metrics.length || metrics[first]!.span.start >= endPos) continue;
    // the candidates: earlier figures of the sentence (of the sentence before, when `Trong đó:` opens one),
    // outside closed parentheses, nearest first
    const lead = text.slice(Math.max(0, at - 4), at);
    const opensSentence = isTrongDo && /(\.[ ]{1,2}|\n[ ]*)$/.test(lead);
    const anchor = opensSentence ? at - (lead.length - lead.search(/(\.[ ]{1,2}|\n[ ]*)$/)) : at;
    const candidates: number[] = [];
    for (let k = cursor - 1; k >= 0 && cursor - k <= 8; k--) {
      if (metrics[k]!.span.end > anchor) continue;
      const btw = text.slice(metrics[k]!.span.end, anchor);
      if (/\n|\.(\s|$)/.test(btw)) break;
      // a `;` ends the total's clause, except in the sentence a `Trong đó:` list breaks down as a whole
      if (!opensSentence && /;/.test(btw.replace(/;[ ]*$/, ''))) break;
      const closes = (btw.match(/\)/g) ?? []).length - (btw.match(/\(/g) ?? []).length;
      if (closes > 0) continue;
      if (metrics[k]!.bare) continue;
      // a change (`12.345 người, giảm 1.234 người …; trong đó …`) is not the total a list breaks down
      if (metrics[k]!.kind !== 'percent' && isChange(text, metrics[k]!)) continue;
      candidates.push(k);
    }
    // the lead part: the first one with a total of its kind (`trong đó: nữ chiếm 38,5%, người dân tộc 125 đồng chí`
    // breaks down the 2.450 đảng viên); a share is a part only when the list opens with it
    let leadPart = -1;
    for (let j = first; j < metrics.length && metrics[j]!.span.start < endPos; j++) {
      if (metrics[j]!.kind === 'percent' && j !== first) continue;
      if (candidates.some((k) => totalFits(metrics[j]!.kind, metrics[k]!.kind))) {
        leadPart = j;
        break;
      }
    }
    if (leadPart < 0) continue;
    const partKind = metrics[leadPart]!.kind;
    // a comma-separated list ends at `;` once it has two parts (`gồm: 72 nam, 96 nữ; có 16 người …`)
    if (!opened) {
      const semi = text.indexOf(';', after);
      if (semi >= 0 && semi < endPos) {
        let n = 0;
        for (let j = first; j < metrics.length && metrics[j]!.span.start < semi; j++) if (metrics[j]!.kind === partKind) n++;
        const listed = text.slice(after, semi);
        if (n >= 2 && /,[ ]/.test(listed.replace(/\([^()]*\)/g, '')) && listed.indexOf('\n') < 0) endPos = semi;
      }
    }
    if (!isTrongDo && !colon) {
      let n = 0;
      for (let j = first; j < metrics.length && metrics[j]!.span.start < endPos; j++) if (metrics[j]!.kind === partKind) n++;
      if (n < 2) continue;
    }
    // the total: the nearest candidate of the same kind, preferring one that counts the same noun as the
    // lead part (`28 cuộc thanh tra … tại 64 cơ sở, trong đó 09 cuộc thanh tra …`)
    const sameKind = candidates.filter((k) => totalFits(partKind, metrics[k]!.kind));
    const partUnit = metrics[leadPart]!.unit;
    const totalIdx = sameKind.find((k) => partUnit !== undefined && metrics[k]!.unit === partUnit) ?? sameKind[0]!;
    assignParts(text, metrics, totalIdx, first, endPos, candidates);
  }
}

/** Bracket lists right after a total; run before the `trong đó` lists so that a parenthesis nested in a list breaks down its own figure (`trong đó Thẩm phán 06 người (01 …, 05 …)`). */
function linkBracketLists(text: string, metrics: Raw[]): void {
  // bracket lists right after a count, or after its noun phrase (`09 cuộc thanh tra, kiểm tra (06 cuộc …)`)
  // … and right after an amount or a measure (`6.845,2 tỷ đồng (vốn trung ương 1.620 tỷ đồng, vốn địa phương 5.225,2 tỷ đồng)`)
  for (let i = 0; i < metrics.length; i++) {
    const total = metrics[i]!;
    const bracketKind = total.kind === 'count' || total.kind === 'money' || total.kind === 'quantity';
    if (!bracketKind || total.bare || (total.kind !== 'count' && perUnit(text, total))) continue;
    const open = bracketAfter(text, total.span.end);
    if (!open) continue;
    // a long noun phrase between the total and the parenthesis: only parts that count the same noun
    const longGap = open[0].split(/[ ,]+/).length > 7;
    if (i + 1 < metrics.length && metrics[i + 1]!.span.start < total.span.end + open[0].length - 1) continue;
    const from = total.span.end + open[0].length;
    const close = text.indexOf(')', from);
    if (close < 0 || close - from > 300) continue;
    let n = 0;
    let j = i + 1;
    while (j < metrics.length && metrics[j]!.span.start < close) {
      const part = metrics[j]!;
      // `(01 vụ/01 người chết …)` is one item, not two parts
      if (text[part.span.start - 1] === '/') {
        j++;
        continue;
      }
      const sameUnit = part.unit === total.unit || total.kind === 'money';
      if (part.kind === total.kind && part.parentIndex === undefined && (!longGap || part.unit === total.unit) && (total.kind === 'count' || sameUnit)) n++;
      j++;
    }
    if (n < 2) continue;
    // amounts: figures of other kinds in the parenthesis (`nội trú 612.480 lượt, chi phí 2.905,6 tỷ đồng; …`)
    // take the earlier totals of their kind in the same sentence
    const candidates = total.kind === 'count' ? [i] : [i, ...sentenceBefore(text, metrics, i)];
    assignParts(text, metrics, i, i + 1, close, candidates);
  }
}

/** Earlier figures of the sentence of metric `i` (not across a sentence end or a line), nearest first. */
function sentenceBefore(text: string, metrics: Raw[], i: number): number[] {
  const out: number[] = [];
  for (let k = i - 1; k >= 0 && i - k <= 8; k--) {
    const btw = text.slice(metrics[k]!.span.end, metrics[k + 1]!.span.start);
    if (/\n|\.(\s|$)|;/.test(btw)) break;
    if (metrics[k]!.bare) continue;
    out.push(k);
  }
  return out;
}

/** `(` right after a count, or after its noun phrase (lower-case words and commas, up to 100 characters): the text up to and including `(` */
function bracketAfter(text: string, from: number): [string] | undefined {
  const limit = Math.min(text.length, from + 100);
  let i = from;
  // digits may name a group (`học sinh lớp 10 (…)`); another figure in between is refused by the caller
  while (i < limit && (text[i] === ' ' || text[i] === ',' || isDigit(text[i]) || (isLetter(text[i]) && text[i] === text[i]!.toLowerCase()))) i++;
  if (text[i] !== '(') return undefined;
  // a single space, or a phrase that starts with a space or comma
  if (i - from > 1 && text[from] !== ' ' && text[from] !== ',') return undefined;
  return [text.slice(from, i + 1)];
}

/** A part's total is a figure of its kind; counted parts may also break down the x of an `x/y` (`45/52 xã …, gồm 38 xã và 7 phường`). */
function totalFits(partKind: string, totalKind: string): boolean {
  return partKind === totalKind || (partKind === 'count' && totalKind === 'ratio');
}

/** Parts take the total with the same noun among the candidates, else the main total; other kinds the nearest total of their own kind. */
function assignParts(text: string, metrics: Raw[], totalIdx: number, first: number, endPos: number, candidates: number[]): void {
  const total = metrics[totalIdx]!;
  for (let j = first; j < metrics.length && metrics[j]!.span.start < endPos; j++) {
    const part = metrics[j]!;
    if (part.parentIndex !== undefined) continue;
    // a change beside a part (`85.335 người, tăng 11.046 người`) is not a part; growth rates may be
    if (part.kind !== 'percent' && isChange(text, part)) continue;
    // `07 vụ trọng án, đã làm rõ 07/07 vụ`: an x of the part just before it is not another part
    if (part.kind === 'ratio' && j > first && part.denominator === metrics[j - 1]!.value) continue;
    let idx: number | undefined;
    if (totalFits(part.kind, total.kind)) {
      idx = candidates.find((k) => totalFits(part.kind, metrics[k]!.kind) && part.unit !== undefined && metrics[k]!.unit === part.unit) ?? totalIdx;
    } else if ((part.kind === 'money' || part.kind === 'quantity') && !perUnit(text, part)) {
      // a measure or an amount of the listed parts: the nearest total of its kind (and unit) in the same sentence
      idx = candidates.find((k) => metrics[k]!.kind === part.kind && metrics[k]!.unit === part.unit);
    } else if (part.kind === 'count') {
      // counts listed beside the main parts: the total that counts the same noun, else the nearest count
      idx = candidates.find((k) => totalFits('count', metrics[k]!.kind) && part.unit !== undefined && metrics[k]!.unit === part.unit) ?? candidates.find((k) => totalFits('count', metrics[k]!.kind));
    }
    if (idx === undefined) continue;
    const t = metrics[idx]!;
    part.parentIndex = idx;
    const totalUnit = t.unit ?? (t.kind === 'count' ? unitInLabel(t.label) : undefined);
    if (!part.unit && totalUnit) part.unit = totalUnit;
  }
}

const CHANGE_BEFORE = pattern('metric.change-before', '[,(][ ]{0,2}(?:[Tt]ăng|[Gg]iảm)(?:[ ]{1,2}thêm)?[ ]{1,2}$', '');
/** A figure that reports a change right after a comma (`85.335 người, tăng 11.046 người`), not a label (`vốn điều chỉnh tăng 396,2 triệu USD`). */
function isChange(text: string, m: Raw): boolean {
  CHANGE_BEFORE.lastIndex = 0;
  return CHANGE_BEFORE.test(text.slice(Math.max(0, m.span.start - 20), m.span.start));
}

/** A per-unit amount (`3 triệu đồng/hộ`, `mỗi hộ 3 triệu đồng`, `mức 3 triệu đồng`) is a rate, not a part of a total. */
function perUnit(text: string, m: Raw): boolean {
  if (m.per !== undefined || text[m.span.end] === '/') return true;
  const before = wordsBack(text, m.span.start, 2);
  return before.includes('mỗi') || before[before.length - 1] === 'mức';
}

/** Bare `label number` items are figures only as parts of a breakdown: drop those that found no total. */
function dropUnlinkedBare(metrics: Raw[]): void {
  if (!metrics.some((m) => m.bare && m.parentIndex === undefined)) {
    for (const m of metrics) delete m.bare;
    return;
  }
  const newIndex: number[] = [];
  const kept: Raw[] = [];
  metrics.forEach((m, i) => {
    if (m.bare && m.parentIndex === undefined) newIndex[i] = -1;
    else {
      newIndex[i] = kept.length;
      kept.push(m);
    }
  });
  for (const m of kept) {
    delete m.bare;
    if (m.parentIndex !== undefined) m.parentIndex = newIndex[m.parentIndex]!;
  }
  metrics.length = 0;
  metrics.push(...kept);
}
