/**
 * A work counter for the complexity tests (test/check-complexity.test.ts): the loops of the check rules
 * over structures they derive from the facts (inversion counts, span sets, indexes) add to it, and the
 * test counts every read of a fact's properties besides. One increment per step: free in production.
 */
export const work = { steps: 0 };
