/**
 * compromise, loaded on first use: it holds ~35 MB of lexicon and models, which a worker thread that only
 * ever sees Vietnamese reports never needs. Loaded synchronously (the CommonJS build, same API) because
 * extraction is synchronous.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

let nlp: typeof nlpType | undefined;

export function compromise(): typeof nlpType {
  nlp ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  return nlp;
}
