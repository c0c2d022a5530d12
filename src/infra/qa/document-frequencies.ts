/**
 * How many index documents carry each term, kept as documents come and go. A question's word found in most
 * releases ("defence", "Allies") cannot change the ranking much, but makes the engine score every document: the
 * query plan leaves such words out once the index is large (see query-plan.ts).
 */
export class DocumentFrequencies {
  private readonly counts = new Map<string, number>();
  private readonly termsOf = new Map<string, string[]>();
  private current: Set<string> | undefined;

  /** Around MiniSearch's `add`: its term processor calls `collect` for every term of the document. */
  begin(): void {
    this.current = new Set();
  }

  collect(term: string): void {
    this.current?.add(term);
  }

  end(documentId: string): void {
    const terms = [...(this.current ?? [])];
    this.current = undefined;
    this.termsOf.set(documentId, terms);
    for (const t of terms) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  remove(documentId: string): void {
    for (const t of this.termsOf.get(documentId) ?? []) {
      const n = (this.counts.get(t) ?? 1) - 1;
      if (n > 0) this.counts.set(t, n);
      else this.counts.delete(t);
    }
    this.termsOf.delete(documentId);
  }

  clear(): void {
    this.counts.clear();
    this.termsOf.clear();
  }

  /**
   * The counts, to save with the index. Which terms each document has is not saved (it would double the
   * snapshot): a document loaded from a snapshot and later removed leaves its counts, which only ever makes a
   * term look a little more common than it is until the next full build.
   */
  toJSON(): [string, number][] {
    return [...this.counts];
  }

  restore(counts: [string, number][]): void {
    this.clear();
    for (const [term, n] of counts) if (typeof term === "string" && n > 0) this.counts.set(term, n);
  }

  /** Documents that carry `term`. */
  of(term: string): number {
    return this.counts.get(term) ?? 0;
  }
}
