/**
 * English report headers: issuing body (upper-case lines or the body's most frequent `Department of …`),
 * province, title, year and period (`NINE MONTHS OF 2023`, `Q1 2024`, `first half of 2023`, `in 2022`).
 */
import { mostFrequent } from '../util/most-frequent.js';
import type { ReportMeta } from '../model/report.js';
import { parseDayMonthYear } from '../extract/vi/rules/date-parts.js';

const BODY_LINE = /(PEOPLE'S COMMITTEE|PEOPLE’S COMMITTEE|PEOPLE'S COUNCIL|DEPARTMENT|MINISTRY|OFFICE|AGENCY|COMMITTEE|INSPECTORATE)/;
const BODY_NAME = /((?:Provincial |District )?Department of [A-Z][A-Za-z]+(?: (?:and|of) [A-Z][A-Za-z]+| [A-Z][A-Za-z]+){0,4}|Ministry of [A-Z][A-Za-z]+(?: (?:and|of) [A-Z][A-Za-z]+| [A-Z][A-Za-z]+){0,4}|[A-Z][a-z]+ [A-Z][a-z]+ (?:Provincial|District) People['’]s Committee)/g;
const PROVINCE = /([A-Z][a-zà-ỹ]+(?: [A-Z][a-zà-ỹ]+){0,2}) [Pp]rovince(?![a-z])|([A-Z]{2,}(?: [A-Z]{2,}){0,2}) PROVINCIAL|[Pp]rovince of ([A-Z][a-zà-ỹ]+(?: [A-Z][a-zà-ỹ]+){0,2})/;

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .map((w, i) => (i > 0 && /^(of|and|in|on|for|the)$/.test(w) ? w : w.replace(/^\p{L}/u, (c) => c.toUpperCase())))
    .join(' ')
    .replace(/People'S/g, "People's");
}

const OWN_NUMBER = /(?:^|\n)[ ]*(?:No|Number|Ref)\.?[ ]*:[ ]*([0-9]{1,5}[ ]?\/[ ]?(?:[0-9]{4}[ ]?\/[ ]?)?[A-ZĐ][A-Za-zĐđ&.-]{0,30})/;
const ISSUED = /([A-Z][a-zà-ỹ]+(?: [A-Z][a-zà-ỹ]+){0,2}), ([0-3]?[0-9]) (January|February|March|April|May|June|July|August|September|October|November|December) ((?:19|20)[0-9]{2})|([A-Z][a-zà-ỹ]+(?: [A-Z][a-zà-ỹ]+){0,2}), (January|February|March|April|May|June|July|August|September|October|November|December) ([0-3]?[0-9]), ((?:19|20)[0-9]{2})/;
const MONTH_NO: Record<string, number> = { January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12 };

/** English header: metadata plus the span of the report's own number (`No.: 215/BC-STC`), which is not a reference. */
export function parseEnglishHeader(text: string): { meta: ReportMeta; claimed: { start: number; end: number }[] } {
  const meta = parseEnglishHeaderMeta(text);
  const claimed: { start: number; end: number }[] = [];
  const head = text.slice(0, 1500);
  const own = OWN_NUMBER.exec(head);
  if (own) {
    const start = own.index + own[0].indexOf(own[1]!);
    const raw = own[1]!.replace(/[.-]+$/, '');
    meta.number = raw.replace(/\s+/g, '');
    claimed.push({ start, end: start + raw.length });
  }
  const issued = ISSUED.exec(head);
  if (issued) {
    const [d, mo, y] = issued[2] !== undefined ? [+issued[2], MONTH_NO[issued[3]!]!, +issued[4]!] : [+issued[7]!, MONTH_NO[issued[6]!]!, +issued[8]!];
    const iso = parseDayMonthYear(d, mo, y);
    if (iso) meta.issuedOn = iso;
  }
  return { meta, claimed };
}

function parseEnglishHeaderMeta(text: string): ReportMeta {
  const meta: ReportMeta = {};
  const lines = text.slice(0, 1500).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 8);
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
  if (prov) meta.province = titleCase((prov[1] ?? prov[2] ?? prov[3])!);
  const titleLine = lines.find((l) => /\b(19|20)[0-9]{2}\b/.test(l) && /report|results|summary|brief|review|progress/i.test(l));
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
  if (meta.period) meta.year = Number(meta.period.value.slice(0, 4));
  else {
    const years = [...text.slice(0, 200_000).matchAll(/\b(?:in|of|year) ((?:19|20)\d{2})\b/g)].map((x) => x[1]!);
    const y = mostFrequent(years);
    if (y) meta.year = Number(y);
  }
  return meta;
}
