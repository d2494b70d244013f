/**
 * Tables of a PDF page rebuilt from the positions of its text, so that their numbers reach the metrics with
 * row and column headers like DOCX table cells (see ./table-metrics):
 * - data rows: lines ending in three or more numeric cells (`83,1/100  62/63  83,0%`), or two set well apart;
 * - a table: two or more data rows of the same width whose cells line up in columns;
 * - the stub (row header): words before the numbers and short lines left of the first number column near the
 *   row (`Lâm` above and `Đồng` below a vertically centred row);
 * - header lines: the narrow blocks just above the first row; a block over several columns is a group header
 *   (`PAR Index`), the blocks over one column stack into its own header (`Thứ` `hạng`) → `PAR Index - Thứ hạng`.
 * Everything else stays running text.
 */
import type { Word } from './pdf.js';
import { UNIT_LINE } from './table-grid.js';

export interface TableLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** baseline, PDF coordinates (grows upwards) */
  y: number;
  size: number;
  /** the block's words with their horizontal extent (the cells) */
  words: Word[];
  /** blocks of one physical line (split at wide gaps) share it */
  group?: number;
}

export interface TableCell {
  text: string;
  col: number;
  /** a figure cell: which of the table's figure columns it is in */
  figureCol?: number;
  /** a row number (`STT`): no figure */
  ordinal?: boolean;
  unit?: string;
  rowHeader?: string;
  colHeader?: string;
}

export interface PdfTable<L extends TableLine> {
  /** every line the table takes out of the running text */
  lines: Set<L>;
  /** rows in reading order: the header row first (when there is one), then the data rows */
  rows: TableCell[][];
  /** the horizontal extent of each figure column */
  cols: { x0: number; x1: number }[];
  /** each figure column's header, when the table has a header row */
  colHeader?: (string | undefined)[];
  /** the table's unit (`ĐVT: triệu đồng` above it) */
  unit?: string;
}

/**
 * A table at the top of a page that goes on with the table at the bottom of the page before: it has no header
 * row of its own and its figure columns stand where the earlier table's do (a long table printed over a page
 * break, its header not repeated).
 */
export function continuesTable(prev: PdfTable<TableLine>, next: PdfTable<TableLine>, head: PdfTable<TableLine> = prev): boolean {
  if (next.cols.length !== prev.cols.length) return false;
  // a header of its own: only the table's header repeated at the top of the page (`Năm 2022 | Năm 2023` again)
  if (next.colHeader !== undefined && !repeatsHeader(head, next)) return false;
  return next.cols.every((c, k) => overlap(c.x0, c.x1, prev.cols[k]!.x0 - 2, prev.cols[k]!.x1 + 2) > 0);
}

/** the next page's table starts with the same column headers as the table it goes on with */
export function repeatsHeader(head: PdfTable<TableLine>, next: PdfTable<TableLine>): boolean {
  const a = head.colHeader;
  const b = next.colHeader;
  return a !== undefined && b !== undefined && a.length === b.length && a.every((h, k) => (h ?? '') === (b[k] ?? ''));
}

const NUMERIC = /^[-+]?\d[\d.,]*(?:\/\d[\d.,]*)?%?$/;
const HEADING = /^(?:[IVXLC]{1,6}\.|\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|[a-zđ]\)\s)/u;

interface DataLine<L> {
  /** the first block of the physical line (its height, page and size) */
  line: L;
  /** all blocks of the physical line */
  blocks: L[];
  /** body index of the first block */
  index: number;
  stub: Word[];
  cells: Word[];
  /** a text cell after the numbers */
  note?: Word[];
}

