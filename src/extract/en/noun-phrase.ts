/**
 * What a number counts: the noun phrase right after it (`22 legal documents`, `36 civil-servant positions`,
 * `2 Science and Technology Bulletins`), read with compromise's part-of-speech tags on a short window
 * (the number plus a few words: compromise stays cheap and linear on such inputs).
 */
import { compromise } from './nlp.js';

export interface NounPhrase {
  /** offsets in the full text */
  start: number;
  end: number;
  text: string;
  /** the last word (what is counted, e.g. `documents`) */
  head: string;
  /** a participle after the phrase: `reviewed` in `22 documents were reviewed` */
  participle?: string;
}

const CLOSED = new Set(
  ('the a an of in at on for to by with from under over per or but nor which that who whom whose this these those its their his her our ' +
    'each every all some any no not into onto as than within during including namely such via is are was were be been being have has had ' +
    'will would shall should can could may might must do does did times time against compared versus vs out up down about after before ' +
    'while when where there here it they we he she you i so also only yet still than then thus respectively approximately about nearly over ' +
    'more less most least fewer per cent percent').split(' '),
);
// months and years after a number are usually periods or ages (`6 months of 2024`, `78 years`), not measurements
const DURATION_NOUNS = new Set(['days', 'weeks', 'hours', 'minutes', 'day', 'week', 'hour', 'minute']);
const NUMBER_PART = /^(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand)$/;
const AUX = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had', 'been', 'be', 'being']);

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

const has = (t: Term, tag: string): boolean => t.tags.includes(tag);
const nouny = (t: Term): boolean =>
  has(t, 'Noun') || has(t, 'Plural') || has(t, 'Acronym') || (has(t, 'PresentTense') && /[a-z]s$/.test(t.text) && !has(t, 'Gerund'));
const plural = (t: Term): boolean => has(t, 'Plural') || (nouny(t) && /[a-z]s$/.test(t.text) && !/ss$/.test(t.text));

/**
 * The noun phrase after a number. `numberText` is the number as written; `from` is the offset in `text` where the
 * words after it begin (the number itself ends just before `from`).
 */
const MONTH_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** compromise's terms for a window; repeated windows (tables, hostile input) are served from a small cache */
const cache = new Map<string, Term[]>();
const CACHE_MAX = 4096;
function termsOf(window: string): Term[] {
  let t = cache.get(window);
  if (!t) {
    const json = compromise()(window).json({ offset: true, terms: { offset: true } }) as { terms: Term[] }[];
    t = json.flatMap((s) => s.terms);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(window, t);
  }
  return t;
}

