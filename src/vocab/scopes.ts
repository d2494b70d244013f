/**
 * Scopes: whose figure a clause states (data: src/vocab/data/scopes.yaml). An indicator key names a level of the
 * reporting agency; a figure stated for the whole province, the whole country, other agencies or one sub-unit is
 * another entity's. `foreignScope` reads the clause before a figure and says which scope it names that the
 * reporting agency does not own (undefined: the figure is the agency's own, as far as the words tell).
 */
import { loadData } from './data.js';
import { resolveAgency } from './agencies.js';
import { foldTokens } from './text.js';

interface RawScope {
  key: string;
  words: string[];
  owners?: string[];
  subject?: boolean;
  selfNamed?: boolean;
  not?: string[];
  followedBy?: string[];
}
export interface ScopeExample {
  agency: string;
  clause: string;
  scope?: string;
}
interface ScopeData {
  window: number;
  scopes: RawScope[];
  givers: { lead: string[]; verbs: string[]; receives: Record<string, string>; span: number };
  former: { key: string; marks: string[]; span: number };
  examples: ScopeExample[];
  notExamples: ScopeExample[];
}

interface Scope {
  key: string;
  phrases: string[][];
  owners: ReadonlySet<string>;
  subject: boolean;
  selfNamed: boolean;
  not: string[][];
  followedBy: string[][];
}
interface Vocabulary {
  window: number;
  scopes: Scope[];
  giverLead: string[][];
  giverVerbs: string[][];
  receives: ReadonlyMap<string, string>;
  giverSpan: number;
  former: { key: string; marks: ReadonlySet<string>; span: number };
  examples: ScopeExample[];
  notExamples: ScopeExample[];
}

let vocab: Vocabulary | undefined;
function v(): Vocabulary {
  if (vocab) return vocab;
  const d = loadData<ScopeData>('scopes');
  const fold = (l: readonly string[] | undefined) => (l ?? []).map((w) => foldTokens(w)).filter((t) => t.length > 0);
  vocab = {
    window: d.window,
    scopes: d.scopes.map((s) => ({
      key: s.key,
      phrases: fold(s.words),
      owners: new Set(s.owners ?? []),
      subject: s.subject === true,
      selfNamed: s.selfNamed === true,
      not: fold(s.not),
      followedBy: fold(s.followedBy),
    })),
    giverLead: fold(d.givers.lead),
    giverVerbs: fold(d.givers.verbs),
    receives: new Map(Object.entries(d.givers.receives)),
    giverSpan: d.givers.span,
    former: { key: d.former.key, marks: new Set(fold(d.former.marks).map((t) => t.join(' '))), span: d.former.span },
    examples: d.examples,
    notExamples: d.notExamples,
  };
  return vocab;
}

export function scopeExamples(): { examples: ScopeExample[]; notExamples: ScopeExample[] } {
  return { examples: v().examples, notExamples: v().notExamples };
}
export function scopeKeys(): string[] {
  return [...new Set([...v().scopes.map((s) => s.key), v().former.key])];
}

/** The reporting agency as the test needs it: its kind (agencies.yaml key) and its name as written. */
export interface ScopeAgency {
  kindKey: string;
  name: string;
}
export interface ScopeHit {
  /** the scope's level (scopes.yaml key) */
  scope: string;
  /** where in the text the words stating it start */
  at: number;
}

interface Token {
  t: string;
  /** offset of the raw word it came from */
  at: number;
  /** offset after that raw word */
  end: number;
  /** first token of the clause, or right after a comma, a colon or a list marker's `)` */
  subject: boolean;
}

const WORD = /\S+/g;
/** raw word ends that open a new subject position */
const OPENS_SUBJECT = new Set([',', ':', ')']);

function tokensOf(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const raw = text.slice(from, to);
  let open = true;
  WORD.lastIndex = 0;
  let w: RegExpExecArray | null;
  while ((w = WORD.exec(raw)) !== null) {
    const toks = foldTokens(w[0]);
    const at = from + w.index;
    toks.forEach((t, i) => out.push({ t, at, end: at + w![0].length, subject: open && i === 0 }));
    // a word of punctuation alone (`-`, `+`) leaves the position as it was
    if (toks.length > 0) open = OPENS_SUBJECT.has(w[0][w[0].length - 1]!);
    else open = open || OPENS_SUBJECT.has(w[0][w[0].length - 1]!) || w[0] === '-' || w[0] === '+';
  }
  return out;
}

