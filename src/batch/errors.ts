/** A batch that cannot run at all (bad arguments, output folder locked, workers cannot start, queue unreachable). */
export class BatchError extends Error {
  override name = 'BatchError';
}
