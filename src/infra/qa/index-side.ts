import { createHash } from "node:crypto";
import MiniSearch, { type Options } from "minisearch";
import type { IndexDocument, IndexQuery } from "../../core/qa/search-index.port.js";
import { BoundedMemo } from "../../core/text/bounded-memo.js";
import { indexTerms, tokenize } from "./analyzer.js";
import { evaluate, ranked } from "./bm25-query.js";
import { type CompactIndex, compactIndex, loadCompactIndex, termsPerDocument } from "./compact-index.js";
import { DocumentFrequencies } from "./document-frequencies.js";
import { fieldName, type QueryPlan, SMALL_INDEX, type TermStats } from "./query-plan.js";
import { INDEX_FIELDS, SEARCH_DEFAULTS } from "./search-options.js";
import { type FuzzyNeighbours, sideCorpus } from "./side-corpus.js";

const FAVOURED = 1.5;
/** Typos in long words ("Stoltenbreg") match; short words must be exact, or they match anything. */
export const FUZZY = (term: string) => (term.length >= 7 ? 0.15 : false);

/**
 * Bump when the analysis (tokenizer, stemmers, stop words, fields) or the engine changes: an older snapshot is
 * then rebuilt rather than read with terms the questions no longer produce.
 */
export const SNAPSHOT_FORMAT = "minisearch-7.2:analyzer-5:sides:compact-2";
const STORED = ["releaseId", "date", "contentHash"];

/** Terms cleaned between yields to the event loop (MiniSearch's default is 1,000 then a 10 ms wait). */
const VACUUM_BATCH = { batchSize: 10_000, batchWait: 1 };

type Stored = { releaseId: string; date: string; contentHash: string };

/** One release's best document on a side: its score and the question's terms it matched. */
export interface SideHit {
  score: number;
  contentHash: string;
  terms: Set<string>;
}

/**
 * One language's documents of the search index (every release's text in that language: NATO's, or the offline
 * translation stored with it): a MiniSearch instance of its own, so a question in that language loads and
 * searches only it.
 */
export class IndexSide {
  private readonly frequencies = new DocumentFrequencies();
  private mini: MiniSearch;
  private readonly idsByRelease = new Map<string, string[]>();
  /** Per document id, a hash of what was indexed: a release re-read unchanged is not indexed again. */
  private readonly prints = new Map<string, string>();
  /**
   * MiniSearch only discards a document replaced or removed: its postings stay, and count in the engine's document
   * frequencies, until they are cleaned up. The terms of those documents, to clean them before a save; `unknown`
   * when some came with the snapshot and their terms are not known (the whole index is vacuumed then).
   */
  private readonly discarded = { terms: new Set<string>(), unknown: false };
  private readonly onTerm = (term: string) => this.frequencies.collect(term);
  /**
   * Fuzzy lookups of this side's terms (see FuzzyNeighbours) for the last questions' typos and unknown words;
   * forgotten whenever a term may have been added.
   */
  private neighbours: FuzzyNeighbours | undefined;

  constructor(
    private readonly pruneFrom: number,
    private readonly commonShare: number,
  ) {
    this.mini = createMiniSearch(STORED, this.onTerm);
  }

  get documentCount(): number {
    return this.mini.documentCount;
  }

  /**
   * The release's documents on this side become `documents`, unless they already are: false then, and the index
   * is untouched (no discarded postings to clean, nothing to save).
   */
  replace(releaseId: string, documents: IndexDocument[]): boolean {
    const prints = documents.map(fingerprint);
    const ids = this.idsByRelease.get(releaseId) ?? [];
    if (ids.length === documents.length && documents.every((d, i) => this.prints.get(d.id) === prints[i])) {
      return false;
    }
    this.remove(releaseId);
    for (const [i, d] of documents.entries()) this.add(d, prints[i]);
    return true;
  }

  add(d: IndexDocument, print = fingerprint(d)): void {
    this.neighbours = undefined;
    this.frequencies.begin();
    this.mini.add(toFields(d));
    this.frequencies.end(d.id);
    const ids = this.idsByRelease.get(d.releaseId) ?? [];
    ids.push(d.id);
    this.idsByRelease.set(d.releaseId, ids);
    this.prints.set(d.id, print);
  }

