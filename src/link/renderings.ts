/**
 * One document, several files (issue 19): the TXT, DOCX, DOC, PDF and scan of one report are one document.
 *
 * Files are grouped when they are the same report:
 * - by number: same agency, own number (`report.number`, folded like cited symbols) and issue date;
 * - by content: near-identical facts (the multiset of metric values, cited documents and dates, compared by
 *   MinHash: ≥ 0.8 of 64 slots equal), the same year and period where both state one, numbers that do not
 *   differ, the same language (a translation is another document), and the same agency unless one of the two names is not in the registry (a scan's misread header).
 *
 * Candidates come from 16 MinHash bands of 4 slots (locality-sensitive hashing), so grouping is linear in
 * the number of files; memory holds one 64-slot signature per document (256 bytes), not per file. The
 * result depends only on the files and their order (file-name order in `link`): the same input gives the
 * same documents on every run.
 *
 * Each document's facts come from its best rendering: DOCX > HTML > plain text (TXT, Markdown) > text in a
 * legacy 8-bit encoding (TCVN3, VNI, CP1258) > DOC > PDF text layer > OCR (a PDF with any OCR page, an image).
 */
import { symbolKey } from '../extract/symbol-key.js';
import { fnv1a } from '../util/hash.js';

export type Rendering = 'docx' | 'html' | 'text' | 'legacy-text' | 'doc' | 'pdf' | 'ocr';
/** best first */
export const RENDERINGS: readonly Rendering[] = ['docx', 'html', 'text', 'legacy-text', 'doc', 'pdf', 'ocr'];

const LEGACY_ENCODINGS = new Set(['tcvn3', 'vni', 'windows-1258']);

export interface SourceIn {
  mediaType?: string;
  encoding?: string;
  pageDecoding?: Array<{ decoder?: string }>;
}

export function renderingOf(source: SourceIn | undefined): Rendering {
  const mt = source?.mediaType ?? '';
  if (mt.includes('wordprocessingml')) return 'docx';
  if (mt === 'text/html') return 'html';
  if (mt === 'text/plain' || mt === 'text/markdown') return source?.encoding && LEGACY_ENCODINGS.has(source.encoding) ? 'legacy-text' : 'text';
  if (mt === 'application/msword') return 'doc';
  if (mt.startsWith('image/')) return 'ocr';
  if (mt === 'application/pdf') return source?.pageDecoding?.some((p) => p.decoder === 'ocr') ? 'ocr' : 'pdf';
  return 'pdf';
}

export function renderingRank(r: Rendering): number {
  return RENDERINGS.indexOf(r);
}

// ---- content signature ----
const SLOTS = 64;
const BANDS = 16;
const ROWS = SLOTS / BANDS;
/** share of equal MinHash slots (≈ Jaccard similarity of the fact sets) from which two files are one report */
export const SIMILAR = 0.8;
/** fewer facts than this: too little to tell two reports apart by content */
export const MIN_FACTS = 5;

/** murmur3's 32-bit finalizer: the i-th hash function is mix(h ^ seed_i) */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
const SEEDS = Array.from({ length: SLOTS }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

export interface FactsIn {
  metrics?: Array<{ kind: string; value: number; unit?: string }>;
  references?: Array<{ key?: string; symbol?: string; self?: boolean }>;
  dates?: Array<{ value: string; end?: string }>;
}

/** The facts a rendering gives, as tokens (a repeated fact counts once per occurrence). */
export function factTokens(rep: FactsIn): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  const add = (t: string) => {
    const n = (seen.get(t) ?? 0) + 1;
    seen.set(t, n);
    out.push(`${t}#${n}`);
  };
  for (const m of rep.metrics ?? []) if (Number.isFinite(m.value)) add(`m\u0001${m.kind}\u0001${m.value}`);
  for (const r of rep.references ?? []) if (!r.self) add(`r\u0001${symbolKey(r.key ?? r.symbol ?? '')}`);
  for (const d of rep.dates ?? []) add(`d\u0001${d.value}\u0001${d.end ?? ''}`);
  return out;
}

