import { LANGS, type Lang } from "../../core/domain/language.js";
import type { Passage } from "../../core/qa/qa-types.js";
import type {
  IndexDocument,
  IndexQuery,
  PassageMatch,
  ReleaseMatch,
  SearchIndex,
  SearchMemo,
} from "../../core/qa/search-index.port.js";
import { coverageWords, queryTerms } from "./analyzer.js";
import { FUZZY, IndexSide, type SideHit, SNAPSHOT_FORMAT } from "./index-side.js";
import { PassageAnalyses, scorePassages } from "./passage-scorer.js";
import {
  coverage,
  type Field,
  fieldName,
  planQuery,
  type QueryPlan,
  type TermStats,
  withoutContextUnlessBare,
} from "./query-plan.js";
import { oneEditAway } from "./spelling.js";

/** Title > brief > body, as the issue asks: a word in a title says more about a release than one in its body. */
const RELEASE_BOOST: Record<Field, number> = { title: 3, brief: 2, body: 1 };
/** Passages share their release's title: the sentence itself must decide, and the release's own words beat a brief. */
const PASSAGE_BOOST: Record<Field, number> = { title: 0.5, brief: 0.9, body: 1 };
/** How much a release's share of the question's words weighs on its score (see `releasesFor`). */
const COORDINATION = 2;
/** Typo corrections kept for one word of a question. */
const MAX_SPELLINGS = 3;
/** A sentence of a stored offline translation, against one NATO wrote. */
const MT_WEIGHT = 0.85;

/**
 * This index's search memo: per side and question, the plan and hits of a search of the whole side; and the passage
 * fields the retrieval's rankings have analysed.
 */
interface SideSearches extends SearchMemo {
  sides: Map<string, { plan: QueryPlan; hits: Map<string, SideHit> }>;
  passages: PassageAnalyses;
}

/** Everything of a query a side's search depends on (but `sides`: the side is the key's first part). */
function sideSearchKey(lang: Lang, fuzzy: boolean, query: IndexQuery): string {
  const { sides: _sides, favour, ...rest } = query;
  return JSON.stringify([lang, fuzzy, rest, favour ? [...favour].sort() : null]);
}

export interface MiniSearchIndexOptions {
  /**
   * From this many documents on, a question's term found in more than `commonShare` of them is left out of the
   * lookup (it would make every search score most documents for almost no information). Small stores keep all.
   */
  pruneFrom?: number;
  commonShare?: number;
}

/**
 * The search index: MiniSearch (BM25+, in memory) over one document per release and language, fields per
 * language so each is stemmed by its own stemmer, in one side per language (see IndexSide). Loaded from its
 * snapshot at start-up, or rebuilt from the store; updated on every save.
 */
export class MiniSearchIndex implements SearchIndex {
  private readonly sides: Record<Lang, IndexSide>;

  constructor(options: MiniSearchIndexOptions = {}) {
    const pruneFrom = options.pruneFrom ?? 1_000;
    const commonShare = options.commonShare ?? 0.1;
    this.sides = { en: new IndexSide(pruneFrom, commonShare), fr: new IndexSide(pruneFrom, commonShare) };
  }

  get documentCount(): number {
    return LANGS.reduce((n, l) => n + this.sides[l].documentCount, 0);
  }

  sideCount(side: Lang): number {
    return this.sides[side].documentCount;
  }

  replaceRelease(releaseId: string, documents: IndexDocument[], sides: readonly Lang[] = LANGS): Lang[] {
    return sides.filter((l) =>
      this.sides[l].replace(
        releaseId,
        documents.filter((d) => d.lang === l),
      ),
    );
  }

  removeRelease(releaseId: string): void {
    for (const l of LANGS) this.sides[l].remove(releaseId);
  }

  rebuild(documents: Iterable<IndexDocument>): void {
    for (const l of LANGS) this.sides[l].clear();
    for (const d of documents) this.sides[d.lang].add(d);
  }

