import { fold } from "../../core/text/fold.js";

/** Shorter words are left as typed: one edit away from a short word is too many other words. */
export const MIN_TYPO_LENGTH = 5;

/**
 * The spellings one edit away from a word that are cheap to look up: a letter typed too many, or two neighbours
 * swapped ("batimnet" → "batiment"), folded; 2n candidates rather than the 54n of every edit (each is stemmed to
 * be looked up). A letter missing or wrong in a long word is left to the index's fuzzy search (index-side.ts).
 */
export function oneEditAway(word: string): string[] {
  const w = fold(word);
  if (w.length < MIN_TYPO_LENGTH || !/^\p{L}+$/u.test(w)) return [];
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    out.add(w.slice(0, i) + w.slice(i + 1));
    if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  }
  out.delete(w);
  return [...out];
}
