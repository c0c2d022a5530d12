import { LANGS, type Lang, otherLang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import type { Translator } from "../ports/translator.port.js";
import type { TrustTools } from "../trust/evidence.js";
import { expandQuestion } from "./expansion.js";
import { WHOLE_RELEASES } from "./model-reading.js";
import { releaseDate, releasePassages } from "./passages.js";
import { containsPhrases, quotedPhrases, releaseText } from "./phrases.js";
import type { QaIndexer } from "./qa-indexer.js";
import type { DateRange, Passage } from "./qa-types.js";
import { asTranslated, candidates, unmatchedSentences } from "./reader-passages.js";
import type { IndexQuery, PassageMatch, ReleaseMatch, SearchMemo } from "./search-index.port.js";
import { isRelevant } from "./selection.js";

export interface RetrievalRequest {
  /** The question without its date words. */
  text: string;
  lang: Lang;
  range?: DateRange | undefined;
  /** Earlier questions of the conversation. */
  context?: string[] | undefined;
  favour?: ReadonlySet<string> | undefined;
  /** Releases to read passages from. */
  releases?: number;
}

export interface Retrieval {
  query: IndexQuery;
  matches: ReleaseMatch[];
  releases: Map<string, Release>;
  /**
   * Best first, from the best releases; only passages a reader of `lang` should be shown (reader-passages.ts
   * `candidates`).
   */
  passages: PassageMatch[];
  /** Each matched release's score relative to the best one (0–1). */
  weights: ReadonlyMap<string, number>;
  /**
   * The best releases' sentences that match no word of the question (shown as the reader sees them; the best
   * release's first, then the next four releases'): the answer to "who leads the agency?" may be "Its General
   * Manager, Jane Doe, said…", which repeats none of its words. Only the model reads them, and only those that
   * carry the focus (selection.ts `pickForModel`: the best release's; model-reading.ts `wideReading`: the first three),
   * or whole (model-reading.ts `wholeReleases`).
   */
  unmatched?: Passage[] | undefined;
  /** Every word a retrieved release has, all languages and its stored translation (focus-future.ts `textCovers`). */
  texts?: ReadonlyMap<string, string> | undefined;
}

/**
 * Candidates asked of the index per release kept. The index ranks the question's own side first and reads the
 * other side only for the candidates it found there; a release NATO wrote in the other language, whose translation
 * on the question's side says the question otherwise (« bureau » rendered "dispatch"), ranks low on that side and
 * high once both are read. Looking further down the first side lets the merged ranking choose (the other side is
 * then searched for these candidates only, so the cost stays that of one search per side).
 */
const CANDIDATES_PER_RELEASE = 4;

/**
 * The best releases whose unmatched sentences a retrieval carries (`Retrieval.unmatched`), best first: as many as a
 * model may read whole (model-reading.ts `wholeReleases`); the focus rules read the first three at most.
 */
const UNMATCHED_RELEASES = WHOLE_RELEASES;

/** From a question to ranked passages of stored releases: translation for the other language, phrases, dates. */
export class Retriever {
  private readonly logger: Logger;

  constructor(
    private readonly deps: {
      indexer: QaIndexer;
      store: ReleaseStore;
      /** Offline MT of the question, so an English question finds a French-only release. */
      translator?: Translator | undefined;
      /** Glossary and bilingual dictionary: other spellings of the question's words (see expansion.ts). */
      trust?: TrustTools | undefined;
      logger?: Logger | undefined;
    },
  ) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** true when the store holds nothing to search. */
  isEmpty(): boolean {
    return this.deps.indexer.index.documentCount === 0;
  }

  /** The words of a text that count for search, as written. */
  contentWords(text: string): string[] {
    return this.deps.indexer.index.contentWords(text);
  }

  /** Stored releases published in the range, newest first (a search made of date words only). */
  async inRange(range: DateRange, limit: number): Promise<Release[]> {
    return (await this.deps.store.listReleases({ since: range.from, limit: limit * 5 }))
      .filter((r) => releaseDate(r) <= range.to)
      .slice(0, limit);
  }

  /** Passages of these releases a reader of `lang` should see, best first for the query. */
  async rankPassages(
    query: IndexQuery,
    releases: Release[],
    lang: Lang,
    weights?: ReadonlyMap<string, number>,
  ): Promise<PassageMatch[]> {
    return this.rankLoaded(query, releases, await this.passagesOf(releases), lang, weights);
  }

  /** Every passage of each release (its text, brief and stored translations), read from the store once. */
  private async passagesOf(releases: Release[], reads = newReads()): Promise<Map<string, Passage[]>> {
    const passages = await Promise.all(
      releases.map((r) =>
        once(reads.passages, `${r.id}\u0000${r.contentHash}`, async () =>
          releasePassages(r, await this.deps.indexer.extras(r)),
        ),
      ),
    );
    return new Map(releases.map((r, i) => [r.id, passages[i]!]));
  }

  private rankLoaded(
    query: IndexQuery,
    releases: Release[],
    all: ReadonlyMap<string, Passage[]>,
    lang: Lang,
    weights?: ReadonlyMap<string, number>,
    memo?: SearchMemo,
  ): PassageMatch[] {
    const passages: Passage[] = releases.flatMap((r) => candidates(r, all.get(r.id) ?? [], lang));
    const phrases = phrasesOf(query);
    const ranked = this.deps.indexer.index
      .rankPassages({ ...query, limit: passages.length }, passages, weights, memo)
      .filter((p) => phrases.length === 0 || containsPhrases(`${p.passage.title}\n${p.passage.text}`, phrases));
    return asTranslated(ranked, passages, lang);
  }

  /**
   * The question as the index reads it. Every release is indexed in both languages (NATO's counterpart or the
   * offline translation stored with it), so the question is searched as asked; its machine translation is only
   * added (`translate`) to reach releases whose translation is still pending.
   */
  async query(request: RetrievalRequest, translate = false): Promise<IndexQuery> {
    const phrases = quotedPhrases(request.text);
    const required = phrases.flatMap((p) => this.deps.indexer.index.contentWords(p));
    const texts = [request.text];
    const translated = translate ? await this.translate(request.text, request.lang) : undefined;
    if (translated) texts.push(translated);
    const alternatives = expandQuestion(
      request.text,
      request.lang,
      this.deps.trust,
      (t) => this.contentWords(t),
      (w) => this.deps.indexer.index.knows(w),
    );
    return {
      texts,
      alternatives,
      context: request.context,
      required,
      phrases,
      range: request.range,
      favour: request.favour,
    };
  }

  /**
   * Whether to search with the question's machine translation too: nothing relevant was found as asked (`found`
   * false), a translator is on, and some release is not yet indexed in both languages. Apertium starts only then,
   * never while the stored translations cover every release.
   */
  async needsTranslation(found: boolean): Promise<boolean> {
    if (found || !this.deps.translator) return false;
    return this.deps.indexer.hasUntranslated();
  }

  /** Releases that match, best first, checked against the store (a stale entry is refreshed and skipped). */
  async searchReleases(
    query: IndexQuery,
    limit: number,
    reads = newReads(),
  ): Promise<{ matches: ReleaseMatch[]; releases: Map<string, Release> }> {
    await this.deps.indexer.whenReady(query.sides ?? LANGS);
    const phrases = phrasesOf(query);
    const releases = new Map<string, Release>();
    const matches: ReleaseMatch[] = [];
    const index = this.deps.indexer.index;
    reads.search ??= index.newSearchMemo();
    for (const match of index.searchReleases({ ...query, limit: limit * CANDIDATES_PER_RELEASE }, reads.search)) {
      if (matches.length >= limit) break;
      const release = await once(reads.releases, match.releaseId, () => this.deps.store.getRelease(match.releaseId));
      if (!release || release.contentHash !== match.contentHash) {
        this.logger.warn("search index entry was stale; refreshing it", { releaseId: match.releaseId });
        await this.deps.indexer.refresh(match.releaseId);
        continue;
      }
      if (phrases.length > 0 && !containsPhrases(releaseText(release), phrases)) continue;
      releases.set(release.id, release);
      matches.push(match);
    }
    return { matches, releases };
  }

  /**
   * The question on its own language's side of the index first (every release is there once translated); when
   * nothing relevant is found there, on both sides. While some release is still untranslated (and a translator is
   * on), both sides at once and the question's machine translation too, so that release is not missed.
   */
  async retrieve(request: RetrievalRequest): Promise<Retrieval> {
    if (await this.needsTranslation(false)) return this.retrieveWith(await this.query(request, true), request);
    const query = await this.query(request);
    // The second round reads again most releases the first one read: from the store once.
    const reads = newReads();
    const own = await this.retrieveWith({ ...query, sides: [request.lang] }, request, reads);
    if (own.passages.some(isRelevant)) return own;
    return this.retrieveWith(this.withSpellings(query, request.text), request, reads);
  }

  /**
   * A word no release has may be a typo ("batimnet"): the index's words one edit away stand in for it. Only when the
   * question as asked found nothing relevant (looking them up costs a stemming per candidate).
   */
  private withSpellings(query: IndexQuery, text: string): IndexQuery {
    const alternatives: Record<string, readonly string[]> = { ...query.alternatives };
    let found = false;
    for (const word of this.contentWords(text)) {
      const spellings = this.deps.indexer.index.spellings(word);
      if (spellings.length === 0) continue;
      alternatives[word] = [...(alternatives[word] ?? []), ...spellings];
      found = true;
    }
    return found ? { ...query, alternatives } : query;
  }

  private async retrieveWith(query: IndexQuery, request: RetrievalRequest, reads = newReads()): Promise<Retrieval> {
    const { matches, releases } = await this.searchReleases(query, request.releases ?? 5, reads);
    const top = matches[0]?.score ?? 1;
    const weights = new Map(matches.map((m) => [m.releaseId, m.score / top]));
    const found = [...releases.values()];
    const all = await this.passagesOf(found, reads);
    const passages = this.rankLoaded(query, found, all, request.lang, weights, reads.search);
    const unmatched = matches.slice(0, UNMATCHED_RELEASES).flatMap((m) => {
      const release = releases.get(m.releaseId);
      return release ? unmatchedSentences(release, all.get(release.id) ?? [], passages, request.lang) : [];
    });
    const texts = new Map<string, string>();
    for (const [id, list] of all) texts.set(id, [...new Set(list.flatMap((p) => [p.title, p.text]))].join("\n"));
    return { query, matches, releases, passages, weights, unmatched, texts };
  }

  private async translate(text: string, from: Lang): Promise<string | undefined> {
    const translator = this.deps.translator;
    if (!translator) return undefined;
    const to = otherLang(from);
    try {
      const status = await translator.status(from, to);
      if (!status.available) return undefined;
      const [out] = await translator.translate([text], from, to);
      return out?.trim() || undefined;
    } catch (err) {
      this.logger.warn("could not translate the question for retrieval", { error: err });
      return undefined;
    }
  }
}

/**
 * What one retrieval has read from the store, by release (and content, for passages), and searched and analysed in
 * the index: its rounds read, search and analyse once what they share.
 */
export interface Reads {
  releases: Map<string, Promise<Release | undefined>>;
  passages: Map<string, Promise<Passage[]>>;
  search?: SearchMemo;
}

export const newReads = (): Reads => ({ releases: new Map(), passages: new Map() });

function once<T>(memo: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let value = memo.get(key);
  if (!value) {
    value = read();
    memo.set(key, value);
  }
  return value;
}

function phrasesOf(query: IndexQuery): string[] {
  return query.phrases ?? [];
}
