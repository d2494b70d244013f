/**
 * Agencies: a name as written (`SỞ KH&CN`, `Sở Khoa học & Công nghệ tỉnh Long An`, `UBND huyện Cái Bè`)
 * + the report's province and date → a canonical agency with a stable id
 * (`agency:so-khoa-hoc-va-cong-nghe:tien-giang`), validity and successors from the temporal registry
 * (data: src/vocab/data/agencies.yaml, provinces.yaml).
 */
import { loadData } from './data.js';
import { findProvinceInTokens, provinceAt, provinceById, type Province } from './provinces.js';
import { clean, compact, compactNoVa, foldTokens, slug } from './text.js';

type Relation = 'merged_into' | 'split_into' | 'renamed' | 'abolished';
interface RawKind {
  key: string;
  name: string;
  level: 'national' | 'province' | 'district';
  variants?: string[];
  symbols?: string[];
  validFrom?: string;
  validTo?: string;
  successors?: string[];
  relation?: Relation;
}
interface AgencyData {
  kinds: RawKind[];
  provinceWords: string[];
  districtWords: string[];
  examples: Array<{ name: string; province?: string; on: string; id: string }>;
}

export interface AgencyKind extends RawKind {
  symbols: string[];
}

interface KindIndex {
  byKey: Map<string, AgencyKind>;
  /** compact folded variant → kind key (province/national kinds; district UBND is decided by context) */
  byCompact: Map<string, string>;
  /** folded issuer symbol (SKHCN, UBND, CP, TTG…) → kind key */
  bySymbol: Map<string, string>;
  /** compact variants, longest first, for prefix matching */
  prefixes: Array<[string, string]>;
  /** compact folded canonical name → the name (`sonoivu` → `Sở Nội vụ`), every level */
  names: Map<string, string>;
  provinceWords: string[][];
  districtWords: string[][];
  examples: AgencyData['examples'];
}

let index: KindIndex | undefined;

function build(): KindIndex {
  const d = loadData<AgencyData>('agencies');
  const byKey = new Map<string, AgencyKind>();
  const byCompact = new Map<string, string>();
  const bySymbol = new Map<string, string>();
  const names = new Map<string, string>();
  for (const k of d.kinds) {
    if (byKey.has(k.key)) throw new Error(`agencies.yaml: duplicate kind ${k.key}`);
    if (!names.has(compact(foldTokens(k.name)))) names.set(compact(foldTokens(k.name)), k.name);
    byKey.set(k.key, { ...k, symbols: k.symbols ?? [] });
    if (k.level === 'district') continue;
    for (const v of [k.name, ...(k.variants ?? [])]) {
      const t = foldTokens(v);
      for (const c of [compact(t), compactNoVa(t)]) if (c && !byCompact.has(c)) byCompact.set(c, k.key);
    }
    for (const s of k.symbols ?? []) bySymbol.set(symbolFold(s), k.key);
  }
  const prefixes = [...byCompact].filter(([c]) => c.length >= 6).sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  return {
    byKey,
    byCompact,
    bySymbol,
    prefixes,
    names,
    provinceWords: d.provinceWords.map((w) => foldTokens(w)),
    districtWords: d.districtWords.map((w) => foldTokens(w)),
    examples: d.examples,
  };
}

function idx(): KindIndex {
  return (index ??= build());
}

/** Issuer symbol folded for lookup: `SKH&CN` ≡ `SKHCN`, `QĐ` ≡ `QD`, case-insensitive; `QH15` → `QH`. */
export function symbolFold(code: string): string {
  return foldTokens(code)
    .filter((t) => t !== 'va')
    .join('')
    .toUpperCase()
    .replace(/^(QH|UBTVQH)\d+$/, '$1');
}

export function kindByKey(key: string): AgencyKind | undefined {
  return idx().byKey.get(key);
}

/** The kind an issuer symbol stands for (`SKH&CN` → so-khoa-hoc-va-cong-nghe, `CP` → chinh-phu). */
export function kindBySymbol(code: string): AgencyKind | undefined {
  const k = idx().bySymbol.get(symbolFold(code));
  return k === undefined ? undefined : idx().byKey.get(k);
}