/** 64-slot MinHash signature of a token set; undefined when there are fewer than MIN_FACTS tokens. */
export function signature(tokens: string[]): Uint32Array | undefined {
  if (tokens.length < MIN_FACTS) return undefined;
  const sig = new Uint32Array(SLOTS).fill(0xffffffff);
  for (const t of tokens) {
    const h = fnv1a(t);
    for (let i = 0; i < SLOTS; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < SLOTS; i++) if (a[i] === b[i]) eq++;
  return eq / SLOTS;
}

/** one 32-bit key per band (a collision only adds a candidate, which the similarity check then rejects) */
function bandKeys(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(0x811c9dc5 ^ Math.imul(b + 1, 0x9e3779b9));
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]!);
    // small integers are stored unboxed as map keys
    out.push(h >>> 2);
  }
  return out;
}

/** folded report number: `45/BC-SKHCN` ≡ `045/bc-skhcn` */
export function numberKey(n: string | undefined): string | undefined {
  if (!n) return undefined;
  const k = symbolKey(n).replace(/^0+(?=[0-9])/, '');
  return k || undefined;
}

// ---- grouping ----
export interface FileIdentity {
  reportId: string;
  rendering: Rendering;
  agencyId: string;
  /** a translation is another document */
  language: string;
  /** the agency is in the registry (an unregistered name may be a misread one) */
  agencyRegistered: boolean;
  number?: string;
  issuedOn?: string;
  year?: number;
  period?: string;
  title?: string;
  /** the facts (factTokens), signed when the file is added; or, instead, their signature already made (`sig`) */
  tokens?: string[];
  /** signatureText of the tokens' signature, null for too few facts (an incremental batch keeps this, not the tokens) */
  sig?: string | null;
}

/** A signature as text (base64 of its 64 little-endian 32-bit slots), to keep it in JSON. */
export function signatureText(sig: Uint32Array | undefined): string | null {
  if (!sig) return null;
  const b = Buffer.alloc(SLOTS * 4);
  for (let i = 0; i < SLOTS; i++) b.writeUInt32LE(sig[i]!, i * 4);
  return b.toString('base64');
}

function signatureFromText(t: string | null): Uint32Array | undefined {
  if (t === null) return undefined;
  const b = Buffer.from(t, 'base64');
  const sig = new Uint32Array(SLOTS);
  for (let i = 0; i < SLOTS; i++) sig[i] = b.readUInt32LE(i * 4);
  return sig;
}

export interface DocumentGroup {
  /** `rdoc:` + 16 hex, stable: from agency + number + issue date, else from the first file's id */
  id: string;
  /** how the files were found to be one report: `number` (agency + number + date), `content`, or `single` */
  groupedBy: 'number' | 'content' | 'single';
  /** the document's files, best rendering first (rank, then report id) */
  files: Array<{ reportId: string; rendering: Rendering }>;
  agencyId: string;
  number: string | null;
  issuedOn: string | null;
  year: number | null;
  period: string | null;
  title: string | null;
}

interface Cluster {
  first: FileIdentity;
  sig: Uint32Array | undefined;
  numberKey: string | undefined;
  number: string | undefined;
  issuedOn: string | undefined;
  year: number | undefined;
  period: string | undefined;
  files: Array<{ reportId: string; rendering: Rendering }>;
  byNumber: boolean;
  byContent: boolean;
  /** for the identity when the cluster is numbered */
  numberedAgency: string | undefined;
  /** the best rendering so far: the document's agency and title are its */
  best: FileIdentity;
}

const better = (a: FileIdentity, b: FileIdentity) => renderingRank(a.rendering) - renderingRank(b.rendering) || (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : 0);

const compatible = <T>(a: T | undefined, b: T | undefined) => a === undefined || b === undefined || a === b;

export class DocumentGrouper {
  private readonly clusters: Cluster[] = [];
  private readonly byNumber = new Map<string, Cluster>();
  /** band key → the clusters with that band (one, mostly: kept unwrapped) */
  private readonly byBand = new Map<number, Cluster | Cluster[]>();
  private readonly agencyRegistered = new Map<Cluster, boolean>();

