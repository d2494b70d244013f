/**
 * Layout variants of a report text, for invariance tests: the same words in another layout must give the same
 * facts. Deterministic for a seed. What a variant may change (all of it layout, none of it language):
 * - re-wrapping: soft-wrapped lines (a long line followed by a line that does not open an item) are joined, and
 *   long lines are broken again at a width of 30–100 between any two words — inside dates, references,
 *   number + noun — but never before a token that would open a list item, heading or table row, and never in
 *   the short lines of a header block or signature;
 * - CRLF line ends, no-break and doubled spaces;
 * - markdown emphasis (`**`, `*`) around random words, around the numbers of a date, inside a word.
 */
import { layoutView, opensLine } from '../tokens/layout-view.js';
import { prng } from '../util/prng.js';
import { HEADER_WINDOW } from '../segment/window.js';
import { siteFrame } from '../segment/site-frame.js';

export { prng } from '../util/prng.js';

export interface VariantOptions {
  rewrap: boolean;
  width: number;
  crlf: boolean;
  nbsp: number;
  doubleSpaces: number;
  emphasis: number;
  inWord: number;
}

/** Lines at least this long are wrapped prose; shorter ones are kept as they stand (header, signature, titles). */
const PROSE_LINE = 40;
/**
 * The header parser reads the report's header block line by line from the first HEADER_WINDOW characters of
 * the layout view; that window keeps its lines (it still gets emphasis, spaces and CRLF). Documented limit: a
 * header block re-wrapped into other lines is not claimed to give the same title.
 */

export function variantOptions(seed: number): VariantOptions {
  const r = prng(seed * 7919 + 1);
  return {
    rewrap: r() < 0.85,
    width: 30 + Math.floor(r() * 71),
    crlf: r() < 0.4,
    nbsp: r() < 0.5 ? r() * 0.15 : 0,
    doubleSpaces: r() < 0.5 ? r() * 0.15 : 0,
    emphasis: r() < 0.6 ? r() * 0.12 : 0,
    inWord: r() < 0.3 ? r() * 0.02 : 0,
  };
}

const isRow = (line: string) => /^\s*\|/.test(line);
const hasMarkup = (w: string) => /[*|_#`]/.test(w);

/** Re-wrap: join soft-wrapped prose lines, then break long lines at `width` between words. */
function rewrap(text: string, width: number, rand: () => number): string {
  const lines = text.split('\n');
  const paras: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = paras.length ? paras[paras.length - 1]! : undefined;
    const prevLine = i > 0 ? lines[i - 1]! : '';
    const joinable =
      prev !== undefined && prevLine.trim().length >= PROSE_LINE && !isRow(prevLine) && !isRow(line) && line.trim() !== '' &&
      !opensLine(text, offsetOf(lines, i)) && !/[-/]$/.test(prevLine.trimEnd());
    if (joinable) paras[paras.length - 1] = `${prev.trimEnd()} ${line.trimStart()}`;
    else paras.push(line);
  }
  const out: string[] = [];
  for (const p of paras) {
    if (p.length < PROSE_LINE || isRow(p)) {
      out.push(p);
      continue;
    }
    const words = p.split(' ');
    let cur = '';
    const w = Math.max(20, width + Math.floor((rand() - 0.5) * 10));
    for (let k = 0; k < words.length; k++) {
      const word = words[k]!;
      if (cur === '') {
        cur = word;
        continue;
      }
      const candidate = `${cur} ${word}`;
      // a break before `word` is allowed only when the line it would start does not open an item (a heading, a
      // list, a row), and not after a joining character (`QĐ-⏎UBND` is one token: the source had no space)
      if (candidate.length > w && word !== '' && !/[-/]$/.test(cur) && !opensLine(words.slice(k, k + 6).join(' '), 0)) {
        out.push(cur);
        cur = word;
      } else cur = candidate;
    }
    out.push(cur);
  }
  return out.join('\n');
}

const offsetCache = new WeakMap<string[], number[]>();
function offsetOf(lines: string[], i: number): number {
  let offs = offsetCache.get(lines);
  if (!offs) {
    offs = [];
    let o = 0;
    for (const l of lines) {
      offs.push(o);
      o += l.length + 1;
    }
    offsetCache.set(lines, offs);
  }
  return offs[i]!;
}

/** Markdown emphasis around words (never on an item opener at a line start or on markup), sometimes inside a word. */
function emphasize(text: string, rate: number, inWord: number, rand: () => number): string {
  if (rate === 0 && inWord === 0) return text;
  return text
    .split('\n')
    .map((line) => {
      const parts = line.split(' ');
      return parts
        .map((w, k) => {
          if (w === '' || hasMarkup(w)) return w;
          if (k === 0 || (k > 0 && parts.slice(0, k).every((x) => x === ''))) return w; // line start: may be an opener
          if (rand() < rate) return rand() < 0.7 ? `**${w}**` : `*${w}*`;
          if (w.length >= 4 && /^\p{L}+$/u.test(w) && rand() < inWord) {
            const cut = 1 + Math.floor(rand() * (w.length - 2));
            return `${w.slice(0, cut)}**${w.slice(cut)}`;
          }
          return w;
        })
        .join(' ');
    })
    .join('\n');
}

function spaces(text: string, nbsp: number, dbl: number, rand: () => number): string {
  if (nbsp === 0 && dbl === 0) return text;
  return text.replace(/ /g, () => {
    const r = rand();
    if (r < nbsp) return '\u00A0';
    if (r < nbsp + dbl) return '  ';
    return ' ';
  });
}

/** The text in the layout of `seed` (seed 0 = unchanged). */
export function layoutVariant(text: string, seed: number): string {
  if (seed === 0) return text;
  const o = variantOptions(seed);
  const rand = prng(seed);
  let s = text.replace(/\r\n?/g, '\n');
  if (o.rewrap) {
    // the header window starts where the document does (after a website's frame, if any)
    const view = layoutView(s);
    const frame = siteFrame(view.text);
    const from = frame.rule !== undefined ? s.lastIndexOf('\n', view.toSource[frame.start]! - 1) + 1 : 0;
    const cut = s.indexOf('\n', view.toSource[Math.min(frame.start + HEADER_WINDOW, view.text.length)]!);
    if (cut > 0) s = (from > 0 ? rewrap(s.slice(0, from), o.width, rand) : '') + s.slice(from, cut + 1) + rewrap(s.slice(cut + 1), o.width, rand);
  }
  s = emphasize(s, o.emphasis, o.inWord, rand);
  s = spaces(s, o.nbsp, o.doubleSpaces, rand);
  if (o.crlf) s = s.replace(/\n/g, '\r\n');
  return s;
}
