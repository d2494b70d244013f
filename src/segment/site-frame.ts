/**
 * Where the document itself stands in a saved web page (rules: ./rules/site-frames.ts): the span between the
 * site's metadata box and its trailing lists. A text that is no saved page is all document. Run it on the
 * layout view (soft wraps joined, emphasis dropped), where a marker wrapped over two lines is one phrase.
 */
import { SITE_FRAME_RULES, type FurnitureReason, type SiteFrameRule } from './rules/site-frames.js';

export type { FurnitureReason } from './rules/site-frames.js';

/** a stretch of the page that is the site's, not the document's */
export interface FramePart {
  start: number;
  end: number;
  reason: FurnitureReason;
}

export interface SiteFrame {
  start: number;
  end: number;
  /** the rule that recognised the page; absent when the whole text is the document */
  rule?: string;
  /** the site's text around the document, in text order, each part with its reason (a recognised page only) */
  outside?: FramePart[];
  /** what the site's metadata box says of the document: its number and issue date as written */
  box?: { number?: string; issued?: string };
}

function lineEnd(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e < 0 ? text.length : e + 1;
}

/** The value of a box label: the rest of its line, else the next line with a letter or digit. */
function boxValue(text: string, label: string, others: string[] = []): string | undefined {
  const at = text.indexOf(label);
  if (at < 0) return undefined;
  for (let p = at + label.length, n = 0; p < text.length && n < 4; n++) {
    let e = lineEnd(text, p);
    // a soft wrap may have joined the next label to the value's line
    for (const o of others) {
      const k = text.indexOf(o, p);
      if (k >= p && k < e) e = k;
    }
    const v = text.slice(p, e).replace(/[|*]/g, '').trim();
    if (/[\p{L}\p{N}]/u.test(v)) return v;
    p = e;
  }
  return undefined;
}

/** The labels of a metadata box stand close together; a label alone in running text is no box. */
const BOX_SPAN = 800;

function frameBy(rule: SiteFrameRule, text: string): SiteFrame | undefined {
  const firsts = rule.boxLabels.map((l) => text.indexOf(l));
  if (firsts.some((i) => i < 0) || Math.max(...firsts) - Math.min(...firsts) > BOX_SPAN) return undefined;
  const last = text.indexOf(rule.lastLabel, Math.min(...firsts));
  if (last < 0 || last - Math.min(...firsts) > BOX_SPAN) return undefined;
  // the value of the last label: on its own line, or the first line after it with a letter or digit
  const hasContent = (a: number, b: number) => /[\p{L}\p{N}]/u.test(text.slice(a, b));
  let start = lineEnd(text, last);
  if (!hasContent(last + rule.lastLabel.length, start)) {
    let p = start;
    while (p < text.length && !hasContent(p, lineEnd(text, p))) p = lineEnd(text, p);
    start = lineEnd(text, p);
  }
  const boxStart = Math.min(...firsts);
  const outside: FramePart[] = [];
  if (boxStart > 0) outside.push({ start: 0, end: boxStart, reason: 'site-navigation' });
  outside.push({ start: boxStart, end: start, reason: 'site-metadata' });
  // a summary the site wrote (`## Sửa đổi thủ tục …` and its paragraphs) is not the document
  let q = start;
  while (q < text.length && ['', rule.summaryEnd].includes(text.slice(q, lineEnd(text, q)).trim())) q = lineEnd(text, q);
  if (text.startsWith(rule.summaryHeading, q)) {
    for (let p = lineEnd(text, q); p < text.length; p = lineEnd(text, p)) {
      if (text.slice(p, lineEnd(text, p)).trim() === rule.summaryEnd) {
        outside.push({ start, end: lineEnd(text, p), reason: 'site-summary' });
        start = lineEnd(text, p);
        break;
      }
    }
  }
  let end = text.length;
  // markers anywhere after the start: in a text whose soft wraps are joined, a marker may follow the title
  // every marker after the start opens a part of the site's text (the first one ends the document)
  const marks: { at: number; reason: FurnitureReason }[] = [];
  for (const { marker, reason } of rule.endMarkers) {
    const at = text.indexOf(marker, start);
    if (at < 0) continue;
    if (at < end) end = at;
    // two markers on one line (`## Văn bản liên quan`, `Văn bản liên quan`) open one part, the earlier
    const same = marks.find((m) => lineStartOf(text, m.at) === lineStartOf(text, at));
    if (!same) marks.push({ at, reason });
    else if (at < same.at) Object.assign(same, { at, reason });
  }
  marks.sort((a, b) => a.at - b.at);
  // the site's title right before the marker: the rest of the line (soft wraps joined) that ends there
  if (end < text.length) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (lineStart > start && new RegExp(rule.titleLine).test(text.slice(lineStart, end))) end = lineStart;
    else {
      // a soft wrap joined the title to the document's last line: the title starts at the capitalised word (of
      // at most three) before the box's number (`… năm 2025 Thông báo 637/TB-VPCP năm 2025 về …`)
      const number = boxValue(text, rule.numberLabel);
      const at = number ? text.lastIndexOf(` ${number} `, end) : -1;
      if (at > Math.max(start, lineStart)) {
        let p = at;
        for (let words = 0; words < 3 && p > lineStart; words++) {
          const prev = text.lastIndexOf(' ', p - 1);
          const w = text.slice(prev + 1, p);
          p = prev;
          if (/^\p{Lu}/u.test(w)) {
            end = prev + 1;
            break;
          }
        }
      }
    }
  }
  if (end <= start) return undefined;
  // after the document: the site's title line (when it stands before the first marker), then each marked part
  const after = marks.filter((m) => m.at >= end);
  if (after.length === 0 || after[0]!.at > end) outside.push({ start: end, end: after[0]?.at ?? text.length, reason: 'site-title' });
  after.forEach((m, k) => {
    const to = after[k + 1]?.at ?? text.length;
    if (to > m.at) outside.push({ start: m.at, end: to, reason: m.reason });
  });
  const box: { number?: string; issued?: string } = {};
  const labels = [...rule.boxLabels, rule.lastLabel];
  const number = boxValue(text, rule.numberLabel, labels);
  if (number) box.number = number;
  const issued = boxValue(text, rule.dateLabel, labels);
  if (issued) box.issued = issued;
  return { start, end, rule: rule.id, outside: outside.filter((o) => o.end > o.start), box };
}

function lineStartOf(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

export function siteFrame(text: string): SiteFrame {
  for (const rule of SITE_FRAME_RULES) {
    const f = frameBy(rule, text);
    if (f) return f;
  }
  return { start: 0, end: text.length };
}
