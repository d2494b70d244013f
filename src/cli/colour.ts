/**
 * Colour for people, never for pipes: ANSI colour only when the stream is a terminal, never when NO_COLOR is
 * set (no-color.org) or TERM is dumb; FORCE_COLOR=1 forces it (e.g. under a pager that understands it).
 */
export type Paint = (s: string) => string;

export interface Palette {
  enabled: boolean;
  red: Paint;
  yellow: Paint;
  green: Paint;
  dim: Paint;
  bold: Paint;
}

export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

const sgr = (open: number, close: number): Paint => (s) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain: Paint = (s) => s;

export function palette(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): Palette {
  const on = colourEnabled(stream, env);
  return on
    ? { enabled: true, red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) }
    : { enabled: false, red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
}
