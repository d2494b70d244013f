/**
 * A CSV file made safe for spreadsheets, streaming (constant memory): in the text columns, a cell that
 * starts with a formula character (= + - @, tab, carriage return; src/util/escape.ts) gets a `'` before it,
 * inside its quotes when it is quoted. Numeric columns are left alone (`-5` stays a number). One pass over
 * the bytes with the CSV quoting rules (RFC 4180: `""` inside quotes, line breaks inside quoted cells).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CSV_FORMULA_PREFIXES } from '../util/escape.js';

const FORMULA = new Set(CSV_FORMULA_PREFIXES.map((c) => c.charCodeAt(0)));
const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const APOS = 0x27;

/** Copies `from` to `to`, neutralising the cells of the columns in `textColumns` (0-based; the header row is kept). */
export async function neutraliseCsv(from: string, to: string, textColumns: ReadonlySet<number>): Promise<void> {
  const out = createWriteStream(to);
  let col = 0;
  let header = true;
  let cellStart = true;
  let inQuotes = false;
  /** just after the opening quote of a cell */
  let quoteStart = false;
  /** inside quotes, a quote seen: either the closing one or the first of `""` */
  let quotePending = false;
  for await (const chunk of createReadStream(from)) {
    const b = chunk as Buffer;
    const parts: Buffer[] = [];
    let last = 0;
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (quotePending) {
        quotePending = false;
        if (c === QUOTE) continue; // an escaped quote inside the cell
        inQuotes = false; // the closing quote: c is read as outside quotes below
      }
      if (inQuotes) {
        if (quoteStart) {
          quoteStart = false;
          if (!header && textColumns.has(col) && FORMULA.has(c)) {
            parts.push(b.subarray(last, i), Buffer.from([APOS]));
            last = i;
          }
        }
        if (c === QUOTE) quotePending = true;
        continue;
      }
      if (cellStart) {
        cellStart = false;
        if (c === QUOTE) {
          inQuotes = true;
          quoteStart = true;
          continue;
        }
        if (!header && textColumns.has(col) && FORMULA.has(c) && c !== LF) {
          parts.push(b.subarray(last, i), Buffer.from([APOS]));
          last = i;
        }
      }
      if (c === COMMA) {
        col++;
        cellStart = true;
      } else if (c === LF) {
        col = 0;
        header = false;
        cellStart = true;
      }
    }
    parts.push(b.subarray(last));
    if (!out.write(Buffer.concat(parts))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
