/**
 * The warehouse's views, as data: one SQL text each that runs unchanged in DuckDB and PostgreSQL (the
 * postgres export writes the same text), so a query written against one runs against the other.
 * Every view names each column once (no `period_1`): the report's own columns are prefixed `report_`
 * where a fact table has a column of that name.
 */
export interface View {
  name: string;
  /** tables the view reads; it is made only when they are all present */
  needs: string[];
  sql: (tables: ReadonlySet<string>) => string;
  description: string;
}

/** the report context every `<facts>_by_report` view adds */
const REPORT_CONTEXT =
  'r.path AS report_path, r.title AS report_title, r.agency_id, r.agency, r.province, r.year AS report_year, r.period AS report_period, r.language';

/** a metric's or series' indicator key → the vocabulary row (a `<key>/<part label>` key joins on `<key>`) */
const INDICATOR_JOIN = (alias: string, col: string) => `LEFT JOIN indicators i ON i.id = split_part(${alias}.${col}, '/', 1)`;

function byReport(table: string): View {
  return {
    name: `${table}_by_report`,
    needs: [table, 'reports'],
    description: `${table} with the report each comes from (${REPORT_CONTEXT.replace(/r\.\w+ AS |r\./g, '')})`,
    sql: (tables) =>
      table === 'metrics' && tables.has('indicators')
        ? `SELECT f.*, ${REPORT_CONTEXT}, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en FROM metrics f JOIN reports r ON r.id = f.report_id ${INDICATOR_JOIN('f', 'indicator')}`
        : `SELECT f.*, ${REPORT_CONTEXT} FROM ${table} f JOIN reports r ON r.id = f.report_id`,
  };
}

export const VIEWS: View[] = [
  byReport('metrics'),
  byReport('doc_references'),
  byReport('dates'),
  byReport('findings'),
  {
    name: 'metrics_by_agency',
    needs: ['metrics', 'reports', 'agencies'],
    description: 'metrics_by_report with the canonical agency name (agency_name) from the link step',
    sql: () => `SELECT m.*, a.name AS agency_name FROM metrics_by_report m LEFT JOIN agencies a ON a.id = m.agency_id`,
  },
  {
    name: 'series_by_agency',
    needs: ['series', 'agencies'],
    description: "one agency's indicator across periods, with the agency's and the indicator's names",
    sql: (tables) =>
      tables.has('indicators')
        ? `SELECT s.*, a.name AS agency_name, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en FROM series s LEFT JOIN agencies a ON a.id = s.agency_id ${INDICATOR_JOIN('s', 'indicator')}`
        : `SELECT s.*, a.name AS agency_name FROM series s LEFT JOIN agencies a ON a.id = s.agency_id`,
  },
  {
    name: 'document_citations',
    needs: ['citations', 'documents', 'reports'],
    description: 'every citation of a document with the document and the citing report',
    sql: () =>
      `SELECT c.id, c.document_id, d.symbol AS document_symbol, d.type AS document_type, d.issued_on AS document_issued_on, d.jurisdiction AS document_jurisdiction, c.reference_id, c.report_id, r.path AS report_path, r.title AS report_title, r.agency_id, r.agency, r.year AS report_year, r.period AS report_period FROM citations c JOIN documents d ON d.id = c.document_id JOIN reports r ON r.id = c.report_id`,
  },
  {
    name: 'report_document_files',
    needs: ['report_agencies', 'report_documents', 'reports'],
    description: 'every file with the report it renders (one report, several files: its TXT, DOCX, PDF, scan…) and whether its facts are the ones counted',
    sql: () =>
      `SELECT f.report_id, f.document_id, f.rendering, f.chosen, d.report_id AS chosen_report_id, d.grouped_by, d.files, d.number, d.issued_on, d.year AS report_year, d.period AS report_period, d.agency_id, r.path AS report_path, r.media_type FROM report_agencies f JOIN report_documents d ON d.id = f.document_id JOIN reports r ON r.id = f.report_id`,
  },
];
