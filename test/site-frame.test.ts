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

describe('site text is furniture with a reason', () => {
  const covers = (r: { furniture?: { reason: string; span: { start: number; end: number } }[] }, frame: { start: number; end: number }, length: number) => {
    // furniture and the document tile the text: in order, no overlap, no gap
    const parts = [...(r.furniture ?? []).map((f) => f.span), frame].sort((a, b) => a.start - b.start);
    expect(parts[0]!.start).toBe(0);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBe(parts[i - 1]!.end);
    expect(parts[parts.length - 1]!.end).toBe(length);
  };
  it('the example page: navigation, box (with the number and date it states), title, note, related documents', async () => {
    const text = SITE_FRAME_RULES[0]!.example.text;
    const doc = await ingestBytes('page.txt', Buffer.from(text));
    const r = extractReport(doc);
    expect(r.furniture!.map((f) => f.reason)).toEqual(['site-navigation', 'site-metadata', 'site-title', 'site-note', 'related-documents']);
    expect(doc.text.slice(r.furniture![0]!.span.start, r.furniture![0]!.span.end).trim()).toBe('Đang tải văn bản...\n**');
    expect(r.furniture!.find((f) => f.reason === 'site-metadata')).toMatchObject({ number: '5348/CT-CS', issuedOn: '2025-11-20' });
    const at = doc.text.indexOf(SITE_FRAME_RULES[0]!.example.document);
    covers(r, { start: at, end: at + SITE_FRAME_RULES[0]!.example.document.length }, doc.text.length);
    // no fact inside furniture
    for (const f of [...r.references, ...r.dates, ...r.metrics]) for (const x of r.furniture!) expect(f.span.start >= x.span.end || f.span.end <= x.span.start, `${f.text} in ${x.reason}`).toBe(true);
  });
  it('the box fills the number and date a document without its own header lacks', async () => {
    const text = SITE_FRAME_RULES[0]!.example.text.replace('BỘ TÀI CHÍNH\nSố: 5348/CT-CS\n', 'Kính gửi các đơn vị.\n');
    const r = extractReport(await ingestBytes('page.txt', Buffer.from(text)));
    expect([r.report.number, r.report.issuedOn]).toEqual(['5348/CT-CS', '2025-11-20']);
  });
  it('a text that is no saved page has no furniture', async () => {
    const r = extractReport(await ingestBytes('plain.txt', Buffer.from('UBND TỈNH X\nSố: 12/BC-UBND\nBáo cáo 22 văn bản.\n')));
    expect(r.furniture).toBeUndefined();
  });
  const dir = sharedPath('real-text');
  const absent = sharedAbsent('real-text');
  it.skipIf(absent !== undefined)(`every web copy of ../shared/real-text: furniture tiles the page around the document, the box confirms the header${absent ? ` — ${absent}` : ''}`, async () => {
    const { readdirSync } = await import('node:fs');
    let pages = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      const doc = await ingestBytes(join(dir, f), readFileSync(join(dir, f)));
      const r = extractReport(doc);
      if (!r.furniture) continue;
      pages++;
      const reasons = r.furniture.map((x) => x.reason);
      expect(reasons, f).toContain('site-metadata');
      expect(reasons, f).toContain('related-documents');
      // the document: the one gap the furniture leaves, holding the document's own number
      const sorted = r.furniture.map((x) => x.span).sort((a, b) => a.start - b.start);
      const gap = sorted.findIndex((s, i) => i > 0 && s.start !== sorted[i - 1]!.end);
      expect(gap, `${f}: a gap, the document`).toBeGreaterThan(0);
      const inside = { start: sorted[gap - 1]!.end, end: sorted[gap]!.start };
      covers(r, inside, doc.text.length);
      expect(doc.text.slice(inside.start, inside.end), f).toContain(r.report.number!.split('/')[0]!);
      const box = r.furniture.find((x) => x.reason === 'site-metadata')!;
      expect([box.number, box.issuedOn], f).toEqual([r.report.number, r.report.issuedOn]);
    }
    expect(pages).toBeGreaterThanOrEqual(20);
  });
});
