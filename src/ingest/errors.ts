/** An input that cannot be turned into a document; `message` is one line naming the file and the reason. */
export class InputError extends Error {
  readonly path: string;
  readonly reason: string;
  /** machine-readable reason code, e.g. not-found, empty, binary, encrypted, scanned, too-large */
  readonly code: string;
  constructor(path: string, code: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'InputError';
    this.path = path;
    this.code = code;
    this.reason = reason;
  }
}
