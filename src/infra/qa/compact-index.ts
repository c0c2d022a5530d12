import MiniSearch, { type AsPlainObject, type Options } from "minisearch";
import { internalsOf } from "./minisearch-internals.js";
import { decodePostings, encodePostings, LazyPostings, readPostings } from "./posting-lists.js";

/**
 * A side's MiniSearch index as arrays, for its snapshot. MiniSearch's own serialisation keys every posting list by
 * document id ({"17": 2, "18": 1}): at 10,000 releases, parsing those objects and turning them back into maps was
 * most of a CLI question's time. Arrays parse about three times faster and load straight into the engine's maps.
 * Each term's postings are one string (posting-lists.ts), decoded when a search first reads that term: a load
 * parses and builds the documents and the terms, not the million postings a question never reads.
 */
export interface CompactIndex {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  /** Per document, in the same order: MiniSearch's short id, the document id, its field lengths, its stored fields. */
  shortIds: number[];
  ids: string[];
  fieldLengths: number[][];
  /** The values of `storeFields`, in that order; null for a document without any. */
  stored: (unknown[] | null)[];
  /** Per term, in the same order: its postings, field by field (posting-lists.ts `encodePostings`). */
  terms: string[];
  postings: string[];
}

export function compactIndex(mini: MiniSearch, storeFields: readonly string[], direct = true): CompactIndex {
  const internals = direct ? internalsOf(mini) : undefined;
  if (!internals) return compactPlain(mini.toJSON(), storeFields);
  const c = emptyCompact({
    documentCount: internals._documentCount,
    nextId: internals._nextId,
    fieldIds: internals._fieldIds,
    averageFieldLength: internals._avgFieldLength,
    dirtCount: internals._dirtCount,
  });
  fill(c, internals._documentIds, internals._fieldLength, internals._storedFields, internals._index, storeFields);
  return c;
}

/** The same from MiniSearch's public serialisation (another version of the engine). */
function compactPlain(plain: AsPlainObject, storeFields: readonly string[]): CompactIndex {
  const c = emptyCompact({ ...plain, dirtCount: plain.dirtCount ?? 0 });
  const lengths = new Map(numericEntries(plain.fieldLength));
  const stored = new Map(numericEntries(plain.storedFields));
  fill(c, numericEntries(plain.documentIds), lengths, stored, plainIndex(plain.index), storeFields);
  return c;
}

type Scalars = Pick<CompactIndex, "documentCount" | "nextId" | "fieldIds" | "averageFieldLength" | "dirtCount">;

function emptyCompact(s: Scalars): CompactIndex {
  const { documentCount, nextId, fieldIds, averageFieldLength, dirtCount } = s;
  const lists = { shortIds: [], ids: [], fieldLengths: [], stored: [], terms: [], postings: [] };
  return { documentCount, nextId, fieldIds, averageFieldLength, dirtCount, ...lists };
}

function fill(
  c: CompactIndex,
  documents: Iterable<[number, string]>,
  lengths: ReadonlyMap<number, number[]>,
  stored: ReadonlyMap<number, Record<string, unknown> | undefined>,
  index: Iterable<[string, Map<number, Map<number, number>>]>,
  storeFields: readonly string[],
): void {
  for (const [short, id] of documents) {
    c.shortIds.push(short);
    c.ids.push(id);
    c.fieldLengths.push(lengths.get(short) ?? []);
    const fields = stored.get(short);
    c.stored.push(fields ? storeFields.map((f) => fields[f]) : null);
  }
  for (const [term, fields] of index) {
    c.terms.push(term);
    c.postings.push(encodePostings(fields));
  }
}

