import type { Lang } from "../domain/language.js";
import type { DateRange, Passage } from "./qa-types.js";

/** What the index holds for one language of one release: its title, its brief and its body, as fields. */
export interface IndexDocument {
  /** `${releaseId}:${lang}` */
  id: string;
  releaseId: string;
  lang: Lang;
  /** Publication date, or the day it was stored when the release carries none (YYYY-MM-DD). */
  date: string;
  contentHash: string;
  title: string;
  brief: string;
  body: string;
}

export interface IndexQuery {
  /** The question as asked and, when a translator is available, translated: a match on any counts. */
  texts: string[];
  /**
   * Other spellings of the question's words (by word as written): glossary forms, dictionary equivalents in the
   * other language, field synonyms. Searched with less weight; a word matched through one counts as matched.
   */
  alternatives?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Earlier questions of the conversation: searched with less weight, for follow-ups ("and in 2023?"). */
  context?: string[] | undefined;
  /** Words of quoted phrases: every one must match. */
  required?: string[] | undefined;
  /** The quoted phrases themselves: the index ignores them, the retriever checks them on the stored text. */
  phrases?: string[] | undefined;
  range?: DateRange | undefined;
  /** Releases the conversation already cited: favoured for follow-ups. */
  favour?: ReadonlySet<string> | undefined;
  limit?: number | undefined;
  /**
   * The index's sides (documents in that language) to search; all when not given. Every release is indexed in
   * both languages once translated, so a question is searched on its own language's side first.
   */
  sides?: readonly Lang[] | undefined;
}

export interface ReleaseMatch {
  releaseId: string;
  contentHash: string;
  score: number;
  /** Share (0–1) of the question's content words this release matches; 0 when the question has none. */
  coverage: number;
}

export interface PassageMatch {
  passage: Passage;
  score: number;
  coverage: number;
  /** Content words of the question this passage (with its title) matches. */
  matched: number;
  /** Whether a proper name or acronym of the question ("Finlande", "NSPA") is among them. */
  matchedName: boolean;
}

/** What one retrieval's searches share (opaque to the core: the index keeps what it needs there). */
export interface SearchMemo {
  readonly kind: "search-memo";
}

/**
 * Full-text search over the stored releases, their official counterparts and briefs, in English and French:
 * accents folded, stemmed per language, title > brief > body. Implemented with MiniSearch in src/infra/qa.
 * @see https://lucaong.github.io/minisearch/
 */
export interface SearchIndex {
  /**
   * Adds the documents of one release, replacing what the index held for it (on these sides only, when given).
   * Returns the sides where that changed something: a side holding the same documents already is left as it is.
   */
  replaceRelease(releaseId: string, documents: IndexDocument[], sides?: readonly Lang[]): Lang[];
  removeRelease(releaseId: string): void;
  /** Drops everything and indexes these documents. */
  rebuild(documents: Iterable<IndexDocument>): void;
  readonly documentCount: number;
  /** Documents on one side. */
  sideCount(side: Lang): number;
  /**
   * Best releases first. `memo` (from `newSearchMemo`, for one retrieval only) lets a retrieval's second round reuse
   * what its first searched: the question's own side, searched again with the same plan, is searched once.
   */
  searchReleases(query: IndexQuery, memo?: SearchMemo): ReleaseMatch[];
  /**
   * A memo for the searches and passage rankings of one retrieval (see `searchReleases`, `rankPassages`): it holds
   * what the index was at that moment.
   */
  newSearchMemo(): SearchMemo;
  /**
   * Ranks passages of already retrieved releases with the same analysis (a small throw-away index). `weights`
   * (0–1 by release id) carries the release ranking over, so a sentence of the best release wins a tie. `memo` (the
   * retrieval's, see `newSearchMemo`) lets its second round reuse what its first analysed of the same passages.
   */
  rankPassages(
    query: IndexQuery,
    passages: Passage[],
    weights?: ReadonlyMap<string, number>,
    memo?: SearchMemo,
  ): PassageMatch[];
  /**
   * What a question's word may be a typo of: when the index knows no term of the word (and it is long enough), the
   * spellings one edit away that it does know, most common first ("batimnet" → "batiment"); otherwise none.
   */
  spellings(word: string): string[];
  /**
   * Whether some indexed document (either language's side, of those loaded) has a term of the word: the store's
   * vocabulary, stems aside ("voitures" knows "voiture"). A word search ignores (a stop word) counts as known: it
   * says nothing of what the store lacks.
   */
  knows(word: string): boolean;
  /** The words of `text` that count for search (stop words out), as written, for messages like "search …". */
  contentWords(text: string): string[];
  /**
   * One side of the index (the documents in one language) as a string to save, and the format it is in
   * (analysis and engine versions). Each side is saved and loaded on its own: a question loads its language's.
   * Asynchronous: what replaced or removed documents left in the index is cleaned up first, in slices, so the
   * snapshot ranks as a fresh build of the same documents would.
   */
  snapshot(side: Lang): Promise<{ format: string; data: string }>;
  /** The format `snapshot` writes and `restore` reads. */
  readonly snapshotFormat: string;
  /**
   * Replaces one side with its saved snapshot, without analysing any text again. false (side untouched) when the
   * snapshot is of another format or unreadable: the caller rebuilds.
   */
  restore(side: Lang, format: string, data: string): boolean;
}
