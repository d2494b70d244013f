/**
 * The review page in a real browser (Debian chromium via playwright-core, no browser download):
 * it loads without console errors or network requests, a highlighted fact responds to a click, a
 * report containing <script> stays inert, and a screenshot is written to test/artifacts/.
 * playwright's launch() always starts chromium with a fresh temporary --user-data-dir of its own (it
 * refuses the flag in args), so every run starts from an empty profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { processFile } from '../src/pipeline/process-file.js';
import { runLink } from '../src/link/index.js';
import { buildReview, escapeHtml, jsonForScript } from '../src/review/build.js';

const ROOT = join(import.meta.dirname, '..');
// the seed report (a byte-identical copy of ../shared/seed's; test/eval.test.ts checks that)
const SEED = join(ROOT, 'fixtures', 'text', 'seed-cchc-2023-skhcn-tien-giang.txt');
const CHROMIUM = findChromium();

/** Debian's chromium on PATH (or CHROMIUM_PATH); npm test's pretest installs it when missing. */
function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(':'))
    for (const name of ['chromium', 'chromium-browser']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  throw new Error('chromium not found on PATH: apt-get install chromium (npm test does it when run as root), or set CHROMIUM_PATH');
}
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

const HOSTILE = `BÁO CÁO
Kết quả cải cách hành chính năm 2023 của Sở Tư pháp tỉnh Long An
1. Chỉ đạo, điều hành:
- Ban hành Kế hoạch số 12/KH-STP ngày 05/3/2023 <script>window.__pwned = 1</script> về cải cách hành chính năm 2023.
- Tổng số biên chế được giao: 40, trong đó: Văn phòng Sở: 25; Phòng Công chứng: 17 <img src=x onerror="window.__pwned = 2">.
- Ghi chú: </script><script>window.__pwned = 3</script> "quotes" & 'apostrophes' </pre></section><b>bold?</b>
`;

let dir: string;
let html: string;
let htmlPath: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rm-review-'));
  mkdirSync(join(dir, 'reports'));
  const hostile = join(dir, 'hostile.txt');
  writeFileSync(hostile, HOSTILE);
  const inputs: Array<[string, boolean]> = [
    [SEED, false], // text re-read from the source file
    [hostile, true], // text embedded in the Report JSON
    [join(ROOT, 'fixtures/planted/p01-staff-sum+fields-count.txt'), true],
    ...['2021', '2022', '2023'].map((y) => [join(ROOT, `fixtures/planted/series/snv-ben-tre-${y}.txt`), false] as [string, boolean]),
  ];
  for (const [file, includeText] of inputs) {
    const r = await processFile(file, { includeText });
    writeFileSync(join(dir, 'reports', `${r.id}.json`), JSON.stringify(r));
  }
  await runLink(dir);
  ({ html } = await buildReview(dir));
  mkdirSync(ARTIFACTS, { recursive: true });
  htmlPath = join(ARTIFACTS, 'review.html');
  writeFileSync(htmlPath, html);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('review page (static)', () => {
  it('escapes report text and embeds no external resource', () => {
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml('<script>window.__pwned = 1</script>'));
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain("Content-Security-Policy");
    // exactly the page's two script elements (data + code)
    expect(html.match(/<script/g)).toHaveLength(2);
  });
  it('keeps JSON data inert inside a script element', () => {
    expect(jsonForScript({ a: '</script><script>alert(1)</script>' })).not.toContain('<');
  });
  it('shows every report, its findings and the series charts', () => {
    expect(html.match(/<section class="report"/g)).toHaveLength(6);
    expect(html).toContain('ref.date-year-suspect');
    expect(html).toContain('sum.breakdown');
    expect(html).toContain('cross.yoy-jump');
    expect(html).toMatch(/<svg class="spark"/);
  });
});

describe('review page in chromium', () => {
  it('loads without console errors or network, highlights respond to a click, injected script stays inert', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(`file://${htmlPath}`);
    await page.waitForLoadState('load');

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // the hostile text is shown as text
    const shown = await page.locator('pre.text').allTextContents();
    expect(shown.join('\n')).toContain('<script>window.__pwned = 1</script>');
    expect(shown.join('\n')).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await page.locator('img').count()).toBe(0);

    // click a highlighted figure of the seed: the panel shows its type, value, rule and span
    const seedSection = page.locator('section.report', { hasText: 'seed-cchc-2023-skhcn-tien-giang.txt' });
    const fact = seedSection.locator('.hl.k-metric', { hasText: '36' }).first();
    await fact.click();
    const panel = page.locator('#panel');
    await expect.poll(() => panel.textContent()).toContain('metric');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('36');
    expect(text).toMatch(/span\d+-\d+/);
    expect(text).toContain('rule');
    expect(await fact.getAttribute('class')).toContain('active');

    // a reference highlight of the 286 plan, and its finding links to the evidence anchor
    const link = seedSection.locator('a.evlink').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^#ev-/);
    expect(await page.locator(href).count()).toBe(1);
    await link.click();
    expect(page.url()).toContain(href);

    const shot = join(ARTIFACTS, 'review.png');
    const ref = seedSection.locator('.hl.k-reference').first();
    await ref.click();
    await ref.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shot });
    expect(existsSync(shot) && statSync(shot).size > 10_000).toBe(true);
    const shot2 = join(ARTIFACTS, 'review-series.png');
    await page.locator('#series').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shot2 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
