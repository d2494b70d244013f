/**
 * The report's own header block → report metadata: issuing agency (and its parent), `Số: …` (the report's
 * own number, claimed so that it is not a reference), place-date line, title, year or period.
 * Where the text has no header (body-only excerpts), agency, province and year are inferred from the body.
 */
import { mostFrequent } from '../util/most-frequent.js';
import { HEADER_WINDOW } from './window.js';
export { HEADER_WINDOW } from './window.js';
import type { ReportMeta, Span } from '../model/report.js';
import { parseDayMonthYear } from '../vocab/calendar.js';
import { BODY_AGENCY } from './agency-names.js';
import { parseEnglishHeader } from './header-en.js';
import { kindNamePrefix } from '../vocab/agencies.js';
import { asciiFold } from '../normalize/fold.js';

export interface HeaderResult {
  meta: ReportMeta;
  /** spans explained by the header (the report's own number) that extractors must skip */
  claimed: Span[];
}

const MOTTO = /C[ỘO]NG H(?:ÒA|OÀ|OA) X[ÃA] H[ỘO]I CH[ỦU] NGH[ĨI]A VI[ỆE]T NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc|ĐỘC LẬP\s*-\s*TỰ DO\s*-\s*HẠNH PHÚC/g;
/** `Số: 123/BC-SNV`, `Số: 1.276/BC-STNMT` (thousands dot); Party reports write `Số 186-BC/HU` (at a line start, often without a colon) */
const NUMBER_LINE = /(?:^|\s)Số\s*:\s*((?:[0-9]{1,3}\.[0-9]{3}|[0-9]{1,5})\s*\/\s*(?:[0-9]{4}\s*\/\s*)?[A-ZĐ][A-Za-zĐđƯư0-9&.\-\s]{1,30}?)(?=\s{2,}|\s+[A-ZĐ][a-zà-ỹ]|\s*$|\n)|(?:^|\n)[ ]*Số\s{0,2}:?\s{0,3}([0-9]{1,5}-[A-ZĐ][A-Za-zĐđ]{0,5}\/[A-ZĐ][A-Za-zĐđ&]{1,15}(?:-[A-ZĐ][A-Za-zĐđ&]{1,15})?)(?=\s|$)/;
const PLACE_DATE = /([A-ZĐ][\p{L} .]{1,40}?),\s*ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})/u;
const PERIOD_IN_TITLE: Array<[RegExp, (m: RegExpExecArray) => ReportMeta['period']]> = [
  [/(?:6|sáu) tháng đầu năm ([0-9]{4})/i, (m) => ({ value: `${m[1]}-H1`, start: `${m[1]}-01-01`, end: `${m[1]}-06-30`, text: m[0] })],
  [/(?:6|sáu) tháng cuối năm ([0-9]{4})/i, (m) => ({ value: `${m[1]}-H2`, start: `${m[1]}-07-01`, end: `${m[1]}-12-31`, text: m[0] })],
  [/(?:9|chín) tháng (?:đầu )?năm ([0-9]{4})/i, (m) => ({ value: `${m[1]}-9M`, start: `${m[1]}-01-01`, end: `${m[1]}-09-30`, text: m[0] })],
  [/quý (IV|III|II|I|[1-4])(?:\/| năm )([0-9]{4})/i, (m) => {
    const q = { I: 1, II: 2, III: 3, IV: 4 }[m[1]!.toUpperCase() as 'I'] ?? Number(m[1]);
    const endMonth = q * 3;
    const endDay = [31, 30, 30, 31][q - 1]!;
    return { value: `${m[2]}-Q${q}`, start: `${m[2]}-${String(endMonth - 2).padStart(2, '0')}-01`, end: `${m[2]}-${String(endMonth).padStart(2, '0')}-${endDay}`, text: m[0] };
  }],
  [/năm ([0-9]{4})/i, (m) => ({ value: `${m[1]}`, start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, text: m[0] })],
];
const AGENCY_HEAD = /^(THỦ TƯỚNG|CHÍNH PHỦ|QUỐC HỘI|CHỦ TỊCH NƯỚC|ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|SỞ|BỘ|BAN|CỤC|CHI CỤC|TỔNG CỤC|VĂN PHÒNG|TRUNG TÂM|THANH TRA|KHO BẠC|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ|PHÒNG|TRƯỜNG|BỆNH VIỆN|CÔNG AN|QUỸ|BẢO HIỂM XÃ HỘI|NGÂN HÀNG|CHI NHÁNH|KIỂM TOÁN|HỌC VIỆN|VIỆN|ĐẠI HỌC|LIÊN ĐOÀN|TÒA ÁN|TOÀ ÁN|HỘI|BCH|BAN CHẤP HÀNH|ĐOÀN)(?=\s|$)/u;
const PROVINCE_IN = /(?:TỈNH|tỉnh|THÀNH PHỐ|[Tt]hành phố|TP\.?)\s+((?:[A-ZĐÀ-Ỹ][\p{L}]*\s?){1,4})/u;

