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

describe('the false alarms of issue 17, end to end (real ingester, extractor and checks)', async () => {
  const { ingestBytes } = await import('../src/ingest/index.js');
  const { extractReport } = await import('../src/pipeline/extract-report.js');
  const { recheck } = await import('../src/check/index.js');
  const run = async (text: string) => {
    const doc = await ingestBytes('case.txt', new TextEncoder().encode(text));
    const r = extractReport(doc, { includeText: true });
    return recheck(r, r.text).filter((f) => f.severity !== 'info');
  };
  const head = 'SỞ TƯ PHÁP\nBÁO CÁO\nKết quả công tác cải cách hành chính năm 2024\n';
  it.each([
    ['a figure of another noun is no part', '- Tổng số 65 thủ tục hành chính (TTHC), trong đó: 25 TTHC cấp tỉnh và 40 TTHC cấp huyện; thuộc 04 lĩnh vực.'],
    ['a target is never an actual', '- Đã tổ chức kiểm tra 42/139 cơ quan đơn vị, địa phương, đạt tỷ lệ 30% (4/15 sở, ngành và 38/124 UBND cấp xã, chỉ tiêu đề ra là tối thiểu 20%).'],
    [
      'the review and the systematization are two processes',
      '+ Số lượng văn bản đã được kiểm tra, rà soát: 25 văn bản.\n+ Kết quả hệ thống hóa văn bản quy phạm pháp luật: Văn bản hết hiệu lực toàn bộ: 08 văn bản; Văn bản còn hiệu lực: 14 văn bản; Văn bản hết hiệu lực một phần: 02 văn bản.',
    ],
  ])('%s', async (_name, body) => {
    expect((await run(head + body + '\n')).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
  it('and the same sentences with a real break still fire', async () => {
    const sum = await run(head + '- Tổng số 65 thủ tục hành chính (TTHC), trong đó: 25 TTHC cấp tỉnh và 45 TTHC cấp huyện; thuộc 04 lĩnh vực.\n');
    expect(sum.map((f) => f.rule)).toEqual(['sum.breakdown']);
    expect(sum[0]!.arithmetic).toBe('25 + 45 = 70 ≠ 65');
    expect(sum[0]!.messageVi).toBe('Các số liệu thành phần không khớp với tổng: 25 + 45 = 70, nhưng tổng là 65');
    const rate = await run(head + '- Đã tổ chức kiểm tra 42/139 cơ quan đơn vị, địa phương, đạt tỷ lệ 40% (chỉ tiêu đề ra là tối thiểu 20%).\n');
    expect(rate.map((f) => f.rule)).toEqual(['ratio.rate-mismatch']);
    expect(rate[0]!.messageVi).toBe('Tỷ lệ 40% không khớp với 42/139 = 30,22%');
  });
});
