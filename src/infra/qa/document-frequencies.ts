/**
 * How many index documents carry each term, kept as documents come and go. A question's word found in most
 * releases ("defence", "Allies") cannot change the ranking much, but makes the engine score every document: the
 * query plan leaves such words out once the index is large (see query-plan.ts).
 */
export class DocumentFrequencies {
  private readonly counts = new Map<string, number>();
  private readonly termsOf = new Map<string, string[]>();
  private current: Set<string> | undefined;
  /** Some document whose terms were not known (loaded with a snapshot) was removed: its counts linger. */
  private lingering = false;

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

  /** The document's terms, or undefined when they are not known (it came with a snapshot). */
  remove(documentId: string): readonly string[] | undefined {
    const terms = this.termsOf.get(documentId);
    if (!terms) this.lingering = true;
    for (const t of terms ?? []) {
      const n = (this.counts.get(t) ?? 1) - 1;
      if (n > 0) this.counts.set(t, n);
      else this.counts.delete(t);
    }
    this.termsOf.delete(documentId);
    return terms;
  }

  clear(): void {
    this.counts.clear();
    this.termsOf.clear();
    this.lingering = false;
  }

  /** Whether some count may include a removed document (see `recount`). */
  get stale(): boolean {
    return this.lingering;
  }

  /**
   * Counts again from the index's own postings (each live document's terms, see `termsPerDocument`), and learns
   * every document's terms, so later removals are exact.
   */
  recount(termsOf: ReadonlyMap<string, string[]>): void {
    this.clear();
    for (const [id, terms] of termsOf) {
      this.termsOf.set(id, terms);
      for (const t of terms) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
    }
  }

  /**
   * The counts, to save with the index. Which terms each document has is not saved (it would double the
   * snapshot): a document loaded from a snapshot and later removed leaves its counts until the side is saved,
   * which counts again from the index (`recount`) first.
   */
  toJSON(): [string, number][] {
    return [...this.counts];
  }

  restore(counts: [string, number][]): void {
    this.clear();
    for (const [term, n] of counts) if (typeof term === "string" && n > 0) this.counts.set(term, n);
  }

  /** Term-document pairs: what going through the whole index costs. */
  get pairs(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** Documents that carry `term`. */
  of(term: string): number {
    return this.counts.get(term) ?? 0;
  }
}
