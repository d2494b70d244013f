/**
 * Declarative pipelines (pipelines/*.yaml), validated against schemas/pipeline.schema.json.
 * `resolvePipeline` fills every default so that the rest of the batch reads one complete object.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { validatorFor } from '../validate/validate.js';
import { DEFAULT_PIPELINE_FILE } from './paths.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import type { ProcessOptions } from '../pipeline/process-file.js';

export type ExportFormat = 'ndjson' | 'duckdb' | 'parquet' | 'csv';

/** A pipeline with every default filled in. */
export interface Pipeline {
  name: string;
  version: string;
  description?: string;
  /** where it was read from */
  file: string;
  ingest: { encoding: string; extensions: string[] };
  extract: { language: 'auto' | 'vi' | 'en'; includeText: boolean };
  checks: { enabled: boolean; disable: string[] };
  link: boolean;
  exports: ExportFormat[];
  limits: { timeoutMs: number; maxBytes: number; maxMemoryMb: number };
}

export const DEFAULT_EXTENSIONS = ['.txt', '.md', '.docx', '.doc', '.pdf', '.html', '.htm', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];

/** Identity of what produced a report: resume skips an input only when this matches. */
export function pipelineKey(p: { name: string; version: string }, tool = TOOL_VERSION): string {
  return `${p.name}@${p.version}/report-metrics@${tool}`;
}

export class PipelineError extends Error {
  override name = 'PipelineError';
}

interface RawPipeline {
  name: string;
  version: string | number;
  description?: string;
  ingest?: { encoding?: string; extensions?: string[] };
  extract?: { language?: 'auto' | 'vi' | 'en'; includeText?: boolean };
  checks?: { enabled?: boolean; disable?: string[] };
  link?: boolean;
  exports?: ExportFormat[];
  limits?: { timeoutMs?: number; maxBytes?: number; maxMemoryMb?: number };
}

export function parsePipeline(text: string, file: string): Pipeline {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new PipelineError(`${file}: not valid YAML: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
  const validate = validatorFor('pipeline');
  if (!validate(raw)) {
    const why = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`).slice(0, 3).join('; ');
    throw new PipelineError(`${file}: not a valid pipeline: ${why}`);
  }
  const r = raw as RawPipeline;
  const p: Pipeline = {
    name: r.name,
    version: String(r.version),
    file,
    ingest: { encoding: r.ingest?.encoding ?? 'auto', extensions: r.ingest?.extensions ?? DEFAULT_EXTENSIONS },
    extract: { language: r.extract?.language ?? 'auto', includeText: r.extract?.includeText ?? false },
    checks: { enabled: r.checks?.enabled ?? true, disable: r.checks?.disable ?? [] },
    link: r.link ?? true,
    exports: r.exports ?? ['ndjson', 'duckdb'],
    limits: {
      timeoutMs: r.limits?.timeoutMs ?? 60_000,
      maxBytes: r.limits?.maxBytes ?? 50 * 1024 * 1024,
      maxMemoryMb: r.limits?.maxMemoryMb ?? 1024,
    },
  };
  if (r.description !== undefined) p.description = r.description;
  return p;
}

export function loadPipeline(file: string = DEFAULT_PIPELINE_FILE): Pipeline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PipelineError(`${file}: cannot read the pipeline file`);
  }
  return parsePipeline(text, file);
}

/** The options processFile receives for this pipeline. */
export function processOptions(p: Pipeline): ProcessOptions {
  const o: ProcessOptions = { pipeline: { name: p.name, version: p.version }, maxBytes: p.limits.maxBytes };
  if (p.ingest.encoding !== 'auto') o.encoding = p.ingest.encoding;
  if (p.extract.language !== 'auto') o.language = p.extract.language;
  if (p.extract.includeText) o.includeText = true;
  return o;
}