function titleCaseWords(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** Give an upper-case header name the casing the body uses for it, if the body mentions it. */
let lowCache: { text: string; low: string } | undefined;
function lowered(text: string): string {
  if (lowCache?.text !== text) lowCache = { text, low: (text.length > 200_000 ? text.slice(0, 200_000) : text).toLowerCase() };
  return lowCache.low;
}

function bodyCasing(text: string, upper: string): string {
  // the body's most frequent mixed-case spelling that starts with a capital (`Bộ Nội vụ`, not `bộ nội vụ`)
  const lower = upper.toLowerCase();
  const lowText = lowered(text);
  const variants = new Map<string, number>();
  for (let idx = lowText.indexOf(lower), n = 0; idx >= 0 && n < 50; idx = lowText.indexOf(lower, idx + 1), n++) {
    const found = text.slice(idx, idx + upper.length);
    if (found !== upper && found[0] === found[0]!.toUpperCase() && found !== found.toUpperCase()) variants.set(found, (variants.get(found) ?? 0) + 1);
  }
  const best = [...variants].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  return agencyCasing(upper);
}

/** Level words that put a place name after them (`PHƯỜNG TÂN HÒA`, `KHU VỰC XVII`); `XÃ HỘI` is not one. */
const LEVEL_WORDS = [['THÀNH', 'PHỐ'], ['THỊ', 'XÃ'], ['THỊ', 'TRẤN'], ['KHU', 'VỰC'], ['TỈNH'], ['HUYỆN'], ['QUẬN'], ['XÃ'], ['PHƯỜNG']];
const ROMAN_NUMERAL = /^(?=[IVXLC])(?:X{0,3})(?:IX|IV|V?I{0,3})$|^L?X{0,3}(?:IX|IV|V?I{0,3})$/;
/** a pronounceable Vietnamese syllable (folded): `BAN`, `KHU`; not an acronym like `UBND`, `VP`, `TW` */
const SYLLABLE = /^(?:NGH|NG|GH|GI|KH|PH|TH|TR|CH|NH|QU|[BCDGHKLMNPQRSTVX])?[AEIOUY]{1,3}(?:NG|NH|CH|[CMNPT])?$/;

function levelAt(words: readonly string[], i: number): number {
  for (const lw of LEVEL_WORDS) {
    if (lw.every((w, j) => words[i + j] === w) && words.length > i + lw.length) {
      if (lw.length === 1 && lw[0] === 'XÃ' && words[i + 1] === 'HỘI') continue;
      return lw.length;
    }
  }
  return 0;
}

function isAcronym(w: string): boolean {
  if (w.includes('&')) return true;
  if (!/^[A-ZĐÀ-Ỹ]+$/u.test(w) || w !== w.toUpperCase()) return false;
  return !SYLLABLE.test(asciiFold(w).toUpperCase());
}

function capitalise(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1).toLowerCase();
}

