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
 * - **aligned columns** (a report typed with spaces, `pdftotext -layout`): two or more consecutive lines that end
 *   in the same number of figures set apart by 3+ spaces (`Kinh phí chi thường xuyên      1.250      1.430,5`),
 *   the row label before them; the lines just above with text set apart the same way are the column headers,
 *   each over the columns its extent covers.
 *
 * Linear in the text length. Cells keep their exact span (trimmed of spaces); their text for headers is the
 * span with line breaks, runs of spaces and emphasis marks (`**`, `*`, `__`) collapsed.
 */
import { FIGURE_WITH_UNIT, looksLikeUnit, NUMBER_CELL, startsWithFigure } from './table-grid.js';

export interface TextCell {
  start: number;
  end: number;
  /** header cell by markup (a GFM row above `|---|`) */
  header?: boolean;
  /** stacked pipes: the number of pipe lines just before the cell, when two or more (a row boundary and/or
   * empty cells) */
  pipesBefore?: number;
  /** the cell's column, when the empty cells before it place it (a row rejoined across an empty cell) */
  at?: number;
}

export interface TextTable {
  rows: TextCell[][];
  /** offsets of the first and after the last character of the table's lines (pipes included) */
  start: number;
  end: number;
  /** columns placed by position (aligned text): `grid[r][c]` is the cell over row r, column c (spans kept) */
  grid?: (TextCell | undefined)[][];
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

/** a line of spaces only */
function isBlank(text: string, l: Line): boolean {
  const t = trimSpan(text, l.start, l.end);
  return t.end === t.start;
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
      rows.push(cells);
    }
    if (headerUntil > 0) for (let r = 0; r < headerUntil; r++) for (const c of rows[r]!) c.header = true;
    if (rows.length >= 2 || (rows.length === 1 && rows[0]!.length >= 2)) out.push({ rows, start, end });
  }
  return out;
}

/** One piece of stacked-pipe text: the chunks (cell candidates) between two row boundaries. */
interface Piece {
  chunks: TextCell[];
  /** a pipe line stands before the first chunk (after a row boundary, or at the start of the text) */
  opensWithPipe: boolean;
  /** a pipe line stands after the last chunk (the piece ends at a row boundary) */
  closesWithPipe: boolean;
}

/** the cleaned length of a chunk above which it is running text, not a header cell */
const LONG_CHUNK = 150;

/** one-chunk pieces in a row that a table holds as spanning rows */
const MAX_SPANNING_ROWS = 3;

