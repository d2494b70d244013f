/**
 * Saved web pages: the document inside the site's frame gives the facts and the header; the site's metadata box,
 * title line and related-document lists give none (issue 13 real-text dev set; rules in src/segment/rules/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_FRAME_RULES } from '../src/segment/rules/site-frames.js';
import { siteFrame } from '../src/segment/site-frame.js';
import { layoutView } from '../src/tokens/layout-view.js';
import { ingestBytes } from '../src/ingest/index.js';
import { extractReport } from '../src/pipeline/extract-report.js';
import { packageRoot } from '../src/eval/harness.js';
import { sharedAbsent, sharedPath } from './shared.js';

describe('site frame rules: each record frames its example', () => {
  for (const rule of SITE_FRAME_RULES) {
    it(rule.id, () => {
      const view = layoutView(rule.example.text);
      const f = siteFrame(view.text);
      expect(f.rule).toBe(rule.id);
      expect(rule.example.text.slice(view.toSource[f.start], view.toSource[f.end])).toBe(rule.example.document);
    });
  }
  it('a text that is no saved page is all document', () => {
    const t = 'UBND TỈNH X\nSố: 12/BC-UBND\nTình trạng: tốt; Số hiệu: 3.\n';
    expect(siteFrame(t)).toEqual({ start: 0, end: t.length });
  });
});

describe('a saved page gives only the document’s facts', () => {
  it('the example page: no fact from the box or the site title, the own number not a citation', async () => {
    const text = SITE_FRAME_RULES[0]!.example.text;
    const r = extractReport(await ingestBytes('page.txt', Buffer.from(text)));
    expect(r.report.number).toBe('5348/CT-CS');
    expect(r.references).toEqual([]);
    expect(r.dates).toEqual([]);
    expect(r.metrics.map((m) => [m.value, m.unit])).toEqual([[22, 'văn bản']]);
  });
  const real = sharedPath('real-text', '01-5348-ct-cs.txt');
  const absent = sharedAbsent('real-text', '01-5348-ct-cs.txt');
  it.skipIf(absent !== undefined)(`01-5348-ct-cs (../shared/real-text): header from the document, no site dates${absent ? ` — ${absent}` : ''}`, async () => {
    const r = extractReport(await ingestBytes(real, readFileSync(real)));
    expect(r.report.agency).toBe('Cục Thuế');
    expect(r.report.issuedOn).toBe('2025-11-20');
    // the site's related-document list is full of `Ban hành: dd/mm/yyyy` dates: none may come out
    expect(r.dates.some((d) => d.value === '2025-11-12')).toBe(false);
    expect(r.references.some((x) => x.symbol === '5348/CT-CS')).toBe(false);
  });
});
