/**
 * Tables written as text → cells with spans into the text. Two syntaxes, one result:
 *
 * - **pipe rows** (markdown/GFM): `| Sản lượng | Tấn | 3.200 | 3.300 |`, one row per line, a `|---|` line
 *   marks the rows above it as header rows;
 * - **stacked pipes** (a web page converted to text): every cell boundary is a line holding only `|`, a row
 *   boundary two such lines (`|⏎|`, the close of one row and the open of the next), cell text on the lines
 *   between. Text outside a table has no pipe line, so the first row of a table may carry the text before it
 *   and the last row the text after it; they are cut off by the column count of the neighbouring rows.
 *
 * Linear in the text length. Cells keep their exact span (trimmed of spaces); their text for headers is the
 * span with line breaks, runs of spaces and emphasis marks (`**`, `*`, `__`) collapsed.
 */

export interface TextCell {
  start: number;
  end: number;
  /** header cell by markup (a GFM row above `|---|`) */
  header?: boolean;
}

export interface TextTable {
  rows: TextCell[][];
  /** offsets of the first and after the last character of the table's lines (pipes included) */
  start: number;
  end: number;
}

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  while (s <= text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    out.push({ start: s, end: e });
    if (e === text.length) break;
    s = e + 1;
  }
  return out;
}

const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0;

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** a line holding only `|` (and spaces) */
function isPipeLine(text: string, l: Line): boolean {
  const t = trimSpan(text, l.start, l.end);
  return t.end - t.start === 1 && text.charCodeAt(t.start) === 124;
}

/** a GFM row: starts with `|`, holds another `|` and some non-space text */
function pipeRowCells(text: string, l: Line): TextCell[] | undefined {
  const t = trimSpan(text, l.start, l.end);
  if (t.end - t.start < 3 || text.charCodeAt(t.start) !== 124) return undefined;
  const cells: TextCell[] = [];
  let cellStart = t.start + 1;
  for (let i = t.start + 1; i <= t.end; i++) {
    const atEnd = i === t.end;
    if (atEnd || (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92)) {
      if (atEnd && i === cellStart) break;
      cells.push(trimSpan(text, cellStart, i));
      cellStart = i + 1;
    }
  }
  if (cells.length < 2) return undefined;
  return cells;
}

const SEPARATOR_CELL = /^:?-{2,}:?$/;
function isSeparatorRow(text: string, cells: TextCell[]): boolean {
  return cells.every((c) => SEPARATOR_CELL.test(text.slice(c.start, c.end)));
}

function gfmTables(text: string, lines: Line[]): TextTable[] {
  const out: TextTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = pipeRowCells(text, lines[i]!);
    if (!first) {
      i++;
      continue;
    }
    const rows: TextCell[][] = [];
    const start = lines[i]!.start;
    let end = lines[i]!.end;
    let headerUntil = -1;
    for (; i < lines.length; i++) {
      const cells = pipeRowCells(text, lines[i]!);
      if (!cells) break;
      end = lines[i]!.end;
      if (isSeparatorRow(text, cells)) {
        headerUntil = rows.length;
        continue;
      }
      rows.push(cells.filter((c) => c.end > c.start || true));
    }
    if (headerUntil > 0) for (let r = 0; r < headerUntil; r++) for (const c of rows[r]!) c.header = true;
    if (rows.length >= 2 || (rows.length === 1 && rows[0]!.length >= 2)) out.push({ rows, start, end });
  }
  return out;
}

/** One piece of stacked-pipe text: the chunks (cell candidates) between two row boundaries. */
interface Piece {
  chunks: TextCell[];
  /** offset of the first pipe line that closes the piece (or the text end) */
  closeAt: number;
}

