/**
 * Province registry with the 2025 mergers (data: src/vocab/data/provinces.yaml) and name → unit resolution
 * at a date: `Đồng Tháp` written on 2024-12-14 is the old province, on 2025-12-15 the merged one.
 */
import { loadData } from './data.js';
import { foldTokens, indexOfTokens } from './text.js';

interface RawUnit {
  id: string;
  name: string;
  kind: 'tinh' | 'thanh-pho';
  variants?: string[];
}
interface ProvinceData {
  defaults: { mergedOn: string; lastDayBefore: string };
  unchanged: RawUnit[];
  merged: Array<{ new: RawUnit; from: RawUnit[] }>;
  examples: Array<{ text: string; on: string; id: string }>;
}

export interface Province {
  id: string;
  name: string;
  kind: 'tinh' | 'thanh-pho';
  /** `tỉnh Tiền Giang`, `thành phố Hà Nội` */
  fullName: string;
  validFrom: string | null;
  validTo: string | null;
  successorId: string | null;
  predecessorIds: string[];
  variants: string[];
}

interface Registry {
  byId: Map<string, Province>;
  /** folded variant token runs, longest first */
  patterns: Array<{ tokens: string[]; ids: string[] }>;
  examples: ProvinceData['examples'];
}

let registry: Registry | undefined;

function build(): Registry {
  const d = loadData<ProvinceData>('provinces');
  const byId = new Map<string, Province>();
  const add = (u: RawUnit, validFrom: string | null, validTo: string | null, successorId: string | null, predecessorIds: string[]) => {
    if (byId.has(u.id)) throw new Error(`provinces.yaml: duplicate id ${u.id}`);
    byId.set(u.id, {
      id: u.id,
      name: u.name,
      kind: u.kind,
      fullName: `${u.kind === 'thanh-pho' ? 'thành phố' : 'tỉnh'} ${u.name}`,
      validFrom,
      validTo,
      successorId,
      predecessorIds,
      variants: [u.name, ...(u.variants ?? [])],
    });
  };
  for (const u of d.unchanged) add(u, null, null, null, []);
  for (const m of d.merged) {
    add(m.new, d.defaults.mergedOn, null, null, m.from.map((f) => f.id));
    for (const f of m.from) add(f, null, d.defaults.lastDayBefore, m.new.id, []);
  }
  const byTokens = new Map<string, Set<string>>();
  for (const p of byId.values()) {
    for (const v of p.variants) {
      const key = foldTokens(v).join(' ');
      if (!key) continue;
      let s = byTokens.get(key);
      if (!s) byTokens.set(key, (s = new Set()));
      s.add(p.id);
    }
  }
  const patterns = [...byTokens].map(([k, ids]) => ({ tokens: k.split(' '), ids: [...ids].sort() }));
  patterns.sort((a, b) => b.tokens.length - a.tokens.length || a.tokens.join(' ').localeCompare(b.tokens.join(' ')));
  return { byId, patterns, examples: d.examples };
}

function reg(): Registry {
  return (registry ??= build());
}

export function provinceById(id: string): Province | undefined {
  return reg().byId.get(id);
}

export function allProvinces(): Province[] {
  return [...reg().byId.values()];
}

export function provinceExamples(): ProvinceData['examples'] {
  return reg().examples;
}

/** Is the unit in force on the day `on` (ISO)? */
export function validOn(p: { validFrom: string | null; validTo: string | null }, on: string): boolean {
  return (p.validFrom === null || p.validFrom <= on) && (p.validTo === null || on <= p.validTo);
}

/** Among units sharing a name, the one in force on `on`; undated → the pre-2025 unit (archives are mostly older). */
function pick(ids: string[], on: string | undefined): Province {
  const units = ids.map((id) => reg().byId.get(id)!);
  if (units.length === 1) return units[0]!;
  if (on !== undefined) {
    const valid = units.find((u) => validOn(u, on));
    if (valid) return valid;
    // none in force: the closest in time
    const later = units.filter((u) => u.validFrom !== null && on < u.validFrom);
    if (later.length === units.length) return units.sort((a, b) => a.validFrom!.localeCompare(b.validFrom!))[0]!;
  }
  return units.find((u) => u.validTo !== null) ?? units[0]!;
}

export interface ProvinceMention {
  province: Province;
  /** token range of the mention inside the folded tokens (including a leading `tỉnh`/`thành phố`/`tp`) */
  start: number;
  end: number;
}

const LEVEL_BEFORE: string[][] = [['thanh', 'pho'], ['tinh'], ['tp'], ['t', 'p']];

/** The first (longest at that place) province named in already-folded tokens. */
export function findProvinceInTokens(tokens: readonly string[], on?: string): ProvinceMention | undefined {
  let best: { start: number; end: number; ids: string[] } | undefined;
  for (const p of reg().patterns) {
    const i = indexOfTokens(tokens, p.tokens);
    if (i < 0) continue;
    const end = i + p.tokens.length;
    if (!best || i < best.start || (i === best.start && end > best.end)) best = { start: i, end, ids: p.ids };
  }
  if (!best) return undefined;
  let start = best.start;
  for (const lv of LEVEL_BEFORE) {
    if (start >= lv.length && lv.every((t, j) => tokens[start - lv.length + j] === t)) {
      start -= lv.length;
      break;
    }
  }
  return { province: pick(best.ids, on), start, end: best.end };
}

/** The province named in a string (`Tiền Giang`, `UBND TỈNH TIỀN GIANG`, `TP.HCM`), at the date `on`. */
export function resolveProvince(text: string | undefined, on?: string): Province | undefined {
  if (!text) return undefined;
  return findProvinceInTokens(foldTokens(text), on)?.province;
}

/** The unit that holds `id`'s territory on `on`: follows successors (tien-giang on 2026-01-01 → dong-thap-2025). */
export function provinceAt(id: string, on: string): Province | undefined {
  let p = reg().byId.get(id);
  for (let i = 0; p && i < 4; i++) {
    if (p.validTo === null || on <= p.validTo || p.successorId === null) return p;
    p = reg().byId.get(p.successorId);
  }
  return p;
}
