/**
 * One table model for every format: a grid of cells (rowspan/colspan already resolved, `grid[r][c]` is the
 * cell that covers row r, column c) → for each cell its row header, column header and unit. Used by HTML/DOCX
 * (./hast) and text tables written with pipes (./text-tables).
 *
 * - a unit line: a row with one (spanning) cell `ĐVT: triệu đồng`, or the line just before the table;
 * - header rows: leading rows of header cells (`<th>`, a markdown row above `|---|`), or leading rows without
 *   figures (up to 3, leaving a data row; a cell starting with a number other than a year is a figure);
 *   multi-row headers join with ` - ` (`Năm 2024 - Kế hoạch`);
 * - a row header: the non-numeric, non-ordinal cells left of the cell (`Kinh phí chi thường xuyên`);
 * - a column named `ĐVT` / `Đơn vị tính` gives each row its unit.
 */
import { LIMITS, LimitExceeded } from '../util/limits.js';
import type { TableContext } from '../model/document.js';
import { CODE_CELL, FORMULA_CELL, headerUnit, NORM_CODE_CELL } from '../vocab/table-words.js';

export interface GridCell {
  text: string;
  /** a header cell by markup (`<th>`, a markdown header row) */
  header: boolean;
  row: number;
  col: number;
}

export const NUMBER_CELL = /^[-+]?[0-9][0-9.,]*\s*%?$/;
export const ORDINAL_CELL = /^(?:[IVXLC]{1,6}|[a-zđ]|[0-9]{1,3}(?:\.[0-9]{1,3}){0,3})[.)]?$/;
export const UNIT_LINE = /^\(?\s*(?:ĐVT|Đơn vị tính|Đơn vị)\s*:\s*([^)]{1,60}?)\s*\)?$/i;
const FIGURE_START = /^[-+]?[0-9]/;
/** a row number: `1`, `1.2`, `II`, `a)`; not `20.000` (a thousands group) */
const ROW_NUMBER = /^(?:[IVXLC]{1,6}|[a-zđ]|[0-9]{1,3}(?:\.[0-9]{1,2}){0,3})[.)]?$/;
/** a figure with its unit (`10 ngày làm việc`, `500.000 đồng/hồ sơ`): a value of the row, not a part of its header (`2.1. Trường hợp …` is) */
export const FIGURE_WITH_UNIT = /^[-+]?[0-9][0-9.,]*\s*[%\p{Ll}]/u;
const WHOLE_ROW_NUMBER = /^[0-9]{1,3}[.)]?$/;
const YEAR_START = /^(?:19|20)[0-9]{2}(?![0-9.,])/;
/** a data cell starts with a figure (`1.430,5`, `0,5 ngày`, `12 TTHC`); a year (`2024`) is a header */
export function startsWithFigure(text: string): boolean {
  return FIGURE_START.test(text) && !YEAR_START.test(text);
}

/** a row unit that is itself money or a percent (`đồng/lượt`, `%`) wins over its column header's bracket */
const HEADER_UNIT_OWN = /đồng|%/i;
const UNIT_COLUMN = /^(?:ĐVT|Đơn vị tính|Đơn vị)$/i;
/** a header cell naming a column of units (`ĐVT`, `Đơn vị tính`) */
export const isUnitColumnHeader = (text: string): boolean => UNIT_COLUMN.test(text);
/** a cell holding a unit word (`người/ngày`, `hồ sơ`, `%`, `m3`): short, no digit but a power after a letter
 * (`m2`, `m3`), not capitalised like a name */
