import type { Query, SearchOptions } from "minisearch";
import { indexTerms, tokenize } from "./analyzer.js";
import { INDEX_FIELDS, SEARCH_DEFAULTS } from "./index-side.js";

/**
 * Scores a question's candidate passages exactly as MiniSearch 7 scores them in an index made of those passages
 * alone (BM25+ per field, the same analysis, boosts, fuzzy matching and query tree), without building that index
 * for every question: building it (tokens, stems, a radix tree of every word) was most of a retrieval's time, and
 * the same sentences come back question after question. Each passage field is analysed once (memoised, bounded);
 * a question then reads, for each of its terms, the passages that carry it.
 *
 * What it must agree with MiniSearch on (tests/unit/passage-scorer.test.ts compares both on the same passages and
 * queries): a field's length is its number of distinct words as tokenized, before stop words and stems; the average
 * length of a field is MiniSearch's running mean (a document without the field still counts in the divisor of the
 * next one's update); a term's document frequency is per field; the query tree's options are inherited the way
 * MiniSearch merges them; a result's score is multiplied by the number of the query's terms it matched.
 */

/** One document: its id and its fields' text by field name (title_en, body_fr…). */
export interface ScoredDocument {
  id: string;
  fields: Readonly<Record<string, string>>;
}

export interface PassageSearchOptions {
  fuzzy?: SearchOptions["fuzzy"];
  boostDocument?: (id: string) => number;
}

export interface PassageScore {
  id: string;
  score: number;
  /** The question's terms the document matched (exactly or through a fuzzy neighbour). */
  queryTerms: string[];
}

/** A field as the index reads it: its length and how often each of its terms occurs. */
interface Analysed {
  length: number;
  counts: Map<string, number>;
}

const FIELD_IDS = new Map(INDEX_FIELDS.map((f, i) => [f, i]));

// Sentences recur across questions (a release's best passages are asked about again and again): memoised, bounded.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, Analysed>();

function analyse(text: string, field: string): Analysed {
  const key = `${field}\u0000${text}`;
  const known = memo.get(key);
  if (known) return known;
  const tokens = tokenize(text);
  const lang = field.endsWith("_fr") ? "fr" : "en";
  const counts = new Map<string, number>();
  for (const token of tokens) for (const term of indexTerms(token, lang)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const out = { length: new Set(tokens).size, counts };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, out);
  return out;
}

interface Hit {
  score: number;
  terms: string[];
}
type Hits = Map<number, Hit>;

/** Options a node of the query tree carries down to its leaves (MiniSearch's SearchOptions, as far as plans use them). */
type Options = SearchOptions & { queries?: undefined };

/** The passages of one question, analysed, with the per-field statistics BM25 needs. */
class Collection {
  readonly fields: (Analysed | undefined)[][];
  readonly average: number[] = [];
  private vocabulary: string[] | undefined;
  private readonly boosts = new Map<number, number>();

  constructor(
    readonly documents: readonly ScoredDocument[],
    private readonly boostDocument: ((id: string) => number) | undefined,
  ) {
    this.fields = documents.map((d, i) =>
      INDEX_FIELDS.map((field, fieldId) => {
        const text = d.fields[field];
        if (text == null) return undefined;
        const analysed = analyse(text, field);
        // MiniSearch's running mean: the n-th document (with or without this field before it) updates it so.
        this.average[fieldId] = ((this.average[fieldId] ?? 0) * i + analysed.length) / (i + 1);
        return analysed;
      }),
    );
  }

  boost(doc: number): number {
    if (!this.boostDocument) return 1;
    let b = this.boosts.get(doc);
    if (b === undefined) {
      b = this.boostDocument(this.documents[doc]!.id);
      this.boosts.set(doc, b);
    }
    return b;
  }

  /** Every term of the passages, in the order the passages first use them. */
  terms(): string[] {
    if (!this.vocabulary) {
      const seen = new Set<string>();
      for (const doc of this.fields) for (const f of doc) if (f) for (const t of f.counts.keys()) seen.add(t);
      this.vocabulary = [...seen];
    }
    return this.vocabulary;
  }
}

