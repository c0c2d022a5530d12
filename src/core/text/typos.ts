import { fold } from "./fold.js";

/** Shorter words are left as typed: one edit away from a short word is too many other words. */
export const MIN_TYPO_LENGTH = 5;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** The folded word when it is long enough and all letters to be read as a possible typo; undefined otherwise. */
export function typoForm(word: string): string | undefined {
  const w = fold(word);
  return w.length >= MIN_TYPO_LENGTH && /^\p{L}+$/u.test(w) ? w : undefined;
}

/** Spellings of a folded word with a letter typed too many removed, or two neighbours swapped ("batimnet"). */
export function dropsAndSwaps(w: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    out.add(w.slice(0, i) + w.slice(i + 1));
    if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  }
  out.delete(w);
  return [...out];
}

/** Every spelling one edit away from a folded word: a letter added, changed or removed, or two neighbours swapped. */
export function everyEdit(w: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= w.length; i++) {
    for (const c of LETTERS) {
      out.add(w.slice(0, i) + c + w.slice(i));
      if (i < w.length) out.add(w.slice(0, i) + c + w.slice(i + 1));
    }
    if (i < w.length) out.add(w.slice(0, i) + w.slice(i + 1));
    if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  }
  out.delete(w);
  return [...out];
}
