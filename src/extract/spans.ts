
/** A set of claimed spans: later rules skip text that earlier rules already explained. */
export class SpanMask {
  private starts: number[] = [];
  private ends: number[] = [];
  private sorted = true;

  add(start: number, end: number): void {
    if (end <= start) return;
    if (this.starts.length && start < this.starts[this.starts.length - 1]!) this.sorted = false;
    this.starts.push(start);
    this.ends.push(end);
  }

  private sort(): void {
    if (this.sorted) return;
    const idx = this.starts.map((_, i) => i).sort((a, b) => this.starts[a]! - this.starts[b]!);
    this.starts = idx.map((i) => this.starts[i]!);
    this.ends = idx.map((i) => this.ends[i]!);
    // keep a running max of ends so overlap lookups stay correct for nested spans
    for (let i = 1; i < this.ends.length; i++) if (this.ends[i]! < this.ends[i - 1]!) this.ends[i] = this.ends[i - 1]!;
    this.sorted = true;
  }

  /** true when [start, end) intersects any claimed span */
  overlaps(start: number, end: number): boolean {
    this.sort();
    // last claimed span starting before `end`
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && this.ends[found]! > start;
  }
}
