/**
 * Neutralising names and messages for where they are shown. Data files keep the text as it is (JSON escapes
 * what it must); these are for the places that interpret characters: a terminal (escape sequences), a
 * spreadsheet opening a CSV (formulas). HTML (src/review escapeHtml) and SQL (quoted literals and
 * identifiers in src/export) have their own.
 */

/**
 * A string safe to print on a terminal: control characters (C0 but tab and newline, DEL, C1 — ESC, BEL,
 * CSI…) and bidirectional overrides are written as visible `\xNN` / `\uNNNN` escapes, so a file name with
 * `ESC]0;…` or `ESC[2J` cannot retitle, clear or rewrite the screen.
 */
export function forTerminal(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** The characters that make a spreadsheet read a CSV cell as a formula (OWASP: = + - @, tab, carriage return). */
export const CSV_FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r'] as const;

/** A CSV text cell that no spreadsheet evaluates: a leading formula character gets a `'` before it. */
export function csvSafe(s: string): string {
  return s.length > 0 && (CSV_FORMULA_PREFIXES as readonly string[]).includes(s[0]!) ? `'${s}` : s;
}
