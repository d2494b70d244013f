/** The registry of single-report check rules, in the order they run, with their corpora. */
import type { CheckRule } from '../types.js';
import type { CorpusCase } from '../corpus.js';
import { breakdownSum } from './breakdown-sum.js';
import { cases as breakdownCases } from './breakdown-sum.corpus.js';
import { identitySum } from './identity-sum.js';
import { cases as identityCases } from './identity-sum.corpus.js';
import { partExceedsWhole, rateMismatch } from './ratio.js';
import { partExceedsWholeCases, rateMismatchCases } from './ratio.corpus.js';
import { enumerationCount } from './enumeration.js';
import { cases as enumerationCases } from './enumeration.corpus.js';
import { percentOver100 } from './percent-range.js';
import { cases as percentCases } from './percent-range.corpus.js';
import { symbolYear } from './symbol-year.js';
import { cases as symbolYearCases } from './symbol-year.corpus.js';
import { numberOrder, dateYearSuspect } from './number-order.js';
import { numberOrderCases, dateYearCases } from './number-order.corpus.js';
import { afterReport } from './after-report.js';
import { cases as afterReportCases } from './after-report.corpus.js';
import { impossibleDate } from './impossible-date.js';
import { cases as impossibleDateCases } from './impossible-date.corpus.js';

export interface RegisteredRule {
  rule: CheckRule;
  corpus: CorpusCase[];
}

export const RULES: RegisteredRule[] = [
  { rule: breakdownSum, corpus: breakdownCases },
  { rule: identitySum, corpus: identityCases },
  { rule: partExceedsWhole, corpus: partExceedsWholeCases },
  { rule: rateMismatch, corpus: rateMismatchCases },
  { rule: enumerationCount, corpus: enumerationCases },
  { rule: percentOver100, corpus: percentCases },
  { rule: symbolYear, corpus: symbolYearCases },
  { rule: numberOrder, corpus: numberOrderCases },
  { rule: dateYearSuspect, corpus: dateYearCases },
  { rule: afterReport, corpus: afterReportCases },
  { rule: impossibleDate, corpus: impossibleDateCases },
];