/**
 * The registered kind name that the first words of `words` spell in any case (`SỞ NỘI VỤ` → `Sở Nội vụ`,
 * `KHO BẠC NHÀ NƯỚC` → `Kho bạc Nhà nước`), longest first: [canonical name, number of words it covers].
 */
export function kindNamePrefix(words: readonly string[]): [string, number] | undefined {
  const names = idx().names;
  for (let n = words.length; n >= 1; n--) {
    const name = names.get(compact(foldTokens(words.slice(0, n).join(' '))));
    if (name !== undefined && name.split(/\s+/).length === n) return [name, n];
  }
  return undefined;
}

export function agencyExamples(): AgencyData['examples'] {
  return idx().examples;
}

export interface ResolvedAgency {
  id: string;
  /** canonical display name, e.g. `Sở Khoa học và Công nghệ tỉnh Tiền Giang` */
  name: string;
  kindKey: string;
  /** false when the name is not in the registry (kept as written, slugged) */
  registered: boolean;
  level: 'national' | 'province' | 'district';
  province?: Province;
  validFrom: string | null;
  validTo: string | null;
  relation: Relation | null;
  successorIds: string[];
}

export interface AgencyInput {
  /** the name as written */
  name: string;
  /** where the province is not in the name: report.province, the place-date line, the parent agency */
  provinceHints?: Array<string | undefined>;
  /** a province already resolved (e.g. the report's) used when the name and hints name none */
  province?: Province;
  /** ISO day the name was written (selects the unit in force) */
  on?: string;
}

function stripTrailing(tokens: string[], words: string[][]): string[] {
  for (const w of words) {
    const s = tokens.length - w.length;
    if (s >= 0 && w.every((t, i) => tokens[s + i] === t)) return tokens.slice(0, s);
  }
  return tokens;
}

function lookupKind(tokens: string[]): string | undefined {
  const i = idx();
  const c = compact(tokens);
  const hit = i.byCompact.get(c) ?? i.byCompact.get(compactNoVa(tokens));
  if (hit) return hit;
  // trailing noise (`Sở Khoa học và Công nghệ Tiền Giang (Văn phòng)`): the longest registered prefix
  for (const [p, key] of i.prefixes) if (c.startsWith(p) && p.length >= c.length * 0.6) return key;
  return undefined;
}

function titleCase(words: string): string {
  return words
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');
}

function agencyId(kindKey: string, p: Province | undefined): string {
  return p ? `agency:${kindKey}:${p.id}` : `agency:${kindKey}`;
}

