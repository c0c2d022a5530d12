import type { SearchOptions } from "minisearch";
import { LANGS } from "../../core/domain/language.js";
import { queryTerms, tokenize } from "./analyzer.js";
import { FIELDS, fieldName } from "./query-plan.js";

/** The fields of every index document, in MiniSearch's field order (the evaluator of bm25-query.ts reads fields by these ids too). */
export const INDEX_FIELDS = FIELDS.flatMap((f) => LANGS.map((l) => fieldName(f, l)));

/**
 * How questions are read: MiniSearch's own defaults (OR, no prefix, fuzzy up to 6 edits, BM25+ k 1.2, b 0.7, d 0.5),
 * then ours. Written out whole so the passage scorer reads a question exactly as the index does.
 */
export const SEARCH_DEFAULTS = {
  combineWith: "or",
  prefix: false,
  maxFuzzy: 6,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  tokenize: (text: string) => tokenize(text),
  processTerm: (word: string) => queryTerms(word),
  fuzzy: false,
  weights: { fuzzy: 0.3, prefix: 0.5 },
} satisfies SearchOptions;
