/**
 * enum.count — a stated count must match the items listed right after it:
 *   `gồm 04 lĩnh vực: lĩnh vực A, lĩnh vực B, lĩnh vực C và lĩnh vực D`  (list after a colon)
 *   `06 Bản tin … (Bản số 01, 02, 03, 04, 05,06-2023)`                 (numbered issues in brackets)
 *   `02 Tập san … (số tháng 12 năm 2022 và số tháng 5 năm 2023)`         (items that repeat a head word)
 * Needs the report text. Items are counted in this order of preference:
 *   1. the counted noun (or `số`) repeated at the start of each item → number of repetitions;
 *   2. a list of issue numbers (`01, 02, 03` / `01-06`) → how many numbers (a range counts its span);
 *   3. otherwise separators: `,`/`;` give k pieces and each ` và ` may add one → the range [k, k + và];
 *      a count outside that range fires. A list holding other numbers is a breakdown, not an enumeration.
 * Only counts from 2 to 30 with a list of at least two items are checked; the list ends at the end of
 * the sentence, a closing bracket, or words that start a new clause (`trên`, `tại`, `được`, …).
 */
import type { CheckRule, RawFinding } from '../types.js';
import { foldForMatch } from '../../normalize/fold.js';

const L = 'a-zA-ZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ';
/** `04 lĩnh vực`, `06 Bản tin`: a count then one to three words (the noun) */
const COUNT = new RegExp(`(^|[^0-9.,/])([0-9]{1,2})[ ]+([${L}]+(?:[ ][${L}]+){0,2})`, 'g');
const CLAUSE_END = /[.!?](\s|$)|\n/;
const STOP_WORDS = /\s(trên|tại|được|để|nhằm|theo|thuộc thẩm quyền|với|đã|đang|sẽ|cho|của đơn vị|vào)\s/;

interface EnumHit {
  count: number;
  countStart: number;
  countEnd: number;
  listStart: number;
  listEnd: number;
  min: number;
  max: number;
}

function headWords(noun: string): string[] {
  const w = foldForMatch(noun).split(' ');
  const heads = new Set<string>();
  if (w.length >= 2) heads.add(`${w[0]} ${w[1]}`);
  heads.add('số');
  heads.add('bản số');
  return [...heads];
}

function occurrences(hay: string, needle: string): number {
  let n = 0;
  const re = new RegExp(`(^|[^${L}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[^${L}]|$)`, 'g');
  for (const _ of hay.matchAll(re)) n++;
  return n;
}

/** count the items of a list body */
function itemRange(body: string, noun: string): { min: number; max: number } | undefined {
  const f = foldForMatch(body);
  // 2. issue numbers `01, 02, 03, 04, 05,06-2023` or a range `01-06` / `từ 01 đến 06`
  const numList = /^(?:bản số|số|bản)?\s*([0-9]{1,3}(?:\s*[,;]\s*[0-9]{1,3}|\s*và\s*[0-9]{1,3})+)(?:\s*-\s*(?:19|20)[0-9]{2})?\s*$/.exec(f);
  if (numList) {
    const n = numList[1]!.split(/[,;]|và/).filter((x) => x.trim() !== '').length;
    return { min: n, max: n };
  }
  const range = /^(?:bản số|số|bản)?\s*(?:từ\s*)?([0-9]{1,3})\s*(?:-|đến)\s*([0-9]{1,3})\s*$/.exec(f);
  if (range) {
    const n = Number(range[2]) - Number(range[1]) + 1;
    if (n >= 2) return { min: n, max: n };
  }
  // 1. a head word repeated at the start of items
  for (const h of headWords(noun)) {
    const n = occurrences(f, h);
    if (n >= 2 && f.startsWith(h)) return { min: n, max: n };
  }
  // a bracket or list holding other numbers is a breakdown (`21 cán bộ, công chức (11 cán bộ, 10 công chức)`)
  if (/[0-9]/.test(f)) return undefined;
  // 3. separators
  const pieces = f.split(/[,;]/).filter((p) => p.trim() !== '');
  const va = (f.match(/\svà\s/g) ?? []).length;
  if (pieces.length + va < 2) return undefined;
  return { min: pieces.length, max: pieces.length + va };
}