function stackedTables(text: string, lines: Line[]): TextTable[] {
  // tokens: pipe lines and chunks of other lines; a run of ≥ 2 pipe lines is a row boundary
  const pieces: Piece[] = [];
  let chunks: TextCell[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let pipes = 0;
  let anyPipe = false;
  let opens = false;
  let lastWasPipe = false;
  let runBefore = 0;
  const flushChunk = () => {
    if (chunkStart >= 0) {
      const t: TextCell = trimSpan(text, chunkStart, chunkEnd);
      if (runBefore >= 2) t.pipesBefore = runBefore;
      if (t.end > t.start) chunks.push(t);
    }
    chunkStart = -1;
  };
  for (const l of lines) {
    if (isPipeLine(text, l)) {
      anyPipe = true;
      flushChunk();
      lastWasPipe = true;
      pipes++;
      if (pipes === 2) {
        pieces.push({ chunks, opensWithPipe: opens, closesWithPipe: true });
        chunks = [];
      }
      continue;
    }
    // a blank line neither ends a cell nor separates pipes: layout, not structure
    if (isBlank(text, l)) continue;
    if (chunkStart < 0) {
      // a chunk starts: was the token before it a pipe line?
      if (chunks.length === 0) opens = lastWasPipe;
      lastWasPipe = false;
    }
    if (chunkStart < 0) {
      chunkStart = l.start;
      runBefore = pipes;
    }
    pipes = 0;
    chunkEnd = l.end;
  }
  const endsWithPipe = lastWasPipe;
  flushChunk();
  if (!anyPipe) return [];
  pieces.push({ chunks, opensWithPipe: opens, closesWithPipe: endsWithPipe });

  // the raw span bounds the cleaned length: only a span a little longer than the limit needs cleaning
  const shortCell = (c: TextCell) => c.end - c.start <= LONG_CHUNK || (c.end - c.start <= 3 * LONG_CHUNK && cellText(text, c).length <= LONG_CHUNK);
  splitAtTextBetween(text, pieces, shortCell);
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
    // … and up to three in a row (a field's heading, then its group's: `LĨNH VỰC: CHỨNG THỰC`, `I. THỦ TỤC …`)
    const spanningRun = (q: number) => {
      let k = q;
      while (k < pieces.length && k - q < MAX_SPANNING_ROWS && n[k] === 1) k++;
      return k > q && k < pieces.length && n[k]! >= 2;
    };
    while (j + 1 < pieces.length && (n[j + 1]! >= 2 || spanningRun(j + 1))) j++;
    // the width of a table around a piece: the widest of the (up to three) nearest rows of ≥ 2 chunks; a
    // spanning row or a header row whose spans were lost is narrower than the table
    const width = (k: number, step: 1 | -1) => {
      let w = 0;
      for (let q = k + step, seen = 0; q >= i && q <= j && seen < 3; q += step) if (n[q]! >= 2) {
        w = Math.max(w, n[q]!);
        seen++;
      }
      return w;
    };
    /** the last cells of a piece that open a table: at most `w`, short ones (a long chunk is the text before) */
    const openingRow = (cells: TextCell[], w: number) => {
      let take = 0;
      while (take < Math.min(w, cells.length) && shortCell(cells[cells.length - 1 - take]!)) take++;
      // a header row is often wider than the rows under it (their spanned cells were lost): short header-like
      // cells before those go with it — not an introducing line (`Kết quả như sau:`) nor a figure
      if (take === w) {
        while (take < Math.min(cells.length, 3 * w) && headerLike(cells[cells.length - 1 - take]!)) take++;
      }
      return cells.slice(cells.length - Math.max(take, Math.min(w, cells.length, 1)));
    };
    const headerLike = (c: TextCell) => {
      // one line of at most a few words: a signature block, an annex title or a paragraph before the table is not
      if (c.end - c.start > 60 || text.slice(c.start, c.end).includes('\n')) return false;
      const t = cellText(text, c);
      return t !== '' && t.length <= 40 && !startsWithFigure(t) && !/[:.;]$/.test(t);
    };
    // the first row of a table: a header row (no figures), or a numbered row (a table going on past an elision,
    // `| 8 | … | …… | 2 | Thành lập … | 2025 |`); cells of a row wider than a short closing row after it (`| Ô tô
    // 1,5T | ca | 0,033 | 0,033 | ⏎ | 10 | 20 |`) open none
    const opensTable = (first: TextCell[]) => !first.some((c) => figureCell(text, c)) || /^[0-9]{1,3}[.)]?$/.test(cellText(text, first[0]!));
    const rows: TextCell[][] = [];
    for (let k = i; k <= j; k++) {
      const piece = pieces[k]!;
      let cells = piece.chunks;
      const prev = width(k, -1);
      const next = width(k, 1);
      if (k === i && j > i) {
        // the text before the table shares its first piece, unless a pipe opens the piece
        const room = piece.opensWithPipe ? cells.length : cells.length - 1;
        cells = cells.length > next || !piece.opensWithPipe ? openingRow(cells.slice(cells.length - Math.max(room, 1)), Math.max(next, 2)) : cells;
      } else if (k === j && k > i) {
        // the text after the table shares its last piece, unless a pipe closes it
        const room = piece.closesWithPipe ? cells.length : cells.length - 1;
        cells = cells.slice(0, Math.max(1, Math.min(room, prev)));
      } else if (k > i && k < j && next >= 2 && cells.length > prev && cells.length >= next + 2 && opensTable(openingRow(cells.slice(1), next))) {
        // the last row of one table, the text between, the first row of the next
        const first = openingRow(cells.slice(1), next);
        const rest = cells.slice(0, cells.length - first.length);
        const head = rest.slice(0, Math.min(prev, rest.length - 1));
        if (head.length > 0) rows.push(head);
        if (rows.length > 0) out.push(finish(text, rows));
        rows.length = 0;
        cells = first;
      }
      rows.push(cells);
    }
    if (rows.length >= 2 || rows[0]!.length >= 2) out.push(finish(text, rows));
    i = j + 1;
  }
  return out.filter((t) => t.rows.length > 0);
}