/** A place name: each word capitalised (`Tân Hòa`, `Lâm Đồng`), Roman numerals and numbers as written, nested levels lower case. */
function placeCasing(words: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const lw = i > 0 ? levelAt(words, i) : 0;
    if (lw) {
      for (let j = 0; j < lw; j++) out.push(words[i + j]!.toLowerCase());
      i += lw - 1;
    } else out.push(ROMAN_NUMERAL.test(words[i]!) || !/[A-ZĐÀ-Ỹ]/u.test(words[i]!) ? words[i]! : capitalise(words[i]!));
  }
  return out.join(' ');
}

/**
 * Sentence-style casing of an upper-case agency name (ND 30): the registered kind name as the registry spells
 * it (`Ủy ban nhân dân`, `Sở Nội vụ`, `Kho bạc Nhà nước`), else the first word capitalised and the generic
 * words lower case (acronyms and Roman numerals kept); the level word lower case and the place name
 * capitalised word by word (`phường Tân Hòa`, `tỉnh Lâm Đồng`, `khu vực XVII`).
 */
export function agencyCasing(upper: string): string {
  const words = upper.split(/\s+/).filter(Boolean);
  // where the place starts: the level word after the longest registered head, else the first level word
  let split = -1;
  for (let i = 1; i < words.length; i++) if (levelAt(words, i) && split < 0) split = i;
  const known = kindNamePrefix(words);
  if (known && known[1] < words.length && levelAt(words, known[1])) split = known[1];
  const headWords = split < 0 ? words : words.slice(0, split);
  let head: string;
  if (known && known[1] <= headWords.length) {
    const rest = headWords.slice(known[1]).map((w) => (isAcronym(w) || ROMAN_NUMERAL.test(w) ? w : w.toLowerCase()));
    head = [known[0], ...rest].join(' ');
  } else {
    head = headWords.map((w, i) => (i > 0 && (isAcronym(w) || ROMAN_NUMERAL.test(w)) ? w : i === 0 ? capitalise(w) : w.toLowerCase())).join(' ');
  }
  if (split < 0) return head;
  const lw = levelAt(words, split);
  const level = words.slice(split, split + lw).join(' ').toLowerCase();
  return `${head} ${level} ${placeCasing(words.slice(split + lw))}`;
}

