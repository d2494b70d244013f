/**
 * Table columns derived from the table JSON Schemas (schemas/<table>.schema.json): the schema is the one
 * source of truth for NDJSON rows, their validation and the DuckDB column types.
 */
import { loadSchema } from '../validate/validate.js';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

export interface Column {
  name: string;
  /** DuckDB type, e.g. VARCHAR, BIGINT, STRUCT("start" BIGINT, "end" BIGINT), VARCHAR[] */
  sql: string;
  /** a nested value (STRUCT or LIST): flattened to JSON text in CSV */
  nested: boolean;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function baseType(s: JsonSchema): string {
  const types = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : s.type ? [s.type] : [];
  if (types.length === 0 && s.enum) {
    return s.enum.every((v) => typeof v === 'string') ? 'VARCHAR' : 'JSON';
  }
  if (types.length !== 1) return 'JSON';
  switch (types[0]) {
    case 'string':
      return 'VARCHAR';
    case 'integer':
      return 'BIGINT';
    case 'number':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'array':
      return s.items ? `${baseType(s.items)}[]` : 'JSON';
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (props.length === 0) return 'JSON';
      return `STRUCT(${props.map(([k, v]) => `${quoteIdent(k)} ${baseType(v)}`).join(', ')})`;
    }
    default:
      return 'JSON';
  }
}

/** Columns of schemas/<name>.schema.json, in the schema's property order. */
export function columnsOf(name: string): Column[] {
  const schema = loadSchema(name) as JsonSchema;
  return Object.entries(schema.properties ?? {}).map(([k, v]) => {
    const sql = baseType(v);
    return { name: k, sql, nested: sql.startsWith('STRUCT') || sql.endsWith('[]') };
  });
}

/** `{"a": 'VARCHAR', ...}` for DuckDB read_json(columns = ...). */
export function readJsonColumns(cols: Column[]): string {
  return `{${cols.map((c) => `'${c.name.replace(/'/g, "''")}': '${c.sql.replace(/'/g, "''")}'`).join(', ')}}`;
}