export const looksLikeUnit = (text: string): boolean => text.length > 0 && text.length <= 24 && !/[0-9]/.test(text.replace(/(?<=\p{L})[23]$/u, '')) && text[0] === text[0]!.toLowerCase() && /^[^\s(|-]/.test(text);
/** a column headed `Đơn vị` may name units of measure (`hồ sơ`, `%`, `triệu đồng`) or organisations (`Sở Y tế`) */
const ORGANISATION_HEADER = /^Đơn vị$/i;

/** A unit column holds short unit words: most of its cells do not start with a capital letter. */
function holdsUnits(grid: (GridCell | undefined)[][], c: number, headerRows: Set<number>): boolean {
  if (!ORGANISATION_HEADER.test([...headerRows].map((r) => grid[r]![c]?.text ?? '').find((t) => UNIT_COLUMN.test(t)) ?? '')) return true;
  let units = 0;
  let names = 0;
  for (let r = 0; r < grid.length; r++) {
    if (headerRows.has(r)) continue;
    const t = grid[r]![c]?.text ?? '';
    if (t === '') continue;
    if (/^\p{Lu}/u.test(t) || t.split(' ').length > 4) names++;
    else units++;
  }
  return units > names;
}
/** header rows searched at most */
const MAX_HEADER_ROWS = 3;

/**
 * Table context of every origin cell (`origins[r]` = the cells that start in row r, in column order).
 * `unitBefore`: a unit stated in the line just before the table.
 */
export function tableContexts(
  grid: (GridCell | undefined)[][],
  origins: GridCell[][],
  index: number,
  unitBefore?: string,
): TableContext[][] {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  // the column passes below cost rows × width, even for a ragged table
  if (grid.length * width > LIMITS.tableCells) {
    throw new LimitExceeded('tableCells', `table ${index + 1} spans ${grid.length} rows × ${width} columns`);
  }
  let unit = unitBefore;
  const unitRows = new Set<number>();
  origins.forEach((cells, r) => {
    const nonEmpty = cells.filter((c) => c.text !== '');
    const m = nonEmpty.length === 1 ? UNIT_LINE.exec(nonEmpty[0]!.text) : null;
    if (m) {
      unit = m[1]!.trim();
      unitRows.add(r);
    }
  });
  const isNumeric = (c: GridCell | undefined) => !!c && startsWithFigure(c.text);
  const headerRows: number[] = [];
  for (let r = 0; r < grid.length && headerRows.length < MAX_HEADER_ROWS; r++) {
    if (unitRows.has(r)) continue;
    const cells = grid[r]!;
    const allTh = origins[r]!.length > 0 && origins[r]!.every((c) => c.header);
    const noNumbers = cells.slice(1).every((c) => !isNumeric(c) || c!.row < r);
    // a row opened by a whole row number (`1`, `2.`) is a data row, even of text cells only (a table going on
    // from the page before, a procedure list): headers do not number themselves
    const numbered = !allTh && WHOLE_ROW_NUMBER.test(origins[r]![0]?.text ?? '') && origins[r]![0]!.col === 0;
    // below a header row, one cell across the table is a group's heading (`LĨNH VỰC: CHỨNG THỰC`), a data row
    const heading = headerRows.length > 0 && !allTh && origins[r]!.filter((c) => c.text !== '').length === 1;
    if ((allTh || noNumbers) && !numbered && !heading && r < grid.length - 1) headerRows.push(r);
    else break;
  }
  const headerSet = new Set(headerRows);
  let unitCol = -1;
  for (const r of headerRows) for (let c = 0; c < width; c++) if (UNIT_COLUMN.test(grid[r]![c]?.text ?? '') && holdsUnits(grid, c, headerSet)) unitCol = c;
  // a column's header, joined once per column
  const colHeaders = new Map<number, string | undefined>();
  const colHeader = (c: number): string | undefined => {
    if (colHeaders.has(c)) return colHeaders.get(c);
    const h = joinedColHeader(c);
    colHeaders.set(c, h);
    return h;
  };
  const joinedColHeader = (c: number): string | undefined => {
    const parts: string[] = [];
    for (const r of headerRows) {
      const t = grid[r]![c]?.text;
      if (t && !parts.includes(t)) parts.push(t);
    }
    return parts.length ? parts.join(' - ') : undefined;
  };
  // a unit in brackets at the end of a column's header (`Mức chi (1.000đ)`) is that column's unit
  const colUnits: (string | undefined)[] = [];
  for (let c = 0; c < width; c++) {
    for (const r of headerRows) {
      const u = headerUnit(grid[r]![c]?.text ?? '');
      if (u !== undefined) colUnits[c] = u;
    }
  }
  const ordinalCols = ordinalColumns(grid, width, headerSet);
  // whether a cell's text can be part of a row header, tested once per cell (a spanning cell fills many slots)
  const headerText = new Map<GridCell, boolean>();
  const canHead = (o: GridCell): boolean => {
    let v = headerText.get(o);
    if (v === undefined) headerText.set(o, (v = !(NUMBER_CELL.test(o.text) || FIGURE_WITH_UNIT.test(o.text) || ORDINAL_CELL.test(o.text) || CODE_CELL.test(o.text) || o.text === '')));
    return v;
  };
  const columnNumberCells = new Set([...origins.flatMap((cells) => [...columnNumbers(cells)]), ...codeSuffixes(origins, headerSet)]);
  return origins.map((cells, r) => {
    // the row header of a cell: the distinct text cells left of it, gathered in one pass over the row
    // (was a scan from column 0 for every cell: quadratic in the width)
    const left = new Set<string>();
    let leftText = '';
    let scanned = 0;
    return cells.map((cell) => {
      const ctx: TableContext = { index, row: cell.row, col: cell.col };
      if (headerSet.has(r) || unitRows.has(r)) return ctx;
      if ((ordinalCols.has(cell.col) && ROW_NUMBER.test(cell.text)) || numbersItsRow(grid[r]!, cell) || columnNumberCells.has(cell)) ctx.ordinal = true;
      else if (FORMULA_CELL.test(cell.text)) ctx.formula = true;
      for (; scanned < cell.col; scanned++) {
        const o = grid[r]![scanned];
        if (!o || o === cell || scanned === unitCol || !canHead(o) || left.has(o.text)) continue;
        left.add(o.text);
        leftText = leftText === '' ? o.text : `${leftText} - ${o.text}`;
      }
      if (leftText !== '') ctx.rowHeader = leftText;
      const ch = colHeader(cell.col);
      if (ch) ctx.colHeader = ch;
      // a figure under the unit column (a row placed wrong) is no unit
      const unitText = unitCol >= 0 && cell.col !== unitCol ? grid[r]![unitCol]?.text : undefined;
      const rowUnit = unitText !== undefined && !startsWithFigure(unitText) ? unitText : undefined;
      const colUnit = colUnits[cell.col];
      // money per the row's unit: `692` under `Mức chi (1.000đ)` in a row of `người/ngày` → nghìn đồng/người/ngày
      if (colUnit !== undefined && rowUnit && colUnit !== '%' && !HEADER_UNIT_OWN.test(rowUnit)) ctx.unit = `${colUnit}/${rowUnit}`;
      else if (rowUnit) ctx.unit = rowUnit;
      else if (colUnit !== undefined) ctx.unit = colUnit;
      else if (unit) ctx.unit = unit;
      return ctx;
    });
  });
}

/**
 * A row number in the first column with the row's label right of it (`12.1 | Tiền công ra đề`, past a procedure
 * code: `1 | 1.013871 | Bổ nhiệm giám định viên`): an item number
 * even where the column also holds labels (a converted page whose spans were lost).
 */
function numbersItsRow(row: (GridCell | undefined)[], cell: GridCell): boolean {
  if (cell.col !== 0 || !ROW_NUMBER.test(cell.text)) return false;
  const next = row.find((o) => o && o !== cell && o.text !== '' && !CODE_CELL.test(o.text));
  return next !== undefined && /\p{L}/u.test(next.text);
}

/**
 * A row numbering the columns (`1 | 2 | 3`, a norm table's `10 | 20 | 30` under its header): the whole numbers
 * that open the row, no label before them, counting up by one or by ten from 1 or 10. Column numbers, not figures.
 */
function columnNumbers(cells: GridCell[]): Set<GridCell> {
  // the row's leading whole numbers (a converted page may have run the text after the table into the row)
  const t: GridCell[] = [];
  for (const c of cells) {
    if (c.text === '') continue;
    if (!/^\(?[0-9]{1,3}\)?$/.test(c.text)) break;
    t.push(c);
  }
  if (t.length < 2) return new Set();
  const v = t.map((c) => parseInt(c.text.replace(/[()]/g, ''), 10));
  const step = v[0] === 1 ? 1 : v[0] === 10 ? 10 : 0;
  return step > 0 && v.every((x, i) => x === v[0]! + i * step) ? new Set(t) : new Set();
}

/**
 * The closing row of a norm table (`31 | 32 | 33`, a lone `10`): whole numbers only, counting up by one or ten, in
 * a table whose rows name works by a norm code (`BDD.230`): the last digits of each column's code, not figures.
 */
function codeSuffixes(origins: GridCell[][], headerRows: Set<number>): GridCell[] {
  const last = origins.length - 1;
  if (last < 1 || headerRows.has(last)) return [];
  const cells = origins[last]!.filter((c) => c.text !== '');
  if (cells.length === 0 || !cells.every((c) => /^[0-9]{1,3}$/.test(c.text))) return [];
  const v = cells.map((c) => parseInt(c.text, 10));
  const step = v.length === 1 ? 0 : v[1]! - v[0]!;
  if ((step !== 1 && step !== 10 && v.length > 1) || !v.every((x, i) => x === v[0]! + i * step)) return [];
  // (a code row under the header may be taken for a header row: any row but the last counts)
  const coded = origins.some((row, r) => r !== last && row.some((c) => NORM_CODE_CELL.test(c.text)));
  return coded ? cells : [];
}

/** the cell is the only text of its row (a spanning heading row) */
const soleCell = (row: (GridCell | undefined)[], cell: GridCell): boolean => row.every((o) => !o || o === cell || o.text === '');

/**
 * Row-number columns (`STT` with or without its header): every data cell an ordinal (`1`, `1.2`, `II`, `a)`)
 * and the whole numbers counting up by one or starting again at 1 (a new group). `3, 5, 2` is a figure column.
 */
function ordinalColumns(grid: (GridCell | undefined)[][], width: number, headerRows: Set<number>): Set<number> {
  const out = new Set<number>();
  for (let c = 0; c < width; c++) {
    let prev = 0;
    let seen = 0;
    let ok = true;
    for (let r = 0; r < grid.length && ok; r++) {
      if (headerRows.has(r)) continue;
      const cell = grid[r]![c];
      if (!cell || cell.col !== c || cell.text === '') continue;
      // a group's heading row (`II. THỦ TỤC HÀNH CHÍNH CẤP XÃ`, one cell across the table) does not break the numbering
      if (!ROW_NUMBER.test(cell.text) && soleCell(grid[r]!, cell)) continue;
      if (!ROW_NUMBER.test(cell.text)) {
        ok = false;
        break;
      }
      seen++;
      const whole = /^[0-9]{1,3}[.)]?$/.test(cell.text) ? parseInt(cell.text, 10) : undefined;
      if (whole !== undefined) {
        // counting on by one, starting again at 1, or (the first one) going on from a table before
        if (whole !== prev + 1 && whole !== 1 && prev !== 0) ok = false;
        prev = whole;
      }
    }
    if (ok && seen >= 2) out.add(c);
  }
  return out;
}
