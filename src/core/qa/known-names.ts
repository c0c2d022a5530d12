import type { Release } from "../domain/release.js";
import { unaccent } from "../text/fold.js";
import { escapeRegExp } from "../text/regexp.js";
import type { SpecificWord } from "./specific-words.js";

/**
 * Of the question's words no dictionary knows, those a retrieved release writes as a name: capitalised inside its
 * text, accents aside ("carney" → "Mark Carney", "erdogan" → « Erdoğan »). Coverage forgives one unknown word as a
 * typo or a coined spelling; a word the stored releases write as a name is neither, it is someone or something the
 * question asks about, and a release that lacks it does not answer ("what did Rutte and Carney say about Ukraine?"
 * is not answered by a release about Rutte and Ukraine alone).
 */
export function namesKnown(words: readonly SpecificWord[], releases: Iterable<Release>): Set<string> {
  const unknown = words.filter((w) => w.unknown);
  const out = new Set<string>();
  if (unknown.length === 0) return out;
  const texts = [...releases].flatMap((r) =>
    Object.values(r.texts).flatMap((t) => (t ? [unaccent([t.title, ...t.paragraphs].join("\n"))] : [])),
  );
  for (const w of unknown) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(unaccent(w.surface))}(?![\\p{L}\\p{N}])`, "giu");
    if (texts.some((t) => [...t.matchAll(re)].some((m) => /^\p{Lu}/u.test(m[0]) && !opensSentence(t, m.index ?? 0))))
      out.add(w.surface);
  }
  return out;
}

/** A word at the start of a text, a line or a sentence is capitalised whatever it is. */
function opensSentence(text: string, at: number): boolean {
  return /(?:^|[.!?:«"“\n]\s*)$/u.test(text.slice(Math.max(0, at - 3), at));
}