export function findEnumerations(text: string): EnumHit[] {
  const hits: EnumHit[] = [];
  for (const m of text.matchAll(COUNT)) {
    const count = Number(m[2]);
    if (count < 2 || count > 30) continue;
    const countStart = m.index! + m[1]!.length;
    const countEnd = countStart + m[2]!.length;
    const noun = m[3]!;
    if (/^(năm|tháng|ngày|giờ|phút|lần|người|đồng|triệu|tỷ|nghìn|%)/.test(foldForMatch(noun))) continue;
    const before = foldForMatch(text.slice(Math.max(0, countStart - 12), countStart));
    const after = text.slice(countEnd, Math.min(text.length, countEnd + 400));
    const sentEnd = after.search(CLAUSE_END);
    const window = sentEnd >= 0 ? after.slice(0, sentEnd) : after;
    let listStart = -1;
    let body = '';
    // (a) `gồm N X:` / `N X gồm:` / `N X, cụ thể:` — a colon within 60 characters of the noun
    const nounEnd = m[3]!.length + 1;
    const colon = window.indexOf(':');
    const paren = window.indexOf('(');
    const cue = /gồm|bao gồm|cụ thể|như sau|là/.test(before) || /gồm|bao gồm|cụ thể|như sau/.test(foldForMatch(window.slice(0, Math.max(0, colon))));
    // nothing between the count and its list but words: no other number, no bracket
    const clean = (upTo: number) => !/[0-9()]/.test(window.slice(0, upTo));
    if (colon >= 0 && colon <= nounEnd + 60 && (paren < 0 || colon < paren) && cue && clean(colon)) {
      listStart = countEnd + colon + 1;
      body = window.slice(colon + 1);
      const stop = body.search(STOP_WORDS);
      if (stop >= 0) body = body.slice(0, stop);
      body = body.replace(/[;,]\s*$/, '');
    } else if (paren >= 0 && paren <= nounEnd + 80 && clean(paren)) {
      // (b) `N X … ( … )`
      const close = window.indexOf(')', paren);
      if (close < 0) continue;
      listStart = countEnd + paren + 1;
      body = window.slice(paren + 1, close);
      if (/trong đó|tăng|giảm|đạt|so với/.test(foldForMatch(body))) continue;
    } else continue;
    const r = itemRange(body.trim(), noun);
    if (!r) continue;
    hits.push({ count, countStart, countEnd, listStart, listEnd: listStart + body.length, ...r });
  }
  return hits;
}

export const enumerationCount: CheckRule = {
  id: 'enum.count',
  severity: 'warning',
  description: 'A stated count must match the number of items listed after it',
  premise: 'A count introduced as a list (gồm / bao gồm / cụ thể / như sau and a colon, or a bracket right after the counted noun) names as many items as it lists',
  premiseVi: 'Số lượng được nêu kèm danh sách (gồm / bao gồm / cụ thể / như sau và dấu hai chấm, hoặc ngoặc đơn ngay sau danh từ) phải bằng số mục được liệt kê',
  confidence: 0.8,
  run({ text }) {
    if (text === undefined) return [];
    const out: RawFinding[] = [];
    for (const h of findEnumerations(text)) {
      if (h.count >= h.min && h.count <= h.max) continue;
      const listed = h.min === h.max ? `${h.min}` : `${h.min}–${h.max}`;
      const countText = text.slice(h.countStart, h.countEnd);
      const listText = text.slice(h.listStart, h.listEnd).trim();
      const listOffset = h.listStart + text.slice(h.listStart, h.listEnd).indexOf(listText);
      out.push({
        arithmetic: `${h.count} ≠ ${listed}`,
        message: `The text states ${h.count} items but lists ${listed}`,
        messageVi: `Văn bản nêu ${countText} nhưng liệt kê ${listed} mục`,
        evidence: [
          { start: h.countStart, end: h.countEnd, text: countText },
          { start: listOffset, end: listOffset + listText.length, text: listText },
        ],
      });
    }
    return out;
  },
};
