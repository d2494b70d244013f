import { forTerminal } from '../util/escape.js';

/**
 * An input that cannot be turned into a document; `message` is one line naming the file and the reason,
 * safe to print (control characters of the name or the reason escaped); `path` and `reason` are as given.
 */
export class InputError extends Error {
  readonly path: string;
  readonly reason: string;
  /** machine-readable reason code, e.g. not-found, empty, binary, encrypted, scanned, too-large */
  readonly code: string;
  constructor(path: string, code: string, reason: string) {
    super(forTerminal(`${path}: ${reason}`));
    this.name = 'InputError';
    this.path = path;
    this.code = code;
    this.reason = reason;
  }
}
