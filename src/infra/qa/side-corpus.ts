import type MiniSearch from "minisearch";
import type { BoundedMemo } from "../../core/text/bounded-memo.js";
import type { Corpus } from "./bm25-query.js";
import { internalsOf } from "./minisearch-internals.js";

/**
 * The terms within some edits of a term, by distance and term, as the radix tree gave them: a retrieval's rounds
 * look the same typo up on each side and again on the other (each walk of the tree costs about a millisecond for a
 * long word). The owner forgets them whenever a term may have been added (a document added, the side cleared or
 * restored); a term a search cleaned out since only has no postings left to score.
 */
export type FuzzyNeighbours = BoundedMemo<readonly (readonly [string, number])[]>;

/**
 * A side's MiniSearch index read in place by the evaluator of bm25-query.ts, as MiniSearch's own search reads it:
 * the same postings in the same order, a discarded document's posting dropped when met (and no longer counted in
 * the term's document frequency from there on), fuzzy neighbours from its radix tree. Undefined when the engine is
 * not laid out as version 7 is (the side then searches through MiniSearch's public search).
 */
export function sideCorpus(
  mini: MiniSearch,
  boost?: (term: string, stored: Record<string, unknown> | undefined) => number,
  neighbours?: FuzzyNeighbours,
): (Corpus & { stored(doc: number): Record<string, unknown> | undefined; id(doc: number): unknown }) | undefined {
  const internals = internalsOf(mini);
  if (!internals) return undefined;
  return {
    documentCount: internals._documentCount,
    average: (fieldId) => internals._avgFieldLength[fieldId]!,
    postings(term, fieldId, visit) {
      const frequencies = internals._index.get(term)?.get(fieldId);
      if (!frequencies) return;
      let df = frequencies.size;
      for (const [doc, tf] of frequencies) {
        if (!internals._documentIds.has(doc)) {
          internals.removeTerm.call(mini, fieldId, doc, term);
          df -= 1;
          continue;
        }
        visit(doc, tf, internals._fieldLength.get(doc)![fieldId]!, df);
      }
    },
    fuzzy(term, distance) {
      const find = () => [...internals._index.fuzzyGet(term, distance)].map(([t, [, away]]) => [t, away] as const);
      return neighbours ? neighbours.get(`${distance}\u0000${term}`, find) : find();
    },
    boost: boost ? (doc, term) => boost(term, internals._storedFields.get(doc)) : () => 1,
    stored: (doc) => internals._storedFields.get(doc),
    id: (doc) => internals._documentIds.get(doc),
  };
}
