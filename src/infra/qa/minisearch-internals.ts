import type MiniSearch from "minisearch";

/**
 * The maps inside MiniSearch 7 that our snapshot (compact-index.ts) and our in-place search (side-corpus.ts) read
 * and write: the fields its own `toJSON`, `loadJS` and `search` use. Declared and checked in one place, so an engine
 * laid out otherwise is recognised the same way by both (each then falls back to MiniSearch's public API).
 */
export interface MiniSearchInternals {
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown>>;
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    set(term: string, data: Map<number, Map<number, number>>): unknown;
    fuzzyGet(term: string, distance: number): Map<string, [unknown, number]>;
  } & Iterable<[string, Map<number, Map<number, number>>]>;
  removeTerm(fieldId: number, documentId: number, term: string): void;
}

/** MiniSearch's maps, when they are where version 7 keeps them; undefined otherwise (another version). */
export function internalsOf(mini: MiniSearch): MiniSearchInternals | undefined {
  const m = mini as unknown as Partial<MiniSearchInternals>;
  const maps = [m._documentIds, m._idToShortId, m._fieldLength, m._storedFields];
  const index = m._index as Partial<MiniSearchInternals["_index"]> | undefined;
  if (!maps.every((x) => x instanceof Map)) return undefined;
  if (typeof m._documentCount !== "number" || !Array.isArray(m._avgFieldLength)) return undefined;
  if (typeof m.removeTerm !== "function") return undefined;
  const methods = [index?.get, index?.set, index?.fuzzyGet, index?.[Symbol.iterator]];
  if (!methods.every((f) => typeof f === "function")) return undefined;
  return m as MiniSearchInternals;
}