/** The numeric cells ending a physical line, when they look like table cells (set apart by more than word spacing). */
function numericTail<L extends TableLine>(blocks: L[], index: number): DataLine<L> | undefined {
  const line = blocks[0]!;
  let w = blocks.flatMap((b) => b.words).sort((a, b) => a.x0 - b.x0);
  // a text cell after the numbers (`Ghi chú`: `Đạt`, `vượt kế hoạch`) is kept apart
  let note: Word[] | undefined;
  const runs = splitAtGaps(w, line.size * 1.2);
  const isNum = (ws: Word[]) => ws.every((x) => NUMERIC.test(x.text));
  if (runs.length >= 3 && !isNum(runs[runs.length - 1]!) && isNum(runs[runs.length - 2]!) && isNum(runs[runs.length - 3]!)) {
    note = runs[runs.length - 1]!;
    w = w.slice(0, w.length - note.length);
  }
  let k = w.length;
  while (k > 0 && NUMERIC.test(w[k - 1]!.text)) k--;
  // a number set at word spacing after the word before it belongs to the row's label (`đề tài số 1`), not a cell
  while (k > 0 && k < w.length && w[k]!.x0 - w[k - 1]!.x1 < line.size * 0.6) k++;
  const cells = w.slice(k);
  if (cells.length < 2) return undefined;
  const minGap = cells.length >= 3 ? line.size * 0.6 : line.size * 1.5;
  for (let i = 1; i < cells.length; i++) if (cells[i]!.x0 - cells[i - 1]!.x1 < minGap) return undefined;
  // the stub must end well before the first number (not a sentence running into its figures): by more than a
  // word space — a cell's padding on both sides (two figure columns already stand apart by 1.5 em)
  const stub = w.slice(0, k);
  if (stub.length > 0 && cells[0]!.x0 - stub[stub.length - 1]!.x1 < Math.min(minGap, line.size * 0.8)) return undefined;
  return note ? { line, blocks, index, stub, cells, note } : { line, blocks, index, stub, cells };
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}
const UNIT_HEAD = /^(?:ĐVT|Đơn vị tính|Đơn vị)$/i;
const ORDINAL_HEAD = /^(?:STT|TT|Số TT|Số thứ tự)$/i;
const ORDINAL_CELL = /^(?:\d{1,3}|[IVXLC]{1,6})\.?$/;

/** Words cut into runs where the space between two words is at least `gap`. */
function splitAtGaps(words: Word[], gap: number): Word[][] {
  const out: Word[][] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last && w.x0 - last[last.length - 1]!.x1 < gap) last.push(w);
    else out.push([w]);
  }
  return out;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);

/**
 * Header words cut where one stands over a figure column and the next over another (`Năm 2022 Năm 2023` set at
 * word spacing over two columns); a word over no single column (a centred group header) cuts nothing.
 */
function splitAtColumns(words: Word[], cols: { x0: number; x1: number }[]): Word[][] {
  const colOf = (w: Word) => {
    const hit = cols.flatMap((c, k) => (overlap(w.x0, w.x1, c.x0 - 2, c.x1 + 2) > 0 ? [k] : []));
    return hit.length === 1 ? hit[0]! : -1;
  };
  const out: Word[][] = [];
  let prevCol = -1;
  for (const w of words) {
    const c = colOf(w);
    const last = out[out.length - 1];
    if (last && !(c >= 0 && prevCol >= 0 && c !== prevCol)) last.push(w);
    else out.push([w]);
    if (c >= 0) prevCol = c;
  }
  return out;
}

