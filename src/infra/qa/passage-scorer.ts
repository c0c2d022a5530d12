import type { Query, SearchOptions } from "minisearch";
import { indexTerms, tokenize } from "./analyzer.js";
import { type Corpus, evaluate, ranked } from "./bm25-query.js";
import { INDEX_FIELDS } from "./search-options.js";

/**
 * Scores a question's candidate passages exactly as MiniSearch 7 scores them in an index made of those passages
 * alone (bm25-query.ts), without building that index for every question: building it (tokens, stems, a radix tree
 * of every word) was most of a retrieval's time. Each passage field is analysed once per retrieval (PassageAnalyses).
 *
 * What it must agree with MiniSearch on (tests/unit/passage-scorer.test.ts compares both on the same passages and
 * queries): a field's length is its number of distinct words as tokenized, before stop words and stems; the average
 * length of a field is MiniSearch's running mean (a document without the field still counts in the divisor of the
 * next one's update); a term's document frequency is per field; fuzzy neighbours are the passages' terms within the
 * allowed edits.
 */

/** One document: its id and its fields' text by field name (title_en, body_fr…). */
export interface ScoredDocument {
  id: string;
  fields: Readonly<Record<string, string>>;
}

export interface PassageSearchOptions {
  fuzzy?: SearchOptions["fuzzy"];
  boostDocument?: (id: string) => number;
  /** What this retrieval has analysed already (see PassageAnalyses); a new one when not given. */
  analyses?: PassageAnalyses;
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

/**
 * The passage fields one retrieval has analysed, by language and text: its second round (both sides, when the
 * question's own side found nothing relevant) reads again most of the sentences its first one read, and a
 * release's title comes with every one of its passages. It lives as long as the retrieval: kept across questions,
 * analyses outlived the young generation and cost the garbage collector more than they saved (at 10,000 releases a
 * question's five releases are mostly not the last question's).
 */
export class PassageAnalyses {
  private readonly byLang = { en: new Map<string, Analysed>(), fr: new Map<string, Analysed>() };

  /** The field's analysis, made the first time this text is read in this language. */
  of(text: string, field: string): Analysed {
    const lang = field.endsWith("_fr") ? "fr" : "en";
    const known = this.byLang[lang].get(text);
    if (known) return known;
    const analysed = analyse(text, lang);
    this.byLang[lang].set(text, analysed);
    return analysed;
  }

  /** Texts analysed so far. */
  get size(): number {
    return this.byLang.en.size + this.byLang.fr.size;
  }
}

function analyse(text: string, lang: "en" | "fr"): Analysed {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (const token of tokens) for (const term of indexTerms(token, lang)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { length: new Set(tokens).size, counts };
}

/** The passages of one question, analysed, with the per-field statistics BM25 needs. */
class PassageCorpus implements Corpus {
  private readonly fields: (Analysed | undefined)[][];
  private readonly averages: number[] = [];
  private postingLists: Map<string, number[][]> | undefined;
  private readonly boosts = new Map<number, number>();

  constructor(
    private readonly documents: readonly ScoredDocument[],
    private readonly boostDocument: ((id: string) => number) | undefined,
    analyses: PassageAnalyses,
  ) {
    this.fields = documents.map((d, i) =>
      INDEX_FIELDS.map((field, fieldId) => {
        const text = d.fields[field];
        if (text == null) return undefined;
        const analysed = analyses.of(text, field);
        // MiniSearch's running mean: the n-th document (with or without this field before it) updates it so.
        this.averages[fieldId] = ((this.averages[fieldId] ?? 0) * i + analysed.length) / (i + 1);
        return analysed;
      }),
    );
  }

  get documentCount(): number {
    return this.documents.length;
  }

  average(fieldId: number): number {
    return this.averages[fieldId] ?? 0;
  }

  postings(term: string, fieldId: number, visit: (doc: number, tf: number, length: number, df: number) => void): void {
    const carrying = this.inverted().get(term)?.[fieldId];
    if (!carrying) return;
    for (const d of carrying) {
      const field = this.fields[d]![fieldId]!;
      visit(d, field.counts.get(term)!, field.length, carrying.length);
    }
  }

  /** Per term, per field, the passages that carry it in document order (built on the first lookup). */
  private inverted(): Map<string, number[][]> {
    if (!this.postingLists) {
      const lists = new Map<string, number[][]>();
      for (const [d, doc] of this.fields.entries()) {
        for (const [fieldId, f] of doc.entries()) {
          if (!f) continue;
          for (const t of f.counts.keys()) {
            let perField = lists.get(t);
            if (!perField) {
              perField = [];
              lists.set(t, perField);
            }
            const docs = perField[fieldId];
            if (docs) docs.push(d);
            else perField[fieldId] = [d];
          }
        }
      }
      this.postingLists = lists;
    }
    return this.postingLists;
  }

  *fuzzy(term: string, distance: number): Iterable<readonly [string, number]> {
    for (const other of this.terms()) {
      const away = other === term ? 0 : editDistance(term, other, distance);
      if (away <= distance) yield [other, away] as const;
    }
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

  /** Every term of the passages, in the order the passages first use them (the inverted lists' order). */
  private terms(): Iterable<string> {
    return this.inverted().keys();
  }
}

export function scorePassages(
  query: Query,
  documents: readonly ScoredDocument[],
  options: PassageSearchOptions = {},
): PassageScore[] {
  const corpus = new PassageCorpus(documents, options.boostDocument, options.analyses ?? new PassageAnalyses());
  const search: SearchOptions = options.fuzzy === undefined ? {} : { fuzzy: options.fuzzy };
  return ranked(evaluate(corpus, query, search), (doc, score, queryTerms) => ({
    id: documents[doc]!.id,
    score,
    queryTerms,
  }));
}

/** Levenshtein distance of two terms, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  if (rows.length < 2 * width) rows = new Int32Array(2 * width);
  let previous = 0;
  let current = width;
  for (let j = 0; j < width; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const value = Math.min(
        rows[previous + j]! + 1,
        rows[current + j - 1]! + 1,
        rows[previous + j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1),
      );
      rows[current + j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(rows[previous + b.length]!, limit + 1);
}

/** The two rows of editDistance's table, reused from one call to the next. */
let rows = new Int32Array(64);
