/**
 * Table rows ↔ the fields they come from. The table schemas (schemas/<table>.schema.json) name their
 * columns in snake_case, with no word reserved in DuckDB, PostgreSQL or BigQuery, so SQL needs no quoting;
 * the Report JSON and the code keep camelCase. Each column is filled from the field named by its `x-field`
 * annotation (a dotted path: `span.start`, `from`), or else from the camelCase of its name
 * (`report_id` ← `reportId`). Nested objects (a finding's evidence, a document's conflicts) are mapped the
 * same way with their own schema. The schema is the one place that says what a column holds.
 */
import { loadSchema } from './validate.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  'x-field'?: string;
}

interface ColumnPlan {
  column: string;
  path: string[];
  /** for an object value, or the objects of a list: the plan of its keys */
  inner?: ColumnPlan[];
}

type Obj = Record<string, unknown>;

export const camelCase = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const snakeCase = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function planOf(s: JsonSchema): ColumnPlan[] {
  return Object.entries(s.properties ?? {}).map(([column, v]) => {
    const p: ColumnPlan = { column, path: (v['x-field'] ?? camelCase(column)).split('.') };
    const inner = v.properties ? v : v.items?.properties ? v.items : undefined;
    if (inner) p.inner = planOf(inner);
    return p;
  });
}

const plans = new Map<string, ColumnPlan[]>();
function plan(table: string): ColumnPlan[] {
  let p = plans.get(table);
  if (!p) {
    p = planOf(loadSchema(table) as JsonSchema);
    plans.set(table, p);
  }
  return p;
}

function get(o: Obj, path: string[]): unknown {
  let v: unknown = o;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Obj)[k];
  }
  return v;
}

function mapInner(v: unknown, inner: ColumnPlan[], to: (o: Obj, p: ColumnPlan[]) => Obj): unknown {
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? to(x as Obj, inner) : x));
  if (v !== null && typeof v === 'object') return to(v as Obj, inner);
  return v;
}

function toColumns(fields: Obj, p: ColumnPlan[], nested: boolean): Obj {
  const row: Obj = {};
  for (const c of p) {
    let v = get(fields, c.path);
    if (c.inner) v = mapInner(v, c.inner, (o, q) => toColumns(o, q, true));
    // a table row has every column (null where the fact has none); a nested object only the keys it has
    if (v === undefined) {
      if (!nested) row[c.column] = null;
    } else row[c.column] = v;
  }
  return row;
}

function fromColumns(row: Obj, p: ColumnPlan[]): Obj {
  const out: Obj = {};
  for (const c of p) {
    let v = row[c.column];
    if (v === undefined || (v === null && c.path.length > 1)) continue;
    if (c.inner) v = mapInner(v, c.inner, fromColumns);
    let o = out;
    for (const k of c.path.slice(0, -1)) o = (o[k] ??= {}) as Obj;
    o[c.path[c.path.length - 1]!] = v;
  }
  return out;
}

/** The row of `table` for an object with the fields of a Report fact or a link record: every column, in schema order. */
export function toRow(table: string, fields: object): Obj {
  return toColumns(fields as Obj, plan(table), false);
}

/** The fields (camelCase, nested as in the Report JSON) of a row read from DIR/tables/<table>.ndjson. */
export function fromRow<T = Obj>(table: string, row: object): T {
  return fromColumns(row as Obj, plan(table)) as T;
}
