/**
 * Batch progress: a cli-progress bar on a TTY (done/failed/skipped, files/s, MB/s, ETA; PDF and image pages and,
 * of those, the pages read by OCR, which are slower by far), plain periodic lines otherwise (logs, CI), nothing
 * with `none`.
 */
import cliProgress from 'cli-progress';

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';

export interface Counts {
  done: number;
  failed: number;
  skipped: number;
  /** input bytes processed (done + failed) */
  bytes: number;
  /** PDF and image pages of the inputs done */
  pages: number;
  /** of those, pages whose text came from OCR */
  ocrPages: number;
}

/** `12 pages (3 OCR)`, or nothing before any page is read. */
export function pagesText(c: Pick<Counts, 'pages' | 'ocrPages'>): string {
  if (c.pages === 0) return '';
  return `${c.pages} page${c.pages === 1 ? '' : 's'} (${c.ocrPages} OCR)`;
}

function fmtSecs(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class Progress {
  private readonly mode: Exclude<ProgressMode, 'auto'>;
  private bar: cliProgress.SingleBar | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly t0 = Date.now();
  private total = 0;

  constructor(
    mode: ProgressMode,
    private readonly counts: Counts,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly everyMs = 5000,
  ) {
    this.mode = mode === 'auto' ? (stream.isTTY ? 'bar' : 'lines') : mode;
  }

  private stats() {
    const n = this.counts.done + this.counts.failed + this.counts.skipped;
    const secs = (Date.now() - this.t0) / 1000;
    const mbps = secs > 0 ? this.counts.bytes / 1e6 / secs : 0;
    const fps = secs > 0 ? n / secs : 0;
    const eta = n > 0 ? ((this.total - n) * secs) / n : NaN;
    return { n, fps: fps.toFixed(1), mbps: mbps.toFixed(2), eta: fmtSecs(eta) };
  }

  start(total: number): void {
    this.total = total;
    if (this.mode === 'bar') {
      this.bar = new cliProgress.SingleBar(
        {
          format: '{bar} {value}/{total} | done {done} failed {failed} skipped {skipped} | {pages}{fps} files/s {mbps} MB/s | ETA {etaText}',
          stream: this.stream,
          hideCursor: true,
          clearOnComplete: true,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0, { done: 0, failed: 0, skipped: 0, pages: '', fps: '0.0', mbps: '0.00', etaText: '?' });
    } else if (this.mode === 'lines') {
      this.line(`batch: ${total} inputs`);
      this.timer = setInterval(() => this.printLine(), this.everyMs);
      this.timer.unref();
    }
  }

  private printLine(): void {
    const s = this.stats();
    const pages = pagesText(this.counts);
    this.line(
      `batch: ${s.n}/${this.total} (done ${this.counts.done}, failed ${this.counts.failed}, skipped ${this.counts.skipped}) ${pages ? pages + ', ' : ''}${s.fps} files/s, ${s.mbps} MB/s, ETA ${s.eta}`,
    );
  }

  /** Call after each input finishes. */
  tick(): void {
    if (!this.bar) return;
    const s = this.stats();
    const pages = pagesText(this.counts);
    this.bar.update(s.n, { done: this.counts.done, failed: this.counts.failed, skipped: this.counts.skipped, pages: pages ? pages + ' | ' : '', fps: s.fps, mbps: s.mbps, etaText: s.eta });
  }

  /** A phase message (building tables, linking, ...): a line in every mode but `none`. */
  phase(msg: string): void {
    if (this.mode === 'none') return;
    if (this.bar) {
      this.bar.stop();
      this.bar = undefined;
    }
    this.line(`batch: ${msg}`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.bar) {
      this.bar.stop();
      this.bar = undefined;
    } else if (this.mode === 'lines') this.printLine();
  }

  private line(s: string): void {
    this.stream.write(s + '\n');
  }
}
