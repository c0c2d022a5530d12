import { fold } from "../../core/text/fold.js";

/** Shorter words are left as typed: one edit away from a short word is too many other words. */
export const MIN_TYPO_LENGTH = 5;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * The spellings one edit away from a word (Damerau: a letter deleted, two neighbours swapped, one replaced or one
 * inserted), folded, as Norvig's corrector makes them: "batimnet" → "batiment", "stoltenbreg" → "stoltenberg".
 * The caller keeps those its vocabulary knows.
 */
export function oneEditAway(word: string): string[] {
  const w = fold(word);
  if (w.length < MIN_TYPO_LENGTH || !/^\p{L}+$/u.test(w)) return [];
  const out = new Set<string>();
  for (let i = 0; i <= w.length; i++) {
    const [head, tail] = [w.slice(0, i), w.slice(i)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(w);
  return [...out];
}
