/**
 * Vietnamese documents cited in English text:
 *   `Decision No. 23/2023/QD-UBND dated 2 November 2023 of the Provincial People's Committee on …`,
 *   `Decree 107/2020/ND-CP`, `Plan No. 286/KH-SKH&CN`, `Official Letter No. 335/VPUBND-KSTT`,
 *   `Law No. 80/2015/QH13`, `Resolution No. 18-NQ/TW`, `Joint Circular No. 01/2015/TTLT-BNV-BTC`.
 * The fields match the Vietnamese pack: type slug, category, number (unpadded), year, symbol (as written, no spaces),
 * key (symbolKey: QD and QĐ fold together), typeCode, issuerCode, issuer, issuedOn, subject.
 */
import type { ExtractContext, RefCandidate } from '../context.js';
import { isDigit, pattern } from '../../util/pattern.js';
import { symbolKey } from '../symbol-key.js';
import { MONTH_SOURCE, MONTHS, NORMATIVE_TYPES, TYPE_CODES, TYPE_WORDS, type Category, type DocType } from './lexicon.js';
import { numericDateOrder } from './dates.js';

const VI_UP = 'A-ZĐƯÂĂÊÔƠ';
const VI_ANY = 'A-Za-zĐđƯưÂâĂăÊêÔôƠơ';

/** English type word (any word's first letter either case), optional plural, optional `No.` */
const typeAlt = TYPE_WORDS.map((t) =>
  t.words
    .split(' ')
    .map((w) => `[${w[0]}${w[0]!.toLowerCase()}]${w.slice(1)}`)
    .join(' '),
).join('|');

/**
 * One pattern for the citation head: [type word] [No.] symbol. The symbol tail is one bounded character class
 * (groups and hyphens); it is split and validated in code.
 */
export const REFERENCE_HEAD = pattern(
  'en.ref.head',
  `(?:(${typeAlt})s? (?:(?:[Nn]o|[Nn]os|[Nn]umber|[Nn]r)\\.? ?)?)?(?:([0-9]{1,4})-([${VI_UP}][${VI_ANY}]{0,4}) ?/ ?([${VI_UP}][${VI_ANY}0-9]{0,9})|([0-9]{1,5}(?:\\.[0-9]{1,3})?[a-z]?)(?: ?/ ?((?:19|20)[0-9]{2}))? ?/ ?([${VI_UP}][${VI_ANY}&0-9-]*))`,
);

const DATE_AFTER = pattern(
  'en.ref.date',
  `,? (?:dated|of|issued on|signed on|on) (?:([0-3]?[0-9])(?:st|nd|rd|th)? (?:of )?(${MONTH_SOURCE})\\.?,? ((?:19|20)[0-9]{2})|(${MONTH_SOURCE})\\.? ([0-3]?[0-9])(?:st|nd|rd|th)?,? ((?:19|20)[0-9]{2})|([0-3]?[0-9])[/.-]([0-3]?[0-9])[/.-]((?:19|20)[0-9]{2}))`,
  'y',
);

const ISSUER_AFTER = pattern('en.ref.issuer', `,? (?:of|by|issued by) (?:the )?([A-Z][A-Za-z'’]*)`, 'y');
const SUBJECT_AFTER = pattern('en.ref.subject', ` (?:on|regarding|concerning|about) `, 'y');

const pad = (n: number): string => String(n).padStart(2, '0');

const TYPE_BY_WORD = new Map<string, DocType>(TYPE_WORDS.map((t) => [t.words.toLowerCase(), t.type]));

const CONNECT_WORDS = new Set(['of', 'and', 'for', 'the', 'on']);
const ISSUER_STOP = new Set(['on', 'regarding', 'concerning', 'about', 'dated']);

