/**
 * English rule pack (issue 7): the same facts as the Vietnamese pack, from English text.
 * References first (Vietnamese symbols cited in English), then dates (dates inside a reference's date clause
 * are kept although the reference claims their span), then metrics (compromise reads number words and the
 * noun phrase a number counts).
 */
import type { ExtractContext, RefCandidate, RulePack } from '../context.js';
import { extractDates } from './dates.js';
import { extractMetrics } from './metrics.js';
import { extractReferences } from './references.js';

const refsByContext = new WeakMap<ExtractContext, RefCandidate[]>();

function references(ctx: ExtractContext): RefCandidate[] {
  let refs = refsByContext.get(ctx);
  if (!refs) {
    refs = extractReferences(ctx);
    refsByContext.set(ctx, refs);
  }
  return refs;
}

export const englishPack: RulePack = {
  language: 'en',
  references,
  dates: (ctx) => {
    const allowed = references(ctx).flatMap((r) => (r.dateSpan ? [r.dateSpan] : []));
    return extractDates(ctx, { allowed });
  },
  metrics: extractMetrics,
};
