/**
 * The linking vocabularies are data with examples (src/vocab/data/*.yaml); every example is a test case.
 */
import { describe, expect, it } from 'vitest';
import { agencyExamples, resolveAgency } from '../src/vocab/agencies.js';
import { documentExamples, documentIdentity, documentSymbolKey } from '../src/link/documents.js';
import { indicatorVocabulary, labelKey, matchIndicator, metricContexts, type IndicatorExample } from '../src/vocab/indicators.js';
import { allProvinces, provinceById, provinceExamples, resolveProvince } from '../src/vocab/provinces.js';

describe('provinces.yaml', () => {
  it('holds 63 units before and 34 after the 2025 mergers', () => {
    const all = allProvinces();
    expect(all.filter((p) => p.validTo === null || p.validTo >= '2025-06-30').filter((p) => p.validFrom === null || p.validFrom <= '2025-06-30')).toHaveLength(63);
    expect(all.filter((p) => p.validTo === null)).toHaveLength(34);
    expect(provinceById('tien-giang')!.successorId).toBe('dong-thap-2025');
    expect(provinceById('dong-thap-2025')!.predecessorIds.sort()).toEqual(['dong-thap', 'tien-giang']);
  });
  for (const ex of provinceExamples()) {
    it(`${ex.text} on ${ex.on} → ${ex.id}`, () => {
      expect(resolveProvince(ex.text, ex.on)?.id).toBe(ex.id);
    });
  }
  it('finds no province in text without one', () => {
    expect(resolveProvince('Sở Khoa học và Công nghệ', '2023-01-01')).toBeUndefined();
    expect(resolveProvince('thuế thu nhập', '2023-01-01')).toBeUndefined();
  });
});

