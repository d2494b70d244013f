/**
 * Vietnamese document references: `Quyết định số 23/2023/QĐ-UBND ngày 02/11/2023 của UBND tỉnh về …`.
 * Symbols: normative `N/YYYY/CODE-ISSUER`, administrative `N/CODE-ISSUER`, công văn `N/ISSUER-UNIT`,
 * laws `N/YYYY/QH13`, Party `N-CODE/BODY`, joint `N/YYYY/TTLT-B1-B2`, old `N-CODE` (only after a type word).
 * Tolerates spaces and line breaks around `/` and `-`, glued `số111/…`, thousands dots, missing diacritics.
 */
import type { ExtractContext, RefCandidate } from '../context.js';
import { isDigit, isLetter, pattern, VI_LETTER, VI_LOWER, VI_UPPER } from '../../util/pattern.js';
import { symbolKey } from '../symbol-key.js';
import { ABBREVIATED_TYPE_WORDS, LAW_ISSUER, NOT_SUBJECT_START, TYPE_CODES, TYPE_WORDS } from './rules/document-types.js';
import { parseDayMonthYear } from '../../vocab/calendar.js';

/** a symbol group: a capital, then letters/digits/`&`; an inner dot only between letters (`VP.UBND`), never a sentence end */
const GROUP = `[${VI_UPPER}][${VI_UPPER}${VI_LOWER}0-9&]*(?:\\.[${VI_UPPER}${VI_LOWER}0-9&]+)*`;
const SL = `[ \\n]{0,4}/[ \\n]{0,4}`;
/** a hyphen may end a line inside a symbol (`QĐ-⏎TrTNCƯD`), but a line never starts with the hyphen (a bullet) */
const DA = `[ ]{0,2}-[ \\n]{0,2}`;
const NUM = `[0-9]{1,5}(?:\\.[0-9]{1,3})?[a-z]?`;
const YEAR = `(?:19|20)[0-9]{2}`;

/** number, then one of: /YEAR/ | -YEAR/ | -CODE/ (Party) | / | - ; then symbol groups */
export const SYMBOL = pattern(
  'ref.symbol',
  `(${NUM})(?:${SL}(${YEAR})${SL}|-(${YEAR})${SL}|${DA}(${GROUP})${SL}|(${SL})|(${DA}))(${GROUP}(?:${DA}${GROUP})*)`,
);