  remove(releaseId: string): void {
    for (const id of this.idsByRelease.get(releaseId) ?? []) {
      if (this.mini.has(id)) this.mini.discard(id);
      const terms = this.frequencies.remove(id);
      if (terms) for (const t of terms) this.discarded.terms.add(t);
      else this.discarded.unknown = true;
      this.prints.delete(id);
    }
    this.idsByRelease.delete(releaseId);
  }

  clear(): void {
    this.neighbours = undefined;
    this.mini = createMiniSearch(STORED, this.onTerm);
    this.frequencies.clear();
    this.idsByRelease.clear();
    this.prints.clear();
    this.forgetDiscarded();
  }

  private forgetDiscarded(): void {
    this.discarded.terms.clear();
    this.discarded.unknown = false;
  }

  /** Documents on this side that carry `term`. */
  frequency(term: string): number {
    return this.frequencies.of(term);
  }

  stats(): TermStats {
    const n = this.mini.documentCount;
    if (n < this.pruneFrom) return SMALL_INDEX;
    const most = n * this.commonShare;
    return {
      large: true,
      isCommon: (term) => this.frequencies.of(term) > most,
      frequency: (term) => this.frequencies.of(term),
    };
  }

  /**
   * The best `limit` releases, best first, each with the question's terms its documents matched; only those of
   * `only` when given (the others are skipped before they are scored, so a search for a few releases stays cheap).
   */
  search(plan: QueryPlan, query: IndexQuery, fuzzy: boolean, only?: ReadonlySet<string>): Map<string, SideHit> {
    const favour = query.favour?.size ? query.favour : undefined;
    const range = query.range;
    const boost = (stored: Stored) =>
      only && !only.has(stored.releaseId) ? 0 : favour?.has(stored.releaseId) ? FAVOURED : 1;
    // A posting skipped by a zero boost is never scored nor kept: what the plan left out costs only its loop.
    const skips = fuzzy ? plan.skipsDerived : undefined;
    const boostOf =
      favour || only || skips
        ? (term: string, stored: unknown) => (skips?.(term) ? 0 : boost(stored as Stored))
        : undefined;
    const inRange = (date: string) => !range || (date >= range.from && date <= range.to);
    const results = this.results(plan, fuzzy, inRange, boostOf);
    // Results come best first: a release's score is that of its first document. Terms are gathered only for the
    // releases kept, so a common question over thousands of documents costs one pass.
    const limit = query.limit ?? 10;
    const kept = new Map<string, SideHit>();
    for (const r of results) {
      const id = r.stored.releaseId;
      if (!kept.has(id) && kept.size < limit)
        kept.set(id, { score: r.score, contentHash: r.stored.contentHash, terms: new Set() });
      const entry = kept.get(id);
      if (entry) for (const t of r.queryTerms) entry.terms.add(t);
    }
    return kept;
  }

  /**
   * The side's documents that match, best first, as MiniSearch's search ranks them: evaluated in place by
   * bm25-query.ts (a question made only of common words matches thousands of documents, and MiniSearch's search
   * builds several objects for each), or through MiniSearch's own search on an engine laid out otherwise.
   */
  private results(
    plan: QueryPlan,
    fuzzy: boolean,
    inRange: (date: string) => boolean,
    boostOf: ((term: string, stored: unknown) => number) | undefined,
  ): { score: number; queryTerms: string[]; stored: Stored }[] {
    this.neighbours ??= new BoundedMemo(2_000);
    const corpus = sideCorpus(this.mini, boostOf, this.neighbours);
    if (!corpus) {
      return this.mini
        .search(plan.query, {
          filter: (r) => inRange(r.date as string),
          boostDocument: boostOf ? (_id, term, stored) => boostOf(term, stored) : undefined,
          fuzzy: fuzzy ? FUZZY : false,
        })
        .map((r) => ({ score: r.score, queryTerms: r.queryTerms, stored: r as unknown as Stored }));
    }
    return ranked(evaluate(corpus, plan.query, { fuzzy: fuzzy ? FUZZY : false }), (doc, score, queryTerms) => {
      const stored = corpus.stored(doc) as Stored | undefined;
      return stored && inRange(stored.date) ? { score, queryTerms, stored } : undefined;
    });
  }

  /**
   * The inverted index as arrays (see compact-index.ts), with our document frequencies and ids, as one string.
   * The postings of discarded documents are cleaned up first (see `discarded`), and our frequencies counted again
   * from the index if a removal left some behind, so what is saved ranks exactly as a fresh build would.
   */
  async snapshot(): Promise<string> {
    await this.cleanUpDiscarded();
    // From here on, synchronous: no change can come between the index and its counts.
    const mini = compactIndex(this.mini, STORED);
    if (this.frequencies.stale) this.frequencies.recount(termsPerDocument(mini));
    return JSON.stringify({
      mini,
      frequencies: this.frequencies.toJSON(),
      ids: [...this.idsByRelease],
      prints: [...this.prints],
    });
  }

