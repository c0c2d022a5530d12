import type { Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import { britishSpelling } from "../text/british-spelling.js";
import { fold } from "../text/fold.js";
import { escapeRegExp } from "../text/regexp.js";
import { stemOf } from "./focus-future.js";

/** How coverage (coverage.ts) reads a release's text for one word of a question: as written, inflected, in a compound. */

/**
 * The release's text in `lang`: its own text in that language (NATO's original or counterpart), or else the lines
 * of `all` that are not its original's (the stored translation and the brief).
 */
export function textIn(release: Release, all: string, lang: Lang): string {
  const own = release.texts[lang];
  if (own) return [own.title, ...own.paragraphs].join("\n");
  const originals = Object.values(release.texts)
    .map((t) => (t ? [t.title, ...t.paragraphs].join("\n") : ""))
    .join("\n");
  return all
    .split("\n")
    .filter((line) => !originals.includes(line))
    .join("\n");
}

/** Folded words with one spelling for British and American English ("center" / "centre"), both sides of a match. */
function spellingOf(words: string): string {
  return words.replace(/\p{L}+/gu, britishSpelling);
}

/** The text's words, folded and in one English spelling, each between spaces. */
export function wordsOf(text: string): string {
  return ` ${spellingOf(fold(text).replace(/[^\p{L}\p{N}]+/gu, " "))} `;
}

/**
 * Whether the text has the word (or phrase), inflections aside: a long word by its stem (`stemOf`, as
 * `textCovers`), a short one only with a plural or feminine ending (« chars » is not « charge »).
 */
export function hasWord(hay: string, form: string): boolean {
  const f = spellingOf(
    fold(form)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim(),
  );
  if (!f) return false;
  if (f.includes(" ") || f.length > 5) return hay.includes(` ${stemOf(f)}`);
  const base = f.replace(/(?:es|s|x)$/u, "");
  return [f, base, `${base}s`, `${base}e`, `${base}es`, `${base}x`].some(
    (v) => v.length >= 2 && hay.includes(` ${v} `),
  );
}

/** Shortest head looked for at the end of a compound: "ship" would find "partnership", "leadership". */
const MIN_HEAD = 5;

/** Whether the text has a closed compound ending with the word, plural aside ("landslides" for "slide"). */
export function endsCompound(hay: string, form: string): boolean {
  const f = fold(form);
  if (f.length < MIN_HEAD || !/^\p{L}+$/u.test(f)) return false;
  return new RegExp(`\\p{L}{3}${escapeRegExp(f)}(?:s|es)? `, "u").test(hay);
}
