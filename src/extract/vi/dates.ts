/**
 * Vietnamese dates and periods. Rules run in priority order; a later rule never takes text an earlier
 * one explained. Numeric dates are always day-month-year. Impossible dates become findings, never dates.
 */
import type { DateCandidate, DateResult, ExtractContext, FindingCandidate } from '../context.js';
import { isDigit, isLetter, pattern, VI_LOWER, VI_UPPER } from '../../util/pattern.js';
import { pad2, parseDayMonth, parseDayMonthYear, quarterNumber } from '../../vocab/calendar.js';

interface Hit {
  start: number;
  end: number;
  date?: DateCandidate;
  finding?: FindingCandidate;
}

const D = '([0-9]{1,2})';
const Y4 = '([0-9]{4})';
const DMY_WORDS = pattern('date.dmy-words', `${D}[ ]{1,3}(?:tháng|THÁNG)[ ]{1,3}${D}[ ]{0,3}(?:,[ ]{0,2})?(?:năm|NĂM)[ ]{1,3}${Y4}`);
/** `từ ngày 17 đến ngày 20 tháng 11 năm 2025`, `từ ngày 17 đến hết ngày 20/11/2025`: the first day shares month and year */
const ELLIPTIC_RANGE = pattern(
  'date.elliptic-range',
  `[Tt]ừ[ ]{1,3}ngày[ ]{1,3}${D}[ ]{1,3}(?:đến|tới)[ ]{1,3}(?:hết[ ]{1,3})?ngày[ ]{1,3}${D}(?:[ ]{1,3}tháng[ ]{1,3}${D}[ ]{0,3}(?:,[ ]{0,2})?năm[ ]{1,3}${Y4}|[ ]{0,2}/[ ]{0,2}${D}[ ]{0,2}/[ ]{0,2}${Y4})`,
);
/** a bare year range in brackets after a plan or programme: `kế hoạch 05 năm (2021 - 2025)` */
const YEAR_RANGE_PAREN = pattern('date.year-range-paren', `\\(${Y4}[ ]{0,2}-[ ]{0,2}${Y4}\\)`);
const ELLIPTIC = pattern('date.elliptic-day', `[Nn]gày[ ]{1,3}${D}[ ]{0,2}(?:và|,|;)[ ]{0,2}${D}[ ]{0,2}/[ ]{0,2}${D}[ ]{0,2}/[ ]{0,2}${Y4}`);
const DMY_NUM = pattern('date.dmy-numeric', `${D}[ ]{0,2}([/.-])[ ]{0,2}${D}[ ]{0,2}([/.-])[ ]{0,2}${Y4}`);
const ELLIPTIC_MONTH = pattern('date.elliptic-month', `[Tt]háng[ ]{1,3}${D}[ ]{1,2}(?:và|,)[ ]{1,2}tháng[ ]{1,3}${D}[ ]{0,3}(?:[/-]|năm)[ ]{0,3}${Y4}`, 'g');
const MONTH_YEAR = pattern('date.month-year', `(?:[Tt]háng|THÁNG)[ ]{1,3}${D}[ ]{0,3}(?:[/-]|năm|NĂM)[ ]{0,3}${Y4}`);
const QUARTER = pattern('date.quarter', `(?:[Qq]uý|QUÝ)[ ]{1,3}(IV|III|II|I|[1-4])(?:[ ]{0,3}(?:/|-|năm|NĂM|,[ ]{0,2}năm)[ ]{0,3}${Y4})?`);
/** `6 tháng đầu năm 2023`, `9 tháng cuối năm`; also `9 tháng năm 2023` (no `đầu`, year written) = the first nine months */
const HALF = pattern('date.half', `(06|6|sáu|SÁU|09|9|chín|CHÍN)[ ]{1,3}(?:tháng|THÁNG)[ ]{1,3}(?:(đầu|cuối|ĐẦU|CUỐI)[ ]{1,3}(?:năm|NĂM)(?:[ ]{1,3}${Y4})?|(?:năm|NĂM)[ ]{1,3}${Y4})`);
const PERIOD = pattern(
  'date.period',
  `([Gg]iai đoạn|GIAI ĐOẠN|[Nn]hiệm kỳ|NHIỆM KỲ|[Nn]ăm học|NĂM HỌC|[Nn]iên khóa|[Tt]hời kỳ|[Cc]ác năm|[Tt]ừ năm)[ ]{1,3}(?:từ[ ]{1,3})?(?:năm[ ]{1,3})?${Y4}[ ]{0,3}(?:-|đến|tới)[ ]{0,3}(?:năm[ ]{1,3})?${Y4}`,
);
const DAY_MONTH_PAREN = pattern('date.day-month-paren', `\\(${D}[ ]{0,1}[/-][ ]{0,1}${D}\\)`);
/** `ngày 15/12`, also with a hyphen like the holidays (`ngày 30-4`); not the first day of a range (`ngày 1-2/3/2024`) */
const DAY_MONTH_NGAY = pattern('date.day-month', `[Nn]gày[ ]{1,3}${D}(?:[ ]{0,2}/[ ]{0,2}|-)${D}`);
/** a range of two day-months without `ngày` or year: `từ 01-5 đến 05-5`, `từ 15/3 đến 20/3` (each end is a day-month) */
const DAY_MONTH_RANGE = pattern('date.day-month-range', `[Tt]ừ[ ]{1,3}${D}[/-]${D}[ ]{1,3}(?:đến|tới)[ ]{1,3}${D}[/-]${D}`);
const RANGE_OF_AMOUNT = pattern('date.range-of-amount', `^[ ]{0,2}(?:ngày|tháng|năm|tuần|giờ|phút|tuổi|người|lần|%)(?:[ ,.;)]|$)`, '');
const HOLIDAY = pattern(
  'date.holiday-day-month',
  '(?:[Qq]uốc khánh|[Qq]uốc tế [Ll]ao động|[Pp]hụ nữ Việt Nam|[Qq]uốc tế [Pp]hụ nữ|[Nn]hà giáo Việt Nam|[Tt]hương binh[ ,-]{1,3}[Ll]iệt sĩ|[Gg]iải phóng miền Nam|[Tt]hầy thuốc Việt Nam|[Bb]áo chí [Cc]ách mạng Việt Nam|[Tt]hống nhất đất nước|[Gg]iải phóng [Tt]hủ đô)[ ]{1,2}\\(?([0-9]{1,2})[/-]([0-9]{1,2})\\)?',
);
/** a named day with its day-month: `Ngày Di sản văn hóa Việt Nam 23/11` (`Ngày` + a capitalised name of ≤ 8 words) */
const NAMED_DAY = pattern('date.named-day', `(?:Ngày|NGÀY)[ ]{1,2}[${VI_UPPER}][${VI_LOWER}${VI_UPPER}]*(?:[ ]{1,2}[${VI_LOWER}${VI_UPPER}]+){0,7}[ ]{1,2}\\(?${D}[/-]${D}\\)?`);
/** a day of the lunar calendar: `15 tháng 4 âm lịch` (the day-month as written, no year) */
const LUNAR_DAY = pattern('date.lunar-day-month', `${D}[ ]{1,3}tháng[ ]{1,3}${D}[ ]{1,3}âm lịch`);
const YEAR = pattern('date.year', `(?:[Nn]ăm|NĂM)[ ]{1,3}${Y4}`);
const RELATIVE_YEAR = pattern('date.relative-year', `[Nn]ăm[ ]{1,2}(nay|trước|qua|tới|sau|kế tiếp|liền kề)`);
/** a plural before `năm` (`các năm kế tiếp`, `những năm qua`): several years, not one */
const PLURAL_BEFORE = pattern('date.plural-before', `(?:[Cc]ác|[Nn]hững|[Mm]ấy|[Nn]hiều)[ ]{1,2}$`, '');
/** a number right before `năm qua` / `năm tới` (`1 năm qua`): a count of years */
const COUNT_BEFORE = pattern('date.count-before', `(?:^|[^0-9.,])[0-9]{1,3}(?:,[0-9]+)?[ ]{1,2}$`, '');
const RANGE_BEFORE = pattern('date.range-before', `[Tt]ừ[ ]{1,3}(?:[Nn]gày[ ]{1,3})?$`, '');
const RANGE_BETWEEN = pattern('date.range-between', `^[ ]{0,3}(?:đến|tới|-)[ ]{0,3}(?:hết[ ]{1,3})?(?:[Nn]gày[ ]{1,3})?$`, '');