  /**
   * MiniSearch's vacuum goes through every posting of the index (most of a second at 10,000 releases); a search
   * for a term drops the discarded documents' postings it meets, so when the discarded documents' terms are known
   * and fewer, searching those is the same clean-up for a fraction of the work.
   */
  private async cleanUpDiscarded(): Promise<void> {
    if (this.mini.dirtCount === 0) return this.forgetDiscarded();
    const { terms } = this.discarded;
    let targeted = 0;
    for (const t of terms) targeted += this.frequencies.of(t) + 1;
    if (this.discarded.unknown || targeted * 2 > this.frequencies.pairs) {
      this.forgetDiscarded();
      // Changes made while it runs discard more: their terms are searched below.
      await this.mini.vacuum(VACUUM_BATCH);
      if (this.discarded.unknown) await this.mini.vacuum(VACUUM_BATCH);
    }
    // A boost of 0 skips scoring every live posting: the search only walks the term's postings, dropping the
    // discarded documents' ones it meets, and returns nothing.
    const exact = {
      fuzzy: false,
      prefix: false,
      tokenize: (t: string) => [t],
      processTerm: (t: string) => t,
      boostDocument: () => 0,
    };
    for (const t of this.discarded.terms) this.mini.search(t, exact);
    this.discarded.terms.clear();
  }

  /** false (side untouched) when the data is not a snapshot of this format. */
  restore(data: string): boolean {
    let parsed: { mini?: unknown; frequencies?: unknown; ids?: unknown; prints?: unknown };
    let mini: MiniSearch;
    try {
      parsed = JSON.parse(data) as typeof parsed;
      if (!parsed.mini || !Array.isArray(parsed.ids) || !Array.isArray(parsed.frequencies)) return false;
      // No text is tokenised or stemmed again: the terms are loaded as saved.
      const options = miniOptions(STORED, this.onTerm);
      mini = loadCompactIndex(parsed.mini as CompactIndex, options, STORED);
    } catch {
      return false;
    }
    this.mini = mini;
    this.neighbours = undefined;
    this.forgetDiscarded();
    // Saved with postings of discarded documents (by an earlier version): their terms are not known.
    this.discarded.unknown = mini.dirtCount > 0;
    this.frequencies.restore(parsed.frequencies as [string, number][]);
    this.idsByRelease.clear();
    for (const entry of parsed.ids as [string, string[]][]) this.idsByRelease.set(entry[0], entry[1]);
    this.prints.clear();
    // A snapshot saved before documents had prints: each is indexed again when its release is re-read.
    if (Array.isArray(parsed.prints))
      for (const [id, print] of parsed.prints as [string, string][]) this.prints.set(id, print);
    return true;
  }
}

export function createMiniSearch(storeFields: string[], onTerm?: (term: string) => void): MiniSearch {
  return new MiniSearch(miniOptions(storeFields, onTerm));
}

function miniOptions(storeFields: string[], onTerm?: (term: string) => void): Options {
  return {
    idField: "id",
    fields: INDEX_FIELDS,
    storeFields,
    tokenize: (text) => tokenize(text),
    processTerm: (word, field) => {
      const terms = indexTerms(word, field?.endsWith("_fr") ? "fr" : "en");
      if (onTerm) for (const t of terms) onTerm(t);
      // MiniSearch only reads the list (a shared, frozen one: see indexTerms).
      return terms.length > 0 ? (terms as string[]) : null;
    },
    searchOptions: SEARCH_DEFAULTS,
  };
}

function fingerprint(d: IndexDocument): string {
  const hash = createHash("sha1");
  for (const part of [d.date, d.contentHash, d.title, d.brief, d.body]) hash.update(part).update("\u0000");
  return hash.digest("base64");
}

function toFields(d: IndexDocument): Record<string, string> {
  return {
    id: d.id,
    releaseId: d.releaseId,
    date: d.date,
    contentHash: d.contentHash,
    [fieldName("title", d.lang)]: d.title,
    [fieldName("brief", d.lang)]: d.brief,
    [fieldName("body", d.lang)]: d.body,
  };
}
