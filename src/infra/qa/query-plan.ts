import type { Query, SearchOptions } from "minisearch";
import { LANGS } from "../../core/domain/language.js";
import type { IndexQuery } from "../../core/qa/search-index.port.js";
import { coverageWords, focusedQueryTerms, queryTerms, tokenize } from "./analyzer.js";

export type Field = "title" | "brief" | "body";
export const FIELDS: Field[] = ["title", "brief", "body"];
export const fieldName = (field: Field, lang: string) => `${field}_${lang}`;

/** Earlier questions of a conversation count, but less than the question asked now. */
const CONTEXT_WEIGHT = 0.35;
/** Names and acronyms of the question ("Suède", "NSPA") say more than its other words. */
const NAME_BOOST = 2;

type Words = ReturnType<typeof coverageWords>;

/** How one search reads its question: the terms it looks up and the words a match is judged on. */
export interface QueryPlan {
  query: Query;
  /** One list per text the question was judged on (asked, translated; or the earlier ones for a bare follow-up). */
  judged: Words[];
  /**
   * On a large index, the index terms a search must not score although the plan never asked for them: a specific
   * word's fuzzy neighbours that are common words of the side ("ministres" one edit from "ministers" on the English
   * side), which would cost a pass over thousands of documents for a word the plan left out as asked.
   */
  skipsDerived?: (term: string) => boolean;
}

/** What the index knows of its terms, for a plan that stays cheap on a large index. */
export interface TermStats {
  /** The index is large enough for the pruning below to be worth it. */
  large: boolean;
  /** The term is in so many documents that looking it up costs more than it tells. */
  isCommon: (term: string) => boolean;
  /** Documents carrying a term. */
  frequency: (term: string) => number;
}

export const SMALL_INDEX: TermStats = { large: false, isCommon: () => false, frequency: () => 0 };

/**
 * On a large index a question's common words are left out of the lookup and of the judgement when it has specific
 * ones. A question with nothing specific ("what about defence?", "NATO") looks up its rarest word in titles only:
 * one short posting list, and the releases that are about that word rather than all that mention it.
 */
export function planQuery(
  query: IndexQuery,
  weights: Record<Field, number>,
  stats: TermStats = SMALL_INDEX,
): QueryPlan {
  const titles = LANGS.map((l) => fieldName("title", l));
  const alternatives = query.alternatives ?? {};
  // A word matched through one of its other spellings is matched: its terms include theirs.
  const widen = (words: Words): Words =>
    words.map((w) => {
      const extra = (alternatives[w.word] ?? []).flatMap((a) => tokenize(a).flatMap((t) => queryTerms(t)));
      return extra.length > 0 ? { ...w, terms: [...new Set([...w.terms, ...extra])] } : w;
    });
  const prune = (text: string) => {
    const words = widen(coverageWords(text));
    const focused = focusedQueryTerms(text);
    if (!stats.large) return { words, processTerm: focused };
    // A word is specific when the side has it and not everywhere; a term the side lacks (the other language's stem
    // of "production") does not make a common word specific, but a word none of whose terms it has (a typo, a name
    // of no release) is kept, for its fuzzy neighbours and for the judgement.
    const present = (t: string) => stats.frequency(t) > 0;
    const specific = words.filter(
      (w) => w.terms.some((t) => present(t) && !stats.isCommon(t)) || !w.terms.some(present),
    );
    if (specific.length > 0) {
      return { words: specific, processTerm: (word: string) => focused(word).filter((t) => !stats.isCommon(t)) };
    }
    const rarest = rarestOf(words, stats.frequency);
    const processTerm = rarest ? (word: string) => (word === rarest.word ? focused(word) : []) : focused;
    return { words: rarest ? [rarest] : [], processTerm, fields: titles };
  };
  const asked = query.texts.map(prune);
  const context = (query.context ?? []).map(prune);
  const names = new Set(asked.flatMap((a) => a.words.flatMap((w) => (w.name ? w.terms : []))));
  const boostTerm = names.size > 0 ? (term: string) => (names.has(term) ? NAME_BOOST : 1) : undefined;

  const any: Query = {
    combineWith: "OR",
    queries: [
      ...query.texts.map((text, i) => ({
        queries: [text],
        boost: boosts(weights),
        boostTerm,
        processTerm: asked[i]!.processTerm,
        ...(asked[i]!.fields ? { fields: asked[i]!.fields } : {}),
      })),
      ...alternativeQueries(alternatives, weights, stats),
      ...(query.context ?? []).map((text, i) => ({
        queries: [text],
        boost: boosts(weights, CONTEXT_WEIGHT),
        processTerm: context[i]!.processTerm,
        ...(context[i]!.fields ? { fields: context[i]!.fields } : {}),
      })),
    ],
  };
  const primary = asked.map((a) => a.words).filter((w) => w.length > 0);
  const judged = primary.length > 0 ? primary : context.map((c) => c.words).filter((w) => w.length > 0);
  const required = (query.required ?? []).filter((w) => queryTerms(w).length > 0);
  // Only where every search of the plan left the common words out (a plan on a question's rarest common word looks
  // that word up on purpose), and never a required word's own terms (a quoted phrase is looked up as written).
  const asIs = new Set(required.flatMap((w) => queryTerms(w)));
  const pruned = stats.large && [...asked, ...context].every((a) => !a.fields);
  const skipsDerived = pruned ? (term: string) => stats.isCommon(term) && !asIs.has(term) : undefined;

  if (required.length === 0) return { query: any, judged, ...(skipsDerived ? { skipsDerived } : {}) };
  // Each required word on its own OR'ed sub-query: its English and French stems are alternatives, not both needed.
  const all: Query = {
    combineWith: "AND",
    queries: required.map((w) => ({ combineWith: "OR", queries: [w], boost: boosts(weights) })),
  };
  return { query: { combineWith: "AND", queries: [any, all] }, judged, ...(skipsDerived ? { skipsDerived } : {}) };
}

