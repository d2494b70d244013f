/** The Vietnamese rule pack: one extractor per dimension, rules as data in ./rules. */
import type { ExtractContext, RefCandidate, RulePack } from '../context.js';
import { extractDates } from './dates.js';
import { extractMetrics } from './metrics.js';
import { extractReferences } from './references.js';
import { extractNamedReferences } from './named-references.js';

/** Numbered references, then those cited by name, in document order. */
function references(ctx: ExtractContext): RefCandidate[] {
  const numbered = extractReferences(ctx);
  const named = extractNamedReferences(ctx, numbered);
  if (named.length === 0) return numbered;
  return [...numbered, ...named].sort((a, b) => a.span.start - b.span.start);
}

export const vietnamesePack: RulePack = {
  language: 'vi',
  references,
  dates: extractDates,
  metrics: extractMetrics,
};