/** Reads `the Provincial People's Committee`, `the Office of the Provincial People's Committee` word by word. */
function readIssuer(text: string, from: number): number {
  let i = from;
  let lastGood = from;
  let words = 0;
  while (i < text.length && words < 14) {
    const m = /^[A-Za-z'’&-]+/.exec(text.slice(i, i + 40));
    if (!m) break;
    const w = m[0];
    const isCap = /^[A-Z]/.test(w);
    // `… Committee and Conclusion No. 18-KL/TU`: a type word starts the next citation
    if (words > 0 && (TYPE_BY_WORD.has(w.toLowerCase().replace(/s$/, '')) || w === 'No')) break;
    if (isCap) {
      lastGood = i + w.length;
    } else if (!CONNECT_WORDS.has(w) || ISSUER_STOP.has(w)) break;
    // `of the Department on promulgating`: stop before a subject `on`
    if (w === 'on') break;
    i += w.length;
    words++;
    if (text[i] !== ' ') break;
    i++;
  }
  return lastGood;
}

function readDate(m: RegExpExecArray, order: 'day-first' | 'month-first'): string | undefined {
  let y: number;
  let mo: number;
  let d: number;
  if (m[1]) [d, mo, y] = [+m[1], MONTHS[m[2]!.toLowerCase()] ?? 0, +m[3]!];
  else if (m[4]) [mo, d, y] = [MONTHS[m[4].toLowerCase()] ?? 0, +m[5]!, +m[6]!];
  else {
    const a = +m[7]!;
    const b = +m[8]!;
    y = +m[9]!;
    const o = a > 12 ? 'day-first' : b > 12 ? 'month-first' : order;
    [d, mo] = o === 'day-first' ? [a, b] : [b, a];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(y, mo, 0).getDate()) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

interface Classified {
  type: DocType;
  category: Category;
  typeCode?: string;
  issuerCode?: string;
}

function classify(word: string | undefined, groups: string[], hasYear: boolean, party: boolean): Classified {
  const wordType = word ? TYPE_BY_WORD.get(word.toLowerCase()) : undefined;
  const first = groups[0] ?? '';
  if (party) {
    const t = TYPE_CODES[first];
    return { type: t && t !== 'other' ? t : wordType ?? 'other', category: 'party', typeCode: first, issuerCode: groups[1]! };
  }
  if (/^(QH|UBTVQH)[0-9]{0,2}$/.test(first)) {
    return { type: wordType ?? 'luat', category: 'law', issuerCode: first };
  }
  const codeType = TYPE_CODES[first];
  if (codeType !== undefined && groups.length >= 1) {
    // DA is both dự án and đề án; a type word decides
    const type = (first === 'DA' || codeType === 'other') && wordType ? wordType : codeType;
    const issuerCode = groups.slice(1).join('-');
    let category: Category;
    if (type === 'thong-tu-lien-tich') category = 'joint';
    else if (hasYear && NORMATIVE_TYPES.has(type)) category = 'normative';
    else if (type === 'other') category = 'other';
    else category = 'administrative';
    const c: Classified = { type, category, typeCode: first };
    if (issuerCode) c.issuerCode = issuerCode;
    return c;
  }
  // no type code: công văn (issuer-unit symbol), unless the type word says otherwise
  const type = wordType ?? 'cong-van';
  return { type, category: type === 'cong-van' ? 'cong-van' : hasYear && NORMATIVE_TYPES.has(type) ? 'normative' : 'administrative', issuerCode: groups.join('-') };
}

export function extractReferences(ctx: ExtractContext): RefCandidate[] {
  const { text } = ctx;
  const { order } = numericDateOrder(text);
  const out: RefCandidate[] = [];
  const re = new RegExp(REFERENCE_HEAD.source, 'g');
  let prevWord: string | undefined;
  let prevEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    let symEnd = start + m[0].length;
    const party = m[2] !== undefined;
    // word boundary before
    if (/[A-Za-z0-9À-ỹ]/.test(text[start - 1] ?? '')) {
      re.lastIndex = start + 1;
      continue;
    }
    let symStart = start;
    let symbol: string;
    let numberRaw: string;
    let year: number | undefined;
    let groups: string[];
    if (party) {
      numberRaw = m[2]!;
      groups = [m[3]!, m[4]!];
      symbol = `${m[2]}-${m[3]}/${m[4]}`;
      symStart = text.indexOf(m[2]!, m[1] ? start + m[1].length : start);
    } else {
      numberRaw = m[5]!;
      if (m[6]) year = +m[6];
      let tail = m[7]!;
      // trailing hyphens and a sentence-final `.`/`-` belong to the text, not the symbol
      while (tail.endsWith('-')) {
        tail = tail.slice(0, -1);
        symEnd--;
      }
      groups = tail.split('-').filter((g) => g !== '');
      if (groups.some((g) => !new RegExp(`^[${VI_UP}]`).test(g) && !/^[0-9]/.test(g))) {
        // a lower-case group ends the symbol (`…/QD-UBND-dated`): cut there
        const cut = groups.findIndex((g) => !new RegExp(`^[${VI_UP}]`).test(g));
        const keep = groups.slice(0, cut);
        const dropped = tail.length - keep.join('-').length;
        symEnd -= dropped;
        groups = keep;
      }
      symStart = m[1] ? text.indexOf(numberRaw, start + m[1].length) : start;
      symbol = text.slice(symStart, symEnd).replace(/\s+/g, '');
    }
    re.lastIndex = symEnd;
    if (groups.length === 0) continue;
    if (/[A-Za-z0-9&]/.test(text[symEnd] ?? '') && text[symEnd] !== undefined) continue;
    if (ctx.mask.overlaps(symStart, symEnd)) continue;

    let word = m[1];
    // a bare symbol must look like one: a year, or type/issuer groups
    if (!word && !party && year === undefined && groups.length < 2) continue;
    // `Decisions No. 1234/QD-UBND … and No. 1456/QD-UBND`: the second shares the first's type word
    if (!word && prevWord && start - prevEnd < 120 && /^[\s,;]*(?:and|or|as well as)?[\s]*(?:[Nn]o\.?|[Nn]umber)?[\s]*$/.test(text.slice(prevEnd, symStart))) {
      word = prevWord;
    }
    const c = classify(word?.replace(/s$/, ''), groups, year !== undefined, party);

    // after the symbol: date and issuer (either order), then subject
    let end = symEnd;
    let spanEnd = symEnd;
    let issuedOn: string | undefined;
    let dateSpan: { start: number; end: number } | undefined;
    let issuer: string | undefined;
    for (let k = 0; k < 2; k++) {
      if (!issuedOn) {
        const dre = new RegExp(DATE_AFTER.source, 'y');
        dre.lastIndex = end;
        const dm = dre.exec(text);
        if (dm && !/[A-Za-z0-9]/.test(text[dre.lastIndex] ?? '')) {
          const v = readDate(dm, order);
          if (v) {
            issuedOn = v;
            const dStart = dm.index + dm[0].search(/[0-9A-Z]/);
            dateSpan = { start: dStart, end: dm.index + dm[0].length };
            end = dateSpan.end;
            spanEnd = end;
            continue;
          }
        }
      }
      if (!issuer) {
        const ire = new RegExp(ISSUER_AFTER.source, 'y');
        ire.lastIndex = end;
        const im = ire.exec(text);
        if (im) {
          const nameStart = im.index + im[0].length - im[1]!.length;
          const nameEnd = readIssuer(text, nameStart);
          if (nameEnd > nameStart) {
            issuer = text.slice(nameStart, nameEnd);
            end = nameEnd;
            continue;
          }
        }
      }
      break;
    }
    let subject: string | undefined;
    const sre = new RegExp(SUBJECT_AFTER.source, 'y');
    sre.lastIndex = end;
    if (sre.exec(text)) {
      const from = sre.lastIndex;
      let to = from;
      const limit = Math.min(text.length, from + 300);
      let quote = false;
      while (to < limit) {
        const ch = text[to]!;
        if (ch === '"' || ch === '“' || ch === '”') quote = !quote;
        if (!quote && (ch === ';' || ch === '\n' || ch === '(' || (ch === '.' && /[\s]/.test(text[to + 1] ?? ' ')) || (ch === ',' && / (and|with|the|which|while|whereby) /.test(text.slice(to + 1, to + 12))))) break;
        to++;
      }
      const s = text.slice(from, to).trim();
      if (s.length >= 3 && !/^[0-9]/.test(s)) subject = s;
    }

    let number = numberRaw;
    while (number.length > 1 && number[0] === '0' && isDigit(number[1])) number = number.slice(1);
    const ref: RefCandidate = {
      type: c.type,
      category: c.category,
      number,
      symbol: symbol.normalize('NFC'),
      key: symbolKey(symbol),
      text: text.slice(start, spanEnd),
      span: { start, end: spanEnd },
      rule: party ? 'en.ref.party' : word ? 'en.ref.typed' : 'en.ref.bare',
    };
    if (year !== undefined) ref.year = year;
    if (c.typeCode) ref.typeCode = c.typeCode;
    if (c.issuerCode) ref.issuerCode = c.issuerCode;
    if (issuer) ref.issuer = issuer;
    if (issuedOn) ref.issuedOn = issuedOn;
    if (subject) ref.subject = subject;
    if (dateSpan) ref.dateSpan = dateSpan;
    out.push(ref);
    prevWord = word;
    prevEnd = end;
    re.lastIndex = end;
  }
  return out;
}
