/** English rule pack (issue 7): built on compromise. Placeholder until the pack lands. */
import type { RulePack } from '../context.js';

export const englishPack: RulePack = {
  language: 'en',
  references: () => [],
  dates: () => ({ dates: [], findings: [] }),
  metrics: () => [],
};