/**
 * A converted page may write one table's last row, the text between two tables (a heading, a paragraph, the next
 * table's unit line: one long chunk, since blank lines do not end a cell) and the next table's header row as one
 * piece, with single pipes between them (`| 10 | 20 | ⏎ 7. Sửa đổi định mức … ⏎ | Mã hiệu | Công tác | …`). Running
 * text is no cell: a long chunk followed by at least two short cells, the first no figure (a header row), ends
 * the table before it; the piece is cut there (an empty piece between the two halves ends the table), and the
 * long chunk is left to the text. Cells before it stay the last row of the table before. Only a piece wider than
 * the rows before it is cut: a table's own long cell (a procedure's description) leaves its row as wide as the table.
 */
function splitAtTextBetween(text: string, pieces: Piece[], shortCell: (c: TextCell) => boolean): void {
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    const c = p.chunks;
    let h = -1;
    for (let q = 0; q + 2 < c.length && h < 0; q++) {
      if (!shortCell(c[q]!) && shortCell(c[q + 1]!) && shortCell(c[q + 2]!) && !startsWithFigure(cellText(text, c[q + 1]!))) h = q;
    }
    // wider than the rows before it (a table's own long cell leaves the row as wide as the table)
    let prev = 0;
    for (let q = k - 1, seen = 0; q >= 0 && seen < 3 && pieces[q]!.chunks.length > 0; q--) if (pieces[q]!.chunks.length >= 2) {
      prev = Math.max(prev, pieces[q]!.chunks.length);
      seen++;
    }
    if (h < 0 || (prev > 0 && c.length <= prev)) continue;
    const before: Piece = { chunks: c.slice(0, h), opensWithPipe: p.opensWithPipe, closesWithPipe: true };
    const after: Piece = { chunks: c.slice(h + 1), opensWithPipe: true, closesWithPipe: p.closesWithPipe };
    pieces.splice(k, 1, before, { chunks: [], opensWithPipe: true, closesWithPipe: true }, after);
    // the half after the cut is looked at again (a second table may start inside it)
    k += 1;
  }
}

/** a figure (`0,033`, `12 ngày`), not a numbered heading (`2.2. Trường hợp …`, `1. Hàng hóa …`) */
const figureCell = (text: string, c: TextCell): boolean => {
  const t = cellText(text, c);
  return NUMBER_CELL.test(t) || FIGURE_WITH_UNIT.test(t);
};

function finish(text: string, rows: TextCell[][]): TextTable {
  const copy = joinSplitRows(text, rows.map((r) => r.slice()));
  const first = copy[0]?.[0];
  const lastRow = copy[copy.length - 1];
  const last = lastRow?.[lastRow.length - 1];
  return { rows: copy, start: first ? first.start : 0, end: last ? last.end : 0 };
}

/**
 * An empty cell of a converted page is written `|⏎|` like a row boundary, so one row may come as two:
 * - a row of text ending in a unit (`Bậc thợ 4/7 | công`) followed by a row of figures only (`0,279 | 0,045`)
 *   that together fit the table's width;
 * - a row of text only followed by a row of figures only that fit the table's width together with the empty cells
 *   the pipe lines count (`| | Tổng thời gian … | | 12 ngày |`: three pipes before the label, two between): the
 *   label is placed after the empty cells before it, the figures in the last columns (`at`; a label may span
 *   columns, so the figures are set at the row's end, where a total stands).
 */