function runAt(toks: readonly Token[], i: number, run: readonly string[]): boolean {
  if (i + run.length > toks.length) return false;
  for (let j = 0; j < run.length; j++) if (toks[i + j]!.t !== run[j]) return false;
  return true;
}

function startsWith(words: readonly string[], run: readonly string[]): boolean {
  return run.length <= words.length && run.every((t, j) => words[j] === t);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Start of the clause a figure at `pos` is written in: back to a line break, `;` or a sentence's `. `, at most the window. */
export function scopeClauseStart(text: string, pos: number): number {
  return clauseStart(text, pos, true);
}

function clauseStart(text: string, pos: number, atItem: boolean): number {
  const lo = Math.max(0, pos - v().window);
  let a = pos;
  while (a > lo) {
    const c = text[a - 1]!;
    if (c === '\n' || (atItem && c === ';')) break;
    if (c === '.' && !(isDigit(text[a - 2]) && isDigit(text[a]))) break;
    a--;
  }
  return a;
}

/**
 * The scope named in the clause before the figure at `pos` that the reporting agency does not own, if any.
 * `agency` undefined (the header names none): no test — whose figure it is cannot be told.
 */
export function foreignScope(text: string, pos: number, agency: ScopeAgency | undefined): ScopeHit | undefined {
  if (!agency) return undefined;
  const vv = v();
  const toks = tokensOf(text, scopeClauseStart(text, pos), pos);
  if (toks.length === 0) return undefined;
  const own = foldTokens(agency.name);
  for (const s of vv.scopes) {
    if (s.owners.has(agency.kindKey)) continue;
    for (const p of s.phrases) {
      if (s.selfNamed && startsWith(own, p)) continue;
      for (let i = 0; i < toks.length; i++) {
        if (!runAt(toks, i, p)) continue;
        if (s.subject && !toks[i]!.subject) continue;
        if (s.not.some((n) => runAt(toks, i + p.length, n))) continue;
        if (s.followedBy.length > 0 && !s.followedBy.some((n) => runAt(toks, i + p.length, n))) continue;
        return { scope: s.key, at: toks[i]!.at };
      }
    }
  }
  const former = formerMark(text, clauseStart(text, pos, false), pos, own);
  if (former !== undefined) return { scope: vv.former.key, at: former };
  // a giver (`được Bộ Nội vụ giao`): the giver's level says who received
  for (let i = 0; i < toks.length; i++) {
    const lead = vv.giverLead.find((l) => runAt(toks, i, l));
    if (!lead) continue;
    const from = i + lead.length;
    for (let j = from + 1; j < toks.length && j <= from + vv.giverSpan; j++) {
      if (!vv.giverVerbs.some((g) => runAt(toks, j, g))) continue;
      const giver = resolveAgency({ name: text.slice(toks[from]!.at, toks[j - 1]!.end) });
      const scope = giver?.registered ? vv.receives.get(giver.level) : undefined;
      if (scope === undefined) break;
      const rec = vv.scopes.find((s) => s.key === scope);
      if (rec && rec.owners.has(agency.kindKey)) break;
      return { scope, at: toks[i]!.at };
    }
  }
  return undefined;
}

/**
 * Where a former unit's mark (`(cũ)`, scopes.yaml `former`) right after a word stands between `from` and `to`, unless
 * the agency's own name carries the mark. One pass; a parenthesis longer than the span is skipped whole.
 */
function formerMark(text: string, from: number, to: number, own: readonly string[]): number | undefined {
  const f = v().former;
  for (let i = text.indexOf('(', from); i >= 0 && i < to; i = text.indexOf('(', i + 1)) {
    // right after a word: `Tiền Giang (cũ)`, not a parenthesis opening the clause
    if (i < from + 2 || text[i - 1] !== ' ') continue;
    const close = text.indexOf(')', i + 1);
    if (close < 0 || close >= to || close - i - 1 > f.span) continue;
    const mark = foldTokens(text.slice(i + 1, close)).join(' ');
    if (!f.marks.has(mark)) continue;
    if ((' ' + own.join(' ') + ' ').includes(' ' + mark + ' ')) continue;
    return i;
  }
  return undefined;
}