function stackedTables(text: string, lines: Line[]): TextTable[] {
  // tokens: pipe lines and chunks of other lines; a run of ≥ 2 pipe lines is a row boundary
  const pieces: Piece[] = [];
  let chunks: TextCell[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let pipes = 0;
  let anyPipe = false;
  const flushChunk = () => {
    if (chunkStart >= 0) {
      const t = trimSpan(text, chunkStart, chunkEnd);
      if (t.end > t.start) chunks.push(t);
    }
    chunkStart = -1;
  };
  for (const l of lines) {
    if (isPipeLine(text, l)) {
      anyPipe = true;
      flushChunk();
      pipes++;
      if (pipes === 2) {
        pieces.push({ chunks, closeAt: l.start });
        chunks = [];
      }
      continue;
    }
    // a blank line neither ends a cell nor separates pipes: layout, not structure
    if (trimSpan(text, l.start, l.end).end === trimSpan(text, l.start, l.end).start) continue;
    pipes = 0;
    if (chunkStart < 0) chunkStart = l.start;
    chunkEnd = l.end;
  }
  flushChunk();
  if (!anyPipe) return [];
  pieces.push({ chunks, closeAt: text.length });

  // a table: consecutive pieces of ≥ 2 chunks (a one-chunk piece between two of them is a spanning row)
  const out: TextTable[] = [];
  const n = pieces.map((p) => p.chunks.length);
  let i = 0;
  while (i < pieces.length) {
    if (n[i]! < 2) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < pieces.length && (n[j + 1]! >= 2 || (n[j + 1] === 1 && j + 2 < pieces.length && n[j + 2]! >= 2))) j++;
    // the width of the rows around a piece: the nearest piece of ≥ 2 chunks (a spanning row says nothing)
    const widthBefore = (k: number) => {
      for (let q = k - 1; q >= i; q--) if (n[q]! >= 2) return n[q]!;
      return 0;
    };
    const widthAfter = (k: number) => {
      for (let q = k + 1; q <= j; q++) if (n[q]! >= 2) return n[q]!;
      return 0;
    };
    const rows: TextCell[][] = [];
    for (let k = i; k <= j; k++) {
      let cells = pieces[k]!.chunks;
      const prev = widthBefore(k);
      const next = widthAfter(k);
      if (k === i && next >= 2 && cells.length > next) cells = cells.slice(cells.length - next);
      else if (k === j && prev >= 2 && cells.length > prev) cells = cells.slice(0, prev);
      else if (k > i && k < j && next >= 2 && cells.length > prev && cells.length >= next + 2) {
        // the last row of one table, the text between, the first row of the next: the next table's first row
        // is as wide as its rows; the table before ends with a row no wider than its last; the rest is text
        const head = cells.slice(0, Math.min(prev, cells.length - next - 1));
        if (head.length > 0) rows.push(head);
        if (rows.length > 0) out.push(finish(text, rows));
        rows.length = 0;
        cells = cells.slice(cells.length - next);
      }
      rows.push(cells);
    }
    if (rows.length >= 2 || rows[0]!.length >= 2) out.push(finish(text, rows));
    i = j + 1;
  }
  return out.filter((t) => t.rows.length > 0);
}

function finish(text: string, rows: TextCell[][]): TextTable {
  const copy = rows.map((r) => r.slice());
  const first = copy[0]?.[0];
  const lastRow = copy[copy.length - 1];
  const last = lastRow?.[lastRow.length - 1];
  return { rows: copy, start: first ? first.start : 0, end: last ? last.end : 0 };
}

/** Every table written as text, in text order. */
export function textTables(text: string): TextTable[] {
  if (text.indexOf('|') < 0) return [];
  const lines = linesOf(text);
  const tables = [...gfmTables(text, lines), ...stackedTables(text, lines)];
  return tables.sort((a, b) => a.start - b.start);
}

/** A cell's text for headers and numbers: one line, emphasis marks and spacing collapsed. */
export function cellText(text: string, c: TextCell): string {
  return text
    .slice(c.start, c.end)
    .replace(/\*+|__+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