  searchReleases(query: IndexQuery, memo?: SearchMemo): ReleaseMatch[] {
    const sides = memo ? (memo as SideSearches).sides : undefined;
    const { matches: exact, judged } = this.releasesFor(query, false, sides);
    // Typos ("Stoltenbreg") only cost a fuzzy search when the exact words found nothing good; and never when no word
    // of the question is judged (nothing but common words on a large index): no coverage to gain, fuzzy cannot win.
    if ((exact[0]?.coverage ?? 0) >= 0.5 || !judged) return exact;
    const { matches: fuzzy } = this.releasesFor(query, true, sides);
    return (fuzzy[0]?.coverage ?? 0) > (exact[0]?.coverage ?? 0) ? fuzzy : exact;
  }

  newSearchMemo(): SearchMemo {
    const memo: SideSearches = { kind: "search-memo", sides: new Map(), passages: new PassageAnalyses() };
    return memo;
  }

  /**
   * The question's sides searched with their own plans (their own common words); then, for the releases found, the
   * other side too: a release published in the other language is there in NATO's words, and its translation on the
   * question's side may say it differently (« d'une valeur de » rendered "of a value of" for "worth"). Each side's
   * scores are made relative to its best, so an original and a translation weigh alike; a release's score is the
   * sum over its sides, times the share of the question's words it matches on either (a coordination factor: a
   * release that has all the question's words beats one that repeats some of them often).
   */
  private releasesFor(
    query: IndexQuery,
    fuzzy: boolean,
    memo?: SideSearches["sides"],
  ): { matches: ReleaseMatch[]; judged: boolean } {
    const asked = query.sides ?? LANGS;
    const merged = new Map<string, { contentHash: string; score: number; terms: Set<string> }>();
    let judged: QueryPlan["judged"] = [];
    const searchSide = (lang: Lang, only?: ReadonlySet<string>) => {
      // A side searched for every release (not `only` some) is searched once per retrieval for the same question.
      const key = memo && !only ? sideSearchKey(lang, fuzzy, query) : undefined;
      const known = key ? memo?.get(key) : undefined;
      const side = this.sides[lang];
      const plan = known?.plan ?? planQuery(query, RELEASE_BOOST, side.stats());
      if (judged.length === 0) judged = plan.judged;
      const hits = known?.hits ?? side.search(plan, query, fuzzy, only);
      if (key && !known) memo?.set(key, { plan, hits });
      const top = Math.max(...[...hits.values()].map((h) => h.score));
      for (const [releaseId, hit] of hits) {
        const earlier = merged.get(releaseId);
        merged.set(releaseId, {
          contentHash: hit.contentHash,
          score: (earlier?.score ?? 0) + hit.score / top,
          terms: earlier ? new Set([...earlier.terms, ...hit.terms]) : hit.terms,
        });
      }
    };
    for (const lang of asked) searchSide(lang);
    // The release a conversation is about keeps the share of its earlier questions it matches: "how long does each
    // course last?" after a question about the courses need not repeat their words.
    const favour = query.favour;
    const earlier =
      favour?.size && query.context?.length
        ? planQuery({ ...query, texts: query.context, context: undefined }, RELEASE_BOOST).judged
        : [];
    const found = new Set(merged.keys());
    if (found.size > 0) for (const lang of LANGS) if (!asked.includes(lang)) searchSide(lang, found);
    const matches = [...merged]
      .map(([releaseId, m]) => {
        const share = coverage(judged, m.terms).share;
        const held = favour?.has(releaseId) ? Math.max(share, coverage(earlier, m.terms).share) : share;
        // A question without content words (dates only) has no share to weigh by.
        const factor = judged.length > 0 ? held ** COORDINATION : 1;
        return { releaseId, contentHash: m.contentHash, score: m.score * factor, coverage: share };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, query.limit ?? 10);
    return { matches, judged: judged.length > 0 };
  }

  rankPassages(
    query: IndexQuery,
    passages: Passage[],
    weights?: ReadonlyMap<string, number>,
    memo?: SearchMemo,
  ): PassageMatch[] {
    const byId = new Map(passages.map((p) => [p.id, p]));
    const documents = passages.map((p) => ({
      id: p.id,
      fields: {
        [fieldName("title", p.lang)]: p.title,
        [fieldName(p.kind === "translation" ? "body" : p.kind, p.lang)]: p.text,
      },
    }));
    // Earlier questions bring their releases into play (searchReleases), but the sentence must answer the question
    // asked now; only a follow-up without a content word of its own ("combien ?") is read with them.
    // The passages' own index is small: no pruning there, but the judgement leaves out the same common words.
    const judged = planQuery(query, RELEASE_BOOST, this.judgingStats(query)).judged;
    const plan = planQuery({ ...withoutContextUnlessBare(query), range: undefined }, PASSAGE_BOOST);
    const weightOf = (id: string) => weights?.get(byId.get(id)?.releaseId ?? "") ?? 1;
    // Scored as an index of these passages alone would score them (passage-scorer.ts), without building one.
    return scorePassages(plan.query, documents, {
      fuzzy: FUZZY,
      ...(memo ? { analyses: (memo as SideSearches).passages } : {}),
      // Half the score from the sentence itself, half scaled by how its release ranked; NATO's own words beat a
      // machine translation that says the same.
      boostDocument: (id) =>
        (weights ? 0.5 + 0.5 * weightOf(id) : 1) * (byId.get(id)?.kind === "translation" ? MT_WEIGHT : 1),
    })
      .flatMap((r) => {
        const passage = byId.get(r.id);
        if (!passage) return [];
        const { share, matched, matchedName } = coverage(judged, new Set(r.queryTerms));
        return [{ passage, score: r.score, coverage: share, matched, matchedName }];
      })
      .slice(0, query.limit ?? 20);
  }

  spellings(word: string): string[] {
    const terms = queryTerms(word);
    const frequency = (term: string) => LANGS.reduce((n, l) => n + this.sides[l].frequency(term), 0);
    if (terms.length === 0 || terms.some((t) => frequency(t) > 0)) return [];
    // Spellings that stem alike ("hangar", "hangara") search alike: one of them is enough.
    const byTerms = new Map<string, { spelling: string; n: number }>();
    for (const spelling of oneEditAway(word)) {
      const known = queryTerms(spelling).filter((t) => frequency(t) > 0);
      const key = known.join("|");
      if (known.length > 0 && !byTerms.has(key)) byTerms.set(key, { spelling, n: Math.max(...known.map(frequency)) });
    }
    return [...byTerms.values()]
      .sort((a, b) => b.n - a.n)
      .slice(0, MAX_SPELLINGS)
      .map((c) => c.spelling);
  }

  knows(word: string): boolean {
    const terms = queryTerms(word);
    return terms.length === 0 || terms.some((t) => LANGS.some((l) => this.sides[l].frequency(t) > 0));
  }

  contentWords(text: string): string[] {
    return coverageWords(text).map((w) => w.word);
  }

  async snapshot(side: Lang): Promise<{ format: string; data: string }> {
    return { format: SNAPSHOT_FORMAT, data: await this.sides[side].snapshot() };
  }

  get snapshotFormat(): string {
    return SNAPSHOT_FORMAT;
  }

  restore(side: Lang, format: string, data: string): boolean {
    return format === SNAPSHOT_FORMAT && this.sides[side].restore(data);
  }

  /** The common words of the side the question is searched on first (its own language), else the larger side. */
  private judgingStats(query: IndexQuery): TermStats {
    const first = query.sides?.[0];
    if (first) return this.sides[first].stats();
    return this.sides.en.documentCount >= this.sides.fr.documentCount ? this.sides.en.stats() : this.sides.fr.stats();
  }
}