function minDay(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
function maxDay(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** Validity and successors of kind × province (the earlier end wins; successors follow it). */
export function describe(kind: AgencyKind, p: Province | undefined, registered: boolean, name: string): ResolvedAgency {
  const kFrom = kind.validFrom ?? null;
  const kTo = kind.validTo ?? null;
  const pFrom = p?.validFrom ?? null;
  const pTo = p?.validTo ?? null;
  const validTo = minDay(kTo, pTo);
  let successorIds: string[] = [];
  let relation: Relation | null = null;
  if (kTo !== null && (pTo === null || kTo <= pTo)) {
    relation = kind.relation ?? 'merged_into';
    successorIds = (kind.successors ?? []).map((s) => {
      const sk = idx().byKey.get(s);
      return agencyId(s, sk && sk.level !== 'national' ? p : undefined);
    });
  } else if (pTo !== null && p?.successorId) {
    relation = 'merged_into';
    const np = provinceById(p.successorId);
    successorIds = kind.level === 'district' ? [] : [agencyId(kind.key, np)];
  }
  const r: ResolvedAgency = {
    id: agencyId(kind.key, kind.level === 'national' ? undefined : p),
    name,
    kindKey: kind.key,
    registered,
    level: kind.level,
    validFrom: maxDay(kFrom, pFrom),
    validTo,
    relation,
    successorIds: successorIds.sort(),
  };
  if (p && kind.level !== 'national') r.province = p;
  return r;
}

function displayName(kind: AgencyKind, p: Province | undefined): string {
  if (kind.level === 'national' || !p) return kind.name;
  if (kind.key === 'tinh-uy') return p.kind === 'thanh-pho' ? `Thành ủy ${p.name}` : `Tỉnh ủy ${p.name}`;
  if (kind.key === 'thanh-tra-tinh') return `Thanh tra ${p.fullName}`;
  return `${kind.name} ${p.fullName}`;
}

const MAX_NAME = 300;
const memo = new Map<string, ResolvedAgency | undefined>();

/** Canonical agency for a name as written; undefined for an empty name. */
export function resolveAgency(input: AgencyInput): ResolvedAgency | undefined {
  if (input.name.length > MAX_NAME) input = { ...input, name: input.name.slice(0, MAX_NAME) };
  const key = `${input.name}\u0001${(input.provinceHints ?? []).join('\u0002')}\u0001${input.province?.id ?? ''}\u0001${input.on ?? ''}`;
  if (memo.has(key)) return memo.get(key);
  const r = resolveUncached(input);
  if (memo.size > 10_000) memo.clear();
  memo.set(key, r);
  return r;
}

function resolveUncached(input: AgencyInput): ResolvedAgency | undefined {
  const i = idx();
  // agency names are short; a hostile one was cut (resolveAgency) so that matching stays linear
  const written = clean(input.name);
  let tokens = foldTokens(written);
  if (tokens.length === 0) return undefined;

  // province named inside the name wins; else the hints; else the given province
  let province: Province | undefined;
  const mention = findProvinceInTokens(tokens, input.on);
  if (mention) {
    province = mention.province;
    tokens = [...tokens.slice(0, mention.start), ...tokens.slice(mention.end)];
  }
  if (!province) {
    for (const h of input.provinceHints ?? []) {
      if (!h) continue;
      const m = findProvinceInTokens(foldTokens(h), input.on);
      if (m) {
        province = m.province;
        break;
      }
    }
  }
  province ??= input.province;
  if (province && input.on) province = provinceAt(province.id, input.on) ?? province;
  tokens = stripTrailing(tokens, i.provinceWords);

  // district level: `UBND huyện Cái Bè`
  for (let k = 1; k < tokens.length; k++) {
    for (const w of i.districtWords) {
      if (!w.every((t, j) => tokens[k + j] === t) || k + w.length >= tokens.length) continue;
      const head = lookupKind(tokens.slice(0, k));
      if (head !== 'uy-ban-nhan-dan') continue;
      const locality = tokens.slice(k + w.length);
      const m = /(huyện|thị xã|quận|thành phố|tp\.?)\s+(.+)$/iu.exec(written);
      const locName = m ? titleCase(m[2]!.replace(/\s*(tỉnh|thành phố)\s.*$/iu, '')) : locality.join(' ');
      const levelWord = m ? m[1]!.toLowerCase().replace(/^tp\.?$/, 'thành phố') : w.join(' ');
      const district = i.byKey.get('uy-ban-nhan-dan-huyen')!;
      const kindKey = `uy-ban-nhan-dan-${slug(levelWord)}-${locality.join('-')}`;
      const r = describe({ ...district, key: kindKey }, province, true, `Ủy ban nhân dân ${levelWord} ${locName}${province ? ` (${province.fullName})` : ''}`);
      return r;
    }
  }

  tokens = stripTrailing(tokens, i.provinceWords);
  const kindKey = lookupKind(tokens);
  if (kindKey) {
    const kind = i.byKey.get(kindKey)!;
    const p = kind.level === 'national' ? undefined : province;
    return describe(kind, p, true, displayName(kind, p));
  }
  // unregistered: keep the name (without the province part) as written, slugged for the id
  const key = tokens.join('-').slice(0, 80);
  const name = clean(written);
  const kind: AgencyKind = { key, name, level: province ? 'province' : 'national', symbols: [] };
  return describe(kind, province, false, name);
}

/** The registry agency behind an id (`agency:<kind>:<province>`), for successors not seen in any report. */
export function agencyFromId(id: string): ResolvedAgency | undefined {
  const m = /^agency:([^:]+)(?::([^:]+))?$/.exec(id);
  if (!m) return undefined;
  const kind = idx().byKey.get(m[1]!);
  if (!kind) return undefined;
  const p = m[2] !== undefined ? provinceById(m[2]) : undefined;
  if (m[2] !== undefined && !p) return undefined;
  return describe(kind, p, true, displayName(kind, p));
}
