/**
 * Plain text → Document. Decoding: ./encodings (UTF-8 ±BOM, UTF-16 with BOM, CP1258, TCVN3, VNI, NFD);
 * every line becomes a `line` block, except tables written as text (./text-tables: markdown pipe rows, stacked
 * pipes of a converted web page), whose cells become `table-cell` blocks with their row and column headers.
 */
import type { Block, Document, DocumentSource } from '../model/document.js';
import { normalizeText } from '../normalize/normalize-text.js';
import { InputError } from './errors.js';
import { canonicalEncoding, decodeAs, detectAndDecode } from './encodings.js';
import { cellText, textTables, type TextCell } from './text-tables.js';
import { isUnitColumnHeader, looksLikeUnit, startsWithFigure, tableContexts, UNIT_LINE, type GridCell } from './table-grid.js';

/**
 * Decode the bytes of a text file: `encoding` forces one (see canonicalEncoding for the accepted names),
 * otherwise it is detected. NFD (decomposed) Unicode is reported as `<enc>-nfd`; normalizeText composes it.
 */
export function decodeTextBytes(path: string, bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  let text: string;
  let enc: string;
  if (encoding !== undefined) {
    const forced = canonicalEncoding(encoding.replace(/-nfd$/i, ''));
    if (!forced) throw new InputError(path, 'encoding', `unknown encoding "${encoding}" (known: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni)`);
    try {
      text = decodeAs(bytes, forced);
    } catch {
      throw new InputError(path, 'encoding', `not valid ${forced} text`);
    }
    enc = forced;
  } else {
    const r = detectAndDecode(bytes);
    text = r.text;
    enc = r.encoding;
  }
  if (enc.startsWith('utf') && /[\u0300-\u036f]/.test(text) && text !== text.normalize('NFC')) enc += '-nfd';
  return { text, encoding: enc };
}

/** Split normalized text into line blocks (empty lines are skipped). */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start && text.slice(start, end).trim() !== '') blocks.push({ kind: 'line', span: { start, end } });
    start = end + 1;
  }
  return blocks;
}

/**
 * The unit line just before a table (`ĐVT: triệu đồng`, `**Đơn vị tính:** lần/hệ thống`), also when a wrap
 * splits it: the last line before the table, or the last two read as one.
 */
function unitBefore(text: string, at: number): string | undefined {
  const lines: string[] = [];
  let end = at;
  while (lines.length < 2 && end > 0) {
    const lineEnd = text.lastIndexOf('\n', end - 1);
    if (lineEnd < 0) break;
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    end = lineStart;
    const line = text.slice(lineStart, lineEnd).replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
    if (line === '' || line === '|') {
      if (lines.length > 0) break;
      continue;
    }
    lines.unshift(line);
  }
  for (const cand of [lines[lines.length - 1], lines.join(' ')]) {
    const m = cand ? UNIT_LINE.exec(cand) : null;
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/**
 * A text table has no spans: a header row narrower than the data rows is aligned as headers are written —
 * the last header row (sub-columns) to the right, an upper one to the left with its last cell spanning the
 * rest; a one-cell row (a group title) spans the row. Cells keep their own column in `origins`.
 */
function alignedGrid(origins: GridCell[][]): (GridCell | undefined)[][] {
  const counts = new Map<number, number>();
  for (const row of origins) if (row.length >= 2) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, c] of counts) if (c > best || (c === best && w > width)) [width, best] = [w, c];
  let headers = 0;
  while (headers < Math.min(3, origins.length - 1) && origins[headers]!.every((c) => !startsWithFigure(c.text))) headers++;
  // a header wider than the rows under it (their spanned cells lost) with a unit column (`ĐVT`): a row whose
  // unit cell stands next to a figure is placed so that it stands under that column, the cells left of it taken from
  // the row above (the lost row spans: `I | Tốt nghiệp THPT` over `- Trưởng ban | 692 | người/ngày`)
  const head = origins.slice(0, headers).reduce<GridCell[] | undefined>((w, row) => (!w || row.length > w.length ? row : w), undefined);
  const unitAt = head && head.length > width ? head.findIndex((c) => isUnitColumnHeader(c.text)) : -1;
  const anchored = (row: GridCell[]): number => {
    if (unitAt < 0) return -1;
    for (let i = 1; i < row.length; i++) {
      const byFigure = startsWithFigure(row[i - 1]!.text) || (i + 1 < row.length && startsWithFigure(row[i + 1]!.text));
      if (looksLikeUnit(row[i]!.text) && byFigure) {
        const offset = unitAt - i;
        return offset > 0 && offset + row.length <= head!.length ? offset : -1;
      }
    }
    return -1;
  };
  const out: (GridCell | undefined)[][] = [];
  origins.forEach((row, r) => {
    const offset = r >= headers && row.every((c, i) => c.col === i) ? anchored(row) : -1;
    if (offset > 0) {
      const placed: (GridCell | undefined)[] = new Array(head!.length).fill(undefined);
      for (let c = 0; c < offset; c++) placed[c] = out[r - 1]?.[c];
      row.forEach((cell, i) => {
        placed[offset + i] = cell;
        cell.col = offset + i;
      });
      out.push(placed);
    } else out.push(place(row, r));
  });
  return out;

  function place(row: GridCell[], r: number): (GridCell | undefined)[] {
    // cells placed by the empty cells before them (a row rejoined across an empty cell)
    if (row.some((c, i) => c.col !== i)) {
      const out: (GridCell | undefined)[] = new Array(Math.max(width, row[row.length - 1]!.col + 1)).fill(undefined);
      for (const c of row) out[c.col] = c;
      return out;
    }
    if (row.length >= width || width === 0) return row.slice();
    const out: (GridCell | undefined)[] = new Array(width).fill(undefined);
    if (row.length === 1) return out.fill(row[0]);
    if (r < headers && r === headers - 1 && r > 0) {
      row.forEach((c, i) => (out[width - row.length + i] = c));
      for (let i = 0; i < width - row.length; i++) out[i] = origins[r - 1]![i] ?? undefined;
      return out;
    }
    row.forEach((c, i) => (out[i] = c));
    if (r < headers) for (let i = row.length; i < width; i++) out[i] = row[row.length - 1];
    return out;
  }
}