export function parseHeader(text: string, language: 'vi' | 'en'): HeaderResult {
  const meta: ReportMeta = {};
  const claimed: Span[] = [];
  if (language !== 'vi') return parseEnglishHeader(text);
  const headLen = Math.min(text.length, HEADER_WINDOW);
  const head = text.slice(0, headLen);

  // the report's own number
  const num = NUMBER_LINE.exec(head);
  if (num) {
    const found = num[1] ?? num[2]!;
    const s = num.index + num[0].indexOf(found);
    const raw = found.trim();
    meta.number = raw.replace(/\s+/g, '').replace(/^([0-9]{1,3})\.([0-9]{3})(?=\/)/, '$1$2');
    claimed.push({ start: s, end: s + raw.length });
  }
  // place-date line
  const pd = PLACE_DATE.exec(head);
  if (pd) {
    let place = pd[1]!.replace(MOTTO, ' ').trim();
    place = place.replace(/^.*\s{2,}/, '').replace(/^(?:Số\s*:.*?\s)(?=[A-ZĐ])/, '').trim();
    const words = place.split(/\s+/);
    // keep the trailing capitalised words (`… Tiền Giang`)
    const tail: string[] = [];
    for (let i = words.length - 1; i >= 0 && tail.length < 4; i--) {
      const w = words[i]!;
      if (!/^[A-ZĐÀ-Ỹ]/.test(w) || /^[A-ZĐ]{2,}[-/]/.test(w) || w.includes('/')) break;
      tail.unshift(w);
    }
    if (tail.length) meta.place = tail.join(' ');
    const iso = parseDayMonthYear(Number(pd[2]), Number(pd[3]), Number(pd[4]));
    if (iso) meta.issuedOn = iso;
  }
  // agency lines: upper-case lines before the title
  const lines = head.split('\n').map((l) => l.replace(MOTTO, ' ').replace(/\s{2,}/g, '  ').trim());
  const agencyLines: string[] = [];
  let lastAgencyLine = -2;
  let titleIdx = -1;
  for (let i = 0; i < lines.length && i < 20; i++) {
    const l = lines[i]!;
    if (/^(BÁO CÁO|BAO CAO|THÔNG BÁO|KẾ HOẠCH|TỜ TRÌNH|CHƯƠNG TRÌNH|ĐỀ ÁN|HƯỚNG DẪN|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|THÔNG TƯ|CÔNG ĐIỆN|KẾT LUẬN|QUY ĐỊNH|QUY CHẾ|THÔNG TRI)(\s|$)/u.test(l)) {
      titleIdx = i;
      break;
    }
    const first = l.split(/\s{2,}/)[0]!.trim();
    if (first && AGENCY_HEAD.test(first) && first === first.toUpperCase()) agencyLines.push(first);
    else if (first && agencyLines.length && /^(TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s/u.test(first) && first === first.toUpperCase())
      agencyLines[agencyLines.length - 1] += ` ${first}`;
    // a long name wrapped over lines: `SỞ LAO ĐỘNG - THƯƠNG BINH` / `VÀ XÃ HỘI`, `ỦY BAN NHÂN` / `DÂN`,
    // `BỘ VĂN HÓA, THỂ` / `THAO` / `VÀ DU LỊCH`: an upper-case line right under an agency line that opens no
    // agency of its own continues it
    else if (first && agencyLines.length && lastAgencyLine === i - 1 && first === first.toUpperCase() && /[A-ZĐ]/.test(first)
      && !/[0-9:]/.test(first))
      agencyLines[agencyLines.length - 1] += ` ${first}`;
    else continue;
    lastAgencyLine = i;
  }
  if (agencyLines.length) {
    let agency = agencyLines[agencyLines.length - 1]!;
    // a bare unit under its parent (`UBND TỈNH ĐỒNG THÁP` / `VĂN PHÒNG`) is that parent's unit
    if (agencyLines.length > 1 && /^(VĂN PHÒNG|THANH TRA|BAN [A-ZĐÀ-Ỹ ]{2,30})$/u.test(agency)) {
      const parent = agencyLines[0]!.replace(/^UBND\s/, 'ỦY BAN NHÂN DÂN ').replace(/^HĐND\s/, 'HỘI ĐỒNG NHÂN DÂN ');
      agency = `${agency} ${parent}`;
    }
    // a branch under its organisation (`NGÂN HÀNG NHÀ NƯỚC VIỆT NAM` / `CHI NHÁNH TỈNH NGHỆ AN`) is named after it
    if (agencyLines.length > 1 && /^CHI NHÁNH\s/u.test(agency)) agency = `${agencyLines[0]!.replace(/\s+VIỆT NAM$/u, '')} ${agency}`;
    // a Party committee under its organisation's line: `ĐẢNG BỘ XÃ TÂN HÒA` / `ĐẢNG ỦY XÃ` → `ĐẢNG ỦY XÃ TÂN HÒA`
    // `BCH HỘI NÔNG DÂN TỈNH PHÚ YÊN`: the executive committee signs for the association itself
    agency = agency.replace(/^(?:BCH|BAN CHẤP HÀNH)\s+(?=(?:HỘI|ĐOÀN|LIÊN ĐOÀN)\s)/u, '');
    const bareLevel = /^(ĐẢNG ỦY|ĐẢNG UỶ) (XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|TỈNH)$/u.exec(agency);
    if (bareLevel) {
      const named = lines.slice(0, 6).map((l) => l.split(/\s{2,}/)[0]!.trim()).find((l) => l.startsWith(`ĐẢNG BỘ ${bareLevel[2]} `));
      if (named) agency = `${agency}${named.slice(`ĐẢNG BỘ ${bareLevel[2]}`.length)}`;
    }
    meta.agency = bodyCasing(text, agency);
    if (agencyLines.length > 1) meta.parentAgency = bodyCasing(text, agencyLines[0]!);
    for (const a of agencyLines) {
      const p = PROVINCE_IN.exec(a);
      if (p) {
        meta.province = titleCaseWords(p[1]!.trim());
        break;
      }
    }
  }
  if (titleIdx >= 0) {
    const parts: string[] = [];
    for (let i = titleIdx + 1; i < lines.length && i < titleIdx + 4; i++) {
      const l = lines[i]!;
      if (!l || /^(Kính gửi|Căn cứ|Thực hiện|I\.|1\.|PHẦN|Phần)/.test(l) || l.length > 200) break;
      parts.push(l);
      if (/năm [0-9]{4}|[0-9]{4}$/.test(l)) break;
    }
    meta.title = parts.length ? parts.join(' ').replace(/^[-–]\s*/, '').trim() : bodyCasing(text, lines[titleIdx]!);
  } else {
    // a công văn has no title line; its subject (`V/v …`) names it
    const vv = /(?:^|\s)V\/v\s+([^\n]{3,200})/.exec(head);
    if (vv) meta.title = `V/v ${vv[1]!.trim()}`;
  }
  // year / period: from the title, else the issue date, else the body
  const periodSource = meta.title ?? '';
  for (const [re, make] of PERIOD_IN_TITLE) {
    const m = re.exec(periodSource);
    if (m) {
      meta.period = make(m as RegExpExecArray)!;
      meta.year = Number(/([0-9]{4})/.exec(m[0])![1]);
      break;
    }
  }
  if (meta.year === undefined && meta.issuedOn) meta.year = Number(meta.issuedOn.slice(0, 4));
  if (meta.year === undefined) {
    const years = [...text.matchAll(/năm ([0-9]{4})(?![0-9-])/g)].map((m) => m[1]!).filter((y) => Number(y) >= 1990 && Number(y) <= 2100);
    const y = mostFrequent(years);
    if (y) meta.year = Number(y);
  }
  if (!meta.agency) {
    const names = [...text.matchAll(BODY_AGENCY)].map((m) => m[1]!.replace(/\s+(và|của|về|tại)$/, '').trim());
    const a = mostFrequent(names.filter((n) => n.split(' ').length >= 2));
    if (a) meta.agency = a;
  }
  if (!meta.province) {
    const provs = [...text.matchAll(/(?:tỉnh|thành phố) ((?:[A-ZĐ][\p{L}]*)(?: [A-ZĐ][\p{L}]*){0,2})/gu)].map((m) => m[1]!);
    const p = mostFrequent(provs);
    if (p) meta.province = p;
    else if (meta.place) meta.province = meta.place;
  }
  // a department's full name carries its province: `Sở Nội vụ tỉnh Long An`
  // (not a national body's office: `Văn phòng Chính phủ`, `Văn phòng Quốc hội`)
  if (meta.agency && meta.province && /^(Sở|Ban|Chi cục|Trung tâm|Văn phòng|Thanh tra)\s/.test(meta.agency) && !/(tỉnh|thành phố|huyện|quận)\s/.test(meta.agency)
    && !/(Chính phủ|Quốc hội|Trung ương|Chủ tịch nước)/i.test(meta.agency)) {
    const city = /THÀNH PHỐ|[Tt]hành phố/.test(meta.parentAgency ?? '') ? 'thành phố' : 'tỉnh';
    // `Thanh tra tỉnh` already names its level: add only the province
    meta.agency = /\s(tỉnh|thành phố)$/.test(meta.agency) ? `${meta.agency} ${meta.province}` : `${meta.agency} ${city} ${meta.province}`;
  }
  return { meta, claimed };
}