describe('agencies.yaml', () => {
  for (const ex of agencyExamples()) {
    it(`${ex.name}${ex.province ? ` (${ex.province})` : ''} → ${ex.id}`, () => {
      const a = resolveAgency({ name: ex.name, provinceHints: [ex.province], on: ex.on });
      expect(a?.id).toBe(ex.id);
    });
  }
  it('gives merged bodies validity and successors', () => {
    const stttt = resolveAgency({ name: 'Sở Thông tin và Truyền thông', provinceHints: ['Tiền Giang'], on: '2024-12-14' })!;
    expect(stttt.validTo).toBe('2025-02-28');
    expect(stttt.successorIds).toEqual(['agency:so-khoa-hoc-va-cong-nghe:tien-giang']);
    const skhcn = resolveAgency({ name: 'Sở KH&CN', provinceHints: ['Tiền Giang'], on: '2024-12-14' })!;
    expect(skhcn.validTo).toBe('2025-06-30');
    expect(skhcn.successorIds).toEqual(['agency:so-khoa-hoc-va-cong-nghe:dong-thap-2025']);
    expect(skhcn.relation).toBe('merged_into');
    const bkhdt = resolveAgency({ name: 'Bộ Kế hoạch và Đầu tư', on: '2024-01-01' })!;
    expect(bkhdt.successorIds).toEqual(['agency:bo-tai-chinh']);
  });
  it('keeps an unregistered name as written, with its province', () => {
    const a = resolveAgency({ name: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng', provinceHints: ['Tiền Giang'], on: '2023-12-15' })!;
    expect(a.registered).toBe(false);
    expect(a.id).toBe('agency:trung-tam-ky-thuat-tieu-chuan-do-luong-chat-luong:tien-giang');
  });
});

describe('documents.yaml', () => {
  const tg = provinceById('tien-giang')!;
  for (const ex of documentExamples()) {
    it(`${ex.symbol} is ${ex.scope}`, () => {
      expect(documentIdentity({ symbol: ex.symbol }, { province: tg, on: '2023-12-15' }).scope).toBe(ex.scope);
    });
  }
  it('keys variants of one symbol alike and local symbols by province', () => {
    expect(documentSymbolKey('23/2023/QĐ-UBND')).toBe(documentSymbolKey('23/2023/QÐ-UBND'));
    expect(documentSymbolKey('02/2019/QĐ-UBND')).toBe(documentSymbolKey('2/2019/QD-UBND'));
    expect(documentSymbolKey('286/KH-SKH&CN')).toBe(documentSymbolKey('286/KH-SKHCN'));
    const la = provinceById('long-an')!;
    const a = documentIdentity({ symbol: '23/2023/QĐ-UBND' }, { province: tg, on: '2023-12-15' });
    const b = documentIdentity({ symbol: '23/2023/QĐ-UBND' }, { province: la, on: '2023-12-15' });
    expect(a.id).not.toBe(b.id);
    // an issuer naming its province wins over the citing report's
    const c = documentIdentity({ symbol: '23/2023/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Long An' }, { province: tg, on: '2023-12-15' });
    expect(c.id).toBe(b.id);
    const n1 = documentIdentity({ symbol: '107/2020/NĐ-CP' }, { province: tg });
    const n2 = documentIdentity({ symbol: '107/2020/ND-CP' }, { province: la });
    expect(n1.id).toBe(n2.id);
  });
});

describe('indicators.yaml', () => {
  const vocab = indicatorVocabulary();
  it('covers every reform area with several indicators', () => {
    const areas = new Map<string, number>();
    for (const i of vocab) areas.set(i.area, (areas.get(i.area) ?? 0) + 1);
    expect([...areas.keys()].sort()).toEqual(['cs', 'dir', 'egov', 'fin', 'inst', 'org', 'par', 'tthc']);
    expect(vocab.length).toBeGreaterThanOrEqual(60);
  });
  const inputOf = (ex: IndicatorExample): Parameters<typeof matchIndicator>[0] => {
    const input: Parameters<typeof matchIndicator>[0] = { label: ex.label, kind: ex.kind, language: 'vi' };
    if (ex.unit) input.unit = ex.unit;
    if (ex.section) input.sectionTitle = ex.section;
    if (ex.context) input.context = ex.context;
    if (ex.sentence) input.sentence = ex.sentence;
    return input;
  };
  for (const ind of vocab) {
    for (const ex of ind.examples) {
      it(`${ind.key} ← "${ex.label}"${ex.unit ? ` [${ex.unit}]` : ''}`, () => {
        const m = matchIndicator(inputOf(ex));
        expect(m?.key).toBe(ind.key);
        expect(m!.score).toBeGreaterThanOrEqual(0.5);
      });
    }
    for (const ex of ind.notExamples) {
      it(`${ind.key} ↚ "${ex.label}"${ex.unit ? ` [${ex.unit}]` : ''}${ex.context ? ' (with its clause)' : ''}`, () => {
        expect(matchIndicator(inputOf(ex))?.key).not.toBe(ind.key);
      });
      // a case ruled out by its sentence alone would get the key without it: the sentence is what decides
      if (ex.sentence) it(`${ind.key} ← "${ex.label}" without its sentence`, () => expect(matchIndicator(inputOf({ ...ex, sentence: '' }))?.key).toBe(ind.key));
    }
  }
  it('has must-not-fire cases', () => {
    expect(vocab.reduce((n, i) => n + i.notExamples.length, 0)).toBeGreaterThanOrEqual(8);
  });
  it('stops the clause of a figure where its parts are described (partsFollow)', () => {
    const text = 'đã giải quyết 1.374 hồ sơ (đúng hạn và trước hạn 1.366 hồ sơ, quá hạn 8 hồ sơ)';
    const start = text.indexOf('1.374');
    const [ctx] = metricContexts(text, [{ start, end: start + 11 }]);
    expect(ctx).toBe('đã giải quyết 1.374 hồ sơ ');
  });
  it('folds case, diacritics and tone placement', () => {
    const a = matchIndicator({ label: 'SỐ LƯỢNG VĂN BẢN ĐÃ ĐƯỢC KIỂM TRA, RÀ SOÁT', unit: 'văn bản', kind: 'count', language: 'vi' });
    const b = matchIndicator({ label: 'so luong van ban da duoc kiem tra, ra soat', unit: 'van ban', kind: 'count', language: 'vi' });
    expect(a?.key).toBe('inst.docs_reviewed');
    expect(b?.key).toBe('inst.docs_reviewed');
  });
  it('respects the kind: a count is not a rate', () => {
    expect(matchIndicator({ label: 'Giải quyết đúng hạn, trước hạn', unit: 'hồ sơ', kind: 'count', language: 'vi' })?.key).toBe('tthc.dossiers_resolved_ontime');
    expect(matchIndicator({ label: 'Giải quyết đúng hạn, trước hạn', kind: 'percent', language: 'vi' })?.key).toBe('tthc.ontime_rate');
  });
  it('matches nothing for unrelated labels, and keeps a normalized label key for them', () => {
    expect(matchIndicator({ label: 'Bản số', unit: 'bản', kind: 'count', language: 'vi' })).toBeUndefined();
    expect(labelKey('Số lượng máy tính được trang bị', 'máy')).toBe(labelKey('SỐ LƯỢNG MÁY TÍNH ĐƯỢC TRANG BỊ', 'máy'));
  });
  it('uses the clause around a narrow label, with a lower score', () => {
    const text = '- Tổng số văn bản quy phạm pháp luật được rà soát trong năm là 20 văn bản.\n- Khác: 3 văn bản; Bãi bỏ: 2 văn bản';
    const start = text.indexOf('20 văn bản');
    const [ctx] = metricContexts(text, [{ start, end: start + 10 }]);
    expect(ctx).toContain('rà soát');
    const m = matchIndicator({ label: 'soát trong năm văn bản', unit: 'văn bản', kind: 'count', language: 'vi', context: ctx! });
    expect(m?.key).toBe('inst.docs_reviewed');
    expect(m!.score).toBeLessThan(0.8);
    // two metrics on one line get separate clauses
    const s1 = text.indexOf('3 văn bản');
    const s2 = text.indexOf('2 văn bản');
    const [c1, c2] = metricContexts(text, [{ start: s1, end: s1 + 9 }, { start: s2, end: s2 + 9 }]);
    expect(c1).not.toContain('Bãi bỏ');
    expect(c2).toContain('Bãi bỏ');
  });
});

describe('hostile input stays fast', () => {
  it('resolves a 1 MB agency name and matches a 1 MB label without blowing up', () => {
    const name = 'Ủy ban nhân dân huyện '.repeat(50_000);
    const a = resolveAgency({ name, provinceHints: ['Tiền Giang'], on: '2023-01-01' });
    expect(a).toBeDefined();
    const m = matchIndicator({ label: 'rà soát văn bản '.repeat(70_000), unit: 'văn bản', kind: 'count', language: 'vi', context: 'x '.repeat(500_000) });
    expect(m?.key).toBe('inst.docs_reviewed');
  });
});
