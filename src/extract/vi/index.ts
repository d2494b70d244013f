/** The Vietnamese rule pack: one extractor per dimension, rules as data in ./rules. */
import type { RulePack } from '../context.js';
import { extractDates } from './dates.js';
import { extractMetrics } from './metrics.js';
import { extractReferences } from './references.js';

export const vietnamesePack: RulePack = {
  language: 'vi',
  references: extractReferences,
  dates: extractDates,
  metrics: extractMetrics,
};
