import MiniSearch from "minisearch";
import { LANGS } from "../../core/domain/language.js";
import type { Passage } from "../../core/qa/qa-types.js";
import type {
  IndexDocument,
  IndexQuery,
  PassageMatch,
  ReleaseMatch,
  SearchIndex,
} from "../../core/qa/search-index.port.js";
import { coverageWords, queryTerms, termFor, tokenize } from "./analyzer.js";
import { DocumentFrequencies } from "./document-frequencies.js";
import {
  coverage,
  FIELDS,
  type Field,
  fieldName,
  planQuery,
  type QueryPlan,
  SMALL_INDEX,
  type TermStats,
  withoutContextUnlessBare,
} from "./query-plan.js";

/** Title > brief > body, as the issue asks: a word in a title says more about a release than one in its body. */
const RELEASE_BOOST: Record<Field, number> = { title: 3, brief: 2, body: 1 };
/** Passages share their release's title: the sentence itself must decide, and the release's own words beat a brief. */
const PASSAGE_BOOST: Record<Field, number> = { title: 0.5, brief: 0.9, body: 1 };
const FAVOURED = 1.5;
/** Typos in long words ("Stoltenbreg") match; short words must be exact, or they match anything. */
const FUZZY = (term: string) => (term.length >= 7 ? 0.15 : false);

export interface MiniSearchIndexOptions {
  /**
   * From this many documents on, a question's term found in more than `commonShare` of them is left out of the
   * lookup (it would make every search score most documents for almost no information). Small stores keep all.
   */
  pruneFrom?: number;
  commonShare?: number;
}

type Stored = { releaseId: string; date: string; contentHash: string };

/**
 * The search index: MiniSearch (BM25+, in memory) over one document per release and language, fields per
 * language so each is stemmed by its own stemmer. Rebuilt from the store at start-up, updated on every save.
 */
export class MiniSearchIndex implements SearchIndex {
  private readonly frequencies = new DocumentFrequencies();
  private mini = this.create();
  private readonly idsByRelease = new Map<string, string[]>();
  private readonly pruneFrom: number;
  private readonly commonShare: number;

  constructor(options: MiniSearchIndexOptions = {}) {
    this.pruneFrom = options.pruneFrom ?? 1_000;
    this.commonShare = options.commonShare ?? 0.1;
  }

  get documentCount(): number {
    return this.mini.documentCount;
  }

  replaceRelease(releaseId: string, documents: IndexDocument[]): void {
    this.removeRelease(releaseId);
    for (const d of documents) this.add(d);
  }

  removeRelease(releaseId: string): void {
    for (const id of this.idsByRelease.get(releaseId) ?? []) {
      if (this.mini.has(id)) this.mini.discard(id);
      this.frequencies.remove(id);
    }
    this.idsByRelease.delete(releaseId);
  }

  rebuild(documents: Iterable<IndexDocument>): void {
    this.mini = this.create();
    this.frequencies.clear();
    this.idsByRelease.clear();
    for (const d of documents) this.add(d);
  }

  searchReleases(query: IndexQuery): ReleaseMatch[] {
    const plan = planQuery(query, RELEASE_BOOST, this.stats());
    const exact = this.releasesFor(plan, query, false);
    // Typos ("Stoltenbreg") only cost a fuzzy search when the exact words found nothing good.
    if ((exact[0]?.coverage ?? 0) >= 0.5) return exact;
    const fuzzy = this.releasesFor(plan, query, true);
    return (fuzzy[0]?.coverage ?? 0) > (exact[0]?.coverage ?? 0) ? fuzzy : exact;
  }