/** Tables on one page's body lines (in reading order). */
export function findTables<L extends TableLine>(body: L[]): PdfTable<L>[] {
  const tables: PdfTable<L>[] = [];
  // physical lines: consecutive blocks of one group
  const units: L[][] = [];
  const starts: number[] = [];
  body.forEach((l, k) => {
    const last = units[units.length - 1];
    if (last && l.group !== undefined && last[0]!.group === l.group) last.push(l);
    else {
      units.push([l]);
      starts.push(k);
    }
  });
  const data = units.map((u, k) => numericTail(u, starts[k]!));
  let i = 0;
  while (i < units.length) {
    const first = data[i];
    if (!first) {
      i++;
      continue;
    }
    const n = first.cells.length;
    const cols = first.cells.map((c) => ({ x0: c.x0, x1: c.x1 }));
    const rows: DataLine<L>[] = [first];
    const between: L[][] = [[]];
    let j = i + 1;
    for (; j < units.length; j++) {
      const d = data[j];
      const u = units[j]!;
      const l = u[0]!;
      if (l.page !== first.line.page) break;
      if (d && d.cells.length === n && d.cells.every((c, k) => overlap(c.x0, c.x1, cols[k]!.x0 - l.size, cols[k]!.x1 + l.size) > 0)) {
        d.cells.forEach((c, k) => {
          cols[k]!.x0 = Math.min(cols[k]!.x0, c.x0);
          cols[k]!.x1 = Math.max(cols[k]!.x1, c.x1);
        });
        rows.push(d);
        between.push([]);
        continue;
      }
      // a short line left of the number columns: part of a row header
      if (!d && u.every((b) => b.x1 < cols[0]!.x0) && l.y < rows[rows.length - 1]!.line.y + l.size * 2) {
        between[between.length - 1]!.push(...u);
        continue;
      }
      break;
    }
    if (rows.length < 2) {
      i++;
      continue;
    }
    // lines after the last row belong to it only when they sit close to it; give the rest back
    const tail = between[between.length - 1]!;
    const pitch = median(rows.slice(1).map((r, k) => rows[k]!.line.y - r.line.y)) || rows[0]!.line.size * 2;
    const lastY = rows[rows.length - 1]!.line.y;
    while (tail.length > 0 && lastY - tail[tail.length - 1]!.y > pitch * 0.6) tail.pop();
    const table = buildTable(body, rows, between, cols, pitch);
    tables.push(table);
    i = j;
  }
  return tables;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function buildTable<L extends TableLine>(body: L[], rows: DataLine<L>[], between: L[][], cols: { x0: number; x1: number }[], pitch: number): PdfTable<L> {
  const lines = new Set<L>(rows.flatMap((r) => r.blocks));
  const first = rows[0]!;
  const left = Math.min(...rows.map((r) => (r.stub[0] ?? r.cells[0]!).x0));
  const right = cols[cols.length - 1]!.x1;
  // stubs: the row's own words, and stub-only lines assigned to the nearest row by height
  const stubLines: L[][] = rows.map(() => []);
  const stubCandidates = between.flat();
  // stub-only lines just above the first row (a vertically centred row header starts above the numbers)
  const header: L[] = [];
  let top = first.line.y;
  for (let k = first.index - 1; k >= 0; k--) {
    const l = body[k]!;
    if (l.page !== first.line.page || l.y <= first.line.y - l.size || HEADING.test(l.text)) break;
    // a header block is narrow, or cut by wide spaces into narrow pieces (close column headers in one block)
    const narrow = (x0: number, x1: number) => x1 - x0 <= (right - left) * 0.5;
    const runs = splitAtGaps(l.words, l.size * 1.2);
    if (!(narrow(l.x0, l.x1) || (runs.length > 1 && runs.every((ws) => narrow(ws[0]!.x0, ws[ws.length - 1]!.x1)))) || l.y - top > l.size * 2.5) break;
    if (l.x1 < cols[0]!.x0 && l.y - first.line.y < pitch * 0.6) stubCandidates.push(l);
    else header.push(l);
    top = Math.max(top, l.y);
  }
  for (const l of stubCandidates) {
    let best = 0;
    rows.forEach((r, k) => {
      if (Math.abs(r.line.y - l.y) < Math.abs(rows[best]!.line.y - l.y)) best = k;
    });
    stubLines[best]!.push(l);
    lines.add(l);
  }
  for (const l of header) lines.add(l);
  // header pieces: a block is cut where its words stand apart (`Năm 2024    Năm 2025` set closer than the
  // three em that split lines); a unit line (`ĐVT: triệu đồng`) gives the table's unit, not a header
  let unit: string | undefined;
  const pieces: Piece[] = [];
  for (const h of header) {
    const u = UNIT_LINE.exec(h.text.trim());
    if (u) {
      unit = u[1]!.trim();
      continue;
    }
    pieces.push(...splitAtGaps(h.words, h.size * 1.2).flatMap((ws) => splitAtColumns(ws, cols)).map((ws) => ({ text: ws.map((w) => w.text).join(' '), x0: ws[0]!.x0, x1: ws[ws.length - 1]!.x1, y: h.y, size: h.size })));
  }
  const byTop = (a: { y: number; x0: number }, b: { y: number; x0: number }) => b.y - a.y || a.x0 - b.x0;
  // group headers: pieces with other pieces below them, off their own centre (`PAR Index` over
  // `Điểm số | Thứ hạng`; not `Thứ` over `hạng`); each column takes the nearest group header by centre
  const mid = (h: Piece) => (h.x0 + h.x1) / 2;
  const inColumns = pieces.filter((h) => h.x1 >= cols[0]!.x0 - 2);
  const groups = inColumns.filter((h) =>
    inColumns.some((o) => o !== h && o.y < h.y - h.size * 0.8 && Math.abs(mid(o) - mid(h)) > h.size * 0.5 && Math.abs(mid(o) - mid(h)) < (h.x1 - h.x0) / 2 + h.size * 3),
  );
  const colHeader = cols.map((c) => {
    const cm = (c.x0 + c.x1) / 2;
    let group: Piece | undefined;
    for (const g of groups) if (!group || Math.abs(mid(g) - cm) < Math.abs(mid(group) - cm)) group = g;
    const own = inColumns.filter((h) => !groups.includes(h) && overlap(h.x0, h.x1, c.x0 - 2, c.x1 + 2) > 0).sort(byTop).map((h) => h.text);
    const parts = [...(group ? [group.text] : []), ...(own.length ? [own.join(' ')] : [])];
    return parts.length ? parts.join(' - ') : undefined;
  });
  // the stub's own columns: an ordinal column (`STT`) and a unit column (`ĐVT`) are not part of the row header
  const stubPieces = pieces.filter((h) => h.x1 < cols[0]!.x0 - 2);
  const ordinalHead = stubPieces.find((h) => ORDINAL_HEAD.test(h.text));
  const unitHead = stubPieces.find((h) => UNIT_HEAD.test(h.text));
  const stubHeader = stubPieces.filter((h) => h !== ordinalHead && h !== unitHead).sort(byTop).map((h) => h.text).join(' ');
  const out: TableCell[][] = [];
  // the header of a text column after the numbers (`Ghi chú`) is written after the others
  const after = inColumns.filter((h) => h.x0 > cols[cols.length - 1]!.x1 + 2 && !groups.includes(h)).sort(byTop).map((h) => h.text).join(' ');
  if (header.length > 0) out.push([{ text: stubHeader, col: 0 }, ...colHeader.map((t, k) => ({ text: t ?? '', col: k + 1 })), ...(after ? [{ text: after, col: cols.length + 1 }] : [])]);
  rows.forEach((r, k) => {
    // the row's own stub words, cut where they stand apart: ordinal, label, unit
    let own = splitAtGaps(r.stub, r.line.size * 1.2);
    let rowUnit: string | undefined;
    if (own.length > 1 && (ordinalHead || ORDINAL_CELL.test(own[0]!.map((w) => w.text).join(' ')))) own = own.slice(1);
    if (unitHead && own.length > 1) {
      const at = own.findIndex((ws) => overlap(ws[0]!.x0, ws[ws.length - 1]!.x1, unitHead.x0 - 2, unitHead.x1 + 2) > 0);
      if (at > 0) {
        rowUnit = own[at]!.map((w) => w.text).join(' ');
        own = own.filter((_, i) => i !== at);
      }
    }
    // a row number vertically centred beside a label wrapped over two lines (`2` between `… và công` and
    // `nghệ`): a line of its own (or the row's only stub word) left of the label's lines — a cell of its own,
    // not a word of the label
    let wrapped = stubLines[k]!;
    const leftOfLabel = (x1: number, others: L[]) => others.length > 0 && x1 < Math.min(...others.map((l) => l.x0)) - r.line.size * 0.3;
    let rowNumber: string | undefined;
    const numberLine = wrapped.find((l) => ORDINAL_CELL.test(l.text.trim()) && leftOfLabel(l.x1, wrapped.filter((o) => o !== l)));
    if (own.length === 0 && numberLine) {
      rowNumber = numberLine.text.trim();
      wrapped = wrapped.filter((l) => l !== numberLine);
    } else if (own.length === 1 && ORDINAL_CELL.test(own[0]!.map((w) => w.text).join(' ')) && leftOfLabel(own[0]![own[0]!.length - 1]!.x1, wrapped)) {
      rowNumber = own[0]!.map((w) => w.text).join(' ');
      own = [];
    }
    const ownText = own.map((ws) => ws.map((w) => w.text).join(' ')).join(' - ');
    const parts = [...wrapped.filter((l) => l.y > r.line.y), ...(ownText ? [r.line] : []), ...wrapped.filter((l) => l.y <= r.line.y)];
    parts.sort(byTop);
    const stub = parts.map((l) => (l === r.line ? ownText : l.text)).join(' ').trim();
    // as written: the stub's own runs as cells (`1 | Sở Nội vụ | hồ sơ`), or one cell when it wraps around the row
    // (after its row number, when that stands beside it)
    const written =
      wrapped.length === 0 && r.stub.length > 0
        ? splitAtGaps(r.stub, r.line.size * 1.2).map((ws) => ws.map((w) => w.text).join(' '))
        : [...(rowNumber !== undefined ? [rowNumber] : []), parts.map((l) => (l === r.line ? (rowNumber !== undefined ? ownText : r.stub.map((w) => w.text).join(' ')) : l.text)).join(' ').trim()];
    const row: TableCell[] = written.map((text, col) => (col === 0 && written.length > 1 && ORDINAL_CELL.test(text) ? { text, col, ordinal: true } : { text, col }));
    const first = row.length;
    r.cells.forEach((c, ci) => {
      const cell: TableCell = { text: c.text, col: first + ci, figureCol: ci };
      if (stub) cell.rowHeader = stub;
      const ch = colHeader[ci];
      if (ch) cell.colHeader = ch;
      const cu = rowUnit ?? unit;
      if (cu) cell.unit = cu;
      row.push(cell);
    });
    if (r.note) row.push({ text: r.note.map((w) => w.text).join(' '), col: first + r.cells.length });
    out.push(row);
  });
  const table: PdfTable<L> = { lines, rows: out, cols };
  if (header.length > 0) table.colHeader = colHeader;
  if (unit !== undefined) table.unit = unit;
  return table;
}