function joinSplitRows(text: string, rows: TextCell[][]): TextCell[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const figure = (c: TextCell) => startsWithFigure(cellText(text, c));
  const out: TextCell[][] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    if (prev && prev.length >= 1 && row.length > 0 && prev.length + row.length <= width && row.every(figure) && !prev.some(figure)) {
      if (prev.length >= 2 && looksLikeUnit(cellText(text, prev[prev.length - 1]!))) {
        prev.push(...row);
        continue;
      }
      // the pipe lines before the row's first cell: a row boundary (two), more are empty cells at its start;
      // the figures are figures, not a numbered heading (`2.2. Trường hợp …`)
      const lead = Math.max(0, (prev[0]!.pipesBefore ?? 2) - 2);
      const between = (row[0]!.pipesBefore ?? 0) - 1;
      if (prev[0]!.at === undefined && between >= 1 && row.every((c) => figureCell(text, c)) && lead + prev.length + between + row.length <= width) {
        prev.forEach((c, i) => (c.at = lead + i));
        row.forEach((c, i) => (c.at = width - row.length + i));
        prev.push(...row);
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

/** Every table written as text, in text order. */
export function textTables(text: string): TextTable[] {
  const lines = linesOf(text);
  const piped = text.indexOf('|') < 0 ? [] : [...gfmTables(text, lines), ...stackedTables(text, lines)];
  const aligned = alignedTables(text, lines).filter((a) => !piped.some((p) => p.start < a.end && a.start < p.end));
  return [...piped, ...aligned].sort((a, b) => a.start - b.start);
}

/** a gap between two columns of aligned text */
const COLUMN_GAP = 3;
const FIGURE = /^[-+]?[0-9][0-9.,]*(?:\/[0-9][0-9.,]*)?\s?%?$/;

/** The pieces of a line cut at runs of ≥ COLUMN_GAP spaces, as spans. */
function segments(text: string, l: Line): TextCell[] {
  const out: TextCell[] = [];
  let i = l.start;
  while (i < l.end) {
    while (i < l.end && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= l.end) break;
    const start = i;
    let end = i;
    let spaces = 0;
    for (; i < l.end; i++) {
      if (isSpaceCode(text.charCodeAt(i))) {
        spaces++;
        if (spaces >= COLUMN_GAP) break;
      } else {
        spaces = 0;
        end = i + 1;
      }
    }
    out.push({ start, end });
  }
  return out;
}

interface AlignedRow {
  line: Line;
  stub: TextCell | undefined;
  figures: TextCell[];
}

/** A line ending in ≥ 2 figures set apart by wide gaps, the row label (if any) before them. */
function alignedRow(text: string, l: Line): AlignedRow | undefined {
  // most lines are prose: no digit at its end (tested first: no scan), or no column gap before the line's end
  let e = l.end;
  while (e > l.start && isSpaceCode(text.charCodeAt(e - 1))) e--;
  const last = text.charCodeAt(e - 1);
  if (!((last >= 48 && last <= 57) || last === 37)) return undefined;
  let run = 0;
  let gap = false;
  for (let i = l.start; i < l.end && !gap; i++) {
    run = isSpaceCode(text.charCodeAt(i)) ? run + 1 : 0;
    gap = run >= COLUMN_GAP;
  }
  if (!gap) return undefined;
  const segs = segments(text, l);
  let k = segs.length;
  while (k > 0 && FIGURE.test(text.slice(segs[k - 1]!.start, segs[k - 1]!.end))) k--;
  const figures = segs.slice(k);
  if (figures.length < 2 || k > 2) return undefined;
  // a row label and a row number before it (`1   Kinh phí …   1.250   1.430,5`): the label is the last one
  const stub = k > 0 ? segs[k - 1] : undefined;
  return { line: l, stub, figures };
}

function alignedTables(text: string, lines: Line[]): TextTable[] {
  const out: TextTable[] = [];
  const col = (l: Line, c: TextCell) => ({ x0: c.start - l.start, x1: c.end - l.start });
  let i = 0;
  while (i < lines.length) {
    const first = alignedRow(text, lines[i]!);
    if (!first) {
      i++;
      continue;
    }
    const n = first.figures.length;
    const rows: AlignedRow[] = [first];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isBlank(text, l)) continue;
      const r = alignedRow(text, l);
      if (!r || r.figures.length !== n) break;
      // the figures stand in the same columns (their extents overlap those of the first row, right-aligned or not)
      const same = r.figures.every((c, k) => {
        const a = col(l, c);
        const b = col(first.line, first.figures[k]!);
        return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > -COLUMN_GAP;
      });
      if (!same) break;
      rows.push(r);
    }
    if (rows.length < 2) {
      i++;
      continue;
    }
    // header lines: up to three lines right above the first row, each cut into pieces by wide gaps, every piece
    // over the figure columns its extent covers (a group header spans several)
    const figureCols = first.figures.map((c) => col(first.line, c));
    const headerLines: Line[] = [];
    for (let k = i - 1; k >= 0 && headerLines.length < 3; k--) {
      const l = lines[k]!;
      if (isBlank(text, l)) break;
      const segs = segments(text, l);
      if (segs.length < 2 || segs.some((c) => FIGURE.test(text.slice(c.start, c.end)))) break;
      headerLines.unshift(l);
    }
    const width = n + 1;
    const grid: (TextCell | undefined)[][] = [];
    for (const l of headerLines) {
      const row: (TextCell | undefined)[] = new Array(width).fill(undefined);
      for (const c of segments(text, l)) {
        const x = col(l, c);
        let covered = false;
        figureCols.forEach((f, k) => {
          if (Math.min(x.x1, f.x1) - Math.max(x.x0, f.x0) > 0) {
            row[k + 1] = { ...c, header: true };
            covered = true;
          }
        });
        if (!covered && x.x1 <= figureCols[0]!.x0) row[0] = { ...c, header: true };
      }
      grid.push(row);
    }
    for (const r of rows) grid.push([r.stub, ...r.figures]);
    const cells = grid.map((row) => row.filter((c, k): c is TextCell => c !== undefined && row.indexOf(c) === k));
    const start = (headerLines[0] ?? first.line).start;
    out.push({ rows: cells, start, end: rows[rows.length - 1]!.line.end, grid });
    i = j;
  }
  return out;
}

/** A code unit that `\s` (and `trim`) matches. */
const isJsSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

let cleanBuf = new Uint16Array(1024);
/**
 * A cell's text for headers and numbers: one line, emphasis marks and spacing collapsed — the same as
 * `slice.replace(/\*+|__+/g, '').replace(/\s+/g, ' ').trim()`, in one pass (runs of `*` and of two or more `_`
 * dropped, every run of spacing left between two kept characters one space), returning the slice itself when
 * nothing changes.
 */
export function cellText(text: string, c: TextCell): string {
  const { start, end } = c;
  if (cleanBuf.length < end - start) cleanBuf = new Uint16Array(Math.max(end - start, 2 * cleanBuf.length));
  const buf = cleanBuf;
  let len = 0;
  let pending = false;
  let same = true; // the output so far is text.slice(start, start + len)
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 42 || (ch === 95 && i + 1 < end && text.charCodeAt(i + 1) === 95)) {
      while (i + 1 < end && text.charCodeAt(i + 1) === ch) i++;
      same = false;
      continue;
    }
    if (isJsSpace(ch)) {
      if (len === 0 || pending || ch !== 32) same = false;
      pending = true;
      continue;
    }
    if (pending) {
      if (len > 0) buf[len++] = 32;
      pending = false;
    }
    buf[len++] = ch;
  }
  if (same) return len === end - start ? text.slice(start, end) : text.slice(start, start + len);
  let out = '';
  for (let a = 0; a < len; a += 8192) out += String.fromCharCode.apply(null, buf.subarray(a, Math.min(len, a + 8192)) as unknown as number[]);
  return out;
}
