/**
 * Before pdf.js sees a PDF: every content stream (page contents and form XObjects; FlateDecode or plain)
 * is decoded with a size cap and scanned once for operator nesting (`q`/`Q`, `BT`/`ET`, marked content
 * `BMC`/`BDC`/`EMC`). A stream that decodes past LIMITS.pdfContentBytes or nests deeper than
 * LIMITS.pdfNesting fails the file with a reason instead of costing pdf.js minutes or gigabytes.
 * Images, fonts, metadata and cross-reference streams are not content and are skipped.
 */
import { Inflate, Unzlib } from 'fflate';
import { LIMITS, LimitExceeded } from '../util/limits.js';

const NOT_CONTENT = /\/(?:Subtype\s*\/(?:Image|XML)|Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile)|Length[123]\b|FunctionType|ShadingType|PatternType\s*1?\b)/;

export function checkPdfLimits(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  let n = 0;
  for (;;) {
    const kw = buf.indexOf('stream', from, 'latin1');
    if (kw < 0) return;
    from = kw + 6;
    // `endstream`, or `stream` inside some other word: not a stream start
    if (kw >= 3 && buf.toString('latin1', kw - 3, kw) === 'end') continue;
    let dataStart = kw + 6;
    if (buf[dataStart] === 0x0d) dataStart++;
    if (buf[dataStart] !== 0x0a) continue;
    dataStart++;
    // the stream's dictionary: from the last `obj` before it (bounded look-back)
    const head = buf.toString('latin1', Math.max(0, kw - 4096), kw);
    const objAt = head.lastIndexOf(' obj');
    const dict = objAt >= 0 ? head.slice(objAt) : head;
    const end = buf.indexOf('endstream', dataStart, 'latin1');
    const dataEnd = end < 0 ? buf.length : end;
    from = dataEnd;
    if (NOT_CONTENT.test(dict)) continue;
    const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1];
    let data: Buffer;
    if (filter === undefined) data = buf.subarray(dataStart, dataEnd);
    else if (/^(?:\/FlateDecode|\[\s*\/FlateDecode\s*\])$/.test(filter)) {
      data = inflatePrefix(buf.subarray(dataStart, dataEnd), n + 1);
    } else continue; // other filters: not a content stream we can bound cheaply (pdf.js has its own limits)
    n++;
    const depth = maxNesting(data);
    if (depth > LIMITS.pdfNesting) throw new LimitExceeded('pdfNesting', `PDF content stream ${n} nests operators ${depth} deep (q, BT, BMC/BDC)`);
  }
}

/**
 * As much of a Flate stream as decodes, capped at LIMITS.pdfContentBytes: a damaged stream gives what comes
 * before the damage, as pdf.js reads it (a stream cut short or corrupted half-way still draws its first half).
 */
function inflatePrefix(data: Uint8Array, streamNo: number): Buffer {
  const out: Uint8Array[] = [];
  let size = 0;
  const onData = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > LIMITS.pdfContentBytes) throw new LimitExceeded('pdfContentBytes', `PDF content stream ${streamNo} decodes to more than ${LIMITS.pdfContentBytes} bytes`);
    out.push(chunk);
  };
  // zlib-wrapped as the format says, or raw deflate as some writers produce
  const raw = !(data.length >= 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0);
  const inflater = raw ? new Inflate(onData) : new Unzlib(onData);
  const PIECE = 16 * 1024;
  try {
    for (let at = 0; at < data.length; at += PIECE) inflater.push(data.subarray(at, Math.min(data.length, at + PIECE)), at + PIECE >= data.length);
  } catch (e) {
    if (e instanceof LimitExceeded) throw e;
    // damaged: keep what decoded before the damage
  }
  return Buffer.concat(out);
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelim = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;

/** The deepest nesting of q/BT/BMC-BDC operators in one content stream (one pass; strings and comments skipped). */
export function maxNesting(s: Uint8Array): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (isWhite(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && s[i] !== 0x0a && s[i] !== 0x0d) i++;
    } else if (c === 0x28 /* ( */) {
      let par = 1;
      i++;
      while (i < n && par > 0) {
        const d = s[i]!;
        if (d === 0x5c) i++;
        else if (d === 0x28) par++;
        else if (d === 0x29) par--;
        i++;
      }
    } else if (c === 0x3c /* < */ && s[i + 1] !== 0x3c) {
      while (i < n && s[i] !== 0x3e) i++;
      i++;
    } else if (isDelim(c)) {
      i++;
      if (c === 0x2f) while (i < n && !isWhite(s[i]!) && !isDelim(s[i]!)) i++; // a name
    } else {
      const start = i;
      while (i < n && !isWhite(s[i]!) && !isDelim(s[i]!)) i++;
      const len = i - start;
      if (len === 1 && s[start] === 0x71 /* q */) depth++;
      else if (len === 1 && s[start] === 0x51 /* Q */) depth = Math.max(0, depth - 1);
      else if (len === 2 && s[start] === 0x42 && s[start + 1] === 0x54 /* BT */) depth++;
      else if (len === 2 && s[start] === 0x45 && s[start + 1] === 0x54 /* ET */) depth = Math.max(0, depth - 1);
      else if (len === 3 && s[start] === 0x42 && s[start + 1] === 0x44 && s[start + 2] === 0x43 /* BDC */) depth++;
      else if (len === 3 && s[start] === 0x42 && s[start + 1] === 0x4d && s[start + 2] === 0x43 /* BMC */) depth++;
      else if (len === 3 && s[start] === 0x45 && s[start + 1] === 0x4d && s[start + 2] === 0x43 /* EMC */) depth = Math.max(0, depth - 1);
      else if (len === 2 && s[start] === 0x49 && s[start + 1] === 0x44 /* ID: inline image data until EI */) {
        const ei = Buffer.from(s.buffer, s.byteOffset, s.byteLength).indexOf('EI', i, 'latin1');
        i = ei < 0 ? n : ei + 2;
      }
      if (depth > max) max = depth;
    }
  }
  return max;
}