/** The index `compactIndex` saved, as MiniSearch with `options`; throws on data of another shape. */
export function loadCompactIndex(
  c: CompactIndex,
  options: Options,
  storeFields: readonly string[],
  direct = true,
): MiniSearch {
  check(c);
  const base = { ...c, serializationVersion: 2, index: [], documentIds: {}, fieldLength: {}, storedFields: {} };
  const mini = direct ? MiniSearch.loadJS(base, options) : undefined;
  const internals = mini && internalsOf(mini);
  if (!mini || !internals) return MiniSearch.loadJS(toPlain(c, storeFields), options);
  for (const [i, short] of c.shortIds.entries()) {
    const id = c.ids[i]!;
    internals._documentIds.set(short, id);
    internals._idToShortId.set(id, short);
    internals._fieldLength.set(short, c.fieldLengths[i]!);
    const values = c.stored[i];
    if (values) internals._storedFields.set(short, storedObject(values, storeFields));
  }
  for (const [i, term] of c.terms.entries()) internals._index.set(term, new LazyPostings(c.postings[i]!));
  return mini;
}

/** Each live document's terms (in any field), from the postings: what the document frequencies are counted from. */
export function termsPerDocument(c: CompactIndex): Map<string, string[]> {
  const idOf = new Map(c.shortIds.map((s, i) => [s, c.ids[i]!]));
  const terms = new Map<string, string[]>();
  for (const [i, term] of c.terms.entries()) {
    const docs = new Set<string>();
    readPostings(c.postings[i]!, () => (short) => {
      const id = idOf.get(short);
      if (id !== undefined) docs.add(id);
    });
    for (const id of docs) {
      const list = terms.get(id);
      if (list) list.push(term);
      else terms.set(id, [term]);
    }
  }
  return terms;
}

function toPlain(c: CompactIndex, storeFields: readonly string[]): AsPlainObject {
  const byShort = <T>(values: T[]) => Object.fromEntries(c.shortIds.map((s, i) => [s, values[i]!]));
  const stored = c.stored.map((v) => (v ? storedObject(v, storeFields) : undefined));
  return {
    documentCount: c.documentCount,
    nextId: c.nextId,
    fieldIds: c.fieldIds,
    averageFieldLength: c.averageFieldLength,
    dirtCount: c.dirtCount,
    documentIds: byShort(c.ids),
    fieldLength: byShort(c.fieldLengths),
    storedFields: Object.fromEntries(
      c.shortIds.flatMap((s, i) => (stored[i] ? [[s, stored[i]]] : [])),
    ) as AsPlainObject["storedFields"],
    index: c.terms.map((term, i) => {
      const fields: Record<string, Record<string, number>> = {};
      for (const [field, freqs] of decodePostings(c.postings[i]!)) fields[field] = Object.fromEntries(freqs);
      return [term, fields];
    }),
    serializationVersion: 2,
  };
}

/** A document's stored fields again; a field it had no value for (saved as null in JSON) stays absent. */
function storedObject(values: unknown[], storeFields: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [k, f] of storeFields.entries()) if (values[k] !== undefined && values[k] !== null) fields[f] = values[k];
  return fields;
}

function numericEntries<T>(object: Record<string, T>): [number, T][] {
  return Object.entries(object).map(([k, v]) => [Number(k), v]);
}

function* plainIndex(index: AsPlainObject["index"]): Generator<[string, Map<number, Map<number, number>>]> {
  for (const [term, fields] of index) {
    yield [term, new Map(Object.entries(fields).map(([f, freqs]) => [Number(f), new Map(numericEntries(freqs))]))];
  }
}

function check(c: CompactIndex): void {
  const n = c.shortIds?.length;
  const aligned = [c.ids, c.fieldLengths, c.stored].every((a) => Array.isArray(a) && a.length === n);
  const postings = Array.isArray(c.postings) && c.postings.every((p) => typeof p === "string");
  if (
    !Array.isArray(c.shortIds) ||
    !aligned ||
    !Array.isArray(c.terms) ||
    !postings ||
    c.terms.length !== c.postings.length
  )
    throw new Error("not a compact search index");
}