  add(file: FileIdentity): void {
    // the tokens are needed only for the signature: clusters keep the identity without them
    const { tokens, sig: sigText, ...f } = file;
    const nk = numberKey(f.number);
    const numbered = nk !== undefined && f.issuedOn !== undefined ? `${f.agencyId}\u0001${nk}\u0001${f.issuedOn}` : undefined;
    let c = numbered ? this.byNumber.get(numbered) : undefined;
    let how: 'number' | 'content' | undefined = c ? 'number' : undefined;
    const sig = sigText !== undefined ? signatureFromText(sigText) : signature(tokens ?? []);
    if (!c && sig) {
      const bands = bandKeys(sig);
      const tried = new Set<Cluster>();
      for (const b of bands) {
        const hit = this.byBand.get(b);
        for (const cand of hit === undefined ? [] : Array.isArray(hit) ? hit : [hit]) {
          if (tried.has(cand)) continue;
          tried.add(cand);
          if (!cand.sig || similarity(cand.sig, sig) < SIMILAR) continue;
          if (cand.first.language !== f.language || !compatible(cand.year, f.year) || !compatible(cand.period, f.period)) continue;
          if (nk !== undefined && cand.numberKey !== undefined && (nk !== cand.numberKey || !compatible(cand.issuedOn, f.issuedOn))) continue;
          const sameNumber = nk !== undefined && nk === cand.numberKey;
          if (cand.first.agencyId !== f.agencyId && !sameNumber && this.agencyRegistered.get(cand) && f.agencyRegistered) continue;
          c = cand;
          break;
        }
        if (c) break;
      }
      if (c) how = 'content';
    }
    if (!c) {
      c = {
        first: f,
        sig,
        numberKey: nk,
        number: f.number,
        issuedOn: f.issuedOn,
        year: f.year,
        period: f.period,
        files: [],
        byNumber: false,
        byContent: false,
        numberedAgency: numbered ? f.agencyId : undefined,
        best: f,
      };
      this.clusters.push(c);
      this.agencyRegistered.set(c, f.agencyRegistered);
      if (sig) {
        for (const b of bandKeys(sig)) {
          const l = this.byBand.get(b);
          if (l === undefined) this.byBand.set(b, c);
          else if (Array.isArray(l)) l.push(c);
          else this.byBand.set(b, [l, c]);
        }
      }
    } else {
      if (how === 'number') c.byNumber = true;
      else c.byContent = true;
      // an unnumbered document learns its number (and date, year, period) from a rendering that states them
      if (c.numberKey === undefined && nk !== undefined) {
        c.numberKey = nk;
        c.number = f.number;
      }
      c.issuedOn ??= f.issuedOn;
      c.year ??= f.year;
      c.period ??= f.period;
      if (better(f, c.best) < 0) c.best = f;
    }
    if (numbered && !this.byNumber.has(numbered)) {
      this.byNumber.set(numbered, c);
      c.numberedAgency ??= f.agencyId;
    }
    c.files.push({ reportId: f.reportId, rendering: f.rendering });
  }

  /** The documents, in the order of their first file. */
  documents(idOf: (seed: string) => string): DocumentGroup[] {
    return this.clusters.map((c) => {
      const files = [...c.files].sort((a, b) => renderingRank(a.rendering) - renderingRank(b.rendering) || (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : 0));
      const seed = c.numberKey !== undefined && c.issuedOn !== undefined && c.numberedAgency !== undefined ? `number\u0001${c.numberedAgency}\u0001${c.numberKey}\u0001${c.issuedOn}` : `file\u0001${[...c.files.map((x) => x.reportId)].sort()[0]}`;
      return {
        id: idOf(seed),
        groupedBy: c.files.length === 1 ? 'single' : c.byNumber ? 'number' : 'content',
        files,
        agencyId: c.best.agencyId,
        number: c.number ?? null,
        issuedOn: c.issuedOn ?? null,
        year: c.year ?? null,
        period: c.period ?? null,
        title: c.best.title ?? null,
      };
    });
  }
}
