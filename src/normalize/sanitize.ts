/**
 * Text that every output format can carry: lone UTF-16 surrogates become U+FFFD and control characters
 * (C0 except tab and line breaks, DEL, C1) a space. Each replacement is one code unit for one, so every
 * span computed before stays exact. Cheap when there is nothing to replace (one regex test).
 */
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/;

export function sanitizeText(s: string): string {
  if (!SUSPECT.test(s)) return s;
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = '\ufffd';
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) rep = ' ';
    if (rep !== undefined) {
      out.push(s.slice(last, i), rep);
      last = i + 1;
    }
  }
  out.push(s.slice(last));
  return out.join('');
}

/** Whether a string holds a lone surrogate or a control character that sanitizeText would replace. */
export function needsSanitizing(s: string): boolean {
  return SUSPECT.test(s) && sanitizeText(s) !== s;
}

/**
 * Every string inside a value (objects and arrays, in place) through sanitizeText: what reaches an output
 * beside the document's text — table headers, labels cut at a length (which can split a surrogate pair),
 * names from a package — carries no lone surrogate or control character either.
 */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  walkInPlace(value);
  return value;
}

/** sanitizeDeep over the members of an object or array, writing back only the strings that change. */
function walkInPlace(v: unknown): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === 'string') {
        if (SUSPECT.test(x)) v[i] = sanitizeText(x);
      } else if (x !== null && typeof x === 'object') walkInPlace(x);
    }
    return;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
      const x = o[k];
      if (typeof x === 'string') {
        if (SUSPECT.test(x)) o[k] = sanitizeText(x);
      } else if (x !== null && typeof x === 'object') walkInPlace(x);
    }
  }
}
