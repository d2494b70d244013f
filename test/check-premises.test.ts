/**
 * Issue 17: the cross-report jump fires only between one agency's same indicator in the same unit, and
 * says `giảm` for a drop and `tăng` for a rise; findings carry their arithmetic, premise and confidence.
 * Reports are built in memory (Report-schema shaped) and checked with the real cross-report code.
 */
import { describe, expect, it } from 'vitest';
import { checkAcross } from '../src/check/cross.js';
import type { Metric, Report } from '../src/model/report.js';
import { assertValid } from '../src/validate/validate.js';

function report(year: number, figure: string, value: number, unit: string, indicator = 'dir.communication_items'): Report {
  const id = `rpt_${String(year).padStart(16, '0')}`;
  const text = `Công tác tuyên truyền: ${figure} về cải cách hành chính.`;
  const start = text.indexOf(figure.replace(/^[^0-9]*/, ''));
  const m: Metric = {
    id: `${id}:met:${start}-${start + 5}`,
    kind: 'count',
    value,
    unit,
    indicator,
    label: 'tuyên truyền',
    text: text.slice(start, start + 5),
    span: { start, end: start + 5 },
    rule: 'test',
  };
  return {
    schemaVersion: '1.0',
    id,
    language: 'vi',
    pipeline: { name: 'test', version: '0' },
    source: { path: `${year}.txt`, sha256: '0'.repeat(64), mediaType: 'text/plain', bytes: text.length },
    report: { agency: 'Sở Tài nguyên và Môi trường', province: 'Nghệ An', year },
    sections: [],
    references: [],
    dates: [],
    metrics: [m],
    findings: [],
  };
}

describe('cross.yoy-jump premises', () => {
  it('17 tin bài one year and 02 Tập san the next are two indicators: no jump', () => {
    const f = checkAcross({ reports: [report(2022, 'đăng tải 17 tin bài', 17, 'tin bài'), report(2023, 'phát hành 02 Tập san', 2, 'Tập san')] });
    expect(f.filter((x) => x.rule === 'cross.yoy-jump')).toEqual([]);
  });
  it('a fall in the same unit is a jump whose Vietnamese message says giảm, with its arithmetic', () => {
    const f = checkAcross({ reports: [report(2022, 'đăng tải 170 tin bài', 170, 'tin bài'), report(2023, 'đăng tải 17 tin bài', 17, 'tin bài')] });
    expect(f).toHaveLength(1);
    const j = f[0]!;
    expect(j.messageVi).toMatch(/giảm/);
    expect(j.messageVi).not.toMatch(/tăng|lên/);
    expect(j.message).toMatch(/falls/);
    expect(j.arithmetic).toBe('17 / 170 = 0.1');
    expect(j.premise).toMatch(/same indicator/);
    expect(j.confidence).toBeGreaterThanOrEqual(0.6);
    expect(j.severity).toBe('warning');
    const r = report(2023, 'đăng tải 17 tin bài', 17, 'tin bài');
    r.findings.push(j);
    assertValid('report', r);
  });
  it('a rise says tăng; a small count moving ×3–5 is an info note, not a warning', () => {
    const [rise] = checkAcross({ reports: [report(2022, 'đăng tải 100 tin bài', 100, 'tin bài'), report(2023, 'đăng tải 400 tin bài', 400, 'tin bài')] });
    expect(rise!.messageVi).toMatch(/tăng bất thường: từ 100 tin bài \(năm 2022\) lên 400 tin bài/);
    const [small] = checkAcross({ reports: [report(2022, 'đăng tải 12 tin bài', 12, 'tin bài'), report(2023, 'đăng tải 40 tin bài', 40, 'tin bài')] });
    expect(small!.severity).toBe('info');
    expect(small!.confidence).toBeLessThan(0.6);
  });
});
