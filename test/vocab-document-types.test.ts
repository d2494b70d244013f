/**
 * One vocabulary of document types (issue 13): both rule packs read src/vocab/document-types.ts, so a symbol's
 * type code means the same in Vietnamese and English text (they used to disagree: DA, L).
 */
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../src/ingest/text.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { DOCUMENT_TYPE_SLUGS, TYPE_CODES } from '../src/vocab/document-types.js';
import { REFERENCE_TYPES } from '../src/eval/gold.js';

const run = (text: string, language: 'vi' | 'en') =>
  extractReport(textToDocument(text, { path: 'x.txt', sha256: '0'.repeat(64), mediaType: 'text/plain', bytes: text.length }), { language }).references;

describe('document types', () => {
  it('every code maps to a known slug, and the gold harness uses the same slugs', () => {
    for (const slug of Object.values(TYPE_CODES)) expect(DOCUMENT_TYPE_SLUGS).toContain(slug);
    expect(REFERENCE_TYPES).toBe(DOCUMENT_TYPE_SLUGS);
  });
  for (const [symbol, type] of [['5/L-CTN', 'lenh'], ['02/DA-UBND', 'du-an'], ['14/ĐA-UBND', 'de-an'], ['12/PA-UBND', 'phuong-an']] as const) {
    it(`${symbol} is ${type} in both languages`, () => {
      const vi = run(`Thực hiện văn bản ${symbol} ngày 02/3/2024 của Ủy ban.`, 'vi').find((r) => r.symbol === symbol);
      const en = run(`Under document ${symbol} dated 2 March 2024 of the Committee.`, 'en').find((r) => r.symbol === symbol);
      expect(vi?.type).toBe(type);
      expect(en?.type).toBe(type);
    });
  }
});

describe('table cells in their own language’s number format', () => {
  it('an English HTML table: 1,245 is one thousand two hundred forty-five, 98.5% a percent', async () => {
    const { ingestBytes } = await import('../src/ingest/index.js');
    const html =
      '<html><body><p>Report on administrative reform in 2023 of the Department of Home Affairs. The department received the applications listed below and resolved most of them on time.</p>' +
      '<table><tr><th>Item</th><th>2023</th></tr><tr><td>Applications received</td><td>1,245</td></tr><tr><td>Share on time</td><td>98.5%</td></tr></table></body></html>';
    const r = extractReport(await ingestBytes('t.html', Buffer.from(html)));
    expect(r.language).toBe('en');
    expect(r.metrics.map((m) => [m.text, m.value])).toEqual([['1,245', 1245], ['98.5%', 98.5]]);
  });
});
