/**
 * Layout invariance: the facts of a report, reduced to what must not depend on layout (kind, value, fields;
 * labels up to white space), and the differences between two such reductions.
 */
import type { Report } from '../model/report.js';

/** White space runs as one space, emphasis markers dropped: how labels are compared across layouts. */
export const looseText = (s: string | undefined): string => (s ?? '').replace(/\*+/g, '').replace(/\s+/g, ' ').trim();

export interface FactSignature {
  header: string;
  references: string[];
  dates: string[];
  metrics: string[];
}

export function factSignature(r: Report): FactSignature {
  const metricById = new Map(r.metrics.map((m) => [m.id, m]));
  const meta = r.report as Record<string, unknown>;
  const header = Object.keys(meta)
    .sort()
    .map((k) => {
      const v = meta[k];
      if (v && typeof v === 'object') return `${k}=${looseText(JSON.stringify(v))}`;
      return `${k}=${looseText(String(v))}`;
    })
    .join('; ');
  return {
    header,
    references: r.references.map((x) =>
      [x.type, x.symbol ?? '', (x as { name?: string }).name ?? '', x.issuedOn ?? '', looseText(x.issuer), looseText(x.subject)].join(' | '),
    ),
    dates: r.dates.map((d) => [d.value, d.precision, d.end ?? '', d.label ?? '', d.resolvedFrom ?? ''].join(' | ')),
    metrics: r.metrics.map((m) => {
      const p = m.parent !== undefined ? metricById.get(m.parent) : undefined;
      return [m.kind, m.value, m.unit ?? '', looseText(m.label), m.denominator ?? '', m.per ?? '', p ? `${p.kind}:${p.value}` : ''].join(' | ');
    }),
  };
}

/** Facts of `b` that `a` lacks and the other way round (multisets), per list; empty when invariant. */
export function signatureDiff(a: FactSignature, b: FactSignature): string[] {
  const out: string[] = [];
  if (a.header !== b.header) out.push(`header: ${a.header}  ≠  ${b.header}`);
  for (const k of ['references', 'dates', 'metrics'] as const) {
    const left = new Map<string, number>();
    for (const s of a[k]) left.set(s, (left.get(s) ?? 0) + 1);
    for (const s of b[k]) {
      const n = left.get(s) ?? 0;
      if (n > 0) left.set(s, n - 1);
      else out.push(`${k}: only in variant: ${s}`);
    }
    for (const [s, n] of left) for (let i = 0; i < n; i++) out.push(`${k}: only in original: ${s}`);
  }
  return out;
}

/** Facts whose span does not slice to their text. */
export function spanErrors(r: Report, text: string): string[] {
  const out: string[] = [];
  for (const f of [...r.references, ...r.dates, ...r.metrics]) {
    if (text.slice(f.span.start, f.span.end) !== f.text) out.push(`${f.id}: span ${f.span.start}-${f.span.end} slices ${JSON.stringify(text.slice(f.span.start, f.span.end))}, text ${JSON.stringify(f.text)}`);
  }
  return out;
}