/** Other spellings of the question's words weigh less than the words as asked. */
const ALTERNATIVE_WEIGHT = 0.5;

function alternativeQueries(
  alternatives: Readonly<Record<string, readonly string[]>>,
  weights: Record<Field, number>,
  stats: TermStats,
): Query[] {
  const text = Object.values(alternatives).flat().join(" ");
  if (!text) return [];
  const focused = focusedQueryTerms(text);
  const processTerm = stats.large ? (word: string) => focused(word).filter((t) => !stats.isCommon(t)) : focused;
  return [{ queries: [text], boost: boosts(weights, ALTERNATIVE_WEIGHT), processTerm }];
}

/** Without earlier questions, unless the question has no content word of its own ("combien ?"). */
export function withoutContextUnlessBare(query: IndexQuery): IndexQuery {
  const ownWords = query.texts.some((t) => coverageWords(t).length > 0);
  return ownWords ? { ...query, context: undefined } : query;
}

function boosts(weights: Record<Field, number>, scale = 1): SearchOptions["boost"] {
  return Object.fromEntries(FIELDS.flatMap((f) => LANGS.map((l) => [fieldName(f, l), weights[f] * scale])));
}

/** Share of the judged words matched, on the text that matches best; and whether a name is among them. */
export function coverage(
  judged: Words[],
  matchedTerms: ReadonlySet<string>,
): { share: number; matched: number; matchedName: boolean } {
  let best = { share: 0, matched: 0, matchedName: false };
  for (const words of judged) {
    const hits = words.filter((w) => w.terms.some((t) => matchedTerms.has(t)));
    const share = hits.length / words.length;
    if (share > best.share || (share === best.share && hits.length > best.matched)) {
      best = { share, matched: hits.length, matchedName: hits.some((w) => w.name) };
    }
  }
  return best;
}

function rarestOf(words: Words, frequency: (term: string) => number): Words[number] | undefined {
  let best: Words[number] | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const w of words) {
    const r = Math.min(...w.terms.map(frequency));
    if (r < bestRank) {
      best = w;
      bestRank = r;
    }
  }
  return best;
}
