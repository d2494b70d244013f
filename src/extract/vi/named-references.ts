/**
 * Named references (rule data: ./rules/named-references.ts): a head word (`Luật`, `Bộ luật` …), a name of at most
 * N words without sentence punctuation, then a date or a year. Keyed for linking by (type, folded name, date or
 * year). Runs after the numbered references and never inside one.
 */
import type { ExtractContext, RefCandidate } from '../context.js';
import { asciiFold } from '../../normalize/fold.js';
import { parseDayMonthYear } from '../../vocab/calendar.js';
import { NAMED_REFERENCE_RULE as R } from './rules/named-references.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HEAD = new RegExp(R.heads.map(([w]) => escape(w)).join('|'), 'g');
const HEAD_TYPE = new Map(R.heads.map(([w, t]) => [w, t]));
const DATE_DAY = new RegExp(R.dateDay);
const DATE_YEAR = new RegExp(R.dateYear);
const BARE_YEAR = /^([0-9]{4})(?:[^0-9/]|$)/;
const WORD = /[^\s;:.()\n,]+/y;
const isLetter = (ch: string | undefined) => ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
const isLower = (ch: string | undefined) => ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase();

export function namedReferenceKey(type: string, name: string, when: string | number | undefined): string {
  return `name:${type}:${asciiFold(name).toLowerCase().replace(/\s+/g, ' ').trim()}:${when ?? ''}`;
}

function startsWithWord(s: string, w: string): boolean {
  return s.startsWith(w) && !isLetter(s[w.length]);
}

export function extractNamedReferences(ctx: ExtractContext, numbered: readonly RefCandidate[]): RefCandidate[] {
  const { text, mask } = ctx;
  const out: RefCandidate[] = [];
  const inNumbered = (s: number, e: number) => numbered.some((r) => r.span.start < e && s < r.span.end);
  HEAD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEAD.exec(text)) !== null) {
    const start = m.index;
    const head = m[0];
    if (isLetter(text[start - 1]) || isLetter(text[start + head.length])) continue;
    // the name's first word is capitalised (`Luật Đầu tư`), not `Luật này`, `Luật số …`
    let p = start + head.length;
    if (text[p] !== ' ') continue;
    const amending = R.amendingOpeners.some((w) => startsWithWord(text.slice(p + 1, p + 1 + w.length + 1), w));
    if (!amending && !isUpper(text[p + 1])) continue;
    const maxWords = amending ? R.maxAmendingWords : R.maxNameWords;
    let words = 0;
    let nameEnd = p;
    let found: { iso?: string; year: number; clauseStart: number; end: number } | undefined;
    while (words <= maxWords && p < text.length) {
      // one space, or a comma before a lower-case word (`Phòng, chống`, `sửa đổi, bổ sung`; any word when amending)
      if (text[p] === ',' && text[p + 1] === ' ' && (amending || isLower(text[p + 2]))) p += 2;
      else if (text[p] === ' ') p += 1;
      else break;
      const rest = text.slice(p, p + 40);
      if (words > 0) {
        const d = DATE_DAY.exec(rest);
        const y = d ? undefined : DATE_YEAR.exec(rest) ?? BARE_YEAR.exec(rest);
        if (d) {
          const iso = parseDayMonthYear(Number(d[1]), Number(d[2]), Number(d[3]));
          found = { year: Number(d[3]), clauseStart: p, end: p + d[0].length, ...(iso ? { iso } : {}) };
          break;
        }
        if (y) {
          found = { year: Number(y[1]), clauseStart: p, end: p + y[0].length - (/[0-9]$/.test(y[0]) ? 0 : 1) };
          break;
        }
        if (R.nameStops.some((w) => startsWithWord(rest, w))) break;
        if (startsWithWord(rest, R.numberWord) && /^[^ ]+ [0-9]/.test(rest)) break;
      }
      WORD.lastIndex = p;
      const w = WORD.exec(text);
      if (!w) break;
      p += w[0].length;
      nameEnd = p;
      words++;
    }
    if (!found || found.year < 1945 || found.year > 2100) continue;
    const end = found.end;
    if (mask.overlaps(start, end) || inNumbered(start, end)) continue;
    const name = text.slice(start, nameEnd).replace(/\s+/g, ' ');
    const type = HEAD_TYPE.get(head) ?? 'luat';
    const ref: RefCandidate & { name: string } = {
      type,
      category: R.category,
      name,
      year: found.year,
      key: namedReferenceKey(type, name, found.iso ?? found.year),
      text: text.slice(start, end),
      span: { start, end },
      // the name identifies it (masked before dates run, so the date clause is still a date)
      symbolSpan: { start, end: nameEnd },
      dateSpan: { start: found.clauseStart, end },
      rule: R.id,
    };
    if (found.iso) ref.issuedOn = found.iso;
    out.push(ref);
    HEAD.lastIndex = end;
  }
  return out;
}