export function scorePassages(
  query: Query,
  documents: readonly ScoredDocument[],
  options: PassageSearchOptions = {},
): PassageScore[] {
  const collection = new Collection(documents, options.boostDocument);
  const hits = evaluate(collection, query, options as Options);
  const out: PassageScore[] = [];
  for (const [doc, hit] of hits) {
    out.push({ id: documents[doc]!.id, score: hit.score * (hit.terms.length || 1), queryTerms: hit.terms });
  }
  // Stable, as MiniSearch's: equal scores keep the order the documents were first matched in.
  return out.sort((a, b) => b.score - a.score);
}

function evaluate(c: Collection, query: Query, inherited: Options): Hits {
  if (typeof query !== "string") {
    if (typeof query === "object" && query !== null && "queries" in query) {
      const options: Options = { ...inherited, ...query, queries: undefined };
      return combine(
        query.queries.map((q) => evaluate(c, q, options)),
        options.combineWith,
      );
    }
    throw new Error("passage scorer: unsupported query (only strings and { queries } trees)");
  }
  const options = { ...SEARCH_DEFAULTS, ...inherited };
  const tokens = (options.tokenize ?? tokenize)(query);
  const terms = tokens.flatMap((t) => toArray(options.processTerm!(t))).filter((t): t is string => !!t);
  return combine(
    terms.map((term, i) => evaluateTerm(c, term, i, terms, options)),
    options.combineWith,
  );
}

function toArray(x: string | string[] | null | undefined | false): (string | null | undefined | false)[] {
  return Array.isArray(x) ? x : [x];
}

function evaluateTerm(c: Collection, term: string, i: number, all: string[], options: Options): Hits {
  const asked = typeof options.fuzzy === "function" ? options.fuzzy(term, i, all) : (options.fuzzy ?? false);
  const fuzzy = asked === true ? 0.2 : asked;
  if (options.prefix) throw new Error("passage scorer: prefix search is not supported");
  const termBoost = typeof options.boostTerm === "function" ? options.boostTerm(term, i, all) : 1;
  const fields = options.fields ?? INDEX_FIELDS;
  const boosts = fields.map((f) => [FIELD_IDS.get(f), options.boost?.[f] || 1] as const);
  const bm25 = { ...SEARCH_DEFAULTS.bm25, ...options.bm25 };
  const weights = { ...SEARCH_DEFAULTS.weights, ...options.weights };
  const hits: Hits = new Map();
  const score = (derived: string, weight: number) => {
    for (const [fieldId, fieldBoost] of boosts) {
      if (fieldId === undefined) continue;
      const carrying: number[] = [];
      for (let d = 0; d < c.fields.length; d++) if (c.fields[d]![fieldId]?.counts.has(derived)) carrying.push(d);
      if (carrying.length === 0) continue;
      const idf = Math.log(1 + (c.documents.length - carrying.length + 0.5) / (carrying.length + 0.5));
      for (const d of carrying) {
        const docBoost = c.boost(d);
        if (!docBoost) continue;
        const field = c.fields[d]![fieldId]!;
        const tf = field.counts.get(derived)!;
        const raw =
          idf *
          (bm25.d + (tf * (bm25.k + 1)) / (tf + bm25.k * (1 - bm25.b + (bm25.b * field.length) / c.average[fieldId]!)));
        const weighted = weight * termBoost * fieldBoost * docBoost * raw;
        const hit = hits.get(d);
        if (hit) {
          hit.score += weighted;
          if (!hit.terms.includes(term)) hit.terms.push(term);
        } else hits.set(d, { score: weighted, terms: [term] });
      }
    }
  };
  score(term, 1);
  if (fuzzy) {
    const maxFuzzy = options.maxFuzzy ?? SEARCH_DEFAULTS.maxFuzzy;
    const distance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy;
    if (distance) {
      for (const other of c.terms()) {
        if (other === term) continue;
        const d = editDistance(term, other, distance);
        if (d <= distance) score(other, (weights.fuzzy * other.length) / (other.length + d));
      }
    }
  }
  return hits;
}

/** MiniSearch's combinations of sub-results; the first one is the accumulator, as there. */
function combine(results: Hits[], combineWith: string | undefined): Hits {
  if (results.length === 0) return new Map();
  const operator = (combineWith ?? "or").toLowerCase();
  if (operator !== "or" && operator !== "and")
    throw new Error(`passage scorer: unsupported combination ${combineWith}`);
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

/** Levenshtein distance of two terms, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
