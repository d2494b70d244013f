/**
 * What `report-metrics check INPUT...` does, apart from printing: a document (DOCX, PDF, TXT, …) goes through
 * the pipeline (checks run on its text); a Report JSON file is re-checked on its text (embedded, or its unchanged
 * source read again); a batch folder gives each report's findings (re-checked on its text: embedded
 * with --include-text, or the unchanged source file read again; else the stored findings) plus the
 * cross-report findings.
 */
import { forTerminal } from '../util/escape.js';
import type { Finding, Report } from '../model/report.js';
import { recheck } from '../check/index.js';
import { checkAcross } from '../check/cross.js';
import { loadInputs, textOf } from '../review/inputs.js';
import { palette, type Palette } from './colour.js';

export interface CheckedReport {
  report: Report;
  findings: Finding[];
}

export interface CheckRun {
  reports: CheckedReport[];
  /** cross-report findings (only for a folder) */
  cross: Finding[];
}

export async function runCheck(targets: string | readonly string[]): Promise<CheckRun> {
  const loaded = await loadInputs(typeof targets === 'string' ? [targets] : targets);
  // checks that need the wording run on the report's text (embedded, the unchanged source re-read, or the document just read)
  const reports: CheckedReport[] = [];
  for (const entry of loaded.reports) {
    const { text } = await textOf(entry);
    reports.push({ report: entry.report, findings: text !== undefined ? recheck(entry.report, text) : entry.report.findings });
  }
  // cross-report findings need more than one report
  return { reports, cross: loaded.reports.length > 1 ? checkAcross(loaded.cross) : [] };
}

export function allFindings(run: CheckRun): Finding[] {
  return [...run.reports.flatMap((r) => r.findings), ...run.cross];
}

const RANK = { error: 2, warning: 1, info: 0 } as const;

/** 1 when anything is at warning level or above. */
export function exitCodeOf(findings: Finding[]): number {
  return findings.some((f) => RANK[f.severity] >= 1) ? 1 : 0;
}

/** Text for people; `paint` colours the severities and paths (plain by default: colour only on a terminal). */
export function formatText(run: CheckRun, paint: Palette = palette({ isTTY: false })): string {
  const lines: string[] = [];
  const crossByReport = new Map<string, Finding[]>();
  for (const f of run.cross) {
    const rid = f.id.split(':')[0]!;
    crossByReport.set(rid, [...(crossByReport.get(rid) ?? []), f]);
  }
  const paths = new Map(run.reports.map((r) => [r.report.id, r.report.source.path]));
  let n = 0;
  const count = { error: 0, warning: 0, info: 0 };
  for (const { report, findings } of run.reports) {
    const all = [...findings, ...(crossByReport.get(report.id) ?? [])];
    if (all.length === 0) continue;
    lines.push(`${paint.bold(forTerminal(report.source.path))} ${paint.dim(`(${report.id})`)}`);
    for (const f of all) {
      n++;
      count[f.severity]++;
      const sev = f.severity === 'error' ? paint.red : f.severity === 'warning' ? paint.yellow : paint.dim;
      // names and quoted text from the reports are escaped for the terminal; the colours are ours
      lines.push(`  ${sev(f.severity.padEnd(7))} ${f.rule}  ${forTerminal(f.message)}`);
      if (f.messageVi) lines.push(`          ${forTerminal(f.messageVi)}`);
      // issue 17: the arithmetic, how sure the rule is, and the premise it checked
      if (f.arithmetic !== undefined || f.premise !== undefined)
        lines.push(paint.dim(`          ${[f.arithmetic, f.confidence !== undefined ? `confidence ${f.confidence}` : undefined, f.premise].filter((x) => x !== undefined).map((x) => forTerminal(String(x))).join(' · ')}`));
      for (const e of f.evidence) {
        const where = e.reportId && e.reportId !== report.id ? ` in ${forTerminal(paths.get(e.reportId) ?? e.reportId)}` : '';
        lines.push(`          ↳ ${e.start}-${e.end}${where}: ${JSON.stringify(e.text ?? '')}`);
      }
    }
  }
  lines.push(`${n} finding${n === 1 ? '' : 's'} (${count.error} error, ${count.warning} warning, ${count.info} info) in ${run.reports.length} report${run.reports.length === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}
