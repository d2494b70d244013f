/**
 * A vitest reporter that prints, at the end of the run, every test file with its wall time (collection,
 * hooks and tests) and its counts, slowest first: the measured list of the fast and the full suite.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class TimesReporter implements Reporter {
  private readonly rows: Array<{ file: string; ms: number; passed: number; failed: number; skipped: number }> = [];

  onTestModuleEnd(m: TestModule): void {
    const d = m.diagnostic();
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const t of m.children.allTests()) {
      const s = t.result().state;
      if (s === 'passed') passed++;
      else if (s === 'failed') failed++;
      else skipped++;
    }
    const file = m.moduleId.slice(m.project.config.root.length + 1);
    this.rows.push({ file, ms: d.duration + d.collectDuration + d.setupDuration + d.prepareDuration, passed, failed, skipped });
  }

  onTestRunEnd(): void {
    if (this.rows.length === 0) return;
    const rows = this.rows.sort((a, b) => b.ms - a.ms);
    const w = Math.max(...rows.map((r) => r.file.length));
    const lines = ['', `test files by wall time (${rows.length} files, run two or more at a time):`];
    for (const r of rows) {
      const skip = r.skipped ? `, ${r.skipped} skipped` : '';
      const fail = r.failed ? `, ${r.failed} FAILED` : '';
      lines.push(`  ${r.file.padEnd(w)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.passed} passed${fail}${skip}`);
    }
    lines.push(`  ${'total'.padEnd(w)} ${(rows.reduce((s, r) => s + r.ms, 0) / 1000).toFixed(1).padStart(6)} s`);
    process.stdout.write(lines.join('\n') + '\n');
  }
}