export function nounPhraseAfter(text: string, numberStart: number, from: number, maxChars = 64): NounPhrase | undefined {
  let to = Math.min(text.length, from + maxChars);
  const nl = text.indexOf('\n', from);
  if (nl >= 0 && nl < to) to = nl;
  if (from >= to || text[from] !== ' ') return undefined;
  // cheap test before compromise: the next word must be able to open a noun phrase
  const lead = /^[A-Za-z][A-Za-z'’-]*/.exec(text.slice(from + 1, from + 32));
  if (!lead) return undefined;
  const fw = lead[0].toLowerCase();
  if (CLOSED.has(fw) || AUX.has(fw) || MONTH_WORDS.has(fw) || fw === 'and' || fw === 'dozen') return undefined;
  // give compromise the number too: it tags the following words better with it
  const window = text.slice(numberStart, to);
  const terms = termsOf(window);
  // skip the number's own term(s)
  const rel = from - numberStart;
  let i = terms.findIndex((t) => t.offset.start >= rel);
  if (i < 0) return undefined;
  const np: Term[] = [];
  let stopAt = -1;
  for (; i < terms.length && np.length < 7; i++) {
    const t = terms[i]!;
    if (t.pre.trim() !== '') break; // `(` or a quote opens something else
    const lw = t.text.toLowerCase();
    if (!/^[a-zA-Z][a-zA-Z'’-]*$/.test(t.text)) break;
    const next = terms[i + 1];
    if (lw === 'and' || lw === '&') {
      const titled = np.length > 0 && np.every((x) => /^[A-Z]/.test(x.text));
      const noNounYet = np.length > 0 && !np.some(plural);
      // `12 agencies and units`, `20 communes and towns`: two plural nouns joined (not `5 documents and 2 reports`)
      const pair = np.length > 0 && plural(np[np.length - 1]!) && !/[^\s]/.test(np[np.length - 1]!.post) && next !== undefined && plural(next) && !has(next, 'Value') && !has(next, 'Verb') && !CLOSED.has(next.text.toLowerCase());
      if (pair) {
        np.push(t, next);
        i++;
        break;
      }
      if ((titled || noNounYet) && next && next.pre.trim() === '' && !CLOSED.has(next.text.toLowerCase()) && (titled ? /^[A-Z]/.test(next.text) : true)) {
        np.push(t);
        if (/[^\s-]/.test(t.post)) break;
        continue;
      }
      stopAt = i;
      break;
    }
    if (CLOSED.has(lw)) {
      stopAt = i;
      break;
    }
    // a duration noun is what is counted (`delayed by 45 days`); other date words end the phrase
    // `one-stop shops`, `two-way communication`: a hyphenated number word is an adjective here
    const hyphenAdj =
      (/^[a-z]+-[a-z]+$/i.test(t.text) && !NUMBER_PART.test(t.text.split('-')[1]!.toLowerCase())) ||
      (t.post === '-' && next !== undefined && /^[a-z]+$/i.test(next.text) && !NUMBER_PART.test(next.text.toLowerCase()) && !has(next, 'Value'));
    // `4 first prizes`, `15 second prizes`: an ordinal before a noun is an adjective
    const ordinalAdj = np.length === 0 && /^(?:first|second|third|fourth|fifth|sixth)$/.test(lw) && next !== undefined && nouny(next) && next.pre.trim() === '';
    if ((has(t, 'Value') && !hyphenAdj && !ordinalAdj) || ((has(t, 'Date') || has(t, 'Month')) && !DURATION_NOUNS.has(lw))) break;
    const verbish = has(t, 'Copula') || has(t, 'Auxiliary') || has(t, 'Modal') || has(t, 'PastTense') || has(t, 'Participle');
    // `9 scheduled inspections`, `20 planned activities`: a participle before a noun is an adjective
    const participleAdj =
      verbish && np.length === 0 && has(t, 'PastTense') && !has(t, 'Copula') && !has(t, 'Auxiliary') && next !== undefined && nouny(next) && !has(next, 'PastTense') && !CLOSED.has(next.text.toLowerCase());
    if (verbish && !participleAdj && !(has(t, 'Noun') && !has(t, 'PastTense'))) {
      stopAt = i;
      break;
    }
    if (np.some(plural) && (has(t, 'Adjective') || has(t, 'Gerund') || !nouny(t))) {
      stopAt = i;
      break;
    }
    np.push(t);
    if (/[^\s-]/.test(t.post)) break; // punctuation after this word ends the phrase
  }
  // the phrase ends on a noun
  while (np.length && (!nouny(np[np.length - 1]!) || /^(and|&)$/.test(np[np.length - 1]!.text))) np.pop();
  if (!np.length) return undefined;
  const first = np[0]!;
  const last = np[np.length - 1]!;
  const start = numberStart + first.offset.start;
  const end = numberStart + last.offset.start + last.offset.length;
  const out: NounPhrase = { start, end, text: text.slice(start, end), head: last.text.toLowerCase() };
  // `were reviewed`, `have been published`, `assigned`
  if (stopAt >= 0 && last.post.trim() === '') {
    let j = stopAt;
    while (j < terms.length && AUX.has(terms[j]!.text.toLowerCase())) j++;
    const p = terms[j];
    if (p && (has(p, 'PastTense') || has(p, 'Participle') || (j > stopAt && /ed$/.test(p.text)))) out.participle = p.text.toLowerCase();
  }
  return out;
}