/** a cell's text as a header or figure: a long cell (a paragraph) is named by its start, cut after cleaning so that
 * every layout of it gives the same name */
const GRID_TEXT_MAX = 300;
const gridText = (text: string, c: TextCell) =>
  c.end - c.start <= GRID_TEXT_MAX ? cellText(text, c) : cellText(text, { start: c.start, end: Math.min(c.end, c.start + 4 * GRID_TEXT_MAX) }).slice(0, GRID_TEXT_MAX).trim();

/** Line blocks, with the lines of every text table replaced by its cells. */
export function textBlocks(text: string): Block[] {
  const lines = lineBlocks(text);
  const tables = textTables(text);
  if (tables.length === 0) return lines;
  const cells: Block[] = [];
  tables.forEach((t, index) => {
    let origins: GridCell[][];
    let grid: (GridCell | undefined)[][];
    if (t.grid) {
      // columns placed by position: one grid cell per source cell, shared by the columns it spans
      const made = new Map<TextCell, GridCell>();
      grid = t.grid.map((row, r) =>
        row.map((c, col) => {
          if (!c) return undefined;
          let g = made.get(c);
          if (!g) made.set(c, (g = { text: gridText(text, c), header: c.header === true, row: r, col }));
          return g;
        }),
      );
      origins = t.rows.map((row) => row.map((c) => made.get(c)!));
    } else {
      origins = t.rows.map((row, r) => row.map((c, col) => ({ text: gridText(text, c), header: c.header === true, row: r, col: c.at ?? col })));
      grid = alignedGrid(origins);
    }
    const contexts = tableContexts(grid, origins, index, unitBefore(text, t.start));
    t.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c.end > c.start) cells.push({ kind: 'table-cell', span: { start: c.start, end: c.end }, table: contexts[r]![col]! });
      }),
    );
  });
  // a line inside a table's extent is covered by its cells (or is a pipe line)
  let k = 0;
  const kept = lines.filter((b) => {
    while (k < tables.length && tables[k]!.end < b.span.start) k++;
    const t = tables[k];
    return !(t && b.span.start >= t.start && b.span.end <= t.end + 1);
  });
  return [...kept, ...cells].sort((a, b) => a.span.start - b.span.start);
}

export function textToDocument(rawText: string, source: DocumentSource): Document {
  const text = normalizeText(rawText);
  return { text, blocks: textBlocks(text), source, messages: [] };
}