  private releasesFor(plan: QueryPlan, query: IndexQuery, fuzzy: boolean): ReleaseMatch[] {
    const favour = query.favour;
    const range = query.range;
    const results = this.mini.search(plan.query, {
      filter: range ? (r) => (r.date as string) >= range.from && (r.date as string) <= range.to : undefined,
      boostDocument: favour?.size
        ? (_id, _term, stored) => (favour.has((stored as Stored).releaseId) ? FAVOURED : 1)
        : undefined,
      fuzzy: fuzzy ? FUZZY : false,
    });
    // Results come best first: a release's score is that of its first document. Terms are gathered only for the
    // releases kept, so a common question over thousands of documents costs one pass.
    const limit = query.limit ?? 10;
    const kept = new Map<string, { score: number; contentHash: string; terms: Set<string> }>();
    for (const r of results) {
      const id = r.releaseId as string;
      if (!kept.has(id) && kept.size < limit)
        kept.set(id, { score: r.score, contentHash: r.contentHash, terms: new Set() });
      const entry = kept.get(id);
      if (entry) for (const t of r.queryTerms) entry.terms.add(t);
    }
    return [...kept].map(([releaseId, e]) => ({
      releaseId,
      contentHash: e.contentHash,
      score: e.score,
      coverage: coverage(plan.judged, e.terms).share,
    }));
  }

  rankPassages(query: IndexQuery, passages: Passage[], weights?: ReadonlyMap<string, number>): PassageMatch[] {
    const mini = createMiniSearch([]);
    const byId = new Map(passages.map((p) => [p.id, p]));
    mini.addAll(
      passages.map((p) => ({ id: p.id, [fieldName("title", p.lang)]: p.title, [fieldName(p.kind, p.lang)]: p.text })),
    );
    // Earlier questions bring their releases into play (searchReleases), but the sentence must answer the question
    // asked now; only a follow-up without a content word of its own ("combien ?") is read with them.
    // The passages' own index is small: no pruning there, but the judgement leaves out the same common words.
    const judged = planQuery(query, RELEASE_BOOST, this.stats()).judged;
    const plan = planQuery({ ...withoutContextUnlessBare(query), range: undefined }, PASSAGE_BOOST);
    const weightOf = (id: unknown) => weights?.get(byId.get(id as string)?.releaseId ?? "") ?? 1;
    return mini
      .search(plan.query, {
        fuzzy: FUZZY,
        // Half the score from the sentence itself, half scaled by how its release ranked.
        boostDocument: weights ? (id) => 0.5 + 0.5 * weightOf(id) : undefined,
      })
      .flatMap((r) => {
        const passage = byId.get(r.id as string);
        if (!passage) return [];
        const { share, matched, matchedName } = coverage(judged, new Set(r.queryTerms));
        return [{ passage, score: r.score, coverage: share, matched, matchedName }];
      })
      .slice(0, query.limit ?? 20);
  }

  contentWords(text: string): string[] {
    return coverageWords(text).map((w) => w.word);
  }

  private stats(): TermStats {
    const n = this.mini.documentCount;
    if (n < this.pruneFrom) return SMALL_INDEX;
    const most = n * this.commonShare;
    return {
      large: true,
      isCommon: (term) => this.frequencies.of(term) > most,
      frequency: (term) => this.frequencies.of(term),
    };
  }

  private add(d: IndexDocument): void {
    this.frequencies.begin();
    this.mini.add(toFields(d));
    this.frequencies.end(d.id);
    const ids = this.idsByRelease.get(d.releaseId) ?? [];
    ids.push(d.id);
    this.idsByRelease.set(d.releaseId, ids);
  }

  private create(): MiniSearch {
    return createMiniSearch(["releaseId", "date", "contentHash"], (term) => this.frequencies.collect(term));
  }
}

function createMiniSearch(storeFields: string[], onTerm?: (term: string) => void): MiniSearch {
  return new MiniSearch({
    idField: "id",
    fields: FIELDS.flatMap((f) => LANGS.map((l) => fieldName(f, l))),
    storeFields,
    tokenize: (text) => tokenize(text),
    processTerm: (word, field) => {
      const term = termFor(word, field?.endsWith("_fr") ? "fr" : "en");
      if (term !== null) onTerm?.(term);
      return term;
    },
    searchOptions: {
      tokenize: (text) => tokenize(text),
      processTerm: (word) => queryTerms(word),
      fuzzy: false,
      weights: { fuzzy: 0.3, prefix: 0.5 },
    },
  });
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
