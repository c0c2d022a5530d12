import { dropsAndSwaps, typoForm } from "../../core/text/typos.js";

/**
 * The spellings one edit away from a word that are cheap to look up: a letter typed too many, or two neighbours
 * swapped ("batimnet" → "batiment"), folded; 2n candidates rather than the 54n of every edit (each is stemmed to
 * be looked up). A letter missing or wrong in a long word is left to the index's fuzzy search (index-side.ts).
 */
export function oneEditAway(word: string): string[] {
  const w = typoForm(word);
  return w ? dropsAndSwaps(w) : [];
}