/** between a day and a year that ends the range: `đến hết`, `tới hết`, `đến cuối` */
const RANGE_BETWEEN_YEAR = pattern('date.range-between-year', `^[ ]{0,3}(?:đến|tới)[ ]{1,3}(?:hết|cuối)[ ]{1,3}$`, '');

function boundaryOk(text: string, start: number, end: number): boolean {
  const prev = text[start - 1];
  const next = text[end];
  if (isDigit(prev) || isLetter(prev)) return false;
  if (isDigit(next) || isLetter(next)) return false;
  return true;
}

export function extractDates(ctx: ExtractContext): DateResult {
  const { text, mask, meta } = ctx;
  const hits: Hit[] = [];
  // spans claimed by earlier rules, sorted; each rule's own hits are merged in after its pass (linear)
  let claimed: Hit[] = [];
  let pass: Hit[] = [];
  const isClaimed = (s: number, e: number): boolean => {
    if (mask.overlaps(s, e)) return true;
    let lo = 0;
    let hi = claimed.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = claimed[mid]!;
      if (c.end <= s) lo = mid + 1;
      else if (c.start >= e) hi = mid - 1;
      else return true;
    }
    const last = pass[pass.length - 1];
    return last !== undefined && last.end > s && last.start < e;
  };
  const claim = (h: Hit) => {
    hits.push(h);
    pass.push(h);
  };
  const endPass = () => {
    const merged: Hit[] = [];
    let i = 0;
    let j = 0;
    while (i < claimed.length || j < pass.length) {
      if (j >= pass.length || (i < claimed.length && claimed[i]!.start <= pass[j]!.start)) merged.push(claimed[i++]!);
      else merged.push(pass[j++]!);
    }
    claimed = merged;
    pass = [];
  };
  const reportYear = meta.year;

  const dayDate = (start: number, end: number, iso: string | undefined, rule: string, raw: string): Hit => {
    if (iso) return { start, end, date: { value: iso, precision: 'day', text: text.slice(start, end), span: { start, end }, rule } };
    return {
      start,
      end,
      finding: {
        rule: 'date.impossible',
        severity: 'warning',
        message: `Impossible date "${raw}" (no such day in the calendar)`,
        messageVi: `Ngày không tồn tại "${raw}"`,
        evidence: [{ start, end, text: text.slice(start, end) }],
      },
    };
  };

  let m: RegExpExecArray | null;
  // 0. elliptic days: `ngày 20 và 21/01/2022` → the first day takes the month and year of the second
  ELLIPTIC.lastIndex = 0;
  while ((m = ELLIPTIC.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (isLetter(text[s - 1]) || isDigit(text[e]) || text[e] === '/' || isClaimed(s, e)) continue;
    const d1s = s + m[0].indexOf(m[1]!, 4);
    const d1e = d1s + m[1]!.length;
    const d2s = s + m[0].lastIndexOf(m[2]!, m[0].indexOf('/'));
    const [mo, y] = [Number(m[3]), Number(m[4])];
    claim(dayDate(d1s, d1e, parseDayMonthYear(Number(m[1]), mo, y), 'date.elliptic-day', m[0]));
    claim(dayDate(d2s, e, parseDayMonthYear(Number(m[2]), mo, y), 'date.dmy-numeric', text.slice(d2s, e)));
  }
  endPass();
  // 0b. elliptic day ranges: `từ ngày 17 đến ngày 20 tháng 11 năm 2025` → one period
  ELLIPTIC_RANGE.lastIndex = 0;
  while ((m = ELLIPTIC_RANGE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (isLetter(text[s - 1]) || isDigit(text[e]) || text[e] === '/' || isClaimed(s, e)) continue;
    const mo = Number(m[3] ?? m[5]);
    const y = Number(m[4] ?? m[6]);
    const a = parseDayMonthYear(Number(m[1]), mo, y);
    const b = parseDayMonthYear(Number(m[2]), mo, y);
    if (!a || !b || b < a) continue;
    claim({ start: s, end: e, date: { value: a, end: b, precision: 'period', label: 'range', text: m[0], span: { start: s, end: e }, rule: 'date.elliptic-range' } });
  }
  endPass();
  // 1. full dates, words
  DMY_WORDS.lastIndex = 0;
  while ((m = DMY_WORDS.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (!boundaryOk(text, s, e) || isClaimed(s, e)) continue;
    claim(dayDate(s, e, parseDayMonthYear(Number(m[1]), Number(m[2]), Number(m[3])), 'date.dmy-words', m[0]));
  }
  endPass();
  // 2. full dates, numeric d/m/yyyy, d-m-yyyy, d.m.yyyy (same separator twice)
  DMY_NUM.lastIndex = 0;
  while ((m = DMY_NUM.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (m[2] !== m[4]) continue;
    const prev = text[s - 1];
    const next = text[e];
    if (isDigit(prev) || isLetter(prev) || prev === '/' || prev === '.' || prev === ',') continue;
    if (isDigit(next) || isLetter(next) || next === '/') continue;
    // a symbol like 01-01-2023/QĐ… is not a date
    if (next === '-' && isLetter(text[e + 1])) continue;
    if (isClaimed(s, e)) continue;
    const day = Number(m[1]);
    const month = Number(m[3]);
    const year = Number(m[5]);
    if (year < 1900 || year > 2100) continue;
    if (m[2] === '.' && (month > 12 || day > 31)) continue;
    claim(dayDate(s, e, parseDayMonthYear(day, month, year), 'date.dmy-numeric', m[0]));
  }
  endPass();
  // 3a. elliptic months: `tháng 8 và tháng 9/2024` → the first month takes the year of the second
  ELLIPTIC_MONTH.lastIndex = 0;
  while ((m = ELLIPTIC_MONTH.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (!boundaryOk(text, s, e) || isClaimed(s, e)) continue;
    const [m1, m2, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || year < 1900 || year > 2100) continue;
    const firstEnd = s + m[0].indexOf(m[1]!, 5) + m[1]!.length;
    const secondStart = s + m[0].lastIndexOf('tháng');
    claim({ start: s, end: firstEnd, date: { value: `${year}-${pad2(m1)}`, precision: 'month', text: text.slice(s, firstEnd), span: { start: s, end: firstEnd }, rule: 'date.elliptic-month' } });
    claim({ start: secondStart, end: e, date: { value: `${year}-${pad2(m2)}`, precision: 'month', text: text.slice(secondStart, e), span: { start: secondStart, end: e }, rule: 'date.month-year' } });
  }
  endPass();
  // 3. month-year
  MONTH_YEAR.lastIndex = 0;
  while ((m = MONTH_YEAR.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (!boundaryOk(text, s, e) || isClaimed(s, e)) continue;
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month < 1 || month > 12 || year < 1900 || year > 2100) continue;
    claim({ start: s, end: e, date: { value: `${year}-${pad2(month)}`, precision: 'month', text: m[0], span: { start: s, end: e }, rule: 'date.month-year' } });
  }
  endPass();
  // 4. periods: giai đoạn 2021-2025
  PERIOD.lastIndex = 0;
  while ((m = PERIOD.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (!boundaryOk(text, s, e) || isClaimed(s, e)) continue;
    const a = Number(m[2]);
    const b = Number(m[3]);
    if (a < 1900 || b > 2100 || b < a) continue;
    const kw = m[1]!.toLowerCase();
    const label = kw === 'nhiệm kỳ' ? 'term' : kw === 'năm học' || kw === 'niên khóa' ? 'school-year' : 'range';
    claim({ start: s, end: e, date: { value: String(a), end: String(b), precision: 'period', label, text: m[0], span: { start: s, end: e }, rule: 'date.period' } });
  }
  endPass();
  // 4b. a bare year range in brackets: `(2021 - 2025)`
  YEAR_RANGE_PAREN.lastIndex = 0;
  while ((m = YEAR_RANGE_PAREN.exec(text)) !== null) {
    const s = m.index + 1;
    const e = m.index + m[0].length - 1;
    if (isClaimed(s, e)) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1900 || b > 2100 || b <= a) continue;
    claim({ start: s, end: e, date: { value: String(a), end: String(b), precision: 'period', label: 'range', text: text.slice(s, e), span: { start: s, end: e }, rule: 'date.year-range-paren' } });
  }
  endPass();
  // 5. quarters
  QUARTER.lastIndex = 0;
  while ((m = QUARTER.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (!boundaryOk(text, s, e) || isClaimed(s, e)) continue;
    const q = quarterNumber(m[1]!);
    const year = m[2] !== undefined ? Number(m[2]) : reportYear;
    if (!q || year === undefined) continue;
    const d: DateCandidate = {
      value: `${year}-${pad2(q * 3 - 2)}`,
      end: `${year}-${pad2(q * 3)}`,
      precision: 'period',
      label: `Q${q}`,
      text: m[0],
      span: { start: s, end: e },
      rule: 'date.quarter',
    };
    if (m[2] === undefined) d.resolvedFrom = 'report-year';
    claim({ start: s, end: e, date: d });
  }
  endPass();
  // 6. halves and nine months
  HALF.lastIndex = 0;
  while ((m = HALF.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (!boundaryOk(text, s, e) || isClaimed(s, e)) continue;
    const months = /^(0?9|chín|CHÍN)$/.test(m[1]!) ? 9 : 6;
    const first = m[2] === undefined || m[2] === 'đầu' || m[2] === 'ĐẦU';
    const written = m[3] ?? m[4];
    const year = written !== undefined ? Number(written) : reportYear;
    if (year === undefined) continue;
    const from = first ? 1 : 13 - months;
    const to = first ? months : 12;
    const d: DateCandidate = {
      value: `${year}-${pad2(from)}`,
      end: `${year}-${pad2(to)}`,
      precision: 'period',
      label: months === 9 ? (first ? '9M' : 'last-9M') : first ? 'H1' : 'H2',
      text: m[0],
      span: { start: s, end: e },
      rule: 'date.half',
    };
    if (written === undefined) d.resolvedFrom = 'report-year';
    claim({ start: s, end: e, date: d });
  }
  endPass();
  // 7. day-month without a year: (26/4), ngày 15/12
  for (const [re, rule] of [[DAY_MONTH_PAREN, 'date.day-month-paren'], [DAY_MONTH_NGAY, 'date.day-month']] as const) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      const next = text[e];
      if (isDigit(next) || next === '/' || isLetter(next)) continue;
      if (next === '-' && isDigit(text[e + 1])) continue;
      if (isLetter(text[s - 1]) || isClaimed(s, e)) continue;
      const value = parseDayMonth(Number(m[1]), Number(m[2]));
      if (!value) continue;
      const ds = rule === 'date.day-month-paren' ? s + 1 : s;
      const de = rule === 'date.day-month-paren' ? e - 1 : e;
      claim({ start: ds, end: de, date: { value, precision: 'day-month', text: text.slice(ds, de), span: { start: ds, end: de }, rule } });
    }
    endPass();
  }
  DAY_MONTH_RANGE.lastIndex = 0;
  while ((m = DAY_MONTH_RANGE.exec(text)) !== null) {
    const e = m.index + m[0].length;
    const next = text[e];
    if (isDigit(next) || next === '/' || next === '-' || next === '%' || isLetter(next) || isLetter(text[m.index - 1])) continue;
    // `từ 3-5 đến 7-10 ngày`: ranges of a measured amount, not dates
    if (RANGE_OF_AMOUNT.test(text.slice(e, e + 12))) continue;
    const a = parseDayMonth(Number(m[1]), Number(m[2]));
    const b = parseDayMonth(Number(m[3]), Number(m[4]));
    if (!a || !b) continue;
    const as = m.index + m[0].search(/[0-9]/);
    const ae = as + m[0].slice(as - m.index).search(/[ ]/);
    const be = e;
    const bs = be - (m[3]!.length + 1 + m[4]!.length);
    if (isClaimed(as, ae) || isClaimed(bs, be)) continue;
    claim({ start: as, end: ae, date: { value: a, precision: 'day-month', text: text.slice(as, ae), span: { start: as, end: ae }, rule: 'date.day-month-range' } });
    claim({ start: bs, end: be, date: { value: b, precision: 'day-month', text: text.slice(bs, be), span: { start: bs, end: be }, rule: 'date.day-month-range' } });
  }
  endPass();
  // 7b. ND 30-style holidays: `Quốc khánh 2-9`, `Quốc tế Lao động 1-5`; named days (`Ngày Di sản văn hóa Việt Nam 23/11`)
  for (const re of [HOLIDAY, NAMED_DAY]) {
  re.lastIndex = 0;
  while ((m = re.exec(text)) !== null) {
    const e = m.index + m[0].length;
    const ds = m.index + m[0].search(/[0-9]/);
    const de = m[0].endsWith(')') ? e - 1 : e;
    if (isDigit(text[e]) || text[e] === '-' || text[e] === '/' || isClaimed(ds, de)) continue;
    const value = parseDayMonth(Number(m[1]), Number(m[2]));
    if (value) claim({ start: ds, end: de, date: { value, precision: 'day-month', text: text.slice(ds, de), span: { start: ds, end: de }, rule: re === HOLIDAY ? 'date.holiday-day-month' : 'date.named-day' } });
  }
  endPass();
  }
  // 7c. lunar days: the day-month as written (`ngày lễ Phật Đản (15 tháng 4 âm lịch)`)
  LUNAR_DAY.lastIndex = 0;
  while ((m = LUNAR_DAY.exec(text)) !== null) {
    const s = m.index;
    const de = s + m[0].search(/[ ]{1,3}âm/u);
    if (isDigit(text[s - 1]) || isLetter(text[s - 1]) || isClaimed(s, de)) continue;
    const value = parseDayMonth(Number(m[1]), Number(m[2]));
    if (value) claim({ start: s, end: de, date: { value, precision: 'day-month', text: text.slice(s, de), span: { start: s, end: de }, rule: 'date.lunar-day-month' } });
  }
  endPass();
  // 8. years: năm 2023
  YEAR.lastIndex = 0;
  while ((m = YEAR.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (!boundaryOk(text, s, e) || isClaimed(s, e)) continue;
    const y = Number(m[1]);
    if (y < 1900 || y > 2100) continue;
    // `năm 2023-2025` is a period
    if (text[e] === '-' && isDigit(text[e + 1])) continue;
    claim({ start: s, end: e, date: { value: String(y), precision: 'year', text: m[0], span: { start: s, end: e }, rule: 'date.year' } });
  }
  endPass();
  // 9. relative years, resolved against the report's year
  if (reportYear !== undefined) {
    RELATIVE_YEAR.lastIndex = 0;
    while ((m = RELATIVE_YEAR.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      if (!boundaryOk(text, s, e) || isClaimed(s, e)) continue;
      const pb = PLURAL_BEFORE.exec(text.slice(Math.max(0, s - 8), s));
      if (pb && !isLetter(text[Math.max(0, s - 8) + pb.index - 1])) continue;
      // a number before it counts years (`Hơn 1 năm qua`, `05 năm tới`): a duration, not a year
      if (COUNT_BEFORE.test(text.slice(Math.max(0, s - 12), s))) continue;
      const w = m[1]!;
      const delta = w === 'trước' || w === 'liền kề' ? -1 : w === 'tới' || w === 'sau' || w === 'kế tiếp' ? 1 : 0;
      claim({
        start: s,
        end: e,
        date: { value: String(reportYear + delta), precision: 'year', text: m[0], span: { start: s, end: e }, rule: 'date.relative-year', resolvedFrom: 'report-year' },
      });
    }
  }

  hits.sort((a, b) => a.start - b.start);
  // ranges: từ (ngày) D1 đến (ngày) D2 → one period
  const merged: Hit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const n = hits[i + 1];
    const firstOk = h.date?.precision === 'day' || h.date?.precision === 'day-month';
    if (firstOk && n?.date?.precision === 'day') {
      RANGE_BEFORE.lastIndex = 0;
      RANGE_BETWEEN.lastIndex = 0;
      const before = text.slice(Math.max(0, h.start - 12), h.start);
      const rb = RANGE_BEFORE.exec(before);
      if (rb && RANGE_BETWEEN.test(text.slice(h.end, n.start))) {
        const s = h.start - (before.length - rb.index);
        const e = n.end;
        merged.push({
          start: s,
          end: e,
          date: {
            // a day-month start takes the year of the end (`từ ngày 14/10 đến ngày 25/10/2019`)
            value: h.date!.precision === 'day-month' ? n.date.value.slice(0, 4) + h.date!.value.slice(1) : h.date!.value,
            end: n.date.value,
            precision: 'period',
            label: 'range',
            text: text.slice(s, e),
            span: { start: s, end: e },
            rule: 'date.range',
          },
        });
        i++;
        continue;
      }
    }
    // `từ ngày 11/9 đến hết năm 2026`: from a day to the end of a year → one period ending with the year
    if (firstOk && n?.date?.precision === 'year') {
      RANGE_BEFORE.lastIndex = 0;
      RANGE_BETWEEN_YEAR.lastIndex = 0;
      const before = text.slice(Math.max(0, h.start - 12), h.start);
      const rb = RANGE_BEFORE.exec(before);
      const y = n.date.value;
      const startValue = h.date!.precision === 'day-month' ? y + h.date!.value.slice(1) : h.date!.value;
      if (rb && RANGE_BETWEEN_YEAR.test(text.slice(h.end, n.start)) && startValue.slice(0, 4) <= y) {
        const s = h.start - (before.length - rb.index);
        const e = n.end;
        const d: DateCandidate = { value: startValue, end: y, precision: 'period', label: 'range', text: text.slice(s, e), span: { start: s, end: e }, rule: 'date.range' };
        if (n.date.resolvedFrom) d.resolvedFrom = n.date.resolvedFrom;
        merged.push({ start: s, end: e, date: d });
        i++;
        continue;
      }
    }
    merged.push(h);
  }
  return {
    dates: merged.flatMap((h) => (h.date ? [h.date] : [])),
    findings: merged.flatMap((h) => (h.finding ? [h.finding] : [])),
  };
}
