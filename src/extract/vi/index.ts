import type { RulePack } from '../context.js';

export const vietnamesePack: RulePack = {
  language: 'vi',
  references: () => [],
  dates: () => ({ dates: [], findings: [] }),
  metrics: () => [],
};
