/**
 * Types of the Report JSON, derived from schemas/report.schema.json (the source of truth).
 */
import type { FromSchema } from 'json-schema-to-ts';
import { reportSchema } from './schemas.generated.js';

export type Report = FromSchema<typeof reportSchema>;
export type Span = Report['sections'][number]['span'];
export type Section = Report['sections'][number];
export type Reference = Report['references'][number];
export type DateFact = Report['dates'][number];
export type Metric = Report['metrics'][number];
export type Finding = Report['findings'][number];
export type Furniture = NonNullable<Report['furniture']>[number];
export type Evidence = Finding['evidence'][number];
export type ReportMeta = Report['report'];
export type SourceInfo = Report['source'];
export type Period = NonNullable<ReportMeta['period']>;
export type Language = Report['language'];
/** how one page's text was obtained (PDF and image inputs) */
export type PageDecodingInfo = NonNullable<SourceInfo['pageDecoding']>[number];

export const SCHEMA_VERSION = '1.0';
