import { escapeRegExp } from "../../../core/text/regexp.js";

/** One alternation of literal forms, longest first; apostrophes match either spelling. */
export function alternation(forms: Iterable<string>): string {
  return [...new Set(forms)]
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f).replace(/['’]/g, "['’]"))
    .join("|");
}

// Word edges for letters with accents, where \b sees ASCII only.
export const START = "(?<![\\p{L}\\p{M}\\p{N}])";
export const END = "(?![\\p{L}\\p{M}\\p{N}])";

const memos = new WeakMap<object, Map<string, RegExp>>();

/** A regular expression built once per owner (the glossary's facts) and key: the big alternations cost to build. */
export function memo(owner: object, key: string, build: () => RegExp): RegExp {
  let map = memos.get(owner);
  if (!map) {
    map = new Map();
    memos.set(owner, map);
  }
  let re = map.get(key);
  if (!re) {
    re = build();
    map.set(key, re);
  }
  return re;
}
