/**
 * The archive corpus of bench:batch: every copy of a fixture must be a distinct, readable input whose
 * text is the fixture's (plus, for the formats that carry one, the numbered closing line).
 */
import { describe, expect, it } from 'vitest';
import { archiveSources, archiveVariant, ARCHIVE_FOLDERS } from '../src/batch/corpus.js';
import { ingestBytes } from '../src/ingest/index.js';
import { sha256Hex } from '../src/util/hash.js';

const sources = archiveSources();

describe('archive corpus', () => {
  it('takes fixtures from every format folder', () => {
    const exts = new Set(sources.map((s) => s.ext));
    for (const e of ['.txt', '.docx', '.pdf', '.doc', '.html']) expect(exts.has(e)).toBe(true);
    for (const f of Object.keys(ARCHIVE_FOLDERS)) expect(sources.some((s) => s.name.startsWith(`${f}-`))).toBe(true);
  });

  // one source per extension (the first), a real PDF among them
  const picks = [...new Map(sources.map((s) => [s.ext, s])).values()].concat(sources.filter((s) => s.name.startsWith('real-pdf-')).slice(0, 1));

  it.each(picks.map((s) => [s.name + s.ext, s] as const))('%s: copies differ in bytes and read back as the fixture', async (_n, src) => {
    const a = archiveVariant(src, 7);
    const b = archiveVariant(src, 8);
    expect(sha256Hex(a)).not.toBe(sha256Hex(b));
    expect(sha256Hex(a)).not.toBe(sha256Hex(src.bytes));
    const original = await ingestBytes(`x${src.ext}`, src.bytes);
    const copy = await ingestBytes(`x${src.ext}`, a);
    if (src.ext === '.pdf' || src.ext === '.doc') {
      // bytes after the end of the file: same text
      expect(copy.text).toBe(original.text);
    } else {
      // the closing line is in the text (DOCX footnotes come after the body, so not always last)
      expect(copy.text).toMatch(/^Ghi chú: trong kỳ đã tiếp nhận 8 hồ sơ\.$/m);
      expect(original.text).not.toMatch(/tiếp nhận 8 hồ sơ/);
      // the fixture's own opening survives
      expect(copy.text.slice(0, 40)).toBe(original.text.slice(0, 40));
    }
  });
});
