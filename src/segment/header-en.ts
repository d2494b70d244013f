/**
 * English report headers: issuing body (upper-case lines or the body's most frequent `Department of …`),
 * province, title, year and period (`NINE MONTHS OF 2023`, `Q1 2024`, `first half of 2023`, `in 2022`).
 */
import { mostFrequent } from '../util/most-frequent.js';
import { HEADER_WINDOW } from './window.js';
import type { ReportMeta } from '../model/report.js';
import { parseDayMonthYear } from '../vocab/calendar.js';
import { pattern } from '../util/pattern.js';

const BODY_LINE = /(PEOPLE'S COMMITTEE|PEOPLE’S COMMITTEE|PEOPLE'S COUNCIL|DEPARTMENT|MINISTRY|OFFICE|AGENCY|COMMITTEE|INSPECTORATE)/;
const BODY_NAME = /((?:Provincial |District )?Department of [A-Z][A-Za-z]+(?: (?:and|of) [A-Z][A-Za-z]+| [A-Z][A-Za-z]+){0,4}|Ministry of [A-Z][A-Za-z]+(?: (?:and|of) [A-Z][A-Za-z]+| [A-Z][A-Za-z]+){0,4}|[A-Z][a-z]+ [A-Z][a-z]+ (?:Provincial|District) People['’]s Committee)/g;
const PROVINCE = /([A-Z][a-zà-ỹ]+(?: [A-Z][a-zà-ỹ]+){0,2}) [Pp]rovince(?![a-z])|([A-Z]{2,}(?: [A-Z]{2,}){0,2}) PROVINCIAL|[Pp]rovince of ([A-Z][a-zà-ỹ]+(?: [A-Z][a-zà-ỹ]+){0,2})|(?:OF )?([A-Z]{2,}(?: [A-Z]{2,}){0,2}) PROVINCE\b/;

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .map((w, i) => (i > 0 && /^(of|and|in|on|for|the)$/.test(w) ? w : w.replace(/^\p{L}/u, (c) => c.toUpperCase())))
    .join(' ')
    .replace(/People'S/g, "People's");
}

const OWN_NUMBER = /(?:^|\n)[ ]*(?:Ref\.?[ ]?)?(?:No|Number|Ref)\.?[ ]*:?[ ]*([0-9]{1,5}[ ]?\/[ ]?(?:[0-9]{4}[ ]?\/[ ]?)?[A-ZĐ][A-Za-zĐđ&.-]{0,30})/;
/**
 * The issue date: a header line ending with a full date after `Place, `, `Submitted: `, `Prepared by …, ` or `on `
 * (`Quy Nhon, 20 December 2024`, `Ben Tre, December 15, 2023`, `Ha Tinh, 18 Dec 2023`, `Submitted: 22 Jul 2024`,
 * `Hue, 05/3/2024`). A period line (`Reporting period: 1 January – 30 June 2024`) is not the issue date.
 */
const MONTH_ALT = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const ISSUED_LINE = pattern(
  'en.header.issued',
  `(?:^|, |: | on )(?:([0-3]?[0-9])(?:st|nd|rd|th)? (${MONTH_ALT})\\.?,? ((?:19|20)[0-9]{2})|(${MONTH_ALT})\\.? ([0-3]?[0-9])(?:st|nd|rd|th)?, ((?:19|20)[0-9]{2})|([0-3]?[0-9])[/.-]([01]?[0-9])[/.-]((?:19|20)[0-9]{2}))[ .]*$`,
  '',
);
const MONTH_NO: Record<string, number> = {
  January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12,
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Sept: 9, Oct: 10, Nov: 11, Dec: 12,
};

/** English header: metadata plus the span of the report's own number (`No.: 215/BC-STC`), which is not a reference. */
export function parseEnglishHeader(text: string): { meta: ReportMeta; claimed: { start: number; end: number }[] } {
  const meta = parseEnglishHeaderMeta(text);
  const claimed: { start: number; end: number }[] = [];
  const head = text.slice(0, HEADER_WINDOW);
  const own = OWN_NUMBER.exec(head);
  if (own) {
    const start = own.index + own[0].indexOf(own[1]!);
    const raw = own[1]!.replace(/[.-]+$/, '');
    meta.number = raw.replace(/\s+/g, '');
    claimed.push({ start, end: start + raw.length });
  }
  for (const line of head.split('\n').slice(0, 12)) {
    const l = line.trim();
    if (l.length > 140 || /period|from /i.test(l)) continue;
    const m = ISSUED_LINE.exec(l);
    if (!m) continue;
    const [d, mo, y] =
      m[1] !== undefined ? [+m[1], MONTH_NO[m[2]!]!, +m[3]!] : m[4] !== undefined ? [+m[5]!, MONTH_NO[m[4]!]!, +m[6]!] : [+m[7]!, +m[8]!, +m[9]!];
    const iso = parseDayMonthYear(d, mo, y);
    if (iso) {
      meta.issuedOn = iso;
      break;
    }
  }
  return { meta, claimed };
}

function parseEnglishHeaderMeta(text: string): ReportMeta {
  const meta: ReportMeta = {};
  const lines = text.slice(0, HEADER_WINDOW).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 8);
  const bodyLines = lines.filter((l) => l === l.toUpperCase() && BODY_LINE.test(l) && !/^REPORT\b/.test(l) && l.length < 90);
  const upperBody = bodyLines.map((l) => l.split(/\s+-\s+/)[0]!);
  if (upperBody.length) {
    meta.agency = titleCase(upperBody[upperBody.length - 1]!);
    if (upperBody.length > 1) meta.parentAgency = titleCase(upperBody[0]!);
  } else {
    const names = [...text.slice(0, 200_000).matchAll(BODY_NAME)].map((m) => m[1]!);
    const a = mostFrequent(names);
    if (a) meta.agency = a;
  }
  const prov = PROVINCE.exec(lines.join('\n')) ?? PROVINCE.exec(text.slice(0, 20_000));
  if (prov) meta.province = titleCase((prov[1] ?? prov[2] ?? prov[3] ?? prov[4])!);
  // an agency named without its place takes the province of the header above it:
  // `PROVINCIAL INSPECTORATE` under `HA TINH PROVINCIAL PEOPLE'S COMMITTEE` → `Ha Tinh Provincial Inspectorate`,
  // `DEPARTMENT OF HOME AFFAIRS` under `PEOPLE'S COMMITTEE OF BEN TRE PROVINCE` → `Department of Home Affairs of Ben Tre Province`
  if (meta.agency && meta.province && upperBody.length > 1 && meta.parentAgency?.toLowerCase().includes(meta.province.toLowerCase()) && !meta.agency.toLowerCase().includes(meta.province.toLowerCase())) {
    if (/^(?:Provincial|District) /.test(meta.agency)) meta.agency = `${meta.province} ${meta.agency}`;
    else if (/^Department of /.test(meta.agency)) meta.agency = `${meta.agency} of ${meta.province} Province`;
  }
  // the title: the line after a `REPORT` line, else a line naming a report with a year
  const reportAt = lines.findIndex((l) => /^(?:[A-Z-]+ )*REPORT$/.test(l));
  const afterReport = reportAt >= 0 ? lines[reportAt + 1] : undefined;
  const titleLine =
    afterReport !== undefined && /\b(19|20)[0-9]{2}\b/.test(afterReport)
      ? afterReport
      : lines.find((l) => /\b(19|20)[0-9]{2}\b/.test(l) && /report|results|summary|brief|review|progress/i.test(l));
  if (titleLine) meta.title = titleLine.replace(/^REPORT\s+(ON\s+)?/i, (m) => m).trim();
  const t = titleLine ?? '';
  let m: RegExpExecArray | null;
  if ((m = /nine months of (\d{4})/i.exec(t))) meta.period = { value: `${m[1]}-9M`, start: `${m[1]}-01-01`, end: `${m[1]}-09-30`, text: m[0] };
  else if ((m = /(first|second) half of (\d{4})/i.exec(t)))
    meta.period = m[1]!.toLowerCase() === 'first'
      ? { value: `${m[2]}-H1`, start: `${m[2]}-01-01`, end: `${m[2]}-06-30`, text: m[0] }
      : { value: `${m[2]}-H2`, start: `${m[2]}-07-01`, end: `${m[2]}-12-31`, text: m[0] };
  else if ((m = /\bQ([1-4])\s+(\d{4})/.exec(t))) {
    const q = Number(m[1]);
    const endDay = [31, 30, 30, 31][q - 1]!;
    meta.period = { value: `${m[2]}-Q${q}`, start: `${m[2]}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: `${m[2]}-${String(q * 3).padStart(2, '0')}-${endDay}`, text: m[0] };
  } else if ((m = /\b((?:19|20)\d{2})\b/.exec(t))) meta.period = { value: m[1]!, start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, text: m[0] };
  // a school-year report is the year the school year ends in (`School year 2023–2024` → 2024, as in Vietnamese)
  const sy = /(?:school|academic) year ((?:19|20)\d{2}) ?[-–] ?((?:19|20)\d{2})/i.exec(t);
  if (sy) meta.year = Number(sy[2]);
  else if (meta.period) meta.year = Number(meta.period.value.slice(0, 4));
  else {
    const years = [...text.slice(0, 200_000).matchAll(/\b(?:in|of|year) ((?:19|20)\d{2})\b/g)].map((x) => x[1]!);
    const y = mostFrequent(years);
    if (y) meta.year = Number(y);
  }
  return meta;
}
