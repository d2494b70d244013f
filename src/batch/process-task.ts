/** Runs one FileTask: processFile → apply the pipeline's check settings → DIR/reports/<id>.json (atomic). */
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { processFile } from '../pipeline/process-file.js';
import { InputError } from '../ingest/errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import { oneLine, type FileTask, type TaskDone, type TaskResult } from './task.js';
import type { Report } from '../model/report.js';

export async function runFileTask(task: FileTask): Promise<TaskResult> {
  const t0 = performance.now();
  try {
    // checks off: the pipeline skips the auditor rules (ingest and extraction findings stay)
    const report = await processFile(task.abs, task.checks.enabled ? task.options : { ...task.options, checks: false });
    report.source.path = task.path;
    if (task.checks.enabled && task.checks.disable.length > 0) {
      const off = new Set(task.checks.disable);
      report.findings = report.findings.filter((f) => !off.has(f.rule));
    }
    const json = task.emit ? JSON.stringify(report, null, task.emit.indent) : undefined;
    if (json === undefined) writeFileAtomic(join(task.reportsDir, `${report.id}.json`), JSON.stringify(report) + '\n', { fsync: task.fsync === true });
    const done: TaskDone = {
      ok: true,
      reportId: report.id,
      sha256: report.source.sha256,
      bytes: report.source.bytes,
      mediaType: report.source.mediaType,
      counts: {
        sections: report.sections.length,
        references: report.references.length,
        dates: report.dates.length,
        metrics: report.metrics.length,
        findings: report.findings.length,
      },
      durationMs: performance.now() - t0,
      heapMb: heapMb(),
    };
    const pages = pageCounts(report.source);
    if (pages) done.pages = pages;
    if (json !== undefined) done.json = json;
    return done;
  } catch (err) {
    const durationMs = performance.now() - t0;
    if (err instanceof InputError) return { ok: false, code: err.code, reason: oneLine(err.reason), durationMs, heapMb: heapMb() };
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, code: 'error', reason: oneLine(msg.split(task.abs).join('<file>')), durationMs, heapMb: heapMb() };
  }
}

/** Pages read and pages OCR'd (PDF and image inputs), from the Report's source. */
export function pageCounts(source: Report['source']): TaskDone['pages'] {
  const decoded = source.pageDecoding ?? [];
  if (source.pages === undefined && decoded.length === 0) return undefined;
  const ocr = decoded.filter((p) => p.decoder === 'ocr');
  return { total: Math.max(source.pages ?? 0, decoded.length), ocr: ocr.length, ocrMs: ocr.reduce((a, p) => a + (p.ms ?? 0), 0) };
}

/** This thread's heap in use, MB (a cheap read of V8's counters; garbage not yet collected counts too). */
function heapMb(): number {
  return Math.round(getHeapStatistics().used_heap_size / 1e5) / 10;
}