const TYPE_WORD_ALT = TYPE_WORDS.filter(([w]) => !ABBREVIATED_TYPE_WORDS.has(w))
  .map(([w]) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`)
  .join('|');
const ABBR_ALT = [...ABBREVIATED_TYPE_WORDS].join('|');
/** type word, optional name (for laws), optional `số`/`Số:` right before the symbol; anchored at the window end */
const BEFORE = pattern('ref.before', `(${TYPE_WORD_ALT})(?:[ \\n]{1,3}[Ss]ố[ ]{0,2}:?)?[ \\n]{0,3}$|(${ABBR_ALT})[ ]{1,2}[Ss]ố[ ]{0,2}:?[ ]{0,3}$`, '');
const SO_BEFORE = pattern('ref.so-before', `[Ss]ố[ ]{0,2}:?[ \\n]{0,3}$`, '');
const NAMED_LAW = pattern('ref.named-law', `([Bb]ộ luật|[Ll]uật|[Pp]háp lệnh|[Nn]ghị quyết|[Hh]iến pháp)[ ]`);
const CHAIN_BETWEEN = pattern('ref.chain', `^[ ,;]{0,3}(?:và|hoặc|,)?[ ]{0,3}(?:[Ss]ố[ ]{0,2}:?)?[ ]{0,3}$`, '');
/** `Ngày 28 tháng 10 năm 2025, Chủ tịch … đã ban hành Công văn số …`: the sentence opens with the citation's date */
const DATE_BEFORE = pattern(
  'ref.date-before',
  `(?:^|[.;:\n][ ]{0,2})(?:[Nn]gày|NGÀY)[ ]{1,3}(?:([0-9]{1,2})[ ]{0,2}/[ ]{0,2}([0-9]{1,2})[ ]{0,2}/[ ]{0,2}([0-9]{4})|([0-9]{1,2})[ ]{1,3}tháng[ ]{1,3}([0-9]{1,2})[ ]{1,3}năm[ ]{1,3}([0-9]{4}))[ ]{0,2},[^.;:\n]*(?:ban hành|ký|gửi)[ ]{1,2}$`,
  '',
);
const DATE_AFTER = pattern(
  'ref.date-after',
  `^[ ,]{0,3}\\(?[ ]{0,2}(?:(?:được )?ban hành |ký )?(?:[Nn]gày|ngay|NGÀY)[ ]{1,3}(?:([0-9]{1,2})[ ]{0,2}[/.-][ ]{0,2}([0-9]{1,2})[ ]{0,2}[/.-][ ]{0,2}([0-9]{4})|([0-9]{1,2})[ ]{1,3}(?:tháng|THÁNG)[ ]{1,3}([0-9]{1,2})[ ]{1,3}(?:năm|NĂM)[ ]{1,3}([0-9]{4}))`,
 '');
const ISSUER_AFTER = pattern('ref.issuer-after', `^[ ,]{0,2}\\)?[ ,]{0,2}của[ ]{1,3}`, '');
const SUBJECT_AFTER = pattern('ref.subject-after', `^[ ,:]{0,2}\\)?[ ,]{0,2}(?:(về việc|[Vv]ề|V/v|v/v)[ ]{1,3})?`, '');

const ISSUER_STOP = new Set(['về', 'quy', 'hướng', 'phê', 'sửa', 'thực', 'triển', 'đã', 'được', 'V/v', 'v/v', 'trong', 'tại', 'theo', 'nhằm', 'với', 'kèm', 'và', 'thông', 'tổ', 'giao', 'công']);
const ISSUER_CONT = new Set(['phòng', 'ban', 'cục', 'tổng', 'sở', 'bộ', 'ủy', 'uỷ', 'thường', 'trực', 'chỉ', 'đạo', 'chấp', 'hành', 'chủ', 'tịch', 'nhân', 'dân', 'tỉnh', 'thành', 'phố', 'huyện', 'xã', 'phường', 'thị', 'trấn', 'quận', 'vụ', 'chính', 'phủ', 'hội', 'đồng', 'ban', 'thường', 'học', 'và', 'nghệ', 'tướng', 'trung', 'ương', 'quốc', 'nước', 'ủy', 'uỷ']);

function compactSymbol(raw: string): string {
  let s = raw.replace(/\s+/g, '');
  s = s.replace(/^([0-9]{1,3})\.([0-9]{3})(?=[/-])/, '$1$2');
  return s;
}

function stripNumber(n: string): string {
  const m = /^([0-9]{1,3})\.([0-9]{3})$/.exec(n);
  const plain = m ? m[1]! + m[2]! : n;
  return plain.replace(/^0+(?=[0-9])/, '');
}

function upperCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) n++;
  return n;
}

/** lower-cased type word → slug, the first entry of TYPE_WORDS winning (as the scan in order did) */
const TYPE_BY_WORD = new Map<string, string>();
for (const [tw, slug] of TYPE_WORDS) if (!TYPE_BY_WORD.has(tw.toLowerCase())) TYPE_BY_WORD.set(tw.toLowerCase(), slug);

function typeFromWord(word: string | undefined): string | undefined {
  if (!word) return undefined;
  return TYPE_BY_WORD.get(word.toLowerCase());
}

/** Capture `của <issuer>`: capitalized words and their connectors, stopping at a verb or punctuation. */
function readIssuer(text: string, from: number): { issuer: string; end: number } | undefined {
  ISSUER_AFTER.lastIndex = 0;
  const m = ISSUER_AFTER.exec(text.slice(from, from + 20));
  if (!m) return undefined;
  let pos = from + m[0].length;
  const words: string[] = [];
  let end = pos;
  const limit = Math.min(text.length, pos + 120);
  while (pos < limit && words.length < 14) {
    let e = pos;
    while (e < limit && text[e] !== ' ' && text[e] !== '\n' && text[e] !== ',' && text[e] !== ';' && text[e] !== '(' && text[e] !== ')') e++;
    let word = text.slice(pos, e);
    const endsSentence = word.endsWith('.') && !/^[A-ZĐ]{1,4}\.$/.test(word);
    if (endsSentence) word = word.slice(0, -1);
    if (!word) break;
    const capital = isLetter(word[0]) && word[0] === word[0]!.toUpperCase() && word[0] !== word[0]!.toLowerCase();
    if (words.length > 0 && !capital && (ISSUER_STOP.has(word) || !ISSUER_CONT.has(word.toLowerCase()))) break;
    // `ban hành` is a verb, `Ủy ban` / `Ban Thường vụ` a body
    if (word === 'ban' && /^ hành/.test(text.slice(e, e + 6))) break;
    if ((word === 'chấp' || word === 'hành') && words[words.length - 1] !== 'Ban' && words[words.length - 1] !== 'chấp') break;
    if (words.length === 0 && !capital) break;
    words.push(word);
    end = pos + word.length;
    if (endsSentence || text[e] !== ' ') break;
    pos = e + 1;
  }
  while (words.length && /^(và|của)$/.test(words[words.length - 1]!)) {
    const w = words.pop()!;
    end = text.lastIndexOf(w, end) ;
    end = text.slice(0, end).trimEnd().length;
  }
  if (!words.length) return undefined;
  return { issuer: words.join(' '), end };
}

/** Capture the subject (`về …`, `V/v …`, or a title that follows the citation), up to the end of the clause. */
function readSubject(text: string, from: number): string | undefined {
  const window = text.slice(from, from + 300);
  SUBJECT_AFTER.lastIndex = 0;
  const m = SUBJECT_AFTER.exec(window);
  if (!m) return undefined;
  let rest = window.slice(m[0].length);
  const introduced = m[1] !== undefined;
  const first = /^[^\s,;.()]+/.exec(rest)?.[0] ?? '';
  if (!first) return undefined;
  if (!introduced) {
    if (NOT_SUBJECT_START.has(first.toLowerCase())) return undefined;
    const isCap = first[0] !== first[0]!.toLowerCase();
    if (isCap && !/^(Quy|Ban|Phê|Hướng|Sửa|Về|Thông|Triển|Tổ|Kiện|Công)/.test(first)) return undefined;
    if (!isLetter(first[0])) return undefined;
  }
  let cut = rest.length;
  const stops = [/[;\n]/, /\.(\s|$)/, /,\s+(?=[A-ZĐ])/, /\(/, /\s(và|hoặc)\s(các\s)?(Quyết|Nghị|Thông|Kế|Công|Chỉ|Luật|Chương|Báo|Tờ)/];
  for (const st of stops) {
    const i = rest.search(st);
    if (i >= 0 && i < cut) cut = i;
  }
  rest = rest.slice(0, cut).trim().replace(/[,:]$/, '').trim();
  if (rest.length < 3) return undefined;
  if (rest.length > 250) rest = rest.slice(0, 250).replace(/\s+\S*$/, '');
  return rest;
}

export function extractReferences(ctx: ExtractContext): RefCandidate[] {
  const { text, mask } = ctx;
  const out: (RefCandidate & { typeWord?: string })[] = [];
  SYMBOL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SYMBOL.exec(text)) !== null) {
    const start = m.index;
    let matched = m[0];
    // trailing sentence dot or hyphen is not part of the symbol
    while (matched.length && /[.\s-]$/.test(matched)) matched = matched.slice(0, -1);
    const end = start + matched.length;
    // left boundary: not inside a longer token (glued `số111/…` is allowed)
    const prev = text[start - 1];
    // `QCVN 08:2023/BTNMT`, `TCVN 5945:2005`: a standard's code, not a document number
    if (isDigit(prev) || prev === '/' || prev === '.' || prev === ',' || prev === '-' || (prev === ':' && isDigit(text[start - 2]))) {
      SYMBOL.lastIndex = start + 1;
      continue;
    }
    if (isLetter(prev) && !/[Ss][ốo]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (mask.overlaps(start, end)) continue;
    const num = m[1]!;
    const year = m[2] ?? m[3];
    const partyCode = m[4];
    const plainDash = m[6] !== undefined;
    const groupsRaw = matched.slice(matched.length - (m[7]!.length - (m[0].length - matched.length))).replace(/\s+/g, '');
    const groups = groupsRaw.split('-').filter(Boolean).map((g) => g.replace(/\.+$/, ''));
    if (!groups.length) continue;
    const symbol = compactSymbol(matched);

    // type word before: `Quyết định số`, `Luật … số`, or chained `… và số`
    const winStart = Math.max(0, start - 80);
    const before = text.slice(winStart, start);
    BEFORE.lastIndex = 0;
    let bw = BEFORE.exec(before);
    let typeWord: string | undefined;
    let textStart = start;
    // a type word counts only as a whole word (`…pháp Luật` is not `Luật`)
    if (bw && isLetter(before[bw.index - 1])) bw = null;
    if (bw) {
      typeWord = bw[1] ?? bw[2];
      textStart = winStart + bw.index;
    } else {
      SO_BEFORE.lastIndex = 0;
      const so = SO_BEFORE.exec(before);
      if (so) {
        textStart = winStart + so.index;
        // named law: `Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13`
        const clause = before.slice(0, so.index);
        const lastStop = Math.max(clause.lastIndexOf(';'), clause.lastIndexOf('.'), clause.lastIndexOf('\n'), clause.lastIndexOf(','));
        const tail = clause.slice(lastStop + 1);
        NAMED_LAW.lastIndex = 0;
        let nl: RegExpExecArray | null;
        let last: RegExpExecArray | undefined;
        while ((nl = NAMED_LAW.exec(tail)) !== null) last = nl;
        if (last && year) {
          typeWord = last[1];
          textStart = winStart + lastStop + 1 + last.index;
        }
      }
      const prevRef = out[out.length - 1];
      if (!typeWord && prevRef && prevRef.span.end <= start && start - prevRef.span.end < 20) {
        CHAIN_BETWEEN.lastIndex = 0;
        if (CHAIN_BETWEEN.test(text.slice(prevRef.span.end, start))) typeWord = prevRef.typeWord;
      }
    }
    const wordType = typeFromWord(typeWord);

    // classify the symbol
    let category: RefCandidate['category'];
    let typeCode: string | undefined;
    let issuerCode: string | undefined;
    let type: string | undefined;
    if (partyCode !== undefined) {
      category = 'party';
      typeCode = partyCode.replace(/\s+/g, '');
      issuerCode = groups.join('-');
      type = TYPE_CODES[typeCode] ?? wordType ?? 'other';
    } else if (year !== undefined) {
      const first = groups[0]!;
      if (LAW_ISSUER.test(first)) {
        category = 'law';
        issuerCode = first;
        type = wordType ?? (first.startsWith('UBTVQH') ? 'phap-lenh' : 'luat');
      } else if (first === 'TTLT' || first === 'TTL' || first === 'NQLT') {
        category = 'joint';
        typeCode = first;
        issuerCode = groups.slice(1).join('-') || undefined;
        type = TYPE_CODES[first] ?? wordType ?? 'thong-tu-lien-tich';
      } else {
        category = 'normative';
        typeCode = first;
        if (groups.length > 1) issuerCode = groups.slice(1).join('-');
        type = TYPE_CODES[first] ?? wordType ?? 'other';
        if (first === 'NĐCP') {
          typeCode = 'NĐ';
          issuerCode = 'CP';
        }
      }
    } else if (plainDash) {
      // old form `115-TTg`, `14-CP`: only as a citation after a type word
      if (!typeWord) continue;
      category = 'other';
      issuerCode = groups.join('-');
      type = wordType ?? 'other';
    } else {
      const first = groups[0]!;
      const code = TYPE_CODES[first];
      if (code && groups.length > 1) {
        category = 'administrative';
        typeCode = first;
        issuerCode = groups.slice(1).join('-');
        type = code;
      } else if (code && groups.length === 1 && typeWord) {
        category = 'administrative';
        typeCode = first;
        type = code;
      } else {
        // công văn: issuer-unit, no type code; a lone code-like group (`27/CP`) is an old-style citation
        if (upperCount(groupsRaw) < 2) continue;
        if (groups.length === 1 && !typeWord && !/^[A-ZĐ&.]{2,}[0-9]{0,2}$/.test(first)) continue;
        category = wordType === 'cong-van' || !wordType ? 'cong-van' : 'administrative';
        issuerCode = groups.join('-');
        type = wordType ?? 'cong-van';
      }
    }
    if (upperCount(groupsRaw) < 2 && category !== 'other') continue;

    let refEnd = end;
    const ref: RefCandidate & { typeWord?: string } = {
      type: type ?? 'other',
      category,
      number: stripNumber(num),
      symbol,
      key: symbolKey(symbol),
      symbolSpan: { start, end },
      text: '',
      span: { start: textStart, end },
      rule: `ref.${category}`,
    };
    if (typeWord) ref.typeWord = typeWord;
    if (year) ref.year = Number(year);
    if (typeCode) ref.typeCode = typeCode;
    if (issuerCode) ref.issuerCode = issuerCode;

    DATE_AFTER.lastIndex = 0;
    const da = DATE_AFTER.exec(text.slice(end, end + 60));
    if (da) {
      const [d, mo, y] = da[1] !== undefined ? [da[1], da[2]!, da[3]!] : [da[4]!, da[5]!, da[6]!];
      const iso = parseDayMonthYear(Number(d), Number(mo), Number(y));
      const dStart = end + da[0].search(/[Nn]gày|ngay|NGÀY/);
      refEnd = end + da[0].length;
      ref.dateSpan = { start: dStart, end: refEnd };
      if (iso) ref.issuedOn = iso;
    }
    if (!da && ref.dateSpan === undefined) {
      const from = Math.max(0, textStart - 200);
      DATE_BEFORE.lastIndex = 0;
      const db = DATE_BEFORE.exec(text.slice(from, textStart));
      if (db) {
        const [d, mo, y] = db[1] !== undefined ? [db[1], db[2]!, db[3]!] : [db[4]!, db[5]!, db[6]!];
        const iso = parseDayMonthYear(Number(d), Number(mo), Number(y));
        const ds = from + db.index + db[0].search(/[Nn]gày|NGÀY/);
        const de = from + db.index + db[0].indexOf(',', ds - from - db.index);
        if (iso) {
          ref.issuedOn = iso;
          ref.dateSpan = { start: ds, end: de };
        }
      }
    }
    const iss = readIssuer(text, refEnd);
    let after = refEnd;
    if (iss) {
      ref.issuer = iss.issuer;
      after = iss.end;
    }
    const subject = readSubject(text, after);
    if (subject) ref.subject = subject;
    ref.span = { start: textStart, end: refEnd };
    ref.text = text.slice(textStart, refEnd);
    out.push(ref);
  }
  return out.map(({ typeWord: _tw, ...r }) => r);
}
