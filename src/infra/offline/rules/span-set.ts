import type { ProtectedSpan } from "../protect.js";

/**
 * Non-overlapping spans kept in order, so "does this one overlap any?" is a binary search, not a scan: a text of
 * thousands of dates or figures stays linear work.
 */
export class SpanSet {
  private readonly spans: ProtectedSpan[] = [];

  /** Adds the span unless it overlaps one already there; says whether it was added. */
  add(span: ProtectedSpan): boolean {
    const i = this.firstEndingAfter(span.start);
    const next = this.spans[i];
    if (next && next.start < span.end) return false;
    this.spans.splice(i, 0, span);
    return true;
  }

  overlaps(start: number, end: number): boolean {
    const next = this.spans[this.firstEndingAfter(start)];
    return next !== undefined && next.start < end;
  }

  /** In text order. */
  list(): ProtectedSpan[] {
    return [...this.spans];
  }

  /** Index of the first span whose end is past `at`. */
  private firstEndingAfter(at: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
