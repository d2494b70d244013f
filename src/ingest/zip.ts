/**
 * Reading a ZIP package (DOCX) safely: the central directory is inspected (fflate's filter sees each entry's
 * declared sizes before anything is inflated) and a package whose total unpacked size or compression ratio is
 * out of bounds is refused as a zip bomb. Entries are then inflated into buffers of their declared size, so a
 * lying directory cannot make inflation grow past the checked total.
 */
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { InputError } from './errors.js';

export interface ZipLimits {
  /** largest total unpacked size, bytes */
  maxUnpackedBytes: number;
  /** largest unpacked/packed ratio of one entry (entries over 1 MB unpacked) */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 200 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntryInfo {
  name: string;
  size: number;
  originalSize: number;
}

export function listZip(path: string, bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new InputError(path, 'truncated', `damaged or truncated ZIP package (${e instanceof Error ? e.message : String(e)})`);
  }
  return entries;
}

export function checkZipLimits(path: string, entries: ZipEntryInfo[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    if (e.originalSize > 1024 * 1024 && e.originalSize / Math.max(1, e.size) > limits.maxRatio) {
      throw new InputError(path, 'zip-bomb', `zip bomb: entry ${e.name} unpacks ${e.size} bytes to ${e.originalSize} (ratio over ${limits.maxRatio})`);
    }
  }
  if (total > limits.maxUnpackedBytes) {
    throw new InputError(path, 'zip-bomb', `zip bomb: unpacks to ${total} bytes, over the ${limits.maxUnpackedBytes}-byte limit`);
  }
}

/** Inflate the entries that `want` accepts (all when omitted), after checking the limits. */
export function readZip(path: string, bytes: Uint8Array, want?: (name: string) => boolean, limits?: ZipLimits): Unzipped {
  const entries = listZip(path, bytes);
  checkZipLimits(path, entries, limits);
  try {
    return unzipSync(bytes, { filter: (f) => (want ? want(f.name) : true) });
  } catch (e) {
    throw new InputError(path, 'truncated', `damaged or truncated ZIP package (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function writeZip(files: Unzipped): Uint8Array {
  return zipSync(files, { level: 1 });
}
