import type { Query, SearchOptions } from "minisearch";
import { tokenize } from "./analyzer.js";
import { INDEX_FIELDS, SEARCH_DEFAULTS } from "./search-options.js";

/**
 * A question's query tree evaluated as MiniSearch 7 evaluates it (BM25+ per field, boosts, fuzzy neighbours, OR and
 * AND), over any corpus that can list a term's postings: the passages of one question (passage-scorer.ts) or a side
 * of the index read in place (side-corpus.ts). MiniSearch's own search builds several objects per posting and a
 * result object per matching document; a question made only of common words matches thousands of documents.
 *
 * Tested equal to MiniSearch (ids, order, scores, matched terms): tests/unit/passage-scorer.test.ts and
 * tests/unit/side-corpus.test.ts.
 */

/** What the evaluator reads of a corpus. Documents are numbers, fields MiniSearch's field ids. */
export interface Corpus {
  readonly documentCount: number;
  /** MiniSearch's running mean length of a field (see passage-scorer.ts). */
  average(fieldId: number): number;
  /**
   * Calls `visit` for each live posting of `term` in a field, in the index's order, with the field's document
   * frequency as MiniSearch counts it at that posting (it stops counting a discarded document once met).
   */
  postings(term: string, fieldId: number, visit: (doc: number, tf: number, length: number, df: number) => void): void;
  /** The corpus's terms within `distance` edits of `term` (itself included, at 0), in MiniSearch's order. */
  fuzzy(term: string, distance: number): Iterable<readonly [string, number]>;
  /** The document's boost for a derived term (0: skipped); 1 when the search has none. */
  boost(doc: number, term: string): number;
}

export interface Hit {
  score: number;
  terms: string[];
}
export type Hits = Map<number, Hit>;

/** Options a node of the query tree carries down to its leaves (MiniSearch's SearchOptions, as plans use them). */
type Options = SearchOptions & { queries?: undefined };

export const FIELD_IDS: ReadonlyMap<string, number> = new Map(INDEX_FIELDS.map((f, i) => [f, i]));

/** The raw results: per document, its summed score and the query's terms it matched (before MiniSearch's quality). */
export function evaluate(corpus: Corpus, query: Query, inherited: SearchOptions): Hits {
  if (typeof query !== "string") {
    if (typeof query === "object" && query !== null && "queries" in query) {
      const options: Options = { ...inherited, ...query, queries: undefined };
      return combine(
        query.queries.map((q) => evaluate(corpus, q, options)),
        options.combineWith,
      );
    }
    throw new Error("bm25 query: unsupported query (only strings and { queries } trees)");
  }
  const options: Options = { ...SEARCH_DEFAULTS, ...inherited };
  const tokens = (options.tokenize ?? tokenize)(query);
  const terms = tokens.flatMap((t) => toArray(options.processTerm!(t))).filter((t): t is string => !!t);
  return combine(
    terms.map((term, i) => evaluateTerm(corpus, term, i, terms, options)),
    options.combineWith,
  );
}

/**
 * The results as MiniSearch's search returns them: each document's score times the number of the query's terms it
 * matched, best first; equal scores keep the order the documents were first matched in (a stable sort). `result`
 * makes each one (undefined: filtered out).
 */
export function ranked<R extends { score: number }>(
  hits: Hits,
  result: (doc: number, score: number, terms: string[]) => R | undefined,
): R[] {
  const out: R[] = [];
  for (const [doc, hit] of hits) {
    const r = result(doc, hit.score * (hit.terms.length || 1), hit.terms);
    if (r) out.push(r);
  }
  return out.sort((a, b) => b.score - a.score);
}

function toArray(x: string | string[] | null | undefined | false): (string | null | undefined | false)[] {
  return Array.isArray(x) ? x : [x];
}

function evaluateTerm(corpus: Corpus, term: string, i: number, all: string[], options: Options): Hits {
  const asked = typeof options.fuzzy === "function" ? options.fuzzy(term, i, all) : (options.fuzzy ?? false);
  const fuzzy = asked === true ? 0.2 : asked;
  if (options.prefix) throw new Error("bm25 query: prefix search is not supported");
  const termBoost = typeof options.boostTerm === "function" ? options.boostTerm(term, i, all) : 1;
  const boosts = (options.fields ?? INDEX_FIELDS).map((f) => [FIELD_IDS.get(f), options.boost?.[f] || 1] as const);
  const { k, b, d } = { ...SEARCH_DEFAULTS.bm25, ...options.bm25 };
  const weights = { ...SEARCH_DEFAULTS.weights, ...options.weights };
  const hits: Hits = new Map();
  const n = corpus.documentCount;
  const score = (derived: string, weight: number) => {
    for (const [fieldId, fieldBoost] of boosts) {
      if (fieldId === undefined) continue;
      const average = corpus.average(fieldId);
      let known = -1;
      let idf = 0;
      corpus.postings(derived, fieldId, (doc, tf, length, df) => {
        const docBoost = corpus.boost(doc, derived);
        if (!docBoost) return;
        if (df !== known) {
          known = df;
          idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average)));
        const weighted = weight * termBoost * fieldBoost * docBoost * raw;
        const hit = hits.get(doc);
        if (hit) {
          hit.score += weighted;
          if (!hit.terms.includes(term)) hit.terms.push(term);
        } else hits.set(doc, { score: weighted, terms: [term] });
      });
    }
  };
  score(term, 1);
  if (fuzzy) {
    const maxFuzzy = options.maxFuzzy ?? SEARCH_DEFAULTS.maxFuzzy;
    const distance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy;
    if (distance) {
      for (const [other, away] of corpus.fuzzy(term, distance)) {
        if (away > 0) score(other, (weights.fuzzy * other.length) / (other.length + away));
      }
    }
  }
  return hits;
}

/** MiniSearch's combinations of sub-results; the first one is the accumulator, as there. */
function combine(results: Hits[], combineWith: string | undefined): Hits {
  if (results.length === 0) return new Map();
  const operator = (combineWith ?? "or").toLowerCase();
  if (operator !== "or" && operator !== "and") throw new Error(`bm25 query: unsupported combination ${combineWith}`);
  return results.reduce((a, b) => {
    if (operator === "or") {
      for (const [doc, hit] of b) {
        const existing = a.get(doc);
        if (!existing) a.set(doc, hit);
        else {
          existing.score += hit.score;
          for (const t of hit.terms) if (!existing.terms.includes(t)) existing.terms.push(t);
        }
      }
      return a;
    }
    const both: Hits = new Map();
    for (const [doc, hit] of b) {
      const existing = a.get(doc);
      if (!existing) continue;
      for (const t of hit.terms) if (!existing.terms.includes(t)) existing.terms.push(t);
      both.set(doc, { score: existing.score + hit.score, terms: existing.terms });
    }
    return both;
  });
}
