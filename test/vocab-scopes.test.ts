/**
 * The scope vocabulary (src/vocab/data/scopes.yaml): whose figure a clause states. Every example is a test case; the
 * pipeline test reads real fixture reports and checks that another entity's figure keeps its value but loses the
 * reporting agency's indicator key, while the agency's own figures in the same report keep theirs.
 */
import { describe, expect, it } from 'vitest';
import { resolveAgency } from '../src/vocab/agencies.js';
import { foreignScope, scopeClauseStart, scopeExamples, scopeKeys, type ScopeExample } from '../src/vocab/scopes.js';
import { processFile } from '../src/pipeline/process-file.js';

const agencyOf = (ex: ScopeExample) => {
  const a = resolveAgency({ name: ex.agency });
  return a ? { kindKey: a.kindKey, name: ex.agency } : undefined;
};

describe('scopes.yaml', () => {
  const { examples, notExamples } = scopeExamples();
  for (const ex of examples) {
    it(`${ex.agency}: "${ex.clause}" → ${ex.scope}`, () => {
      expect(foreignScope(ex.clause, ex.clause.length, agencyOf(ex))?.scope).toBe(ex.scope);
    });
  }
  for (const ex of notExamples) {
    it(`${ex.agency}: "${ex.clause}" is its own`, () => {
      expect(foreignScope(ex.clause, ex.clause.length, agencyOf(ex))).toBeUndefined();
    });
  }
  it('has must-fire cases for every scope and must-not-fire cases', () => {
    expect(new Set(examples.map((e) => e.scope))).toEqual(new Set(scopeKeys()));
    expect(notExamples.length).toBeGreaterThanOrEqual(8);
  });
  it('tests nothing when the header names no agency', () => {
    expect(foreignScope('Toàn tỉnh đã tiếp nhận', 21, undefined)).toBeUndefined();
  });
  it('reads the clause back to its sentence or `;` item, not past a decimal point', () => {
    const t = 'Sở có 1.245 hồ sơ. Toàn tỉnh có 3,5 triệu; Sở tiếp nhận 12';
    expect(t.slice(scopeClauseStart(t, t.indexOf('12', 40)))).toBe(' Sở tiếp nhận 12');
    expect(t.slice(scopeClauseStart(t, t.indexOf('3,5')))).toBe(' Toàn tỉnh có 3,5 triệu; Sở tiếp nhận 12');
    expect(t.slice(scopeClauseStart(t, t.indexOf('hồ sơ')))).toBe('Sở có 1.245 hồ sơ. Toàn tỉnh có 3,5 triệu; Sở tiếp nhận 12');
  });
});

describe('another entity’s figure in a report gets no indicator key', () => {
  const metric = async (path: string, text: string) => {
    const r = await processFile(path);
    const ms = r.metrics.filter((m) => m.text === text);
    expect(ms).toHaveLength(1);
    return ms[0]!;
  };
  it('other ministries’ checks in a Cục’s report (b#91, c#91); the Bộ’s own checks keep theirs', async () => {
    const f = 'fixtures/text/bc-kiem-tra-vbqppl-2022-cuc-ktrvb-btp.txt';
    for (const t of ['1.245 văn bản', '15.438 văn bản']) {
      const m = await metric(f, t);
      expect(m.value).toBeGreaterThan(1000);
      expect(m.indicator).toBeUndefined();
    }
    expect((await metric(f, '6.892 văn bản')).indicator).toBe('inst.docs_reviewed');
  });
  it('a centre’s job positions in a Sở’s report (b#141, c#135)', async () => {
    const f = 'fixtures/text/seed-cchc-2023-skhcn-tien-giang.txt';
    for (const t of ['24 vị trí việc làm', '37 vị trí việc làm', '20 vị trí việc làm']) expect((await metric(f, t)).indicator).toBeUndefined();
  });
  it('the province’s rank and the quota the ministry gave the province in a Sở Nội vụ report (b#109, c#104)', async () => {
    const f = 'fixtures/text/bc-noi-vu-6thang-2021-snv-binh-duong.txt';
    expect((await metric(f, '8/63 tỉnh, thành phố')).indicator).toBeUndefined();
    expect((await metric(f, '2.415 biên chế')).indicator).toBeUndefined();
  });
});
