import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Stable report id: derived from the input bytes only. */
export function reportIdFromSha(sha256: string): string {
  return `rpt_${sha256.slice(0, 16)}`;
}

/** Stable fact id: report id, fact kind and span (the same bytes always give the same id). */
export function factId(reportId: string, kind: string, start: number, end: number): string {
  return `${reportId}:${kind}:${start}-${end}`;
}

/** FNV-1a, 32 bits: a fast non-cryptographic string hash (bucketing, MinHash seeds), same value on every machine. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
